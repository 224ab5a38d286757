#!/usr/bin/env python3
"""The browser interface's section page against the JSON API calls that fetch the same data.

Sets up a section of ~6 KB with 50 comments (on passages of several revisions, so some are shifted or changed)
and 10 open amendments, signs a member in through an invitation link, then times, in alternating rounds on
kept-alive loopback connections:
  ours:     GET /app/strategies/{s}/sections/{x}  (the HTML page, rendered by the server)
  baseline: GET /strategies/{s}/sections/{x} + GET …/comments?section={x} + GET …/sections/{x}/amendments?status=open
Prints one JSON object: medians in ms, the ratio, and the page's weight with its stylesheet and script.
Usage: section_page.py PORT ADMIN_TOKEN RUNS SEED
"""

import json
import os
import random
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pages import Client, sentence as random_sentence  # noqa: E402

port, admin, runs, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
client = Client(port, admin)
call, create, connection = client.call, client.create, client.connection


def sentence():
    return random_sentence(rng)


def paragraph():
    return " ".join(sentence() for _ in range(rng.randint(3, 6)))


strategy = create("/strategies", {"title": "Section page benchmark", "groups": [{"key": "government"}, {"key": "industry"}]})["id"]
people = []
for index in range(6):
    person = create("/accounts", {"name": f"Member {index}", "email": f"member{index}@bench.example"})
    group = "government" if index % 2 else "industry"
    status, payload, _ = call("PUT", f"/strategies/{strategy}/members/{person['id']}", admin, {"role": "member", "group": group})
    assert status == 201, payload
    people.append(person)
facilitator = create("/accounts", {"name": "Facilitator"})
call("PUT", f"/strategies/{strategy}/members/{facilitator['id']}", admin, {"role": "facilitator"})

body = "\n\n".join(paragraph() for _ in range(12))
section = create(f"/strategies/{strategy}/sections", {"heading": "Parents and teachers", "body": body}, facilitator["token"])
section_id = section["id"]


def comment(revision, text):
    words = [m.span() for m in re.finditer(r"\w+(?: \w+){1,4}", text)]
    start, end = rng.choice(words)
    start, end = len(text[:start].encode()), len(text[:end].encode())
    kind = rng.choice(["general", "editorial", "substantive"])
    create(f"/strategies/{strategy}/comments", {
        "section": section_id, "revision": revision, "anchor": {"start": start, "end": end}, "kind": kind, "body": sentence(),
    }, rng.choice(people)["token"])


# 50 comments over 5 revisions: each edit changes a paragraph, so earlier passages shift, change or vanish.
revision = 1
for round_ in range(5):
    for _ in range(10):
        comment(revision, body)
    paragraphs = body.split("\n\n")
    paragraphs[rng.randrange(len(paragraphs))] = paragraph()
    paragraphs.insert(0, sentence())
    body = "\n\n".join(paragraphs)
    status, payload, _ = call("PUT", f"/strategies/{strategy}/sections/{section_id}", facilitator["token"],
                              {"heading": "Parents and teachers", "body": body}, {"If-Match": f'"{revision}"'})
    assert status == 200, payload
    revision += 1

# 10 open amendments, each changing one paragraph of the current text.
for index in range(10):
    paragraphs = body.split("\n\n")
    paragraphs[index % len(paragraphs)] = paragraph()
    create(f"/strategies/{strategy}/sections/{section_id}/amendments", {
        "baseRevision": revision, "body": "\n\n".join(paragraphs), "rationale": sentence(),
    }, people[index % len(people)]["token"])

# A member signs in to the browser interface through an invitation link.
reader = people[0]
session = client.sign_in(reader["id"])

page_path = f"/app/strategies/{strategy}/sections/{section_id}"
json_paths = [
    f"/strategies/{strategy}/sections/{section_id}",
    f"/strategies/{strategy}/comments?section={section_id}&limit=200",
    f"/strategies/{strategy}/sections/{section_id}/amendments?status=open&limit=200",
]
page_connection, json_connection = connection(), connection()


def fetch_page():
    status, payload, _ = call("GET", page_path, conn=page_connection, headers={"Cookie": session})
    assert status == 200, status
    return payload


def fetch_json():
    size = 0
    for json_path in json_paths:
        status, payload, _ = call("GET", json_path, reader["token"], conn=json_connection)
        assert status == 200, (json_path, status)
        size += len(payload)
    return size


page = fetch_page()
html = page.decode()
assert html.count('class="comment"') == 50, html.count('class="comment"')
assert html.count('class="amendment"') == 10, html.count('class="amendment"')
assets = re.findall(r'(?:href|src)="(/app/assets/[^"]+)"', html)
asset_bytes = 0
for asset in assets:
    status, payload, _ = call("GET", asset, conn=page_connection)
    asset_bytes += len(payload)
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
    "ratio": statistics.median(ours) / statistics.median(baseline),
    "pageBytes": len(page), "assetBytes": asset_bytes, "jsonBytes": json_bytes, "runs": runs,
    "bodyBytes": len(body.encode()), "revisions": revision,
}))
