import assert from "node:assert/strict";
import { expectModel, paste, typeKeys } from "./typing.mjs";

// Hand-worked from the demo scenario (core/src/slashing/demo.rs).
// Operator B's stake: 10,000 own + 30% of ether.fi's 100,000 + 40% of Renzo's 60,000 = 64,000 ETH.
// Event 1, B faults on the oracle AVS at 50%: B allocated 30% there → 15% of 64,000 = 9,600 ETH.
// Event 2, the bridge AVS slashes everyone 20%: B 20%·20% of 64,000 ≈ 2,560; C 50%·20% of
// 49,500 = 4,950 (less what the beacon chain took first) → 7,510 ETH. Event 3: 8 of C's
// validators slashed on the beacon chain ≈ 0.51 ETH. Total ≈ 17,110 ETH.
// ether.fi lost (15% + 4%) of the 30,000 it delegated to B = 5,700 of 100,000 = 5.7%, so a
// 10 ETH position loses 0.57; Renzo 11.59%, Kelp 5.0%: the three 10 ETH positions lose 2.23 ETH.
export const slashing = {
  name: "slashing",
  path: "/slashing",
  summary: true,
  heading: "Layered slashing",
  async content(page) {
    assert.equal(await page.locator("#total-slashed").textContent(), "17,110 ETH");
    assert.equal(await page.locator("#slashed-by-avss").textContent(), "17,110 ETH");
    assert.equal(await page.locator("#position-loss").textContent(), "2.23 ETH");
    await page.getByRole("img", { name: /Operators, AVSs and what the events hit/ }).waitFor();
  },
  async interact(page) {
    // The allocation grid downloads as CSV too.
    const [grid] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".table-scroll + .table-actions").getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(grid.suggestedFilename(), "slashing-allocations.csv");
    // Clear the sequence: nothing is slashed.
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Remove event 1" }).click();
    await page.waitForFunction(() => document.querySelector("#total-slashed")?.textContent === "0 ETH");
    // Operator A faults on every AVS it secures, 10%: it allocated 40% + 20% of its 70,000 ETH
    // (20,000 own + 50% of ether.fi's 100,000) → 6% = 4,200 ETH; ether.fi loses 3,000 of
    // 100,000 = 3%, so the 10 ETH weETH position loses 0.30 ETH.
    await page.locator("#add-event").click();
    await page.waitForFunction(() => document.querySelector("#total-slashed")?.textContent === "4,200 ETH");
    assert.equal(await page.locator("#position-loss").textContent(), "0.3000 ETH");
    // Shared stake: each of A's two AVSs can take 10% of all 70,000 → 14,000 ETH; ether.fi
    // loses 20% of 50,000 = 10,000 = 10% → 1 ETH.
    await page.getByLabel("Shared stake (Symbiotic restaking)").check();
    await page.waitForFunction(() => document.querySelector("#total-slashed")?.textContent === "14,000 ETH");
    assert.equal(await page.locator("#position-loss").textContent(), "1.00 ETH");
    // Over-allocating Operator A is refused next to the grid; the figures stay.
    await page.getByLabel("Operator A → Data-availability AVS: magnitude (%)").fill("90");
    await page.getByText("Operator A: allocations sum above 100% of its stake.").waitFor();
    assert.equal(await page.locator("#total-slashed").textContent(), "14,000 ETH");
    // Text that is not a number marks the cell and changes nothing.
    await page.getByLabel("Operator A → Data-availability AVS: magnitude (%)").fill("forty");
    await page.getByLabel("Operator A → Data-availability AVS: magnitude (%)").fill("40");
    await page.waitForFunction(() => document.querySelector("#total-slashed")?.textContent === "14,000 ETH");
    // The grid takes decimals key by key (`12.` stays `12.`): Operator A's first magnitude.
    const magnitude = (d) => {
      const [op, avs] = [d.network.operators[0].id, d.network.avss[0].id];
      return d.network.allocations.find((a) => a.operator === op && a.avs === avs)?.magnitude;
    };
    await typeKeys(page, "#alloc-0-0", "12.5");
    await expectModel(page, "Operator A's first magnitude", magnitude, 0.125);
    await typeKeys(page, "#alloc-0-0", "1,5");
    await page.locator(".grid-messages").getByText(/use a point for decimals/).waitFor();
    await expectModel(page, "Operator A's first magnitude", magnitude, 0.125);
    await paste(page, "#alloc-0-0", "30%");
    await expectModel(page, "Operator A's first magnitude", magnitude, 0.3);
    // A position in ETH, typed with its unit.
    await typeKeys(page, "#position-0", "12.5 ETH");
    await expectModel(page, "first position", (d) => d.network.positions[0].amountEth, 12.5);
  },
};
