"""Latency of accepting an amendment vs a direct PUT of the same text, CONNECTIONS clients at once.

Each client owns two 10 KB sections with the same text. On the first it repeatedly proposes an amendment that
changes one sentence, written against the revision *before* the current one (so every accept is a real
three-way merge), and accepts it: only the accept is timed. On the second it PUTs exactly the text each accept
produced, with If-Match: each PUT is timed. Both phases put the same untimed load around each timed request
(one proposal and one read), all clients run the same phase at once (a barrier separates them), and no other
amendment is open on the section that is written. Prints JSON with the medians and means in milliseconds.
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
        sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 20))).capitalize() + "." for _ in range(80)]
        while len(" ".join(sentences).encode()) > 10_240:
            sentences.pop()
        texts = [" ".join(sentences)]
        amended = client.json("POST", base + "/sections", {"heading": f"Accept {slot}", "body": texts[0]})["id"]
        direct = client.json("POST", base + "/sections", {"heading": f"Put {slot}", "body": texts[0]})["id"]
        scratch = client.json("POST", base + "/sections", {"heading": f"Scratch {slot}", "body": texts[0]})["id"]

        def proposal(i):
            # Revision r of the written sections has text texts[r - 1]; propose against the one before the current.
            base_revision = max(1, len(texts) - 1)
            parts = texts[base_revision - 1].split(". ")
            k = i % len(parts)
            parts[k] = parts[k].rstrip(".") + f" now {slot} {i}"
            text = ". ".join(parts)
            return base_revision, text if text.endswith(".") else text + "."

        barrier.wait()
        for i in range(rounds):
            base_revision, text = proposal(i)
            number = client.json("POST", f"{base}/sections/{amended}/amendments",
                                 {"baseRevision": base_revision, "body": text, "rationale": "benchmark"})["number"]
            start = time.perf_counter()
            status, payload, _ = client.call("POST", f"{base}/amendments/{number}/accept")
            accepts.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"accept → {status}: {payload[:300]!r}")
            texts.append(client.json("GET", f"{base}/sections/{amended}")["body"])
        barrier.wait()
        for revision in range(2, len(texts) + 1):
            client.json("POST", f"{base}/sections/{scratch}/amendments",
                        {"baseRevision": 1, "body": texts[revision - 1], "rationale": "benchmark"})
            start = time.perf_counter()
            status, payload, _ = client.call("PUT", f"{base}/sections/{direct}",
                                              {"heading": f"Put {slot}", "body": texts[revision - 1]},
                                              {"If-Match": f'"{revision - 1}"'})
            puts.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"PUT → {status}: {payload[:300]!r}")
            if client.json("GET", f"{base}/sections/{direct}")["body"] != texts[revision - 1]:
                raise RuntimeError("PUT did not store the accepted text")
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
