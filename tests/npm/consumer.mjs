// Runs in a fresh project that installed the packed restake-core tarball.
import assert from "node:assert/strict";
import { presets, comparisonMatrix } from "restake-core";

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
console.log("consumer.mjs: presets() and comparisonMatrix() OK");
