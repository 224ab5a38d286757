#!/usr/bin/env bash
# Comment-anchor benchmark on the release build: listing 500 comments with their anchor statuses on a section
# with 50 revisions vs on a section with 1 revision, in the same run (anchors must not be recomputed from the
# revision they were written on at every read). Target ≤ 3×.
# Usage: bench/comments/run.sh   (COMMENTS=500; REVISIONS=50; RUNS=20; SEED=1; SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
STRATEGY=$(curl -sf -X POST "$BASE/strategies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"Comment benchmark"}' | jq -r .id)
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); seed $SEED"
echo
RESULT=$(python3 bench/comments/anchors.py "$PORT" "$TOKEN" "$STRATEGY" "${COMMENTS:-500}" "${REVISIONS:-50}" "${RUNS:-20}" "$SEED")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| measure | ours | baseline | ratio | target |")
print("| --- | --- | --- | --- | --- |")
print(f"| list {r['comments']} comments, section with {r['revisions']} revisions vs 1 revision (median) "
      f"| {r['manyMs']:.1f} ms | {r['singleMs']:.1f} ms | {r['manyMs'] / r['singleMs']:.2f} | ≤ 3 |")
print(f"| first listing after the last revision (maps every passage once) vs 1 revision "
      f"| {r['firstMs']:.1f} ms | {r['singleMs']:.1f} ms | {r['firstMs'] / r['singleMs']:.2f} | — |")
print(f"\nanchor statuses on the {r['revisions']}-revision section: {r['statuses']}")
PY
