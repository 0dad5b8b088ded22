"""The report a leader signs without rewriting: the sample half-year and year reports (with last
year's sample entries, tests/data/sample/progress/2025) read as a person would write them.

The expected figures were worked out by hand from the sample files (the sum of each indicator
over the window, and over the same window a year earlier), not by the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_run import SAMPLE_NOTES, SAMPLE_PLAN, SAMPLE_PROGRESS, dvcq_as_is
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_read import open_docx

# The blanks a văn thư fills in are the only "…" a report may hold: a number before a symbol
# ("Kế hoạch số …/KH-SNgV") and a day ("ngày … tháng").
BLANK = re.compile(r"…(?=/)|(?<= )…(?= )")
FILLER = (
    "Không có nội dung bổ sung",
    "Không có.",
    "Các nhiệm vụ đều có kết quả trong kỳ",
)


def markdown(period: str, as_of: str, *extra: str | Path) -> str:
    run = dvcq_as_is(
        "report", period, "--format", "md", "--plan", SAMPLE_PLAN,
        "--progress", SAMPLE_PROGRESS, "--as-of", as_of, *extra,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def h1() -> str:
    return markdown("2026-H1", "2026-07-10", "--notes", SAMPLE_NOTES)


@pytest.fixture(scope="module")
def year() -> str:
    return markdown("2026", "2026-11-27")


@pytest.mark.parametrize("which", ["h1", "year"])
def test_no_cut_sentence_and_no_filler(which: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(which)
    assert "…" in text  # the blanks are there …
    assert not BLANK.sub("", text).count("…"), [  # … and nothing else is cut
        line for line in text.splitlines() if "…" in BLANK.sub("", line)
    ]
    assert not [f for f in FILLER if f in text]
    if which == "year":  # no notes: their headings are left out, not filled with "Không có."
        assert "Nguyên nhân" not in text and "V. ĐỀ XUẤT, KIẾN NGHỊ" not in text


@pytest.mark.parametrize("which", ["h1", "year"])
def test_numbers_in_vietnamese_format(which: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(which)
    assert not re.search(r"\d\.\d+\s?%|\d%", text)  # never "100.0%" nor "96.6%"
    assert re.search(r"\d+,\d\u00a0%", text)  # "28,6 %", a no-break space before the sign
    assert "11/11 nhiệm vụ (100\u00a0%) có kết quả được cập nhật" in text


def test_the_half_year_compares_with_the_same_window_last_year(h1: str) -> None:
    # II.4 (tiếp công dân), 15/12/2025–14/6/2026 against 15/12/2024–14/6/2025: 5 against 7 lượt,
    # 9 against 10 đơn received, 8 against 8 settled.
    assert (
        "So với cùng kỳ năm 2025: lượt tiếp công dân giảm 2 lượt, 28,6\u00a0%; đơn thư tiếp nhận "
        "giảm 1 đơn, 10,0\u00a0%; đơn thư đã giải quyết bằng cùng kỳ."
    ) in h1.splitlines()


def test_the_year_compares_with_the_same_window_last_year(year: str) -> None:
    # 15/12/2025–27/11/2026 against 15/12/2024–27/11/2025: 24 against 23 lượt, 25 against 16
    # đơn (9 more: 56,25 %, rounded half up), 18 against 16.
    assert (
        "So với cùng kỳ năm 2025: lượt tiếp công dân tăng 1 lượt, 4,3\u00a0%; đơn thư tiếp nhận "
        "tăng 9 đơn, 56,3\u00a0%; đơn thư đã giải quyết tăng 2 đơn, 12,5\u00a0%."
    ) in year.splitlines()


def test_without_last_years_entries_there_is_no_comparison(tmp_path: Path) -> None:
    import shutil

    progress = tmp_path / "progress"
    shutil.copytree(SAMPLE_PROGRESS / "2026", progress / "2026")
    run = dvcq_as_is(
        "report", "2026-H1", "--format", "md", "--plan", SAMPLE_PLAN,
        "--progress", progress, "--as-of", "2026-07-10",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "cùng kỳ" not in run.stdout


def test_the_four_states_a_leader_reads(h1: str) -> None:
    assert (
        "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026: 11/11 nhiệm vụ (100\u00a0%) có kết quả "
        "được cập nhật; trong đó 9 nhiệm vụ hoàn thành đúng hạn, 2 nhiệm vụ đang thực hiện trong "
        "hạn; không có nhiệm vụ quá hạn."
    ) in h1.splitlines()


def test_results_of_several_units_are_grouped_by_unit(h1: str) -> None:
    lines = h1.splitlines()
    at = lines.index("- Đổi mới, nâng cao hiệu quả công tác tuyên truyền, vận động Nhân dân:")
    under = [line for line in lines[at + 1 : at + 8] if line.startswith("+ ")]
    assert [line.split(":")[0] for line in under] == [
        "+ Văn phòng Sở",
        "+ Các phòng chuyên môn",
        "+ Lãnh đạo Sở",
    ]


def test_the_unit_table_has_a_total_row_and_right_aligned_figures(tmp_path: Path) -> None:
    out = tmp_path / "h1.docx"
    run = dvcq_as_is(
        "report", "2026-H1", "-o", out, "--plan", SAMPLE_PLAN, "--progress", SAMPLE_PROGRESS,
        "--as-of", "2026-07-10", "--notes", SAMPLE_NOTES,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    doc = open_docx(out)
    table = next(
        t for t in doc.tables if t.rows[0].cells[1].text == "Đơn vị" and len(t.columns) == 5
    )
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[-1] == ["", "Tổng cộng", "5", "9", "8"]
    assert rows[1] == ["1", "Văn phòng Sở", "5", "6", "3"]
    figures = [r.cells[2].paragraphs[0].alignment for r in table.rows[1:]]
    assert figures == [WD_ALIGN_PARAGRAPH.RIGHT] * len(figures)
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    numbers = [r.cells[0].paragraphs[0].alignment for r in table.rows[1:]]
    assert numbers == [WD_ALIGN_PARAGRAPH.CENTER] * len(numbers)  # the TT column, centred
    appendix = doc.tables[-1]  # Phụ lục I: TT and the last update's day centred
    assert [c.text for c in appendix.rows[1].cells][::4] == ["1", "01/6/2026"]
    for row in appendix.rows[1:]:
        cells = [c.paragraphs[0].alignment for c in row.cells]
        assert cells[0] == cells[4] == WD_ALIGN_PARAGRAPH.CENTER
        assert cells[1] == WD_ALIGN_PARAGRAPH.LEFT
    # A heading and a task's lead-in line are kept with what follows them.
    lead = next(p for p in doc.paragraphs if p.text.startswith("- Đổi mới, nâng cao"))
    heading = next(p for p in doc.paragraphs if p.text == "II. KẾT QUẢ THỰC HIỆN")
    assert lead.paragraph_format.keep_with_next and heading.paragraph_format.keep_with_next
    plain = next(p for p in doc.paragraphs if p.text.startswith("+ Văn phòng Sở: lồng ghép"))
    assert not plain.paragraph_format.keep_with_next
