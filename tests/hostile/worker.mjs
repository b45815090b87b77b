// Runs hostile cases [from, to) of a seed against the npm package (pkg/node) in a worker thread,
// posting one message per case: { i, name, ok, reason, ms }. After every case, the health check
// calls every export with a small valid input and compares the answer with the one it gave
// before the first case (a trap, a leak of state between calls or a poisoned instance shows here).
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { leaf, mutate, mutateFragment, mutateText, rng } from "./cases.mjs";

const require = createRequire(import.meta.url);
const m = require(workerData.pkg);

const d = m.defaultScenario();
const sd = m.slashingDemo();
const sec = m.securityDemo();
const small = { version: 3, network: sd.network, risk: { ...d.risk, paths: 50, seed: 1 } };
const graph = {
  validators: [{ id: "v1", stakeEth: 100 }, { id: "v2", stakeEth: 50 }],
  services: [{ id: "s1", profitEth: 60, threshold: { numerator: 1, denominator: 2 } }],
  edges: [["v1", "s1"], ["v2", "s1"]],
};
const queue = { queuedEth: 1000, totalStakedEth: 36e6 };
/** The slashing demo's network cut to one LRT, one operator and one AVS: the health check's input. */
function tinyNetwork(n) {
  const keep = (xs, f) => xs.filter(f);
  return {
    ...n,
    protocols: keep(n.protocols, (p) => p.id === "etherfi"),
    operators: keep(n.operators, (o) => o.id === "op-a"),
    avss: keep(n.avss, (a) => a.id === "da"),
    delegations: keep(n.delegations, (x) => x.protocol === "etherfi" && x.operator === "op-a"),
    allocations: keep(n.allocations, (x) => x.operator === "op-a" && x.avs === "da"),
    positions: keep(n.positions, (x) => x.protocol === "etherfi"),
    restaking: keep(n.restaking ?? [], (x) => x.protocol === "etherfi"),
  };
}
const tiny = { version: 3, network: tinyNetwork(sd.network) };
const tinyEvents = [{ kind: "avsWide", avs: "da", fraction: 0.2 }];
const tinySecurity = { ...sec.params, services: sec.params.services.filter((x) => x.avs === "da") };
const fragment = m.scenarioToFragment(small);
const tinyFragment = m.scenarioToFragment(tiny);
const yieldInput = m.yieldPresets()[0].input;
const bridgeInput = m.bridgePresetRsEth2026().input;
const cascadeInput = m.cascadePresetEzEth2024().input;

/** Each export: its valid arguments, how each is mutated (`json`, `text`, `fragment`) and the call. */
const SPECS = {
  comparisonMatrix: { args: () => [queue, small], call: (a) => m.comparisonMatrix(...a) },
  parseScenario: { args: () => [JSON.stringify(small)], health: () => [JSON.stringify(tiny)], kinds: ["text"], doc: small, call: (a) => m.parseScenario(...a) },
  scenarioFromFragment: { args: () => [fragment], health: () => [tinyFragment], kinds: ["fragment"], call: (a) => m.scenarioFromFragment(...a) },
  runScenario: { args: () => [small], health: () => [tiny], call: (a) => m.runScenario(...a) },
  scenarioToFragment: { args: () => [small], health: () => [tiny], call: (a) => m.scenarioToFragment(...a) },
  simulateRisk: { args: () => [small, { paths: 50, seed: 1 }], health: () => [tiny, { paths: 20, seed: 1 }], call: (a) => m.simulateRisk(...a) },
  RiskRun: {
    args: () => [small, { paths: 20, seed: 1 }, 20],
    health: () => [tiny, { paths: 10, seed: 1 }, 10],
    call: (a) => {
      const run = new m.RiskRun(a[0], a[1]);
      try {
        run.step(a[2]);
        return run.finish();
      } finally {
        run.free();
      }
    },
  },
  securityAnalysis: { args: () => [sec.network, sec.params], health: () => [tiny.network, tinySecurity], call: (a) => m.securityAnalysis(...a) },
  restakingGraphAnalysis: { args: () => [graph, { shockFraction: 0.5, search: "auto" }], call: (a) => m.restakingGraphAnalysis(...a) },
  applySlashing: { args: () => [sd.network, sd.events, sd.options], health: () => [tiny.network, tinyEvents, sd.options], call: (a) => m.applySlashing(...a) },
  yieldStack: { args: () => [yieldInput], call: (a) => m.yieldStack(...a) },
  bridgeExposure: { args: () => [bridgeInput], call: (a) => m.bridgeExposure(...a) },
  leverageLoop: { args: () => [d.leverage.loop], call: (a) => m.leverageLoop(...a) },
  liquidationCascade: { args: () => [cascadeInput], call: (a) => m.liquidationCascade(...a) },
};
const NO_ARGS = ["presets", "replays", "timelineReplays", "defaultScenario", "riskDemo", "securityDemo", "slashingDemo", "yieldPresets",
  "bridgePresetRsEth2026", "lendingMarkets", "cascadePresetEzEth2024"];
for (const name of NO_ARGS) SPECS[name] = { args: () => [], call: (a) => m[name](...a), junk: true };
// An export this suite does not know yet still gets hostile arguments (no trap, a field path).
const UNKNOWN = Object.keys(m).filter((k) => typeof m[k] === "function" && !k.startsWith("__") && !(k in SPECS));
for (const name of UNKNOWN) SPECS[name] = { args: () => [], call: (a) => m[name](...a), unknown: true };
if (workerData.listOnly) parentPort.postMessage({ exports: Object.keys(SPECS), unknown: UNKNOWN });

/**
 * The health check after case i: every export that takes an argument, with a small valid input
 * (comparisonMatrix through its refusal of a bad queue), and the no-argument builders in turn,
 * one per case; every `FULL`th case (and after a comparisonMatrix case) all of them, with the
 * full comparisonMatrix. Each answer must equal the one given before the first case.
 */
const FULL = 10;
const healthCalls = Object.entries(SPECS).filter(([, s]) => !s.unknown).map(([name]) => name);
const quickMatrix = () => {
  try {
    m.comparisonMatrix({ queuedEth: -1, totalStakedEth: 1 });
  } catch (e) {
    if (e.field === "exitQueue.queuedEth") return "refused";
  }
  return "comparisonMatrix did not refuse a negative queue";
};
const answer = (name, full) => {
  if (name === "comparisonMatrix" && !full) return quickMatrix();
  const spec = SPECS[name];
  return JSON.stringify(spec.call((spec.health ?? spec.args)()));
};
const baseline = new Map(healthCalls.map((name) => [name, answer(name, true)]));
baseline.set("quickMatrix", quickMatrix());
function health(i, full) {
  const builder = NO_ARGS[i % NO_ARGS.length];
  for (const name of healthCalls) {
    if (SPECS[name].junk && !full && name !== builder) continue;
    const want = name === "comparisonMatrix" && !full ? baseline.get("quickMatrix") : baseline.get(name);
    let got;
    try {
      got = answer(name, full);
    } catch (e) {
      return `health: ${name} threw ${e?.constructor?.name}: ${String(e?.message).slice(0, 120)}`;
    }
    if (got !== want) return `health: ${name} answered differently after the case`;
  }
  return null;
}

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

const names = Object.keys(SPECS);
/** Case i: the export (each export gets its share; no-argument ones a smaller one) and its arguments. */
export function build(seed, i) {
  const r = rng(seed * 1_000_003 + i);
  const withArgs = names.filter((n) => !SPECS[n].junk);
  const name = r() < 0.12 ? names[Math.floor(r() * names.length)] : withArgs[i % withArgs.length];
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
    reason ??= health(i, c.name === "comparisonMatrix" || i % FULL === 0);
    const t2 = performance.now();
    parentPort.postMessage({ i, name: c.name, ok: reason === null, reason, ms: t2 - t0, healthMs: t2 - t1 });
  }
}
