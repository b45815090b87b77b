import assert from "node:assert/strict";
import { expectModel } from "./typing.mjs";

// The live Morpho IRM rate on the Leverage page's carry panel, in data.mjs's session: the read
// names the local market's AdaptiveCurveIRM (the chain's stand-in, rate at target 3,170,979,198
// per second = 10% APR), so after "Freeze into the scenario" the carry's rate models offer the
// market as of the block. At 100 / 500 WETH = 20% utilisation the curve gives 10% × 0.41667 =
// 4.17% (the rate at target falls by about 1.2e-6 of itself a second below 90%, far below the
// rounding), and choosing it makes 20% today's utilisation.
export async function morphoSteps(p, block) {
  const select = p.locator("#carry-model");
  const option = select.locator("option", { hasText: `Morpho weETH-WETH-94.5 at block ${block} (live)` });
  await option.waitFor({ state: "attached" });
  assert.match(await option.textContent(), /^Morpho weETH-WETH-94\.5 at block \d+ \(live\): 4\.17% now, rate at target 10%$/);
  await select.selectOption({ label: await option.textContent() });
  await expectModel(p, "the carry's rate model", (d) => d.leverage?.carry?.rateModel?.kind, "adaptiveCurve");
  assert.equal(await p.locator("#carry-utilization").inputValue(), "20");
  await expectModel(p, "the carry's utilisation today", (d) => d.leverage?.carry?.utilization?.before, 0.2);
}
