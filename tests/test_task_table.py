"""The task-table appendix (`task_table:`): rows from the tasks in the columns the plan chooses, on
landscape pages numbered on their own; and tests/data/plans/so-deliverables.yaml, a Sở plan of
another province with deliverables and deadlines, through check, render, LibreOffice, status and
report."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx_read import needs_office, open_docx, printed_text, texts
from plan_text import edit, problems_of

from dvcq.documents.markup import parse

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "data" / "plans" / "so-deliverables.yaml"
HEADINGS = [
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
]


def repository(tmp_path: Path, text: str | None = None) -> Path:
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / "plans" / "2025.yaml").write_text(
        PLAN.read_text(encoding="utf-8") if text is None else text, encoding="utf-8"
    )
    return repo


def test_the_plan_passes_check(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("check", PLAN, cwd=ROOT)
    assert (run.returncode, run.stdout) == (0, "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo.\n")


def test_landscape_marker_in_the_markup() -> None:
    (block,) = parse("# [khổ ngang]\n# Phụ lục\n# Danh mục")
    assert (block.kind, block.landscape, block.lines) == ("appendix", True, ["Phụ lục", "Danh mục"])
    (block,) = parse("# Phụ lục I\n# Danh mục")
    assert block.landscape is False


def test_rendered_appendix_is_a_landscape_section_numbered_from_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = repository(tmp_path)
    run = cli("render", "plan", "-o", "ke-hoach.docx", cwd=repo)
    assert run.returncode == 0, run.stderr
    doc = open_docx(repo / "ke-hoach.docx")
    body, appendix = doc.sections

    def mm(section: Any) -> tuple[Any, ...]:
        return (
            section.orientation,
            *(round(getattr(section, f).mm) for f in ("page_width", "page_height")),
            *(
                round(getattr(section, f"{e}_margin").mm)
                for e in ("top", "bottom", "left", "right")
            ),
        )

    assert mm(body) == (WD_ORIENT.PORTRAIT, 210, 297, 20, 20, 30, 15)
    assert mm(appendix) == (WD_ORIENT.LANDSCAPE, 297, 210, 30, 15, 20, 20)
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    table = doc.tables[-1]
    assert [texts(c)[0] for c in table.rows[0].cells] == HEADINGS
    assert len(table.rows) == 7  # the header and the six tasks
    assert [" ".join(texts(c)) for c in table.rows[2].cells] == [
        "2",
        "Tổ chức hội nghị sơ kết 6 tháng và tổng kết năm về công tác dân vận chính quyền của Sở.",
        "Văn phòng Sở",
        "Phòng Phổ biến, giáo dục pháp luật, Phòng Hành chính tư pháp",
        "Tháng 6/2025; Tháng 12/2025",
        "Báo cáo sơ kết, tổng kết",
    ]
    # The table fills the landscape text width: 297 - 20 - 20 mm.
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.gridCol_lst]
    assert abs(sum(widths) - round(257 * 1440 / 25.4)) <= len(widths)
    paragraphs = [p.text for p in doc.paragraphs if p.text]
    assert paragraphs[-3:] == [
        "Phụ lục",
        "DANH MỤC NHIỆM VỤ",
        "(Kèm theo Kế hoạch số …/KH-STP ngày … tháng 02 năm 2025 của Sở Tư pháp)",
    ]


def test_columns_are_chosen_in_data(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = edit(
        PLAN.read_text(encoding="utf-8"),
        (
            "columns: [number, text, owner, support, deadlines, deliverable]",
            "columns: [number, text, deliverable]",
        ),
    )
    repo = repository(tmp_path, text)
    assert cli("render", "plan", "-o", "k.docx", cwd=repo).returncode == 0
    table = open_docx(repo / "k.docx").tables[-1]
    assert [texts(c)[0] for c in table.rows[0].cells] == ["STT", "Nội dung nhiệm vụ", "Sản phẩm"]


def test_without_task_table_no_appendix(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = PLAN.read_text(encoding="utf-8").split("task_table:")[0]
    repo = repository(tmp_path, text)
    assert cli("render", "plan", "-o", "k.docx", cwd=repo).returncode == 0
    assert len(open_docx(repo / "k.docx").sections) == 1


def test_an_unknown_column_has_its_position() -> None:
    text = edit(
        PLAN.read_text(encoding="utf-8"),
        ("columns: [number, text, owner,", "columns: [number, tasks, owner,"),
    )
    (problem,) = problems_of(text)
    line = text.splitlines().index(
        "  columns: [number, tasks, owner, support, deadlines, deliverable]"
    )
    assert (problem.rule, problem.pos, problem.params["value"]) == (
        "invalid-value",
        (line + 1, 21),
        "tasks",
    )


# --- the whole way, as a clerk goes -------------------------------------------------------------

ENTRIES = [  # (task, unit, date, status): one task done late, others overdue
    ("ra-soat-thu-tuc", "HCTP", "2025-07-03", "hoan-thanh"),  # due Quý II/2025: done late
    ("hoi-nghi-so-ket", "VP", "2025-06-20", "dang-thuc-hien"),  # due 30/6: overdue
    ("pho-bien-phap-luat", "PBGDPL", "2025-03-25", "hoan-thanh"),  # Q1 in time, Q2 missed
]


def add_entries(cli, repo: Path, env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for task, unit, day, status in ENTRIES:
        run = cli(
            "progress", "add", task, "-u", unit, "-d", day, "-s", status,
            "-r", "Đã thực hiện theo kế hoạch.", "--author", "Nguyễn An", "-y",
            cwd=repo, env=env,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr


def test_status_text_says_overdue_due_soon_and_done_late(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = repository(tmp_path)
    env = {"DVCQ_TODAY": "2025-07-10"}
    add_entries(cli, repo, env)
    run = cli("status", "--period", "2025", "--as-of", "2025-07-10", cwd=repo, env=env)
    assert run.returncode == 0, run.stderr
    table = run.stdout.split("┘")[0]
    assert "Hoàn thành" in table and "muộn" in table  # "Hoàn thành muộn", wrapped at 80 columns
    assert "4 quá hạn, 1 hoàn thành muộn. Đơn vị" in " ".join(run.stdout.split())
    run = cli("status", "--period", "2025", "--as-of", "2025-06-25", cwd=repo, env=env)
    assert "2 quá hạn, 3 sắp đến hạn. Đơn vị" in " ".join(run.stdout.split())
    assert "sắp đến" in run.stdout.split("┘")[0]  # a row's flag, not only the summary


@needs_office
def test_the_so_plan_prints_and_runs_through_status_and_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = repository(tmp_path)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    env = {"DVCQ_TODAY": "2025-07-10"}
    add_entries(cli, repo, env)
    assert cli("check", cwd=repo, env=env).returncode == 0

    assert cli("render", "plan", "-o", "ke-hoach.docx", cwd=repo, env=env).returncode == 0
    text = printed_text(repo / "ke-hoach.docx", tmp_path)
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends with a form feed
    assert len(pages) == 3
    assert all(page.strip() for page in pages)  # no blank page
    assert "KẾ HOẠCH" in pages[0] and "Lê Văn Minh" in pages[1]
    assert "DANH MỤC NHIỆM VỤ" in pages[2] and "Quý II/2025" in pages[2]
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "3", str(tmp_path / "ke-hoach.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    portrait, landscape = ("595.304", "841.89"), ("841.89", "595.304")
    assert sizes == [portrait, portrait, landscape]
    if shutil.which("pdftoppm"):  # pictures to look at: page 1 and the appendix
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                str(tmp_path / "ke-hoach.pdf"),
                str(tmp_path / "page"),
            ],
            check=True,
        )

    run = cli(
        "status", "--period", "2025", "--as-of", "2025-07-10", "-f", "json", cwd=repo, env=env
    )
    assert run.returncode == 0, run.stderr
    rows = {r["task"]: r for r in json.loads(run.stdout)["tasks"]}
    flags = {t: (r["overdue"], r["done_late"]) for t, r in rows.items()}
    assert flags == {
        "pho-bien-phap-luat": (True, False),
        "hoi-nghi-so-ket": (True, False),
        "ra-soat-thu-tuc": (False, True),
        "tiep-cong-dan": (False, False),
        "bao-cao-dinh-ky": (True, False),
        "hoan-thanh-truoc-ngay": (True, False),
    }
    assert rows["hoi-nghi-so-ket"]["deadlines"] == ["Tháng 6/2025", "Tháng 12/2025"]
    assert rows["hoi-nghi-so-ket"]["next_due"] == "2025-12-31"

    run = cli("report", "2025-H1", "--as-of", "2025-07-10", "-f", "md", cwd=repo, env=env)
    assert run.returncode == 0, run.stderr
    late = run.stdout.split("- Nhiệm vụ hoàn thành chậm so với thời hạn:")[1].split("\n- ")[0]
    assert "(hạn Quý II/2025; chủ trì: Phòng Hành chính tư pháp)" in late
    overdue = run.stdout.split("- Nhiệm vụ quá hạn chưa hoàn thành:")[1]
    assert "(hạn Tháng 6/2025; Tháng 12/2025; chủ trì: Văn phòng Sở)" in overdue


def test_an_appendix_after_a_landscape_one_is_portrait_again() -> None:
    from plan_text import minimal, plan_of

    from dvcq.documents import layout
    from dvcq.documents.header import plan_header

    body = "Nội dung.\n\n# [khổ ngang]\n# Phụ lục I\n\nBảng.\n\n# Phụ lục II\n\nVăn bản.\n"
    doc = open_docx(layout.render(plan_header(plan_of(minimal())), body))
    assert [s.orientation for s in doc.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    assert [round(s.page_width.mm) for s in doc.sections] == [210, 297, 210]
