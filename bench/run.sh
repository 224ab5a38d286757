#!/usr/bin/env bash
# The backbone's benchmark, on the release build, printing each figure against its baseline from the same run:
#   reads   GET of a section vs GET /health (the framework's ceiling), wrk at 16 and 64 connections
#   writes  conditional PUTs vs the raw SQLite commit rate with the same pragmas (WAL, synchronous=FULL)
#   storage database growth after 1,000 one-sentence edits of a 10 KB section vs 1,000 full copies
# Usage: bench/run.sh        (DURATION=seconds per wrk run, default 10; SKIP_BUILD=1 to reuse the build;
#        BIN=path to measure another build of `strategy`)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
source bench/binary.sh
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
DB="$WORK/bench.sqlite"
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

"$BIN" demo --no-serve --database "$DB" --fixture fixtures/demo/strategy.json > "$WORK/demo.out"
# The tokens are the lines between "Tokens" and the next blank line (the demo also prints emails and passwords,
# whose lines start with the same role names).
token() { awk -v who="$1" '/^Tokens/ {on = 1; next} /^$/ {on = 0} on { line = $0; sub(/^ +/, "", line); if (index(line, who " ") == 1) print $NF }' "$WORK/demo.out"; }
FAC=$(token facilitator)
MEM=$(token "government member")
[ -n "$FAC" ] && [ -n "$MEM" ] && [ "$(echo "$FAC" | wc -l)" = 1 ] || { echo "could not read the demo's tokens" >&2; exit 1; }
"$BIN" serve --port "$PORT" --database "$DB" 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.1; done

rps() { awk '/Requests\/sec/ {print $2}'; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo "machine: $(nproc) cores; wrk runs of ${DURATION}s; $(date -u +%FT%TZ)"
echo
echo "| measure | connections | ours | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- | --- |"

SECTION_PATH="/strategies/1/sections/2"
for CONNECTIONS in 16 64; do
    HEALTH=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$BASE/health" | rps)
    READ=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/get.lua "$BASE$SECTION_PATH" -- "$MEM" | rps)
    echo "| GET section req/s vs GET /health | $CONNECTIONS | $READ | $HEALTH | $(ratio "$READ" "$HEALTH") | ≥ 0.5 |"
done

RAW=$(bench/raw_commit.sh "$WORK" 2000)
for CONNECTIONS in 16 64; do
    IDS=()
    for _ in $(seq 1 "$CONNECTIONS"); do
        IDS+=("$(curl -s -X POST "$BASE/strategies/1/sections" -H "Authorization: Bearer $FAC" \
            -H 'Content-Type: application/json' -d '{"heading":"Benchmark section","body":"start"}' | jq -r .id)")
    done
    OUTPUT=$(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" -s bench/put.lua "$BASE" -- "$FAC" 1 "${IDS[@]}")
    WRITES=$(echo "$OUTPUT" | rps)
    FAILED=$(echo "$OUTPUT" | awk '/Non-2xx/ {print $5}')
    [ -n "$FAILED" ] && echo "warning: $FAILED PUTs were not 2xx" >&2
    echo "| durable conditional PUT/s vs raw SQLite commits/s | $CONNECTIONS | $WRITES | $RAW | $(ratio "$WRITES" "$RAW") | ≥ 1.0 |"
done

STORAGE=$(python3 bench/storage.py "$BASE" "$FAC" 1 "$DB" 1000 42)
GROWTH=$(echo "$STORAGE" | jq .growthBytes)
COPIES=$(echo "$STORAGE" | jq .fullCopiesBytes)
echo "| storage bytes after 1,000 edits vs 1,000 full copies | - | $GROWTH | $COPIES | $(ratio "$GROWTH" "$COPIES") | ≤ 0.1 |"
