// Aave v3: health factor and available borrows against @aave/math-utils (the library Aave's own
// interface computes them with), on generated positions. Values in the market's reference
// currency (ETH, wei); LTV and liquidation threshold in basis points as Aave stores them.
// Tolerance: relative 1e-12 (engine f64; math-utils decimal).
import { calculateAvailableBorrowsMarketReferenceCurrency, calculateHealthFactorFromBalances } from "@aave/math-utils";

const market = (ltvBps, ltBps) => ({
  ltv: ltvBps / 1e4,
  liquidationThreshold: ltBps / 1e4,
  liquidationBonus: 0.05,
  closeFactor: 0.5,
  fullCloseHf: 0.95,
  oracle: "exchangeRate",
});

export function checkAave(core, tally, r, cases) {
  for (let k = 0; k < cases; k += 1) {
    const ltBps = r.int(100, 9900);
    const ltvBps = r.int(100, ltBps);
    // Collateral and price to 1e-6, so C·p is exact in wei; debt to 1e-6 ETH.
    const cMicro = BigInt(r.int(1, 1e12));
    const pMicro = BigInt(r.int(1e4, 3e6));
    const dMicro = BigInt(Math.floor(Number(cMicro * pMicro) / 1e6 * r.between(0.01, 1.3)) + 1);
    const collateralWei = (cMicro * pMicro * 10n ** 6n).toString();
    const debtWei = (dMicro * 10n ** 12n).toString();
    const q = core.liquidationQuote(market(ltvBps, ltBps), {
      collateral: Number(cMicro) / 1e6,
      debt: Number(dMicro) / 1e6,
      price: Number(pMicro) / 1e6,
    });
    const what = `C·p = ${collateralWei} wei, D = ${debtWei} wei, LT ${ltBps} bps, LTV ${ltvBps} bps`;
    const hf = calculateHealthFactorFromBalances({
      collateralBalanceMarketReferenceCurrency: collateralWei,
      borrowBalanceMarketReferenceCurrency: debtWei,
      currentLiquidationThreshold: String(ltBps),
    });
    tally.close("aave-health-factor", q.healthFactor, hf.toNumber(), 1e-12, what);
    const available = calculateAvailableBorrowsMarketReferenceCurrency({
      collateralBalanceMarketReferenceCurrency: collateralWei,
      borrowBalanceMarketReferenceCurrency: debtWei,
      currentLtv: String(ltvBps),
    });
    // Integer wei (rounded down) against f64 ETH: relative 1e-12 or 1e-9 ETH absolute.
    tally.close("aave-available-borrows", q.availableBorrow, available.toNumber() / 1e18, 1e-12, what, 1e3);
  }
}
