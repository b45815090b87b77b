// Differential suite: the same seeded, generated inputs through restake-core's npm package
// (pkg/node, built by scripts/build-pkg.sh) and through implementations the protocols or their
// ecosystems publish. Each check states its tolerance; any difference beyond it fails the run.
//
//   node tests/reference/run.mjs            (REFERENCE_SEED=<n> for another draw, default 1;
//                                             REFERENCE_CASES=<n> cases per generated check)
//
// Installed by scripts/tools.sh: `npm ci` here (its own lockfile, so Lodestar's ssz override
// stays out of the root) and the curvesim venv in tests/reference/.venv (PyPI only).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { checkAave } from "./checks/aave.mjs";
import { checkBalancer } from "./checks/balancer.mjs";
import { checkAavePool } from "./checks/aave_pool.mjs";
import { checkConsensus } from "./checks/consensus.mjs";
import { checkMorpho } from "./checks/morpho.mjs";
import { checkRates } from "./checks/rates.mjs";
import { checkUniswapV2 } from "./checks/uniswap_v2.mjs";
import { Tally, rng } from "./checks/tally.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const core = createRequire(import.meta.url)(join(root, "pkg/node/restake_core.js"));
const seed = Number(process.env.REFERENCE_SEED ?? 1);
const cases = Number(process.env.REFERENCE_CASES ?? 300);
const tally = new Tally();
const started = Date.now();

// A check that throws (an engine error on a generated input, a reference that fails to load)
// counts as one failure and the others still run.
const timed = async (name, f) => {
  const t = Date.now();
  try {
    await f();
  } catch (e) {
    tally.fail(name, `threw: ${e?.stack ?? e}`);
  }
  console.log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

await timed("Uniswap v2 getAmountOut (published cases)", () => checkUniswapV2(core, tally));
await timed("Morpho Blue (@morpho-org/blue-sdk)", () => checkMorpho(core, tally, rng(seed, 1), cases));
await timed("Aave v3 (@aave/math-utils)", () => checkAave(core, tally, rng(seed, 2), cases));
await timed("Aave v3.0 Pool on a local chain (@aave/core-v3: liquidationCall, rate strategy)", async () => {
  const { calls, states, seconds: [start, liquidations, strategies] } = await checkAavePool(core, tally, rng(seed, 6), cases);
  console.log(`  (chain start ${start} s; ${calls} liquidation calls ${liquidations} s; ${states} strategy states ${strategies} s)`);
});
await timed("Rate models: AdaptiveCurveIRM (blue-sdk), compounded interest (math-utils)", () =>
  checkRates(core, tally, rng(seed, 5), cases),
);
await timed("Balancer stable pools (@balancer-labs/balancer-maths)", () => checkBalancer(core, tally, rng(seed, 7), cases));
await timed("Consensus (@lodestar/state-transition)", () => checkConsensus(core, tally, rng(seed, 3), cases));
await timed("Curve (curvesim)", async () => {
  const python = join(here, ".venv/bin/python");
  if (!existsSync(python)) {
    tally.fail("curve", "curvesim venv missing: run scripts/tools.sh (it creates tests/reference/.venv)");
    return;
  }
  const { checkCurve } = await import("./checks/curve.mjs");
  checkCurve(core, tally, rng(seed, 4), cases, (input) =>
    spawnSync(python, [join(here, "checks/curve_oracle.py")], { input, encoding: "utf8", maxBuffer: 1 << 26 }),
  );
});

tally.report();
console.log(`reference suite: seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
