"""Two installs of dvcq alternated on the same inputs: `dvcq check` on the plan and on 100,000
entries, `dvcq status` on them, `dvcq --version` (cache off). For a change's own effect:
    python bench/before_after.py OLD/bin/dvcq NEW/bin/dvcq [--rounds-100k N] [--rounds N]
(an older install: `git archive COMMIT | tar -x -C DIR && python -m venv V && V/bin/pip install DIR`)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from harness import compare, table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

from generate_sample import generate, write  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("now")
    parser.add_argument("--rounds-100k", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    os.environ["DVCQ_NO_CACHE"] = "1"
    plan = str(ROOT / "plans" / "2026.yaml")
    bins = {"before": args.before, "now": args.now}
    with tempfile.TemporaryDirectory(prefix="dvcq-ba-") as tmp:
        folder = Path(tmp) / "progress"
        write(generate(ROOT / "plans" / "2026.yaml", 100_000, dt.date(2026, 11, 20)), folder, 2026)
        status = ["status", "--period", "2026", "--progress", str(folder), "--format", "json"]
        status += ["--as-of", "2026-11-27"]
        check = ["check", "--progress", str(folder), plan]
        heavy = {f"status 100k ({k})": [b, *status] for k, b in bins.items()}
        heavy |= {f"check 100k ({k})": [b, *check] for k, b in bins.items()}
        results = compare(heavy, args.rounds_100k, cwd=ROOT)
    light = {f"check plan ({k})": [b, "check", plan] for k, b in bins.items()}
    light |= {f"--version ({k})": [b, "--version"] for k, b in bins.items()}
    results |= compare(light, args.rounds, cwd=ROOT)
    print(table([(name, s, kib, "") for name, (s, kib) in results.items()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
