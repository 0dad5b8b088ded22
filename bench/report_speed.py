"""Benchmark: `dvcq report 2026` on the sample data against python-docx saving an empty document.

Target (issue 4): the whole report, start-up included, at most 3x the bare python-docx baseline
(`python -c "import docx; docx.Document().save('x.docx')"`): the price of reading the plan and
its progress, rendering the template and laying out the document. Run from the repository:
    python bench/report_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from harness import BIN, compare, table

ROOT = Path(__file__).resolve().parents[1]
TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report = [
            *(str(BIN / "dvcq"), "report", "2026", "--progress", "examples/progress"),
            *("--as-of", "2026-12-31", "-o", str(out / "bao-cao.docx"), "--force"),
        ]
        empty = f"import docx; docx.Document().save({str(out / 'x.docx')!r})"
        commands = {
            "dvcq report 2026": report,
            "python-docx, empty document": [sys.executable, "-c", empty],
        }
        results = compare(commands, args.rounds, cwd=ROOT)
    report_s = results["dvcq report 2026"][0]
    base_s = results["python-docx, empty document"][0]
    rows = [
        (
            name,
            seconds,
            kib,
            "" if name == "dvcq report 2026" else f"report = {report_s / seconds:.2f}x this",
        )
        for name, (seconds, kib) in results.items()
    ]
    print(table(rows))
    ratio = report_s / base_s
    ok = ratio <= TARGET
    print(
        f"\n{args.rounds} interleaved rounds; target <= {TARGET:g}x python-docx: "
        f"{'met' if ok else 'MISSED'} ({ratio:.2f}x)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
