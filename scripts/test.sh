#!/usr/bin/env bash
# Runs every check of the project, keeps going after a failure, and ends with a summary.
# Exit status: 0 only when every step passed. Called by `make test` after scripts/tools.sh.
#
# Two lanes run at once, then the checks that run what they built:
#   debug lane    fmt, clippy native + wasm32, native tests, the core's and the web's browser tests
#   release lane  Trunk (installed if missing), the npm package, the app's release build; in its
#                 own target directory (target/release-lane), so neither lane waits for the other's
#                 cargo lock
#   then          the npm consumer, the live read, the differential and hostile suites, the e2e
# The release builds end in long single-threaded work (fat LTO with one codegen unit, wasm-opt)
# that leaves one of the two cores idle; beside the debug lane that core compiles instead. The
# checks after the lanes run alone: the hostile suite and the e2e hold per-case time limits.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# A full run builds each crate once per profile: incremental compilation's bookkeeping only costs
# time and disk then (set CARGO_INCREMENTAL=1 to keep it for repeated local runs).
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

results_dir=$(mktemp -d)
trap 'rm -rf "$results_dir"' EXIT

# step LANE NAME COMMAND...: runs the command, records "name<TAB>ok|FAILED<TAB>seconds" in LANE's file.
step() {
  local lane=$1 name=$2; shift 2
  printf '\n\033[1m==> %s\033[0m\n$ %s\n' "$name" "$*"
  local t0=$SECONDS result=ok
  "$@" || result=FAILED
  printf '%s\t%s\t%s\n' "$name" "$result" $((SECONDS - t0)) >> "$results_dir/$lane"
}

wasm=(--target wasm32-unknown-unknown)
debug_lane() {
  step debug "cargo fmt --check"          cargo fmt --all -- --check
  step debug "clippy (native)"            cargo clippy --workspace --all-targets --all-features -- -D warnings
  step debug "clippy (wasm32)"            cargo clippy --workspace --all-targets --all-features "${wasm[@]}" -- -D warnings
  step debug "native unit + integration"  cargo test --workspace --all-features --no-fail-fast
  # Only the core's `js_*` integration tests and `value_stability` hold browser tests: the library's
  # own harness and the native-only suites (`#![cfg(not(target_arch = "wasm32"))]`) have none on
  # wasm32, and each would still be compiled, linked, bound and loaded for nothing. One invocation
  # for the core's and the web's suites: the core (with `js`) and every shared dependency are
  # compiled for wasm32 once, not once per feature set.
  step debug "wasm tests, headless Chromium (core + web)" cargo test -p restake-core -p restake-web --features restake-core/js "${wasm[@]}" --test 'js_*' --test value_stability --test dom
}
release_lane() {
  # RELEASE_TARGET_DIR may name another directory (the debug lane's, to reuse warm release builds:
  # the lanes then take turns at cargo's lock).
  export CARGO_TARGET_DIR="${RELEASE_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/target}/release-lane}"
  step release "trunk installed"           bash scripts/trunk.sh
  step release "npm package build"         bash scripts/build-pkg.sh
  step release "release build (trunk)"     trunk build --release
}

mkdir -p artifacts
release_log=artifacts/release-lane.log
printf '\n\033[1m==> release lane in the background\033[0m (its log: %s, shown when it ends)\n' "$release_log"
release_lane > "$release_log" 2>&1 &
release_pid=$!
debug_lane
wait "$release_pid"
printf '\n\033[1m==> release lane log\033[0m\n'
cat "$release_log"

step after "npm package: Node import + tsc" node tests/npm/run.mjs
# About 15-20 s: the local chain (tests/chain: Hardhat on 127.0.0.1, real Aave v3 Pool and Morpho Blue,
# stand-ins) read by the npm package with plain fetch, to the wei, and by ethers (the fixture's self-check).
step after "npm package: live read on a local chain" node tests/npm/live_read.mjs
# About 25-31 s, most of it the real Aave v3.0 Pool's check (its own local chain: 10-12 s to start,
# then 237 liquidation calls and 300 rate-strategy states); the other references take about 1 s.
step after "reference implementations (differential)" node tests/reference/run.mjs
step after "npm package: hostile inputs"    node tests/hostile/run.mjs
step after "end-to-end (playwright-core + axe)" node tests/e2e/run.mjs

printf '\n\033[1m==> Summary\033[0m (the debug and release lanes ran at the same time; wall time %ss)\n' "$SECONDS"
failed=0
for lane in debug release after; do
  if [ ! -s "$results_dir/$lane" ]; then
    printf '  %-8s %-42s %-7s\n' "$lane" "(recorded no step)" FAILED; failed=1; continue
  fi
  while IFS=$'\t' read -r name result secs; do
    printf '  %-8s %-42s %-7s %5ss\n' "$lane" "$name" "$result" "$secs"
    [ "$result" = ok ] || failed=1
  done < "$results_dir/$lane"
done
if [ $failed -eq 0 ]; then echo "All checks passed."; else echo "Some checks FAILED."; fi
exit $failed
