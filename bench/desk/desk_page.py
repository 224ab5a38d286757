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
session = client.sign_in(facilitator["id"])

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
