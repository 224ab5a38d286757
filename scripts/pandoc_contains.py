"""Checks that every section heading and paragraph of the demo fixture appears in pandoc's Markdown of the export.
Usage: pandoc_contains.py FIXTURE.json PANDOC.md   (exit 1 and the missing texts otherwise)"""
import json
import re
import sys


def plain(text):
    """Text without Markdown markup, escapes or line breaks, so both sides compare as words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)      # links → their text
    text = re.sub(r"\{#[^}]*\}", "", text)                      # pandoc's heading ids
    text = text.replace("\\", "").replace("*", "").replace("_", "")
    # pandoc's Markdown spells typographic dashes and quotes in ASCII.
    text = text.replace("—", "---").replace("–", "--").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


fixture = json.load(open(sys.argv[1]))
markdown = plain(open(sys.argv[2]).read())
texts = [fixture["title"]]


def walk(sections):
    for section in sections:
        texts.append(section["heading"])
        for block in section.get("body", "").split("\n\n"):
            for line in block.split("\n"):
                line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line)
                if line.strip():
                    texts.append(line)
        walk(section.get("sections", []))


walk(fixture["sections"])
missing = [text for text in texts if plain(text) not in markdown]
for text in missing:
    print("missing:", text[:100])
print(f"{len(texts) - len(missing)} of {len(texts)} headings and paragraphs found")
sys.exit(1 if missing else 0)
