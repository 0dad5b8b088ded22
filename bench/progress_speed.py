"""Benchmark: `dvcq check --progress` and `dvcq status --progress` on 10,000 and 100,000 entries.

The baseline is the floor of reading the entries at all: a bare `python` that reads the same
entries, one JSON object a line, with `json.loads` (`--yaml` adds a C-loader parse of them as one
YAML list, ~10x slower). Targets (issue 15): at 100k, status at most 2.2x and check at most 2.4x
the baseline, peak memory under 250 MB, and time growing near-linearly (100k / 10k <= 11):
    DVCQ_TODAY=2026-11-27 python bench/progress_speed.py [--rounds-10k N] [--rounds-100k N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from harness import BIN, compare, table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

from generate_sample import HEADER, generate, write  # noqa: E402

PLAN = "plans/2026.yaml"
UNTIL = dt.date(2026, 11, 20)
AS_OF = "2026-11-27"
SIZES = (10_000, 100_000)
BASELINE = "baseline (python + json.loads of each line)"
YAML_BASELINE = "python + CSafeLoader, one file"
MAX_RATIO = {"dvcq status": 2.2, "dvcq check": 2.4}  # issue 15, against json.loads
MAX_MIB = 250 * 1000 * 1000 / 1024 / 1024  # 250 MB
MAX_GROWTH = 11.0


def prepare(count: int, work: Path) -> tuple[Path, Path]:
    """Write `count` entries as dvcq stores them, and the same entries as one YAML file."""
    entries = generate(ROOT / PLAN, count, UNTIL)
    folder = work / f"progress-{count}"
    write(entries, folder, UNTIL.year)
    single = work / f"all-{count}.yaml"
    single.write_text(HEADER + "".join(e.to_line() for e in entries), encoding="utf-8")
    return folder, single


def commands(folder: Path, single: Path, with_yaml: bool) -> dict[str, list[str]]:
    # The floor of reading the entries at all: every line of the same entries through json.loads.
    loads = (
        "import json\n"
        f"with open({str(single)!r}, encoding='utf-8') as f:\n"
        "    entries = [json.loads(line[2:]) for line in f if line.startswith('- {')]"
    )
    bare = (
        f"import yaml; yaml.load(open({str(single)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"
    )
    dvcq = str(BIN / "dvcq")
    extra = {YAML_BASELINE: [sys.executable, "-c", bare]} if with_yaml else {}
    return {
        "dvcq check": [dvcq, "check", "--progress", str(folder), PLAN],
        "dvcq status": [
            dvcq,
            "status",
            "--period",
            "2026",
            "--progress",
            str(folder),
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
        BASELINE: [sys.executable, "-c", loads],
        **extra,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds-10k", type=int, default=5)
    parser.add_argument("--rounds-100k", type=int, default=3)
    parser.add_argument("--yaml", action="store_true", help="also time a CSafeLoader parse (slow)")
    args = parser.parse_args()
    os.environ["DVCQ_NO_CACHE"] = "1"  # time the work itself; the cache is measured in budget.py
    rounds = {10_000: args.rounds_10k, 100_000: args.rounds_100k}
    results: dict[int, dict[str, tuple[float, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="dvcq-bench-") as tmp:
        for count in SIZES:
            folder, single = prepare(count, Path(tmp))
            cmds = commands(folder, single, args.yaml)
            results[count] = compare(cmds, rounds[count], cwd=ROOT)

    failures: list[str] = []
    for count in SIZES:
        res = results[count]
        base_s = res[BASELINE][0]
        rows = []
        for name, (seconds, kib) in res.items():
            note = "" if name == BASELINE else f"{seconds / base_s:.2f}x baseline"
            rows.append((name, seconds, kib, note))
            if name not in MAX_RATIO:
                continue  # the targets are for dvcq; the baselines only set the scale
            if kib / 1024 >= MAX_MIB:
                failures.append(f"{name} at {count:,}: peak {kib / 1024:.0f} MiB")
            if count == SIZES[-1] and seconds / base_s > MAX_RATIO[name]:
                failures.append(f"{name} at {count:,}: {seconds / base_s:.2f}x baseline")
        print(f"\n### {count:,} entries ({rounds[count]} interleaved rounds)\n")
        print(table(rows))

    print("\n### Growth from 10,000 to 100,000 entries\n")
    print("| command | time at 100k / time at 10k |\n|---|---:|")
    for name in results[SIZES[0]]:
        growth = results[SIZES[1]][name][0] / results[SIZES[0]][name][0]
        print(f"| {name} | {growth:.2f} |")
        if name in MAX_RATIO and growth > MAX_GROWTH:
            failures.append(f"{name}: grows {growth:.2f}x from 10k to 100k")

    targets = (
        "at 100k status <= 2.2x and check <= 2.4x the json.loads baseline, peak memory < 250 MB, "
        f"growth 10k->100k <= {MAX_GROWTH:g}"
    )
    print(f"\nTargets ({targets}): {'MISSED' if failures else 'met'}")
    for failure in failures:
        print(f"- {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
