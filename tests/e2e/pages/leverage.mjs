import assert from "node:assert/strict";
import { expectModel, paste, typeKeys } from "./typing.mjs";

// Hand-worked from the defaults (see core/src/lending tests): Morpho ezETH/WETH LLTV 77% looped
// to HF 1.2 ⇒ λ = 1/(1 − 0.77/1.2) = 2.79×, liquidation price 1/1.2 = 0.8333 ETH per token.
// The cascade opens on the calibrated ezETH replay: 8 liquidations, no bad debt.
export const leverage = {
  name: "leverage",
  path: "/leverage",
  summary: true,
  heading: "Leverage and liquidation cascades",
  async content(page) {
    assert.equal(await page.locator("#leverage").textContent(), "2.79×");
    assert.equal(await page.locator("#liq-price").textContent(), "0.8333");
    assert.equal(await page.locator("#liquidations").textContent(), "8");
    assert.equal(await page.locator("#bad-debt").textContent(), "0 ETH");
    assert.match(await page.locator("#hf-words").textContent(), /Health factor 1\.20/);
    await page.getByRole("img", { name: /Price by round/ }).waitFor();
    await page.getByRole("img", { name: /Net APY against leverage/ }).waitFor();
    // Carry: Aave Core WETH (U* 94%, slope 1 2.45%, slope 2 8%) stepping from 94% to 99.85% on
    // day 7 of 90: the highest rate is 2.45% + 8% × 0.0585/0.06 = 10.25%.
    // (Shown to one decimal above 10%: 10.2% or 10.3% by the float's last bit.)
    assert.match(await page.locator("#carry-max-rate").textContent(), /^10\.[23]%$/);
    await page.getByRole("img", { name: /Health factor over time/ }).waitFor();
    await page.getByRole("img", { name: /Borrow rate against utilisation/ }).waitFor();
  },
  async interact(page) {
    // The health-factor gauge downloads as SVG like every chart.
    const [gauge] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("figure.gauge").getByRole("button", { name: "Download SVG" }).click(),
    ]);
    assert.equal(gauge.suggestedFilename(), "health-factor.svg");
    const liquidations = () => page.locator("#liquidations").textContent();
    // Key by key: decimals in %, a health factor, and own capital with thousands.
    await typeKeys(page, "#borrow-rate", "2.75");
    await expectModel(page, "borrow rate", (d) => d.leverage?.loop?.borrowRate, 0.0275);
    await typeKeys(page, "#target-hf", "1.05");
    await expectModel(page, "target HF", (d) => d.leverage?.loop?.target?.healthFactor, 1.05);
    await typeKeys(page, "#deposit", "1,000");
    await expectModel(page, "own capital", (d) => d.leverage?.loop?.deposit, 1000);
    await typeKeys(page, "#target-hf", "1.2");
    // No shock: nobody is liquidated and the loop survives.
    await page.locator("#shock-slider").fill("0");
    await page.waitForFunction(() => document.querySelector("#liquidations")?.textContent === "0");
    assert.match(await page.locator("#loop-verdict").textContent(), /survives/);
    // A 20% fall is past the loop's liquidation price (a 16.7% fall): liquidations appear and
    // the cascade takes the oracle below 0.8333.
    await page.locator("#shock-slider").fill("20");
    await page.waitForFunction(() => document.querySelector("#liquidations")?.textContent !== "0");
    assert.ok(Number((await liquidations()).replace(/,/g, "")) > 8);
    assert.match(await page.locator("#loop-verdict").textContent(), /is liquidated/);
    assert.ok((await page.getByRole("table", { name: /Liquidations round by round/ }).locator("tbody tr").count()) > 1);
    // An exchange-rate oracle ignores a depeg: the same shock liquidates nobody.
    await page.getByRole("radio", { name: /^Exchange rate/ }).check();
    await page.waitForFunction(() => document.querySelector("#liquidations")?.textContent === "0");
    // The Aave E-mode preset: θ = 95%, the loop at HF 1.2 is 1/(1 − 0.95/1.2) = 4.80×.
    await page.locator("#market-preset").selectOption({ index: 0 });
    await page.waitForFunction(() => document.querySelector("#leverage")?.textContent === "4.80×");
    // The page's newer fields as people enter them, each checked in the model: a percent typed
    // with its sign, a pool depth pasted with thousands separators, decimals of a percent, and
    // the ETH price in USD (Aave v3.3 rules, shown for the E-mode preset) with a separator.
    await typeKeys(page, "#protocol-fee", "12.5%");
    await expectModel(page, "liquidation protocol fee", (d) => d.leverage?.loop?.market?.liquidationProtocolFee, 0.125);
    await paste(page, "#depth", "1,500,000");
    await expectModel(page, "pool depth", (d) => d.leverage?.cascade?.pool?.lrtReserve, 1_500_000);
    await typeKeys(page, "#sale-share", "37.5");
    await expectModel(page, "sale share", (d) => d.leverage?.cascade?.saleShare, 0.375);
    await typeKeys(page, "#swap-fee", "0.04");
    await expectModel(page, "swap fee", (d) => d.leverage?.cascade?.pool?.fee?.fee, 0.04 / 100);
    await typeKeys(page, "#eth-usd", "3,150.5");
    await expectModel(page, "ETH price in USD", (d) => JSON.stringify(d.leverage?.loop?.market?.rules ?? null).includes("3150.5"), true);
  },
};
