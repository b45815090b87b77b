#!/usr/bin/env bash
# Runs every check of the project, keeps going after a failure, and ends with a summary.
# Exit status: 0 only when every step passed. Called by `make test`; installs what is missing itself
# (scripts/tools.sh, registries only).
#
# The Rust toolchain first (rustup: seconds when present), then three lanes at once, then the
# checks that run what they built:
#   tools lane    everything else scripts/tools.sh --browsers installs: wasm-bindgen-cli, the npm
#                 packages of the root, tests/reference and tests/chain, the curvesim venv,
#                 Debian's chromium. Mostly downloads and unpacking, so it runs beside the first
#                 compiles instead of before them; each step that needs it waits for it
#   debug lane    fmt, clippy native + wasm32, native tests
#   release lane  Trunk (installed if missing), then (after the tools lane) the npm package, the
#                 app's release build and the core's and the web's browser tests; in its own
#                 target directory (target/release-lane), so neither lane waits for the other's
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

# The Rust toolchain the fmt and clippy steps need at once (rust-toolchain.toml).
if ! bash scripts/tools.sh --rust-only; then
  echo "The Rust toolchain could not be installed." >&2
  exit 1
fi

# step LANE NAME COMMAND...: runs the command, records "name<TAB>ok|FAILED<TAB>seconds" in LANE's file.
step() {
  local lane=$1 name=$2; shift 2
  printf '\n\033[1m==> %s\033[0m\n$ %s\n' "$name" "$*"
  local t0=$SECONDS result=ok
  "$@" || result=FAILED
  printf '%s\t%s\t%s\n' "$name" "$result" $((SECONDS - t0)) >> "$results_dir/$lane"
}

# Waits until the tools lane has ended (its marker file), for a step that needs what it installs.
tools_done=$results_dir/tools.done
await_tools() {
  while [ ! -e "$tools_done" ]; do sleep 2; done
}
tools_lane() {
  step tools "tools installed (registries)" bash scripts/tools.sh --browsers --no-trunk
  touch "$tools_done"
}

wasm=(--target wasm32-unknown-unknown)
debug_lane() {
  step debug "cargo fmt --check"          cargo fmt --all -- --check
  step debug "clippy (native)"            cargo clippy --workspace --all-targets --all-features -- -D warnings
  step debug "clippy (wasm32)"            cargo clippy --workspace --all-targets --all-features "${wasm[@]}" -- -D warnings
  step debug "native unit + integration"  cargo test --workspace --all-features --no-fail-fast
}
release_lane() {
  # RELEASE_TARGET_DIR may name another directory (the debug lane's, to reuse warm release builds:
  # the lanes then take turns at cargo's lock).
  export CARGO_TARGET_DIR="${RELEASE_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/target}/release-lane}"
  step release "trunk installed"           bash scripts/trunk.sh
  # wasm-bindgen-cli and npm's wasm-opt come from the tools lane.
  await_tools
  step release "npm package build"         bash scripts/build-pkg.sh
  step release "release build (trunk)"     trunk build --release
  # Only the core's `js_*` integration tests and `value_stability` hold browser tests: the library's
  # own harness and the native-only suites (`#![cfg(not(target_arch = "wasm32"))]`) have none on
  # wasm32, and each would still be compiled, linked, bound and loaded for nothing. One invocation
  # for the core's and the web's suites: the core (with `js`) and every shared dependency are
  # compiled for wasm32 once, not once per feature set. Needs wasm-bindgen-test-runner and
  # ChromeDriver from the tools lane. In this lane because it shares no build with the debug
  # lane's steps, and a cold run's debug lane was the longer by 943 s (2,891 s against 1,948 s).
  step release "wasm tests, headless Chromium (core + web)" cargo test -p restake-core -p restake-web --features restake-core/js "${wasm[@]}" --test 'js_*' --test value_stability --test dom
}

mkdir -p artifacts
tools_log=artifacts/tools-lane.log
release_log=artifacts/release-lane.log
printf '\n\033[1m==> tools and release lanes in the background\033[0m (their logs: %s, %s, shown when they end)\n' "$tools_log" "$release_log"
tools_lane > "$tools_log" 2>&1 &
tools_pid=$!
release_lane > "$release_log" 2>&1 &
release_pid=$!
debug_lane
wait "$tools_pid" "$release_pid"
printf '\n\033[1m==> tools lane log\033[0m\n'
cat "$tools_log"
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

printf '\n\033[1m==> Summary\033[0m (the tools, debug and release lanes ran at the same time; wall time %ss)\n' "$SECONDS"
failed=0
for lane in tools debug release after; do
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
