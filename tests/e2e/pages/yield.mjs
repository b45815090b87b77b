import assert from "node:assert/strict";
import { blurShows, expectModel, paste, typeKeys } from "./typing.mjs";

// Hand-worked from the ether.fi preset (core/src/yield_stack/presets.rs): CL = 166.32/√36M
// = 2.7721%, EL 0.54%, 5% buffer, 10% fee on every stream, operators 10%; AVS A 0.4 × 1%,
// EIGEN 0.3 × 10.868 × 0.0003 × 0.95, AVS C 0.2 × 100 × 0.0002 × 0.7 with 20% commission.
// Net APR = 0.95 × 0.9 × [3.3121% + 0.4 × 1% × 0.9 + 0.3 × 0.30974% × 0.9 + 0.2 × 1.4% × 0.8]
// = 3.4026%; daily compounding → APY 3.46%. LST: 0.9 × 3.3121% = 2.9808% → 3.03%.
// Expected loss 0.95 × (0.4×0.01×0.1 + 0.3×0.005×0.05 + 0.2×0.03×0.25) = 0.1876% → 0.19%;
// risk-adjusted 3.46 − 0.19 = 3.27%. 10 ETH for a year → 10.35 ETH (LRT), 10.30 ETH (LST).
export const yieldPage = {
  name: "yield",
  path: "/yield",
  summary: true,
  heading: "Yield stacking",
  async content(page) {
    assert.equal(await page.locator("#lrt-net-apy").textContent(), "3.46%");
    assert.equal(await page.locator("#lst-net-apy").textContent(), "3.03%");
    assert.equal(await page.locator("#consensus-apr").textContent(), "2.77%");
    assert.equal(await page.locator("#expected-loss").textContent(), "0.19%");
    assert.equal(await page.locator("#risk-adjusted-apy").textContent(), "3.27%");
    assert.equal(await page.locator("#deposit-lrt").textContent(), "10.35 ETH");
    assert.equal(await page.locator("#deposit-lst").textContent(), "10.30 ETH");
    await page.getByRole("img", { name: /LRT yield waterfall/ }).waitFor();
    // The expected loss says in place why the Risk page's differs.
    assert.match(await page.locator("#yield-differs-note").textContent(), /The Risk page simulates the scenario's network instead/);
  },
  async interact(page) {
    // Move the LRT fee slider to 20%: every stream is in scope, so net APR = 3.4026% × 0.8/0.9
    // = 3.0246% → daily APY 3.07%.
    await page.locator("#lrt-fee-slider").fill("20");
    await page.waitForFunction(() => document.querySelector("#lrt-net-apy")?.textContent === "3.07%");
    // Allocations 0.7 + 0.3 + 0.2 = 1.2 > 1: refused inline, the figures stay.
    await page.locator("#avs-0-allocation").fill("70");
    await page.getByText(/^Entries sum to 1\.2,/).first().waitFor();
    assert.equal(await page.locator("#lrt-net-apy").textContent(), "3.07%");
    await page.locator("#avs-0-allocation").fill("40");
    await page.waitForFunction(() => !document.body.textContent.includes("entries sum to"));
    // Key by key into a % field, a decimal field in ETH with its unit, and a pasted figure.
    await typeKeys(page, "#lrt-fee", "12.5");
    await expectModel(page, "LRT fee", (d) => d.yieldStack?.lrt?.feeOnRewards, 0.125);
    await blurShows(page, "#lrt-fee", "12.5");
    await typeKeys(page, "#deposit", "2.5 ETH");
    assert.equal(await page.locator("#deposit-read").textContent(), "= 2.5 ETH");
    await expectModel(page, "deposit", (d) => d.yieldStack?.depositEth, 2.5);
    await paste(page, "#deposit", "1,000");
    await expectModel(page, "deposit", (d) => d.yieldStack?.depositEth, 1000);
    await typeKeys(page, "#lrt-fee", "20%");
    await expectModel(page, "LRT fee", (d) => d.yieldStack?.lrt?.feeOnRewards, 0.2);
    // Remove AVS C and add a new stream: the list is editable.
    await page.getByRole("button", { name: "Remove AVS C (own token)" }).click();
    await page.getByRole("button", { name: "Add an AVS" }).click();
    await page.getByRole("group", { name: "New AVS 3" }).waitFor();
    await page.locator("#avs-2-kind").selectOption("token");
    await page.locator("#avs-2-emission").waitFor();
    // The LST preset: no AVS, no buffer, so the LRT column equals the LST.
    await page.getByLabel("Start from").selectOption({ label: "Lido (wstETH)" });
    await page.waitForFunction(() =>
      document.querySelector("#lrt-net-apy")?.textContent === document.querySelector("#lst-net-apy")?.textContent);
    assert.equal(await page.locator("#lrt-net-apy").textContent(), "3.03%");
  },
};
