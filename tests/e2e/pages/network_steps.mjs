import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";

// The network import (issue 19) in the Data page's chain session (data.mjs), on the local chain's
// EigenLayer and LRT stand-ins (tests/chain/eigenlayer.mjs) populated from the spec core's tests
// write (core/tests/fixtures/network_import_local.json). Hand-worked (core/src/chain/network_import/
// tests/part.rs): Renzo (ezETH) restakes 1,000 ETH through 3 OperatorDelegators, 2 of them delegated,
// to operators 0x1111… and 0x2222…; its part of the network has 2 operators and 3 operator sets.

const A = "0x1111111111111111111111111111111111111111";

/**
 * Types the endpoint key by key, imports the network with the keyboard (each request slowed by
 * 100 ms so the progress is seen), checks the block, the counts and the assumptions, starts from
 * Renzo's network and sees it on the Slashing page and in the reopened link; then a Renzo list
 * entry that reverts mid-page (a labelled partial result), and a silent endpoint stopped at once.
 * `p` is a page of data.mjs's isolated context; resolves to the seconds it took.
 */
export async function networkSteps(p, origin, chain) {
  const t0 = Date.now();
  const { deployEigenLayer, loadSpec } = await import("../../chain/eigenlayer.mjs");
  const el = await deployEigenLayer(chain);
  try {
    const { request, lists } = await el.populate(loadSpec().spec);
    const nav = (name) => p.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
    const slow = (u) => u.href.startsWith(chain.url);
    await p.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 100));
      await route.continue();
    });
    await nav("Data");
    await typeKeys(p, "#rpc-url", chain.url);
    await p.locator("#contracts-own").check();
    await p.locator("#network-request").fill(JSON.stringify(request));
    const block = Number((await el.provider.send("eth_blockNumber", [])));
    // 1. Import with the keyboard: focus the labelled button, press Enter.
    const button = p.getByRole("button", { name: "Import network" });
    await button.focus();
    await p.keyboard.press("Enter");
    await p.locator("#netimport-progress").waitFor();
    // Progress per LRT while it runs: each of the three LRTs has a row.
    const running = p.locator("#netimport-lrts tbody tr");
    await running.first().waitFor();
    assert.equal(await running.count(), 3);
    await p.locator("#netimport-head", { hasText: `block ${block} (` }).waitFor({ timeout: 30_000 });
    await p.unroute(slow);
    assert.match(await p.locator("#netimport-head").textContent(), new RegExp(`^Imported at block ${block} \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\), chain 31337`));
    assert.match(await p.locator("#netimport-counts").textContent(), /^\d+ contract calls in 6 rounds of requests/);
    const renzoRow = p.locator("#netimport-done tbody tr[data-protocol=renzo]");
    assert.deepEqual((await renzoRow.locator("td").allTextContents()).slice(0, 4), ["done", "3", "3", "2"]);
    assert.match(await p.locator("#netimport-assumptions").textContent(), /faultProbabilities: Assumption: Fault probabilities and AVS reward rates are not on chain/);
    // 2. Start from Renzo's network (keyboard again); the document's network is its part.
    const start = p.getByRole("button", { name: "Start from today's network of ezETH" });
    await start.focus();
    await p.keyboard.press("Enter");
    await p.locator("#netimport-started", { hasText: `network of ezETH as of block ${block}` }).waitFor();
    await expectModel(p, "the origin's block", (d) => d.networkOrigin?.head?.blockNumber, block);
    await expectModel(p, "the network's LRTs", (d) => d.network.protocols.map((x) => x.id).join(), "renzo");
    await expectModel(p, "the network's operators", (d) => d.network.operators.length, 2);
    // 3. The Slashing page runs on it and says so; the share link carries it without a fetch.
    await nav("Slashing");
    await p.locator("#network-notice", { hasText: `The network of ezETH as of block ${block}` }).waitFor();
    assert.ok((await p.locator("main").textContent()).includes(A), "operator 0x1111… is not on the Slashing page");
    const link = p.url();
    const again = await p.context().newPage();
    const sent = [];
    again.on("request", (r) => r.url().startsWith(chain.url) && sent.push(r.url()));
    await again.goto(link);
    await again.locator("#network-notice", { hasText: `block ${block}` }).waitFor();
    await again.close();
    assert.deepEqual(sent, [], "the reopened network link fetched from the chain");
    // The Risk and Security pages run on it too (Security: α = 1/3 and the break-even π per operator set).
    for (const page of ["Risk", "Security"]) {
      await nav(page);
      await p.locator("#network-notice", { hasText: `The network of ezETH as of block ${block}` }).waitFor();
    }
    assert.ok((await p.locator("main").textContent()).includes("Operator set 0 of AVS 0xDadaDadadadadadaDaDadAdaDADAdadAdADaDADA"), "the Security page does not name the imported operator sets");
    assert.equal(await p.locator("main [role=alert]").count(), 0, "the Security page shows an error");
    // 3b. The matrix: each imported LRT's rows on its own part, with the block (hand-worked in
    // core/src/matrix/imported/tests.rs: Renzo's 500 and 250 ETH give HHI 5/9, 3 operator sets).
    await nav("Matrix");
    const toggle = p.locator("#matrix-imported");
    await p.locator("#matrix-imported-label", { hasText: `block ${block} (` }).waitFor();
    assert.ok(await toggle.isChecked() && await toggle.isEnabled(), "the imported-network toggle is not on");
    const figures = p.getByRole("table", { name: /Sourced and computed figures per protocol/ });
    await figures.getByRole("columnheader", { name: /Network imported at block/ }).waitFor();
    const headers = await figures.locator("thead th").allTextContents();
    const cell = async (protocol, label) => {
      const col = headers.findIndex((h) => h.startsWith(label)) - 1;
      assert.ok(col >= 0, `no column ${label} in ${headers.join(" | ")}`);
      return (await figures.locator("tbody tr").filter({ has: p.locator("th", { hasText: protocol }) }).locator("td").nth(col).textContent()).trim();
    };
    assert.match(await cell("Renzo", "Network imported at block"), new RegExp(`^${block.toLocaleString("en-US")}`));
    assert.match(await cell("Renzo", "Operator concentration (HHI)"), /^0\.56/);
    assert.match(await cell("Renzo", "AVS count"), /^3/);
    assert.match(await cell("ether.fi", "Network imported at block"), /^not imported/);
    // Off with the keyboard: the presets' figures again, and no block column.
    await toggle.focus();
    await p.keyboard.press("Space");
    await figures.getByRole("columnheader", { name: /Network imported at block/ }).waitFor({ state: "detached" });
    await toggle.focus();
    await p.keyboard.press("Space");
    await figures.getByRole("columnheader", { name: /Network imported at block/ }).waitFor();
    // 4. Renzo's list entry 1 reverts in the middle of the page: Renzo is partial, labelled, and
    // the other LRTs are complete; nothing hangs.
    await (await lists[0].setRevertAt(1)).wait();
    await nav("Data");
    await typeKeys(p, "#rpc-url", chain.url);
    await p.locator("#contracts-own").check();
    await p.locator("#network-request").fill(JSON.stringify(request));
    await p.locator("#import-network").click();
    // (The last import stays on screen until this one finishes.)
    const renzo = p.locator(".netimport-lrt[data-protocol=renzo]", { hasText: "partial" });
    await renzo.waitFor({ timeout: 30_000 });
    assert.match(await renzo.locator("h4").textContent(), /^ezETH: 2 stakers read of 2 listed, \d+ operators — partial: 1 issue\(s\) leave figures out/);
    assert.match(await renzo.locator(".netimport-issues").textContent(), /^renzo\.operatorDelegators\(1\): .* on 0x[0-9a-fA-F]{40} gave nothing — the contract reverted: .*stand-in: this entry reverts.*; its figures are left out — partial$/);
    assert.match(await p.locator(".netimport-lrt[data-protocol=kelp] h4").textContent(), /— complete$/);
    // 5. A silent endpoint: the import waits on it, and Stop ends it at once.
    await typeKeys(p, "#rpc-url", "https://silent.invalid/");
    await p.locator("#import-network").click();
    await p.locator("#netimport-progress").waitFor();
    await p.locator("#stop-network").click();
    await p.locator("#netimport-stopped").waitFor();
    await (await lists[0].setRevertAt(2n ** 256n - 1n)).wait();
  } finally {
    el.provider.destroy();
  }
  return (Date.now() - t0) / 1000;
}
