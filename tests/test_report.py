"""`dvcq report`: the BÁO CÁO on a period, from the sample plan and progress data (tests/data/sample).

The documents are made by the real CLI and read back with python-docx (and LibreOffice): what
they say is compared with `dvcq status --format json` on the same data, so the report can never
tell a different story from the board.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_run import ROOT, SAMPLE_NOTES, SAMPLE_PLAN, SAMPLE_PROGRESS, Result, dvcq_as_is
from docx.document import Document
from docx_read import body_paragraphs, needs_office, norm, open_docx, printed_text, texts

from dvcq.documents import layout
from dvcq.documents.markup import parse
from dvcq.documents.wording import lower_first, report_subject, vn_number
from dvcq.model import Plan
from dvcq.progress.periods import parse_period
from dvcq.progress.store import read_progress
from dvcq.repository import files_in
from dvcq.rules.check import open_plan
from dvcq.titles import short_title

PLAN = SAMPLE_PLAN
SAMPLE = SAMPLE_PROGRESS
NOTES = SAMPLE_NOTES
AS_OF = "2026-06-30"
# The sample plan's number is blank (a draft): every report on it says so before it is issued.
NUMBER_BLANK = (
    f"{PLAN}:15:11  cảnh báo  Kế hoạch chưa có số (document.number) mà báo cáo trích dẫn nó: báo "
    "cáo sẽ ghi “Kế hoạch số …/KH-SNgV” như một bản dự thảo.  (report-plan-number)\n"
    "      → Điền số văn thư đã cấp cho kế hoạch vào `document.number` trước khi ban hành báo "
    "cáo.\n"
)


def dvcq(*args: str | Path, cwd: Path = ROOT) -> Result:
    """As a clerk runs it, on the sample plan (in ROOT, plans/ would give the agency's own)."""
    return dvcq_as_is(*args, "--plan", PLAN, cwd=cwd)


def report(out: Path, period: str = "2026-H1", *extra: str | Path) -> Path:
    run = dvcq("report", period, "--progress", SAMPLE, "--as-of", AS_OF, "-o", out, *extra)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"Đã ghi {out}.\n" and run.stderr == NUMBER_BLANK
    return out


def status(period: str, progress: Path = SAMPLE) -> dict[str, Any]:
    run = dvcq(
        "status", "--period", period, "--progress", progress, "--as-of", AS_OF, "--format", "json"
    )
    assert run.returncode == 0, run.stderr
    data: dict[str, Any] = json.loads(run.stdout)
    return data


@pytest.fixture(scope="module")
def plan() -> Plan:
    return open_plan(PLAN)


@pytest.fixture(scope="module")
def h1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first-half report with the sample notes (two addressees)."""
    return report(tmp_path_factory.mktemp("h1") / "bao-cao.docx", "2026-H1", "--notes", NOTES)


@pytest.fixture(scope="module")
def march(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A month's report without notes: several tasks have nothing in it."""
    return report(tmp_path_factory.mktemp("march") / "bao-cao.docx", "2026-03")


def lines(doc: Document) -> list[str]:
    """The body after the Kính gửi block, whitespace normalised."""
    body = [norm(p.text) for p in body_paragraphs(doc)]
    assert body[0].startswith("Kính gửi:")
    end = next(i for i, line in enumerate(body) if line.endswith("."))
    return body[end + 1 :]


def between(items: list[str], start: str, stop: str) -> list[str]:
    i = items.index(start)
    return items[i + 1 : items.index(stop, i)]


def footer(doc: Document) -> tuple[list[str], list[str]]:
    """(Nơi nhận lines, signature lines) of the footer block."""
    table = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    received, signature = table.rows[0].cells
    return texts(received), [t for t in texts(signature) if t]


def data_tables(doc: Document) -> list[list[list[str]]]:
    """The grid tables of the body (not the header and footer blocks), as rows of cell texts."""
    return [
        [[norm(c.text) for c in row.cells] for row in t.rows]
        for t in doc.tables
        if norm(t.cell(0, 0).text) == "TT"
    ]


# --- the header and the frame -------------------------------------------------------------------


def test_header_type_subject_and_addressees(h1: Path) -> None:
    doc = open_docx(h1)
    header = doc.tables[0]
    assert header.cell(1, 0).text == "Số:      /BC-SNgV"  # blank number: a draft
    assert norm(header.cell(1, 1).text) == "Cao Bằng, ngày 16 tháng 6 năm 2026"  # notes' day
    top = [norm(p.text) for p in doc.paragraphs[:6]]
    assert top[:2] == [
        "BÁO CÁO",
        "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026",
    ]
    assert "Kính gửi: - Ủy ban nhân dân tỉnh Cao Bằng;" in top and "- Sở Nội vụ." in top
    assert doc.core_properties.author == "Sở Ngoại vụ"
    assert doc.core_properties.title == top[1]


def test_opening_cites_the_bases_and_the_plan(h1: Path) -> None:
    opening = lines(open_docx(h1))[0]
    assert opening.startswith(
        "Thực hiện Kế hoạch số 918/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân tỉnh Cao Bằng về "
        "triển khai thực hiện công tác dân vận chính quyền năm 2026; Kế hoạch số …/KH-SNgV"
    )
    assert opening.endswith(
        ", Sở Ngoại vụ báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm "
        "2026 như sau:"
    )


def test_sections_i_to_v_in_order_and_the_closing(h1: Path) -> None:
    body = lines(open_docx(h1))
    headings = [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế",
        "3. Nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    at = [body.index(h) for h in headings]
    assert at == sorted(at)
    closing = body[body.index("Phụ lục I") - 1]
    assert closing == (
        "Trên đây là báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026 "
        "của Sở Ngoại vụ./."
    )
    # The notes' prose sits in its sections.
    assert between(body, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "II. KẾT QUẢ THỰC HIỆN")[0].startswith(
        "Lãnh đạo Sở quan tâm chỉ đạo"
    )
    assert between(body, "3. Nguyên nhân", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ") == [
        "Khối lượng công việc chuyên môn lớn; một số công chức kiêm nhiệm nhiều việc."
    ]
    assert "- Cập nhật kết quả thực hiện đúng hạn sau mỗi hoạt động." in body


def test_recipients_open_with_nhu_tren_and_skip_the_addressees(h1: Path, plan: Plan) -> None:
    recipients, signature = footer(open_docx(h1))
    assert recipients[:2] == ["Nơi nhận:", "- Như trên;"]
    assert "- Sở Nội vụ;" not in recipients and "- UBND tỉnh (b/c);" not in recipients
    assert recipients[-1] == "- Lưu: VT, VP."
    assert signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Tô Thị Trang"]


def test_without_notes_the_plans_addressees_are_used(march: Path) -> None:
    doc = open_docx(march)
    first = [p.text for p in doc.paragraphs[:6]]
    # plans/2026.yaml: reporting.addressees, from III.1 ("gửi UBND tỉnh, Sở Nội vụ").
    assert "Kính gửi:\t- Ủy ban nhân dân tỉnh Cao Bằng;" in first and "- Sở Nội vụ." in first
    assert doc.tables[0].cell(1, 1).text == "Cao Bằng, ngày      tháng 3 năm 2026"
    recipients, _ = footer(doc)
    assert recipients[1] == "- Như trên;" and "- UBND tỉnh (b/c);" not in recipients
    assert "- Sở Nội vụ;" not in recipients  # an addressee: covered by "Như trên"


# --- what the data says -------------------------------------------------------------------------


def test_results_are_grouped_by_task_with_their_evidence(h1: Path, plan: Plan) -> None:
    body = lines(open_docx(h1))
    results = between(body, "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG")
    period = parse_period("2026-H1", plan.reporting)
    progress = read_progress(files_in(SAMPLE / "2026"))
    entries = [
        e
        for e in progress.current()
        if period.start.isoformat() <= e.date <= min(period.end.isoformat(), AS_OF) and e.evidence
    ]
    assert entries
    for e in entries:
        task = next(t for t in plan.tasks() if t.id == e.task)
        head = results.index(f"- {short_title(task)}:")
        under = results[head + 1 :]
        mine = under[: next((i for i, r in enumerate(under) if not r.startswith("+ ")), None)]
        # One line per result, or per unit ("+ Văn phòng Sở: …; …") when several units report.
        result = e.result.rstrip(".")
        found = [r for r in mine if result in r or lower_first(result) in r]
        assert any(all(s in r for s in e.evidence) and "(văn bản số " in r for r in found), found


def test_indicator_figures_equal_the_status_totals(h1: Path, plan: Plan) -> None:
    board = status("2026-H1")
    by_section: dict[str, dict[str, float]] = {}
    for row in board["tasks"]:
        totals = by_section.setdefault(row["section"], {})
        for key, value in row["indicators"].items():
            totals[key] = totals.get(key, 0) + value  # every sample indicator in a shared
            # section is a sum (the `latest` one is alone in its section)
    names = {i.key: (i.name, i.unit) for i in plan.indicators}
    doc = open_docx(h1)
    # A section where several units report figures has a table by unit with a total row; the
    # section of one unit, a table by indicator; one figure alone, a sentence.
    by_unit = [t for t in data_tables(doc) if t[0][:2] == ["TT", "Đơn vị"]]
    by_indicator = [
        t for t in data_tables(doc) if t[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"]
    ]
    assert len(by_unit) == 1 and len(by_indicator) == 1
    totals = by_section["II.4"]  # sums: the total row adds up
    assert by_unit[0][0][2:] == [f"{names[k][0]} ({names[k][1]})" for k in totals]
    assert by_unit[0][-1][1:] == ["Tổng cộng", *[vn_number(v) for v in totals.values()]]
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["TT", "Đơn vị"])
    total, unit = table.rows[-1].cells, table.rows[1].cells  # the total row bold, a unit's not
    assert all(r.bold for c in total[1:] for p in c.paragraphs for r in p.runs)
    assert not any(r.bold for c in unit[1:] for p in c.paragraphs for r in p.runs)
    expected = [[names[k][0], names[k][1], vn_number(v)] for k, v in by_section["III.1"].items()]
    assert [row[1:] for row in by_indicator[0][1:]] == expected
    # II.3's one figure is a "latest" one: a sentence, not a table by unit without a total.
    single = [totals for totals in by_section.values() if len(totals) == 1]
    body = lines(doc)
    for totals in single:
        ((key, value),) = totals.items()
        name, unit = names[key]
        assert f"{name}: {vn_number(value)} {unit}." in body


def test_shortcomings_list_the_tasks_and_units_without_entries(march: Path, plan: Plan) -> None:
    board = status("2026-03")
    silent = [row["task"] for row in board["tasks"] if row["no_entry"]]
    assert 0 < len(silent) < len(board["tasks"])
    body = lines(open_docx(march))
    shortcomings = between(body, "2. Tồn tại, hạn chế", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ")
    assert shortcomings[0] == "- Nhiệm vụ chưa có kết quả được cập nhật trong kỳ:"
    tasks = {t.id: t for t in plan.tasks()}
    listed = [line for line in shortcomings if line.startswith("+ ")]
    assert len(listed) == len(silent)
    for task_id, line in zip(silent, listed, strict=True):
        assert line.startswith(f"+ {short_title(tasks[task_id])} (mục ")
    units = {u.id: u.name for u in plan.units}
    if board["silent_units"]:
        names = ", ".join(units[u] for u in board["silent_units"])
        assert f"- Đơn vị chưa báo cáo kết quả trong kỳ: {names}." in shortcomings


def test_next_steps_list_the_open_tasks(h1: Path, plan: Plan) -> None:
    body = lines(open_docx(h1))
    steps = between(body, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", "V. ĐỀ XUẤT, KIẾN NGHỊ")
    board = status("2026-H1")
    still_open = [row["task"] for row in board["tasks"] if row["status"] != "hoan-thanh"]
    tasks = {t.id: t for t in plan.tasks()}
    assert still_open
    for task_id in still_open:
        assert any(s.startswith(f"- {short_title(tasks[task_id])} (chủ trì: ") for s in steps)


def test_appendix_lists_every_task(h1: Path, plan: Plan) -> None:
    doc = open_docx(h1)
    body = lines(doc)
    at = body.index("Phụ lục I")
    assert body[at + 1] == "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026"
    assert body[at + 2] == "(Kèm theo Báo cáo số …/BC-SNgV ngày 16/6/2026 của Sở Ngoại vụ)"
    table = data_tables(doc)[-1]
    assert table[0] == ["TT", "Nhiệm vụ", "Chủ trì", "Tình trạng", "Cập nhật lần cuối"]
    assert len(table) - 1 == len(plan.tasks()) == 11
    board = {row["task"]: row for row in status("2026-H1")["tasks"]}
    for row, task in zip(table[1:], plan.tasks(), strict=True):
        assert row[1] == short_title(task)
        last = board[task.id]["last_update"]  # every task has an entry in this half-year
        y, m, d = map(int, last.split("-"))
        assert row[4] == (f"{d:02d}/{m:02d}/{y}" if m < 3 else f"{d:02d}/{m}/{y}")
    # The task column gets the room: widths follow the dashes of the template's header rule.
    widths = [c.width for c in doc.tables[-1].columns]
    assert widths[1] == max(widths) and widths[0] == min(widths)


def test_a_period_without_entries_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "progress"
    (empty / "2026").mkdir(parents=True)
    out = tmp_path / "bao-cao.docx"
    run = dvcq("report", "2026-01", "--progress", empty, "--as-of", AS_OF, "-o", out)
    assert run.returncode == 0, run.stderr
    doc = open_docx(out)
    body = lines(doc)
    results = between(body, "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG")
    assert results == [
        "Số liệu tính từ ngày 15/12/2025 đến ngày 14/01/2026.",
        "Trong kỳ báo cáo chưa có kết quả thực hiện nào được cập nhật.",
    ]
    assert between(body, "2. Tồn tại, hạn chế", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ") == [
        "- Chưa có nhiệm vụ nào được cập nhật kết quả trong kỳ.",
        "- Đơn vị chưa báo cáo kết quả trong kỳ: Văn phòng Sở, Các phòng chuyên môn, Lãnh đạo Sở.",
    ]
    assert norm(doc.paragraphs[1].text) == (
        "Kết quả thực hiện công tác dân vận chính quyền tháng 1/2026"
    )
    table = data_tables(doc)[-1]
    assert len(table) == 12 and {row[3] for row in table[1:]} == {"Chưa có báo cáo"}


# --- forms, files and failures ------------------------------------------------------------------


def test_markdown_form(tmp_path: Path) -> None:
    out = report(tmp_path / "bao-cao.md", "2026-H1", "--notes", NOTES)
    text = out.read_text(encoding="utf-8")
    assert "## II. KẾT QUẢ THỰC HIỆN" in text and "# Phụ lục I" in text
    shown = dvcq(
        "report", "2026-H1", "--progress", SAMPLE, "--as-of", AS_OF, "--notes", NOTES, "-f", "md"
    )
    assert shown.returncode == 0 and shown.stdout == text  # no -o: the Markdown on stdout
    clash = dvcq("report", "2026-H1", "--progress", SAMPLE, "-f", "md", "-o", tmp_path / "x.docx")
    assert clash.returncode == 2 and "--format md" in clash.stderr


def test_same_input_same_bytes(tmp_path: Path, h1: Path) -> None:
    again = report(tmp_path / "again.docx", "2026-H1", "--notes", NOTES)
    assert again.read_bytes() == h1.read_bytes()


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"keep")
    run = dvcq("report", "2026-H1", "--progress", SAMPLE, "-o", out)
    assert run.returncode == 1 and "--force" in run.stderr and out.read_bytes() == b"keep"
    report(out, "2026-H1", "--force")
    assert out.read_bytes()[:2] == b"PK"


def test_signer_overrides(tmp_path: Path) -> None:
    out = report(
        tmp_path / "x.docx",
        "2026-Q1",
        *("--signer-name", "Nguyễn Văn A", "--signer-title", "Giám đốc", "--signer-authority", ""),
    )
    assert footer(open_docx(out))[1] == ["GIÁM ĐỐC", "Nguyễn Văn A"]


@pytest.mark.parametrize(
    ("notes", "where", "words"),
    [
        ("day: mười sáu\n", "bad.yaml:1:6:", "“day” phải là số nguyên"),
        ("strenghts: tốt\n", "bad.yaml:1:1:", "Có phải ý bạn là “strengths”?"),
        ("addressees:\n  - [Sở Nội vụ]\n", "bad.yaml:2:5:", "phải là chuỗi văn bản"),
        ("leadership: |\n  tốt\n day: 3\n", "bad.yaml:3:2:", "Thụt lề không khớp: dòng này"),
        ("day: 31\n", "bad.yaml:1:6  lỗi  ", "ngày 31 không có trong tháng 6/2026"),
        ("- một danh sách\n", "bad.yaml:1:1:", "phải là bảng khóa–giá trị"),
    ],
)
def test_bad_notes_give_a_clear_message(tmp_path: Path, notes: str, where: str, words: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(notes, encoding="utf-8")
    out = tmp_path / "x.docx"
    run = dvcq("report", "2026-H1", "--progress", SAMPLE, "--notes", bad, "-o", out, cwd=ROOT)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and not out.exists()
    assert where.replace("bad.yaml", str(bad)) in run.stderr and words in run.stderr


def test_a_period_of_another_year_is_refused() -> None:
    run = dvcq("report", "2025-H1", "--progress", SAMPLE, "-f", "md")
    assert run.returncode == 2 and "2026" in run.stderr


# --- small pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        (
            "Triển khai thực hiện công tác dân vận chính quyền năm 2026",
            "Kết quả thực hiện công tác dân vận chính quyền quý II năm 2026",
        ),
        (
            "Thực hiện công tác dân vận năm 2023",
            "Kết quả thực hiện công tác dân vận quý II năm 2023",
        ),
        (
            "Công tác dân vận chính quyền giai đoạn 2021-2025",
            "Kết quả thực hiện công tác dân vận chính quyền quý II năm 2026",
        ),
        (
            "UBND tỉnh và công tác dân vận",
            "Kết quả thực hiện UBND tỉnh và công tác dân vận quý II năm 2026",
        ),
        (  # the year inside the subject: said once, where the plan says it
            "Thực hiện công tác dân vận chính quyền năm 2023 trên địa bàn tỉnh Bắc Kạn",
            "Kết quả thực hiện công tác dân vận chính quyền quý II năm 2023 trên địa bàn tỉnh Bắc Kạn",
        ),
        (
            "Triển khai công tác dân vận chính quyền năm 2025, trên địa bàn xã Tân Lập",
            "Kết quả thực hiện công tác dân vận chính quyền quý II năm 2025, trên địa bàn xã Tân Lập",
        ),
    ],
)
def test_report_subject_follows_the_plan_subject(plan: Plan, subject: str, expected: str) -> None:
    year = int(re.findall(r"năm (\d{4})", expected)[-1])
    original = plan.document.subject
    try:
        plan.document.subject = subject
        assert report_subject(plan, parse_period(f"{year}-Q2")) == expected
    finally:
        plan.document.subject = original


def test_small_helpers() -> None:
    assert vn_number(1234) == "1.234" and vn_number(95.5) == "95,5" and vn_number(9.0) == "9"
    assert lower_first("Triển khai") == "triển khai" and lower_first("UBND tỉnh") == "UBND tỉnh"
    block = parse("| a | b |\n|---|---------|\n| 1 | 2 |\n")[0]
    assert block.widths == [3, 9] and block.header_rows == 1


@needs_office
def test_libreoffice_prints_the_report(h1: Path, tmp_path: Path) -> None:
    text = printed_text(h1, tmp_path)
    first = text.split("\f")[0]
    quoc_hieu = [line for line in first.splitlines() if "CỘNG HÒA" in line]
    assert len(quoc_hieu) == 1 and layout.QUOC_HIEU in quoc_hieu[0]  # on one line
    assert "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026" in norm(first)
    assert "Kính gửi:" in first
    assert "Tô Thị Trang" in text
    assert re.search(r"Phụ lục I", text)
