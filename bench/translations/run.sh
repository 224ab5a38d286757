#!/usr/bin/env bash
# Translations on the release build (#26), each against its named baseline in the same run, alternating:
#   translation status of a 200-section strategy with three languages (source + two targets) vs listing its
#   sections (target ≤ 1.5×); a section page read in a target language vs the same page in the source language
#   (≤ 1.2×); a source edit that outdates units in that strategy vs the same edit in a strategy without targets
#   (≤ 1.2×). Also, for information, the first status read after an edit (which lays out the edited section).
# Usage: bench/translations/run.sh   (SECTIONS=200; RUNS=200; SEED=1; SKIP_BUILD=1 to reuse the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $BIN; seed $SEED"
echo
RESULT=$(python3 bench/translations/translations.py "$PORT" "$TOKEN" "${SECTIONS:-200}" "${RUNS:-200}" "$SEED")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| measure | ours | baseline | ratio | target |")
print("| --- | --- | --- | --- | --- |")
print(f"| translation status, {r['sections']} sections × 3 languages ({r['units']} units per language), median of {r['runs']} "
      f"| {r['statusMs']:.2f} ms | {r['outlineMs']:.2f} ms (list the sections) | {r['statusMs'] / r['outlineMs']:.2f} | ≤ 1.5 |")
print(f"| section page in a target language (sq), median of {r['runs']} | {r['targetPageMs']:.2f} ms "
      f"| {r['sourcePageMs']:.2f} ms (the same page in the source language) | {r['targetPageMs'] / r['sourcePageMs']:.2f} | ≤ 1.2 |")
print(f"| source edit that outdates a unit, median of {r['edits']} | {r['editMs']:.2f} ms "
      f"| {r['plainEditMs']:.2f} ms (the same edit, strategy without targets) | {r['editMs'] / r['plainEditMs']:.2f} | ≤ 1.2 |")
print(f"\n(the first status read after an edit, which lays the edited section out again: {r['statusAfterEditMs']:.2f} ms)")
PY
