"""Benchmark: the boards of 30 repositories in one process (`dvcq.progress.rollup.boards`) against
a loop of `dvcq status` calls giving the same boards.

Generates (into a temporary folder, never committed) 30 agency repositories, each with the 2026
plan and 3 years of progress folders (2024, 2025, 2026) of 5,000 entries each, then times, in
interleaved rounds, one shell running the 90 calls `dvcq status --period P --format json` (3
periods a repository) against one `python` calling `boards` for the same repositories and periods.
The cache is off for both. Target (issue 15): the one process at most 0.45x the loop.
    DVCQ_TODAY=2026-11-27 python bench/rollup_speed.py [--rounds N] [--repos N] [--entries N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from harness import BIN, compare, table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

from generate_sample import generate, write  # noqa: E402

UNTIL = dt.date(2026, 11, 20)
AS_OF = "2026-11-27"
PERIODS = ("2026-H1", "2026-Q3", "2026")
YEARS = (2024, 2025, 2026)
MAX_RATIO = 0.45


def make_repos(work: Path, count: int, entries: int) -> list[Path]:
    repos = []
    for n in range(count):
        repo = work / f"so-{n + 1:02d}"
        (repo / "plans").mkdir(parents=True)
        shutil.copy(ROOT / "plans" / "2026.yaml", repo / "plans" / "2026.yaml")
        write(
            generate(ROOT / "plans" / "2026.yaml", entries, UNTIL, seed=2026 + n),
            repo / "progress",
            2026,
        )
        for year in YEARS[:-1]:  # earlier years' folders: on disk, never read by a 2026 board
            shutil.copytree(repo / "progress" / "2026", repo / "progress" / str(year))
        repos.append(repo)
    return repos


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repos", type=int, default=30)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    os.environ["DVCQ_NO_CACHE"] = "1"
    dvcq = shlex.quote(str(BIN / "dvcq"))
    with tempfile.TemporaryDirectory(prefix="dvcq-rollup-") as tmp:
        repos = make_repos(Path(tmp), args.repos, args.entries)
        calls = [
            f"cd {shlex.quote(str(repo))} && {dvcq} status --period {p} --format json "
            f"--as-of {AS_OF} >/dev/null"
            for repo in repos
            for p in PERIODS
        ]
        one = (
            "import datetime, json, sys\n"
            "from pathlib import Path\n"
            "from dvcq.progress.rollup import boards\n"
            f"repos = [Path(p) for p in {[str(r) for r in repos]!r}]\n"
            f"for b in boards(repos, {list(PERIODS)!r}, datetime.date.fromisoformat({AS_OF!r})):\n"
            "    json.dumps(b, ensure_ascii=False, indent=2, allow_nan=False)\n"
        )
        loop = f"{len(calls)} dvcq status calls (one shell)"
        single = "boards() in one process"
        commands = {loop: ["/bin/sh", "-c", " ; ".join(calls)], single: [sys.executable, "-c", one]}
        results = compare(commands, args.rounds)
    ratio = results[single][0] / results[loop][0]
    rows = [
        (loop, *results[loop], ""),
        (single, *results[single], f"{ratio:.2f}x the loop"),
    ]
    print(f"{args.repos} repositories x {len(YEARS)} years x {args.entries:,} entries\n")
    print(table(rows))
    ok = ratio <= MAX_RATIO
    print(
        f"\n{args.rounds} interleaved rounds; target <= {MAX_RATIO}x: {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
