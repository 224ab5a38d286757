"""Builds a generated strategy of SECTIONS sections (about 1 MB of text) through the API, cuts draft 1, edits
about 2 % of the words of every section (plus a few renames), cuts draft 2, and writes both drafts' bodies,
concatenated in reading order, to OUT/draft1.txt and OUT/draft2.txt for the baseline.
Usage: compare_setup.py PORT TOKEN STRATEGY OUT SEED [SECTIONS]"""
import random
import sys

from client import Client

port, token, strategy, out, seed = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
sections = int(sys.argv[6]) if len(sys.argv) > 6 else 200
rng = random.Random(seed)
VOCABULARY = [
    "children", "online", "safety", "parents", "schools", "platforms", "report", "harm", "helpline", "teachers",
    "government", "industry", "civil", "society", "law", "enforcement", "data", "privacy", "age", "design",
    "measures", "strategy", "protect", "support", "victims", "abuse", "prevention", "awareness", "training", "review",
    "the", "and", "of", "to", "in", "for", "with", "every", "each", "must", "will", "should", "national", "local",
]


def sentence():
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def paragraph():
    return " ".join(sentence() for _ in range(rng.randint(6, 10)))


def body():
    text = ""
    while len(text) < 4800:
        text += ("\n\n" if text else "") + paragraph()
    return text


def edit(text):
    words = text.split(" ")
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.4:
            words[i] = rng.choice(VOCABULARY)
        elif choice < 0.7:
            words.insert(i, rng.choice(VOCABULARY))
        elif len(words) > 1 and "\n" not in words[i]:
            del words[i]
    return " ".join(words)


client = Client(port, token)
base = f"/strategies/{strategy}"
created = []
for index in range(sections):
    text = body()
    section = client.json("POST", base + "/sections", {"heading": f"Section {index + 1}", "body": text})
    created.append((section["id"], f"Section {index + 1}", text))
client.json("POST", base + "/drafts", {"title": "Benchmark draft 1"})
edited = []
for index, (section_id, heading, text) in enumerate(created):
    new_text = edit(text)
    new_heading = heading + " (revised)" if index % 25 == 0 else heading
    client.json("PUT", f"{base}/sections/{section_id}", {"heading": new_heading, "body": new_text}, {"If-Match": '"1"'})
    edited.append(new_text)
client.json("POST", base + "/drafts", {"title": "Benchmark draft 2"})
with open(f"{out}/draft1.txt", "w") as f:
    f.write("\n\n".join(text for _, _, text in created) + "\n")
with open(f"{out}/draft2.txt", "w") as f:
    f.write("\n\n".join(edited) + "\n")
print(sum(len(text.encode()) for _, _, text in created))
