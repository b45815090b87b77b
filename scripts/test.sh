#!/usr/bin/env bash
# Runs every check of the project, in order, keeps going after a failure, and ends with a summary.
# Exit status: 0 only when every step passed. Called by `make test` after scripts/tools.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

names=(); results=(); times=()
step() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n$ %s\n' "$name" "$*"
  local t0=$SECONDS
  if "$@"; then results+=("ok"); else results+=("FAILED"); fi
  names+=("$name"); times+=($((SECONDS - t0)))
}

wasm=(--target wasm32-unknown-unknown)
step "cargo fmt --check"          cargo fmt --all -- --check
step "clippy (native)"            cargo clippy --workspace --all-targets --all-features -- -D warnings
step "clippy (wasm32)"            cargo clippy --workspace --all-targets --all-features "${wasm[@]}" -- -D warnings
step "native unit + integration"  cargo test --workspace --all-features --no-fail-fast
# Only the core's `js_*` integration tests and `value_stability` hold browser tests: the library's
# own harness and the native-only suites (`#![cfg(not(target_arch = "wasm32"))]`) have none on
# wasm32, and each would still be compiled, linked, bound and loaded for nothing.
step "wasm tests, headless Chromium (core)" cargo test -p restake-core --features js "${wasm[@]}" --test 'js_*' --test value_stability
step "wasm tests, headless Chromium (web)"  cargo test -p restake-web "${wasm[@]}" --test '*'
step "npm package build"          bash scripts/build-pkg.sh
step "npm package: Node import + tsc" node tests/npm/run.mjs
step "reference implementations (differential)" node tests/reference/run.mjs
# About 15 s: a Hardhat node on 127.0.0.1 with the real Aave v3 Pool and Morpho Blue, read back through Multicall3.
step "local chain fixture (Hardhat)"   node tests/chain/check.mjs
step "npm package: hostile inputs"    node tests/hostile/run.mjs
step "release build (trunk)"      trunk build --release
step "end-to-end (playwright-core + axe)" node tests/e2e/run.mjs

printf '\n\033[1m==> Summary\033[0m\n'
failed=0
for i in "${!names[@]}"; do
  printf '  %-42s %-7s %5ss\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
  [ "${results[$i]}" = ok ] || failed=1
done
if [ $failed -eq 0 ]; then echo "All checks passed."; else echo "Some checks FAILED."; fi
exit $failed
