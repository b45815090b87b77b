#!/usr/bin/env bash
# Installs whatever the build needs and is missing, from package registries only:
#   rustup toolchain/target/components (rust-toolchain.toml), Trunk (crates.io), wasm-bindgen-cli at
#   exactly the version in Cargo.lock (crates.io), npm dev dependencies (wasm-opt 132 from npm's
#   `binaryen`, playwright-core, axe-core, typescript).
# With `--browsers` (what `make test` passes) it also makes sure Debian's chromium and
# chromium-driver are present and installs the differential suite's reference implementations
# (tests/reference: npm ci there, and curvesim from PyPI in tests/reference/.venv) and the local
# test chain (tests/chain: npm ci there).
# With `--no-trunk` it leaves Trunk to scripts/trunk.sh (scripts/test.sh calls it).
# With `--rust-only` it stops after the Rust toolchain (scripts/test.sh runs that part first, then
# the rest in the background beside the first builds).
# Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! need rustup || ! need cargo; then
  echo "rustup/cargo not found: install Rust with rustup first (https://rustup.rs)." >&2
  exit 1
fi

# rust-toolchain.toml pins the channel, target and components; make rustup install all of them.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$toolchain"; then
  say "installing Rust $toolchain"
  rustup toolchain install "$toolchain" --profile minimal
fi
if ! rustup target list --toolchain "$toolchain" --installed | grep -qx wasm32-unknown-unknown; then
  say "adding target wasm32-unknown-unknown"
  rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  if ! rustup component list --toolchain "$toolchain" --installed | grep -q "^$c"; then
    say "adding component $c"
    rustup component add --toolchain "$toolchain" "$c"
  fi
done

if [[ " $* " == *" --rust-only "* ]]; then
  say "Rust toolchain ready"
  exit 0
fi

# Trunk (several minutes to build on 2 cores). `make test` passes --no-trunk and builds it in
# scripts/test.sh's release lane instead, beside the debug builds (scripts/trunk.sh).
case " $* " in
  *" --no-trunk "*) ;;
  *) bash scripts/trunk.sh ;;
esac

# The CLI must equal the wasm-bindgen crate version in Cargo.lock.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then
  echo "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ] \
   || [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (about 1.5 minutes)"
  # No --locked: wasm-bindgen-cli 0.2.130's lockfile pins webpki-roots 1.0.11 (through ureq 3.5),
  # which the crate registry mirror lacks; without --locked cargo picks an available 1.0.x.
  # In a temporary target directory (not the project's CARGO_TARGET_DIR, whose lock the builds
  # beside this one hold).
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$wbg" --force
fi

if ! need node || ! need npm; then
  echo "node and npm are required (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [[ " $* " == *" --browsers "* ]]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Chromium and ChromeDriver are missing. Install them as root:" >&2
      echo "  sudo apt-get install -y chromium chromium-driver" >&2
      exit 1
    fi
    say "installing Debian's chromium and chromium-driver"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi
fi
if [[ " $* " == *" --browsers "* ]]; then
  # The differential suite's reference implementations (tests/reference, run by `make test`):
  # npm packages from their own lockfile (Lodestar needs an @chainsafe/ssz override that must not
  # reach the root), and curvesim from PyPI in a venv inside the repository (ignored by git),
  # with pip's cache off so nothing is left outside the repository.
  if [ ! -d tests/reference/node_modules ] \
     || [ tests/reference/package-lock.json -nt tests/reference/node_modules/.package-lock.json ]; then
    say "installing the reference implementations (tests/reference: npm ci)"
    (cd tests/reference && npm ci --no-audit --no-fund)
  fi
  # The local test chain (tests/chain: Hardhat 2, solc-js, Aave v3 artifacts, Morpho Blue sources, ethers, viem),
  # from its own lockfile; about 40-90 s on 2 cores with npm's cache, skipped when up to date.
  if [ ! -d tests/chain/node_modules ] \
     || [ tests/chain/package-lock.json -nt tests/chain/node_modules/.package-lock.json ]; then
    say "installing the local test chain (tests/chain: npm ci)"
    (cd tests/chain && npm ci --no-audit --no-fund)
  fi
  venv=tests/reference/.venv
  if [ ! -x "$venv/bin/python" ] || [ tests/reference/requirements.txt -nt "$venv/installed" ]; then
    if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
      if [ "$(id -u)" -ne 0 ]; then
        echo "python3-venv is missing. Install it as root: sudo apt-get install -y python3-venv" >&2
        exit 1
      fi
      say "installing Debian's python3-venv"
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
    fi
    say "creating the curvesim venv (tests/reference/.venv, PyPI; about a minute)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --no-cache-dir --disable-pip-version-check \
      -r tests/reference/requirements.txt
    touch "$venv/installed"
  fi
fi
say "tools ready"
