#!/usr/bin/env python3
"""The bad-input corpus: requests no client should send, against the real binary on loopback.

  python3 Tests/BadInput/bad_input_test.py BINARY [--rounds 5]

Each case must be answered with its 4xx within a second — an RFC 9457 problem from the API, an HTML page from the
browser interface's forms and pages (oversized, malformed, wrong content types, missing or foreign tokens) — and the server must answer
/health afterwards. Hostile XML must neither read the canary file nor open a connection to the listener set up
for it. The whole corpus runs `--rounds` times; the server's resident memory after the last round may exceed
the memory after the first by at most 16 MiB (what is left after a request must not grow with requests).
"""
import argparse, http.client, json, os, socket, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--rounds", type=int, default=5)
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="bad-input-")
db = os.path.join(work, "bad.sqlite")
canary_text = "CANARY-" + os.urandom(8).hex()
canary = os.path.join(work, "canary.txt")
open(canary, "w").write(canary_text)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


port = free_port()
# A listener that hostile XML would connect to if the parser fetched external resources.
trap = socket.socket()
trap.bind(("127.0.0.1", 0))
trap.listen(8)
trap_port = trap.getsockname()[1]
trap_connections = []


def watch():
    while True:
        try:
            connection, _ = trap.accept()
            trap_connections.append(connection)
        except OSError:
            return


threading.Thread(target=watch, daemon=True).start()


def call(method, path, token=None, body=None, headers=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = "Bearer " + token
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


admin = subprocess.run([args.binary, "account", "add", "Bad input admin", "--admin", "--database", db],
                       check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
log = open(os.path.join(work, "serve.log"), "ab")
server = subprocess.Popen([args.binary, "serve", "--database", db, "--port", str(port)], stdout=log, stderr=log)
for _ in range(200):
    try:
        if call("GET", "/health")[0] == 200:
            break
    except OSError:
        time.sleep(0.05)
status, _, body = call("POST", "/strategies", admin, b'{"title":"Bad input"}', {"Content-Type": "application/json"})
strategy = json.loads(body)["id"]
status, _, body = call("POST", f"/strategies/{strategy}/sections", admin, b'{"heading":"One","body":"Text."}',
                       {"Content-Type": "application/json"})
section = json.loads(body)["id"]
S = f"/strategies/{strategy}"
SECTION = f"{S}/sections/{section}"
JSON = {"Content-Type": "application/json"}
XML = {"Content-Type": "application/docbook+xml"}


def docbook(inner, prolog=""):
    return (prolog + '<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>'
            + inner + "</article>").encode()


cases = [
    # (name, method, path, headers, body, expected statuses)
    ("JSON body over 1 MiB", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"' + b"a" * (2 << 20) + b'"}', {413}),
    ("JSON nested 100,000 deep", "POST", f"{S}/sections", JSON, b"[" * 100000 + b"]" * 100000, {400}),
    ("JSON object nested 10,000 deep", "POST", f"{S}/sections", JSON, b'{"a":' * 10000 + b"1" + b"}" * 10000, {400}),
    ("invalid UTF-8 in a string", "POST", f"{S}/sections", JSON, b'{"heading":"\xff\xfe","body":"x"}', {400}),
    ("overlong UTF-8 encoding", "POST", f"{S}/sections", JSON, b'{"heading":"\xc0\xaf","body":"x"}', {400}),
    ("a lone surrogate escape", "POST", f"{S}/sections", JSON, b'{"heading":"\\ud800","body":"x"}', {400, 422}),
    ("control characters in a heading", "POST", f"{S}/sections", JSON, b'{"heading":"a\\u0001b","body":"x"}', {422}),
    ("a NUL in a body", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"a\\u0000b"}', {422}),
    ("text/plain instead of JSON", "POST", f"{S}/sections", {"Content-Type": "text/plain"}, b'{"heading":"H","body":"x"}', {415}),
    ("no content type", "POST", f"{S}/sections", {}, b'{"heading":"H","body":"x"}', {415}),
    ("JSON sent to the import", "POST", "/strategies/import", JSON, b'{"title":"x"}', {415}),
    ("a number past Int64", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x","position":99999999999999999999999}', {422}),
    ("a number of 400 digits", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x","position":1' + b"0" * 400 + b"}", {400, 422}),
    ("an exponent past Double", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x","position":1e400}', {400}),
    ("a fraction for an integer", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x","position":1.5}', {422}),
    ("duplicate keys", "POST", "/accounts", JSON, b'{"name":"A","admin":false,"admin":true}', {400}),
    ("a trailing comma", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x",}', {400}),
    ("truncated JSON", "POST", f"{S}/sections", JSON, b'{"heading":"H","bo', {400}),
    ("an unknown field", "POST", f"{S}/sections", JSON, b'{"heading":"H","body":"x","admin":true}', {400, 422}),
    ("an array for an object", "POST", f"{S}/sections", JSON, b'[1,2,3]', {400, 422}),
    ("an id past Int64 in the path", "GET", "/strategies/99999999999999999999999", {}, None, {400, 404}),
    ("a negative id in the path", "GET", "/strategies/-1", {}, None, {400, 404}),
    ("a NUL in the path", "GET", "/strategies/1%00", {}, None, {400, 404}),
    ("limit 0", "GET", "/strategies?limit=0", {}, None, {400}),
    ("limit of a million", "GET", "/strategies?limit=1000000", {}, None, {400}),
    ("a forged cursor", "GET", "/strategies?cursor=%27%3B%20DROP%20TABLE", {}, None, {400}),
    ("If-Match that is not an entity tag", "PUT", SECTION, {**JSON, "If-Match": "garbage"}, b'{"heading":"H","body":"x"}', {412}),
    ("a JavaScript link", "PUT", SECTION, {**JSON, "If-Match": "*"}, b'{"heading":"H","body":"[x](javascript:alert)"}', {422}),
    ("XXE reading the canary file", "POST", "/strategies/import", XML,
     docbook("<section><title>&x;</title><para>&x;</para></section>",
             f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file://{canary}">]>'), {400, 422}),
    ("billion laughs", "POST", "/strategies/import", XML,
     docbook("<section><title>&l9;</title></section>",
             '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY l0 "ha">'
             + "".join(f'<!ENTITY l{n} "' + f"&l{n - 1};" * 10 + '">' for n in range(1, 10)) + "]>"), {400, 422}),
    ("an external DTD", "POST", "/strategies/import", XML,
     docbook("<section><title>T</title></section>",
             f'<?xml version="1.0"?><!DOCTYPE article SYSTEM "http://127.0.0.1:{trap_port}/evil.dtd">'), {400, 422}),
    ("a parameter entity fetching a URL", "POST", "/strategies/import", XML,
     docbook("<section><title>T</title></section>",
             f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY % p SYSTEM "http://127.0.0.1:{trap_port}/p"> %p;]>'), {400, 422}),
    ("an XInclude of the canary", "POST", "/strategies/import", XML,
     docbook(f'<section><title>T</title><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{canary}" parse="text"/></section>'),
     {201, 400, 422}),
    ("XML nested 100,000 deep", "POST", "/strategies/import", XML,
     docbook("<section><title>T</title>" + "<para>" * 100000 + "</para>" * 100000 + "</section>"), {400, 422}),
    ("a 17 MiB document", "POST", "/strategies/import", XML,
     docbook("<section><title>T</title><para>" + "a" * (17 << 20) + "</para></section>"), {413}),
    ("not XML at all", "POST", "/strategies/import", XML, b"\x00\x01 not xml", {400}),
    ("XML that is not DocBook", "POST", "/strategies/import", XML, b"<html><body>hi</body></html>", {422}),
    ("a bearer token of 64 KiB", "GET", "/me", {"Authorization": "Bearer " + "a" * 65536}, None, {400, 401, 431}),
    ("a malformed Authorization", "GET", "/me", {"Authorization": "Basic Zm9vOmJhcg=="}, None, {401}),
]


# The browser interface's forms: a session made as a person makes one (an invitation link, a password), and the
# form token its pages carry. Refusals must be HTML pages (never JSON, never a 5xx).
def web_session():
    import re, urllib.parse
    out = subprocess.run([args.binary, "account", "invite", "web@bad-input.example", "--name", "Web admin", "--admin",
                          "--database", db], check=True, capture_output=True, text=True).stdout.strip().splitlines()
    link = urllib.parse.urlparse(out[-1]).path
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", link)
    response = connection.getresponse()
    page = response.read().decode()
    form_cookie = response.getheader("Set-Cookie").split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrf": csrf, "password": "a long web passphrase", "repeatPassword": "a long web passphrase"})
    connection.request("POST", link, body=body, headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": form_cookie})
    response = connection.getresponse()
    response.read()
    session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("strategy_session=")][0].split(";")[0]
    connection.request("GET", f"/app/strategies/{strategy}/sections/{section}", headers={"Cookie": session})
    response = connection.getresponse()
    token = re.search(r'name="csrf" value="([^"]+)"', response.read().decode()).group(1)
    connection.close()
    return session, form_cookie, urllib.parse.quote(token, safe="")


call("PATCH", S, admin, b'{"phase":"consultation"}', JSON)
SESSION, FORM_COOKIE, CSRF = web_session()
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SIGNED_IN = {**FORM, "Cookie": SESSION}
PAGE = f"/app/strategies/{strategy}/sections/{section}"
good = f"csrf={CSRF}&revision=1&start=0&end=4&kind=general&body=".encode()
web_cases = [
    ("sign-in form of 20 KiB", "POST", "/app/signin", {**FORM, "Cookie": FORM_COOKIE}, b"email=a%40b.org&password=" + b"a" * 20480, {413}),
    ("sign-in form of 2 MiB, signed out", "POST", "/app/signin", FORM, b"password=" + b"a" * (2 << 20), {413}),
    ("sign-out form of 1.1 MB", "POST", "/app/signout", SIGNED_IN, b"csrf=x&pad=" + b"a" * 1_100_000, {413}),
    ("invitation form of 200 KB", "POST", "/app/invite/" + "A" * 43, FORM, b"password=" + b"a" * 200_000, {413}),
    ("comment form of 5 MiB", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"a" * (5 << 20), {413}),
    ("edit form of 5 MiB", "POST", f"{PAGE}/edit", SIGNED_IN, f"csrf={CSRF}&revision=1&heading=H&body=".encode() + b"a" * (5 << 20), {413}),
    ("a comment form sent as JSON", "POST", f"{PAGE}/comments", {**SIGNED_IN, "Content-Type": "application/json"}, b'{"body":"x"}', {415}),
    ("a comment form without a content type", "POST", f"{PAGE}/comments", {"Cookie": SESSION}, good + b"x", {415}),
    ("a comment form as multipart", "POST", f"{PAGE}/comments", {**SIGNED_IN, "Content-Type": "multipart/form-data; boundary=x"},
     b"--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx\r\n--x--\r\n", {415}),
    ("a comment form without its token", "POST", f"{PAGE}/comments", SIGNED_IN, b"revision=1&start=0&end=4&body=x", {403}),
    ("a comment form with another's token", "POST", f"{PAGE}/comments", SIGNED_IN, b"csrf=AAAA&revision=1&start=0&end=4&body=x", {403}),
    ("a comment form from another site", "POST", f"{PAGE}/comments", {**SIGNED_IN, "Origin": "https://evil.example"}, good + b"x", {403}),
    ("a comment form with broken percent-encoding", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"%zz%", {400, 422}),
    ("a comment form with invalid UTF-8", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"%ff%fe%c0%af", {400, 422}),
    ("a comment form with a NUL", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"a%00b", {400, 422}),
    ("a comment form with a field 10,000 times", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"x" + b"&body=x" * 10000, {303, 400, 422}),
    ("a comment form with 2,000-deep brackets", "POST", f"{PAGE}/comments", SIGNED_IN, good + b"x&" + b"a" + b"[a]" * 2000 + b"=1", {303, 400, 422}),
    ("a revision past Int64 in a form", "POST", f"{PAGE}/comments", SIGNED_IN,
     f"csrf={CSRF}&revision=99999999999999999999999&start=0&end=4&body=x".encode(), {400, 404, 409, 422}),
    ("a page id past Int64", "GET", "/app/strategies/99999999999999999999999", {"Cookie": SESSION}, None, {400, 404}),
    ("a page path with a NUL", "GET", "/app/strategies/1%00", {"Cookie": SESSION}, None, {400, 404}),
    ("PUT on a page", "PUT", PAGE, {"Cookie": SESSION}, b"x", {405}),
    ("an unknown public page", "GET", "/public/no-such-strategy", {}, None, {404}),
    ("a tampered session cookie", "GET", PAGE, {"Cookie": "strategy_session=" + "A" * 4096}, None, {303}),
]


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


failures = []
slowest = (0.0, "")
first_round_rss = None
all_cases = [case + ("application/problem+json",) for case in cases] + [case + ("text/html",) for case in web_cases]
for round_number in range(args.rounds):
    for name, method, path, headers, body, expected, problem_type in all_cases:
        token = None if "Authorization" in headers or problem_type == "text/html" else admin
        started = time.monotonic()
        try:
            status, content_type, payload = call(method, path, token, body, headers)
        except (OSError, http.client.HTTPException) as error:
            status, content_type, payload = None, "", str(error).encode()
        elapsed = time.monotonic() - started
        slowest = max(slowest, (elapsed, name))
        if status not in expected:
            failures.append(f"{name}: {status} (expected {sorted(expected)}) {payload[:200]!r}")
        elif status >= 400 and not content_type.startswith(problem_type):
            failures.append(f"{name}: {status} is not {problem_type} ({content_type})")
        if status == 422 and b'"position":' in (body or b"")[:200] and b'"field":"position"' not in payload:
            failures.append(f"{name}: the problem does not name the field: {payload[:200]!r}")
        if elapsed >= 1.0:
            failures.append(f"{name}: {elapsed:.2f} s")
        if canary_text.encode() in payload:
            failures.append(f"{name}: the answer holds the canary file's text")
        if call("GET", "/health")[0] != 200:
            failures.append(f"{name}: /health stopped answering")
    if round_number == 0:
        first_round_rss = rss_kib(server.pid)
last_rss = rss_kib(server.pid)
if trap_connections:
    failures.append(f"the XML parser opened {len(trap_connections)} connection(s) to the trap")
growth = last_rss - first_round_rss
if growth > 16 * 1024:
    failures.append(f"resident memory grew by {growth} KiB from round 1 to round {args.rounds}")
server.terminate()
server.wait(timeout=15)
for failure in failures:
    print("FAIL", failure)
print(f"bad-input corpus: {len(cases)} API and {len(web_cases)} form and page cases × {args.rounds} rounds, {len(failures)} failures; slowest "
      f"{slowest[0] * 1000:.0f} ms ({slowest[1]}); RSS {first_round_rss // 1024} MiB after round 1, "
      f"{last_rss // 1024} MiB after round {args.rounds}")
sys.exit(1 if failures else 0)
