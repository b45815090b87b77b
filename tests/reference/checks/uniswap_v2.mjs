// Uniswap v2: a constant-product pool with the 0.3% fee on the input, on the pair's own published
// swap cases (Uniswap/v2-core test/UniswapV2Pair.spec.ts, `swapTestCases`: token0 in, whole
// tokens, expected token1 out in wei, which `getAmountOut` of v2-periphery's UniswapV2Library
// gives). Tolerance: relative 1e-12 (the engine is f64; the contract is integer).
import { fromWei } from "./tally.mjs";

const CASES = [
  [1, 5, 10, "1662497915624478906"],
  [1, 10, 5, "453305446940074565"],
  [2, 5, 10, "2851015155847869602"],
  [2, 10, 5, "831248957812239453"],
  [1, 10, 10, "906610893880149131"],
  [1, 100, 100, "987158034397061298"],
  [1, 1000, 1000, "996006981039903216"],
];

export function checkUniswapV2(core, tally) {
  for (const [swap, reserveIn, reserveOut, expected] of CASES) {
    const pool = { kind: { kind: "constantProduct" }, lrtReserve: reserveIn, ethReserve: reserveOut, fee: { kind: "onInput", fee: 0.003 } };
    const { sale } = core.poolSell(pool, swap);
    tally.close("uniswap-v2", sale.ethOut, fromWei(expected), 1e-12, `getAmountOut(${swap}, ${reserveIn}, ${reserveOut})`);
  }
}
