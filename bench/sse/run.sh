#!/usr/bin/env bash
# Live updates on the release build: 200 open event streams (`GET /strategies/{id}/events`) on one strategy while
# the API takes 50 writes per second for 20 s. The median delay from a write's response to its event arriving on
# every stream, against the write's own latency (request to response), in the same run; target ≤ 1×. Also the
# server's resident memory per open stream.
# Usage: bench/sse/run.sh   (STREAMS=200; RATE=50; SECONDS_=20; SKIP_BUILD=1 to reuse the release build; BIN=another)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/service.sh
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $BIN"
echo
RESULT=$(python3 bench/sse/streams.py "$PORT" "$TOKEN" "$SERVER" "${STREAMS:-200}" "${RATE:-50}" "${SECONDS_:-20}")
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| measure | ours | baseline | ratio | target |")
print("| --- | --- | --- | --- | --- |")
print(f"| event delay after the write's response, median over {r['events']} events ({r['streams']} streams × "
      f"{r['writes']} writes at {r['rate']:.0f}/s; p99 {r['p99DelayMs']:.2f} ms) | {r['delayMs']:.2f} ms "
      f"| {r['latencyMs']:.2f} ms (the write's own latency) | {r['ratio']:.2f} | ≤ 1 |")
print(f"| resident memory per open stream | {r['rssPerStreamKiB']:.0f} KiB | — | — | reported |")
print(f"\n({r['complete']} of {r['writes']} writes reached all {r['streams']} streams)")
PY
