import assert from "node:assert/strict";
import { blurShows, expectModel, paste, typeKeys } from "./typing.mjs";

// Hand-worked from the preset (see core/src/bridge.rs tests): 116,500 rsETH of 647,222 = 18%;
// affected chain bears it: the L2s lose all 116,500; socialised: h = 0.18/1.18 on every holder
// = 98,729 ETH; Aave bad debt socialised = 116,500 × (0.93 − (1 − h)) = 9,616 ETH.
export const bridge = {
  name: "bridge",
  path: "/bridge",
  summary: true,
  heading: "Bridge exposure",
  async content(page) {
    assert.equal(await page.locator("#exploit-share").textContent(), "18%");
    assert.equal(await page.locator("#loss-affected").textContent(), "116,500 ETH");
    assert.equal(await page.locator("#loss-socialised").textContent(), "98,729 ETH");
    assert.equal(await page.locator("#bad-debt-socialised").textContent(), "9,616 ETH");
  },
  async interact(page) {
    // Halve the exploit: the drained chain is short by half, so its 116,500 holders lose 58,250 ETH.
    await page.locator("#exploit-amount").fill("58250");
    await page.waitForFunction(() => document.querySelector("#loss-affected")?.textContent === "58,250 ETH");
    // More than is locked is refused inline and the figures stay.
    await page.locator("#exploit-amount").fill("200000");
    await page.getByText(/^Must be at most the 116500 tokens locked/).waitFor();
    assert.equal(await page.locator("#loss-affected").textContent(), "58,250 ETH");
    // Pasted with thousands separators, as the page prints it: 58,250 tokens, not 58.25.
    await paste(page, "#exploit-amount", "29,125");
    assert.equal(await page.locator("#exploit-amount-read").textContent(), "= 29125 tokens");
    await expectModel(page, "tokens taken", (d) => d.bridge?.exploit?.amount, 29125);
    await page.waitForFunction(() => document.querySelector("#loss-affected")?.textContent === "29,125 ETH");
    await blurShows(page, "#exploit-amount", "29125");
    // Typed key by key with the unit by habit; the exchange rate keeps its decimal point.
    await typeKeys(page, "#rate", "1.05");
    await expectModel(page, "exchange rate", (d) => d.bridge?.exchangeRateEth, 1.05);
    await typeKeys(page, "#exploit-amount", "10,000 tokens");
    await expectModel(page, "tokens taken", (d) => d.bridge?.exploit?.amount, 10000);
    // No exploit: nobody loses.
    await page.getByLabel("Nothing").check();
    await page.waitForFunction(() => document.querySelector("#loss-socialised")?.textContent === "0 ETH");
    // Switch the chart's policy.
    await page.getByLabel("borne by the affected chain").check();
    await page.getByRole("img", { name: /Holders' loss by chain/ }).waitFor();
  },
};
