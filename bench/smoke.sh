#!/usr/bin/env bash
# Runs every benchmark script once at a tiny size, so that none can rot unnoticed (CI runs this; the figures it
# prints mean nothing). A script that fails, or prints no ratio table, fails the run.
# Usage: bench/smoke.sh   (the release build must exist: make release)
set -euo pipefail
cd "$(dirname "$0")/.."
export SKIP_BUILD=1 SEED=1 DURATION=1 RUNS=2 ROUNDS=1 SECTIONS=8 COMMENTS=20 REVISIONS=3 STREAMS=4 RATE=5 SECONDS_=2
failed=()
for script in bench/run.sh bench/diff/run.sh bench/drafting/run.sh bench/docbook/run.sh bench/comments/run.sh \
    bench/latency/run.sh bench/web/run.sh bench/sse/run.sh bench/desk/run.sh bench/translations/run.sh; do
    started=$(date +%s)
    if output=$(timeout 600 "$script" 2>&1) && grep -q '^| ' <<< "$output"; then
        echo "ok   $script ($(( $(date +%s) - started )) s)"
    else
        echo "FAIL $script"
        echo "$output" | tail -20
        failed+=("$script")
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "benchmark scripts that failed: ${failed[*]}"; exit 1; }
