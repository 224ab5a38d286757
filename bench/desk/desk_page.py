#!/usr/bin/env python3
"""The facilitator's desk against the JSON API calls that fetch the same data.

Sets up 10 sections of 8 paragraphs, 100 open amendments (20 collision groups of 3 amendments changing the same
words, and 40 amendments alone) and 300 comments awaiting a disposition (a third with suggestions), signs the
facilitator in through an invitation link, then times, in alternating rounds on kept-alive loopback connections:
  ours:     GET /app/strategies/{s}/desk  (the HTML page, rendered by the server)
  baseline: GET /strategies/{s} + GET …/sections + GET …/amendments?status=open + GET …/comments?status=open (2 pages)
            + GET …/amendments/{n}/collisions for each of the 60 amendments that collide
Prints one JSON object: medians in ms and the ratio.
Usage: desk_page.py PORT ADMIN_TOKEN RUNS SEED
"""

import http.client
import json
import random
import re
import statistics
import sys
import time
import urllib.parse

port, admin, runs, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
WORDS = ("children online safety parents schools platforms report harm education privacy consent age design "
         "industry government civil society support trust data protection awareness abuse helpline training").split()


def connection():
    return http.client.HTTPConnection("127.0.0.1", port)


api_connection = connection()


def call(method, path, token=None, body=None, headers=None, conn=None):
    conn = conn or api_connection
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body)
        all_headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=all_headers)
    response = conn.getresponse()
    return response.status, response.read(), response


def create(path, body, token=admin, expected=201):
    status, payload, _ = call("POST", path, token, body)
    assert status == expected, (path, status, payload[:300])
    return json.loads(payload) if payload else None


def sentence():
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


groups = ["government", "industry", "civil-society"]
strategy = create("/strategies", {"title": "Desk benchmark", "groups": [{"key": g} for g in groups]})["id"]
people = []
for index in range(9):
    person = create("/accounts", {"name": f"Member {index}", "email": f"member{index}@bench.example"})
    status, payload, _ = call("PUT", f"/strategies/{strategy}/members/{person['id']}", admin,
                              {"role": "member", "group": groups[index % 3]})
    assert status == 201, payload
    people.append(person)
facilitator = create("/accounts", {"name": "Facilitator", "email": "facilitator@bench.example"})
call("PUT", f"/strategies/{strategy}/members/{facilitator['id']}", admin, {"role": "facilitator"})

colliding = []
for number in range(10):
    paragraphs = [" ".join(sentence() for _ in range(4)) for _ in range(8)]
    body = "\n\n".join(paragraphs)
    section = create(f"/strategies/{strategy}/sections", {"heading": f"Section {number + 1}", "body": body},
                     facilitator["token"])["id"]
    # Two collision groups of three: each replaces the first word of paragraph 0 or 1, differently.
    for target in (0, 1):
        for variant in range(3):
            changed = list(paragraphs)
            changed[target] = f"Variant{variant} " + changed[target].split(" ", 1)[1]
            amendment = create(f"/strategies/{strategy}/sections/{section}/amendments", {
                "baseRevision": 1, "body": "\n\n".join(changed), "rationale": sentence(),
            }, people[(target * 3 + variant) % 9]["token"])
            colliding.append(amendment["number"])
    # Four alone, each on a paragraph of its own.
    for target in range(2, 6):
        changed = list(paragraphs)
        changed[target] = changed[target] + " " + sentence()
        create(f"/strategies/{strategy}/sections/{section}/amendments", {
            "baseRevision": 1, "body": "\n\n".join(changed), "rationale": sentence(),
        }, people[target % 9]["token"])
    # 30 comments on passages of the last two paragraphs, a third with a suggestion.
    for index in range(30):
        paragraph = paragraphs[6 + index % 2]
        offset = len("\n\n".join(paragraphs[:6 + index % 2]).encode()) + 2
        words = [m.span() for m in re.finditer(r"\w+(?: \w+){1,3}", paragraph)]
        start, end = rng.choice(words)
        start, end = offset + len(paragraph[:start].encode()), offset + len(paragraph[:end].encode())
        comment = {"section": section, "revision": 1, "anchor": {"start": start, "end": end},
                   "kind": rng.choice(["general", "editorial", "substantive"]), "body": sentence()}
        if index % 3 == 0:
            comment["suggestion"] = sentence()
        create(f"/strategies/{strategy}/comments", comment, rng.choice(people)["token"])

# The facilitator signs in to the browser interface through an invitation link.
invitation = create(f"/accounts/{facilitator['id']}/invitations", {})
path = urllib.parse.urlparse(invitation["url"]).path
browser = connection()
status, page, response = call("GET", path, conn=browser)
form_cookie = response.getheader("Set-Cookie").split(";")[0]
csrf = re.search(r'name="csrf" value="([^"]+)"', page.decode()).group(1)
password = "benchmark passphrase of some length"
form = urllib.parse.urlencode({"csrf": csrf, "password": password, "repeatPassword": password})
browser.request("POST", path, body=form, headers={"Cookie": form_cookie, "Content-Type": "application/x-www-form-urlencoded"})
response = browser.getresponse()
response.read()
assert response.status == 303, response.status
session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("strategy_session=")][0].split(";")[0]

page_path = f"/app/strategies/{strategy}/desk"
json_paths = [
    f"/strategies/{strategy}", f"/strategies/{strategy}/sections", f"/strategies/{strategy}/amendments?status=open&limit=200",
    f"/strategies/{strategy}/comments?status=open&limit=200",
] + [f"/strategies/{strategy}/amendments/{n}/collisions" for n in colliding]
page_connection, json_connection = connection(), connection()


def fetch_page():
    status, payload, _ = call("GET", page_path, conn=page_connection, headers={"Cookie": session})
    assert status == 200, status
    return payload


def fetch_json():
    size = 0
    for json_path in json_paths:
        status, payload, _ = call("GET", json_path, facilitator["token"], conn=json_connection)
        assert status == 200, (json_path, status)
        size += len(payload)
        if "/comments?" in json_path:
            after = json.loads(payload).get("nextAfter")
            if after:  # the second page of the 300 comments
                status, payload, _ = call("GET", json_path + f"&after={after}", facilitator["token"], conn=json_connection)
                assert status == 200, status
                size += len(payload)
    return size


html = fetch_page().decode()
assert html.count('<li class="amendment"') == 100, html.count('<li class="amendment"')
assert html.count("change the same words") == 20, html.count("change the same words")
assert html.count('<li class="comment"') == 300, html.count('<li class="comment"')
json_bytes = fetch_json()

ours, baseline = [], []
for _ in range(3):  # warm-up
    fetch_page()
    fetch_json()
for round_ in range(runs):
    for measure, samples in ((fetch_page, ours), (fetch_json, baseline)):
        start = time.perf_counter()
        measure()
        samples.append((time.perf_counter() - start) * 1000)

print(json.dumps({
    "oursMs": statistics.median(ours), "baselineMs": statistics.median(baseline),
    "ratio": statistics.median(ours) / statistics.median(baseline), "runs": runs, "pageBytes": len(html.encode()),
    "jsonBytes": json_bytes, "jsonCalls": len(json_paths) + 1,
}))
