"""Latency of accepting an amendment vs a direct PUT of the same text, CONNECTIONS clients at once.

Set-up (untimed): each client creates ROUNDS pairs of 10 KB sections with the same text, edits one sentence of
each directly (revision 2), and proposes, on the first of each pair, an amendment to another sentence written
against revision 1 — so accepting it is a real three-way merge. Then all clients accept their amendments at
once (timed), and then all PUT, on the second section of each pair, exactly the text the accept produced
(timed). Each written section has no other open amendment. Prints JSON: medians and means in milliseconds.
Usage: accept_vs_put.py PORT TOKEN STRATEGY [CONNECTIONS] [ROUNDS] [SEED]"""
import json
import random
import statistics
import sys
import threading
import time

from client import Client

port, token, strategy = int(sys.argv[1]), sys.argv[2], sys.argv[3]
connections = int(sys.argv[4]) if len(sys.argv) > 4 else 16
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 40
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1
base = f"/strategies/{strategy}"
WORDS = ["children", "online", "safety", "parents", "schools", "platforms", "report", "harm", "helpline", "teachers",
         "measures", "protect", "support", "awareness", "training", "review", "the", "and", "of", "every"]


def run(slot, accepts, puts, errors, barrier):
    try:
        rng = random.Random(seed * 1000 + slot)
        client = Client(port, token)
        jobs = []
        for i in range(rounds):
            sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 20))).capitalize() + "." for _ in range(90)]
            while len(" ".join(sentences).encode()) > 10_240:
                sentences.pop()
            original = " ".join(sentences)
            a, b = rng.sample(range(len(sentences)), 2)
            edited = list(sentences)
            edited[a] = edited[a][:-1] + " as edited."
            proposal = list(sentences)
            proposal[b] = proposal[b][:-1] + " as amended."
            expected = list(edited)
            expected[b] = proposal[b]
            pair = []
            for name in ("Accept", "Put"):
                section = client.json("POST", base + "/sections", {"heading": f"{name} {slot}.{i}", "body": original})["id"]
                client.json("PUT", f"{base}/sections/{section}", {"heading": f"{name} {slot}.{i}", "body": " ".join(edited)},
                            {"If-Match": '"1"'})
                pair.append(section)
            number = client.json("POST", f"{base}/sections/{pair[0]}/amendments",
                                 {"baseRevision": 1, "body": " ".join(proposal), "rationale": "benchmark"})["number"]
            jobs.append((number, pair[1], f"Put {slot}.{i}", " ".join(expected)))

        barrier.wait()
        for number, _, _, expected in jobs:
            start = time.perf_counter()
            status, payload, _ = client.call("POST", f"{base}/amendments/{number}/accept")
            accepts.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"accept → {status}: {payload[:300]!r}")
        barrier.wait()
        for _, section, heading, expected in jobs:
            start = time.perf_counter()
            status, payload, _ = client.call("PUT", f"{base}/sections/{section}", {"heading": heading, "body": expected},
                                              {"If-Match": '"2"'})
            puts.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"PUT → {status}: {payload[:300]!r}")
        # The accept must have produced exactly the text that was PUT.
        for number, _, _, expected in jobs[:3]:
            amendment = client.json("GET", f"{base}/amendments/{number}")
            section = client.json("GET", f"{base}/sections/{amendment['section']}")
            if section["body"] != expected:
                raise RuntimeError("the accepted text differs from the expected merge")
    except Exception as error:  # reported by the main thread
        errors.append(repr(error))
        barrier.abort()


accepts, puts, errors = [], [], []
barrier = threading.Barrier(connections)
threads = [threading.Thread(target=run, args=(slot, accepts, puts, errors, barrier)) for slot in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
if errors:
    sys.exit("errors: " + "; ".join(errors[:3]))
ms = lambda values: round(1000 * values, 3)
print(json.dumps({
    "accepts": len(accepts), "puts": len(puts),
    "acceptMedianMs": ms(statistics.median(accepts)), "putMedianMs": ms(statistics.median(puts)),
    "acceptMeanMs": ms(statistics.mean(accepts)), "putMeanMs": ms(statistics.mean(puts)),
}))
