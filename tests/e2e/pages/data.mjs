import assert from "node:assert/strict";
import { currentDocument, expectModel, typeKeys } from "./typing.mjs";
import { networkSteps } from "./network_steps.mjs";
import { walletSteps } from "./wallet_steps.mjs";
import { morphoSteps } from "./morpho_steps.mjs";
import { poolSteps } from "./pool_steps.mjs";
import { trailingSteps } from "./trailing_steps.mjs";

// The Data panel against the local chain (tests/chain: the real Aave v3 Pool and Morpho Blue,
// stand-in LRT rate contracts). The fixture's Aave weETH reserve has LTV 7250 / LT 7500 / bonus
// 10750 bps, so the "Aave v3 Core, weETH outside E-mode" preset (77.5% / 80% / 7% from
// governance) becomes 72.5% / 75% / 7.5%; on it, max leverage 1/(1 − 0.725) = 3.64× and the
// loop to HF 1.2 λ = 1/(1 − 0.75/1.2) = 2.67× (the preset: 4.44× and 3.00×). weETH's rate is
// 1,069,000 ETH / 1,000,000 shares = 1.0690 ETH per token.

/** The fixture's contracts under the ids the lab's lending presets read (`core-…`), the Morpho
 * market with its IRM named (morpho_steps.mjs), and its Aave E-mode category 1 (9000 / 9300 /
 * 10200 bps on the real Pool), CAPO stand-ins and the Balancer v2 ezETH/WETH stand-in pool. */
function request(localRequest, eModeCapoRequest, balancerRequest, addresses) {
  const r = localRequest(addresses);
  const e = eModeCapoRequest(addresses, "core");
  return {
    ...r,
    aaveReserves: r.aaveReserves.map((x) => ({ ...x, id: x.id.replace(/^local-/, "core-") })),
    morphoMarkets: r.morphoMarkets.map((m) => ({ ...m, irm: addresses.morpho.irm })),
    aaveEModes: e.aaveEModes,
    capoAdapters: e.capoAdapters,
    balancerPools: balancerRequest(addresses).balancerPools,
  };
}

/** A context of its own: a refused connection is a console error there by design, so this
 * page collects its errors itself and fails on any other (a CSP refusal, a page error). */
async function isolated(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource: net::ERR_(CONNECTION_REFUSED|FAILED|ABORTED)/.test(m.text()) && errors.push(m.text()));
  return { context, page, errors };
}

async function blockNumber(url) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }) });
  return Number((await res.json()).result);
}

async function readFrom(page, url, req) {
  await typeKeys(page, "#rpc-url", url);
  await page.locator("#contracts-own").check();
  await page.locator("#read-request").fill(JSON.stringify(req));
  await page.locator("#read-live").click();
}

export const data = {
  name: "data",
  path: "/data",
  heading: "Data",
  async content(page) {
    // Nothing is read until asked; the privacy note is there before the button.
    assert.match(await page.locator("#privacy-note").textContent(), /sees your IP address and which contracts are read/);
    assert.match(await page.locator("#rpc-url-hint").textContent(), /None is built in/);
    assert.equal(await page.locator("#rpc-url").inputValue(), "");
    // The policy lets the panel reach an https endpoint or a node on this computer, nothing else.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /connect-src 'self' https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*;/);
    // A URL that is not http(s) is refused in words, and nothing is sent.
    await page.locator("#rpc-url").fill("ftp://node.example");
    await page.locator("#read-live").click();
    assert.match(await page.locator("#rpc-url-error").textContent(), /must start with https:\/\//);
  },
  async interact(page, origin) {
    // Loaded here, so the other pages run without the chain's packages (tests/chain).
    const { startChain } = await import("../../chain/chain.mjs");
    const { localRequest } = await import("../../chain/vectors.mjs");
    const { eModeCapoRequest } = await import("../../chain/aave_emode_capo.mjs");
    const { balancerRequest } = await import("../../chain/balancer.mjs");
    const t0 = Date.now();
    const chain = await startChain();
    const up = Date.now();
    const own = await isolated(page.context().browser());
    const p = own.page;
    let link;
    try {
      // 0. A hostile endpoint (a 5 MiB answer) and a silent one: the first is refused at the
      // cap, the second can be stopped at once; the page answers throughout, the document is
      // untouched.
      const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*" };
      await p.route("https://hostile.invalid/**", (route) => route.request().method() === "OPTIONS"
        ? route.fulfill({ status: 204, headers: cors })
        : route.fulfill({ status: 200, headers: cors, contentType: "application/json", body: "x".repeat(5 << 20) }));
      await p.route("https://silent.invalid/**", () => {});
      await p.goto(`${origin}/data`);
      await typeKeys(p, "#rpc-url", "https://hostile.invalid/");
      await p.locator("#read-live").click();
      await p.locator("#live-error", { hasText: /exceeds the 4 MiB cap/ }).waitFor();
      assert.match(await p.locator("#live-error").textContent(), /nothing was read and every preset is kept/);
      await typeKeys(p, "#rpc-url", "https://silent.invalid/");
      await p.locator("#read-live").click();
      await p.locator("#live-progress").waitFor();
      await p.locator("#stop-live").click();
      await p.getByText("Stopped. Nothing changed; the presets are kept.").waitFor();
      assert.equal((await currentDocument(p))?.live, undefined);
      const block = await blockNumber(chain.url);
      const req = request(localRequest, eModeCapoRequest, balancerRequest, chain.addresses);
      // 1. Read: the URL typed key by key, the fixture's contracts pasted as a read request.
      await p.goto(`${origin}/data`);
      await readFrom(p, chain.url, req);
      await p.locator("#new-head", { hasText: `block ${block}` }).waitFor({ timeout: 30_000 });
      assert.match(await p.locator("#new-head").textContent(), /^Chain 31337, block \d+/);
      const changes = p.locator("#new-changes");
      const core = changes.locator("tbody tr").filter({ hasText: "Aave v3 Core, weETH outside E-mode" });
      const ltv = core.filter({ hasText: "ltv" }).first();
      assert.match(await ltv.textContent(), /77\.5%.*72\.5%/s);
      assert.match(await ltv.locator(".live-basis").textContent(), new RegExp(`getReserveConfigurationData\\(address\\) on 0x[0-9a-fA-F]{40} — chain 31337, block ${block},`));
      assert.match(await core.filter({ hasText: "liquidationBonus" }).textContent(), /7%.*7\.5%/s);
      assert.equal(await p.locator("#new-failures").count(), 0);
      // 2. Freeze: the document's live section holds the read.
      await p.locator("#freeze-live").click();
      await p.locator("#frozen-head", { hasText: `block ${block}` }).waitFor();
      await expectModel(p, "frozen block", (d) => d.live?.head?.blockNumber, block);
      // 3. The Leverage page's presets carry it.
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leverage" }).click();
      await p.locator("#live-notice", { hasText: `block ${block}` }).waitFor();
      // 3a. The live E-mode category 1 in the ETH-correlated E-mode preset: 93% → 90% with its
      // call and block; picked, the LTV field holds 90 and the CAPO stand-in's cap is shown.
      const emodeLtv = p.locator("#live-changes li", { hasText: "Aave v3 ETH-correlated E-mode: ltv " });
      assert.match(await emodeLtv.textContent(), new RegExp(`ltv 93% → 90% \\(getEModeCategoryData\\(uint8\\) on 0x[0-9a-fA-F]{40}, block ${block}\\)`));
      await p.locator("#market-preset").selectOption({ label: "Aave v3 ETH-correlated E-mode" });
      await p.waitForFunction(() => document.querySelector("#ltv")?.value === "90");
      assert.match(await p.locator("#capo-cap").textContent(), /snapshot 1\.0347 ETH per token, at most 8\.75% a year/);
      await p.locator("#market-preset").selectOption({ label: "Aave v3 Core, weETH outside E-mode" });
      await p.waitForFunction(() => document.querySelector("#max-leverage")?.textContent === "3.64×");
      assert.equal(await p.locator("#leverage").textContent(), "2.67×");
      assert.equal(await p.locator("#ltv").inputValue(), "72.5");
      await expectModel(p, "the loop's LTV", (d) => d.leverage?.loop?.market?.ltv, 0.725);
      // 3b. The carry's rate model from the live Morpho IRM (morpho_steps.mjs).
      await morphoSteps(p, block);
      // 3c. The cascade's pool from the live Curve pool (pool_steps.mjs).
      await poolSteps(p, block);
      link = p.url();
      // 4. The matrix's live toggle: weETH's rate as read, with the block.
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Matrix" }).click();
      await p.locator("#matrix-live").check();
      const figures = p.getByRole("table", { name: /Sourced and computed figures per protocol/ });
      await figures.getByRole("columnheader", { name: /Exchange rate \(live\)/ }).waitFor();
      const headers = await figures.locator("thead th").allTextContents();
      const col = headers.findIndex((h) => h.startsWith("Exchange rate (live)")) - 1;
      const weeth = figures.locator("tbody tr").filter({ has: p.locator("th", { hasText: "ether.fi" }) }).locator("td").nth(col);
      assert.match(await weeth.textContent(), /^1\.0690/);
      assert.match(await weeth.textContent(), new RegExp(`block ${block}`));
      // 4b. The wallet import on the same chain (wallet_steps.mjs).
      const walletSeconds = await walletSteps(p, origin, chain);
      console.log(`        data: wallet import ${walletSeconds.toFixed(1)} s`);
      // 4c. The network import on the same chain (network_steps.mjs).
      const networkSeconds = await networkSteps(p, origin, chain);
      console.log(`        data: network import ${networkSeconds.toFixed(1)} s`);
      // 4d. The trailing read and the realised yield, in a context of its own (trailing_steps.mjs).
      const trailingSeconds = await trailingSteps(page.context().browser(), origin, chain, req);
      console.log(`        data: trailing read ${trailingSeconds.toFixed(1)} s`);
      // 5. The node dies in the middle of a refresh: the head is read, then the node is stopped
      // as the first eth_call leaves. Nothing is kept from it, the frozen snapshot and the
      // presets stay, and the panel says why; a retry fails the same way, and says so.
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
      let killed = false;
      await p.route((u) => u.href.startsWith(chain.url), async (route) => {
        if (!killed && /"eth_call"/.test(route.request().postData() ?? "")) {
          killed = true;
          await chain.stop();
        }
        await route.continue().catch(() => route.abort("connectionrefused"));
      });
      await readFrom(p, chain.url, req);
      await p.locator("#new-failures").waitFor({ timeout: 30_000 });
      assert.ok(killed, "the node was not stopped mid-refresh");
      assert.match(await p.locator("#new-failures").textContent(), /could not be reached/);
      assert.match(await p.getByText(/call\(s\) gave no figure; the presets they would have changed are kept/).textContent(), /^\d+ call/);
      // The snapshot is still the document's: the panel shows it from the document's `live`
      // section (the address bar carries no document after a plain page link until the next
      // edit, so it is read from the page here).
      await p.locator("#frozen-head", { hasText: `block ${block}` }).waitFor();
      await p.locator("#retry-live").click();
      await p.locator("#new-failures", { hasText: /could not be reached/ }).waitFor();
    } finally {
      await chain.stop();
      await own.context.close();
    }
    // 6. The link, reopened with the node gone: the same figures, and not one request to it.
    const again = await isolated(page.context().browser());
    try {
      const sent = [];
      again.page.on("request", (r) => !r.url().startsWith(origin) && sent.push(r.url()));
      await again.page.goto(link);
      await again.page.waitForFunction(() => document.querySelector("#max-leverage")?.textContent === "3.64×");
      assert.equal(await again.page.locator("#leverage").textContent(), "2.67×");
      assert.equal(await again.page.locator("#pool-source").inputValue(), "live:curvePools.weETH-WETH");
      assert.match(await again.page.locator("#live-pool").textContent(), /1\.069/);
      await again.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
      await again.page.locator("#frozen-head").waitFor();
      assert.match(await again.page.locator("#frozen-changes").textContent(), /72\.5%/);
      assert.deepEqual(sent, [], "the reopened link fetched from the chain");
      assert.deepEqual([...own.errors, ...again.errors], [], "console or page errors");
    } finally {
      await again.context.close();
    }
    console.log(`        data: chain up in ${((up - t0) / 1000).toFixed(1)} s, whole interaction ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  },
};
