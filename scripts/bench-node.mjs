// The npm package's Monte Carlo speed in Node: bench-standard (core/data/bench-standard.json,
// 3 LRTs × 20 operators × 12 AVSs, 100,000 paths, seed 1) through `simulateRisk` of pkg/node,
// statistics included, best of ten runs after a warm-up, with the load average it ran under.
// Run by `make bench` after `make pkg`; prints one line, asserts nothing about time.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";

const require = createRequire(import.meta.url);
const { presets, simulateRisk } = require("../pkg/node/restake_core.js");
const bench = JSON.parse(readFileSync(new URL("../core/data/bench-standard.json", import.meta.url)));
bench.scenario.protocols = presets();
simulateRisk(bench.scenario, bench.options);
let best = Infinity;
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  simulateRisk(bench.scenario, bench.options);
  best = Math.min(best, performance.now() - t0);
}
const paths = bench.options.paths;
const rate = (paths / (best / 1000) / 1e6).toFixed(1);
console.log(`bench-standard (npm in Node ${process.version}, simulateRisk): ${paths} paths, best of 10 ${best.toFixed(1)} ms = ${rate} M paths/s (load average ${loadavg()[0].toFixed(2)})`);
