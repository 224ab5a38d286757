# Sourced by the benchmarks: sets BIN to the release build of `strategy`, building it first unless SKIP_BUILD=1,
# or leaves BIN as given (BIN=path measures another build, and nothing is built).
if [ -z "${BIN:-}" ]; then
    [ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --static-swift-stdlib --scratch-path .build-release --product strategy >&2
    BIN=$PWD/.build-release/release/strategy
fi
