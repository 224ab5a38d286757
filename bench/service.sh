# Shared by the service benchmarks (sourced, not run): builds the release binary unless SKIP_BUILD=1, makes a
# work folder, starts `strategy serve` on a free loopback port with a fresh database and an admin token, and
# offers `median CMD` (hyperfine's median in seconds, RUNS runs — 10 unless given — after 2 warm-ups) and `paired OURS BASELINE` (both
# medians, measured in alternating rounds of 5 runs so that both see the same phases of a noisy host).
# BIN=path measures another build of `strategy` (nothing is built then).
# After sourcing: BIN, WORK, PORT, BASE, DB, TOKEN, SERVER; everything is cleaned up on exit.
# The hyperfine runs of `median` and `paired`; RUNS itself is left as given, so that a script's own default for it
# (200 page loads, 50 desk loads…) holds when it is not set.
HYPERFINE_RUNS=${RUNS:-10}
SEED=${SEED:-1}
source bench/binary.sh
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
    hyperfine -N -i --runs "$HYPERFINE_RUNS" --warmup 2 --export-json "$WORK/t.json" "$1" > /dev/null 2>&1
    python3 -c "import json; print(json.load(open('$WORK/t.json'))['results'][0]['median'])"
}

paired() {
    local rounds=$(( (HYPERFINE_RUNS + 4) / 5 ))
    for round in $(seq 1 "$rounds"); do
        hyperfine -N -i --runs 5 --warmup 1 --export-json "$WORK/a$round.json" "$1" > /dev/null 2>&1
        hyperfine -N -i --runs 5 --warmup 1 --export-json "$WORK/b$round.json" "$2" > /dev/null 2>&1
    done
    python3 - "$WORK" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
times = lambda side: [t for r in range(1, rounds + 1) for t in json.load(open(f"{work}/{side}{r}.json"))["results"][0]["times"]]
print(statistics.median(times("a")), statistics.median(times("b")))
PY
}
