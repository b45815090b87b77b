// Runs in a fresh project that installed the packed restake-core tarball.
import assert from "node:assert/strict";
import {
  presets, comparisonMatrix, bridgeExposure, bridgePresetRsEth2026, applySlashing, slashingDemo,
  simulateRisk, riskDemo, RiskRun,
} from "restake-core";

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
// The fixed-seed run pinned natively and in Chromium (core/tests/risk_props.rs, web_risk.rs).
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
console.log("consumer.mjs: presets, comparisonMatrix, bridgeExposure, applySlashing, simulateRisk OK");
