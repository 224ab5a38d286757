"""Listing comments with anchor statuses on a section with many revisions vs one with a single revision.

Set-up (untimed): two ~10 KB sections with the same generated text. COMMENTS comments are posted on revision 1
of each, on random passages of 2–8 words, from 8 clients at once. The second section then gets REVISIONS - 1
more revisions, each rewording, inserting and deleting a few sentences, so its comments are shifted, changed
or orphaned by the end. Timed: listing every comment of a section (pages of 200, `?section=`), RUNS times
after WARMUP untimed rounds; the first listing after the last revision is reported on its own, as it is the one
that maps the passages from the revision they were last seen on. Prints JSON: medians in milliseconds.
Usage: anchors.py PORT TOKEN STRATEGY [COMMENTS] [REVISIONS] [RUNS] [SEED]"""
import json
import os
import random
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "drafting"))
from client import Client  # noqa: E402

port, token, strategy = int(sys.argv[1]), sys.argv[2], sys.argv[3]
comments = int(sys.argv[4]) if len(sys.argv) > 4 else 500
revisions = int(sys.argv[5]) if len(sys.argv) > 5 else 50
runs = int(sys.argv[6]) if len(sys.argv) > 6 else 20
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 1
WARMUP = 3
base = f"/strategies/{strategy}"
WORDS = ["children", "online", "safety", "parents", "schools", "platforms", "report", "harm", "helpline", "teachers",
         "measures", "protect", "support", "awareness", "training", "review", "the", "and", "of", "every", "digital",
         "rights", "abuse", "prevention", "industry", "government", "law", "youth", "privacy", "design"]
rng = random.Random(seed)


def sentence():
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22))).capitalize() + "."


sentences = [sentence() for _ in range(120)]
while len(" ".join(sentences).encode()) > 10_240:
    sentences.pop()
text = " ".join(sentences)
client = Client(port, token)
single = client.json("POST", base + "/sections", {"heading": "One revision", "body": text})["id"]
many = client.json("POST", base + "/sections", {"heading": "Many revisions", "body": text})["id"]

# Word boundaries, as UTF-8 offsets (the text is ASCII).
spans = []
position = 0
for word in text.split(" "):
    spans.append((position, position + len(word)))
    position += len(word) + 1
anchors = []
for _ in range(comments):
    first = rng.randrange(len(spans) - 8)
    last = first + rng.randint(1, 7)
    anchors.append((spans[first][0], spans[last][1]))


def post(slot, errors):
    try:
        own = Client(port, token)
        for index in range(slot, comments, 8):
            start, end = anchors[index]
            for section in (single, many):
                own.json("POST", base + "/comments", {"section": section, "revision": 1, "anchor": {"start": start, "end": end},
                                                      "body": f"Comment {index}", "kind": "editorial"})
    except Exception as error:  # noqa: BLE001
        errors.append(error)


errors = []
threads = [threading.Thread(target=post, args=(slot, errors)) for slot in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
if errors:
    raise errors[0]

current = list(sentences)
for revision in range(2, revisions + 1):
    for _ in range(3):
        choice = rng.random()
        index = rng.randrange(len(current))
        if choice < 0.5:
            words = current[index][:-1].split(" ")
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            current[index] = " ".join(words) + "."
        elif choice < 0.75:
            current.insert(index, sentence())
        elif len(current) > 10:
            current.pop(index)
    client.json("PUT", f"{base}/sections/{many}", {"heading": "Many revisions", "body": " ".join(current)},
                {"If-Match": f'"{revision - 1}"'})


def list_all(section):
    items, cursor = [], None
    while True:
        path = f"{base}/comments?section={section}&limit=200" + (f"&cursor={cursor}" if cursor else "")
        page = client.json("GET", path)
        items += page["items"]
        cursor = page["nextCursor"]
        if not cursor:
            return items


start = time.perf_counter()
first = list_all(many)
first_ms = (time.perf_counter() - start) * 1000
time.sleep(0.5)  # the service stores the mapped passages after answering
statuses = {}
for item in first:
    statuses[item["anchor"]["status"]] = statuses.get(item["anchor"]["status"], 0) + 1
assert len(first) == comments and len(list_all(single)) == comments


def timed(section):
    for _ in range(WARMUP):
        list_all(section)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        list_all(section)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


many_ms, single_ms = timed(many), timed(single)
print(json.dumps({"comments": comments, "revisions": revisions, "manyMs": many_ms, "singleMs": single_ms,
                  "firstMs": first_ms, "statuses": statuses}))
