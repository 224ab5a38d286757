#!/usr/bin/env python3
"""Seeded inputs for the DiffEngine benchmark. Usage: generate.py DIRECTORY [SEED]"""
import os
import random
import sys

WORDS = ("children parents teachers schools online risks awareness platform report harm protection strategy working "
         "group government industry civil society measure support information session campaign safety privacy data "
         "helpline police referral protocol content contact conduct contract age design the a of and to in for with").split()


def line(rng):
    if rng.random() < 0.08:
        return "\n"
    indent = " " * (4 * rng.randint(0, 3))
    return indent + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + f" {rng.randint(0, 10**6)}\n"


def scattered(lines, rate, rng):
    out = list(lines)
    for _ in range(int(len(lines) * rate)):
        position = rng.randrange(len(out))
        choice = rng.random()
        if choice < 0.4:
            out[position] = line(rng)
        elif choice < 0.7:
            out.insert(position, line(rng))
        else:
            del out[position]
    return out


def paragraphs(count, rng):
    result = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            sentences.append(" ".join(words).capitalize() + ".")
        result.append(" ".join(sentences))
    return result


def change_words(text, rate, rng):
    words = text.split(" ")
    for _ in range(int(len(words) * rate)):
        words[rng.randrange(len(words))] = rng.choice(WORDS) + "x"
    return " ".join(words)


def write(directory, name, lines):
    with open(os.path.join(directory, name), "w") as f:
        f.writelines(lines)


def main():
    directory = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    os.makedirs(directory, exist_ok=True)
    for size, name in [(1_000_000, "1m"), (100_000, "100k")]:
        old = [line(rng) for _ in range(size)]
        write(directory, f"{name}.old", old)
        write(directory, f"{name}.new", scattered(old, 0.005, rng))
    write(directory, "unrelated.old", [line(rng) for _ in range(20_000)])
    write(directory, "unrelated.new", [line(rng) for _ in range(20_000)])
    prose = paragraphs(2_000, rng)
    with open(os.path.join(directory, "prose.old"), "w") as f:
        f.write("\n\n".join(prose) + "\n")
    with open(os.path.join(directory, "prose.new"), "w") as f:
        f.write("\n\n".join(change_words(p, 0.02, rng) for p in prose) + "\n")
    base = [line(rng) for _ in range(100_000)]
    ours = scattered(base, 0.003, rng)
    theirs = scattered(base, 0.003, rng)
    # Overlapping edits: both sides rewrite the same stretches in places.
    for start in range(1_000, 99_000, 5_000):
        ours[start:start + 3] = [line(rng) for _ in range(3)]
        theirs[start + 1:start + 4] = [line(rng) for _ in range(3)]
    write(directory, "merge.base", base)
    write(directory, "merge.ours", ours)
    write(directory, "merge.theirs", theirs)


if __name__ == "__main__":
    main()
