import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { exported, onScenarios } from "./roundtrip.mjs";
import { expectModel } from "./typing.mjs";

// A frozen snapshot in which rsETH is in the LTV-zero set of Aave Core's E-mode category 3 (issue 18): the link
// reopens it with no fetch, and the Leverage page says the rsETH/wstETH preset is kept whole and why. The
// figures are TEST INPUTS in the contracts' integers (category 3 at 93% / 95% / 1%, as aave-address-book lists
// it; reserve id 40 is chosen for the test: bit 40 set in both the collateral and the LTV-zero bitmap).

const POOL = "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"; // Aave v3 Ethereum Core Pool (aave-address-book)
const BLOCK = 24_000_000;
const basis = (fn) => ({ chainId: 1, blockNumber: BLOCK, blockTimestamp: 1_780_000_000, address: POOL, function: fn });
const figure = (name, raw, value, unit, fn) => ({ field: `aaveEModes.core-3.${name}`, raw, value, unit, basis: basis(fn) });
const bit40 = (1n << 40n).toString();

/** The snapshot: category 3's figures and rsETH's standing in it. */
export const LTV_ZERO_SNAPSHOT = Object.freeze({
  head: { chainId: 1, blockNumber: BLOCK, blockTimestamp: 1_780_000_000, blockHash: "0x" + "ab".repeat(32) },
  values: [
    figure("ltv", "9300", 0.93, "fraction", "getEModeCategoryData(uint8)"),
    figure("liquidationThreshold", "9500", 0.95, "fraction", "getEModeCategoryData(uint8)"),
    figure("liquidationBonus", "10100", 0.01, "fraction of the repaid debt (raw: 1e4 + bps)", "getEModeCategoryData(uint8)"),
    figure("reserveId", "40", 40, "index (the reserve's bit in the category's bitmaps)", "getReserveData(address)"),
    figure("collateralBitmap", bit40, 2 ** 40, "bitmap (bit i = reserve id i)", "getEModeCategoryCollateralBitmap(uint8)"),
    figure("ltvzeroBitmap", bit40, 2 ** 40, "bitmap (bit i = reserve id i)", "getEModeCategoryLtvzeroBitmap(uint8)"),
  ],
  failures: [],
});

const link = (doc) => "#s=s2." + deflateRawSync(Buffer.from(JSON.stringify(doc))).toString("base64url");

export const ltvZero = onScenarios("ltvzero", async (page, origin) => {
  const doc = JSON.parse((await exported(page)).text);
  doc.live = LTV_ZERO_SNAPSHOT;
  const requests = [];
  page.on("request", (r) => r.method() === "POST" && requests.push(r.url()));
  await page.goto(origin + "/leverage" + link(doc));
  await page.locator("#live-notice", { hasText: `block ${BLOCK}` }).waitFor({ timeout: 30_000 });
  assert.match(await page.locator("#live-notice p").textContent(), /0 preset figure\(s\) replaced, 1 preset\(s\) kept whole \(why below\)/);
  const kept = page.locator("#live-changes li.live-kept");
  assert.equal(await kept.count(), 1);
  assert.match(
    await kept.textContent(),
    new RegExp(`^Aave v3 rsETH/wstETH E-mode: its preset is kept — rsETH is in the LTV-zero set of Aave v3 Core's E-mode category 3 at block ${BLOCK} \\(reserve id 40, getEModeCategoryLtvzeroBitmap\\(uint8\\) on ${POOL}\\): its LTV there is 0, so it backs no new borrow and no loop can be opened`),
  );
  // Picked, the preset still holds its own 93% LTV (none of the snapshot's figures went in).
  const preset = page.locator("#market-preset");
  await preset.focus();
  await preset.selectOption({ label: "Aave v3 rsETH/wstETH E-mode" });
  await page.waitForFunction(() => document.querySelector("#ltv")?.value === "93");
  await expectModel(page, "the loop's LTV", (d) => d.leverage?.loop?.market?.ltv, 0.93);
  assert.deepEqual(requests, [], "the frozen snapshot is read with no request");
});
