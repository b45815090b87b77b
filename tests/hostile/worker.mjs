// Runs hostile cases [from, to) of a seed against the npm package (pkg/node) in a worker thread,
// posting one message per case: { i, name, ok, reason, ms }. After every case, the health check
// (exports.mjs) calls every export with a small valid input and compares the answer with the one
// it gave before the first case (a trap, a leak of state between calls or a poisoned instance
// shows here); every FULL-th case, and after a comparisonMatrix case, with the full matrix too.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { leaf, mutate, mutateFragment, mutateText, rng } from "./cases.mjs";
import { exportSpecs } from "./exports.mjs";

const m = createRequire(import.meta.url)(workerData.pkg);
const { SPECS, UNKNOWN, health } = exportSpecs(m);
if (workerData.listOnly) parentPort.postMessage({ exports: Object.keys(SPECS), unknown: UNKNOWN });

/** A non-finite number anywhere in a report (at most 200,000 values are looked at). */
function nonFinite(v) {
  const stack = [v];
  for (let seen = 0; stack.length && seen < 200_000; seen++) {
    const x = stack.pop();
    if (typeof x === "number" && !Number.isFinite(x)) return true;
    if (x && typeof x === "object") for (const k in x) stack.push(x[k]);
  }
  return false;
}

/** Every FULL-th case's health check compares comparisonMatrix's full answer too. */
const FULL = 10;
const names = Object.keys(SPECS);
/** Case i: the export (each export gets its share; no-argument ones a smaller one; cases 0.. one of each) and its arguments. */
export function build(seed, i) {
  const r = rng(seed * 1_000_003 + i);
  const withArgs = names.filter((n) => !SPECS[n].junk);
  // The first cases reach every export once (a no-argument one would otherwise rest on the 12% draw).
  const pickAny = r() < 0.12;
  const name = i < names.length ? names[i] : pickAny ? names[Math.floor(r() * names.length)] : withArgs[i % withArgs.length];
  const spec = SPECS[name];
  const args = spec.args();
  let depth = 0;
  if (spec.junk || spec.unknown || args.length === 0) {
    const n = Math.floor(r() * 3);
    for (let k = 0; k < n; k++) args.push(leaf(r));
    return { name, args, depth, lenient: true };
  }
  const k = Math.floor(r() * args.length);
  const kind = spec.kinds?.[k] ?? "json";
  if (kind === "text") args[k] = r() < 0.1 ? leaf(r) : mutateText(r, spec.doc);
  else if (kind === "fragment") args[k] = r() < 0.1 ? leaf(r) : mutateFragment(r, args[k]);
  else if (r() < 0.15 || typeof args[k] !== "object") args[k] = leaf(r);
  else [args[k], depth] = mutate(r, args[k]);
  return { name, args, depth, arg: k, kind };
}

/** The verdict on one call: null when it behaved, else why not. */
function judge(c, run) {
  let out;
  try {
    out = run();
  } catch (e) {
    if (!(e instanceof Error)) return `threw a non-Error: ${String(e).slice(0, 80)}`;
    if (e instanceof WebAssembly.RuntimeError) return `trap: ${e.message}`;
    if (e instanceof RangeError) return `RangeError (stack overflow?): ${e.message}`;
    if (typeof e.field !== "string" || e.field === "") return `error without a field path: ${e.constructor.name}: ${e.message.slice(0, 120)}`;
    if (typeof e.kind !== "string") return `error without a kind: ${e.message.slice(0, 120)}`;
    if (c.kind === "json" && c.depth > 1 && e.field === ".")
      return `a nested mutation (depth ${c.depth}) was refused at "." : ${e.message.slice(0, 120)}`;
    return null;
  }
  if (c.unknown) return null;
  if (nonFinite(out)) return "a report holds NaN or ±∞";
  return null;
}

const { seed, from, to, listOnly } = workerData;
if (!listOnly) {
  for (let i = from; i < to; i++) {
    parentPort.postMessage({ start: i });
    const t0 = performance.now();
    const c = build(seed, i);
    let reason = judge(c, () => SPECS[c.name].call(c.args));
    const t1 = performance.now();
    reason ??= health(c.name === "comparisonMatrix" || i % FULL === 0);
    const t2 = performance.now();
    parentPort.postMessage({ i, name: c.name, ok: reason === null, reason, ms: t2 - t0, healthMs: t2 - t1 });
  }
}
