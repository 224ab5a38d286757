#!/usr/bin/env bash
# Drafting-workflow benchmark on the release build, each figure against its baseline from the same run:
#   compare  GET …/drafts/1/compare/2 of a generated 200-section, ~1 MB strategy (every section edited, ~2 % of
#            words) vs `strategy diff --words` on the two drafts' texts concatenated (hyperfine medians, both
#            whole processes: curl vs the CLI)
#   accept   latency of accepting an amendment on a 10 KB section (a real three-way merge) vs a direct PUT of the
#            same text, 16 clients at once
# Usage: bench/drafting/run.sh   (RUNS=10 hyperfine runs; SEED=1; SECTIONS=200; ROUNDS=40; SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
strategy() {
    curl -sf -X POST "$BASE/strategies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"title\":\"$1\"}" | jq -r .id
}

echo "machine: $(nproc) cores; $(date -u +%FT%TZ); seed $SEED"
echo
echo "| measure | ours | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- |"

COMPARED=$(strategy "Compare benchmark")
BYTES=$(cd bench/drafting && python3 compare_setup.py "$PORT" "$TOKEN" "$COMPARED" "$WORK" "$SEED" "${SECTIONS:-200}")
URL="$BASE/strategies/$COMPARED/drafts/1/compare/2"
curl -sf -H "Authorization: Bearer $TOKEN" "$URL" -o "$WORK/compare.json"
CHANGED=$(jq '.summary.changed' "$WORK/compare.json")
OURS=$(median "curl -sf -o /dev/null -H 'Authorization: Bearer $TOKEN' $URL")
BASELINE=$(median "$BIN diff --words $WORK/draft1.txt $WORK/draft2.txt")
printf '| compare two drafts (%s sections changed, %s KB) vs strategy diff --words | %.1f ms | %.1f ms | %.2f | ≤ 1.5 |\n' \
    "$CHANGED" "$((BYTES / 1024))" "$(python3 -c "print($OURS * 1000)")" "$(python3 -c "print($BASELINE * 1000)")" \
    "$(python3 -c "print($OURS / $BASELINE)")"

ACCEPTED=$(strategy "Accept benchmark")
RESULT=$(cd bench/drafting && python3 accept_vs_put.py "$PORT" "$TOKEN" "$ACCEPTED" 16 "${ROUNDS:-40}" "$SEED")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"| accept amendment vs PUT of the same text, 16 clients, median latency ({r['accepts']} each) "
      f"| {r['acceptMedianMs']:.1f} ms | {r['putMedianMs']:.1f} ms | {r['acceptMedianMs'] / r['putMedianMs']:.2f} | ≤ 2 |")
print(f"| same, mean latency | {r['acceptMeanMs']:.1f} ms | {r['putMeanMs']:.1f} ms | {r['acceptMeanMs'] / r['putMeanMs']:.2f} | — |")
PY
