#!/usr/bin/env bash
# Small requests while heavy work runs, on the release build: p99 latency of GET a section (wrk, 16 connections)
# while another client exports a ~1 MB strategy, imports it and compares its two ~1 MB drafts back to back,
# against the same p99 with no heavy client, both in the same run (alternating rounds, so both see the same
# phases of a noisy host). Also counts the heavy client's requests and how many were refused with 503.
# Usage: bench/latency/run.sh   (DURATION=seconds per wrk run, default 10; ROUNDS=2; SEED=1; SECTIONS=200;
#        SKIP_BUILD=1 to reuse the release build; BIN=path to measure another build of `strategy`)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
source bench/service.sh

# The compared strategy: two drafts of SECTIONS sections of ~4.8 KB (about 1 MB each); its export is the import.
STRATEGY=$(curl -sf -X POST "$BASE/strategies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"Latency benchmark"}' | jq -r .id)
BYTES=$(cd bench/drafting && python3 compare_setup.py "$PORT" "$TOKEN" "$STRATEGY" "$WORK" "$SEED" "${SECTIONS:-200}")
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/strategies/$STRATEGY/export" -o "$WORK/export.xml"
SECTION=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/strategies/$STRATEGY/sections" | jq '.items[0].id')
URL="$BASE/strategies/$STRATEGY/sections/$SECTION"

# p99 of wrk's latency distribution, in milliseconds.
p99() {
    wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/get.lua "$URL" -- "$TOKEN" | awk '$1 == "99%" {
        value = $2; unit = value; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", value)
        if (unit == "us") value /= 1000; else if (unit == "s") value *= 1000
        print value }'
}

QUIET=() LOADED=()
for round in $(seq 1 "$ROUNDS"); do
    QUIET+=("$(p99)")
    : > "$WORK/heavy.log"
    bench/latency/heavy_client.sh "$BASE" "$TOKEN" "$STRATEGY" "$WORK/export.xml" "$WORK/heavy.log" &
    HEAVY=$!
    sleep 1
    LOADED+=("$(p99)")
    kill "$HEAVY"; wait "$HEAVY" 2>/dev/null || true
    cat "$WORK/heavy.log" >> "$WORK/heavy-all.log"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
Q=$(median "${QUIET[@]}")
L=$(median "${LOADED[@]}")
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $BIN; drafts of $((BYTES / 1024)) KB; export $(( $(stat -c %s "$WORK/export.xml") / 1024 )) KB; $ROUNDS rounds of ${DURATION}s"
echo "heavy requests during the loaded runs: $(awk '{print $1 " " $2}' "$WORK/heavy-all.log" | sort | uniq -c | awk '{printf "%s %s×%s; ", $2, $3, $1}')"
echo
echo "| measure | ours | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
printf '| p99 GET section, 16 connections, with heavy client vs without | %.2f ms | %.2f ms | %.2f | ≤ 3 |\n' "$L" "$Q" \
    "$(python3 -c "print($L / $Q)")"
echo "(each round, without / with: ${QUIET[*]} / ${LOADED[*]} ms)"
