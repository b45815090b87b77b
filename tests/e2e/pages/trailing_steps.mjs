import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";

// The trailing read (core/src/chain/trailing.rs) in the Data page's chain session (data.mjs),
// in a browser context of its own (so data.mjs's frozen snapshot stays as it was): after
// tests/chain/trailing.mjs's week (rsETH 1.0615 → 1.0625 ETH over 100 blocks and 604,800 s), a
// refresh, then the rates at head − 100. Hand-worked: g = 0.001 / 1.0615, APY = (1 + g)^52.178… − 1
// = 5.036% → "5.04%" (APR 4.92%). Frozen, the Yield page shows it beside rsETH's modelled net APY;
// the Bridge page offers rsETH's live rate (1.0625) and supply (400,000, the fixture's mint)
// against the preset's 1 ETH (assumed) and 647,222 (derived), and takes them on a click.

/** `browser` opens the context; `req` is the local read request. Resolves to the seconds it took. */
export async function trailingSteps(browser, origin, chain, req) {
  const t0 = Date.now();
  const { rsEthWeek } = await import("../../chain/trailing.mjs");
  const week = await rsEthWeek(chain);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const p = await context.newPage();
  p.on("pageerror", (e) => errors.push(e.message));
  p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const nav = (name) => p.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  try {
    await p.goto(`${origin}/data`);
    assert.match(await p.locator("#archive-note").textContent(), /archive-capable endpoint/);
    await typeKeys(p, "#rpc-url", chain.url);
    await p.locator("#contracts-own").check();
    await p.locator("#read-request").fill(JSON.stringify(req));
    await p.locator("#read-live").click();
    await p.locator("#new-head", { hasText: `block ${week.head}` }).waitFor({ timeout: 30_000 });
    await p.locator("#trailing-lag").fill("100");
    await p.locator("#trailing-lag").blur();
    await p.locator("#read-trailing", { hasText: "head − 100 blocks" }).click();
    const rs = p.locator(".realised-list li[data-token=rsETH]");
    await rs.waitFor({ timeout: 30_000 });
    const text = await rs.textContent();
    assert.match(text, /realised APY 5\.04% \(APR 4\.92%\)/, text);
    assert.match(text, new RegExp(`from block ${week.b0} .* to block ${week.head} .*: 100 blocks, 7\\.00 days`), text);
    assert.match(await p.locator(".realised-list li[data-token=weETH]").textContent(), /realised APY 0%/);
    await p.locator("#freeze-live").click();
    await expectModel(p, "the frozen trailing rsETH rate", (d) => d.live?.values?.find((v) => v.field === "trailing.rates.rsETH.exchangeRate")?.raw, "1061500000000000000");
    // The Yield page, on Kelp's preset: the check beside the modelled net APY.
    await nav("Yield");
    const option = p.locator("#preset option", { hasText: "(rsETH)" });
    await p.locator("#preset").selectOption(await option.getAttribute("value"));
    const check = p.locator("#lrt-realised");
    await check.waitFor();
    assert.equal(await p.locator("#lrt-realised-apy").textContent(), "5.04%");
    assert.match(await check.textContent(), new RegExp(`1\\.061500 → 1\\.062500 ETH from block ${week.b0} .* to block ${week.head} .*100 blocks over 7\\.00 days; modelled net APY \\d`));
    // The modelled figure is untouched by the check.
    assert.match(await p.locator("#lrt-net-apy").textContent(), /^\d+(\.\d+)?%$/);
    // The Bridge page: the live offer beside the preset's figures, then taken.
    await nav("Bridge");
    const offer = p.locator("#bridge-live");
    await offer.waitFor();
    const rows = offer.locator("tbody tr");
    assert.match(await rows.filter({ hasText: "exchangeRateEth" }).textContent(), /1\.0000.*Assumption.*1\.0625.*rsETHPrice\(\) on 0x[0-9a-fA-F]{40} — chain 31337, block \d+/s);
    assert.match(await rows.filter({ hasText: "ethereumSupply" }).textContent(), /647,222 tokens.*400,000 tokens.*totalSupply\(\)/s);
    await p.locator("#use-live-bridge").click();
    await expectModel(p, "the bridge input's live rate", (d) => d.bridge?.exchangeRateEth, 1.0625);
    await expectModel(p, "the bridge input's live supply", (d) => Math.round(d.bridge?.ethereumSupply * 1e6) / 1e6, 400_000);
    assert.equal(await p.locator("#rate").inputValue(), "1.0625");
    await p.getByText(/Source: rsETHPrice\(\) on 0x[0-9a-fA-F]{40} \(chain 31337, block \d+, read live\)/).waitFor();
    assert.deepEqual(errors, [], "console or page errors");
  } finally {
    await context.close();
  }
  return (Date.now() - t0) / 1000;
}
