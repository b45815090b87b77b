// Type-checked with `tsc --strict` against the installed package: the exports are typed, not `any`.
import { presets, comparisonMatrix, type Protocol, type Matrix } from "restake-core";
import {
  leverageLoop, liquidationCascade, lendingMarkets, cascadePresetEzEth2024,
  type LeverageReport, type CascadeInput, type CascadeReport, type LendingMarket, type MarketParams,
} from "restake-core";

const protocols: Protocol[] = presets();
const fee: number = protocols[0].feeOnRewards.value;
const kind: "lst" | "lrt" = protocols[0].kind;
const matrix: Matrix = comparisonMatrix({ queuedEth: 0, totalStakedEth: 36e6 });
const defaults: Matrix = comparisonMatrix();
const firstCell: number | null = matrix.quantitative[0].cells[0].value;
const design: string | undefined = matrix.qualitative[0].cells[3]?.value;

// @ts-expect-error the fee is a number, so assigning it to a string must not type-check
const wrong: string = protocols[0].feeOnRewards.value;

const markets: LendingMarket[] = lendingMarkets();
const m0: LendingMarket = markets[0];
const params: MarketParams = {
  ltv: m0.ltv.value, liquidationThreshold: m0.liquidationThreshold.value, liquidationBonus: m0.liquidationBonus.value,
  closeFactor: m0.closeFactor.value, fullCloseHf: m0.fullCloseHf.value, oracle: m0.oracle.value,
};
const loop: LeverageReport = leverageLoop({ deposit: 10, price: 1, lrtYield: 0.03, borrowRate: 0.025, market: params,
  target: { kind: "loops", loops: 3 } });
const liqPrice: number | null = loop.liquidationPrice;
const input: CascadeInput = cascadePresetEzEth2024().input;
const cascade: CascadeReport = liquidationCascade({ ...input, shock: { kind: "depeg", fraction: 0.2 } });
const badDebt: number = cascade.totals.badDebt;
// @ts-expect-error an oracle is "exchangeRate" or "market", nothing else
const wrongOracle: MarketParams = { ...params, oracle: "dex" };

export { fee, kind, firstCell, wrong, defaults, design, liqPrice, badDebt, wrongOracle };
