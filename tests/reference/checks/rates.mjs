// Interest-rate models and compounding against the published implementations, to the integer:
// - Morpho's AdaptiveCurveIRM against @morpho-org/blue-sdk's AdaptiveCurveIrmLib.getBorrowRate
//   (avgBorrowRate, endBorrowRate, endRateAtTarget, per-second WAD) on seeded utilisations,
//   rates at target (0 = first interaction, or any value the contract can store) and elapsed
//   times from 0 s to 10 years, and ExpLib.wExp against AdaptiveCurveIrmLib.wExp;
// - Aave's MathUtils.calculateCompoundedInterest against @aave/math-utils
//   calculateCompoundedInterest (ray) on seeded rates up to 1,000% APR and intervals up to 10 years.
// Tolerance: none for the IRM (exact integers). For compounding, relative 1e-7: the SDK still
// computes the v3.0 binomial `1 + n·b + n(n−1)/2·b² + n(n−1)(n−2)/6·b³` (b = rate/year per
// second, rounded down), while the deployed MathUtils takes `x = rate·n/year` and
// `1 + x + x²/2 + x³/6`; the two differ by about x²/(2n) + x³/(2n), under 1e-7 of the factor
// for any rate and interval here (and exactly equal at n = 0).
import { calculateCompoundedInterest } from "@aave/math-utils";
import { AdaptiveCurveIrmLib } from "@morpho-org/blue-sdk";

const WAD = 10n ** 18n;
const YEAR = 31_536_000;

// A utilisation: mostly anywhere, often exactly at 0, the 90% target or 100%.
const utilization = (r) =>
  r.pick([
    () => 0n,
    () => (9n * WAD) / 10n,
    () => WAD,
    () => BigInt(r.int(0, 1e9)) * 10n ** 9n,
    () => (9n * WAD) / 10n + BigInt(r.int(-1e6, 1e6)),
  ])();

const rateAtTarget = (r) => {
  if (r.int(0, 9) === 0) return 0n;
  const lo = AdaptiveCurveIrmLib.MIN_RATE_AT_TARGET;
  const hi = AdaptiveCurveIrmLib.MAX_RATE_AT_TARGET;
  return lo + ((hi - lo) * BigInt(r.int(0, 1e9))) / 1_000_000_000n;
};

const elapsed = (r) => r.pick([() => 0, () => 12, () => r.int(1, 86_400), () => r.int(1, 10 * YEAR)])();

export function checkRates(core, tally, r, cases) {
  for (let k = 0; k < cases; k += 1) {
    const u = utilization(r);
    const rat = rateAtTarget(r);
    const t = elapsed(r);
    const ours = core.adaptiveCurveBorrowRate({ utilization: String(u), rateAtTarget: String(rat), elapsed: t });
    const theirs = AdaptiveCurveIrmLib.getBorrowRate(u, rat, BigInt(t));
    const what = `utilization ${u}, rateAtTarget ${rat}, elapsed ${t}`;
    tally.exact("morpho-irm-avg-rate", ours.avgBorrowRate, theirs.avgBorrowRate, what);
    tally.exact("morpho-irm-end-rate", ours.endBorrowRate, theirs.endBorrowRate, what);
    tally.exact("morpho-irm-rate-at-target", ours.endRateAtTarget, theirs.endRateAtTarget, what);

    // Aave: a rate in ray to 1e-9 of 1,000%, an interval up to 10 years.
    const rate = (10n * 10n ** 27n * BigInt(r.int(0, 1e9))) / 1_000_000_000n;
    const seconds = r.pick([() => 0, () => 1, () => r.int(1, 86_400), () => r.int(1, 10 * YEAR)])();
    const aave = core.aaveCompoundedInterest({ rate: String(rate), seconds });
    const ref = calculateCompoundedInterest({
      rate: rate.toString(),
      lastUpdateTimestamp: 1_700_000_000,
      currentTimestamp: 1_700_000_000 + seconds,
    });
    const what2 = `rate ${rate} ray, ${seconds} s`;
    if (seconds === 0) tally.exact("aave-compounded-interest", aave.value, ref.toFixed(0), what2);
    else tally.close("aave-compounded-interest", Number(aave.value) / 1e27, ref.toNumber() / 1e27, 1e-7, what2);
  }
}
