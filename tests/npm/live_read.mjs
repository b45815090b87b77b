// The npm package's live read against the local test chain (tests/chain), with plain `fetch`:
// start the chain, run mainnetLiveRequest-shaped reads planned by planLiveRead for the fixture's
// addresses, send every request as JSON-RPC over HTTP, and check that applyLiveRead gives back
// what the fixture deployed, to the wei; in the same session the wallet import of the borrower
// account (wallet_read.mjs), the network import's round trip and bounds (network_import.mjs), the Balancer pool
// (live_balancer.mjs), and the
// trailing read's realised yield over a mined week (live_trailing.mjs).
// Then stop the node and check that a refresh against it keeps nothing and says why. Prints
// `N passed, N failed`.
//   node tests/npm/live_read.mjs          (after scripts/build-pkg.sh and scripts/tools.sh --browsers)
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startChain } from "../chain/chain.mjs";
import { checkFixture, curveGetDy } from "../chain/check.mjs";
import { localRequest } from "../chain/vectors.mjs";
import { checkWallet } from "./wallet_read.mjs";
import { checkNetworkImport } from "./network_import.mjs";
import { checkWalletWithdrawals } from "./wallet_eigenlayer.mjs";
import { checkMorphoIrm } from "./live_morpho.mjs";
import { checkTrailing, checkTrailingStopped } from "./live_trailing.mjs";
import { checkEModeCapo } from "./live_emode_capo.mjs";
import { checkBalancer } from "./live_balancer.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const core = createRequire(import.meta.url)(join(root, "pkg/node/restake_core.js"));
let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `: ${detail}`}`);
};

/** POSTs one JSON-RPC request and gives back an RpcReply: the body, a timeout or a transport failure. */
async function send(url, request, timeoutMs = 5000) {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return { kind: "transport", message: `HTTP ${res.status}` };
    return { kind: "body", text: await res.text() };
  } catch (e) {
    return e?.name === "TimeoutError" ? { kind: "timedOut" } : { kind: "transport", message: String(e?.cause?.code ?? e?.message ?? e) };
  }
}

async function refresh(url, request) {
  const plan = core.planLiveRead(request);
  const headReplies = await Promise.all(plan.head.map((r) => send(url, r)));
  const { head, requests } = core.liveReadCalls(request, headReplies);
  const replies = await Promise.all(requests.map((r) => send(url, r)));
  return { plan, head, live: core.applyLiveRead(request, head, replies) };
}

const t0 = performance.now();
let networkImportSeconds = 0;
const chain = await startChain();
const started = performance.now();
try {
  const request = localRequest(chain.addresses);
  const { plan, head, live } = await refresh(chain.url, request);
  const F = chain.fixture;
  const raw = (field) => live.values.find((v) => v.field === field)?.raw;
  check("only read methods are planned", plan.head.every((r) => ["eth_chainId", "eth_getBlockByNumber"].includes(r.method)));
  check("chain id and block", head.chainId === 31337 && head.blockNumber > 0 && /^0x[0-9a-f]{64}$/.test(head.blockHash), JSON.stringify(head));
  check("no failures", live.failures.length === 0, JSON.stringify(live.failures));
  check("weETH rate = totalPooledEther × 1e18 / totalShares", raw("rates.weETH.exchangeRate") === ((F.etherfi.totalPooledEther * 10n ** 18n) / F.etherfi.totalShares).toString());
  check("ezETH rate = TVL × 1e18 / supply", raw("rates.ezETH.exchangeRate") === ((F.renzo.totalTvl * 10n ** 18n) / F.renzo.ezEthSupply).toString());
  check("rsETH price", raw("rates.rsETH.exchangeRate") === F.kelp.rsEthPrice.toString());
  check("wstETH stEthPerToken and supply", raw("rates.wstETH.exchangeRate") === F.lido.stEthPerToken.toString() && raw("rates.wstETH.totalSupply") === F.lido.wstEthSupply.toString());
  check("Curve balances, A, fee", raw("curvePools.weETH-WETH.balances[0]") === F.curve.balances[0].toString() && raw("curvePools.weETH-WETH.A") === F.curve.A.toString() && raw("curvePools.weETH-WETH.fee") === F.curve.fee.toString());
  check("Curve coins, stored rates, off-peg multiplier", live.values.find((v) => v.field === "curvePools.weETH-WETH.coins[1].isLrt")?.value === 1 && raw("curvePools.weETH-WETH.storedRates[1]") === F.curve.rates[1].toString() && raw("curvePools.weETH-WETH.offpegFeeMultiplier") === "10000000000");
  // The cascade's pool from the read (livePools): weETH is coin 1, 9,000 weETH at 1.069 against
  // 10,000 WETH; selling 1 weETH into it gives what the stand-in pool's own get_dy(1, 0, 1e18)
  // returns (its integer stableswap arithmetic, the constant fee), within 1e-9.
  const [curvePool] = core.livePools(live);
  const cp = curvePool?.pool;
  check("livePools: Curve weETH/WETH 9,000 weETH at 1.069 / 10,000 ETH, A 1000, fee 0.01%", cp?.lrtReserve === 9000 && cp.ethReserve === 10000 && cp.lrtRate === 1.069 && cp.kind.amplification === 1000 && cp.fee.fee === 1e-4 && curvePool.basis.blockNumber === head.blockNumber, JSON.stringify(curvePool));
  const dy = Number(await curveGetDy(chain, 1n, 0n, 10n ** 18n)) / 1e18;
  const sold = core.poolSell(cp, 1).sale.ethOut;
  check("livePools: a 1 weETH sale matches the pool's get_dy within 1e-9", Math.abs(sold - dy) <= 1e-9 * dy, `${sold} vs ${dy}`);
  const w = F.aave.weeth;
  check("Aave weETH LTV / LT / bonus / caps", ["ltv", "liquidationThreshold", "liquidationBonus", "supplyCap", "borrowCap", "reserveFactor"].every((k) => raw(`aaveReserves.local-weETH.${k}`) === w[k].toString()));
  check("Aave WETH strategy (rays, the real v3.0 contract)", raw("aaveReserves.local-WETH.variableRateSlope1") === F.aave.weth.strategy.slope1.toString() && raw("aaveReserves.local-WETH.optimalUsage") === F.aave.weth.strategy.optimal.toString());
  check("Morpho LLTV and totals", raw("morphoMarkets.weETH-WETH-94.5.lltv") === F.morpho.lltv.toString() && raw("morphoMarkets.weETH-WETH-94.5.totalBorrowAssets") === F.morpho.borrowed.toString());
  const basis = live.values[0].basis;
  check("live basis", basis.chainId === 31337 && basis.blockNumber === head.blockNumber && basis.function === "getRate()" && basis.address.toLowerCase() === chain.addresses.etherfi.weETH.toLowerCase());
  // The lending presets with the fixture's Aave weETH reserve in them (ids as the presets read
  // them, `core-…`): LTV 7250 / LT 7500 / bonus 10750 bps → 0.725 / 0.75 / 0.075 against the
  // governance preset's 0.775 / 0.80 / 0.07, each sourced to the call and the block.
  const coreIds = { ...request, aaveReserves: request.aaveReserves.map((x) => ({ ...x, id: x.id.replace(/^local-/, "core-") })) };
  const coreLive = (await refresh(chain.url, coreIds)).live;
  const lending = core.liveLendingMarkets(coreLive);
  const weethCore = lending.markets.find((m) => m.id === "aave-v3-weeth-core");
  check("liveLendingMarkets: Aave Core weETH 0.725 / 0.75 / 0.075 at the block", weethCore.ltv.value === 0.725 && weethCore.liquidationThreshold.value === 0.75 && weethCore.liquidationBonus.value === 0.075 && weethCore.ltv.basis.citation.includes(`block ${head.blockNumber},`), JSON.stringify(weethCore.ltv));
  check("liveLendingMarkets: the change beside the preset", lending.changes.some((c) => c.market === "aave-v3-weeth-core" && c.field === "ltv" && c.preset === 0.775 && c.live === 0.725 && c.basis.blockNumber === head.blockNumber), JSON.stringify(lending.changes));
  // The matrix as of the block: weETH's stand-in rate 1,069,000 / 1,000,000 = 1.069 ETH per token.
  const liveMatrix = core.comparisonMatrix(undefined, undefined, coreLive);
  const rateRow = liveMatrix.quantitative.find((r) => r.id === "liveExchangeRate");
  const etherfi = liveMatrix.protocols.findIndex((x) => x.id === "etherfi");
  check("comparisonMatrix(…, live): weETH 1.069 at the block", rateRow?.cells[etherfi].value === 1.069 && rateRow.cells[etherfi].basis.citation.includes(`block ${head.blockNumber},`), JSON.stringify(rateRow?.cells[etherfi]));
  let refused = "";
  try {
    core.liveReadCalls({ ...request, allowLocalChain: false }, await Promise.all(plan.head.map((r) => send(chain.url, r))));
  } catch (e) {
    refused = `${e.field}: ${e.message}`;
  }
  check("chain 31337 refused without allowLocalChain", refused.startsWith("eth_chainId:"), refused);
  await checkMorphoIrm({ chain, core, refresh, check, root });
  // Aave E-mode categories and CAPO adapters (tests/npm/live_emode_capo.mjs).
  await checkEModeCapo({ chain, core, refresh, check });
  // Balancer v2 pools (tests/npm/live_balancer.mjs).
  await checkBalancer({ chain, core, refresh, check });
  const walletSeconds = await checkWallet({ chain, core, send, check, root });
  console.log(`  wallet import: ${walletSeconds.toFixed(1)} s`);
  const self = await checkFixture(chain);
  check("the fixture's own read-back (ethers)", self.every((r) => r.ok), JSON.stringify(self.filter((r) => !r.ok)));

  // Issue 19's network import on the same chain (tests/npm/network_import.mjs).
  networkImportSeconds = await checkNetworkImport(chain, core, send, check);
  const withdrawalSeconds = await checkWalletWithdrawals({ chain, core, send, check });
  console.log(`  wallet queued withdrawals (EigenLayer stand-in): ${withdrawalSeconds.toFixed(1)} s`);
  // The trailing read and the realised yield (tests/npm/live_trailing.mjs): moves rsETH's price, so it runs last.
  const trailingState = await checkTrailing({ chain, core, send, check, request });
  console.log(`  trailing read and realised yield: ${trailingState.seconds.toFixed(1)} s`);

  // The node stops after the head: every call fails as a transport error, nothing is read.
  const { requests } = core.liveReadCalls(request, await Promise.all(plan.head.map((r) => send(chain.url, r))));
  await chain.stop();
  const replies = await Promise.all(requests.map((r) => send(chain.url, r, 2000)));
  const after = core.applyLiveRead(request, head, replies);
  await checkTrailingStopped({ core, send, check, request, url: chain.url, state: trailingState });
  check("node stopped: no figures, every call explained", after.values.length === 0 && after.failures.length === plan.calls.length && after.failures.every((f) => f.reason.kind === "rpcError"), JSON.stringify(after.failures[0]));
  const again = core.liveRetryBatches(request, after);
  check("liveRetryBatches: every batch is worth resending after a transport failure", JSON.stringify(again) === JSON.stringify(plan.batches.map((_, i) => i)), JSON.stringify(again));
  check("liveRetryBatches: nothing to resend after a clean read", core.liveRetryBatches(request, live).length === 0, "");
} finally {
  await chain.stop();
}
console.log(`live read (npm + local chain): chain up in ${((started - t0) / 1000).toFixed(1)} s, network import ${networkImportSeconds.toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
