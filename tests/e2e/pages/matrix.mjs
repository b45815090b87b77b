import assert from "node:assert/strict";

export const matrix = {
  name: "matrix",
  path: "/",
  heading: "Liquid restaking, side by side",
  async content(page) {
    const qualitative = page.getByRole("table", { name: /Core architectural matrix/ });
    for (const text of ["ether.fi", "Renzo", "Kelp DAO", "Highly distributed, permissionless nodes",
      "Algorithmic, fully automated selection", "Recovering from April 2026 bridge exploit"]) {
      await qualitative.getByText(text, { exact: false }).first().waitFor();
    }
    const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
    assert.equal(await figures.locator("tbody tr").count(), 7);
  },
  async interact(page) {
    const figures = page.getByRole("table", { name: /Sourced and computed figures per protocol/ });
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
    // The architecture matrix (text) downloads as CSV as well.
    const [architecture] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("region", { name: "Core architectural matrix" }).locator("xpath=following-sibling::div[1]")
        .getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(architecture.suggestedFilename(), "restake-lab-architecture.csv");
    // A protocol's name opens its yield stack with its preset.
    await page.getByRole("link", { name: "Renzo: open its yield stack" }).click();
    await page.getByRole("heading", { level: 1, name: "Yield stacking" }).waitFor();
    assert.equal(await page.locator("#preset").inputValue(), "1");
    assert.match(page.url(), /\/yield\?protocol=renzo$/);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Liquid restaking, side by side" }).waitFor();
    // The exit queue input recomputes the time to exit in the table and the chart:
    // 115,200 ETH ahead at 57,600 ETH/day adds 2 days (Renzo 3 + 14 + 2 = 19).
    const renzoExit = figures.locator("tbody tr").filter({ has: page.locator("th", { hasText: "Renzo (ezETH)" }) }).locator("td").nth(5);
    assert.match(await renzoExit.textContent(), /^17 days/);
    await page.getByLabel("ETH ahead in the exit queue", { exact: true }).fill("115200");
    await page.waitForFunction(() => [...document.querySelectorAll("rect.bar title")].some((t) => t.textContent === "Renzo (ezETH): 19 days"));
    assert.match(await renzoExit.textContent(), /^19 days/);
    // An invalid entry shows an inline message and keeps the last valid figures.
    await page.getByLabel("ETH ahead in the exit queue", { exact: true }).fill("-3");
    await page.getByText("Enter a value from 0 to 5000000.").waitFor();
    assert.match(await renzoExit.textContent(), /^19 days/);
  },
};
