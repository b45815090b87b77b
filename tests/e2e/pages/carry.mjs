import assert from "node:assert/strict";
import { expectModel, textOf as text, typeKeys, waitText } from "./typing.mjs";

// The Leverage page's carry panel, typed into key by key, each edit checked in the document's
// `leverage.carry` (the address bar), and restored by a reload of the share link.
// The loop is the default: 10 ezETH at 1 ETH, 3%/year, HF 1.2 on Morpho ezETH/WETH 77% (a 2.5%
// borrow rate, a labelled assumption): λ = 1/(1 − 0.77/1.2) = 2.7907.
// A year at the fixed 2.5%, daily steps: the debt grows by g = (1 + x + x²/2 + x³/6)^365,
// x = 0.025/365; net yield λ·1.03 − (λ − 1)·g − 1 = 3.84%; HF at the end
// λ·1.03·0.77/((λ − 1)·g) = 1.21; break-even: (λ − 1)·g(r) = 1.03λ − 1 at r = 4.57%.

export const carry = {
  name: "carry",
  path: "/leverage",
  heading: "Leverage and liquidation cascades",
  viewports: ["desktop"],
  async content(page) {
    // Aave Core WETH (U* 94%, slope 1 2.45%, slope 2 8%) from 94% to 99.85% on day 7 of 90:
    // 2.45% + 8% × 0.0585/0.06 = 10.25% at the top (10.2% or 10.3% by the float's last bit).
    assert.match(await text(page, "#carry-max-rate"), /^10\.[23]%$/);
    await page.getByRole("img", { name: /Health factor over time/ }).waitFor();
    await page.getByRole("img", { name: /Borrow rate against utilisation/ }).waitFor();
  },
  async interact(page) {
    // The loop's fixed rate: the document holds no rate model (the loop's borrow rate is read).
    await page.locator("#carry-model").selectOption("fixed");
    await expectModel(page, "fixed rate", (d) => d.leverage?.carry && !("rateModel" in d.leverage.carry), true);
    await waitText(page, "#carry-max-rate", "2.5%");
    await typeKeys(page, "#carry-horizon", "365");
    await expectModel(page, "horizon", (d) => d.leverage?.carry?.horizonDays, 365);
    await waitText(page, "#carry-net-apy", "3.84%");
    assert.equal(await text(page, "#carry-end-hf"), "1.21");
    assert.equal(await text(page, "#carry-break-even"), "4.57%");
    assert.equal(await text(page, "#carry-days"), "not within the horizon");
    // Back to Aave Core WETH; the February 2026 spike path is its seven published points.
    await page.locator("#carry-model").selectOption({ index: 0 });
    await expectModel(page, "rate model", (d) => d.leverage?.carry?.rateModel?.kind, "aave");
    await page.getByRole("radio", { name: /February 2026/ }).check();
    await expectModel(page, "spike path", (d) => d.leverage?.carry?.utilization?.points?.length, 7);
    assert.match(await text(page, "#carry-max-rate"), /^10\.[23]%$/);
    // A step typed key by key: to 95.42% peaks at 2.45% + 8% × 0.0142/0.06 = 4.343%.
    await page.getByRole("radio", { name: "a step", exact: true }).check();
    await typeKeys(page, "#carry-stepped", "95.42");
    await expectModel(page, "utilisation after the step", (d) => d.leverage?.carry?.utilization?.after, 0.9542);
    await waitText(page, "#carry-max-rate", "4.34%");
    // A step after the horizon never happens: the kink's 2.45% throughout.
    await typeKeys(page, "#carry-step-day", "400");
    await expectModel(page, "day of the step", (d) => d.leverage?.carry?.utilization?.atDay, 400);
    await waitText(page, "#carry-max-rate", "2.45%");
    // Refused: a utilisation above 100% never reaches the model.
    await typeKeys(page, "#carry-stepped", "100.5");
    assert.notEqual((await text(page, "#carry-stepped-msg")).trim(), "");
    await expectModel(page, "utilisation after a refused entry", (d) => d.leverage?.carry?.utilization?.after, 0.9542);
    await typeKeys(page, "#carry-stepped", "95.42");
    // More than 20,000 steps: 365 days in steps of 0.01 day is refused by core at stepDays,
    // beside the field, and the document keeps a day.
    await typeKeys(page, "#carry-step-days", "0.01");
    await page.getByText(/horizonDays \/ 20000/).waitFor();
    await expectModel(page, "step length", (d) => d.leverage?.carry?.stepDays, 1);
    await typeKeys(page, "#carry-step-days", "1");
    await typeKeys(page, "#carry-floor", "1.1");
    await expectModel(page, "health factor floor", (d) => d.leverage?.carry?.healthFactorFloor, 1.1);
    // The share link restores the panel: reload and read the fields and figures back.
    await page.reload();
    await page.locator("#carry-stepped").waitFor();
    assert.equal(await page.locator("#carry-stepped").inputValue(), "95.42");
    assert.equal(await page.locator("#carry-step-day").inputValue(), "400");
    assert.equal(await page.locator("#carry-horizon").inputValue(), "365");
    assert.equal(await page.locator("#carry-floor").inputValue(), "1.1");
    await waitText(page, "#carry-max-rate", "2.45%");
  },
};
