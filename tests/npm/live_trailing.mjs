// The trailing read and the realised yield through the npm package on the local chain
// (core/src/chain/trailing.rs, core/src/yield_stack/realised.rs): after tests/chain/trailing.mjs's
// week (rsETH 1.0615 → 1.0625 ETH, 100 blocks, 604,800 s), a live read at the head, the same rate
// calls at head − 100, and realisedYields give, worked by hand:
//   g = (1.0625 − 1.0615) / 1.0615 = 0.000942063118228921…
//   APR = g · 31,557,600 / 604,800 = 0.0491555077047305, APY = (1 + g)^(31,557,600 / 604,800) − 1 = 0.0503593759712035
// and 0 for the tokens whose rate did not move. Then the bounds (a lag of 0, a lag before genesis)
// and a stopped node (every trailing call fails, the head's figures and the presets are kept).
// Runs inside tests/npm/live_read.mjs's chain session, after every check that reads rsETH's fixture price.
import { rsEthWeek, WEEK_LAG_BLOCKS, WEEK_SECONDS, RSETH_PRICE_AFTER } from "../chain/trailing.mjs";

/** Runs the checks through `check(name, ok, detail)`; returns the seconds it took. */
export async function checkTrailing({ chain, core, send, check, request }) {
  const t0 = performance.now();
  const week = await rsEthWeek(chain);
  const plan = core.planLiveRead(request);
  const { head, requests } = core.liveReadCalls(request, await Promise.all(plan.head.map((r) => send(chain.url, r))));
  const live = core.applyLiveRead(request, head, await Promise.all(requests.map((r) => send(chain.url, r))));
  const blockRequest = core.trailingBlockRequest(head, WEEK_LAG_BLOCKS);
  check("trailing: asks for head − 100", blockRequest.method === "eth_getBlockByNumber" && blockRequest.params[0] === `0x${week.b0.toString(16)}`, JSON.stringify(blockRequest));
  const { trailing, requests: trailingRequests } = core.trailingReadCalls(request, head, WEEK_LAG_BLOCKS, await send(chain.url, blockRequest));
  check("trailing: block b0 at t0, 604,800 s before the head", trailing.blockNumber === week.b0 && trailing.blockTimestamp === week.t0 && head.blockTimestamp - trailing.blockTimestamp === WEEK_SECONDS, JSON.stringify({ trailing, head }));
  const both = core.applyTrailingRead(request, live, trailing, await Promise.all(trailingRequests.map((r) => send(chain.url, r))));
  const raw = (field) => both.values.find((v) => v.field === field)?.raw;
  check("trailing: rsETH 1.0615 at b0, 1.0625 at the head, to the wei",
    raw("trailing.rates.rsETH.exchangeRate") === chain.fixture.kelp.rsEthPrice.toString() && raw("rates.rsETH.exchangeRate") === RSETH_PRICE_AFTER.toString(),
    JSON.stringify(both.values.filter((v) => v.field.includes("rsETH"))));
  check("trailing: only the four rate calls, no failure", both.values.filter((v) => v.field.startsWith("trailing.")).length === 4 && both.failures.length === 0, JSON.stringify(both.failures));
  check("trailing: each trailing figure's basis is block b0", both.values.filter((v) => v.field.startsWith("trailing.")).every((v) => v.basis.blockNumber === week.b0 && v.basis.blockTimestamp === week.t0));
  const r = core.realisedYields(both);
  const rs = r.yields.find((y) => y.token === "rsETH");
  const g = 1e15 / 1.0615e18;
  const perYear = 31_557_600 / WEEK_SECONDS;
  check("realised rsETH: APR = g · Y/Δt = 0.0491555077047305", rs && rs.apr === g * perYear && Math.abs(rs.apr - 0.0491555077047305) < 1e-15, JSON.stringify(rs));
  check("realised rsETH: APY = (1 + g)^(Y/Δt) − 1 = 0.0503593759712035", rs && Math.abs(rs.apy - 0.0503593759712035) < 1e-15, String(rs?.apy));
  check("realised rsETH: window 100 blocks, 604,800 s, basis naming both blocks",
    rs && rs.windowBlocks === 100 && rs.windowSeconds === WEEK_SECONDS && rs.from.blockNumber === week.b0 && rs.to.blockNumber === week.head && rs.basis.kind === "derived" && rs.basis.formula.includes(`between block ${week.b0} and block ${week.head}`),
    JSON.stringify(rs?.basis));
  check("realised: the unmoved rates give exactly 0", ["weETH", "ezETH", "wstETH"].every((t) => { const y = r.yields.find((x) => x.token === t); return y && y.apr === 0 && y.apy === 0; }) && r.missing.length === 0, JSON.stringify(r.missing));
  // The matrix as of the head, with the realised row.
  const m = core.comparisonMatrix(undefined, undefined, both);
  const row = m.quantitative.find((x) => x.id === "realisedApy");
  const kelp = m.protocols.findIndex((p) => p.id === "kelp");
  check("comparisonMatrix(…, live): the realised APY row, rsETH 0.05036", row && Math.abs(row.cells[kelp].value - 0.0503593759712035) < 1e-15, JSON.stringify(row?.cells[kelp]));
  const field = (f) => { try { f(); return "no error"; } catch (e) { return e.field; } };
  check("trailing: a lag of 0 and one before genesis are refused at lagBlocks",
    field(() => core.trailingBlockRequest(head, 0)) === "lagBlocks" && field(() => core.trailingBlockRequest(head, head.blockNumber + 1)) === "lagBlocks");
  check("trailing: block 0 (genesis) is the earliest accepted", core.trailingBlockRequest(head, head.blockNumber).params[0] === "0x0");
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, live: both, trailingRequests, trailing };
}

/** After the node stopped: the trailing calls fail as transport errors, the head's figures are kept and realisedYields says why. */
export async function checkTrailingStopped({ core, send, check, request, url, state }) {
  const replies = await Promise.all(state.trailingRequests.map((r) => send(url, r, 2000)));
  const after = core.applyTrailingRead(request, state.live, state.trailing, replies);
  const headValues = state.live.values.filter((v) => !v.field.startsWith("trailing."));
  check("trailing, node stopped: head figures kept, trailing ones gone",
    JSON.stringify(after.values) === JSON.stringify(headValues) && after.failures.length === 4 && after.failures.every((f) => f.field.startsWith("trailing.rates.") && f.reason.kind === "rpcError"));
  const r = core.realisedYields(after);
  check("trailing, node stopped: no realised yield, each token says why", r.yields.length === 0 && r.missing.length === 4 && r.missing.every((m) => m.failure?.kind === "rpcError" && m.reason.includes("archive")), JSON.stringify(r.missing[0]));
}
