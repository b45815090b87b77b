import assert from "node:assert/strict";
import { writeFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The Yield page's default (ether.fi preset) nets 3.46% APY; with the LRT fee at 20% instead of
// 10% the net APR is 3.4026% × 0.8/0.9 = 3.0246%, daily-compounded 3.07% (see yield.mjs). So an
// edit of that slider is easy to recognise in a share link, after Back, and in Compare:
// APY(3.0246%) = 3.0708%, APY(3.4026%) = 3.4612%, a difference of 0.39 pp.
const apy = (page) => page.locator("#lrt-net-apy").textContent();
const waitApy = (page, text) =>
  page.waitForFunction((t) => document.querySelector("#lrt-net-apy")?.textContent === t, text);
const nav = async (page, name, heading) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
};

export const scenarios = {
  name: "scenarios",
  path: "/scenarios",
  heading: "Scenarios",
  async content(page) {
    assert.match(await page.locator("#share-link").inputValue(), /\/yield#s=s2\.[A-Za-z0-9_-]+$/);
    assert.equal(await page.locator("#scenario-name").inputValue(), "Demo network");
    await page.getByRole("heading", { level: 2, name: "Replays" }).waitFor();
    await page.getByRole("link", { name: "JSON Schema" }).waitFor();
  },
  async interact(page, origin) {
    // The schema is served beside the app.
    const schema = await page.request.get(origin + "/scenario.schema.json");
    assert.equal(schema.status(), 200);
    assert.match(await schema.text(), /"\$schema"/);

    // Edit a value on a page: the address bar gets the scenario once typing pauses.
    await page.goto(origin + "/yield");
    await waitApy(page, "3.46%");
    assert.equal(new URL(page.url()).hash, "");
    await page.locator("#lrt-fee-slider").fill("20");
    await waitApy(page, "3.07%");
    await page.waitForFunction(() => location.hash.startsWith("#s=s2."));
    const edited = page.url();

    // Back restores the value before the edit, Forward the edit.
    await page.goBack();
    await waitApy(page, "3.46%");
    assert.match(page.url(), /\/yield#s=s2\./);
    await page.goForward();
    await waitApy(page, "3.07%");
    assert.equal(page.url(), edited);

    // The share link opens the same figures in a new page.
    await nav(page, "Scenarios", "Scenarios");
    await page.locator("#link-page").selectOption("/yield");
    const link = await page.locator("#share-link").inputValue();
    assert.ok(link.startsWith(origin + "/yield#s=s2."), link);
    // Copy link: the Clipboard API gets exactly the field's text.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const other = await page.context().newPage();
    await other.goto(link);
    await other.getByRole("heading", { level: 1, name: "Yield stacking" }).waitFor();
    await waitApy(other, "3.07%");
    assert.equal(await other.locator("#lrt-fee").inputValue(), "20");
    await other.close();

    // A bad file is refused with its field path; the scenario (and so its link) is unchanged.
    await page.locator("#import-file").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"version": 2, "protocols": [], "colour": "red"}'),
    });
    await page.locator("#import-error").getByText(/unknown field `colour`/).waitFor();
    assert.match(await page.locator("#import-error").textContent(), /current scenario is unchanged/);
    await page.locator("#import-file").setInputFiles({
      name: "wrong-type.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"version": 2, "protocols": [], "bridge": {"token": 7}}'),
    });
    await page.locator("#import-error").getByText(/bridge\.token/).waitFor();
    // 50 MB: refused from its size, before reading.
    const dir = mkdtempSync(join(tmpdir(), "restake-e2e-"));
    const big = join(dir, "huge.json");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    try {
      await page.locator("#import-file").setInputFiles(big);
      await page.locator("#import-error").getByText(/52,428,800 bytes; a scenario file has at most 1048576 bytes/).waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(await page.locator("#share-link").inputValue(), link);
    await nav(page, "Yield", "Yield stacking");
    assert.equal(await apy(page), "3.07%");

    // Name and save the edit, put the fee back, and compare the saved copy with the current one.
    await nav(page, "Scenarios", "Scenarios");
    await page.locator("#scenario-name").fill("Fee 20%");
    await page.getByRole("button", { name: "Save in this browser" }).click();
    await page.getByText("Saved “Fee 20%” in this browser.").waitFor();
    await page.getByRole("button", { name: "Load Fee 20%" }).waitFor();
    await nav(page, "Yield", "Yield stacking");
    await page.locator("#lrt-fee-slider").fill("10");
    await waitApy(page, "3.46%");
    await nav(page, "Scenarios", "Scenarios");
    await page.locator("#compare-a").selectOption("saved:Fee 20%");
    await page.locator("#compare-b").selectOption("current");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const table = page.getByRole("table", { name: /Headline figures/ });
    await table.waitFor({ timeout: 60_000 });
    const row = table.locator("tbody tr").filter({ has: page.locator("th", { hasText: "LRT net APY" }) });
    const cells = await row.locator("td").allTextContents();
    assert.deepEqual(cells, ["3.07%", "3.46%", "+0.39 pp"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "restake-lab-compare.csv");

    // Loading the saved copy brings the edit back on every page.
    await page.getByRole("button", { name: "Load Fee 20%" }).click();
    await page.getByText("Loaded “Fee 20%”.").waitFor();
    await nav(page, "Yield", "Yield stacking");
    await waitApy(page, "3.07%");

    // A replay from the library replaces the scenario: the AVS bug slashes every operator of
    // the DA layer by half of what each allocated to it. The Slashing page shows the same total
    // as core's run of the document (Compare), and it differs from the demo's 17,110 ETH.
    await nav(page, "Scenarios", "Scenarios");
    const replays = page.locator("li.replay");
    assert.equal(await replays.count(), 5);
    await page.getByRole("button", { name: "Load AVS software bug" }).click();
    await page.getByText("Loaded the replay “AVS software bug”.").waitFor();
    assert.notEqual(await page.locator("#share-link").inputValue(), link);
    await page.locator("#compare-a").selectOption("current");
    await page.locator("#compare-b").selectOption("replay:avs-bug");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.locator("#compare-legend").getByText(/B is the replay “AVS software bug”/).waitFor();
    const slashedRow = page.getByRole("table", { name: /Headline figures/ }).locator("tbody tr")
      .filter({ has: page.locator("th", { hasText: "Stake slashed by the sequence" }) });
    const [slashedA, slashedB, slashedDiff] = await slashedRow.locator("td").allTextContents();
    assert.equal(slashedA, slashedB);
    assert.equal(slashedDiff, "0 ETH");
    assert.notEqual(slashedA, "17,110 ETH");
    // The replay's link, as the address bar holds it once the load is recorded.
    await page.waitForFunction(() => location.hash.startsWith("#s=s2."));
    const replayLink = await page.evaluate(() => location.hash);
    await nav(page, "Slashing", "Layered slashing");
    assert.equal(await page.locator("#total-slashed").textContent(), slashedA);
    // The replay has a slashing section but no yield inputs: the Slashing page uses it and says
    // nothing; the Yield page says its figures are its own defaults instead of showing them silently.
    assert.equal(await page.locator(".replay-gap").count(), 0);
    await nav(page, "Yield", "Yield stacking");
    await page.locator(".replay-gap").getByText("The replay “AVS software bug” has no yield inputs, so this page shows its own defaults, not figures from the replay.").waitFor();
    await nav(page, "Bridge", "Bridge exposure");
    await page.locator(".replay-gap").getByText(/has no bridge inputs/).waitFor();
    // … and still says so when the replay's link is opened again (a reload): the document
    // carries the replay's name.
    await page.goto(origin + "/bridge" + replayLink);
    await page.getByRole("heading", { level: 1, name: "Bridge exposure" }).waitFor();
    await page.locator(".replay-gap").getByText("The replay “AVS software bug” has no bridge inputs, so this page shows its own defaults, not figures from the replay.").waitFor();

    // A burst of typing is one history entry.
    const burst = await page.context().newPage();
    await burst.goto(origin + "/yield");
    await waitApy(burst, "3.46%");
    const entries = await burst.evaluate(() => history.length);
    for (const v of ["11", "12", "13", "14"]) await burst.locator("#lrt-fee").fill(v);
    await burst.waitForFunction(() => location.hash.startsWith("#s=s2."));
    await burst.waitForTimeout(1000);
    assert.equal(await burst.evaluate(() => history.length), entries + 1);
    await burst.close();

    // A hostile link: a clear error, and the default scenario.
    const hostile = await page.context().newPage();
    await hostile.goto(origin + "/yield#s=s2.bm90IGEgc2NlbmFyaW8");
    await hostile.getByRole("alert").filter({ hasText: /could not be loaded/ }).waitFor();
    await waitApy(hostile, "3.46%");
    assert.equal(new URL(hostile.url()).hash, "");
    await hostile.close();
  },
};
