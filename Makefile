# The two set-up commands of the README are `make serve` and `make test`; both install what a fresh machine lacks
# (`make test` also the tools the tests use).
.PHONY: deps test-deps serve demo test release e2e browser fuzz crash bad-input links xliff mutants bench bench-smoke

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

serve: deps
	swift run strategy serve

demo: deps
	swift run strategy demo

test: test-deps
	swift test

release: deps
	swift build -c release --static-swift-stdlib --scratch-path .build-release --product strategy

e2e: test-deps release
	scripts/e2e.sh .build-release/release/strategy

# The browser tests: headless Chromium against the release binary; screenshots in out/screenshots.
browser: test-deps release
	python3 -m pytest Tests/Browser -v --binary .build-release/release/strategy --shots out/screenshots

# The fuzz suite: schemathesis against the release binary, 100 examples per operation (more: make fuzz EXAMPLES=500).
EXAMPLES ?= 100
fuzz: test-deps release
	Tests/Fuzz/run.sh .build-release/release/strategy $(EXAMPLES)

# The crash suite, longer than in CI: ten minutes of SIGKILLs under eight conditional writers.
crash: test-deps release
	python3 Tests/Crash/crash_test.py .build-release/release/strategy --seconds 600 --min-kills 200

bad-input: test-deps release
	python3 Tests/BadInput/bad_input_test.py .build-release/release/strategy

# The link rule against markdown-it-py (a CommonMark renderer) on the corpus in fixtures/links.
links: test-deps release
	python3 Tests/Links/commonmark_links_test.py .build-release/release/strategy

xliff: test-deps release
	python3 Tests/Translations/xliff_roundtrip_test.py .build-release/release/strategy

# The mutation run: each mutant of Tests/Mutants/mutants.txt (a one-line change that breaks one rule) applied to a
# copy of the tree in .build-mutants/tree, rebuilt incrementally and tested; every one must be killed. The first run
# builds the copy (about 15 minutes on 2 cores), later ones only what changed. One mutant: make mutants ONLY=name.
mutants: test-deps
	python3 Tests/Mutants/run.py $(if $(ONLY),--only $(ONLY))

# Every benchmark script once at a tiny size (CI runs it so that none rots); the figures mean nothing.
bench-smoke: release
	@scripts/install-deps.sh --bench
	bench/smoke.sh

bench:
	@scripts/install-deps.sh --bench
	bench/run.sh
	SKIP_BUILD=1 bench/diff/run.sh
	SKIP_BUILD=1 bench/drafting/run.sh
	SKIP_BUILD=1 bench/docbook/run.sh
	SKIP_BUILD=1 bench/comments/run.sh
	SKIP_BUILD=1 bench/latency/run.sh
	SKIP_BUILD=1 bench/web/run.sh
	SKIP_BUILD=1 bench/sse/run.sh
	SKIP_BUILD=1 bench/desk/run.sh
	SKIP_BUILD=1 bench/translations/run.sh
