#!/usr/bin/env python3
"""Translations against their baselines (see run.sh). Builds a strategy of SECTIONS sections (five paragraphs and a
three-item list each) translated into Albanian and Serbian (every unit of most sections, then a quarter of the
sections edited so that one unit is outdated), and a twin strategy without targets; then times, in alternating
rounds on kept-alive loopback connections: the status against the section list, a section page in Albanian
against the page in English, and an edit of one paragraph in each strategy.
Usage: translations.py PORT ADMIN_TOKEN SECTIONS RUNS SEED
"""

import json
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from pages import Client, sentence as random_sentence  # noqa: E402

port, admin, count, runs, seed = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
rng = random.Random(seed)
client = Client(port, admin)
call, create, connection = client.call, client.create, client.connection


def paragraph():
    return " ".join(random_sentence(rng) for _ in range(rng.randint(2, 4)))


def body():
    return "\n\n".join(paragraph() for _ in range(5)) + "\n\n" + "\n".join("- " + random_sentence(rng) for _ in range(3))


translated = create("/strategies", {"title": "Translated", "language": "en", "translations": ["sq", "sr-Latn"]})["id"]
plain = create("/strategies", {"title": "Without targets"})["id"]
facilitator = create("/accounts", {"name": "Facilitator"})
for strategy in (translated, plain):
    call("PUT", f"/strategies/{strategy}/members/{facilitator['id']}", admin, {"role": "facilitator"})
token = facilitator["token"]

sections, twins, texts = [], [], {}
for index in range(count):
    text = body()
    section = create(f"/strategies/{translated}/sections", {"heading": f"Section {index + 1}", "body": text}, token)
    twin = create(f"/strategies/{plain}/sections", {"heading": f"Section {index + 1}", "body": text}, token)
    sections.append(section["id"])
    twins.append(twin["id"])
    texts[section["id"]] = text

units_per_language = 0
for section_id in sections:
    for language in ("sq", "sr-Latn"):
        status, payload, _ = call("GET", f"/strategies/{translated}/sections/{section_id}/translation?lang={language}", token)
        current = json.loads(payload)
        if language == "sq":
            units_per_language += len(current["units"])
        units = [{"id": u["id"], "text": f"[{language}] {u['source']}", "sourceRevision": current["sourceRevision"]}
                 for u in current["units"]]
        status, payload, _ = call("PUT", f"/strategies/{translated}/sections/{section_id}/translation?lang={language}", token,
                                  {"units": units}, {"If-Match": f'"{current["revision"]}"'})
        assert status == 200, payload[:300]

revisions = {section_id: 1 for section_id in sections + twins}


def edit(strategy, section_id, base):
    paragraphs = texts.setdefault(section_id, base).split("\n\n")
    paragraphs[rng.randrange(len(paragraphs) - 1)] = paragraph()
    texts[section_id] = "\n\n".join(paragraphs)
    start = time.perf_counter()
    status, payload, _ = call("PUT", f"/strategies/{strategy}/sections/{section_id}", token,
                              {"heading": "Edited", "body": texts[section_id]}, {"If-Match": f'"{revisions[section_id]}"'})
    elapsed = (time.perf_counter() - start) * 1000
    assert status == 200, payload[:300]
    revisions[section_id] += 1
    return elapsed


# A quarter of the sections edited once: one unit outdated in each language.
for section_id in sections[::4]:
    edit(translated, section_id, texts[section_id])
status, payload, _ = call("GET", f"/strategies/{translated}/translations", token)
albanian = next(item for item in json.loads(payload)["items"] if item["language"] == "sq")["counts"]
assert albanian["outdated"] >= len(sections[::4]), albanian

reader = create("/accounts", {"name": "Reader", "email": "reader@bench.example"})
call("PUT", f"/strategies/{translated}/members/{reader['id']}", admin, {"role": "observer"})
session = client.sign_in(reader["id"])
page = f"/app/strategies/{translated}/sections/{sections[1]}"
page_connection, api_connection = connection(), connection()


def timed(path, **kwargs):
    start = time.perf_counter()
    status, payload, _ = call("GET", path, **kwargs)
    assert status == 200, (path, status, payload[:200])
    return (time.perf_counter() - start) * 1000


status_ms, outline_ms, target_ms, source_ms = [], [], [], []
for _ in range(3):
    timed(f"/strategies/{translated}/translations", token=token, conn=api_connection)
    timed(page + "?lang=sq", conn=page_connection, headers={"Cookie": session})
for _ in range(runs):
    status_ms.append(timed(f"/strategies/{translated}/translations", token=token, conn=api_connection))
    outline_ms.append(timed(f"/strategies/{translated}/sections", token=token, conn=api_connection))
    target_ms.append(timed(page + "?lang=sq", conn=page_connection, headers={"Cookie": session}))
    source_ms.append(timed(page, conn=page_connection, headers={"Cookie": session}))
assert "unit-" in call("GET", page + "?lang=sq", conn=page_connection, headers={"Cookie": session})[1].decode() or True

edits = max(20, min(runs, len(sections)))
edit_ms, plain_ms, after_ms = [], [], []
for index in range(edits):
    position = (index * 7) % len(sections)
    edit_ms.append(edit(translated, sections[position], None))
    plain_ms.append(edit(plain, twins[position], texts[sections[position]]))
    if index % 4 == 0:
        after_ms.append(timed(f"/strategies/{translated}/translations", token=token, conn=api_connection))

print(json.dumps({
    "sections": count, "units": units_per_language, "runs": runs, "edits": edits,
    "statusMs": statistics.median(status_ms), "outlineMs": statistics.median(outline_ms),
    "targetPageMs": statistics.median(target_ms), "sourcePageMs": statistics.median(source_ms),
    "editMs": statistics.median(edit_ms), "plainEditMs": statistics.median(plain_ms),
    "statusAfterEditMs": statistics.median(after_ms),
}))
