// Balancer stable pools against Balancer's own StableMath (@balancer-labs/balancer-maths, Balancer's
// TypeScript port of the monorepo's StableMath.sol: the invariant D and `computeOutGivenExactIn`, with
// `_AMP_PRECISION` = 1e3). A v2 ComposableStable pool (what the lab reads, crate::chain::balancer) swaps on
// that invariant as v2's BaseGeneralPool `_swapGivenIn` prepares it: the fee comes off the raw amount in
// (`amount − amount.mulUp(fee)`), amounts and balances are upscaled by the scaling factors (18 decimals ×
// the token's rate, `mulDown`), and the output is downscaled (`divDown`). This check does those steps in
// integers around the package's math, for generated balances, A (Balancer's 1..=5000), swap fee, the LRT's
// rate and amount, and compares the engine's `poolSell` and `poolInvariant` on the same pool, read as
// `lending::pool_live` builds it (`amplification` = value / precision, `lrtRate` = the scaling factor,
// fee on the input). Integer wei on their side, f64 ETH on ours: relative tolerance 1e-9.
import { createRequire } from "node:module";
import { toWei } from "./tally.mjs";

const { Rounding, Stable, SwapKind } = createRequire(import.meta.url)("@balancer-labs/balancer-maths");
const E18 = 10n ** 18n;
const mulDown = (a, b) => (a * b) / E18;
const mulUp = (a, b) => (a * b === 0n ? 0n : (a * b - 1n) / E18 + 1n);

export function checkBalancer(core, tally, r, cases) {
  for (let k = 0; k < cases; k += 1) {
    const eth = Math.round(r.between(1, 1e7) * 1e6) / 1e6;
    const lrt = Math.round(eth * r.between(0.2, 5) * 1e6) / 1e6;
    const A = r.int(1, 5000);
    const fee = r.pick([0n, 10n ** 14n, 4n * 10n ** 14n, 10n ** 15n, 3n * 10n ** 15n]);
    const rate = r.pick([1, Math.round(r.between(1, 1.3) * 1e6) / 1e6]);
    const dx = Math.max(Math.round(lrt * r.pick([1e-4, 0.01, 0.3, 2]) * 1e6) / 1e6, 1e-6);
    const scaling = toWei(rate);
    const balances = [mulDown(toWei(lrt), scaling), toWei(eth)];
    const math = new Stable({ amp: BigInt(A) * 1000n });
    const amountIn = mulDown(toWei(dx) - mulUp(toWei(dx), fee), scaling);
    const out = math.onSwap({ swapKind: SwapKind.GivenIn, amountGivenScaled18: amountIn, balancesLiveScaled18: balances, indexIn: 0, indexOut: 1 });
    const D = Number(math.computeInvariant(balances, Rounding.ROUND_DOWN)) / 1e18;
    const pool = { kind: { kind: "stableswap", amplification: A }, lrtReserve: lrt, ethReserve: eth, fee: { kind: "onInput", fee: Number(fee) / 1e18 }, lrtRate: rate };
    const what = `A ${A}, balances ${lrt}/${eth}, rate ${rate}, fee ${fee}, dx ${dx}`;
    tally.close("balancer-D", core.poolInvariant(pool), D, 1e-9, what);
    const { sale } = core.poolSell(pool, dx);
    tally.close("balancer-exchange", sale.ethOut, Number(out) / 1e18, 1e-9, what, D * 1e-6);
  }
}
