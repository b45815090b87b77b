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
#   debug lane    fmt; clippy native with the native test build, the native tests; clippy wasm32
#                 with the browser test build, then (after the tools lane) the browser tests
#   release lane  Trunk (installed if missing), then (after the tools lane) the npm package and
#                 the app's release build; in its own target directory (target/release-lane), so
#                 neither lane waits for the other's cargo lock
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

# Everything the run writes to the temporary directory (Chromium's profiles and scoped
# directories, which a browser ended by its driver leaves behind, the e2e servers' files) goes
# under one directory that is removed at the end: CI runs on the session's machine, whose disk
# is shared with what earlier runs left.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/restake-test.XXXXXX")
export TMPDIR=$run_tmp
results_dir=$run_tmp/results
mkdir -p "$results_dir"
trap 'rm -rf "$run_tmp"' EXIT
# disk_free: "N GiB free" on the file system of the target directory (a full disk fails a build
# with "No space left on device" half-way through a lane; the figure at the start and the end
# tells whether the run itself filled it).
disk_free() {
  df -BG --output=avail "${CARGO_TARGET_DIR:-$PWD/target}" 2>/dev/null | tail -1 | tr -d ' G' || echo '?'
}
printf '\033[1m==> disk\033[0m %s GiB free at the start\n' "$(mkdir -p "${CARGO_TARGET_DIR:-$PWD/target}"; disk_free)"

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
  # Clippy is the test builds themselves: clippy-driver as the workspace's rustc wrapper lints each
  # workspace crate while compiling it, with the lints of `cargo clippy --all-targets
  # --all-features -- -D warnings` (`CLIPPY_ARGS` is how cargo-clippy hands its arguments to the
  # driver). The dependencies are then compiled once per target instead of checked for clippy and
  # built again for the tests: a cold run's two clippy steps took 809 s and 819 s, nearly all of
  # it checking dependencies. Each `--all-targets --no-run` builds and lints the libraries, tests,
  # benches and binaries; the run after it reuses those builds (the native one adds the doc tests).
  local clippy_driver
  clippy_driver=$(rustup which clippy-driver) || clippy_driver=clippy-driver
  export RUSTC_WORKSPACE_WRAPPER=$clippy_driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
  step debug "clippy (native) + native test build" cargo test --workspace --all-targets --all-features --no-run
  step debug "native unit + integration"  cargo test --workspace --all-features --no-fail-fast
  step debug "clippy (wasm32) + browser test build" cargo test --workspace --all-targets --all-features "${wasm[@]}" --no-run
  # Only the core's `js_*` integration tests, `value_stability` and the web's `dom` hold browser
  # tests: the libraries' own harnesses and the native-only suites (`#![cfg(not(target_arch =
  # "wasm32"))]`) have none on wasm32, and each would still be bound and loaded for nothing.
  # Needs wasm-bindgen-test-runner and ChromeDriver from the tools lane.
  await_tools
  step debug "wasm tests, headless Chromium (core + web)" cargo test --workspace --all-features "${wasm[@]}" --test 'js_*' --test value_stability --test dom
  unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
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
printf '  disk: %s GiB free at the end\n' "$(disk_free)"
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
