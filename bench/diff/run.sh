#!/usr/bin/env bash
# DiffEngine benchmark: whole-process times (median of hyperfine runs, release build) of `strategy diff` and
# `strategy merge` against GNU diff and git on seeded inputs, with ratios from the same run; edit counts
# against the minimal; peak memory (GNU time's maximum resident set size).
# Usage: bench/diff/run.sh    (RUNS=5 by default; SEED=1; SKIP_BUILD=1 to reuse the release build; BIN=path to
#        measure another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
source bench/binary.sh
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/diff/generate.py "$WORK" "${SEED:-1}"
cd "$WORK"

median() { # median seconds of a command (exit statuses 0 and 1 are both success for diff tools)
    hyperfine -N -i --runs "$RUNS" --warmup 1 --export-json "$WORK/t.json" "$1" > /dev/null 2>&1
    python3 -c "import json; print(json.load(open('$WORK/t.json'))['results'][0]['median'])"
}
peak() { /usr/bin/time -f %M "$@" > /dev/null 2> "$WORK/mem" || true; tail -1 "$WORK/mem"; }
edits() { grep -c '^[-+]' | awk '{print $1}'; }
row() { # name ours-cmd baseline-cmd baseline-name target
    local ours base
    ours=$(median "$2"); base=$(median "$3")
    printf '| %s | %s | %.3f s | %.3f s | %.2f | %s |\n' "$1" "$4" "$ours" "$base" "$(python3 -c "print($ours / $base)")" "$5"
}

echo "machine: $(nproc) cores; median of $RUNS runs; $(date -u +%FT%TZ)"
echo
echo "| input | baseline | ours | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- | --- |"
row "1M lines, 0.5 % scattered edits" "$BIN diff 1m.old 1m.new" "diff 1m.old 1m.new" "GNU diff" "≤ 1.0"
row "100k lines, same" "$BIN diff 100k.old 100k.new" "diff 100k.old 100k.new" "GNU diff" "≤ 1.5"
row "two unrelated 20k-line files" "$BIN diff unrelated.old unrelated.new" "git diff --no-index unrelated.old unrelated.new" "git diff --no-index" "≤ 1.0"
row "2,000 prose paragraphs, 2 % words (--words)" "$BIN diff --words prose.old prose.new" "git diff --no-index --word-diff=porcelain prose.old prose.new" "git --word-diff" "≤ 0.5"
row "three-way merge, 100k lines" "$BIN merge -p merge.ours merge.base merge.theirs" "git merge-file -p merge.ours merge.base merge.theirs" "git merge-file -p" "≤ 1.0"

echo
OURS=$("$BIN" diff -U0 1m.old 1m.new | edits || true)
MINIMAL=$(diff --minimal -U0 1m.old 1m.new | edits || true)
MYERS=$("$BIN" diff --algorithm myers -U0 1m.old 1m.new | edits || true)
echo "edit count, 1M lines: histogram $OURS, myers $MYERS, minimal (GNU diff --minimal) $MINIMAL → $(python3 -c "print(f'{$OURS / $MINIMAL:.4f}')")× the minimal (target ≤ 1.01)"
echo
echo "peak memory (max RSS, KiB): 100k lines $(peak "$BIN" diff 100k.old 100k.new), 1M lines $(peak "$BIN" diff 1m.old 1m.new);" \
     "GNU diff 1M $(peak diff 1m.old 1m.new); input 1M $(( $(stat -c %s 1m.old) / 1024 )) KiB"
