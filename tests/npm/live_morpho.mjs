// Morpho Blue's IRM rate through the npm package on the local chain (live_read.mjs's session): the
// market's AdaptiveCurveIRM (the chain's stand-in, tests/chain/contracts/AdaptiveCurveIrmStandIn.sol)
// is named in the request, so applyLiveRead reads rateAtTarget(id) beside idToMarketParams and
// market; liveMorphoRates gives the borrow rate at the block by the IRM's integer arithmetic,
// checked exactly against @morpho-org/blue-sdk's AdaptiveCurveIrmLib (Morpho's own SDK) at the same
// utilisation, rate at target and elapsed time, and against the hand-worked curve; a request naming
// another IRM gets a typed failure and no rate.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { localRequest } from "../chain/vectors.mjs";

/** The local request with the Morpho market's IRM named (so rateAtTarget is read). */
export function morphoIrmRequest(a, irm = a.morpho.irm) {
  const base = localRequest(a);
  return { ...base, morphoMarkets: base.morphoMarkets.map((m) => ({ ...m, irm })) };
}

/** Runs the checks; `refresh(url, request)` is live_read.mjs's, `check(name, ok, detail)` its reporter. */
export async function checkMorphoIrm({ chain, core, refresh, check, root }) {
  const sdkPath = createRequire(join(root, "tests/reference/package.json")).resolve("@morpho-org/blue-sdk");
  const { AdaptiveCurveIrmLib } = await import(pathToFileURL(sdkPath).href);
  const a = chain.addresses;
  const F = chain.fixture.morpho;
  const { head, live } = await refresh(chain.url, morphoIrmRequest(a));
  const field = "morphoMarkets.weETH-WETH-94.5";
  const value = (name) => live.values.find((v) => v.field === `${field}.${name}`);
  check("IRM: no failures with the market's irm named", live.failures.length === 0, JSON.stringify(live.failures));
  const rat = value("rateAtTarget");
  check(
    "IRM: rateAtTarget(bytes32) on the IRM at the block, 3,170,979,198 per second = 10% APR",
    rat?.raw === F.rateAtTarget.toString() && rat.value === (3_170_979_198 * 31_536_000) / 1e18 &&
      rat.basis.function === "rateAtTarget(bytes32)" && rat.basis.address.toLowerCase() === a.morpho.irm.toLowerCase() &&
      rat.basis.blockNumber === head.blockNumber,
    JSON.stringify(rat),
  );
  const rates = core.liveMorphoRates(live);
  const r = rates.rates[0];
  const lastUpdate = BigInt(value("lastUpdate").raw);
  const elapsed = BigInt(head.blockTimestamp) - lastUpdate;
  // u = 100 / 500 WETH = 0.2 (WAD, wDivDown).
  check("IRM: utilisation 100 / 500 = 2e17 and elapsed = block timestamp − lastUpdate",
    rates.kept.length === 0 && r?.input.utilization === "200000000000000000" && BigInt(r.input.elapsed) === elapsed,
    JSON.stringify(rates));
  const sdk = AdaptiveCurveIrmLib.getBorrowRate(2n * 10n ** 17n, F.rateAtTarget, elapsed);
  check("IRM: end and average borrow rates and the adapted rate at target equal blue-sdk's AdaptiveCurveIrmLib, to the integer",
    r.rates.endBorrowRate === sdk.endBorrowRate.toString() && r.rates.avgBorrowRate === sdk.avgBorrowRate.toString() &&
      r.rates.endRateAtTarget === sdk.endRateAtTarget.toString(),
    `ours ${JSON.stringify(r.rates)}, sdk ${JSON.stringify(sdk, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  // Hand-worked at elapsed 0: 3,170,979,198 × 416,666,666,666,666,668 / 1e18 = 1,321,241,332 per
  // second (4.1667% a year); the rate at target only falls below 90% utilisation, so the rate at
  // the block is at most that and, a few seconds on, within 1e-6 of it.
  const apr0 = 1_321_241_332 * 31_536_000 / 1e18;
  check("IRM: borrow APR at the block ≤ 4.1667% (the curve at 10%, u = 0.2) and within 1e-6 of it",
    r.borrowApr <= apr0 && apr0 - r.borrowApr < 1e-6 && r.model.kind === "adaptiveCurve",
    `${r.borrowApr} vs ${apr0}`);
  // A request naming another contract (the Curve stand-in) as the IRM: idToMarketParams fails
  // naming both addresses, rateAtTarget reverts there, no rate is derived.
  const wrong = (await refresh(chain.url, morphoIrmRequest(a, a.curve.weethWeth))).live;
  const failure = wrong.failures.find((f) => f.function === "idToMarketParams(bytes32)");
  const reverted = wrong.failures.find((f) => f.function === "rateAtTarget(bytes32)");
  const wrongRates = core.liveMorphoRates(wrong);
  check("IRM: a market whose irm is not the named IRM fails idToMarketParams and gives no rate",
    failure?.reason.kind === "unexpectedShape" &&
      failure.reason.detail === `the market's irm is ${a.morpho.irm}, not the AdaptiveCurveIRM ${a.curve.weethWeth} the request names` &&
      reverted?.reason.kind === "reverted" && wrongRates.rates.length === 0 && wrongRates.kept.length === 0,
    JSON.stringify({ failure, reverted, wrongRates }));
}
