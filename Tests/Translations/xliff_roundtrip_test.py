#!/usr/bin/env python3
"""The XLIFF round trip through a reader nobody here wrote (#26.4), on the real binary on loopback.

  python3 Tests/Translations/xliff_roundtrip_test.py BINARY

A strategy in English with Serbian and Albanian targets; a translator into Serbian exports the outdated and missing
units as XLIFF 1.2; translate-toolkit (PyPI) opens the file, as a CAT tool would, and its units are translated
programmatically; meanwhile a facilitator edits one paragraph. The service imports the returned file: every
unit is saved except the one whose source changed since the export, which is refused by its id. Then hostile
files (a DTD, an entity bomb, 100 MB, deep nesting, units of another strategy, another language, not XLIFF at
all, the wrong media type, a language that is not the translator's) are each refused with a 4xx problem and
write nothing.
"""
import http.client, json, os, socket, subprocess, sys, tempfile, time
from translate.storage import xliff

binary = sys.argv[1]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


work = tempfile.mkdtemp(prefix="xliff-")
db = os.path.join(work, "xliff.sqlite")
port = free_port()
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def call(method, path, token, payload=None, raw=None, content_type="application/json", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        all_headers = {"Authorization": "Bearer " + token}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
        if raw is not None:
            body = raw
        if body is not None:
            all_headers["Content-Type"] = content_type
        all_headers.update(headers or {})
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    except (BrokenPipeError, ConnectionResetError):
        return 413, b"connection closed after refusing the body", {}
    finally:
        connection.close()


def unit_id(unit):
    # translate-toolkit's id is the file's `original`, \x04, then the trans-unit's own id.
    return unit.getid().split("\x04")[-1]


def add_account(name, admin=False):
    arguments = [binary, "account", "add", name, "--database", db] + (["--admin"] if admin else [])
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]


admin = add_account("XLIFF admin", admin=True)
translator = add_account("Jelena Translator")
server = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.05)
    status, body, _ = call("POST", "/strategies", admin, {"title": "Round trip", "language": "en", "translations": ["sr-Latn", "sq"]})
    check(status == 201, f"create strategy: {status} {body[:200]}")
    strategy = json.loads(body)["id"]
    sections = []
    for heading, text in [
        ("Purpose", "The strategy protects children online.\n\nIt covers everyone up to 18."),
        ("Measures", "Schools teach **online safety**.\n\n- parents\n- teachers\n- children"),
        ("Monitoring", "A yearly report is published."),
    ]:
        status, body, _ = call("POST", f"/strategies/{strategy}/sections", admin, {"heading": heading, "body": text})
        sections.append(json.loads(body)["id"])
    status, body, _ = call("GET", "/me", translator)
    translator_id = json.loads(body)["id"]
    status, body, _ = call("PUT", f"/strategies/{strategy}/members/{translator_id}", admin, {"role": "translator", "languages": ["sr-Latn"]})
    check(status == 201, f"translator membership: {status} {body[:200]}")

    # Export, then translate with translate-toolkit, as a CAT tool would.
    status, exported, headers = call("GET", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator)
    check(status == 200 and headers.get("Content-Type", "").startswith("application/x-xliff+xml"), f"export: {status} {headers}")
    store = xliff.xlifffile.parsestring(exported)
    units = [unit for unit in store.units if not unit.isheader()]
    check(len(units) == 3 + 5 + 2, f"the export holds every missing unit (headings, paragraphs, list items): {len(units)}")
    ids = {unit_id(unit) for unit in units}
    check(f"s{sections[0]}.heading" in ids and f"s{sections[1]}.u3" in ids, f"unit ids: {sorted(ids)}")
    check(all(unit.xmlelement.find("{urn:oasis:names:tc:xliff:document:1.2}target").get("state") == "needs-translation" for unit in units),
          "missing units need translation")
    for unit in units:
        unit.target = "SR: " + unit.source
    returned = bytes(store)

    # Meanwhile the source of one unit changes: that unit is refused by id, the rest saved.
    status, body, _ = call("PUT", f"/strategies/{strategy}/sections/{sections[0]}", admin,
                           {"heading": "Purpose", "body": "The strategy protects children online.\n\nIt covers everyone up to the age of 18."},
                           headers={"If-Match": "*"})
    check(status == 200, f"source edit: {status}")
    status, body, _ = call("POST", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator, raw=returned,
                           content_type="application/x-xliff+xml")
    report = json.loads(body) if status == 200 else {}
    check(status == 200, f"import: {status} {body[:300]}")
    check([r["id"] for r in report.get("refused", [])] == [f"s{sections[0]}.u2"], f"refused: {report.get('refused')}")
    check(report.get("saved") == len(units) - 1 and report.get("revisions") == 3, f"report: {report}")
    status, body, _ = call("GET", f"/strategies/{strategy}/sections/{sections[1]}/translation?lang=sr-Latn", translator)
    translation = json.loads(body)
    check(all(u["status"] == "current" and u["text"] == "SR: " + u["source"] for u in translation["units"]),
          f"translated units: {translation['units']}")
    status, body, _ = call("GET", f"/strategies/{strategy}/translations", translator)
    serbian = next(item for item in json.loads(body)["items"] if item["language"] == "sr-Latn")
    check(serbian["counts"] == {"current": 9, "outdated": 0, "missing": 1, "total": 10}, f"status: {serbian['counts']}")

    # A second export holds only the refused unit, and its import makes the language complete.
    status, exported, _ = call("GET", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator)
    store = xliff.xlifffile.parsestring(exported)
    again = [unit for unit in store.units if not unit.isheader()]
    check([unit_id(unit) for unit in again] == [f"s{sections[0]}.u2"], f"second export: {[unit_id(u) for u in again]}")
    for unit in again:
        unit.target = "SR: " + unit.source
    status, body, _ = call("POST", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator, raw=bytes(store),
                           content_type="application/x-xliff+xml")
    check(status == 200 and json.loads(body)["saved"] == 1, f"second import: {status} {body[:200]}")

    # Hostile and wrong files: each a 4xx problem, nothing written.
    status, body, _ = call("POST", "/strategies", admin, {"title": "Another", "translations": ["sr-Latn"]})
    other = json.loads(body)["id"]
    status, body, _ = call("POST", f"/strategies/{other}/sections", admin, {"heading": "Elsewhere", "body": "Other text."})
    other_section = json.loads(body)["id"]

    def before():
        return call("GET", f"/strategies/{strategy}/translations", translator)[1]

    state = before()
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    unit = f'<trans-unit id="s{sections[2]}.u1"><source>A yearly report is published.</source><target>X</target></trans-unit>'
    xliff_doc = lambda units, lang="sr-Latn": (head + '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                                               f'<file original="x" source-language="en" target-language="{lang}" datatype="plaintext"><body>'
                                               + units + '</body></file></xliff>').encode()
    hostile = {
        "a DTD": (head + '<!DOCTYPE xliff SYSTEM "http://example.org/xliff.dtd">' + xliff_doc(unit).decode()[len(head):]).encode(),
        "an entity bomb": (head + '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                           + '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file target-language="sr-Latn"><body>'
                           + f'<trans-unit id="s{sections[2]}.u1"><source>&b;</source><target>&b;</target></trans-unit></body></file></xliff>').encode(),
        "100 MB": xliff_doc(f'<trans-unit id="s{sections[2]}.u1"><source>A yearly report is published.</source><target>'
                            + "x" * (100 * 1024 * 1024) + '</target></trans-unit>'),
        "deep nesting": xliff_doc('<group>' * 5000 + unit + '</group>' * 5000),
        "units of another strategy": xliff_doc(f'<trans-unit id="s{other_section}.u1"><source>Other text.</source><target>X</target></trans-unit>'),
        "another language": xliff_doc(unit, lang="sq"),
        "not XLIFF": (head + '<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title></article>').encode(),
        "not well-formed": xliff_doc(unit)[:-20],
        "an id this service never made": xliff_doc('<trans-unit id="../../etc/passwd"><source>x</source><target>y</target></trans-unit>'),
    }
    for name, document in hostile.items():
        started = time.monotonic()
        status, body, _ = call("POST", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator, raw=document,
                               content_type="application/x-xliff+xml")
        elapsed = time.monotonic() - started
        check(400 <= status < 500, f"{name}: {status} {body[:200]}")
        if status != 413:
            check(body.startswith(b"{") and b'"status"' in body, f"{name}: a problem+json ({body[:120]})")
        check(elapsed < 10, f"{name}: answered in {elapsed:.1f} s")
        print(f"  {name}: {status} in {elapsed * 1000:.0f} ms")
    status, body, _ = call("POST", f"/strategies/{strategy}/translations/sr-Latn/xliff", translator, raw=xliff_doc(unit), content_type="text/plain")
    check(status == 415, f"the wrong media type: {status}")
    status, body, _ = call("POST", f"/strategies/{strategy}/translations/sq/xliff", translator, raw=xliff_doc(unit, "sq"),
                           content_type="application/x-xliff+xml")
    check(status == 403, f"a language that is not the translator's: {status}")
    check(before() == state, "nothing written by the refused files")
    status, _, _ = call("GET", "/health", translator)
    check(status == 200, "the service is up after the hostile files")
finally:
    server.terminate()
    server.wait(timeout=10)

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("XLIFF round trip through translate-toolkit: every unit saved but the one whose source changed; every hostile file refused")
