# Shared by the service benchmarks (sourced, not run): builds the release binary unless SKIP_BUILD=1, makes a
# work folder, starts `strategy serve` on a free loopback port with a fresh database and an admin token, and
# offers `median CMD` (hyperfine's median in seconds, RUNS runs after 2 warm-ups).
# After sourcing: BIN, WORK, PORT, BASE, DB, TOKEN, SERVER; everything is cleaned up on exit.
RUNS=${RUNS:-10}
SEED=${SEED:-1}
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --static-swift-stdlib --scratch-path .build-release --product strategy >&2
BIN=$PWD/.build-release/release/strategy
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
DB="$WORK/bench.sqlite"
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

TOKEN=$("$BIN" account add "Benchmark admin" --admin --database "$DB" | tail -1)
"$BIN" serve --port "$PORT" --database "$DB" 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.1; done

median() {
    hyperfine -N -i --runs "$RUNS" --warmup 2 --export-json "$WORK/t.json" "$1" > /dev/null 2>&1
    python3 -c "import json; print(json.load(open('$WORK/t.json'))['results'][0]['median'])"
}
