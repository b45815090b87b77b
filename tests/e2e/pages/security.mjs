import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";

// Hand-worked from the demo (core/src/security/demo.rs on the Slashing demo scenario), unique stake.
// Operator stakes: A 70,000, B 64,000, C 49,500, D 16,000 ETH; the allocations give 145,600 ETH.
// Oracle AVS: A 20% of 70,000 + B 30% of 64,000 = 33,200 ETH at α = 1/3, π = 4,000:
// load T = 4,000 / 11,066.67 = 0.3614 (the largest), γ* = 33,200/12,000 − 1 = 176.67% (shown as 177%);
// worst-case loss after a 5% shock = 5% / (1 − 0.3614) = 7.83%. The shock takes the smallest
// allocation, D → DA (3,200 ETH = 2.2% of the stake), and no attack follows.
export const security = {
  name: "security",
  path: "/security",
  summary: true,
  heading: "Cryptoeconomic security",
  async content(page) {
    await page.locator("#verdict").getByText("Certified: γ* = 177%").waitFor();
    assert.match(await page.locator("#attack-verdict").textContent(), /No valid attack exists/);
    assert.equal(await page.locator("#loss-bound").textContent(), "7.83%");
    assert.equal(await page.locator("#cascade-lost").textContent(), "2.2%");
    // R_ψ over every shock of at most 5% (7,280 ETH): only D → DA (3,200) fits, and no attack
    // pays (each AVS's cheapest corrupting set costs more than all four profits, 17,000 ETH).
    assert.match(await page.locator("#worst-case").textContent(), /^Worst case over every shock \(R_ψ, exact\): 2\.2% of the stake\. Attained by shocking op-d\/da; no attack follows\./);
    await page.getByRole("img", { name: /Operators, AVSs and the most profitable attack/ }).waitFor();
  },
  async interact(page) {
    // The bridge AVS's profit to 40,000 ETH: B → bridge (12,800) and C → bridge (24,750) reach
    // ⌈2/3 · 37,550⌉ together (neither alone); the attack costs 37,550 and gains 2,450 ETH.
    // Its load 40,000 / 25,033.33 = 1.6 > 1: not certified.
    await page.getByLabel("Bridge AVS: profit from corruption π", { exact: true }).fill("40000");
    await page.locator("#attack-verdict").getByText("Attack found: op-b/bridge, op-c/bridge corrupt bridge for a gain of 2,450 ETH.").waitFor();
    await page.locator("#verdict").getByText(/^Not certified/).waitFor();
    assert.equal(await page.locator("#loss-bound").textContent(), "none (not certified)");
    // The attack is drawn on the graph: the bridge AVS is marked “!”.
    await page.locator("svg text", { hasText: "! Bridge AVS" }).waitFor();
    // R_ψ: the shock D → DA (3,200) and the bridge attack (37,550; its surplus 2,450 carries no
    // other validator): 40,750 / 145,600 = 27.99%, shown as 28%.
    await page.locator("#worst-case").getByText(/^Worst case over every shock \(R_ψ, exact\): 28% of the stake\. Attained by shocking op-d\/da; the coalition op-b\/bridge, op-c\/bridge then corrupts bridge\./).waitFor();
    // Threshold 1/3 instead of 2/3: need ⌈37,550/3⌉ = 12,516.67, so B → bridge alone (12,800)
    // suffices: gain 40,000 − 12,800 = 27,200 ETH.
    await page.getByLabel("Bridge AVS: corruption threshold α").selectOption("1/3");
    await page.locator("#attack-verdict").getByText("Attack found: op-b/bridge corrupt bridge for a gain of 27,200 ETH.").waitFor();
    // R_ψ at α = 1/3: the largest coalition whose corrupted AVSs' profits exceed its stake is
    // C → bridge (24,750, corrupts bridge alone) with B → oracle (19,200, ≥ ⌈33,200/3⌉): 43,950 <
    // 40,000 + 4,000, the oracle part carried by the bridge's surplus; with the shock 3,200,
    // 47,150 / 145,600 = 32.38% (shown 32.4%). (Adding coprocessor or DA validators, or both bridge ones, costs
    // more than the profits they add.)
    await page.locator("#worst-case").getByText(/^Worst case over every shock \(R_ψ, exact\): 32\.4% of the stake\. Attained by shocking op-d\/da; the coalition op-b\/oracle, op-c\/bridge then corrupts oracle, bridge\./).waitFor();
    // No shock (ψ typed as 0): D → DA joins the coalition instead. B → bridge, A → oracle and
    // C → coprocessor cost 41,650 against 46,000, and the 4,350 left carries D → DA (3,200):
    // 44,850 / 145,600 = 30.80%, shown as 30.8%. Then back to 5%.
    await typeKeys(page, "#shock", "0");
    await page.locator("#worst-case").getByText(/^Worst case over every shock \(R_ψ, exact\): 30\.8% of the stake\. Attained with no shock: the coalition op-a\/oracle, op-b\/bridge, op-c\/coprocessor, op-d\/da corrupts oracle, bridge, coprocessor\./).waitFor();
    await typeKeys(page, "#shock", "5");
    await page.locator("#worst-case").getByText(/^Worst case over every shock \(R_ψ, exact\): 32\.4% of the stake/).waitFor();
    // A profit that is not a number is refused next to the field; the figures stay.
    await page.getByLabel("Bridge AVS: profit from corruption π", { exact: true }).fill("lots");
    await page.getByText("“lots” is not a number.").waitFor();
    assert.match(await page.locator("#attack-verdict").textContent(), /27,200 ETH/);
    // Typed key by key with thousands and its unit: 12,500.5 ETH, not 12.5005.
    await typeKeys(page, "#profit-0", "12,500.5 ETH");
    await expectModel(page, "first AVS's π", (d) => d.security?.services?.[0]?.profitEth, 12500.5);
  },
};
