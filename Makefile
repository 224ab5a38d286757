# The two set-up commands of the README are `make serve` and `make test`; both install what a fresh machine lacks.
.PHONY: deps serve demo test release e2e bench

deps:
	@scripts/install-deps.sh

serve: deps
	swift run strategy serve

demo: deps
	swift run strategy demo

test: deps
	swift test

release: deps
	swift build -c release --static-swift-stdlib --scratch-path .build-release --product strategy

e2e: release
	scripts/e2e.sh .build-release/release/strategy

bench:
	@scripts/install-deps.sh --bench
	bench/run.sh
	SKIP_BUILD=1 bench/diff/run.sh
	SKIP_BUILD=1 bench/drafting/run.sh
	SKIP_BUILD=1 bench/docbook/run.sh
