import assert from "node:assert/strict";
import { expectModel, paste, textOf as text, typeKeys, waitText } from "./typing.mjs";

// The Parameters page, hand-worked (core/src/parameters tests, core/tests/scenario_workbench.rs).
// Default: weETH on Arbitrum (500 weETH sold within 2%, Chaos Labs 2025-03-12; σ 1.4%, debt
// 1,000 ETH, c = k = 3: labelled assumptions) against Aave v3 ETH-correlated E-mode (LTV 93%,
// LT 95%, bonus 1%). ℓ(1%) = 250 weETH on the straight curve.
// - SmartLTV e^(−3·0.014/√(250/1000)) − 0.01 = 90.94%
// - LT = 1 − 1% − 3 × 1.4% = 94.8%
// - caps: Chaos 2 × 250 = 500; Gauntlet conservative 500 (the curve's end); aggressive 5,000.

export const parameters = {
  name: "parameters",
  path: "/parameters",
  heading: "Risk parameters",
  async content(page) {
    assert.equal(await text(page, "#tight-ltv"), "90.9%");
    assert.equal(await text(page, "#tight-lt"), "94.8%");
    assert.equal(await text(page, "#tight-cap"), "500 tokens");
    assert.match(await text(page, "#tight-cap-rule"), /Chaos Labs.* and Gauntlet supply cap, conservative \(a tie\)/);
    assert.match(await text(page, "#tight-ltv-rule"), /SmartLTV/);
    assert.match(await text(page, "#tight-ltv-today"), /^Today's 93% is above it/);
    assert.match(await text(page, "#tight-lt-today"), /^Today's 95% is above it/);
    assert.equal(await text(page, "#tight-cap-today"), "No figure today to compare.");
    assert.match(await text(page, "#not-advice"), /not a recommendation/);
    // Five rules and the market today, each cell with its source.
    const table = page.getByRole("table", { name: /Each rule's suggestion/ });
    assert.equal(await table.locator("tbody tr").count(), 6);
    await page.getByRole("img", { name: /Supply cap by rule/ }).waitFor();
    // The depth point is sourced (no assumption mark); σ is a labelled assumption.
    const sale = page.locator("fieldset", { has: page.locator("#point-0-size") });
    assert.match(await sale.textContent(), /Preset's figure/);
    assert.equal(await sale.locator(".assumption-mark").count(), 0);
    const sigma = page.locator(".field", { has: page.locator("#volatility") }).locator("xpath=following-sibling::p[1]");
    assert.equal(await sigma.locator(".assumption-mark").count(), 1);
  },
  async interact(page) {
    // σ typed key by key: 2% ⇒ LT 1 − 1% − 6% = 93%, SmartLTV e^(−0.12) − 0.01 = 87.69%.
    await typeKeys(page, "#volatility", "2");
    await expectModel(page, "volatility", (d) => d.parameters?.input?.volatility, 0.02);
    await waitText(page, "#tight-lt", "93%");
    assert.equal(await text(page, "#tight-ltv"), "87.7%");
    assert.match(await page.locator(".field", { has: page.locator("#volatility") }).locator("xpath=following-sibling::p[1]").textContent(), /Your figure/);
    // Debt with a thousands separator: √(250/4000) = 0.25 ⇒ e^(−0.24) − 0.01 = 77.66%.
    await typeKeys(page, "#debt-size", "4,000");
    await expectModel(page, "debt", (d) => d.parameters?.input?.debtSize, 4000);
    await waitText(page, "#tight-ltv", "77.7%");
    // A decimal comma is refused, and the model keeps the 2% it had before the text was begun.
    await typeKeys(page, "#volatility", "1,5");
    assert.notEqual((await text(page, "#volatility-msg")).trim(), "");
    await expectModel(page, "volatility after 1,5", (d) => d.parameters?.input?.volatility, 0.02);
    await typeKeys(page, "#volatility", "2");
    // A circulating supply pasted with separators: Gauntlet's 30% of 1,000 = 300 binds alone.
    await paste(page, "#circulating-supply", "1,000");
    await expectModel(page, "circulating supply", (d) => d.parameters?.input?.circulatingSupply, 1000);
    await waitText(page, "#tight-cap", "300 tokens");
    assert.equal(await text(page, "#tight-cap-rule"), "Gauntlet supply cap, conservative");
    await typeKeys(page, "#now-cap", "250");
    await expectModel(page, "supply cap today", (d) => d.parameters?.input?.current?.supplyCap, 250);
    await waitText(page, "#tight-cap-today", "Today's 250 tokens is within it.");
    // A 2% budget with its unit: ℓ = 500, √(500/4000) ⇒ SmartLTV e^(−0.06/0.35355) − 0.01 = 83.39%.
    await typeKeys(page, "#slippage-budget", "2%");
    await expectModel(page, "slippage budget", (d) => d.parameters?.input?.slippageBudget, 0.02);
    await waitText(page, "#tight-ltv", "83.4%");
    // Another market: Aave v3 Core outside E-mode (bonus 7%, LTV 77.5%, LT 80%):
    // LT = 1 − 7% − 6% = 87%, and today's 80% is within it.
    await page.locator("#market-preset").selectOption({ label: "Aave v3 Core, weETH outside E-mode" });
    await expectModel(page, "market preset", (d) => d.parameters?.marketPreset, "aave-v3-weeth-core");
    await expectModel(page, "bonus", (d) => d.parameters?.input?.liquidationBonus, 0.07);
    await waitText(page, "#tight-lt", "87%");
    assert.match(await text(page, "#tight-lt-today"), /^Today's 80% is within it/);
    // Another token: rsETH on Arbitrum (462 rsETH within 7.5%, LlamaRisk 2025-01-27; no
    // supply): ℓ(7%) = 431.2; Chaos 862.4, Gauntlet conservative 462 (the curve's end), so 462.
    await page.locator("#token-preset").selectOption({ label: "rsETH on Arbitrum" });
    await expectModel(page, "token preset", (d) => d.parameters?.tokenPreset, "rseth-arbitrum");
    await expectModel(page, "depth point", (d) => d.parameters?.input?.liquidity?.[0]?.lrtIn, 462);
    await waitText(page, "#tight-cap", "462 tokens");
    // SmartLTV with the preset's 1,000 ETH of debt: e^(−0.06/√0.4312) − 0.07 = 84.27%.
    assert.equal(await text(page, "#tight-ltv"), "84.3%");
    // A second point at 1,024 rsETH, its impact typed: 30% ⇒ ℓ(25%) = 462 + (17.5/22.5)·562
    // = 899.1, so Chaos Labs' 862.4 binds.
    await page.getByRole("button", { name: "Add a point" }).click();
    await expectModel(page, "second point", (d) => d.parameters?.input?.liquidity?.[1]?.lrtIn, 1024);
    await typeKeys(page, "#point-1-impact", "30");
    await expectModel(page, "second impact", (d) => d.parameters?.input?.liquidity?.[1]?.priceImpact, 0.3);
    await waitText(page, "#tight-cap", "862 tokens");
    assert.match(await text(page, "#tight-cap-rule"), /^Supply cap = 2 × liquidity within the bonus \(Chaos Labs\)$/);
    // A second sale smaller than the first is refused by core beside the field; the document keeps 1,024.
    await typeKeys(page, "#point-1-size", "400");
    await page.getByText(/more than the previous point's 462/).waitFor();
    await expectModel(page, "second point after a refused size", (d) => d.parameters?.input?.liquidity?.[1]?.lrtIn, 1024);
    await typeKeys(page, "#point-1-size", "1,024");
    // Exports: the table as CSV and the chart as SVG.
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), "parameters.csv");
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download SVG" }).click(),
    ]);
    assert.equal(svg.suggestedFilename(), "supply-caps.svg");
    // The share link restores the workbench: reload and read it back.
    await page.reload();
    await page.locator("#point-1-impact").waitFor();
    assert.equal(await page.locator("#point-1-impact").inputValue(), "30");
    assert.equal(await page.locator("#token-preset").inputValue(), "2");
    await waitText(page, "#tight-cap", "862 tokens");
  },
};
