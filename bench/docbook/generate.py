"""Creates a generated strategy through the API: SECTIONS sections in two levels, ~1 MB of Markdown-subset text
with emphasis, strong text, links and lists. Prints the strategy id.
Usage: generate.py PORT TOKEN SEED [SECTIONS]"""
import json
import random
import sys
import urllib.request

port, token, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sections = int(sys.argv[4]) if len(sys.argv) > 4 else 200
rng = random.Random(seed)
WORDS = ["children", "online", "safety", "parents", "schools", "platforms", "report", "harm", "helpline", "teachers",
         "government", "industry", "society", "law", "data", "privacy", "design", "measures", "protect", "support",
         "the", "and", "of", "to", "in", "for", "with", "every", "must", "will", "national", "local", "Ñandú", "café"]


def call(method, path, body):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))


def sentence():
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    k = rng.randrange(len(words))
    kind = rng.random()
    if kind < 0.15:
        words[k] = f"*{words[k]}*"
    elif kind < 0.25:
        words[k] = f"**{words[k]}**"
    elif kind < 0.3:
        words[k] = f"[{words[k]}](https://example.org/{words[k]}?a=1&b=2)"
    return " ".join(words).capitalize() + "."


def body():
    blocks = []
    while sum(len(b) for b in blocks) < 4800:
        if rng.random() < 0.15:
            blocks.append("\n".join("- " + sentence() for _ in range(rng.randint(2, 5))))
        else:
            blocks.append(" ".join(sentence() for _ in range(rng.randint(4, 8))))
    return "\n\n".join(blocks)


strategy = call("POST", "/strategies", {"title": "Generated strategy", "summary": "A generated strategy.\n\nFor the benchmark."})["id"]
parent = None
for index in range(sections):
    top = index % 5 == 0
    created = call("POST", f"/strategies/{strategy}/sections",
                   {"heading": f"Section {index + 1} & <more>", "body": body(), **({} if top or parent is None else {"parent": parent})})
    if top:
        parent = created["id"]
print(strategy)
