// Interest-rate models and compounding against the published implementations, to the integer:
// - Morpho's AdaptiveCurveIRM against @morpho-org/blue-sdk's AdaptiveCurveIrmLib.getBorrowRate
//   (avgBorrowRate, endBorrowRate, endRateAtTarget, per-second WAD) on seeded utilisations,
//   rates at target (0 = first interaction, or any value the contract can store) and elapsed
//   times from 0 s to 10 years, and ExpLib.wExp against AdaptiveCurveIrmLib.wExp;
// - Aave's MathUtils.calculateCompoundedInterest against @aave/math-utils
//   calculateCompoundedInterest (ray) on seeded rates up to 1,000% APR and intervals up to 10 years.
// Tolerance: none for the IRM (exact integers). For compounding the SDK still computes v3.0's
// binomial `1 + n·b + n(n−1)/2·b² + n(n−1)(n−2)/6·b³` with `b` = rate per second and `b²`, `b³`
// each rounded to whole ray units, while the deployed MathUtils takes `x = rate·n/year` and
// `1 + x + x²/2 + x³/6`. Rounding `b³` (a few thousand ray units) to an integer costs the SDK up to
// n³/6 ray units and `b²` up to n²/4; the formulas themselves differ by x²/(2n) + x³·(3n − 2)/(6n²)
// of the factor (Taylor minus binomial). The check allows n³/6 + n² ray units, twice that
// difference and 1e-12 of the factor, and is exact at n = 0.
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
    else {
      const n = BigInt(seconds);
      const theirs = BigInt(ref.toFixed(0));
      const diff = BigInt(aave.value) - theirs;
      const RAY = 10n ** 27n;
      const x = (rate * n) / 31_536_000n;
      const formulas = (x * x) / RAY / (2n * n) + (x * x * x) / RAY / RAY / (2n * n);
      const allowed = (n * n * n) / 6n + n * n + 2n * formulas + theirs / 1_000_000_000_000n;
      tally.expect("aave-compounded-interest", (diff < 0n ? -diff : diff) <= allowed,
        () => `${what2}: ours ${aave.value}, reference ${theirs} (allowed ±${allowed} ray units)`);
    }
  }
}
