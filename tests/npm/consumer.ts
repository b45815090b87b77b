// Type-checked with `tsc --strict` against the installed package: the exports are typed, not `any`.
import {
  presets, comparisonMatrix, applySlashing, slashingDemo, simulateRisk, riskDemo, RiskRun,
  type Protocol, type Matrix, type SlashEvent, type SlashingReport, type RiskReport, type RiskOptions,
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

const events: SlashEvent[] = [{ kind: "avsWide", avs: "oracle", fraction: 0.5 }];
const report: SlashingReport = applySlashing(slashingDemo().scenario, events, { mode: "sharedStake" });
const rateChange: number = report.protocols[0].rateChange;
// @ts-expect-error an event needs its kind's fields
const badEvent: SlashEvent = { kind: "avsWide", operator: "op-a" };

const riskOptions: RiskOptions = { paths: 1000, seed: "18446744073709551615", horizonYears: 2 };
const risk: RiskReport = simulateRisk(riskDemo().scenario, riskOptions);
const es99: number = risk.lrts[0].loss.es99;
const tail: number | undefined = risk.position?.contributions.operators[0].tail99;
const riskRun = new RiskRun(riskDemo().scenario, { paths: 100, seed: 1 });
const progress: number = riskRun.step(50);
const sliced: RiskReport = riskRun.finish();
// @ts-expect-error a severity needs its kind's fields
const badSeverity: RiskOptions = { probabilities: { avsBug: { perYear: 0.1, severity: { kind: "beta", fraction: 0.1 } } } };

export { fee, kind, firstCell, wrong, defaults, design, rateChange, badEvent, es99, tail, progress, sliced, badSeverity };
