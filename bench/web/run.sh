#!/usr/bin/env bash
# The browser interface's section page on the release build: server time of the HTML page of a section with
# 50 comments and 10 open amendments against the three JSON API calls that fetch the same data (section,
# comments, open amendments), in the same run, alternating; target ≤ 1.5×. Also the page's weight with its
# stylesheet and script, uncompressed; target < 100 KB.
# Usage: bench/web/run.sh   (RUNS=200; SEED=1; SKIP_BUILD=1 to reuse the release build; BIN=another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $BIN; seed $SEED"
echo
RESULT=$(python3 bench/web/section_page.py "$PORT" "$TOKEN" "${RUNS:-200}" "$SEED")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| measure | ours | baseline | ratio | target |")
print("| --- | --- | --- | --- | --- |")
print(f"| section page (50 comments, 10 open amendments, {r['revisions']} revisions, {r['bodyBytes'] // 1024} KB body), "
      f"median of {r['runs']} | {r['oursMs']:.2f} ms | {r['baselineMs']:.2f} ms (3 JSON calls) | {r['ratio']:.2f} | ≤ 1.5 |")
total = r['pageBytes'] + r['assetBytes']
print(f"| page weight, uncompressed: HTML {r['pageBytes'] / 1024:.1f} KB + CSS and script {r['assetBytes'] / 1024:.1f} KB "
      f"| {total / 1024:.1f} KB | — | — | < 100 KB |")
print(f"\n(the JSON calls return {r['jsonBytes'] / 1024:.1f} KB)")
PY
