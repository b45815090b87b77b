// Runs in a fresh project that installed the packed restake-core tarball.
import assert from "node:assert/strict";
import {
  presets, comparisonMatrix, bridgeExposure, bridgePresetRsEth2026, applySlashing, slashingDemo, applyTimeline,
  yieldStack, yieldPresets, leverageLoop, liquidationCascade, lendingMarkets, cascadePresetEzEth2024,
  morphoLiquidationIncentive, liquidationQuote, poolSell, poolInvariant, beaconSlashingLoss, exitChurnPerEpochEth,
  simulateRisk, riskDemo, RiskRun,
  securityAnalysis, restakingGraphAnalysis, securityDemo,
  parseScenario, runScenario, scenarioToFragment, scenarioFromFragment, defaultScenario, replays, timelineReplays,
  setPosition, positionAnswer,
  parameterWorkbench, parameterTokenPresets, poolImpactCurve, incidentReplays,
  aaveInterestRates, adaptiveCurveBorrowRate, aaveCompoundedInterest, morphoTaylorCompounded, rateCurve,
  rateModelPresets, utilizationPresets, carry, riskLoopDefault, borrowRatePath,
} from "restake-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const protocols = presets();
// The source article's three first, then the other LRTs and the LST baseline.
assert.deepEqual(protocols.map((p) => p.token), ["weETH", "ezETH", "rsETH", "pufETH", "rswETH", "ynETH", "wstETH"]);
assert.deepEqual(protocols.slice(0, 3).map((p) => p.name), ["ether.fi", "Renzo", "Kelp DAO"]);
for (const p of protocols) {
  assert.equal(typeof p.name, "string");
  assert.equal(p.kind, p.token === "wstETH" ? "lst" : "lrt");
  assert.equal(typeof p.feeOnRewards.value, "number");
  assert.ok(p.feeOnRewards.value >= 0 && p.feeOnRewards.value <= 1);
  assert.ok(["source", "assumption", "derived"].includes(p.feeOnRewards.basis.kind));
  assert.equal(typeof p.withdrawalDelayDays.value, "number");
  assert.ok(Array.isArray(p.chains.value) && p.chains.value[0] === "Ethereum");
}
assert.equal(protocols[0].nodeOperatorDesign.value, "Highly distributed, permissionless nodes");
assert.equal(protocols[2].feeOnRewards.basis.kind, "assumption");
assert.equal(protocols[1].bridges[0].rateLimitPerDay.value, 2000);

const m = comparisonMatrix();
assert.equal(m.protocols.length, 7);
assert.deepEqual(m.qualitative.map((r) => r.label), [
  "Node Operator Design", "AVS Allocation Selection", "Primary Structural Focus", "Historical Trust Marker",
]);
const exit = m.quantitative.find((r) => r.id === "timeToExit");
assert.deepEqual(exit.cells.map((c) => c.value), [21, 17, 22, 14, 14, 14, 0]);
// 115,200 ETH ahead in the exit queue drains in 2 days at 57,600 ETH/day.
const queued = comparisonMatrix({ queuedEth: 115200, totalStakedEth: 36e6 });
assert.deepEqual(queued.quantitative.find((r) => r.id === "timeToExit").cells.map((c) => c.value).slice(0, 3), [23, 19, 24]);
assert.throws(() => comparisonMatrix({ queuedEth: Number.NaN, totalStakedEth: 36e6 }), (e) => {
  assert.ok(e instanceof Error);
  assert.equal(e.field, "exitQueue.queuedEth");
  return true;
});

// New computed rows: leverage on the main market, bridge exploit, VaR/ES, concentration.
const mRow = (id) => m.quantitative.find((r) => r.id === id);
assert.ok(Math.abs(mRow("maxLeverage").cells[0].value - 1 / 0.07) < 1e-9); // Aave E-mode LTV 93%
assert.ok(Math.abs(mRow("maxLeverage").cells[2].value - 1 / 0.07) < 1e-9); // rsETH/wstETH E-mode 93%
assert.equal(mRow("maxLeverage").cells[3].missing, "no sourced market"); // Puffer
assert.ok(Math.abs(mRow("bridgeExploitLoss").cells[2].value - 0.18 / 1.18) < 1e-9);
// VaR/ES rest on an illustrative network only: "not sourced", the engine's figure kept apart.
assert.equal(mRow("var99").cells[6].value, null);
assert.equal(mRow("var99").cells[6].missing, "not sourced");
assert.equal(mRow("var99").cells[6].illustrative, 0); // wstETH: P(loss) < 1%
// A published figure carries no assumption; a computed one lists what it rests on.
assert.deepEqual(mRow("feeOnRewards").cells[6].assumptions, []);
assert.ok(mRow("netApy").cells[0].assumptions.some((n) => n.startsWith("Illustrative AVS streams")));
assert.equal(mRow("operatorHhi").cells[0].missing, "not sourced");
// With a scenario: a last "Your scenario" column computed from it.
const mine = comparisonMatrix(undefined, slashingDemo().scenario);
assert.equal(mine.protocols.length, 8);
assert.equal(mine.protocols[7].custom, true);
const mineRow = (id) => mine.quantitative.find((r) => r.id === id).cells[7].value;
assert.ok(Math.abs(mineRow("operatorHhi") - 11653 / 39601) < 1e-12);
assert.equal(mineRow("nakamoto"), 1);
assert.equal(mineRow("avsCount"), 4);
assert.throws(() => comparisonMatrix(undefined, { ...slashingDemo().scenario, version: 99 }), (e) => {
  assert.ok(e instanceof Error && typeof e.field === "string");
  return true;
});

// Bridge: the rsETH exploit of April 2026 took 116,500 of 647,222 rsETH = 18% of supply.
const { input } = bridgePresetRsEth2026();
assert.equal(Math.round(bridgeExposure(input).exploitShare * 100), 18);

// Slashing: operator A (20,000 own + 50% of ether.fi's 100,000 = 70,000 ETH) faults on both
// AVSs it secures at 10%; it allocated 40% + 20%, so 6% of 70,000 = 4,200 ETH goes, exactly.
const { scenario } = slashingDemo();
const layered = [{ kind: "layeredFault", operator: "op-a", fraction: 0.1 }];
const unique = applySlashing(scenario, layered);
assert.equal(unique.totals.slashed.wei, "4200000000000000000000");
assert.equal(unique.protocols[0].rateChange, -0.03); // ether.fi lost 3,000 of 100,000
// Shared stake: each AVS takes 10% of the whole 70,000 → 14,000 ETH.
assert.equal(applySlashing(scenario, layered, { mode: "sharedStake" }).totals.slashed.eth, 14000);
assert.throws(() => applySlashing(scenario, [{ kind: "layeredFault", operator: "nobody", fraction: 0.1 }]), (e) => {
  assert.equal(e.field, "events[0].operator");
  return true;
});
// Yield stack, worked by hand: CL 3% + EL 1%; LST fee 10% ⇒ 3.6%. LRT: 20% idle buffer, fee 10%
// on every stream, operators 10%; AVS A pays 2% on half the stake, token stream T pays
// 50 tokens/ETH/yr × 0.0004 ETH × (1 − 0.5) = 1% on a quarter. Staked 0.8: base 3.2 pp, AVS
// 0.8 × (1 + 0.25) = 1.0 pp, 0.9 pp after commission; 4.1 pp × 0.9 = 3.69%. Expected loss
// 0.8 × 0.5 × 0.02 × 0.5 = 0.4% ⇒ risk-adjusted 3.29%. 100 ETH, yearly, 1 year → 103.69 ETH.
const yieldInput = {
  base: { consensus: { kind: "given", apr: 0.03 }, executionApr: 0.01 },
  lst: { token: "wstETH", feeOnRewards: 0.1 },
  lrt: {
    token: "LRT", feeOnRewards: 0.1, feeAppliesTo: { consensus: true, execution: true, avs: true },
    operatorCommission: 0.1, bufferShare: 0.2,
    avss: [
      { name: "A", allocation: 0.5, reward: { kind: "eth", apr: 0.02 }, faultProbability: 0.02, slashFraction: 0.5 },
      { name: "T", allocation: 0.25, reward: { kind: "token", token: "TKN", tokensPerEthPerYear: 50, tokenPriceEth: 0.0004, liquidityHaircut: 0.5 },
        faultProbability: 0, slashFraction: 0 },
    ],
  },
  compounding: { kind: "periodic", periodsPerYear: 1 },
  depositEth: 100, horizonYears: 1,
};
const y = yieldStack(yieldInput);
const near = (a, b) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
near(y.lst.netApr, 0.036);
near(y.lrt.netApr, 0.0369);
near(y.lrt.depositValueEth, 103.69);
near(y.expectedSlashLoss, 0.004);
near(y.riskAdjustedApy, 0.0329);
near(y.premiumApr, 0.0009);
assert.deepEqual(y.lrt.steps.map((s) => s.id),
  ["consensus", "execution", "avs:0", "avs:1", "buffer", "operatorCommission", "protocolFee"]);
near(y.lrt.steps.reduce((sum, s) => sum + s.apr, 0), y.lrt.netApr);
assert.throws(() => yieldStack({ ...yieldInput, lrt: { ...yieldInput.lrt, bufferShare: 1.5 } }), (e) => {
  assert.equal(e.field, "lrt.bufferShare");
  assert.equal(e.kind, "outOfRange");
  return true;
});
const yp = yieldPresets();
assert.equal(yp.length, 7);
assert.equal(yp[0].protocol, "etherfi");
assert.equal(yp[0].notes.find((n) => n.path === "lrt.avss").basis.kind, "assumption");
assert.ok(yieldStack(yp[0].input).lrt.netApy > 0);
// Leverage: Aave v3 E-mode (θ = 0.95) looped to HF 1.01 ⇒ λ = 1/(1 − 0.95/1.01) = 16.8333;
// net APY = 16.8333 × 3% − 15.8333 × 2.5% = 10.9167%; liquidation price 1/1.01 = 0.990099.
const markets = lendingMarkets();
assert.equal(markets[0].id, "aave-v3-eth-emode");
assert.equal(markets[0].liquidationThreshold.value, 0.95);
assert.equal(markets[3].oracle.value, "market");
const params = (m) => ({
  ltv: m.ltv.value, liquidationThreshold: m.liquidationThreshold.value, liquidationBonus: m.liquidationBonus.value,
  closeFactor: m.closeFactor.value, fullCloseHf: m.fullCloseHf.value, oracle: m.oracle.value,
});
const loop = leverageLoop({ deposit: 10, price: 1, lrtYield: 0.03, borrowRate: 0.025, market: params(markets[0]),
  target: { kind: "healthFactor", healthFactor: 1.01 } });
assert.ok(Math.abs(loop.leverage - 16.833333333333333) < 1e-9);
assert.ok(Math.abs(loop.netApy - 0.10916666666666667) < 1e-12);
assert.ok(Math.abs(loop.liquidationPrice - 1 / 1.01) < 1e-12);
assert.equal(loop.curve.length, 41);
// Cascade: weETH outside E-mode (θ 0.8, bonus 7%), 100 weETH against 78 ETH, 10% slash:
// HF = 72/78 = 0.923 ≤ 0.95 ⇒ full close: repay 78, seize 78 × 1.07 / 0.9 = 92.7333 weETH.
const cascade = liquidationCascade({ market: params(markets[1]), exchangeRate: 1,
  pool: { kind: { kind: "constantProduct" }, lrtReserve: 1e6, ethReserve: 1e6 },
  population: { kind: "explicit", positions: [{ collateral: 100, debt: 78 }] },
  shock: { kind: "slash", fraction: 0.1 } });
assert.equal(cascade.rounds.length, 1);
assert.ok(Math.abs(cascade.totals.debtRepaid - 78) < 1e-9);
assert.ok(Math.abs(cascade.totals.collateralSeized - 83.46 / 0.9) < 1e-9);
assert.equal(cascade.totals.badDebt, 0);
// The ezETH replay reproduces the 0.77 market's 8 liquidations and no bad debt.
const replay = cascadePresetEzEth2024();
const r = liquidationCascade(replay.input);
assert.equal(r.totals.liquidations, replay.published.liquidations);
assert.equal(Math.round(r.totals.debtRepaid), 807);
// A report passed back as an input: the first unknown field is named.
assert.throws(() => leverageLoop({ ...loop, deposit: 1 }), (e) => e instanceof Error && e.field === "collateral" && e.kind === "parse");
assert.throws(() => liquidationCascade({ ...replay.input, shock: { kind: "depeg", fraction: 2 } }), (e) => {
  assert.equal(e.field, "shock.fraction");
  return true;
});

// Any LLTV: 0.945 ⇒ 1/(1 − 0.3 × 0.055) = 1/0.9835; at or below LLTV 0.5652 the 1.15 cap.
assert.ok(Math.abs(morphoLiquidationIncentive(0.945) - 1 / 0.9835) < 1e-12);
assert.equal(morphoLiquidationIncentive(0.5), 1.15);
assert.throws(() => morphoLiquidationIncentive(1), (e) => e.field === "lltv");
// Aave v3.3 rules on the weETH preset (USD 3,000 per ETH): 0.6 ETH of debt is USD 1,800 < 2,000,
// so the whole debt goes at HF 0.97; 10% of the bonus is the protocol's.
const aave33 = { ...params(markets[1]), liquidationProtocolFee: markets[1].liquidationProtocolFee.value, rules: markets[1].rules.value };
const q = liquidationQuote(aave33, { collateral: 0.7875, debt: 0.6, price: 0.9238 });
assert.ok(q.healthFactor < 1 && q.healthFactor > 0.95);
assert.equal(q.maxRepay, 0.6);
assert.ok(Math.abs(q.protocolFee - (q.seized - q.seized / 1.07) * 0.1) < 1e-15);
// Uniswap v2's 0.3%: getAmountOut(1, 5, 10) = 1.662497915624478906 (v2-core's first swap case).
const { sale } = poolSell({ kind: { kind: "constantProduct" }, lrtReserve: 5, ethReserve: 10, fee: { kind: "onInput", fee: 0.003 } }, 1);
assert.ok(Math.abs(sale.ethOut - 1.662497915624478906) < 1e-12);
assert.equal(poolInvariant({ kind: { kind: "stableswap", amplification: 200 }, lrtReserve: 1000, ethReserve: 1000 }), 2000);
// Interest-rate models, to the integer (hand-worked in core/src/lending/rate_model/tests.rs).
const wethRates = rateModelPresets()[0];
assert.equal(wethRates.id, "aave-v3-core-weth");
const aaveR = aaveInterestRates(wethRates.model.data,
  { totalDebt: "99850000000000000000", availableLiquidity: "150000000000000000", unbacked: "0", reserveFactor: 1500 });
assert.equal(aaveR.variableBorrowRate, "102500000000000000000000000"); // 99.85%: 2.45% + 8% × 0.975 = 10.25%
assert.equal(aaveR.borrowUsageRatio, "998500000000000000000000000");
assert.throws(() => aaveInterestRates({ ...wethRates.model.data, optimalUsageRatio: 9950 }, { totalDebt: "1", availableLiquidity: "1", unbacked: "0", reserveFactor: 0 }),
  (e) => e.field === "data.optimalUsageRatio");
assert.throws(() => aaveInterestRates(wethRates.model.data, { totalDebt: 1, availableLiquidity: "1", unbacked: "0", reserveFactor: 0 }),
  (e) => e.field === "state.totalDebt");
const day = adaptiveCurveBorrowRate({ utilization: "1000000000000000000", rateAtTarget: "1268391679", elapsed: 86400 });
assert.deepEqual([day.avgBorrowRate, day.endRateAtTarget], ["5438922544", "1454044805"]);
assert.throws(() => adaptiveCurveBorrowRate({ utilization: "1000000000000000001", rateAtTarget: "0", elapsed: 0 }), (e) => e.field === "utilization");
assert.equal(aaveCompoundedInterest({ rate: "1000000000000000000000000000", seconds: 31536000 }).value, "2666666666666666666666666666");
assert.equal(morphoTaylorCompounded({ rate: "1000000000", seconds: 1000000000 }).value, "1666666666666666666");
assert.equal(rateCurve(wethRates.model).length, 101);
assert.ok(Math.abs(rateCurve(wethRates.model)[94].borrowApr - 0.0245) < 1e-15);
// Carry: 10× for a year in one step at a fixed 2.45%, the LRT at 3%: debt 9 × (1 + x + x²/2 + x³/6).
const yearInput = { deposit: 1, exchangeRate: 1, lrtYield: 0.03, leverage: 10, liquidationThreshold: 0.95,
  rateModel: { kind: "fixed", apr: 0.0245 }, utilization: { kind: "constant", utilization: 0.9 }, horizonDays: 365, stepDays: 365 };
const yearCarry = carry(yearInput);
const debtYear = 9 * (1 + 0.0245 + 0.0245 ** 2 / 2 + 0.0245 ** 3 / 6);
assert.ok(Math.abs(yearCarry.points[0].debtEth - debtYear) < 1e-12);
assert.ok(Math.abs(yearCarry.breakEvenBorrowApr - 0.032789869743358) < 1e-12);
const spike = carry({ deposit: 1, exchangeRate: 1, lrtYield: 0.03, leverage: 10, liquidationThreshold: 0.95,
  rateModel: wethRates.model, utilization: utilizationPresets()[0].path, horizonDays: 30 });
assert.ok(Math.abs(spike.maxBorrowApr - 0.1025) < 1e-15);
// 36,500 days in steps of 0.01 would be 3.65M steps: refused at stepDays (the bound is 20,000).
assert.throws(() => carry({ ...yearInput, horizonDays: 36500, stepDays: 0.01 }), (e) => e.field === "stepDays");
assert.throws(() => carry({ ...yearInput, utilization: { kind: "points", points: [{ day: 2, utilization: 0.5 }, { day: 1, utilization: 0.5 }] } }),
  (e) => e.field === "utilization.points[1].day");
// Electra: a lone 32 ETH validator at 36M ETH staked; the churn at 13.14M ETH rounds down to 200.
assert.deepEqual(beaconSlashingLoss({ effectiveBalanceGwei: "32000000000", windowSlashingsGwei: "32000000000", totalActiveBalanceGwei: "36000000000000000" }),
  { initial: "7812500", missedAttestations: "55214080", correlation: "85312", correlationPerIncrement: "2666" });
assert.equal(exitChurnPerEpochEth(13_140_000), 200);

// Risk: a certain layered fault of 50% at operator B (allocations 0.3 + 0.3 + 0.2) takes 40% of
// its stake; ether.fi delegates 30% of its 100,000 ETH there → 12% of ether.fi's backing, every path.
const demo = riskDemo();
assert.ok(demo.notes.some((n) => n.path === "options.probabilities.avsBug" && n.basis.kind === "assumption"));
const zero = { perYear: 0, severity: { kind: "fixed", fraction: 0 } };
const certain = simulateRisk(demo.scenario, {
  paths: 10, seed: 3,
  probabilities: {
    operatorFault: { perYear: 0, severity: { kind: "fixed", fraction: 0.5 } },
    avsBug: zero, beaconSlashing: zero,
    commonShock: { perYear: 0, hitShare: 0, correlation: 0, slashedShare: { kind: "fixed", fraction: 0 } },
    operators: [{ operator: "op-b", faultPerYear: 1 }],
  },
});
assert.equal(certain.seed, "3");
assert.ok(Math.abs(certain.lrts[0].loss.mean - 0.12) < 1e-12);
assert.equal(certain.lrts[0].loss.pLoss, 1);
// The fixed-seed run pinned natively and in Chromium (core/tests/value_stability.rs).
const fixed = { ...demo.options, paths: 5000, seed: "12345678901234567890",
  probabilities: { ...demo.options.probabilities,
    operatorFault: { ...demo.options.probabilities.operatorFault, perYear: 0.05 },
    beaconSlashing: { ...demo.options.probabilities.beaconSlashing, perYear: 0.05 } } };
const risk = simulateRisk(demo.scenario, fixed);
assert.equal(risk.position.loss.mean, 0.11542695776915231);
assert.equal(risk.lrts[2].loss.worstPath, 4292);
assert.deepEqual(simulateRisk(demo.scenario, fixed), risk);
// In slices (a Web Worker's loop), the same report.
const run = new RiskRun(demo.scenario, fixed);
while (run.done < run.paths) run.step(1000);
assert.deepEqual(run.finish(), risk);
run.free();
// No seed: one is drawn and reported.
assert.match(simulateRisk(demo.scenario, { paths: 10 }).seed, /^[0-9]+$/);
for (const [options, field] of [
  [{ paths: 0 }, "options.paths"],
  [{ paths: 10_000_001 }, "options.paths"],
  [{ paths: 10, probabilities: { avsBug: { perYear: Number.NaN, severity: { kind: "fixed", fraction: 0.1 } } } }, "options.probabilities.avsBug.perYear"],
  [{ paths: 10, probabilities: { beaconSlashing: { perYear: 1.5, severity: { kind: "fixed", fraction: 0.1 } } } }, "options.probabilities.beaconSlashing.perYear"],
  [{ paths: 10, seed: "not a number" }, "options.seed"],
]) {
  assert.throws(() => simulateRisk(demo.scenario, options), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.field, field);
    return true;
  });
}

// Security: the demo is certified. The oracle AVS holds 14,000 + 19,200 = 33,200 ETH at α = 1/3,
// so its cost of corruption is ⌈33,200/3⌉ ETH, rounded up to the wei.
const sec = securityDemo();
const secure = securityAnalysis(sec.scenario, sec.params);
assert.equal(secure.certificate.verdict, "certified");
assert.equal(secure.attack.verdict, "provedSecure");
assert.equal(secure.services.find((s) => s.id === "oracle").costOfCorruption.wei, "11066666666666666666667");
// π(bridge) = 40,000 ETH: its two allocations (12,800 + 24,750) corrupt it, gain 2,450 ETH.
const bridgeParams = structuredClone(sec.params);
bridgeParams.services[2].profitEth = 40000;
const attacked = securityAnalysis(sec.scenario, bridgeParams);
assert.deepEqual(attacked.attack.attack.validators, ["op-b/bridge", "op-c/bridge"]);
assert.equal(attacked.attack.attack.gain.eth, 2450);
// Theorem 2 of Durvasula & Roughgarden: a 1% shock destroys all the stake.
const t2 = restakingGraphAnalysis({
  validators: [{ id: "a", stakeEth: 0.01 }, { id: "b", stakeEth: 0.99 }],
  services: [{ id: "x", profitEth: 1, threshold: { numerator: 1, denominator: 1 } }],
  edges: [["a", "x"], ["b", "x"]],
}, { shockFraction: 0.01 });
assert.equal(t2.certificate.verdict, "noSlack");
assert.equal(t2.cascade.lostShare, 1);
assert.throws(() => securityAnalysis(sec.scenario, { ...sec.params, services: sec.params.services.slice(1) }), (e) => {
  assert.equal(e.field, "params.services");
  return true;
});
// Scenario documents (issue #8): the default document, a run, share links, parsing, replays.
const docDefault = defaultScenario();
assert.equal(docDefault.version, 4);
assert.equal(docDefault.network.operators.length, 4);
for (const section of ["yieldStack", "slashing", "risk", "security", "leverage", "bridge"]) {
  assert.ok(docDefault[section], `default document has ${section}`);
}
const docReport = runScenario(docDefault);
const docHeadline = (id) => docReport.headlines.find((h) => h.id === id);
// rsETH preset, socialised haircut 0.18/1.18: holders lose 116,500/1.18 = 98,728.81 ETH.
assert.ok(Math.abs(docHeadline("bridge.holderLossEth").value - 116500 / 1.18) < 1e-6);
assert.equal(docHeadline("bridge.holderLossEth").unit, "eth");
assert.ok(Math.abs(docReport.leverage.loop.healthFactor - 1.2) < 1e-12);
assert.equal(docReport.risk.seed, "1");
// Without options, simulateRisk runs the document's own risk section: the same report as runScenario's.
assert.deepEqual(simulateRisk(docDefault), docReport.risk);
// Every argument is read one way: a deep or cyclic object, NaN or a misspelt option is refused
// with its path, and the instance keeps working afterwards.
const deep = {};
for (let i = 0, at = deep; i < 5000; i += 1) at = at.a = {};
assert.throws(() => runScenario({ version: 4, network: deep }), (e) => e.kind === "parse" && e.field.startsWith("network.a.a"));
const cyclic = { protocols: [] };
cyclic.self = cyclic;
assert.throws(() => simulateRisk(cyclic), (e) => e.kind === "parse" && e.field.startsWith("self.self"));
assert.throws(() => simulateRisk(docDefault, { paths: 10, seed: Number.NaN }), (e) => e.kind === "notFinite" && e.field === "options.seed");
assert.throws(() => simulateRisk(docDefault, { paths: 10, sed: 42 }), (e) => e.kind === "parse" && e.field === "options.sed");
assert.throws(() => simulateRisk(docDefault, { paths: 10n }), (e) => e.kind === "parse" && e.field === "options.paths");
assert.deepEqual(simulateRisk(docDefault), docReport.risk);
// A bare network is accepted wherever a document is, with the same result.
assert.deepEqual(applySlashing(docDefault.network, docDefault.slashing.events), docReport.slashing);
assert.throws(() => applySlashing({ ...docDefault.network, colour: 1 }, []), (e) => {
  assert.equal(e.field, "colour");
  return true;
});
const docLink = scenarioToFragment(docDefault);
assert.ok(docLink.startsWith("s2."));
assert.deepEqual(scenarioFromFragment(docLink), docDefault);
assert.deepEqual(scenarioFromFragment(`#${docLink}`), docDefault);
assert.deepEqual(parseScenario(JSON.stringify(docDefault)), docDefault);
assert.equal(parseScenario('{"version": 1, "protocols": []}').version, 4); // migrated
assert.deepEqual(parseScenario('{"version": 2, "protocols": [], "operators": []}').network, { protocols: [], operators: [], avss: [], delegations: [], allocations: [], positions: [], restaking: [] });
const docThrows = (f, field, kind) => assert.throws(f, (e) => {
  assert.ok(e instanceof Error);
  assert.equal(e.field, field, e.message);
  if (kind) assert.equal(e.kind, kind);
  return true;
});
docThrows(() => parseScenario('{"version": 2, "protocols": [], "colour": "red"}'), "colour", "parse");
docThrows(() => parseScenario("{"), ".", "parse");
docThrows(() => parseScenario(" ".repeat(1048577)), ".", "outOfRange");
docThrows(() => runScenario({ ...docDefault, risk: { ...docDefault.risk, paths: 10000001 } }), "risk.paths", "outOfRange");
docThrows(() => runScenario({ ...docDefault, bridge: { ...docDefault.bridge, exchangeRateEth: -1 } }), "bridge.exchangeRateEth");
docThrows(() => scenarioFromFragment("not-a-link"), "fragment", "parse");
docThrows(() => scenarioFromFragment("s2.!!!"), "fragment", "parse");
// My position (#20): set once, written into every section; its answer is the Yield and Risk
// sections' own figures.
const held = setPosition({ ...docDefault, risk: { ...docDefault.risk, paths: 2000 } }, { protocol: "etherfi", amountEth: 10, horizonYears: 1 });
assert.deepEqual(held.position, { protocol: "etherfi", amountEth: 10, horizonYears: 1 });
assert.deepEqual(held.network.positions.map((p) => p.amountEth), [10, 0, 0]);
assert.equal(held.yieldStack.depositEth, 10);
const heldAnswer = positionAnswer(held);
assert.equal(heldAnswer.netApy, yieldStack(held.yieldStack).lrt.netApy);
assert.equal(heldAnswer.var99Eth, runScenario(held).risk.position.loss.var99);
assert.equal(heldAnswer.lstToken, "wstETH");
docThrows(() => setPosition(docDefault, { protocol: "etherfi", amountEth: 0, horizonYears: 1 }), "position.amountEth", "outOfRange");
assert.throws(() => setPosition(docDefault, { protocol: "etherfi", amountEth: 1, horizonYears: 1, size: 2 }), /unknown field `size`/);
const docReplays = replays();
assert.deepEqual(docReplays.map((r) => r.id), ["steth-2022-06", "ezeth-2024-04", "rseth-bridge-2026-04", "mass-operator-fault", "avs-bug"]);
for (const r of docReplays) {
  assert.match(r.date, /^\d{4}-\d{2}$/);
  assert.ok(r.note.length > 0 && r.basis.length > 0);
  assert.ok(runScenario(r.scenario).headlines.length > 0, r.id);
}
// The JSON Schema ships in the package and closes the document object.
const docSchema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("restake-core/scenario.schema.json"), "utf8"));
assert.equal(docSchema.title, "Scenario");
assert.equal(docSchema.additionalProperties, false);
assert.ok(docSchema.$defs.BridgeInput);
// Slashing through time: EigenLayer's dual-slashing edge case, scenario B (eigenlayer-contracts,
// docs/core/accounting/DualSlashingEdgeCase.md): 32 ETH restaked natively, the operator slashed 75%,
// the validator loses 16 ETH (checkpoint: beacon-chain slashing factor 0.5), then a 32 ETH
// validator is added. Deposit scaling factor 4.5; withdrawable 64 · 4.5 · 0.125 = 36 ETH.
const dual = { protocols: [], avss: [{ id: "avs", name: "AVS" }],
  operators: [{ id: "op", name: "Op", otherDelegatedEth: 32, otherNativeShare: 1 }],
  allocations: [{ operator: "op", avs: "avs", magnitude: 1 }] };
const timeline = applyTimeline(dual, [
  { block: 1, action: { kind: "slash", operator: "op", avs: "avs", fraction: 0.75 } },
  { block: 2, action: { kind: "beaconBalanceDrop", staker: "others@op", amountEth: 16 } },
  { block: 3, action: { kind: "checkpoint", staker: "others@op" } },
  { block: 4, action: { kind: "deposit", staker: "others@op", strategy: "beaconChainEth", amountEth: 32 } },
]);
assert.equal(timeline.steps.length, 5, "the start and one step per action");
const native = timeline.steps[4].stakers.find((s) => s.id === "others@op").strategies.find((s) => s.strategy === "beaconChainEth");
assert.equal(native.depositScalingFactor.wad, "4500000000000000000");
assert.equal(native.withdrawable.wei, "36000000000000000000");
const totals = timeline.steps[4].totals;
// Conserved to the wei: 64 deposited = 36 remaining + 24 escrowed (the slash) + 4 lost at the checkpoint.
assert.equal(BigInt(totals.deposited.wei), BigInt(totals.remaining.wei) + BigInt(totals.escrowed.wei) + BigInt(totals.lostToBeaconChain.wei));
assert.equal(totals.slashed.wei, "24000000000000000000");
// A withdrawal completed inside its slashable window is what the contracts revert.
assert.throws(() => applyTimeline(dual, [
  { block: 10, action: { kind: "queueWithdrawal", staker: "others@op", strategy: "beaconChainEth", depositSharesEth: 8 } },
  { block: 11, action: { kind: "completeWithdrawal", staker: "others@op", withdrawal: 0 } },
]), (e) => e.kind === "reverted" && e.field === "actions[1]" && /WithdrawalDelayNotElapsed/.test(e.message));
// A resolver that reduces the request (Symbiotic docs, Resolver: collateral split across
// resolvers): the resolvers of 40% veto a 75% slash of Alice's 32 ETH, so w − ⌈0.75·0.4⌉ = 0.45
// executes and 32·0.55 = 17.6 ETH remain.
const reduced = applyTimeline(dual, [{ block: 10, action: { kind: "slash", operator: "op", avs: "avs", fraction: 0.75,
  veto: { requestedAt: 0, vetoDurationBlocks: 10, vetoedShare: 0.4 } } }]);
assert.equal(reduced.steps[1].slash.slashedMagnitude.wad, "450000000000000000");
assert.equal(reduced.steps[1].stakers[0].claim.wei, "17600000000000000000");
// The preset timelines run as documents; each step names its rule and where it is written.
const presetTimelines = timelineReplays();
assert.deepEqual(presetTimelines.map((r) => r.id), ["eigenlayer-dual-slashing-a", "eigenlayer-dual-slashing-b",
  "eigenlayer-deposit-after-slash", "eigenlayer-pending-deallocation"]);
const stepsB = runScenario(presetTimelines[1].scenario).slashingTimeline.steps;
assert.equal(stepsB.at(-1).stakers.find((s) => s.id === "alice").claim.wei, "36000000000000000000");
assert.match(stepsB.at(-1).source, /SlashingLib\.sol/);
console.log("consumer.mjs: rate models and carry OK");

// Parameter workbench, worked by hand: curve (100, 1%) (500, 5%) (2000, 25%), σ 2%, bonus 5%.
const bench = parameterWorkbench({
  token: "weETH", market: "hand-worked", spotPrice: 1, volatility: 0.02, liquidationBonus: 0.05, slippageBudget: 0.05,
  debtSize: 1000, riskLevel: 3, bufferSigmas: 3, circulatingSupply: 100000, dailyVolume: 3000,
  liquidity: [{ lrtIn: 100, priceImpact: 0.01 }, { lrtIn: 500, priceImpact: 0.05 }, { lrtIn: 2000, priceImpact: 0.25 }],
});
assert.deepEqual(bench.rules.map((r) => r.rule), ["twiceLiquidityWithinBonus", "bonusAndVolatilityBuffer", "smartLtv", "gauntletConservative", "gauntletAggressive"]);
assert.equal(bench.rules[0].supplyCap, 1000); // 2 × 500 tokens within 5%
assert.ok(Math.abs(bench.rules[1].liquidationThreshold - 0.89) < 1e-12); // 1 − 5% − 3 × 2%
assert.ok(Math.abs(bench.rules[2].ltv - (Math.exp(-0.06 / Math.sqrt(0.5)) - 0.05)) < 1e-12);
assert.equal(bench.rules[2].ltv > 0.8686 && bench.rules[2].ltv < 0.8687, true);
assert.equal(bench.rules[3].supplyCap, 2000);
assert.equal(bench.rules[4].supplyCap, 1500); // min(10 × 200, 50% × 3,000, 50% × 100,000)
assert.match(bench.disclaimer, /not a recommendation/);
assert.throws(() => parameterWorkbench({ ...parameterTokenPresets()[0].input, market: "m", liquidationBonus: 0.01, slippageBudget: 1 }),
  (e) => e.field === "slippageBudget");
assert.equal(parameterTokenPresets().find((p) => p.id === "rseth-arbitrum").input.liquidity[0].lrtIn, 462);
// The workbench and the carry in a scenario document (optional sections, still version 4): weETH on
// Arbitrum against Aave's E-mode binds its cap at 500 tokens (Chaos Labs 2 × 250 and Gauntlet's
// conservative 500, a tie); a year of the default loop at its fixed rate.
const withBoth = defaultScenario();
delete withBoth.risk; // only the new sections matter here; no Monte Carlo run
const weethArb = parameterTokenPresets()[0];
withBoth.parameters = { tokenPreset: weethArb.id, marketPreset: "aave-v3-eth-emode",
  input: { ...weethArb.input, market: "Aave v3 ETH-correlated E-mode", liquidationBonus: 0.01, slippageBudget: 0.01,
    current: { ltv: 0.93, liquidationThreshold: 0.95 } } };
withBoth.leverage.carry = { utilization: { kind: "constant", utilization: 0.5 }, horizonDays: 365 };
const both = runScenario(parseScenario(JSON.stringify(withBoth)));
assert.deepEqual(both.parameters.bindings.map((b) => b.parameter), ["ltv", "liquidationThreshold", "supplyCap"]);
assert.equal(both.parameters.bindings[2].value, 500);
assert.deepEqual(both.parameters.bindings[2].rules, ["twiceLiquidityWithinBonus", "gauntletConservative"]);
assert.equal(both.parameters.bindings[0].currentAbove, true); // 93% > e^(−0.084) − 1% = 90.94%
assert.equal(both.leverage.carry.steps, 365);
assert.ok(both.headlines.some((h) => h.id === "leverage.carryNetApy"));
assert.deepEqual(scenarioFromFragment(scenarioToFragment(withBoth)).parameters, parseScenario(JSON.stringify(withBoth)).parameters);
assert.throws(() => parseScenario(JSON.stringify({ ...withBoth, parameters: { ...withBoth.parameters, marketPreset: "nowhere" } })),
  (e) => e.field === "parameters.marketPreset");
const curve = poolImpactCurve({ kind: { kind: "constantProduct" }, lrtReserve: 1000, ethReserve: 1000 }, 2, 1000);
assert.ok(Math.abs(curve[0].priceImpact - 5 / 9) < 1e-12); // 500 into x·y = 1e6: 1 → 4/9
assert.throws(() => poolImpactCurve({ kind: { kind: "constantProduct" }, lrtReserve: 1000, ethReserve: 1000 }, 2.5, 1000), (e) => e.field === "points");
// Incident arithmetic: Aave's two rsETH bad-debt totals within 5%, the weETH slash threshold.
const [rsEthDebt, weEthSlash] = incidentReplays();
assert.deepEqual(rsEthDebt.figures.map((f) => f.published), [123.7, 230.1]);
for (const f of rsEthDebt.figures) assert.ok(Math.abs(f.relativeError) < 0.05, f.name);
assert.ok(Math.abs(weEthSlash.figures[0].reproduced - 0.02 / 0.95) < 1e-12);
assert.ok(weEthSlash.unpublished.length > 0);
// The Monte Carlo's loop (options.carry): Core WETH's 2026 rate data at its 94% kink borrows at
// 2.45%, at 97% at 2.45% + 8%·3/6 = 6.45%. The default loop runs on the demo's 30 ETH of
// positions and leaves the unlevered figures exactly as they were.
const kinkRates = rateModelPresets()[0].model;
const kink = borrowRatePath({ rateModel: kinkRates, utilization: { kind: "constant", utilization: 0.94 }, horizonDays: 365 });
assert.equal(kink.length, 1);
assert.ok(Math.abs(kink[0].apr - 0.0245) < 1e-15);
const stepped = borrowRatePath({ rateModel: kinkRates, utilization: { kind: "step", before: 0.94, after: 0.97, atDay: 10 }, horizonDays: 30 });
assert.deepEqual(stepped.map((p) => p.fromDay), [0, 10]);
assert.ok(Math.abs(stepped[1].apr - 0.0645) < 1e-15);
assert.throws(() => borrowRatePath({ rateModel: kinkRates, utilization: { kind: "constant", utilization: 2 }, horizonDays: 30 }),
  (e) => e.field === "utilization.utilization");
const loopDefault = riskLoopDefault(1);
assert.deepEqual(loopDefault.carry.ratePaths.map((r) => r.probability), [0.9, 0.1]);
assert.ok(loopDefault.notes.some((n) => n.path === "liquidationThreshold" && n.basis.kind === "source"));
const loopOptions = { ...demo.options, paths: 5000, seed: 7, carry: loopDefault.carry };
const plain = simulateRisk(demo.scenario, { ...loopOptions, carry: undefined });
const looped = simulateRisk(demo.scenario, loopOptions);
assert.deepEqual(looped.position, plain.position);
assert.ok(plain.looped == null);
assert.equal(looped.looped.equityEth, 30);
assert.equal(looped.looped.ratePaths[0].paths + looped.looped.ratePaths[1].paths, 5000);
// Calm at 5×: 5·1.03 − 4·(1 + x + x²/2 + x³/6) compounded daily at x = 2.45%/365 ≈ +5.08% a year.
const calmYield = 5 * 1.03 - 4 * (1 + 0.0245 / 365 + (0.0245 / 365) ** 2 / 2 + (0.0245 / 365) ** 3 / 6) ** 365 - 1;
assert.ok(Math.abs(looped.looped.ratePaths[0].netYield - calmYield) < 1e-12, looped.looped.ratePaths[0].netYield);
// The spike (a week at 99.85%: 2.45% + 8%·5.85/6 = 10.25%) costs the loop, and no loss passes the 30 ETH.
assert.ok(looped.looped.ratePaths[1].netYield < looped.looped.ratePaths[0].netYield);
assert.ok(looped.looped.ratePaths[1].maxBorrowApr > 0.1024 && looped.looped.loss.worst <= 30);
assert.throws(() => simulateRisk(demo.scenario, { ...loopOptions, carry: { ...loopDefault.carry, leverage: 0 } }),
  (e) => e.field === "options.carry.leverage");
assert.throws(() => simulateRisk(demo.scenario, { ...loopOptions, carry: { ...loopDefault.carry, levrage: 5 } }),
  (e) => e.field.startsWith("options.carry"));
console.log("consumer.mjs: presets, comparisonMatrix, bridgeExposure, applySlashing, applyTimeline, yieldStack, leverageLoop, liquidationCascade, simulateRisk, RiskRun, the risk loop, borrowRatePath, securityAnalysis, parseScenario, runScenario, scenario fragments, setPosition, positionAnswer, replays, timelineReplays, parameterWorkbench, incidentReplays OK");
