#!/usr/bin/env bash
# DocBook benchmark on the release build, against xmllint on the same file in the same run (hyperfine medians of
# whole processes, ours and the baseline in alternating rounds of 5 runs):
#   export  GET …/export of a generated 200-section, ~1 MB strategy (curl)  vs  xmllint --format of that file
#   import  POST /strategies/import of that file (curl)                    vs  xmllint --noout of that file
# Usage: bench/docbook/run.sh   (RUNS=10; SEED=1; SECTIONS=200; SKIP_BUILD=1 to reuse the release build;
#        STORE=N first fills the database with N other generated strategies, so that the import looks its
#        chunks up in a store N+1 times its size)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
row() { # name ours baseline target
    printf '| %s | %.1f ms | %.1f ms | %.2f | %s |\n' "$1" "$(python3 -c "print($2 * 1000)")" "$(python3 -c "print($3 * 1000)")" \
        "$(python3 -c "print($2 / $3)")" "$4"
}

for other in $(seq 1 "${STORE:-0}"); do
    python3 bench/docbook/generate.py "$PORT" "$TOKEN" "$((SEED * 1000 + other))" "${SECTIONS:-200}" > /dev/null
done
STRATEGY=$(python3 bench/docbook/generate.py "$PORT" "$TOKEN" "$SEED" "${SECTIONS:-200}")
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/strategies/$STRATEGY/export" -o "$WORK/export.xml"
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); seed $SEED; document $(( $(stat -c %s "$WORK/export.xml") / 1024 )) KB; $((${STORE:-0} + 1)) strategies stored"
echo
echo "| measure | ours | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
read -r EXPORT FORMAT <<< "$(paired "curl -sf -o /dev/null -H 'Authorization: Bearer $TOKEN' $BASE/strategies/$STRATEGY/export" \
    "xmllint --format --output /dev/null $WORK/export.xml")"
row "export (GET …/export) vs xmllint --format" "$EXPORT" "$FORMAT" "≤ 2"
read -r IMPORT NOOUT <<< "$(paired "curl -sf -o /dev/null -X POST -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/docbook+xml' --data-binary @$WORK/export.xml $BASE/strategies/import" \
    "xmllint --noout $WORK/export.xml")"
row "import (POST /strategies/import) vs xmllint --noout" "$IMPORT" "$NOOUT" "≤ 3"
