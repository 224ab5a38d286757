#!/usr/bin/env python3
"""The crash suite: the real release binary under concurrent conditional writers, killed with SIGKILL at random
moments and restarted, then the history is checked against everything the clients were told.

  python3 Tests/Crash/crash_test.py BINARY [--seconds 60] [--writers 8] [--min-kills 20] [--seed 1]

Writers read a section and write it back with `If-Match` naming the revision they read, appending a marker of
their own. Afterwards, for every section: revisions are numbered 1..n without a gap or a fork; each revision's
text is its predecessor's plus exactly one marker (so no write was lost or applied to a stale text); every
acknowledged write is the revision it was told, directly on top of the revision its If-Match named; no write
refused with 412 is anywhere; no read ever returned a revision older than one already acknowledged. Then
`PRAGMA integrity_check` and the activity log's hash chain. A second phase kills the server while amendments
are accepted and DocBook documents imported: no accepted amendment without its revision, no half-imported
strategy.
"""
import argparse, http.client, json, os, random, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--seconds", type=float, default=60)
parser.add_argument("--writers", type=int, default=8)
parser.add_argument("--sections", type=int, default=4)
parser.add_argument("--min-kills", type=int, default=20)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
random.seed(args.seed)

work = tempfile.mkdtemp(prefix="crash-")
db = os.path.join(work, "crash.sqlite")
port = (lambda s: (s.bind(("127.0.0.1", 0)), s.getsockname()[1], s.close())[1])(socket.socket())
log = open(os.path.join(work, "serve.log"), "ab")
violations = []


def violation(text):
    violations.append(text)
    print("VIOLATION", text, flush=True)


class Server:
    def __init__(self):
        self.process = None
        self.lock = threading.Lock()

    def start(self):
        self.process = subprocess.Popen([args.binary, "serve", "--database", db, "--port", str(port)], stdout=log, stderr=log)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if call("GET", "/health", None)[0] == 200:
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.05)
        sys.exit("the server did not start; see " + log.name)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def call(method, path, token, body=None, headers=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        payload = response.read()
        return response.status, (json.loads(payload) if payload and response.getheader("Content-Type", "").endswith("json") else payload)
    finally:
        connection.close()


def must(status_body, *expected):
    status, body = status_body
    if status not in expected:
        sys.exit(f"setup failed: {status} {body}")
    return body


# --- setup -------------------------------------------------------------------------------------------------------
admin = subprocess.run([args.binary, "account", "add", "Crash admin", "--admin", "--database", db],
                       check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
server = Server()
server.start()
strategy = must(call("POST", "/strategies", admin, {"title": "Crash strategy"}), 201)["id"]
facilitator = must(call("POST", "/accounts", admin, {"name": "Facilitator"}), 201)
must(call("PUT", f"/strategies/{strategy}/members/{facilitator['id']}", admin, {"role": "facilitator"}), 201)
token = facilitator["token"]
sections = [must(call("POST", f"/strategies/{strategy}/sections", token, {"heading": f"Section {i}", "body": "Start."}), 201)["id"]
            for i in range(args.sections)]

# --- phase 1: conditional writers under SIGKILL ------------------------------------------------------------------
state = threading.Lock()
acknowledged = {}   # marker -> (section, base, revision)
refused = set()     # markers refused with 412
unknown = set()     # markers whose request died with the server
highest_ack = {s: 1 for s in sections}
stop = threading.Event()
counts = {"writes": 0, "acknowledged": 0, "refused": 0, "unknown": 0, "reads": 0}


def writer(number):
    rng = random.Random(args.seed * 100 + number)
    sequence = 0
    while not stop.is_set():
        section = rng.choice(sections)
        with state:
            floor = highest_ack[section]
        try:
            status, body = call("GET", f"/strategies/{strategy}/sections/{section}", token)
        except (OSError, http.client.HTTPException):
            time.sleep(0.05)
            continue
        if status != 200:
            time.sleep(0.05)
            continue
        with state:
            counts["reads"] += 1
        if body["revision"] < floor:
            violation(f"read revision {body['revision']} of section {section} after revision {floor} was acknowledged")
        sequence += 1
        marker = f"w{number}n{sequence}"
        base = body["revision"]
        try:
            status, answer = call("PUT", f"/strategies/{strategy}/sections/{section}", token,
                                  {"heading": body["heading"], "body": body["body"] + " " + marker},
                                  {"If-Match": f'"{base}"'})
        except (OSError, http.client.HTTPException):
            with state:
                unknown.add(marker)
                counts["unknown"] += 1
            continue
        with state:
            counts["writes"] += 1
            if status == 200:
                acknowledged[marker] = (section, base, answer["revision"])
                highest_ack[section] = max(highest_ack[section], answer["revision"])
                counts["acknowledged"] += 1
            elif status == 412:
                refused.add(marker)
                counts["refused"] += 1
            elif status in (503,):
                unknown.add(marker)
            else:
                violation(f"write {marker} answered {status}: {answer}")


def guarded(number):
    try:
        writer(number)
    except Exception as error:  # a writer that dies would quietly weaken the test
        violation(f"writer {number} stopped: {error!r}")


threads = [threading.Thread(target=guarded, args=(n,), daemon=True) for n in range(args.writers)]
for thread in threads:
    thread.start()
kills = 0
deadline = time.time() + args.seconds
rng = random.Random(args.seed)
while time.time() < deadline or kills < args.min_kills:
    time.sleep(rng.uniform(0.3, 2.2))
    server.kill()
    kills += 1
    server.start()
stop.set()
for thread in threads:
    thread.join()

# --- the history ---------------------------------------------------------------------------------------------------
def revisions(section):
    items, cursor = [], None
    while True:
        path = f"/strategies/{strategy}/sections/{section}/revisions?limit=200" + (f"&cursor={cursor}" if cursor else "")
        page = must(call("GET", path, token), 200)
        items += page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return items


present = {}
for section in sections:
    numbers = sorted(item["number"] for item in revisions(section))
    if numbers != list(range(1, len(numbers) + 1)):
        violation(f"section {section}: revisions are not 1..n: {numbers[:10]}…")
    previous = None
    for number in numbers:
        text = must(call("GET", f"/strategies/{strategy}/sections/{section}/revisions/{number}", token), 200)["body"]
        if previous is not None:
            if not text.startswith(previous + " ") or " " in text[len(previous) + 1:]:
                violation(f"section {section} revision {number} is not revision {number - 1} plus one marker")
            present[text[len(previous) + 1:]] = (section, number)
        previous = text
for marker, (section, base, revision) in acknowledged.items():
    if present.get(marker) != (section, revision):
        violation(f"acknowledged write {marker} (revision {revision} of section {section}) is {present.get(marker)}")
    elif revision != base + 1:
        violation(f"acknowledged write {marker} on If-Match {base} became revision {revision}")
for marker in refused:
    if marker in present:
        violation(f"write {marker} refused with 412 is revision {present[marker]}")
chain = must(call("GET", f"/strategies/{strategy}/activity/verify", token), 200)
if not chain["intact"]:
    violation(f"the activity chain is broken at entry {chain.get('firstBrokenEntry')}")

# --- phase 2: killed during amendment accepts and DocBook imports -------------------------------------------------
members = []
for group in ("government", "civil-society"):
    account = must(call("POST", "/accounts", admin, {"name": f"Member {group}"}), 201)
    must(call("PUT", f"/strategies/{strategy}/members/{account['id']}", admin, {"role": "member", "group": group}), 201)
    members.append(account["token"])
paragraphs = "".join(f"<para>Paragraph {n} of a long section, with enough words to weigh something.</para>" for n in range(400))
document = ('<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Imported</title>'
            + "".join(f"<section><title>Part {n}</title>{paragraphs}</section>" for n in range(60)) + "</article>").encode()
imports_started = 0
for round_number in range(5):
    proposals = []
    for index, section in enumerate(sections):
        current = must(call("GET", f"/strategies/{strategy}/sections/{section}", token), 200)
        amendment = must(call("POST", f"/strategies/{strategy}/sections/{section}/amendments", members[index % 2],
                              {"baseRevision": current["revision"], "body": current["body"] + f" amended{round_number}",
                               "rationale": "Crash test"}), 201)
        proposals.append(amendment["number"])

    def accept(number):
        try:
            call("POST", f"/strategies/{strategy}/amendments/{number}/accept", token, {}, {"If-Match": "*"})
        except (OSError, http.client.HTTPException):
            pass

    def load():
        try:
            call("POST", "/strategies/import", admin, document, {"Content-Type": "application/docbook+xml"}, timeout=30)
        except (OSError, http.client.HTTPException):
            pass

    workers = [threading.Thread(target=accept, args=(n,)) for n in proposals] + [threading.Thread(target=load) for _ in range(2)]
    imports_started += 2
    for worker in workers:
        worker.start()
    time.sleep(random.uniform(0.02, 0.3))
    server.kill()
    kills += 1
    for worker in workers:
        worker.join()
    server.start()

strategies = must(call("GET", "/strategies?limit=200", admin), 200)["items"]
imported = [s for s in strategies if s["title"] == "Imported"]
for item in imported:
    count = len(must(call("GET", f"/strategies/{item['id']}/sections?limit=200", admin), 200)["items"])
    if count != 60:
        violation(f"imported strategy {item['id']} has {count} of 60 sections")
accepted = 0
for page_item in must(call("GET", f"/strategies/{strategy}/amendments?status=accepted&limit=200", token), 200)["items"]:
    accepted += 1
    found = any(r["source"].get("kind") == "amendment" and r["source"].get("reference") == page_item["number"]
                for r in revisions(page_item["section"]))
    if not found:
        violation(f"accepted amendment {page_item['number']} has no revision")
server.kill()
integrity = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
if integrity != "ok":
    violation(f"integrity_check: {integrity}")

print(f"crash suite: {kills} kills, {counts['writes']} writes answered ({counts['acknowledged']} acknowledged, "
      f"{counts['refused']} refused with 412), {counts['unknown']} cut off by a kill, {counts['reads']} reads; "
      f"{len(imported)} of {imports_started} imports completed whole, {accepted} amendments accepted; "
      f"integrity {integrity}; {len(violations)} violations")
sys.exit(1 if violations else 0)
