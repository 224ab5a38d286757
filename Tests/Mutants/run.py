#!/usr/bin/env python3
"""The mutation run (`make mutants`): breaks one rule of the product at a time and checks that the tests notice.

Each mutant of Tests/Mutants/mutants.txt is a one-line change. The run copies the working tree to
.build-mutants/tree (kept between runs, so its build is incremental after the first), checks that the unmutated
copy's tests pass, then for each mutant: applies it, rebuilds, runs the mutant's quick test filter and, when that
does not fail, the whole suite; restores the file. A mutant is killed when a test fails (or the tests hang past the
time limit); it survives when every test passes; it does not apply when its text is not in its file exactly once,
or does not build. Anything but "every mutant killed" fails the run.

  python3 Tests/Mutants/run.py                 every mutant, in a copy of the tree
  python3 Tests/Mutants/run.py --only NAME     one (or several, comma-separated)
  python3 Tests/Mutants/run.py --sample 3      three, chosen by the day so that successive runs rotate (CI)
  python3 Tests/Mutants/run.py --in-place      mutate this tree itself (a throwaway clone, as in CI), restoring
                                               each file afterwards
  python3 Tests/Mutants/run.py --check         only check that every mutant applies
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "Tests/Mutants/mutants.txt"
# A hung test counts as a failing one: the quick filter's run gets 5 minutes, the whole suite 15.
QUICK_TIMEOUT = 300
TEST_TIMEOUT = 900


@dataclass
class Mutant:
    name: str
    rule: str
    file: str
    before: str
    after: str
    tests: str


def read_mutants(path: Path) -> list[Mutant]:
    mutants, block = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            block = {"name": line[3:].strip()}
            mutants.append(block)
        elif block is not None and ": " in line and not line.startswith("#"):
            key, value = line.split(": ", 1)
            if key not in ("rule", "file", "from", "to", "tests"):
                sys.exit(f"{path}:{number}: unknown key {key!r}")
            block[key] = value
    result = []
    for block in mutants:
        missing = {"rule", "file", "from", "to", "tests"} - block.keys()
        if missing:
            sys.exit(f"mutant {block['name']}: no {', '.join(sorted(missing))}")
        result.append(Mutant(block["name"], block["rule"], block["file"], block["from"], block["to"], block["tests"]))
    names = [m.name for m in result]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        sys.exit(f"mutants named twice: {', '.join(sorted(duplicates))}")
    return result


def applies(mutant: Mutant, tree: Path) -> str | None:
    """Why the mutant does not apply to `tree`, or None when it does."""
    path = tree / mutant.file
    if not path.is_file():
        return f"{mutant.file} does not exist"
    text = path.read_text(encoding="utf-8")
    count = text.count(mutant.before)
    if count != 1:
        return f"its text occurs {count} times in {mutant.file}, not once"
    if "\n" in mutant.before or mutant.before == mutant.after:
        return "it is not a one-line change"
    return None


def sync(source: Path, copy: Path) -> None:
    """Copies the files git knows (tracked or not ignored) to `copy`, touching only those that differ, so that the
    copy's own .build stays valid and its next build is incremental; files gone from the source go from the copy."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=source, check=True, capture_output=True
    ).stdout.decode().split("\0")
    wanted = {name for name in listed if name and (source / name).is_file()}
    for name in wanted:
        src, dst = source / name, copy / name
        if dst.is_file() and dst.stat().st_size == src.stat().st_size and dst.read_bytes() == src.read_bytes():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
    manifest = copy / ".mutants-files"
    if manifest.is_file():
        for name in manifest.read_text().splitlines():
            if name not in wanted and (copy / name).is_file():
                (copy / name).unlink()
    manifest.write_text("\n".join(sorted(wanted)))


def run(command: list[str], tree: Path, log: Path, timeout: int | None = None) -> tuple[int | None, float]:
    """Runs `command` in `tree`, its output appended to `log`: the exit status (None on timeout) and the seconds."""
    started = time.monotonic()
    with log.open("a") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        try:
            status = subprocess.run(command, cwd=tree, stdout=out, stderr=subprocess.STDOUT, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            status = None
    return status, time.monotonic() - started


def build(tree: Path, log: Path) -> bool:
    status, _ = run(["swift", "build", "--build-tests"], tree, log)
    return status == 0


def run_mutant(mutant: Mutant, tree: Path, logs: Path) -> tuple[str, str, float]:
    """(verdict, detail, seconds) for one mutant: killed, survived or not applicable."""
    started = time.monotonic()
    log = logs / f"{mutant.name}.log"
    log.write_text(f"{mutant.name}: {mutant.rule}\n{mutant.file}\n- {mutant.before}\n+ {mutant.after}\n\n")
    path = tree / mutant.file
    original = path.read_bytes()
    try:
        path.write_text(original.decode("utf-8").replace(mutant.before, mutant.after, 1), encoding="utf-8")
        if not build(tree, log):
            return "not applicable", "does not build", time.monotonic() - started
        quick, _ = run(["swift", "test", "--skip-build", "--filter", mutant.tests], tree, log, QUICK_TIMEOUT)
        if quick != 0:
            return "killed", f"by {mutant.tests}" + (" (timed out)" if quick is None else ""), time.monotonic() - started
        whole, _ = run(["swift", "test", "--skip-build"], tree, log, TEST_TIMEOUT)
        if whole != 0:
            return "killed", "by the whole suite (not by its filter: see the log)", time.monotonic() - started
        return "survived", "every test passes", time.monotonic() - started
    finally:
        path.write_bytes(original)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="names of mutants, comma-separated")
    parser.add_argument("--sample", type=int, help="this many mutants, rotating by the day")
    parser.add_argument("--in-place", action="store_true", help="mutate this tree (a throwaway clone)")
    parser.add_argument("--check", action="store_true", help="only check that every mutant applies")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run (its tests just passed)")
    args = parser.parse_args()

    mutants = read_mutants(LIST)
    not_applying = [(m, why) for m in mutants if (why := applies(m, ROOT))]
    for mutant, why in not_applying:
        print(f"NOT APPLICABLE {mutant.name}: {why}")
    if args.check:
        print(f"{len(mutants) - len(not_applying)} of {len(mutants)} mutants apply")
        return 1 if not_applying else 0

    chosen = mutants
    if args.only:
        names = args.only.split(",")
        unknown = set(names) - {m.name for m in mutants}
        if unknown:
            sys.exit(f"no mutant named {', '.join(sorted(unknown))}")
        chosen = [m for m in mutants if m.name in names]
    if args.sample:
        # Rotate through the list a sample at a time: day N takes the N-th slice (wrapping), so every mutant runs
        # within a few days of CI and a mutant that rots is found soon.
        day = int(time.time() // 86400)
        start = (day * args.sample) % len(mutants)
        chosen = [mutants[(start + i) % len(mutants)] for i in range(min(args.sample, len(mutants)))]
    chosen = [m for m in chosen if m not in [n for n, _ in not_applying]]

    tree = ROOT if args.in_place else ROOT / ".build-mutants/tree"
    logs = ROOT / "out/mutants"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if not args.in_place:
        tree.mkdir(parents=True, exist_ok=True)
        print(f"copying the tree to {tree.relative_to(ROOT)}", flush=True)
        sync(ROOT, tree)
    baseline_log = logs / "baseline.log"
    baseline_log.write_text("")
    print("building (the first build of a new copy takes several minutes)", flush=True)
    if not build(tree, baseline_log):
        print(f"the unmutated tree does not build: see {baseline_log}")
        return 1
    if not args.no_baseline:
        status, seconds = run(["swift", "test", "--skip-build"], tree, baseline_log, TEST_TIMEOUT)
        if status != 0:
            print(f"the unmutated tree's tests fail, so no mutant can be judged: see {baseline_log}")
            return 1
        print(f"baseline: every test passes ({seconds:.0f} s)", flush=True)

    results = []
    for index, mutant in enumerate(chosen, 1):
        verdict, detail, seconds = run_mutant(mutant, tree, logs)
        results.append((mutant, verdict, detail, seconds))
        print(f"[{index}/{len(chosen)}] {verdict.upper():9} {mutant.name} ({seconds:.0f} s) {detail}", flush=True)
    if not args.in_place:
        # Leave the copy as the source is, so that the next run's first build has nothing to do.
        build(tree, baseline_log)

    killed = sum(1 for _, verdict, _, _ in results if verdict == "killed")
    survived = [m.name for m, verdict, _, _ in results if verdict == "survived"]
    broken = [m.name for m, verdict, _, _ in results if verdict == "not applicable"] + [m.name for m, _ in not_applying]
    minutes = (time.monotonic() - started) / 60
    print(f"\nmutants: {killed} killed of {len(results)} run ({len(mutants)} listed, {len(not_applying)} not applying) "
          f"in {minutes:.1f} min; logs in {logs.relative_to(ROOT)}")
    if survived:
        print("SURVIVED (a rule no test defends): " + ", ".join(survived))
    if broken:
        print("NOT APPLICABLE (change the mutant with the code): " + ", ".join(broken))
    return 0 if not survived and not broken else 1


if __name__ == "__main__":
    sys.exit(main())
