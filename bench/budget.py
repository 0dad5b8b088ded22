"""The performance budget: whole-process time and peak memory of check, status, report and diff
on synthetic plans (10, 100, 1,000 tasks) and progress (1k, 10k, 100k entries), each next to its
baseline. Writes one markdown table (and prints it):

    DVCQ_TODAY=2026-11-27 .venv/bin/python bench/budget.py [--rounds N] [--out FILE]

Baselines: a bare C-loader parse of the same input for check, status and diff (both plans for
diff); `python -c "import docx; docx.Document().save(...)"` for report. `status (cached)` is a
repeated `dvcq status` served from the content-keyed cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from harness import BIN, compare

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

from generate_sample import HEADER, generate, write  # noqa: E402

UNTIL = dt.date(2026, 11, 20)
DVCQ = str(BIN / "dvcq")
PY = sys.executable


class _NoAliases(yaml.SafeDumper):
    """Tasks copied from one pattern share lists; dvcq refuses aliases, so write them out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def synthetic_plan(tasks: int, path: Path) -> Path:
    """plans/2026.yaml grown (or cut) to `tasks` tasks, spread over as many sections as needed."""
    plan: dict[str, Any] = yaml.safe_load(
        (ROOT / "plans" / "2026.yaml").read_text(encoding="utf-8")
    )
    pattern = [t for s in plan["contents"]["sections"] for t in s["tasks"]]
    sections = []
    for n in range(tasks):
        if n % 10 == 0:
            sections.append(
                {"id": f"muc-{n // 10 + 1}", "title": f"Nội dung số {n // 10 + 1}", "tasks": []}
            )
        task = dict(pattern[n % len(pattern)], id=f"nhiem-vu-{n + 1}")
        sections[-1]["tasks"].append(task)
    plan["contents"]["sections"] = sections
    text = yaml.dump(plan, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(text, encoding="utf-8")
    return path


def report(folder: Path) -> list[str]:
    """`dvcq report 2026` run in `folder`, with this repository's templates."""
    out = str(folder / "r.docx")
    return [DVCQ, "report", "2026", "-o", out, "--force", "--templates", str(ROOT / "templates")]


def bare(*files: Path) -> list[str]:
    loads = "; ".join(
        f"yaml.load(open({str(f)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)" for f in files
    )
    return [PY, "-c", f"import yaml; {loads}"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("DVCQ_TODAY", "2026-11-27")
    rows: list[tuple[str, str, float, int, str]] = []

    def measure(
        label: str, commands: dict[str, list[str]], cwd: Path, base: str, own: dict[str, str]
    ) -> None:
        """Time the commands; each is compared with its own baseline (`own`) or with `base`."""
        results = compare(commands, args.rounds, cwd=cwd)
        for name, (seconds, kib) in results.items():
            if name.startswith("baseline"):
                note = "baseline"
            else:
                against = own.get(name, base)
                note = f"{seconds / results[against][0]:.2f}x {against[len('baseline: ') :]}"
            rows.append((label, name, seconds, kib, note))

    with tempfile.TemporaryDirectory(prefix="dvcq-budget-") as tmp:
        work = Path(tmp)
        docx_out = work / "baseline.docx"
        # Plans of growing size (progress: 1,000 entries).
        for tasks in (10, 100, 1000):
            folder = work / f"plan{tasks}"
            (folder / "plans").mkdir(parents=True)
            plan = synthetic_plan(tasks, folder / "plans" / "2026.yaml")
            changed = folder / "changed.yaml"
            changed.write_text(
                plan.read_text(encoding="utf-8").replace("owner: LDS", "owner: VP", 3),
                encoding="utf-8",
            )
            write(generate(plan, 1000, UNTIL), folder / "progress", UNTIL.year)
            os.environ["DVCQ_NO_CACHE"] = "1"
            measure(
                f"{tasks} tasks, 1k entries",
                {
                    "check": [DVCQ, "check", "plans/2026.yaml"],
                    "report 2026 (docx)": report(folder),
                    "diff (two files)": [DVCQ, "diff", str(plan), str(changed), "--format", "json"],
                    "baseline: parse plan": bare(plan),
                    "baseline: docx save": [
                        PY,
                        "-c",
                        f"import docx; docx.Document().save({str(docx_out)!r})",
                    ],
                    "baseline: parse both plans": bare(plan, changed),
                },
                folder,
                "baseline: parse plan",
                {
                    "report 2026 (docx)": "baseline: docx save",
                    "diff (two files)": "baseline: parse both plans",
                },
            )
        # Progress of growing size (plan: plans/2026.yaml).
        for count in (1_000, 10_000, 100_000):
            folder = work / f"progress{count}"
            (folder / "plans").mkdir(parents=True)
            plan = folder / "plans" / "2026.yaml"
            plan.write_bytes((ROOT / "plans" / "2026.yaml").read_bytes())
            entries = generate(plan, count, UNTIL)
            write(entries, folder / "progress", UNTIL.year)
            single = folder / "all.yaml"
            single.write_text(HEADER + "".join(e.to_line() for e in entries), encoding="utf-8")
            status = [DVCQ, "status", "--period", "2026", "--format", "json"]
            os.environ["DVCQ_NO_CACHE"] = "1"
            measure(
                f"2026 plan, {count // 1000}k entries",
                {
                    "check": [DVCQ, "check"],
                    "status": status,
                    "report 2026 (docx)": report(folder),
                    "baseline: parse all entries": bare(single),
                },
                folder,
                "baseline: parse all entries",
                {},
            )
            os.environ.pop("DVCQ_NO_CACHE")
            os.environ["DVCQ_CACHE_DIR"] = str(work / "cache")
            measure(
                f"2026 plan, {count // 1000}k entries",
                {
                    "status (cached)": status,
                    "baseline: parse all entries": bare(single),
                },
                folder,
                "baseline: parse all entries",
                {},
            )

    lines = [
        "| input | command | median wall time | peak memory | note |",
        "|---|---|---:|---:|---|",
    ]
    lines += [
        f"| {a} | {b} | {s * 1000:.0f} ms | {k / 1024:.1f} MiB | {n} |" for a, b, s, k, n in rows
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
