#!/usr/bin/env bash
# The fuzz suite: schemathesis (Tests/Fuzz/requirements.txt) against the spec the real binary serves, every phase
# including stateful, with a fixed seed, as an admin and as a member of a group; every check must pass.
# Usage: Tests/Fuzz/run.sh [path/to/strategy] [examples per operation]   (defaults: the release build, 100)
set -euo pipefail

BIN=$(realpath "${1:-.build-release/release/strategy}")
EXAMPLES=${2:-100}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# The demo strategy, with a token per role; a second admin is the one whose tokens the last run may revoke.
"$BIN" demo --no-serve --database "$WORK/fuzz.sqlite" --fixture "$HERE/../../fixtures/demo/strategy.json" >"$WORK/demo.txt"
token() { awk -v who="$1" '{ line = $0; sub(/^ +/, "", line) } index(line, who " ") == 1 { print $NF; exit }' "$WORK/demo.txt"; }
ADMIN=$(token admin)
MEMBER=$(token "government member")
"$BIN" serve --database "$WORK/fuzz.sqlite" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done

run() { # run NAME TOKEN [schemathesis options…]
    local name=$1 token=$2; shift 2
    echo "== schemathesis as $name"
    # From the scratch directory: schemathesis keeps a cache of what it found in its working directory, and every
    # run starts from the seed alone.
    (cd "$WORK" && schemathesis --config-file "$HERE/schemathesis.toml" run "$BASE/openapi.yaml" \
        -H "Authorization: Bearer $token" --max-examples "$EXAMPLES" --seed 20261130 "$@")
}
STATUS=0
# Revoking tokens would end the run's own session: that operation runs last, with a throwaway admin's token.
run admin "$ADMIN" --exclude-path-regex '/tokens/\{token\}$' || STATUS=1
run member "$MEMBER" --exclude-path-regex '/tokens/\{token\}$' || STATUS=1
SPARE=$("$BIN" account add "Fuzz spare admin" --admin --database "$WORK/fuzz.sqlite" 2>/dev/null | tail -1)
run revocation "$SPARE" --phases examples,coverage,fuzzing --include-path-regex '/tokens/\{token\}$' || STATUS=1

# The browser interface's forms and pages, signed in as the demo's facilitator with the form token of their pages:
# any shape of form body and query may be refused, with a page, but never answered 5xx.
# The API runs may have changed the facilitator's role in the demo strategy: it is given back, so that this run
# reaches the facilitator's own forms (the desk, the outline, the import) rather than their refusals. By a new
# admin: the revocation run may have revoked every token made before it.
RESTORER=$("$BIN" account add "Fuzz restorer" --admin --database "$WORK/fuzz.sqlite" 2>/dev/null | tail -1 || true)
ACCOUNTS_STATUS=$(curl -s -o "$WORK/accounts.json" -w '%{http_code}' "$BASE/accounts?limit=100" -H "Authorization: Bearer $RESTORER" || true)
FACILITATOR_ID=$(python3 -c '
import json, sys
print(next((a["id"] for a in json.load(open(sys.argv[1])).get("items", []) if a.get("email") == "facilitator@demo.example"), ""))
' "$WORK/accounts.json" 2>/dev/null || true)
if [ -n "$FACILITATOR_ID" ]; then
    curl -s -o /dev/null -X PUT "$BASE/strategies/1/members/$FACILITATOR_ID" -H "Authorization: Bearer $RESTORER" \
        -H "Content-Type: application/json" -d '{"role":"facilitator"}' || true
else
    echo "(the facilitator's role could not be given back — GET /accounts answered $ACCOUNTS_STATUS — so the forms run meets more refusals)"
fi
echo "== schemathesis on the interface's forms and pages, as the facilitator"
FACILITATOR=$(awk '$1 == "facilitator" && $2 ~ /@/ { print $2 " " $3; exit }' "$WORK/demo.txt")
COOKIE=$(python3 "$HERE/forms.py" "$BASE" ${FACILITATOR} "$WORK/forms.json")
(cd "$WORK" && schemathesis run "$WORK/forms.json" --url "$BASE" -H "Cookie: $COOKIE" --checks not_a_server_error \
    --phases examples,coverage,fuzzing --max-examples "$EXAMPLES" --seed 20261130 --workers 1) || STATUS=1

# The administrators' forms (People, New strategy), signed in as the demo's administrator: last, since they may
# deactivate the accounts the runs above use.
echo "== schemathesis on the administrators' forms, as the administrator"
ADMINISTRATOR=$(awk '$1 == "admin" && $2 ~ /@/ { print $2 " " $3; exit }' "$WORK/demo.txt")
COOKIE=$(python3 "$HERE/forms.py" "$BASE" ${ADMINISTRATOR} "$WORK/admin-forms.json" admin)
(cd "$WORK" && schemathesis run "$WORK/admin-forms.json" --url "$BASE" -H "Cookie: $COOKIE" --checks not_a_server_error \
    --phases examples,coverage,fuzzing --max-examples "$EXAMPLES" --seed 20261130 --workers 1) || STATUS=1

# Whatever was sent, the server still answers and its log holds no crash.
curl -sf "$BASE/health/ready" >/dev/null || { echo "FAIL the server stopped answering"; STATUS=1; }
if grep -E "Fatal error|Segmentation|panic" "$WORK/serve.log"; then STATUS=1; fi
exit $STATUS
