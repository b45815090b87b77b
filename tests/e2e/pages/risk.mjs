import assert from "node:assert/strict";

const text = (page, sel) => page.locator(sel).textContent();
const eth = (s) => parseFloat(s.replace(/,/g, ""));

export const risk = {
  name: "risk",
  path: "/risk",
  heading: "Slashing risk, simulated",
  async content(page) {
    await page.getByText("Done: 100,000 paths").waitFor({ timeout: 60_000 });
    // The order of the tail measures holds on every run: VaR99 ≤ ES99, P(loss) a percentage.
    assert.ok(eth(await text(page, "#position-var99")) <= eth(await text(page, "#position-es99")));
    assert.match(await text(page, "#position-ploss"), /%$/);
    await page.getByRole("img", { name: /Loss over the horizon/ }).waitFor();
  },
  async interact(page) {
    const es99 = await text(page, "#position-es99");
    // A long run: typing into another field while it runs is answered at once, and the run
    // that follows finishes with the new inputs.
    await page.locator("#paths").fill("1000000");
    await page.getByText(/Running: [\d,]+ of 1,000,000 paths/).waitFor({ timeout: 30_000 });
    await page.locator("#horizon").fill("2");
    assert.equal(await page.locator("#horizon").inputValue(), "2");
    await page.getByText("Done: 1,000,000 paths").waitFor({ timeout: 120_000 });
    await page.getByText(/1,000,000 paths over 2 years with seed 1/).waitFor();
    // Same seed, same inputs ⇒ the same figures.
    await page.locator("#paths").fill("100000");
    await page.locator("#horizon").fill("1");
    await page.getByText(/100,000 paths over 1 year with seed 1/).waitFor({ timeout: 60_000 });
    assert.equal(await text(page, "#position-es99"), es99);
    // An impossible probability is refused next to its field; the figures stay.
    await page.locator("#fault").fill("150");
    await page.getByText("Enter a value from 0 to 100.").waitFor();
    assert.equal(await text(page, "#position-es99"), es99);
    // The histogram follows the chosen series.
    await page.locator("#series").selectOption({ index: 1 });
    await page.getByRole("img", { name: /Loss over the horizon/ }).waitFor();
  },
};
