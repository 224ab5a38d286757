#!/usr/bin/env bash
# The heavy client of the latency benchmark: exports a 1 MB strategy, imports it back and compares its two 1 MB
# drafts, back to back, until killed; appends one line per request ("export 200", "import 503", …) to LOG.
# Usage: heavy_client.sh BASE TOKEN STRATEGY XML LOG
BASE=$1 TOKEN=$2 STRATEGY=$3 XML=$4 LOG=$5
status() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$@"; }
while true; do
    echo "export $(status "$BASE/strategies/$STRATEGY/export")" >> "$LOG"
    echo "import $(status -X POST -H 'Content-Type: application/docbook+xml' --data-binary "@$XML" "$BASE/strategies/import")" >> "$LOG"
    echo "compare $(status "$BASE/strategies/$STRATEGY/drafts/1/compare/2")" >> "$LOG"
done
