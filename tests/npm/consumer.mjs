// Runs in a fresh project that installed the packed restake-core tarball.
import assert from "node:assert/strict";
import {
  presets, comparisonMatrix, bridgeExposure, bridgePresetRsEth2026, applySlashing, slashingDemo,
  securityAnalysis, restakingGraphAnalysis, securityDemo,
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

// Security: the demo is certified. The oracle AVS holds 14,000 + 19,200 = 33,200 ETH at α = 1/3,
// so its cost of corruption is ⌈33,200/3⌉ ETH, rounded up to the wei.
const sec = securityDemo();
const secure = securityAnalysis(sec.scenario, sec.params);
assert.equal(secure.certificate.verdict, "certified");
assert.equal(secure.attack.verdict, "provedSecure");
assert.equal(secure.services.find((s) => s.id === "oracle").costOfCorruption.wei, "11066666666666666666667");
// π(bridge) = 40,000 ETH: its two allocations (12,800 + 24,750) corrupt it, gain 2,450 ETH.
const params = structuredClone(sec.params);
params.services[2].profitEth = 40000;
const attacked = securityAnalysis(sec.scenario, params);
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
console.log("consumer.mjs: presets, comparisonMatrix, bridgeExposure, applySlashing, securityAnalysis OK");
