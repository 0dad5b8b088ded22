"""Benchmark: `dvcq check plans/2026.yaml` against a bare C-loader parse and yamllint.

Targets (issue 2): at most 3x the bare parse, and faster than yamllint. Run from the repository:
    .venv/bin/python bench/check_speed.py [--rounds N] [PLAN]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from harness import BIN, compare, table

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default="plans/2026.yaml")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    bare = f"import yaml; yaml.load(open({args.plan!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"
    commands = {
        "dvcq check": [str(BIN / "dvcq"), "check", args.plan],
        "bare parse (python + CSafeLoader)": [sys.executable, "-c", bare],
    }
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    if yamllint:
        commands["yamllint"] = [yamllint, args.plan]
    results = compare(commands, args.rounds, cwd=ROOT)
    check_s = results["dvcq check"][0]
    bare_s = results["bare parse (python + CSafeLoader)"][0]
    rows = []
    for name, (seconds, kib) in results.items():
        note = "" if name == "dvcq check" else f"dvcq check = {check_s / seconds:.2f}x this"
        rows.append((name, seconds, kib, note))
    print(table(rows))
    ratio = check_s / bare_s
    ok = ratio <= 3 and (not yamllint or check_s < results["yamllint"][0])
    print(
        f"\n{args.rounds} interleaved rounds; target <= 3x bare parse and faster than yamllint: "
        f"{'met' if ok else 'MISSED'} ({ratio:.2f}x)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
