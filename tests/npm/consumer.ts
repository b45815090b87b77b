// Type-checked with `tsc --strict` against the installed package: the exports are typed, not `any`.
import {
  presets, comparisonMatrix, applySlashing, slashingDemo, yieldStack, yieldPresets,
  type Protocol, type Matrix, type SlashEvent, type SlashingReport,
  type YieldInput, type YieldReport, type YieldPreset,
  leverageLoop, liquidationCascade, lendingMarkets, cascadePresetEzEth2024,
  type LeverageReport, type CascadeInput, type CascadeReport, type LendingMarket, type MarketParams,
  simulateRisk, riskDemo, RiskRun, type RiskReport, type RiskOptions, riskLoopDefault, type LoopRisk,
  securityAnalysis, securityDemo, restakingGraphAnalysis,
  type SecurityReport, type SecurityParams, type Verdict,
  parseScenario, runScenario, scenarioToFragment, scenarioFromFragment, defaultScenario, replays, timelineReplays,
  type Scenario, type ScenarioReport, type Headline, type Unit, type Replay,
  setPosition, positionAnswer, type PositionSection, type PositionAnswer,
  aaveInterestRates, adaptiveCurveBorrowRate, carry, rateModelPresets,
  type AaveRates, type AdaptiveCurveRates, type CarryReport, type CarryInput, type RateModel,
  parameterWorkbench, parameterTokenPresets, type WorkbenchInput, type WorkbenchReport, type RuleId, type TokenPreset,
  incidentReplays, type IncidentReplay,
  mainnetLiveRequest, planLiveRead, liveReadCalls, applyLiveRead, liveRetryBatches, liveLendingMarkets, type LiveMarkets,
  type ReadRequest, type ReadPlan, type RpcReply, type LiveRead, type Head, type Failure,
  mainnetWalletTargets, planWalletRead, walletReadCalls, applyWalletRead, importWallet, walletPositions,
  type WalletTargets, type WalletRequest, type WalletSection, type WalletPositions,
  NetworkImporter, mainnetNetworkImportRequest, networkOf, startFromImport, type NetworkOrigin, type Network, type NetworkImportRequest, type ImportStep, type NetworkImport, type Issue,
} from "restake-core";

const protocols: Protocol[] = presets();
const fee: number = protocols[0].feeOnRewards.value;
const kind: "lst" | "lrt" = protocols[0].kind;
const matrix: Matrix = comparisonMatrix({ queuedEth: 0, totalStakedEth: 36e6 });
const defaults: Matrix = comparisonMatrix();
const firstCell: number | null = matrix.quantitative[0].cells[0].value;
const design: string | undefined = matrix.qualitative[0].cells[3]?.value;
const withScenario: Matrix = comparisonMatrix(undefined, slashingDemo().scenario);
const isCustom: boolean = withScenario.protocols[7].custom;
const missingText: string | null = withScenario.quantitative[0].cells[7].missing;
const rests: string[] = withScenario.quantitative[0].cells[0].assumptions;
const illustrative: number | null = withScenario.quantitative[0].cells[0].illustrative;
void [rests, illustrative];

// @ts-expect-error the fee is a number, so assigning it to a string must not type-check
const wrong: string = protocols[0].feeOnRewards.value;

const events: SlashEvent[] = [{ kind: "avsWide", avs: "oracle", fraction: 0.5 }];
const slashReport: SlashingReport = applySlashing(slashingDemo().scenario, events, { mode: "sharedStake" });
const rateChange: number = slashReport.protocols[0].rateChange;
// @ts-expect-error an event needs its kind's fields
const badEvent: SlashEvent = { kind: "avsWide", operator: "op-a" };
const starts: YieldPreset[] = yieldPresets();
const yieldInput: YieldInput = { ...starts[0].input, compounding: { kind: "continuous" } };
const report: YieldReport = yieldStack(yieldInput);
const netApy: number = report.lrt.netApy;
const stepKind: "income" | "fee" | "drag" = report.lrt.steps[0].kind;
// @ts-expect-error an AVS reward needs its kind
const badReward: YieldInput["lrt"]["avss"][number]["reward"] = { apr: 0.01 };

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

const riskOptions: RiskOptions = { paths: 1000, seed: "18446744073709551615", horizonYears: 2 };
const risk: RiskReport = simulateRisk(riskDemo().scenario, riskOptions);
const loopOptions: RiskOptions = { paths: 100, seed: 1, carry: riskLoopDefault(1).carry };
const loopRisk: LoopRisk | null | undefined = simulateRisk(riskDemo().scenario, loopOptions).looped;
// @ts-expect-error a rate path's APR points need fromDay
const badLoop: RiskOptions = { carry: { ...riskLoopDefault(1).carry, ratePaths: [{ name: "x", probability: 1, borrowApr: [{ apr: 0.1 }] }] } };
const es99: number = risk.lrts[0].loss.es99;
const tail: number | undefined = risk.position?.contributions.operators[0].tail99;
const riskRun = new RiskRun(riskDemo().scenario, { paths: 100, seed: 1 });
const progress: number = riskRun.step(50);
const sliced: RiskReport = riskRun.finish();
// @ts-expect-error a severity needs its kind's fields
const badSeverity: RiskOptions = { probabilities: { avsBug: { perYear: 0.1, severity: { kind: "beta", fraction: 0.1 } } } };

const sec = securityDemo();
const secParams: SecurityParams = { ...sec.params, mode: "sharedStake" };
const secReport: SecurityReport = securityAnalysis(sec.scenario, secParams);
const verdict: Verdict = secReport.certificate.verdict;
const gammaStar: number | null = secReport.certificate.gammaStar;
const graphReport: SecurityReport = restakingGraphAnalysis({ validators: [], services: [], edges: [] });
// @ts-expect-error a threshold is a numerator/denominator pair, not a number
const badThreshold: SecurityParams = { services: [{ avs: "da", profitEth: 1, threshold: 0.5 }] };

const docDefault: Scenario = defaultScenario();
const docReport: ScenarioReport = runScenario(docDefault);
const docHeadline: Headline | undefined = docReport.headlines[0];
const docUnit: Unit | undefined = docHeadline?.unit;
const docLoopHf: number | null | undefined = docReport.leverage?.loop.healthFactor;
const docLink: string = scenarioToFragment(docDefault);
const docBack: Scenario = scenarioFromFragment(docLink);
const docParsed: Scenario = parseScenario(JSON.stringify(docDefault));
const docReplays: Replay[] = replays();
const docReplayDate: string | undefined = docReplays[0]?.date;
const presetTimelines: Replay[] = timelineReplays();
const presetSteps = runScenario(presetTimelines[0].scenario).slashingTimeline?.steps;
const stepSource: string | undefined = presetSteps?.[1]?.source;
const vetoedShare: number | undefined = presetTimelines[0]?.scenario.slashing?.timeline?.actions
  ?.map((a) => (a.action.kind === "slash" ? a.action.veto?.vetoedShare : undefined))?.[0];
const docBridgeLoss: number | undefined = docReport.bridge?.holderLossEth;
// @ts-expect-error a headline unit is one of the named units
const docBadUnit: Unit = "percent";
// @ts-expect-error the version is a number
const docBadVersion: Scenario = { ...docDefault, version: "2" };

const incidents: IncidentReplay[] = incidentReplays();
const incidentError: number = incidents[0].figures[0].relativeError;
const benchPreset: TokenPreset = parameterTokenPresets()[0];
const benchInput: WorkbenchInput = { ...benchPreset.input, market: "m", liquidationBonus: 0.01, slippageBudget: 0.01 };
const bench: WorkbenchReport = parameterWorkbench(benchInput);
const benchRule: RuleId = bench.rules[0].rule;
const benchCap: number | undefined | null = bench.rules[0].supplyCap;
// @ts-expect-error the liquidity curve is a list of points, not a number
const badBench: WorkbenchInput = { ...benchInput, liquidity: 500 };
// The workbench and the carry as optional document sections (types generated from core).
const docBench: Scenario = { ...docDefault, parameters: { tokenPreset: benchPreset.id, input: benchInput } };
const benchBinding: number | undefined = bench.bindings[0]?.value;
const benchAbove: boolean | null | undefined = bench.bindings[0]?.currentAbove;
const docCarry: Scenario = { ...docBench, leverage: docDefault.leverage && { ...docDefault.leverage,
  carry: { utilization: { kind: "step", before: 0.94, after: 0.9985, atDay: 7 }, horizonDays: 90 } } };
// @ts-expect-error a carry needs its utilisation path
const badCarry: Scenario = { ...docDefault, leverage: docDefault.leverage && { ...docDefault.leverage, carry: { horizonDays: 90 } } };
const liveRequest: ReadRequest = mainnetLiveRequest();
const livePlan: ReadPlan = planLiveRead(liveRequest);
const liveMethod: "eth_chainId" | "eth_getBlockByNumber" | "eth_call" = livePlan.head[0].method;
const liveReplies: RpcReply[] = [{ kind: "timedOut" }, { kind: "body", text: "{}" }];
const liveCalls: { head: Head; requests: unknown[] } = liveReadCalls(liveRequest, liveReplies);
const liveRead: LiveRead = applyLiveRead(liveRequest, liveCalls.head, []);
const liveBlock: number = liveRead.values[0].basis.blockNumber;
const liveWhy: Failure["kind"] = liveRead.failures[0].reason.kind;
const liveResend: number[] = liveRetryBatches(liveRequest, liveRead);
const liveFrozen: Scenario = { ...docDefault, live: liveRead };
const liveMarkets: LiveMarkets = liveLendingMarkets(liveRead);
const liveMatrix: Matrix = comparisonMatrix(undefined, undefined, liveRead);
const liveChange: number = liveMarkets.changes[0].live;
const liveChangeBlock: number = liveMarkets.changes[0].basis.blockNumber;
// @ts-expect-error only the three read methods exist
const liveBadMethod: ReadPlan["head"][0]["method"] = "eth_sendTransaction";

// The wallet import: typed request, section and positions.
const walletTargets: WalletTargets = mainnetWalletTargets();
const walletRequest: WalletRequest = { address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", targets: walletTargets };
const walletPlan: ReadPlan = planWalletRead(walletRequest);
const walletCalls: { head: Head; requests: unknown[] } = walletReadCalls(walletRequest, liveReplies);
const walletSection: WalletSection = applyWalletRead(walletRequest, walletCalls.head, []);
const imported: { scenario: Scenario; positions: WalletPositions } = importWallet(docDefault, walletSection);
const heldEth: number = imported.positions.holdings[0].amountEth;
const loopHf: number | null | undefined = imported.positions.loops[0].healthFactor;
const frozenBlock: number | undefined = walletPositions(imported.scenario)?.head.blockNumber;
// @ts-expect-error the wallet's address is not part of the document's section
const walletAddress: string = walletSection.address;

export {
  walletPlan, heldEth, loopHf, frozenBlock, walletAddress,
  liveMethod, liveBlock, liveWhy, liveResend, liveFrozen, liveBadMethod, liveChange, liveChangeBlock, liveMatrix,
  docUnit, docLoopHf, docBack, stepSource, vetoedShare, docParsed, docReplayDate, docBridgeLoss, docBadUnit, docBadVersion,
  fee, kind, firstCell, wrong, defaults, design, rateChange, badEvent, netApy, stepKind, badReward, liqPrice, badDebt,
  wrongOracle, es99, tail, progress, sliced, badSeverity, verdict, gammaStar, graphReport, badThreshold,
  benchRule, benchCap, badBench, incidentError,
};

// My position: the section is typed, and so is its answer (VaR99 may be null: token not restaked).
const position: PositionSection = { protocol: "etherfi", amountEth: 10, horizonYears: 1, loop: { kind: "healthFactor", healthFactor: 1.5 } };
const positioned: Scenario = setPosition(defaultScenario(), position);
const answer: PositionAnswer = positionAnswer(positioned);
const var99: number | null | undefined = answer.var99Eth;
void [answer.netApy, var99, loopRisk, badLoop];
const model: RateModel = rateModelPresets()[0].model;
const carryInput: CarryInput = { deposit: 1, exchangeRate: 1, lrtYield: 0.03, leverage: 10, liquidationThreshold: 0.95,
  rateModel: model, utilization: { kind: "step", before: 0.94, after: 0.9985, atDay: 7 }, horizonDays: 30 };
const carried: CarryReport = carry(carryInput);
const hf: number | null = carried.points[0].healthFactor;
const breakEven: number | null = carried.breakEvenBorrowApr;
const ratesA: AaveRates = aaveInterestRates({ optimalUsageRatio: 9400, baseVariableBorrowRate: 0, variableRateSlope1: 245,
  variableRateSlope2: 800 }, { totalDebt: "1", availableLiquidity: "1", unbacked: "0", reserveFactor: 1500 });
const ray: string = ratesA.variableBorrowRate;
const ratesM: AdaptiveCurveRates = adaptiveCurveBorrowRate({ utilization: "900000000000000000", rateAtTarget: "0", elapsed: 0 });
const perSecond: string = ratesM.avgBorrowRate;
const wethData = { optimalUsageRatio: 9400, baseVariableBorrowRate: 0, variableRateSlope1: 245, variableRateSlope2: 800 };
// @ts-expect-error contract integers are decimal strings, not numbers
const notAString: AaveRates = aaveInterestRates(wethData, { totalDebt: 1, availableLiquidity: "1", unbacked: "0", reserveFactor: 0 });
void [hf, breakEven, ray, perSecond, notAString];

// The network import (issue 19): a class driven step by step; its result is a Network.
const importRequest: NetworkImportRequest = mainnetNetworkImportRequest();
const importer = new NetworkImporter(importRequest);
const firstStep: ImportStep = importer.start();
const nextStep: ImportStep = importer.onReplies([{ kind: "timedOut" }, { kind: "timedOut" }]);
const networkImported: NetworkImport | undefined = nextStep.kind === "done" ? nextStep.import : undefined;
const importedMatrix: Matrix | undefined = networkImported && comparisonMatrix(undefined, networkImported.network);
const perLrtMatrix: Matrix | undefined = networkImported && comparisonMatrix(undefined, undefined, undefined, networkImported);
const firstIssue: Issue["kind"] | undefined = firstStep.kind === "calls" ? firstStep.progress[0].issues[0]?.kind : undefined;
// @ts-expect-error the staker source is a tagged union
const badSource: NetworkImportRequest = { ...importRequest, lrts: [{ protocol: "renzo", source: { kind: "lido" } }] };
const renzoPart: Network | undefined = networkImported && networkOf(networkImported, "renzo");
const origin: NetworkOrigin | undefined = networkImported && startFromImport(defaultScenario(), networkImported, "renzo").networkOrigin;
const originBlock: number | undefined = origin?.head.blockNumber;
void [importedMatrix, perLrtMatrix, firstIssue, badSource, renzoPart, originBlock];
