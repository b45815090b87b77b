import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";

export const matrix = {
  name: "matrix",
  path: "/",
  heading: "Liquid restaking, side by side",
  async content(page) {
    // Figures are shown first; the radio group switches to the source article's matrix.
    const figures0 = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
    await figures0.waitFor();
    await page.getByRole("radio", { name: /Architecture/ }).check();
    assert.equal(await figures0.isVisible(), false);
    const qualitative = page.getByRole("table", { name: /Core architectural matrix/ });
    for (const text of ["ether.fi", "Renzo", "Kelp DAO", "Highly distributed, permissionless nodes",
      "Algorithmic, fully automated selection", "Recovering from April 2026 bridge exploit"]) {
      await qualitative.getByText(text, { exact: false }).first().waitFor();
    }
    // No "Your scenario" column in the architecture matrix: it describes protocols only.
    assert.equal(await qualitative.locator("thead th").count(), 8);
    await page.getByRole("radio", { name: /Figures/ }).check();
    assert.equal(await qualitative.isVisible(), false);
    const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
    // Seven protocols and the custom row built from the demo network.
    assert.equal(await figures.locator("tbody tr").count(), 8);
    const row = (name) => figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: name }) });
    const cell = async (name, column) => {
      const headers = await figures.locator("thead th").allTextContents();
      const i = headers.findIndex((h) => h.startsWith(column)) - 1;
      return (await row(name).locator("td").nth(i).textContent()).trim();
    };
    // One figure per question: the matrix's ether.fi net APY is the Yield page's on the
    // ether.fi preset (tests/e2e/pages/yield.mjs: 3.46%), marked with the assumptions it rests
    // on; the expected loss would rest on the made-up AVS streams alone, so it says “not
    // sourced” and gives the illustrative 0.19% only in its note.
    assert.match(await cell("ether.fi (weETH)", "Net APY"), /^3\.46%/);
    assert.match(await cell("ether.fi (weETH)", "Expected annual slashing loss"), /^not sourced/);
    const cellLocator = async (name, column) => {
      const headers = await figures.locator("thead th").allTextContents();
      return row(name).locator("td").nth(headers.findIndex((h) => h.startsWith(column)) - 1);
    };
    const tipText = async (button) => {
      await button.focus();
      const text = await page.locator(`#${await button.getAttribute("aria-describedby")}`).textContent();
      await button.blur();
      return text;
    };
    const lossCell = await cellLocator("ether.fi (weETH)", "Expected annual slashing loss");
    assert.match(await tipText(lossCell.getByRole("button", { name: "Source" })), /^Not sourced: on the illustrative inputs below .* the engine gives 0\.19%/);
    // The mark is text (a button named “assumption: …”), and its tooltip lists what the
    // figure rests on: here, the yield preset's made-up AVS streams.
    const apyMark = (await cellLocator("ether.fi (weETH)", "Net APY")).getByRole("button", { name: /^assumption: this figure rests on \d+ labelled assumptions?$/ });
    assert.equal((await apyMark.textContent()).trim(), "assumption");
    assert.match(await tipText(apyMark), /Illustrative AVS streams: no published per-protocol AVS reward rates/);
    // Every protocol's VaR99 and ES99 are not sourced; the scenario's own are figures.
    for (const name of ["ether.fi (weETH)", "Renzo (ezETH)", "Lido (wstETH)"]) {
      assert.match(await cell(name, "VaR99"), /^not sourced/);
      assert.match(await cell(name, "ES99"), /^not sourced/);
    }
    assert.match(await cell("Your scenario", "VaR99"), /^\d/);
    await page.getByText(/a protocol's expected slashing loss, AVS count, VaR and ES would be the same illustrative number for every LRT/).waitFor();
    // Lido's published 10% fee carries its source and no “assumption” mark.
    assert.match(await cell("Lido (wstETH)", "Fee on rewards"), /^10(\.0)?%/);
    assert.equal(await (await cellLocator("Lido (wstETH)", "Fee on rewards")).locator(".assumption-mark").count(), 0);
    // Aave v3 E-mode for weETH: 1/(1 − 0.93) = 14.29×, liquidated at 0.93/0.95 = 97.9% of today's price.
    assert.match(await cell("ether.fi (weETH)", "Max leverage"), /^14\.29×/);
    assert.match(await cell("ether.fi (weETH)", "Liquidation price at max leverage"), /^97\.9/);
    // rsETH/wstETH E-mode on Aave v3 (proposal 311): the same 93/95 as weETH's.
    assert.match(await cell("Kelp DAO (rsETH)", "Max leverage"), /^14\.29×/);
    assert.match(await cell("Puffer (pufETH)", "Max leverage"), /^no sourced market/);
    // rsETH 2026-04-18: 18% bridged, socialised loss 0.18/1.18 = 15.3%.
    assert.match(await cell("Kelp DAO (rsETH)", "Share of supply bridged"), /^18(\.0)?%/);
    assert.match(await cell("Kelp DAO (rsETH)", "Loss in a bridge exploit"), /^15\.3/);
    // Concentration: not sourced for presets; the demo network's HHI 11,653/39,601 = 0.294, Nakamoto 1.
    assert.match(await cell("Renzo (ezETH)", "Operator concentration"), /^not sourced/);
    assert.match(await cell("Your scenario", "Operator concentration"), /^0\.29/);
    assert.match(await cell("Your scenario", "Nakamoto"), /^1(?![\d.,])/);
  },
  async interact(page) {
    await sameFigureEverywhere(page);
    const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
    // A computed cell's tooltip names the engine.
    const varTip = figures.locator("tbody tr").first().locator("td").nth((await figures.locator("thead th").allTextContents()).findIndex((h) => h.startsWith("VaR99")) - 1).getByRole("button", { name: "Source" });
    await varTip.focus();
    const varTipId = await varTip.getAttribute("aria-describedby");
    assert.match(await page.locator(`#${varTipId}`).textContent(), /Monte Carlo risk engine/);
    const header = figures.getByRole("columnheader", { name: /Time to exit/ });
    await header.getByRole("button", { name: /Time to exit/ }).click();
    assert.equal(await header.getAttribute("aria-sort"), "ascending");
    const first = async () => (await figures.locator("tbody tr th").first().textContent()).trim();
    assert.equal(await first(), "Lido (wstETH)"); // 0 days: no escrow for an LST
    await header.getByRole("button", { name: /Time to exit/ }).click();
    assert.equal(await header.getAttribute("aria-sort"), "descending");
    assert.equal(await first(), "Kelp DAO (rsETH)");
    // Sort by net APY (computed by the yield engine): the plain LST earns least — no AVS streams.
    const apy = figures.getByRole("columnheader", { name: /^Net APY/ });
    await apy.getByRole("button", { name: /Net APY/ }).click();
    assert.equal(await apy.getAttribute("aria-sort"), "ascending");
    assert.equal(await first(), "Lido (wstETH)");
    const apys = await figures.locator("tbody tr").evaluateAll((rows) => rows.map((r) => parseFloat(r.querySelectorAll("td")[0].textContent)));
    assert.deepEqual([...apys].sort((a, b) => a - b), apys);
    // The tooltip of a source opens on keyboard focus.
    const tip = figures.getByRole("button", { name: "Source" }).first();
    await tip.focus();
    const id = await tip.getAttribute("aria-describedby");
    assert.ok(await page.locator(`#${id}`).isVisible());
    // CSV download.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".table-block").filter({ has: figures }).getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "restake-lab-matrix.csv");
    // The architecture matrix (text) downloads as CSV as well, once the toggle shows it.
    await page.getByRole("radio", { name: /Architecture/ }).check();
    const [architecture] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("region", { name: "Core architectural matrix" }).locator("xpath=following-sibling::div[1]")
        .getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(architecture.suggestedFilename(), "restake-lab-architecture.csv");
    await page.getByRole("radio", { name: /Figures/ }).check();
    // A protocol's name opens its yield stack with its preset.
    await page.getByRole("link", { name: "Renzo on the Yield page" }).click();
    await page.getByRole("heading", { level: 1, name: "Yield stacking" }).waitFor();
    assert.equal(await page.locator("#preset").inputValue(), "1");
    // The address keeps the query; the scenario follows it once the page has set the preset.
    assert.match(page.url(), /\/yield\?protocol=renzo(#s=s2\.[\w-]+)?$/);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Liquid restaking, side by side" }).waitFor();
    // Slashing, pre-filled: the demo's 30 ETH all in weETH. ether.fi loses 5.7% under the
    // default events (tests/e2e/pages/slashing.mjs) ⇒ 30 × 0.057 = 1.71 ETH.
    await page.getByRole("link", { name: "ether.fi on the Slashing page" }).click();
    await page.getByRole("heading", { level: 1, name: "Layered slashing" }).waitFor();
    assert.match(await page.locator("#prefill-notice").textContent(), /your 30\.00 ETH position is all in ether\.fi \(weETH\)/);
    assert.equal(await page.locator("#position-loss").textContent(), "1.71 ETH");
    await page.goBack();
    // Risk, pre-filled: the positions are 30 ETH of rsETH.
    await page.getByRole("link", { name: "Kelp DAO on the Risk page" }).click();
    await page.getByRole("heading", { level: 1, name: "Slashing risk, simulated" }).waitFor();
    assert.match(await page.locator("#prefill-notice").textContent(), /all in Kelp DAO \(rsETH\)/);
    await page.locator("#position-var99").waitFor();
    await page.goBack();
    // A protocol outside the demo network says so.
    await page.getByRole("link", { name: "Puffer on the Risk page" }).click();
    await page.getByText(/is not in this page's network/).waitFor();
    await page.goBack();
    // Leverage, pre-filled: weETH's main market is Aave v3 E-mode; pufETH has no sourced market.
    await page.getByRole("link", { name: "ether.fi on the Leverage page" }).click();
    await page.getByRole("heading", { level: 1, name: "Leverage and liquidation cascades" }).waitFor();
    assert.equal(await page.locator("#market-preset option:checked").textContent(), "Aave v3 ETH-correlated E-mode");
    assert.match(await page.locator("#prefill-notice").textContent(), /main lending market/);
    await page.goBack();
    await page.getByRole("link", { name: "Puffer on the Leverage page" }).click();
    await page.getByText(/No lending market for Puffer \(pufETH\) is in our sources/).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Liquid restaking, side by side" }).waitFor();
    // The exit queue input recomputes the time to exit in the table and the chart:
    // 115,200 ETH ahead at 57,600 ETH/day adds 2 days (Renzo 3 + 14 + 2 = 19).
    const renzoExit = figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: "Renzo (ezETH)" }) }).locator("td").nth(5);
    assert.match(await renzoExit.textContent(), /^17 days/);
    // Typed key by key as the page prints it: 115,200 ETH (two days of Electra churn), not 115.2.
    await typeKeys(page, "#exit-queue", "115,200");
    assert.equal(await page.locator("#exit-queue-read").textContent(), "= 115200 ETH");
    await page.waitForFunction(() => [...document.querySelectorAll("rect.bar title")].some((t) => t.textContent === "Renzo (ezETH): 19 days"));
    assert.match(await renzoExit.textContent(), /^19 days/);
    // An invalid entry shows an inline message and keeps the last valid figures.
    await page.getByLabel("ETH ahead in the exit queue", { exact: true }).fill("-3");
    await page.getByText("Enter a value from 0 to 5000000 ETH.").waitFor();
    assert.match(await renzoExit.textContent(), /^19 days/);
    // Typing in the exit-queue fields runs no Monte Carlo: the engines' figures are computed
    // once per network, and a keystroke only recomputes the time-to-exit row. Each keystroke is
    // timed from its keydown to the end of its task (the input handler, the reactive update and
    // the DOM patch; a zero-delay timeout runs after them) and to the next animation frame, and
    // every long task (≥ 50 ms, PerformanceObserver "longtask") while typing is counted.
    const queuedField = page.getByLabel("ETH ahead in the exit queue", { exact: true });
    const stakedField = page.getByLabel("Total ETH staked (S)", { exact: true });
    await page.evaluate(() => {
      window.__keystrokes = [];
      window.__longtasks = [];
      window.__longtaskObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push(Math.round(e.duration));
      });
      window.__longtaskObserver.observe({ type: "longtask" });
      window.__onKey = (e) => {
        if (!["exit-queue", "total-staked"].includes(e.target.id)) return;
        const t0 = performance.now();
        const k = { key: e.key };
        window.__keystrokes.push(k);
        setTimeout(() => { k.task = performance.now() - t0; }, 0);
        requestAnimationFrame(() => { k.frame = performance.now() - t0; });
      };
      document.addEventListener("keydown", window.__onKey, true);
    });
    await queuedField.fill("");
    await queuedField.pressSequentially("230400", { delay: 120 });
    await stakedField.fill("");
    await stakedField.pressSequentially("10000000", { delay: 120 });
    await page.waitForTimeout(300);
    const { keys, longtasks } = await page.evaluate(() => {
      window.__longtaskObserver.disconnect();
      document.removeEventListener("keydown", window.__onKey, true);
      // The digits typed (`fill("")` presses Delete first; that is not a keystroke of ours).
      return { keys: window.__keystrokes.filter((k) => /^\d$/.test(k.key)), longtasks: window.__longtasks };
    });
    const ms = (v) => Math.round(v * 10) / 10;
    console.log(`        keystrokes (task ms / to next frame ms): ${keys.map((k) => `${k.key}:${ms(k.task)}/${ms(k.frame)}`).join(" ")}; long tasks: [${longtasks.join(", ")}]`);
    assert.equal(keys.length, 14);
    for (const k of keys) {
      assert.ok(k.task < 50, `keystroke ${k.key} took ${k.task} ms of main-thread work`);
      assert.ok(k.frame < 50 + 1000 / 60, `keystroke ${k.key} reached the next frame after ${k.frame} ms`);
    }
    assert.deepEqual(longtasks, []);
    // Hand-computed: S = 10,000,000 ETH ⇒ churn = min(256, max(128, 10,000,000/65,536 = 152.59))
    // = 152.59 ETH/epoch × 225 = 34,332.3 ETH/day; 230,400 ETH ahead ⇒ 6.711 days of queue.
    // Renzo: 3-day delay + 14-day escrow + 6.711 = 23.7 days; Lido (no escrow): 6.7 days.
    const churnPerDay = Math.min(256, Math.max(128, 10_000_000 / 65_536)) * 225;
    const wait = 230_400 / churnPerDay;
    const days = (d) => `${d.toFixed(1)} days`;
    assert.equal(days(3 + 14 + wait), "23.7 days");
    await page.waitForFunction((t) => [...document.querySelectorAll("rect.bar title")].some((e) => e.textContent === t), `Renzo (ezETH): ${days(3 + 14 + wait)}`);
    assert.match(await renzoExit.textContent(), new RegExp(`^${days(3 + 14 + wait).replace(".", "\\.")}`));
    const lidoExit = figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: "Lido (wstETH)" }) }).locator("td").nth(5);
    assert.match(await lidoExit.textContent(), new RegExp(`^${days(wait).replace(".", "\\.")}`));
    await foldGroups(page);
    await myPosition(page);
  },
};

// The figure groups fold by keyboard: each toggle is a button with aria-expanded that hides
// (and brings back) the columns of its group (core's row groups: Yield, Exit, Bridges, …).
async function foldGroups(page) {
  const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
  const headers = async () => (await figures.locator("thead th").allTextContents()).map((h) => h.trim());
  const toggle = page.getByRole("group", { name: /Figure groups/ }).getByRole("button", { name: "Yield (4 figures)" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await toggle.getAttribute("aria-controls"), "matrix-figures-table");
  const before = await headers();
  assert.ok(before.some((h) => h.startsWith("Net APY")));
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  const folded = await headers();
  assert.equal(folded.length, before.length - 4);
  for (const gone of ["Net APY", "Expected annual slashing loss", "Risk-adjusted APY", "Fee on rewards"]) {
    assert.ok(!folded.some((h) => h.startsWith(gone)), `${gone} still shown after folding Yield`);
  }
  // Still eight protocol rows, now starting at the exit figures.
  assert.equal(await figures.locator("tbody tr").count(), 8);
  assert.ok(folded[1].startsWith("Protocol withdrawal delay"), folded[1]);
  await page.keyboard.press("Space");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual(await headers(), before);
}

// “10 weETH: yield premium over wstETH and worst-year loss” (#20), from the home page: the
// position is set once, typed key by key; the model receives it in every section; the answer is
// on the home page; Yield and Risk, one click away, show the same figures; Slashing marks the
// operators and AVSs behind weETH; Leverage opens on weETH's Aave v3 E-mode market.
async function myPosition(page) {
  await page.locator("#home-position-token").selectOption("etherfi");
  await typeKeys(page, "#home-position-amount", "10");
  await expectModel(page, "position", (d) => d.position?.amountEth, 10);
  await expectModel(page, "network position", (d) => d.network.positions.find((p) => p.protocol === "etherfi")?.amountEth, 10);
  await expectModel(page, "other positions", (d) => d.network.positions.filter((p) => p.protocol !== "etherfi").every((p) => p.amountEth === 0), true);
  await expectModel(page, "yield deposit", (d) => d.yieldStack?.depositEth, 10);
  await expectModel(page, "leverage deposit (tokens at 1 ETH)", (d) => d.leverage?.loop?.deposit, 10);
  await expectModel(page, "leverage market LTV (Aave v3 E-mode)", (d) => d.leverage?.loop?.market?.ltv, 0.93);
  assert.equal(await page.locator("#position-words").textContent(), "10.00 ETH in ether.fi (weETH), 1 year, not looped");
  // The ether.fi preset (tests/e2e/pages/yield.mjs): 3.46% against wstETH's 3.03%; 10 ETH for a
  // year → 10.35 vs 10.30 ETH.
  const answer = (id) => page.locator(`#answer-${id}`).textContent();
  assert.equal(await answer("net-apy"), "3.46%");
  assert.match(await answer("premium"), /pp \(0\.0\d+ ETH over 1 year\)$/);
  assert.equal(await answer("expected-loss"), "0.19% a year");
  const var99 = await answer("var99");
  const es99 = await answer("es99");
  assert.match(var99, / ETH$/);
  // The matrix's own row for the scenario: its net APY is the answer's, and its VaR99 (a
  // fraction of the position's value, the default risk options: 100,000 years, seed 1, one
  // year) is the answer's VaR99 ÷ 10 ETH, to the cell's rounding.
  const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
  const headers = await figures.locator("thead th").allTextContents();
  const custom = figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: "Your scenario" }) });
  const customCell = async (column) => (await custom.locator("td").nth(headers.findIndex((h) => h.startsWith(column)) - 1).textContent()).trim();
  await page.waitForFunction(() => [...document.querySelectorAll("tbody th")].some((t) => /Your scenario/.test(t.textContent)));
  assert.match(await customCell("Net APY"), /^3\.46%/);
  const matrixVar = parseFloat(await customCell("VaR99")) / 100;
  assert.ok(Math.abs(matrixVar * 10 - parseFloat(var99)) <= 0.0005 * 10 + 1e-9, `matrix VaR99 ${matrixVar} × 10 ETH vs the answer's ${var99}`);
  const matrixEs = parseFloat(await customCell("ES99")) / 100;
  assert.ok(Math.abs(matrixEs * 10 - parseFloat(es99)) <= 0.0005 * 10 + 1e-9, `matrix ES99 ${matrixEs} × 10 ETH vs the answer's ${es99}`);
  assert.equal(lead(await customCell("Expected annual slashing loss")), "0.19%");
  // The position moved the Leverage page onto weETH's Aave v3 E-mode: the row's max leverage.
  assert.equal(lead(await customCell("Max leverage")), "14.29×");
  // One figure per question: the Yield page's net APY and expected loss are the answer's.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Yield", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Yield stacking" }).waitFor();
  assert.equal(await page.locator("#lrt-net-apy").textContent(), "3.46%");
  assert.equal(`${await page.locator("#expected-loss").textContent()} a year`, "0.19% a year");
  assert.equal(await page.locator("#position-words").textContent(), "10.00 ETH in ether.fi (weETH), 1 year, not looped");
  // … and the Risk page's VaR99 and ES99 of the position (same network, paths and seed).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Risk", exact: true }).click();
  await page.getByText("Done: 100,000 paths").waitFor({ timeout: 60_000 });
  assert.equal(await page.locator("#position-var99").textContent(), var99);
  assert.equal(await page.locator("#position-es99").textContent(), es99);
  // Slashing marks what stands behind weETH.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Slashing", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Layered slashing" }).waitFor();
  assert.ok(await page.locator("table.alloc-grid tbody tr.mine").count() >= 1);
  await page.locator("table.alloc-grid").getByText("(behind your weETH)").first().waitFor({ state: "attached" });
  // Leverage opens on weETH's main market: the matrix's 14.29× max leverage, and 10 tokens.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leverage", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Leverage and liquidation cascades" }).waitFor();
  assert.equal(await page.locator("#max-leverage").textContent(), "14.29×");
  assert.equal(await page.locator("#deposit").inputValue(), "10");
  // The header's line opens the same form on any page; a change there reaches the model.
  await page.locator(".position-bar > summary").click();
  await typeKeys(page, "#bar-position-horizon", "2.5");
  await expectModel(page, "horizon from the header", (d) => d.position?.horizonYears, 2.5);
  await expectModel(page, "risk horizon", (d) => d.risk?.horizonYears, 2.5);
  assert.equal(await page.locator("#position-words").textContent(), "10.00 ETH in ether.fi (weETH), 2.5 years, not looped");
  await page.locator(".position-bar > summary").click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Matrix", exact: true }).click();
}

/** The figure a cell's text starts with (`3.46%`, `14.29×`), without its notes. */
function lead(text) {
  return text.match(/^-?[\d.,]+(%|×)?/)?.[0];
}

// One figure per question (#20), on the default scenario (no position set): the matrix's own
// row for the scenario shows the Yield page's net APY and expected loss, the Risk page's VaR99
// and ES99 of the demo's 30 ETH (same network, paths and seed) as shares of it, and the
// Leverage page's max leverage (Morpho ezETH/WETH LLTV 77%: 1/0.23 = 4.35×) — each from the
// same core function of the same section. (The edited scenario, 10 weETH on Aave v3 E-mode,
// follows in myPosition.)
async function sameFigureEverywhere(page) {
  const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
  await page.waitForFunction(() => [...document.querySelectorAll("tbody th")].some((t) => /Your scenario/.test(t.textContent)));
  const headers = await figures.locator("thead th").allTextContents();
  const custom = figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: "Your scenario" }) });
  const customCell = async (column) => lead((await custom.locator("td").nth(headers.findIndex((h) => h.startsWith(column)) - 1).textContent()).trim());
  const matrix = {
    apy: await customCell("Net APY"),
    loss: await customCell("Expected annual slashing loss"),
    var99: parseFloat(await customCell("VaR99")) / 100,
    es99: parseFloat(await customCell("ES99")) / 100,
    leverage: await customCell("Max leverage"),
  };
  const nav = (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await nav("Yield");
  await page.getByRole("heading", { level: 1, name: "Yield stacking" }).waitFor();
  assert.equal(await page.locator("#lrt-net-apy").textContent(), matrix.apy);
  assert.equal(await page.locator("#expected-loss").textContent(), matrix.loss);
  assert.equal(matrix.apy, "3.46%");
  await nav("Risk");
  await page.getByText("Done: 100,000 paths").waitFor({ timeout: 60_000 });
  const eth = async (id) => parseFloat((await page.locator(id).textContent()).replace(/,/g, ""));
  for (const [id, share] of [["#position-var99", matrix.var99], ["#position-es99", matrix.es99]]) {
    const onRisk = await eth(id);
    // The cell is rounded to its shown digits: within half a unit of its last one (and 1%).
    assert.ok(Math.abs(share * 30 - onRisk) <= Math.max(0.0005 * 30, 0.01 * onRisk), `${id}: the Risk page's ${onRisk} ETH vs the matrix's ${share} × 30 ETH`);
  }
  await nav("Leverage");
  await page.getByRole("heading", { level: 1, name: "Leverage and liquidation cascades" }).waitFor();
  assert.equal(await page.locator("#max-leverage").textContent(), matrix.leverage);
  assert.equal(matrix.leverage, "4.35×");
  await nav("Matrix");
  await page.getByRole("heading", { level: 1, name: "Liquid restaking, side by side" }).waitFor();
}
