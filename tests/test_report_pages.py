"""The sample half-year report as it prints (LibreOffice → PDF → pdftotext): no heading or
lead-in line left alone at the bottom of a page, page 1 opens with the NĐ 30 header and the last
page is the task appendix, whole. (Page 1 and the last page were also looked at as pictures,
issue 14; `pdftoppm -png -r 60` on the PDF gives them.)"""

from __future__ import annotations

import re
from pathlib import Path

from cli_run import SAMPLE_NOTES, SAMPLE_PLAN, SAMPLE_PROGRESS, dvcq_as_is
from docx_read import needs_office, printed_text

# A mục (I.), khoản (1.) or điểm (a)) heading as pdftotext prints its first line.
HEADING = re.compile(r"(?:[IVX]+\.|\d+\.|[a-zđ]\)) \S")


@needs_office
def test_the_h1_report_pages(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    run = dvcq_as_is(
        "report", "2026-H1", "-o", out, "--plan", SAMPLE_PLAN, "--progress", SAMPLE_PROGRESS,
        "--as-of", "2026-07-10", "--notes", SAMPLE_NOTES,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    pages = [p for p in printed_text(out, tmp_path).split("\f") if p.strip()]
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    assert len(pages) == 6
    assert lines[0][0].startswith("UBND TỈNH CAO BẰNG") and "CỘNG HÒA" in lines[0][0]
    for number, page in enumerate(lines[:-2], 1):  # the body's pages before the signature's
        last = page[-1]
        assert not HEADING.match(last) and not last.endswith(":"), (number, last)
    appendix = lines[-1]
    assert appendix[0] == "Phụ lục I"
    rows = [line for line in appendix if re.match(r"\d+ ", line)]
    assert [int(r.split()[0]) for r in rows] == list(range(1, 12))
