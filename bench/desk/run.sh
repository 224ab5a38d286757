#!/usr/bin/env bash
# The facilitator's desk on the release build: server time of the desk page with 100 open amendments (20 collision
# groups) and 300 comments awaiting a disposition, against the JSON API calls that fetch the same data, in the same
# run, alternating; target ≤ 1× (#24).
# Usage: bench/desk/run.sh   (RUNS=50; SEED=1; SKIP_BUILD=1 to reuse the release build; BIN=another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $BIN; seed $SEED"
echo
RESULT=$(python3 bench/desk/desk_page.py "$PORT" "$TOKEN" "${RUNS:-50}" "$SEED")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| measure | ours | baseline | ratio | target |")
print("| --- | --- | --- | --- | --- |")
print(f"| desk page (100 open amendments in 20 collision groups and 40 alone, 300 comments), median of {r['runs']} "
      f"| {r['oursMs']:.2f} ms | {r['baselineMs']:.2f} ms ({r['jsonCalls']} JSON calls) | {r['ratio']:.2f} | ≤ 1.0 |")
print(f"\n(page {r['pageBytes'] / 1024:.0f} KB of HTML; the JSON calls return {r['jsonBytes'] / 1024:.0f} KB)")
PY
