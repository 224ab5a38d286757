#!/usr/bin/env bash
# End-to-end test of the real `strategy` binary on a loopback port:
# a member's read, a facilitator's conditional edit, 428/412, a non-member's 404, the framework's own errors,
# persistence across kill -9 and restart, live updates as server-sent events, clean shutdown on SIGTERM, and no token in the database, WAL or logs;
# the drafting workflow: an amendment supported and merged, a conflict, concurrent accepts from many clients,
# drafts and their comparison; DocBook: the demo's export checked by jing, pandoc and the DocBook XSL stylesheets,
# imported back to the same bytes, and hostile XML refused without reading a file or opening a connection.
# Usage: scripts/e2e.sh [path/to/strategy]   (default: .build/release/strategy)
set -uo pipefail

BIN=$(realpath "${1:-.build/release/strategy}")
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
DB="$WORK/e2e.sqlite"
LOG="$WORK/serve.log"
PASSED=0
FAILED=0
SERVER=

cleanup() { [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

check() { # check NAME EXPECTED ACTUAL
    if [ "$2" == "$3" ]; then PASSED=$((PASSED + 1)); echo "ok   $1"
    else FAILED=$((FAILED + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}

start() {
    "$BIN" serve --port "$PORT" --database "$DB" >>"$LOG" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.1; done
    echo "server did not start"; cat "$LOG"; exit 1
}

# call METHOD PATH TOKEN [BODY] [extra curl args…] → prints "STATUS" and leaves the body in $WORK/body
call() {
    local method=$1 path=$2 token=$3 body=${4:-}; shift 4 2>/dev/null || shift $#
    local args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method" "$BASE$path")
    [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    curl "${args[@]}" "$@"
}
field() { jq -r "$1" "$WORK/body"; }
header() { grep -i "^$1:" "$WORK/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

ADMIN=$("$BIN" account add "E2E admin" --admin --database "$DB" 2>>"$LOG" | tail -1)
start

call POST /strategies "$ADMIN" '{"title":"E2E strategy","summary":"end to end"}' >/dev/null
STRATEGY=$(field .id)
call POST /accounts "$ADMIN" '{"name":"Facilitator"}' >/dev/null; FAC=$(field .token); FAC_ID=$(field .id)
call POST /accounts "$ADMIN" '{"name":"Member"}' >/dev/null; MEM=$(field .token); MEM_ID=$(field .id)
call POST /accounts "$ADMIN" '{"name":"Outsider"}' >/dev/null; OUT=$(field .token)
check "facilitator added" 201 "$(call PUT "/strategies/$STRATEGY/members/$FAC_ID" "$ADMIN" '{"role":"facilitator"}')"
check "member added" 201 "$(call PUT "/strategies/$STRATEGY/members/$MEM_ID" "$FAC" '{"role":"member","group":"civil-society"}')"
check "section created" 201 "$(call POST "/strategies/$STRATEGY/sections" "$FAC" '{"heading":"Purpose","body":"Protect children online."}')"
SECTION=$(field .id)
URI="/strategies/$STRATEGY/sections/$SECTION"

check "member reads the section" 200 "$(call GET "$URI" "$MEM")"
check "ETag is the revision" '"1"' "$(header ETag)"
check "edit without If-Match" 428 "$(call PUT "$URI" "$FAC" '{"heading":"Purpose","body":"Protect every child online."}')"
check "428 is a problem" "application/problem+json" "$(header Content-Type)"
check "conditional edit" 200 "$(call PUT "$URI" "$FAC" '{"heading":"Purpose","body":"Protect every child online."}' -H 'If-Match: "1"')"
check "new ETag" '"2"' "$(header ETag)"
check "stale edit" 412 "$(call PUT "$URI" "$FAC" '{"heading":"Purpose","body":"Lost update"}' -H 'If-Match: "1"')"
check "412 names the current revision" 2 "$(field .currentRevision)"
check "member may not edit" 403 "$(call PUT "$URI" "$MEM" '{"heading":"Purpose","body":"x"}' -H 'If-Match: "2"')"
check "non-member gets 404" 404 "$(call GET "$URI" "$OUT")"
check "non-member cannot see the strategy" 404 "$(call GET "/strategies/$STRATEGY" "$OUT")"
check "no token" 401 "$(call GET /me "")"
check "401 challenges" "Bearer realm=\"strategy\"" "$(header WWW-Authenticate)"
check "wrong method" 405 "$(call POST "$URI" "$FAC" '{}')"
check "405 lists methods" "GET, HEAD, PUT, PATCH, DELETE" "$(header Allow)"
head -c 1100000 /dev/zero | tr '\0' 'a' | sed 's/^/{"heading":"H","body":"/; s/$/"}/' > "$WORK/big.json"
check "body over 1 MiB" 413 "$(call POST "/strategies/$STRATEGY/sections" "$FAC" '' -H 'Content-Type: application/json' --data-binary "@$WORK/big.json")"
check "413 is a problem" "application/problem+json" "$(header Content-Type)"
# Expect: 100-continue is answered only once the request is authenticated and its size accepted: a client that
# would be refused uploads nothing.
expect_continue() { curl -s -o /dev/null -w '%{http_code} %{size_upload}' -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -H 'Expect: 100-continue' --data-binary "@$WORK/big.json" "$BASE/strategies/$STRATEGY/sections"; }
check "100-continue: a bad token is refused before the upload" "401 0" "$(expect_continue stk_unknown)"
check "100-continue: too large is refused before the upload" "413 0" "$(expect_continue "$FAC")"
check "HEAD answers like GET, without a body" "200 0" "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -I -H "Authorization: Bearer $MEM" "$BASE$URI")"
check "not JSON" 415 "$(call POST "/strategies/$STRATEGY/sections" "$FAC" '' -H 'Content-Type: text/plain' --data-binary 'hello')"
check "malformed JSON" 400 "$(call POST "/strategies/$STRATEGY/sections" "$FAC" '{"heading":')"
check "unknown route" 404 "$(call GET /nowhere "")"

# Drafting workflow: propose → support → accept, then a conflict that must not write anything.
call POST /accounts "$ADMIN" '{"name":"Industry member"}' >/dev/null; IND=$(field .token); IND_ID=$(field .id)
call PUT "/strategies/$STRATEGY/members/$IND_ID" "$FAC" '{"role":"member","group":"industry"}' >/dev/null
check "redline between revisions" "every child" "$(call GET "$URI/diff?from=1" "$MEM" >/dev/null; field '[.paragraphs[].operations[] | select(.kind=="insert") | .text] | join("")')"
check "amendment proposed" 201 "$(call POST "$URI/amendments" "$MEM" '{"baseRevision":2,"body":"Protect every child online and offline.","rationale":"Harm crosses over."}')"
AMENDMENT=$(field .number)
check "other group supports" 200 "$(call POST "/strategies/$STRATEGY/amendments/$AMENDMENT/support" "$IND")"
check "rival amendment on the same words" 201 "$(call POST "$URI/amendments" "$IND" '{"baseRevision":2,"body":"Protect every child online and at school.","rationale":"Schools."}')"
RIVAL=$(field .number)
check "collision listed" "$RIVAL" "$(call GET "/strategies/$STRATEGY/amendments/$AMENDMENT/collisions" "$MEM" >/dev/null; field '.items[0].amendment')"
check "facilitator accepts" 200 "$(call POST "/strategies/$STRATEGY/amendments/$AMENDMENT/accept" "$FAC")"
check "merged text" "Protect every child online and offline." "$(call GET "$URI" "$MEM" >/dev/null; field .body)"
check "rival now conflicts" 409 "$(call POST "/strategies/$STRATEGY/amendments/$RIVAL/accept" "$FAC")"
check "conflict regions" "offline|at school" "$(field '.conflicts[0] | .current + "|" + .proposed')"
check "nothing written on conflict" 3 "$(call GET "$URI" "$MEM" >/dev/null; field .revision)"

# Many clients accept amendments on different sentences of one section at once: none may be lost.
call POST "/strategies/$STRATEGY/sections" "$FAC" '{"heading":"Measures","body":"M1 applies. M2 applies. M3 applies. M4 applies. M5 applies. M6 applies. M7 applies. M8 applies. M9 applies. M10 applies. M11 applies. M12 applies. M13 applies. M14 applies. M15 applies. M16 applies."}' >/dev/null
MEASURES="/strategies/$STRATEGY/sections/$(field .id)"
NUMBERS=()
for i in $(seq 1 16); do
    body=$(python3 -c "import sys; i=int(sys.argv[1]); print(' '.join(f'M{k} applies{\" to all\" if k==i else \"\"}.' for k in range(1,17)))" "$i")
    call POST "$MEASURES/amendments" "$MEM" "{\"baseRevision\":1,\"body\":\"$body\",\"rationale\":\"r\"}" >/dev/null
    NUMBERS+=("$(field .number)")
done
CLIENTS=()
for n in "${NUMBERS[@]}"; do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $FAC" "$BASE/strategies/$STRATEGY/amendments/$n/accept" >>"$WORK/accepts" &
    CLIENTS+=($!)
done
wait "${CLIENTS[@]}"
check "16 concurrent accepts all merged" 16 "$(grep -c '^200$' "$WORK/accepts")"
call GET "$MEASURES" "$MEM" >/dev/null
check "every accepted change is in the text" 16 "$(field .body | grep -o 'to all' | wc -l | tr -d ' ')"
check "one revision per accept" 17 "$(field .revision)"

check "draft cut" 201 "$(call POST "/strategies/$STRATEGY/drafts" "$FAC" '{"title":"Draft 1"}')"
call PUT "$URI" "$FAC" '{"heading":"Purpose and aims","body":"Protect every child online and offline."}' -H 'If-Match: "3"' >/dev/null
call POST "/strategies/$STRATEGY/drafts" "$FAC" '{"title":"Draft 2"}' >/dev/null
check "draft comparison" "renamed" "$(call GET "/strategies/$STRATEGY/drafts/1/compare/2" "$MEM" >/dev/null; field '.sections[] | select(.id=='"$SECTION"') | .changes | join(",")')"
check "phase moves forward" consultation "$(call PATCH "/strategies/$STRATEGY" "$FAC" '{"phase":"consultation"}' >/dev/null; field .phase)"

RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

# Review: a comment follows its passage, the matrix survives a CSV parser, a signatory signs off a draft.
call POST "/strategies/$STRATEGY/sections" "$FAC" '{"heading":"Schools","body":"Schools teach digital safety, in every class."}' >/dev/null
SCHOOLS="/strategies/$STRATEGY/sections/$(field .id)"
SCHOOLS_ID=$(field .id)
check "comment on a passage" 201 "$(call POST "/strategies/$STRATEGY/comments" "$MEM" "{\"section\":$SCHOOLS_ID,\"revision\":1,\"anchor\":{\"start\":14,\"end\":28},\"body\":\"=cmd|' /C calc'!A0, \\\"quoted\\\"\\nsecond line\",\"kind\":\"editorial\",\"suggestion\":\"online safety\"}")"
COMMENT=$(field .number)
check "anchored on the quoted passage" "anchored:digital safety" "$(field '.anchor.status + ":" + .anchor.quote')"
check "anchor outside the body refused" 422 "$(call POST "/strategies/$STRATEGY/comments" "$MEM" "{\"section\":$SCHOOLS_ID,\"anchor\":{\"start\":0,\"end\":99},\"body\":\"x\"}")"
call PUT "$SCHOOLS" "$FAC" '{"heading":"Schools","body":"From age six, schools teach digital safety, in every class."}' -H 'If-Match: "1"' >/dev/null
check "comment shifted by an edit before it" "shifted:digital safety" "$(call GET "/strategies/$STRATEGY/comments/$COMMENT" "$IND" >/dev/null; field '.anchor.status + ":" + .anchor.current.text')"
check "outsider cannot see comments" 404 "$(call GET "/strategies/$STRATEGY/comments/$COMMENT" "$OUT")"
call GET "/strategies/$STRATEGY/comments/matrix?format=csv" "$MEM" >/dev/null
cp "$WORK/body" "$WORK/matrix.csv"
check "CSV matrix parsed back, formula neutralised" "'=cmd|' /C calc'!A0, \"quoted\"|second line" \
    "$(python3 -c "import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))); print(rows[1][6].replace(chr(10), '|'))" "$WORK/matrix.csv")"
check "suggestion applied on resolve" 200 "$(call POST "/strategies/$STRATEGY/comments/$COMMENT/resolve" "$FAC" '{"disposition":"accepted","response":"Done.","applySuggestion":true}')"
check "applied text" "From age six, schools teach online safety, in every class." "$(call GET "$SCHOOLS" "$MEM" >/dev/null; field .body)"
call POST /accounts "$ADMIN" '{"name":"Signatory"}' >/dev/null; SIG=$(field .token); SIG_ID=$(field .id)
call PUT "/strategies/$STRATEGY/members/$SIG_ID" "$FAC" '{"role":"signatory","group":"government"}' >/dev/null
check "signatory signs off draft 2" 201 "$(call POST "/strategies/$STRATEGY/drafts/2/signoffs" "$SIG" '{"decision":"approve"}')"
check "not every group has approved" false "$(field .allApprove)"
check "adoption outside final review refused" 409 "$(call POST "/strategies/$STRATEGY/adopt" "$FAC" '{"draft":2}')"
call GET "/strategies/$STRATEGY/export?format=docbook&draft=2&since=1" "$MEM" >/dev/null
cp "$WORK/body" "$WORK/redline.xml"
check "redline export valid for jing" 0 "$(jing "$RNG" "$WORK/redline.xml" > "$WORK/jing.out" 2>/dev/null; echo $?)"
[ -s "$WORK/jing.out" ] && cat "$WORK/jing.out"
check "redline flags the renamed heading" yes "$(grep -q '<phrase revisionflag="added"> and aims</phrase>' "$WORK/redline.xml" && echo yes || echo no)"
check "revision history has both drafts and the sign-off" "2:Government: approve" \
    "$(xmllint --xpath 'count(//*[local-name()="revision"])' "$WORK/redline.xml"):$(grep -o 'Government: approve' "$WORK/redline.xml" | head -1)"

# DocBook: the demo strategy exported, checked by the standard toolchain, imported back.
DEMO_DB="$WORK/demo.sqlite"
"$BIN" demo --no-serve --database "$DEMO_DB" --fixture "$(dirname "$0")/../fixtures/demo/strategy.json" > /dev/null 2>>"$LOG"
"$BIN" export --database "$DEMO_DB" --strategy 1 --output "$WORK/demo.xml"
check "jing accepts the demo export" 0 "$(jing "$RNG" "$WORK/demo.xml" > "$WORK/jing.out" 2>/dev/null; echo $?)"
[ -s "$WORK/jing.out" ] && cat "$WORK/jing.out"
check "pandoc writes docx" 0 "$(pandoc -f docbook -t docx -o "$WORK/demo.docx" "$WORK/demo.xml" 2>>"$LOG"; echo $?)"
pandoc -s -f docbook -t markdown --wrap=none "$WORK/demo.xml" -o "$WORK/demo.md" 2>>"$LOG"
check "every heading and paragraph in pandoc's markdown" 0 \
    "$(python3 "$(dirname "$0")/pandoc_contains.py" "$(dirname "$0")/../fixtures/demo/strategy.json" "$WORK/demo.md" > "$WORK/pandoc.out"; echo $?)"
grep missing "$WORK/pandoc.out" | head -5
check "DocBook XSL renders HTML without errors" "0:" \
    "$(xsltproc --nonet /usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl "$WORK/demo.xml" > "$WORK/demo.html" 2> "$WORK/xslt.err"; echo "$?:$(grep -ci error "$WORK/xslt.err" | grep -v '^0$')")"
IMPORTED=$("$BIN" import "$WORK/demo.xml" --database "$DEMO_DB")
"$BIN" export --database "$DEMO_DB" --strategy "$IMPORTED" --output "$WORK/again.xml"
check "export → import → export gives the same bytes" same "$(cmp -s "$WORK/demo.xml" "$WORK/again.xml" && echo same || echo differ)"
call GET "/strategies/$STRATEGY/export" "$MEM" > /dev/null
check "API export is DocBook" "application/docbook+xml" "$(header Content-Type)"
check "API import" 201 "$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST "$BASE/strategies/import" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/docbook+xml' --data-binary "@$WORK/demo.xml")"

# Hostile XML: refused fast, nothing read from disk, nothing fetched from a loopback port.
TRAP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -c "
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $TRAP_PORT)); s.listen(8); s.settimeout(20)
try:
    s.accept(); open('$WORK/trap', 'w').write('connected')
except socket.timeout:
    pass
" &
TRAP=$!
hostile() { # NAME EXPECTED-STATUS DOCUMENT
    local result
    printf '%s' "$3" > "$WORK/hostile.xml"
    result=$(curl -s -o "$WORK/body" -w '%{http_code} %{time_total}' -X POST "$BASE/strategies/import" -H "Authorization: Bearer $ADMIN" \
        -H 'Content-Type: application/docbook+xml' --data-binary "@$WORK/hostile.xml")
    check "$1 refused" "$2" "${result% *}"
    check "$1 refused within a second" yes "$(python3 -c "print('yes' if ${result#* } < 1 else 'no')")"
    check "$1 leaks no file content" no "$(grep -q 'root:' "$WORK/body" && echo yes || echo no)"
}
ARTICLE='<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>&x;</title></article>'
hostile "external entity" 422 '<!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>'"$ARTICLE"
hostile "external DTD on loopback" 422 "<!DOCTYPE article SYSTEM \"http://127.0.0.1:$TRAP_PORT/docbook.dtd\">$ARTICLE"
hostile "parameter entities" 422 '<!DOCTYPE article [<!ENTITY % p SYSTEM "http://127.0.0.1:'"$TRAP_PORT"'/p.dtd"> %p;]>'"$ARTICLE"
LAUGHS='<!DOCTYPE article [<!ENTITY x0 "ha">'
for i in $(seq 1 10); do LAUGHS+="<!ENTITY x$i \"$(printf "&x$((i - 1));%.0s" $(seq 1 10))\">"; done
hostile "billion laughs" 422 "$LAUGHS]>${ARTICLE/&x;/&x10;}"
hostile "quadratic blow-up" 422 "<!DOCTYPE article [<!ENTITY x \"$(head -c 50000 /dev/zero | tr '\0' a)\">]>${ARTICLE/&x;/$(printf '&x;%.0s' $(seq 1 5000))}"
hostile "100,000-deep nesting, naming the depth limit," 422 "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">$(printf '<para>%.0s' $(seq 1 100000))$(printf '</para>%.0s' $(seq 1 100000))</article>"
kill "$TRAP" 2>/dev/null; wait "$TRAP" 2>/dev/null
check "nothing connected to the loopback trap" no "$([ -f "$WORK/trap" ] && echo yes || echo no)"

kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=
start
check "edit survives kill -9" "Protect every child online and offline." "$(call GET "$URI" "$MEM" >/dev/null; field .body)"
check "revision survives kill -9" 4 "$(field .revision)"
check "accepted amendment survives kill -9" accepted "$(call GET "/strategies/$STRATEGY/amendments/$AMENDMENT" "$MEM" >/dev/null; field .status)"
check "activity chain intact" true "$(call GET "/strategies/$STRATEGY/activity/verify" "$MEM" >/dev/null; field .intact)"

# Live updates: a member's event stream receives an edit as it is committed, with the entry's id; a stream that
# resumes from an earlier id gets the history first; the stream that stays open ends when the server stops.
curl -sN --max-time 5 -H "Authorization: Bearer $MEM" "$BASE/strategies/$STRATEGY/events" > "$WORK/events" &
EVENTS=$!
sleep 0.5
call PUT "$URI" "$FAC" '{"heading":"Purpose","body":"Protect every child online and offline, live."}' -H 'If-Match: *' >/dev/null
sleep 0.5
kill "$EVENTS" 2>/dev/null; wait "$EVENTS" 2>/dev/null
check "event stream is text/event-stream" "text/event-stream" "$(curl -s -o /dev/null -w '%{content_type}' --max-time 1 -H "Authorization: Bearer $MEM" "$BASE/strategies/$STRATEGY/events")"
check "event stream carries the edit live" 1 "$(grep -c '"action":"section.edited"' "$WORK/events")"
LIVE_ID=$(grep -m1 '^id: ' "$WORK/events" | cut -d' ' -f2)
check "the event id is the activity entry's" "$LIVE_ID" "$(call GET "/strategies/$STRATEGY/activity?limit=200" "$MEM" >/dev/null; jq -r '.items[-1].id' "$WORK/body")"
curl -sN --max-time 1 -H "Authorization: Bearer $MEM" -H "Last-Event-ID: $((LIVE_ID - 1))" "$BASE/strategies/$STRATEGY/events" > "$WORK/resumed"
check "a resumed stream starts after Last-Event-ID" "$LIVE_ID" "$(grep -m1 '^id: ' "$WORK/resumed" | cut -d' ' -f2)"
check "a non-member cannot follow" 404 "$(call GET "/strategies/$STRATEGY/events" "$OUT")"
curl -sN -o /dev/null --max-time 30 -H "Authorization: Bearer $MEM" "$BASE/strategies/$STRATEGY/events" &
OPEN_STREAM=$!

# SIGTERM while three imports of a 12 MB document are running (and an event stream is open): the server stops
# within 10 s, cleanly.
python3 - "$WORK/heavy.xml" <<'PY'
import sys
sections = "".join(f"<section><title>Part {s}</title>" + "".join(f"<para>Paragraph {p} of part {s}, long enough to count.</para>" for p in range(7000)) + "</section>" for s in range(30))
open(sys.argv[1], "w").write('<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Heavy</title>' + sections + "</article>")
PY
for _ in 1 2 3; do
    curl -s -o /dev/null -X POST "$BASE/strategies/import" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/docbook+xml' \
        --data-binary "@$WORK/heavy.xml" &
done
sleep 0.5
kill -TERM "$SERVER"
STATUS=timeout
for _ in $(seq 1 100); do
    if ! kill -0 "$SERVER" 2>/dev/null; then wait "$SERVER"; STATUS=$?; break; fi
    sleep 0.1
done
SERVER=
wait "$OPEN_STREAM"
STREAM_STATUS=$?
wait
check "clean exit on SIGTERM within 10 s, imports running" 0 "$STATUS"
check "the open event stream was ended by the server, not by curl's timeout" 0 "$STREAM_STATUS"

LEAKS=0
for token in "$ADMIN" "$FAC" "$MEM" "$OUT" "$IND"; do
    for file in "$DB" "$DB-wal" "$LOG"; do
        [ -f "$file" ] && grep -qF "$token" "$file" && LEAKS=$((LEAKS + 1)) && echo "token found in $file"
    done
done
check "no token in database, WAL or logs" 0 "$LEAKS"
check "one log line per request with an id" yes "$(grep -q 'hb.request.id=.*GET /strategies' "$LOG" && echo yes || echo no)"

# First run (#24): on a new database with `--port 0`, the setup link names the port actually listened on (it named
# 8080 whatever --port said); under `serve --demo`, /metrics carries the service's own series (it lacked them).
"$BIN" serve --port 0 --database "$WORK/first.sqlite" >"$WORK/first.out" 2>>"$LOG" &
FIRST=$!
for _ in $(seq 1 300); do grep -q '/app/setup/' "$WORK/first.out" 2>/dev/null && break; sleep 0.1; done
SETUP_LINK=$(grep -o 'http://[^ ]*/app/setup/[A-Za-z0-9_-]*' "$WORK/first.out" | head -1)
SETUP_PORT=$(echo "$SETUP_LINK" | sed -E 's|http://[^:/]+:([0-9]+)/.*|\1|')
check "the setup link names the port listened on, not 8080 or 0" yes \
    "$([ -n "$SETUP_PORT" ] && [ "$SETUP_PORT" != 8080 ] && [ "$SETUP_PORT" != 0 ] && echo yes || echo "no ($SETUP_LINK)")"
check "the setup link opens its page" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$SETUP_LINK")"
kill -TERM "$FIRST" 2>/dev/null; wait "$FIRST" 2>/dev/null
DEMO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --demo --port "$DEMO_PORT" --database "$WORK/demo-served.sqlite" >"$WORK/demo.out" 2>>"$LOG" &
DEMO=$!
# The demo sets a bcrypt password for each of its nine people first: allow it a minute on a busy machine.
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$DEMO_PORT/health" >/dev/null && break; sleep 0.1; done
curl -s "http://127.0.0.1:$DEMO_PORT/health" >/dev/null
check "serve --demo reports the strategy_* series in /metrics" yes \
    "$(curl -s -o "$WORK/metrics" "http://127.0.0.1:$DEMO_PORT/metrics"; grep -q '^strategy_' "$WORK/metrics" && echo yes || echo no)"
kill -TERM "$DEMO" 2>/dev/null; wait "$DEMO" 2>/dev/null

echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
