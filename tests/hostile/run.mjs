// The hostile-input suite of the npm package: CASES generated cases (seeded: HOSTILE_SEED, default
// 22) across every export of pkg/node, run in a worker thread that is killed and replaced when
// a case (with its health check) takes over LIMIT_MS; the cases are split between WORKERS such
// threads (the machine's cores, at most 2: CI has 2). First trap.mjs forces a real trap through
// every entry of the package (node, web, bundler) and checks the next call of every export. A case passes when the call returns a
// report without NaN/±∞ or throws an Error with `kind` and a non-empty `field` (a nested bad
// value never reported at "."), no trap, no stack overflow, and the health check after it finds
// every export answering as before. Prints `N passed, N failed`; exit status 1 on any failure.
// Usage: node tests/hostile/run.mjs [cases]   (HOSTILE_PKG=path/to/restake_core.js to test a build)
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { forcedTraps } from "./trap.mjs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.env.HOSTILE_PKG ?? resolve(here, "../../pkg/node/restake_core.js");
const CASES = Number(process.argv[2] ?? 2000);
const SEED = Number(process.env.HOSTILE_SEED ?? 22);
const LIMIT_MS = 5000;
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));
const worker = (data) => new Worker(resolve(here, "worker.mjs"), { workerData: { pkg, seed: SEED, ...data } });

const t0 = Date.now();
const listing = await new Promise((ok, fail) => {
  const w = worker({ listOnly: true, from: 0, to: 0 });
  w.once("message", (msg) => ok(msg));
  w.once("error", fail);
}).catch((e) => ({ error: e }));
if (listing.error) {
  console.error("hostile: the package failed to load:", listing.error);
  process.exit(1);
}
if (listing.unknown.length) console.log(`hostile: exports without a valid base (hostile arguments only): ${listing.unknown.join(", ")}`);

let passed = 0;
const failures = [];
const tTrap = Date.now();
for (const r of await forcedTraps(pkg)) {
  if (r.reason) failures.push({ i: "trap", name: r.entry, reason: r.reason });
  else passed++;
  console.log(`hostile: forced trap through the ${r.entry} entry: ${r.reason ?? `restarted (${r.trap}), every export answered as before`}`);
}
console.log(`hostile: forced traps in ${((Date.now() - tTrap) / 1000).toFixed(1)} s`);
const perExport = new Map();
let slowest = { ms: 0 };
let healthMs = 0;

function runFrom(from, to) {
  return new Promise((done) => {
    const w = worker({ from, to });
    let current = from;
    let timer;
    let finished = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(`over ${LIMIT_MS} ms (hang)`), LIMIT_MS);
    };
    const stop = (reason) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      failures.push({ i: current, name: "?", reason });
      w.terminate().then(() => done(current + 1));
    };
    w.on("message", (msg) => {
      if ("start" in msg) {
        current = msg.start;
        arm();
        return;
      }
      const n = perExport.get(msg.name) ?? 0;
      perExport.set(msg.name, n + 1);
      if (msg.ms > slowest.ms) slowest = msg;
      healthMs += msg.healthMs;
      if (msg.ok) passed++;
      else failures.push(msg);
    });
    w.on("error", (e) => stop(`the worker died: ${e?.message ?? e}`));
    w.on("exit", () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      done(to);
    });
  });
}

/** Cases [from, to) in worker threads, a new one after a hang. */
async function runRange(from, to) {
  for (let next = from; next < to; ) next = await runFrom(next, to);
}
const chunk = Math.ceil(CASES / WORKERS);
await Promise.all(Array.from({ length: WORKERS }, (_, k) => runRange(k * chunk, Math.min(CASES, (k + 1) * chunk))));

for (const f of failures.slice(0, 40)) console.log(`FAIL case ${f.i} ${f.name}: ${f.reason}`);
if (failures.length > 40) console.log(`… and ${failures.length - 40} more failures`);
const missing = listing.exports.filter((n) => !perExport.has(n));
if (missing.length) {
  console.log(`FAIL exports no case reached: ${missing.join(", ")}`);
  failures.push(...missing.map((name) => ({ name })));
}
console.log(
  `hostile: seed ${SEED}, ${CASES} cases over ${perExport.size} exports, ${WORKERS} threads, in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
    `(health checks ${(healthMs / 1000).toFixed(1)} s; slowest: case ${slowest.i} ${slowest.name}, ${Math.round(slowest.ms)} ms)`,
);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
