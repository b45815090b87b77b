// A forced, real trap through each entry the package ships (pkg/node, pkg/web, pkg/bundler), each
// in its own worker thread: the worker notes the WebAssembly instance the glue creates, loads the
// entry, takes every export's baseline answer (exports.mjs), then overwrites the instance's whole
// linear memory with 0xFF — the allocator's state, the stack and the static data — as a wild
// write would. The next call must trap inside the engine (a `WebAssembly.RuntimeError`), and the
// entry's guard (scripts/guard-pkg.mjs) must turn it into an Error { kind: "internal" } after
// restarting the instance; then every export must answer exactly as before, and a `RiskRun`
// made before the restart must be refused as stale, not read from the new memory.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const LIMIT_MS = 20_000;

/** Runs the forced trap through every entry next to `nodeEntry` (pkg/node/restake_core.js). */
export async function forcedTraps(nodeEntry) {
  const pkg = resolve(dirname(nodeEntry), "..");
  const one = (entry) =>
    new Promise((done) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { pkg, entry } });
      const timer = setTimeout(() => {
        w.terminate();
        done({ entry, reason: `no answer within ${LIMIT_MS} ms` });
      }, LIMIT_MS);
      w.once("message", (msg) => {
        clearTimeout(timer);
        w.terminate().then(() => done({ entry, ...msg }));
      });
      w.once("error", (e) => {
        clearTimeout(timer);
        done({ entry, reason: `the worker died: ${e?.message ?? e}` });
      });
    });
  return Promise.all(["node", "web", "bundler"].map(one));
}

/**
 * Every instance of the engine the glue makes, however it makes it (the last one is the live
 * one); others (Node's fetch instantiates its own HTTP parser) are not the engine's.
 */
function noteInstances() {
  const seen = [];
  const note = (i) => {
    if (typeof i.exports.__wbg_riskrun_free === "function") seen.push(i);
  };
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args, newTarget) {
      const i = Reflect.construct(target, args, newTarget);
      note(i);
      return i;
    },
  });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const f = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const r = await f(...args);
      note(r instanceof Instance ? r : r.instance);
      return r;
    };
  }
  return seen;
}

/** Loads one entry as a consumer would: require (node), initSync (web), a plain import (bundler). */
async function load(pkg, entry) {
  const bytes = readFileSync(resolve(pkg, "web/engine_bg.wasm"));
  if (entry === "node") {
    const { createRequire } = await import("node:module");
    return createRequire(import.meta.url)(resolve(pkg, "node/restake_core.js"));
  }
  if (entry === "web") {
    const m = await import(pathToFileURL(resolve(pkg, "web/restake_core.js")).href);
    m.initSync({ module: bytes });
    return m;
  }
  // A bundler serves the glue's new URL("engine_bg.wasm", import.meta.url); Node's fetch cannot
  // read file: URLs, so this one answers them from disk.
  globalThis.fetch = async (url) =>
    new Response(readFileSync(fileURLToPath(String(url))), { headers: { "Content-Type": "application/wasm" } });
  return import(pathToFileURL(resolve(pkg, "bundler/restake_core.js")).href);
}

async function trapOnce({ pkg, entry }) {
  const instances = noteInstances();
  const m = await load(pkg, entry);
  const { exportSpecs } = await import("./exports.mjs");
  const { health } = exportSpecs(m);
  const d = m.defaultScenario();
  const staleRun = new m.RiskRun(d, { paths: 10, seed: 1 });
  const before = instances.length;
  new Uint8Array(instances.at(-1).exports.memory.buffer).fill(0xff);
  let trap;
  try {
    m.runScenario(d);
    return { reason: "runScenario answered on a wiped memory (no trap to recover from)" };
  } catch (e) {
    if (e.kind !== "internal" || !(e.cause instanceof WebAssembly.RuntimeError))
      return { reason: `the trap reached the caller unguarded: ${e?.constructor?.name}: ${e?.message}` };
    trap = e.cause.message;
  }
  if (instances.length !== before + 1) return { reason: "the guard did not make a new instance" };
  const sick = health(true);
  if (sick) return { reason: `after the restart, ${sick}` };
  try {
    staleRun.step(1);
    return { reason: "a RiskRun of the old instance ran on the new one" };
  } catch (e) {
    if (!/stale/i.test(e?.message)) return { reason: `a stale RiskRun threw ${e?.message}` };
  }
  return { trap };
}

if (!isMainThread && workerData?.entry) parentPort.postMessage(await trapOnce(workerData));
