// Number entry as a person does it: key by key, pasted from the clipboard, with the habits of
// people who write `1,000` and `5%`. What the model received is read from the scenario document
// itself — the address bar's `#s=s2.<base64url of raw deflate of the JSON>` that the app pushes
// 0.6 s after an edit, into which a page writes only the input its engine accepted.
import assert from "node:assert/strict";
import { inflateRawSync } from "node:zlib";

/** The scenario document the page's address carries now (`null` before the first edit). */
export async function currentDocument(page) {
  const hash = await page.evaluate(() => location.hash);
  const m = /^#s=s2\.([A-Za-z0-9_-]+)$/.exec(hash);
  return m ? JSON.parse(inflateRawSync(Buffer.from(m[1], "base64url")).toString("utf8")) : null;
}

/** Waits until `pick(document)` equals `expected` (the model received it), up to 5 s. */
export async function expectModel(page, what, pick, expected) {
  let last;
  for (let i = 0; i < 50; i++) {
    const doc = await currentDocument(page);
    last = doc ? pick(doc) : undefined;
    if (last === expected) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: the model received ${last}, expected ${expected}`);
}

/** Clears the field and types `text` key by key, checking after each key that the field
 * still shows exactly what was typed so far (it never rewrites `2.` to `2`). */
export async function typeKeys(page, selector, text) {
  const field = page.locator(selector);
  await field.click();
  await field.press("Control+A");
  await field.press("Delete");
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    assert.equal(await field.inputValue(), text.slice(0, i + 1), `${selector} after typing “${text.slice(0, i + 1)}”`);
  }
}

/** Replaces the field's text with `text` pasted from the clipboard (Control+V). */
export async function paste(page, selector, text) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const field = page.locator(selector);
  await field.click();
  await field.press("Control+A");
  await field.press("Control+V");
  assert.equal(await field.inputValue(), text);
}

/** Blurs the field with Tab and checks the text it settles on. */
export async function blurShows(page, selector, shown) {
  await page.locator(selector).press("Tab");
  assert.equal(await page.locator(selector).inputValue(), shown);
}

/** The text of the element `selector`. */
export const textOf = (page, selector) => page.locator(selector).textContent();

/** Waits until the element `selector` shows exactly `want` (a figure recomputed after an edit). */
export const waitText = (page, selector, want) =>
  page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent === w, [selector, want]);
