# The two commands of the README. Both install what is missing (scripts/tools.sh), from package
# registries only: `serve` first, `test` beside its first builds (scripts/test.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve test tools bench pkg

## make serve: build the app and serve it at http://127.0.0.1:8080 (rebuilds on change).
serve: tools
	trunk serve

## make test: every check (fmt, clippy native + wasm32, native tests, browser tests, npm package, e2e + axe).
test:
	bash scripts/test.sh

tools:
	bash scripts/tools.sh

## make pkg: build the npm package into pkg/.
pkg: tools
	bash scripts/build-pkg.sh

## make bench: criterion benchmarks of the core (native), then the npm package's Monte Carlo in Node.
bench: tools
	cargo bench -p restake-core
	bash scripts/build-pkg.sh
	node scripts/bench-node.mjs
