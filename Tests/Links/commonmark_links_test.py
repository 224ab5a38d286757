#!/usr/bin/env python3
"""The link rule against an outside CommonMark renderer (#24.8), on the real binary on loopback.

  python3 Tests/Links/commonmark_links_test.py BINARY

Every body of fixtures/links/cases.txt (hostile spellings of javascript:, data:, vbscript: and file: links, and
the link examples of the CommonMark spec's section on links) is sent to the API as a section text, as a comment
and as a strategy summary. Whatever the API accepts is rendered by markdown-it-py in its CommonMark preset with
every link let through (validateLink always true, raw HTML off: the API stores text, and a renderer that passes
raw HTML through renders any <script> whatever the link rule says); no href or src it produces may have a
scheme other than https:, http: or mailto:. The run also checks the oracle can fail: the corpus must hold bodies
that markdown-it would render with a javascript: href, and the API must refuse every one of them.
"""
import http.client, json, os, re, socket, subprocess, sys, tempfile, time
from markdown_it import MarkdownIt

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
text = open(os.path.join(root, "fixtures/links/cases.txt"), encoding="utf-8").read()
chunks = text.split("\n----\n")
chunks[0] = "\n".join(line for line in chunks[0].splitlines() if not line.startswith("#"))
bodies = [chunk for chunk in chunks if chunk.strip()]

md = MarkdownIt("commonmark", {"html": False})
md.validateLink = lambda url: True
ALLOWED = ("https:", "http:", "mailto:")


def hrefs(body):
    html = md.render(body)
    return [re.sub(r"&amp;", "&", m) for m in re.findall(r'(?:href|src)="([^"]*)"', html)]


def bad(url):
    # As a browser's URL parser reads it: leading controls and spaces stripped, tabs and newlines removed.
    cleaned = re.sub(r"[\t\n\r]", "", url.lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 ")).lower()
    return not cleaned.startswith(ALLOWED)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


work = tempfile.mkdtemp(prefix="links-")
db = os.path.join(work, "links.sqlite")
port = free_port()


def call(method, path, token, payload):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=json.dumps(payload),
                           headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


admin = subprocess.run([binary, "account", "add", "Links admin", "--admin", "--database", db],
                       check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
server = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
failures = []
try:
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.05)
    status, body = call("POST", "/strategies", admin, {"title": "Links"})
    strategy = json.loads(body)["id"]
    status, body = call("POST", f"/strategies/{strategy}/sections", admin, {"heading": "Base", "body": "Base text."})
    section = json.loads(body)["id"]
    call("PATCH", f"/strategies/{strategy}", admin, {"phase": "consultation"})

    accepted = refused = dangerous = 0
    for body in bodies:
        dangerous_here = any(bad(url) and url.lower().lstrip().startswith(("javascript", "data", "vbscript", "file"))
                             for url in hrefs(body))
        dangerous += dangerous_here
        answers = [
            call("POST", f"/strategies/{strategy}/sections", admin, {"heading": "Link case", "body": body})[0],
            call("POST", f"/strategies/{strategy}/comments", admin, {"section": section, "revision": 1, "body": body})[0],
            call("POST", "/strategies", admin, {"title": "Link case", "summary": body})[0],
        ]
        for where, status in zip(("section", "comment", "summary"), answers):
            if status in (200, 201):
                accepted += 1
                for url in hrefs(body):
                    if bad(url):
                        failures.append(f"{where}: accepted {body!r}, which renders href={url!r}")
                if dangerous_here:
                    failures.append(f"{where}: accepted {body!r}, a javascript:/data: link to markdown-it")
            elif status == 422:
                refused += 1
            else:
                failures.append(f"{where}: {body!r} answered {status}")
    if dangerous < 15:
        failures.append(f"only {dangerous} bodies render a dangerous link: the oracle would not notice a broken rule")
    if accepted < 20:
        failures.append(f"only {accepted} answers accepted a body: the corpus no longer holds ordinary links")
    print(f"{len(bodies)} bodies × 3 fields: {accepted} accepted and rendered safely, {refused} refused (422); "
          f"{dangerous} bodies render a dangerous link in markdown-it")
finally:
    server.terminate()
    server.wait(timeout=15)

for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures else 0)
