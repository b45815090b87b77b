// The npm package's network import (issue 19) against the local chain's EigenLayer and LRT stand-ins
// (tests/chain/eigenlayer.mjs), with plain fetch, inside tests/npm/live_read.mjs's chain session (no second
// chain start). The stand-ins are populated from the spec restake-core's Rust tests write
// (core/tests/fixtures/network_import_local.json); the import must give back exactly the network written beside
// it. Then the bounds: an operator with more operator sets than the cap and a Renzo list entry that reverts in
// the middle of a page; an LRT listing more stakers than the cap and more operators than the cap.
import { isDeepStrictEqual } from "node:util";
import { BEACON, deployEigenLayer, loadSpec } from "../chain/eigenlayer.mjs";

const WAD = 10n ** 18n;

/** Drives a NetworkImporter to the end with `send` (one JSON-RPC request → RpcReply); at most 10 steps. */
export async function runImport(core, send, url, request) {
  const importer = new core.NetworkImporter(request);
  try {
    let step = importer.start();
    const progress = [];
    while (step.kind === "calls") {
      if (progress.length >= 10) throw new Error("the import did not finish in 10 rounds");
      progress.push(step.progress);
      step = importer.onReplies(await Promise.all(step.requests.map((r) => send(url, r))));
    }
    return { result: step.import, progress };
  } finally {
    importer.free();
  }
}

/** The top-level keys where two networks differ, for a failure message. */
function differs(a, b) {
  return Object.keys({ ...a, ...b }).filter((k) => !isDeepStrictEqual(a?.[k], b?.[k])).map((k) => `${k}: ${JSON.stringify(a?.[k])?.slice(0, 300)} vs ${JSON.stringify(b?.[k])?.slice(0, 300)}`).join("; ");
}

const staker = (operator) => ({ operator, beacon: WAD.toString(), lst: "0", queued: [] });
const nth = (n) => `0x${n.toString(16).padStart(40, "0")}`;

/** Runs the checks through `check(name, ok, detail)`; returns the seconds it took. */
export async function checkNetworkImport(chain, core, send, check) {
  const t0 = performance.now();
  const el = await deployEigenLayer(chain);
  try {
    const fixture = loadSpec();
    const { request, lists } = await el.populate(fixture.spec);
    const { result, progress } = await runImport(core, send, chain.url, request);
    check("network import: the round trip gives back exactly the network built in Rust", isDeepStrictEqual(result.network, fixture.expected), differs(result.network, fixture.expected));
    const block = result.head.blockNumber;
    check("network import: every LRT complete, 6 rounds, every basis at the one block", result.lrts.every((l) => l.complete) && result.rounds === 6 && result.bases.length > 0 && result.bases.every((b) => b.basis.blockNumber === block), JSON.stringify(result.lrts));
    check("network import: progress per LRT at every step", progress.length === 6 && progress.every((p) => p.length === 3) && progress[4].every((l) => l.phase === "operators" && l.stakersRead === l.stakersListed), JSON.stringify(progress[4]));
    const pending = result.pending[0];
    check("network import: the pending deallocation (−0.125, still slashable: 0.375 counts)", result.pending.length === 1 && pending.pendingDiff === -0.125 && pending.currentMagnitude === 0.375, JSON.stringify(result.pending));
    const matrix = core.comparisonMatrix(undefined, result.network);
    check("network import: the matrix runs on the imported network", matrix.protocols.some((p) => p.custom));
    // Per-protocol rows on each LRT's own part of the import (hand-worked in
    // core/src/matrix/imported/tests.rs): renzo 500 + 250 ETH → HHI 5/9; AVS sets 3, 3, 2.
    const perLrt = core.comparisonMatrix(undefined, undefined, undefined, result);
    const row = (m, id) => m.quantitative.find((r) => r.id === id)?.cells.map((c) => c.value);
    const col = (id) => perLrt.protocols.findIndex((p) => p.id === id);
    const [renzoCol, kelpCol, ynCol] = ["renzo", "kelp", "yieldnest"].map(col);
    const hhi = row(perLrt, "operatorHhi");
    const avs = row(perLrt, "avsCount");
    check("network import: the matrix's operator rows per LRT (HHI 5/9, 1/2, 1/2; AVS sets 3, 3, 2)", Math.abs(hhi[renzoCol] - 5 / 9) < 1e-15 && hhi[kelpCol] === 0.5 && hhi[ynCol] === 0.5 && avs[renzoCol] === 3 && avs[kelpCol] === 3 && avs[ynCol] === 2, JSON.stringify({ hhi, avs }));
    const blockRow = row(perLrt, "networkBlock");
    const es = row(perLrt, "es99");
    check("network import: the matrix says the block, and the LRTs' ES99 differ", blockRow[renzoCol] === block && blockRow[col("etherfi")] === null && es[renzoCol] > 0 && es[renzoCol] !== es[ynCol], JSON.stringify({ blockRow, es }));
    // One LRT's part (hand-worked in core/src/chain/network_import/tests/part.rs): Renzo keeps A and B;
    // B's outside stake takes Kelp's 0.5 × 2,000 ETH: 10,000 + 1,000 = 11,000 ETH, (2,500 + 500) / 11,000 = 3/11 native.
    const renzoPart = core.networkOf(result, "renzo");
    const b = renzoPart.operators.find((o) => o.id === "op-0x2222222222222222222222222222222222222222");
    check("network import: networkOf keeps Renzo's operators and folds Kelp's stake with B into B", renzoPart.protocols.length === 1 && renzoPart.operators.length === 2 && b?.otherDelegatedEth === 11000 && b?.otherNativeShare === 3 / 11 && renzoPart.avss.length === 3, JSON.stringify(renzoPart.operators));
    let refused;
    try { core.networkOf(result, "lido"); } catch (e) { refused = e; }
    check("network import: networkOf refuses an LRT not imported, by name", refused?.field === "protocol", String(refused?.message));
    const doc = core.startFromImport(core.defaultScenario(), result, "renzo");
    check("network import: startFromImport gives a document on Renzo's part as of the block", doc.networkOrigin?.protocol === "renzo" && doc.networkOrigin.head.blockNumber === block && doc.networkOrigin.complete && isDeepStrictEqual(doc.network.operators, renzoPart.operators) && doc.slashing.events.length === 0, JSON.stringify(doc.networkOrigin));
    check("network import: the started document survives the share link", isDeepStrictEqual(core.scenarioFromFragment(core.scenarioToFragment(doc)), doc));

    // Bounds, same LRTs: operator A gets 20 operator sets (cap 16), Renzo's entry 1 reverts.
    const a = fixture.spec.operators[0].address;
    const sets = Array.from({ length: 20 }, (_, id) => ({ avs: fixture.spec.operators[0].sets[0].avs, id }));
    const share = { currentMagnitude: WAD / 32n, pendingDiff: 0n, effectBlock: 0 };
    await (await el.am.setOperator(a, sets, [BEACON, el.strategy.target], [WAD, WAD], sets.map(() => [share, share]))).wait();
    await (await lists[0].setRevertAt(1)).wait();
    const bounded = (await runImport(core, send, chain.url, request)).result;
    const renzo = bounded.lrts[0];
    const kinds = renzo.issues.map((i) => `${i.kind}:${i.field}`);
    check("bounds: Renzo's reverting entry is a typed failure, partial result labelled", !renzo.complete && renzo.stakersListed === 2 && renzo.issues.some((i) => i.kind === "failed" && i.field === "renzo.operatorDelegators(1)" && i.reason.kind === "reverted" && i.reason.reason?.endsWith("stand-in: this entry reverts")), JSON.stringify(renzo.issues));
    check("bounds: 20 operator sets read for the first 16, labelled", renzo.issues.some((i) => i.kind === "truncated" && i.found === 20 && i.kept === 16) && bounded.network.allocations.filter((x) => x.operator === `op-${a}`).length === 16, kinds.join(", "));
    const partialCell = core.comparisonMatrix(undefined, undefined, undefined, bounded).quantitative.find((r) => r.id === "operatorHhi").cells[col("renzo")];
    check("bounds: the matrix labels Renzo's figures as a partial import", partialCell.basis.kind === "derived" && partialCell.basis.formula.includes("partial import"), JSON.stringify(partialCell.basis).slice(0, 300));
    check("bounds: the other LRTs stay complete", bounded.lrts[1].complete && bounded.lrts[2].complete, JSON.stringify(bounded.lrts.slice(1).map((l) => l.issues)));

    // Bounds: Kelp lists 70 NodeDelegators (cap 64); ether.fi's 40 stakers bring the operators past 64.
    const big = {
      lstRate: fixture.spec.lstRate,
      operators: [],
      lrts: [
        { protocol: "kelp", kind: "kelp", stakers: Array.from({ length: 70 }, (_, k) => staker(nth(1000 + k))) },
        { protocol: "etherfi", kind: "stakers", stakers: Array.from({ length: 40 }, (_, k) => staker(nth(2000 + k))) },
      ],
    };
    const many = (await runImport(core, send, chain.url, (await el.populate(big)).request)).result;
    const [kelp, etherfi] = many.lrts;
    check("bounds: 70 listed stakers read for the first 64, labelled", kelp.stakersListed === 64 && kelp.issues.length === 1 && kelp.issues[0].kind === "truncated" && kelp.issues[0].field === "kelp.nodeDelegatorQueue" && kelp.issues[0].found === 70, JSON.stringify(kelp.issues));
    check("bounds: 104 operators read for the first 64, the LRT beyond the cap labelled", many.network.operators.length === 64 && !etherfi.complete && etherfi.issues.some((i) => i.kind === "truncated" && i.field === "operators" && i.kept === 64), JSON.stringify(etherfi.issues));
  } finally {
    el.provider.destroy();
  }
  return (performance.now() - t0) / 1000;
}
