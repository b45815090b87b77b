#!/usr/bin/env bash
# Builds the npm package in pkg/ from restake-core (feature `js`) with the wasm-bindgen CLI, run with
# --experimental-reset-state-function so the glue can replace a trapped instance:
#   pkg/node/     --target nodejs   picked by Node through the "node" export condition (CommonJS)
#   pkg/web/      --target web      `restake-core/web` for browsers without a bundler (await init())
#   pkg/bundler/  the default condition for webpack 5, Vite, Rollup: the web build initialised by a
#                 top-level await (wasm-bindgen's bundler target cannot reset its instance)
# The glue is written as engine.js; scripts/guard-pkg.mjs then writes each restake_core.js entry,
# which guards every export: a trap restarts the instance from the same module (see that script).
# Each .wasm is then optimised with wasm-opt 132 from npm's binaryen (never Debian's 108).
# Every build also gets the scenario's JSON Schema (core/scenario.schema.json, checked in and kept
# current by core/tests/scenario_schema.rs), exported as `restake-core/scenario.schema.json`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build -p restake-core --features js --target wasm32-unknown-unknown --release
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/restake_core.wasm
rm -rf pkg/bundler pkg/node pkg/web
for t in node web; do
  target=$t; [ "$t" = node ] && target=nodejs
  wasm-bindgen --target "$target" --experimental-reset-state-function --out-dir "pkg/$t" --out-name engine "$wasm"
  cp core/scenario.schema.json "pkg/$t/scenario.schema.json"
done
# wasm-bindgen 0.2.130 emits the same module for both targets (only the JS glue differs), and
# wasm-opt takes about a minute a module on 2 cores: optimise once and copy while they are
# identical, and each on its own if a future wasm-bindgen makes them differ.
optimise() { wasm-opt -Oz "$1" -o "$1"; }
if cmp -s pkg/node/engine_bg.wasm pkg/web/engine_bg.wasm; then
  optimise pkg/web/engine_bg.wasm
  cp pkg/web/engine_bg.wasm pkg/node/engine_bg.wasm
else
  for t in node web; do optimise "pkg/$t/engine_bg.wasm"; done
fi
# The root package.json says "type": "module"; the nodejs build is CommonJS.
echo '{ "type": "commonjs" }' > pkg/node/package.json
node scripts/guard-pkg.mjs pkg
mkdir -p pkg/bundler && cp core/scenario.schema.json pkg/bundler/scenario.schema.json
ls -l pkg/*/engine_bg.wasm
