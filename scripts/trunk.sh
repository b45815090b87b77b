#!/usr/bin/env bash
# Installs Trunk from crates.io at the version the project is built with, when it is missing.
# Called by scripts/tools.sh (make serve, make pkg) and by scripts/test.sh's release lane.
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"
TRUNK_VERSION=0.21.14   # Trunk 0.22 needs a newer rustc than the pinned 1.95
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  printf '\033[1m[tools]\033[0m %s\n' "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  # Trunk's own release profile is opt-level 3 with fat LTO over its whole dependency graph, the
  # LTO on one core. Overridden for this install only (a build tool, not what we ship): opt-level
  # 1 and no LTO, which cut the optimiser's work; one codegen unit per crate is kept, the least
  # total CPU when hundreds of crates already keep both cores busy.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install --locked trunk --version "$TRUNK_VERSION"
fi
