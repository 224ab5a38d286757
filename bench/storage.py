#!/usr/bin/env python3
"""Storage growth of 1,000 one-sentence edits of a ~10 KB section, against 1,000 full copies.

Usage: storage.py BASE_URL TOKEN STRATEGY_ID DATABASE [EDITS] [SEED]
Drives the real HTTP API (keep-alive), then measures the database's pages in use after a WAL checkpoint.
"""
import http.client
import json
import random
import sqlite3
import sys
import urllib.parse

WORDS = ("children parents teachers schools online risks awareness platform report harm protection strategy "
         "working group government industry civil society measure support information session campaign safety "
         "privacy data helpline police referral protocol content contact conduct contract age design").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def used_bytes(path):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    free = connection.execute("PRAGMA freelist_count").fetchone()[0]
    size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    return (pages - free) * size


def main():
    base, token, strategy, database = sys.argv[1:5]
    edits = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
    rng = random.Random(int(sys.argv[6]) if len(sys.argv) > 6 else 42)
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < 10_000:
        paragraphs.append(paragraph(rng))
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

    def send(method, path, body, extra=None):
        connection.request(method, path, json.dumps(body), {**headers, **(extra or {})})
        response = connection.getresponse()
        data = json.loads(response.read() or b"{}")
        if response.status >= 300:
            raise SystemExit(f"{method} {path}: {response.status} {data}")
        return data

    section = send("POST", f"/strategies/{strategy}/sections", {"heading": "Storage benchmark", "body": "\n\n".join(paragraphs)})
    before = used_bytes(database)
    revision = section["revision"]
    full_copies = 0
    for _ in range(edits):
        index = rng.randrange(len(paragraphs))
        sentences = paragraphs[index].split(". ")
        sentences[rng.randrange(len(sentences))] = sentence(rng).rstrip(".")
        paragraphs[index] = ". ".join(sentences)
        body = "\n\n".join(paragraphs)
        full_copies += len(body.encode())
        result = send("PUT", f"/strategies/{strategy}/sections/{section['id']}", {"heading": "Storage benchmark", "body": body},
                      {"If-Match": f'"{revision}"'})
        revision = result["revision"]
    growth = used_bytes(database) - before
    print(json.dumps({"edits": edits, "sectionBytes": len("\n\n".join(paragraphs).encode()), "growthBytes": growth,
                      "fullCopiesBytes": full_copies, "ratio": growth / full_copies}))


if __name__ == "__main__":
    main()
