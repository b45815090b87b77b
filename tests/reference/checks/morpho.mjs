// Morpho Blue against @morpho-org/blue-sdk (Morpho's own SDK, which mirrors the contract's
// integer math): the liquidation incentive for any LLTV, the health factor and the collateral
// seized when a liquidator repays a position's whole borrow shares. Integer WAD on their side,
// f64 on ours: relative tolerance 1e-12.
import { MarketUtils, ORACLE_PRICE_SCALE } from "@morpho-org/blue-sdk";

const WAD = 10n ** 18n;
const market = (lltv) => ({
  ltv: lltv,
  liquidationThreshold: lltv,
  liquidationBonus: 0,
  closeFactor: 1,
  fullCloseHf: 1,
  oracle: "market",
  rules: { kind: "morpho" },
});

export function checkMorpho(core, tally, r, cases) {
  for (let k = 0; k < cases; k += 1) {
    // LLTV: a WAD in [0.01, 0.99], to 1e-6 so the float is the same number.
    const lltvMicro = r.int(10_000, 990_000); // the engine takes θ in 0.01..=0.99
    const lltv = BigInt(lltvMicro) * 10n ** 12n;
    const theirs = Number(MarketUtils.getLiquidationIncentiveFactor({ lltv })) / 1e18;
    tally.close("morpho-incentive", core.morphoLiquidationIncentive(lltvMicro / 1e6), theirs, 1e-12, `LLTV ${lltv}`);

    // A position: collateral to 1e-6 tokens, the oracle price to 1e-6 ETH per token (scaled by
    // 1e36 as Morpho's oracles are), borrow assets to 1e-6 ETH; shares = assets × 1e6 (the
    // virtual-shares ratio of a market whose totals are those assets), so shares map back exactly.
    const cMicro = BigInt(r.int(1, 1e12));
    const pMicro = BigInt(r.int(1e4, 3e6));
    const dMicro = BigInt(Math.floor((Number(cMicro * pMicro) / 1e6) * (lltvMicro / 1e6) * r.between(0.5, 1.3)) + 1);
    const collateral = cMicro * 10n ** 12n;
    const debt = dMicro * 10n ** 12n;
    const price = (pMicro * ORACLE_PRICE_SCALE) / 10n ** 6n;
    const totals = { totalBorrowAssets: debt, totalBorrowShares: debt * 10n ** 6n, price };
    const position = { collateral, borrowShares: debt * 10n ** 6n };
    const q = core.liquidationQuote(market(lltvMicro / 1e6), {
      collateral: Number(cMicro) / 1e6,
      debt: Number(dMicro) / 1e6,
      price: Number(pMicro) / 1e6,
    });
    const what = `collateral ${collateral}, debt ${debt}, price ${price}, LLTV ${lltv}`;
    const hf = MarketUtils.getHealthFactor(position, totals, { lltv });
    tally.close("morpho-health-factor", q.healthFactor, Number(hf) / 1e18, 1e-12, what);
    if (q.maxRepay > 0) {
      // Liquidatable: Morpho lets the whole position go; seized = repaid × LIF / price, capped at
      // the collateral (getSeizableCollateral).
      const seized = MarketUtils.getSeizableCollateral(position, totals, { lltv });
      tally.close("morpho-seized", q.seized, Number(seized) / 1e18, 1e-12, what);
    } else {
      tally.expect("morpho-seized", hf >= WAD, () => `${what}: ours not liquidatable, SDK health factor ${hf}`);
    }
  }
}
