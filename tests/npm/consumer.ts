// Type-checked with `tsc --strict` against the installed package: the exports are typed, not `any`.
import {
  presets, comparisonMatrix, applySlashing, slashingDemo, securityAnalysis, securityDemo,
  restakingGraphAnalysis,
  type Protocol, type Matrix, type SlashEvent, type SlashingReport, type SecurityReport,
  type SecurityParams, type Verdict,
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

const sec = securityDemo();
const secParams: SecurityParams = { ...sec.params, mode: "sharedStake" };
const secReport: SecurityReport = securityAnalysis(sec.scenario, secParams);
const verdict: Verdict = secReport.certificate.verdict;
const gammaStar: number | null = secReport.certificate.gammaStar;
const graphReport: SecurityReport = restakingGraphAnalysis({ validators: [], services: [], edges: [] });
// @ts-expect-error a threshold is a numerator/denominator pair, not a number
const badThreshold: SecurityParams = { services: [{ avs: "da", profitEth: 1, threshold: 0.5 }] };

export { fee, kind, firstCell, wrong, defaults, design, rateChange, badEvent, verdict, gammaStar, graphReport, badThreshold };
