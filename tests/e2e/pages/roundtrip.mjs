import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

// Round trips never lose data (#22): a document near the 1 MiB limit goes out as a file, into
// localStorage and into a link, and each copy comes back accepted and identical; an edit still
// inside the history pause survives Back, Forward and a reload.

const LIMIT = 1 << 20;
/**
 * The demo document with its bridge section spread over `chains` remote chains of 0.5 rsETH each
 * (names `Chain 00000`…): 72 bytes a chain, so 14,000 chains make a document of about
 * 1,044,000 bytes, 99.6% of the limit. Halves are written the same by JavaScript and by the app
 * (an integer-valued number gains ".0" in the app's JSON, so whole numbers would grow it).
 */
function nearLimit(doc, chains) {
  const d = structuredClone(doc);
  d.name = "Near the limit";
  d.bridge.chains = Array.from({ length: chains }, (_, i) => ({
    chain: `Chain ${String(i).padStart(5, "0")}`,
    design: "lockAndMint",
    supply: 0.5,
    locked: 0.5,
  }));
  d.bridge.exploit = { kind: "drainedAdapter", chain: "Chain 00000", amount: 0.5 };
  return JSON.stringify(d);
}

/** The app's own export of the current document: the downloaded file's text. */
export async function exported(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

const waitApy = (page, text) =>
  page.waitForFunction((t) => document.querySelector("#lrt-net-apy")?.textContent === t, text, { timeout: 30_000 });
const heading = (page, name) => page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 60_000 });

/** An entry that opens the Scenarios page (desktop only: its own entry checks the layouts) and runs `interact`. */
export const onScenarios = (name, interact) => ({
  name,
  path: "/scenarios",
  heading: "Scenarios",
  viewports: ["desktop"],
  content: (page) => page.getByRole("button", { name: "Export JSON" }).waitFor(),
  interact,
});

export const roundtrip = onScenarios("roundtrip", async (page, origin) => {
    // The demo document as the app exports it (compact: one line).
    const demo = await exported(page);
    assert.ok(!demo.text.includes("\n"), "the export is compact JSON");
    const text = nearLimit(JSON.parse(demo.text), 14_000);
    assert.ok(text.length > 1_040_000 && text.length <= LIMIT, `${text.length} bytes`);

    // Import → export → import: the export is the same bytes, and is accepted back.
    await page.locator("#import-file").setInputFiles({ name: "near.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByText("Imported “near.json”.").waitFor({ timeout: 60_000 });
    assert.equal(await page.locator("#scenario-name").inputValue(), "Near the limit");
    const out = await exported(page);
    assert.equal(out.name, "restake-lab-near-the-limit.json");
    assert.ok(out.text.length > 1_040_000 && out.text.length <= LIMIT, `exported ${out.text.length} bytes`);
    assert.deepEqual(JSON.parse(out.text), JSON.parse(text));
    await page.locator("#import-file").setInputFiles({ name: "again.json", mimeType: "application/json", buffer: Buffer.from(out.text) });
    await page.getByText("Imported “again.json”.").waitFor({ timeout: 60_000 });
    assert.equal(await page.locator("#import-error").count(), 0);
    assert.equal((await exported(page)).text, out.text);

    // Save → Load of the same copy.
    await page.getByRole("button", { name: "Save in this browser" }).click();
    await page.getByText("Saved “Near the limit” in this browser.").waitFor();
    const stored = await page.evaluate(() => localStorage.getItem("restake-lab.scenario.Near the limit"));
    assert.equal(stored, out.text);
    await page.getByRole("button", { name: "Load AVS software bug" }).click();
    await page.getByText("Loaded the replay “AVS software bug”.").waitFor();
    await page.getByRole("button", { name: "Load Near the limit" }).click();
    await page.getByText("Loaded “Near the limit”.").waitFor({ timeout: 60_000 });
    assert.equal((await exported(page)).text, out.text);

    // The document's own link, opened and then reloaded, gives the same document.
    const share = await page.locator("#share-link").inputValue();
    const fragment = share.slice(share.indexOf("#"));
    const other = await page.context().newPage();
    await other.goto(origin + "/scenarios" + fragment);
    await heading(other, "Scenarios");
    await other.getByRole("button", { name: "Export JSON" }).waitFor();
    assert.equal(await other.locator("#scenario-name").inputValue(), "Near the limit");
    await other.reload();
    await heading(other, "Scenarios");
    assert.equal(await other.getByRole("alert").filter({ hasText: /could not be loaded/ }).count(), 0);
    assert.equal((await exported(other)).text, out.text);
    await other.close();

    // Back inside the history pause (0.6 s) returns to the value before the edit, Forward to the
    // edit (the burst's later edit included), and neither skips an entry.
    const back = await page.context().newPage();
    await back.goto(origin + "/yield");
    await waitApy(back, "3.46%");
    const before = await back.evaluate(() => history.length);
    await back.locator("#lrt-fee").fill("15");
    await back.locator("#lrt-fee").fill("20");
    await waitApy(back, "3.07%");
    await back.goBack();
    await waitApy(back, "3.46%");
    assert.equal(await back.locator("#lrt-fee").inputValue(), "10");
    await back.goForward();
    await waitApy(back, "3.07%");
    assert.equal(await back.evaluate(() => history.length), before + 1);
    // A reload inside the pause keeps the edit too.
    await back.locator("#lrt-fee").fill("10");
    await waitApy(back, "3.46%");
    await back.reload();
    await waitApy(back, "3.46%");
    assert.equal(await back.locator("#lrt-fee").inputValue(), "10");
    // A page link keeps the document in the address bar: an edit, the menu's link to another
    // page, a reload there, and the menu back to Yield still shows the edit.
    await back.locator("#lrt-fee").fill("20");
    await waitApy(back, "3.07%");
    const menu = back.getByRole("navigation", { name: "Main" });
    await menu.getByRole("link", { name: "Risk", exact: true }).click();
    await heading(back, "Slashing risk, simulated");
    await back.waitForFunction(() => location.pathname === "/risk" && location.hash.startsWith("#s=s2."));
    await back.reload();
    await heading(back, "Slashing risk, simulated");
    // Back to Yield with the keyboard, as a person without a mouse: Tab from the top of the
    // reloaded page to the menu's link, then Enter.
    let tabs = 0;
    while (!(await back.evaluate(() => {
      const a = document.activeElement;
      return a?.tagName === "A" && a.textContent.trim() === "Yield" && !!a.closest('nav[aria-label="Main"]');
    }))) {
      assert.ok(++tabs <= 40, "the menu's Yield link is not reached with Tab");
      await back.keyboard.press("Tab");
    }
    await back.keyboard.press("Enter");
    await waitApy(back, "3.07%");
    assert.equal(await back.locator("#lrt-fee").inputValue(), "20");
    await back.close();
});
