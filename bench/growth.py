"""Benchmark: how `dvcq diff` and `dvcq render plan` grow from a 1,000-task to a 5,000-task plan.

The growth exponent is log(t5000 / t1000) / log(5): 1 is linear. Each verb is timed in a
process of its own over plans already read (what the verb itself costs; start-up would flatten
the curve), and each whole command as its own process beside it. With `--before DIR` (a copy of
an older dvcq/, e.g. `git archive COMMIT dvcq | tar -x -C DIR`) the older verbs are timed in the
same rounds, alternating with these. Targets (issue 15): both exponents <= 1.05.
    python bench/growth.py [--rounds N] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from budget import _NoAliases, synthetic_plan
from harness import BIN, compare

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1000, 5000)


def changed(plan: Path, out: Path) -> Path:
    """The plan with every 7th task reworded, every 11th given another owner, and the first two
    tasks of every 13th section swapped: a review with changes all through the plan."""
    data: dict[str, Any] = yaml.safe_load(plan.read_text(encoding="utf-8"))
    owners = [u["id"] for u in data["units"]]
    n = 0
    for i, section in enumerate(data["contents"]["sections"]):
        tasks = section["tasks"]
        if i % 13 == 0 and len(tasks) > 1:
            tasks[0], tasks[1] = tasks[1], tasks[0]
        for task in tasks:
            n += 1
            if n % 7 == 0:
                task["text"] = task["text"] + " Báo cáo kết quả hằng quý."
            if n % 11 == 0:
                task["owner"] = owners[(owners.index(task["owner"]) + 1) % len(owners)]
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=10_000)
    out.write_text(text, encoding="utf-8")
    return out


def in_process(old: Path, new: Path, folder: Path, rounds: int) -> tuple[float, float]:
    from dvcq.documents.render import render_plan
    from dvcq.review.diff import diff_plans
    from dvcq.rules.check import open_plan

    a, b = open_plan(old), open_plan(new)
    diffs, renders = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        diff_plans(a, b)
        diffs.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_plan(a, folder / "k.docx", ROOT / "templates", force=True)
        renders.append(time.perf_counter() - start)
    return statistics.median(diffs), statistics.median(renders)


_VERBS = """
import json, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
import growth
# growth's imports (examples/generate_sample.py) load this tree's dvcq: drop it, take the source's
for name in [m for m in sys.modules if m == "dvcq" or m.startswith("dvcq.")]:
    del sys.modules[name]
sys.path.insert(0, sys.argv[1])
print(json.dumps(growth.in_process(Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]), 1)))
import dvcq
assert dvcq.__file__.startswith(sys.argv[1]), dvcq.__file__
"""


def verbs_of(source: str, old: Path, new: Path, folder: Path) -> tuple[float, float]:
    """The verbs' times in a new process importing dvcq from `source` first."""
    here = str(Path(__file__).parent)
    cmd = [sys.executable, "-c", _VERBS, source, here, str(old), str(new), str(folder)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    diff_s, render_s = json.loads(out)
    return diff_s, render_s


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", help="a folder holding an older dvcq/ to compare with")
    args = parser.parse_args()
    sources = {"now": str(ROOT), **({"before": args.before} if args.before else {})}
    verbs: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in sources}
    whole: dict[int, dict[str, tuple[float, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="dvcq-growth-") as tmp:
        for size in SIZES:
            folder = Path(tmp) / str(size)
            (folder / "plans").mkdir(parents=True)
            old = synthetic_plan(size, folder / "plans" / "2026.yaml")
            new = changed(old, folder / "new.yaml")
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in sources}
            for _ in range(args.rounds):  # alternated, so that load hits both alike
                for name, source in sources.items():
                    runs[name].append(verbs_of(source, old, new, folder))
            for name, times in runs.items():
                verbs[name][size] = (
                    statistics.median(t[0] for t in times),
                    statistics.median(t[1] for t in times),
                )
            dvcq = str(BIN / "dvcq")
            out = str(folder / "k.docx")
            templates = str(ROOT / "templates")
            commands = {
                "diff": [dvcq, "diff", str(old), str(new), "--format", "json"],
                "render plan": [
                    dvcq,
                    "render",
                    "plan",
                    "-p",
                    str(old),
                    "-o",
                    out,
                    "--force",
                    "--templates",
                    templates,
                ],
            }
            whole[size] = compare(commands, args.rounds, cwd=folder)
    print("| verb | 1,000 tasks | 5,000 tasks | growth exponent |\n|---|---:|---:|---:|")
    exponents = {}
    for i, name in enumerate(("diff", "render plan")):
        for source in sources:
            small, large = verbs[source][SIZES[0]][i], verbs[source][SIZES[1]][i]
            exponent = math.log(large / small) / math.log(SIZES[1] / SIZES[0])
            if source == "now":
                exponents[name] = exponent
            print(
                f"| {name} (verb, {source}) | {small * 1000:.0f} ms | {large * 1000:.0f} ms | "
                f"{exponent:.2f} |"
            )
        small, large = whole[SIZES[0]][name][0], whole[SIZES[1]][name][0]
        exponent = math.log(large / small) / math.log(SIZES[1] / SIZES[0])
        print(
            f"| dvcq {name} (process) | {small * 1000:.0f} ms | {large * 1000:.0f} ms | "
            f"{exponent:.2f} |"
        )
    ok = all(e <= 1.05 for e in exponents.values())
    print(f"\n{args.rounds} rounds; target exponent <= 1.05: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
