// Curve against curvesim (PyPI, Curve's StableSwap arithmetic in integers, `A` taken as the
// pool's A() returns): the invariant D, one exchange's output, its fee and the balances after,
// for generated balances, A, fee, admin fee, off-peg multiplier and the LRT coin's rate (a
// stableswap-ng rate oracle: curvesim's `rates`, our `lrtRate`). Integer wei on their side,
// f64 ETH on ours: relative tolerance 1e-9.
import { toWei } from "./tally.mjs";

export function checkCurve(core, tally, r, cases, oracle) {
  const inputs = [];
  for (let k = 0; k < cases; k += 1) {
    const eth = Math.round(r.between(1, 1e7) * 1e6) / 1e6;
    const lrt = Math.round(eth * r.between(0.2, 5) * 1e6) / 1e6;
    inputs.push({
      A: r.int(1, 5000),
      lrt,
      eth,
      fee: r.pick([0, 1_000_000, 4_000_000, 30_000_000]),
      adminFee: r.pick([0, 5_000_000_000]),
      feeMul: r.pick([null, 20_000_000_000, 100_000_000_000]),
      rate: r.pick([1, Math.round(r.between(1, 1.3) * 1e6) / 1e6]),
      dx: Math.max(Math.round(lrt * r.pick([1e-4, 0.01, 0.3, 2]) * 1e6) / 1e6, 1e-6),
    });
  }
  const out = oracle(JSON.stringify(inputs.map((c) => ({
    A: c.A,
    balances: [toWei(c.lrt).toString(), toWei(c.eth).toString()],
    fee: c.fee,
    adminFee: c.adminFee,
    feeMul: c.feeMul,
    rates: [toWei(c.rate).toString(), (10n ** 18n).toString()],
    dx: toWei(c.dx).toString(),
  }))));
  if (out.status !== 0) {
    tally.fail("curve", `curvesim failed (${out.status}): ${out.stderr.slice(-500)}`);
    return;
  }
  const answers = JSON.parse(out.stdout);
  inputs.forEach((c, k) => {
    const a = answers[k];
    const fee = c.fee === 0 && c.feeMul === null
      ? { kind: "none" }
      : { kind: "curve", fee: c.fee / 1e10, adminFee: c.adminFee / 1e10, offpegFeeMultiplier: (c.feeMul ?? 1e10) / 1e10 };
    const pool = { kind: { kind: "stableswap", amplification: c.A }, lrtReserve: c.lrt, ethReserve: c.eth, fee, lrtRate: c.rate };
    const what = `A ${c.A}, balances ${c.lrt}/${c.eth}, rate ${c.rate}, fee ${c.fee}, admin ${c.adminFee}, feeMul ${c.feeMul}, dx ${c.dx}`;
    tally.close("curve-D", core.poolInvariant(pool), Number(a.D) / 1e18, 1e-9, what);
    const { pool: after, sale } = core.poolSell(pool, c.dx);
    tally.close("curve-exchange", sale.ethOut, Number(a.dy) / 1e18, 1e-9, what, Number(a.D) / 1e18 * 1e-6);
    tally.close("curve-fee", sale.feeEth, Number(a.fee) / 1e18, 1e-9, what, Number(a.D) / 1e18 * 1e-9);
    tally.close("curve-balance", after.ethReserve, Number(a.balances[1]) / 1e18, 1e-9, what);
  });
}
