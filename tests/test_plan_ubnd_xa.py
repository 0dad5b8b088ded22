"""A UBND xã plan end to end (tests/data/plans/ubnd-xa.yaml): `check`, the .docx header and
signature as NĐ 30 prints a commune's, progress entries by `dvcq progress add`, `status`, and a
report whose title and opening read correctly with a subject that does not end with the year."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import ROOT, Result, run
from docx.document import Document
from docx_read import look, needs_office, norm, open_docx, printed_text, texts

XA = ROOT / "tests" / "data" / "plans" / "ubnd-xa.yaml"
TODAY = "2025-06-20"


def dvcq(cwd: Path, *args: str | Path) -> Result:
    return run(*args, cwd=cwd, env={"DVCQ_LANG": None, "COLUMNS": "80", "DVCQ_TODAY": TODAY})


def signature(doc: Document) -> list[str]:
    """The lines of the signature column, beside Nơi nhận."""
    table = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    return [t for t in texts(table.rows[0].cells[1]) if t]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A commune's repository: the plan and two entries written by `dvcq progress add`."""
    root = tmp_path_factory.mktemp("ubnd-xa")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "plans").mkdir()
    shutil.copyfile(XA, root / "plans" / "2025.yaml")
    for args in (
        ("quan-triet-ke-hoach", "-u", "VPTK", "-d", "2025-03-12", "-s", "hoan-thanh"),
        ("tiep-cong-dan", "-u", "VPTK", "-d", "2025-05-20", "-s", "dang-thuc-hien"),
    ):
        value = (
            "buoi-tuyen-truyen=1" if args[0] == "quan-triet-ke-hoach" else "luot-tiep-cong-dan=7"
        )
        added = dvcq(
            root,
            "progress",
            "add",
            *args,
            *("-r", "Tổ chức hội nghị, tiếp công dân theo lịch", "-v", value),
            *("--author", "Nông Thị Lan", "-y"),
        )
        assert added.returncode == 0, added.stderr
    return root


def test_the_commune_plan_and_its_progress_pass_check(repo: Path) -> None:
    checked = dvcq(repo, "check")
    assert checked.returncode == 0, checked.stdout
    assert "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo." in checked.stdout


def test_the_plan_prints_the_committee_alone_and_its_collective_signature(repo: Path) -> None:
    assert dvcq(repo, "render", "plan", "-o", "kh.docx").returncode == 0
    doc = open_docx(repo / "kh.docx")
    box2 = [look(p) for p in doc.tables[0].cell(0, 0).paragraphs if p.text.strip()]
    assert [(x.text, x.bold) for x in box2] == [("ỦY BAN NHÂN DÂN", True), ("XÃ CẨM GIÀNG", True)]
    assert doc.tables[0].cell(1, 1).paragraphs[0].text == "Cẩm Giàng, ngày 20 tháng 02 năm 2025"
    assert signature(doc) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Hoàng Văn Thắng",
    ]


def test_status_counts_the_entries(repo: Path) -> None:
    status = dvcq(repo, "status")
    assert status.returncode == 0, status.stderr
    assert (
        "2/8 nhiệm vụ có báo cáo (25,0 %), 1 hoàn thành (12,5 %), 0 quá hạn. Đơn vị chưa báo cáo:"
        in norm(status.stdout)
    )


def test_the_report_says_the_year_once_where_the_subject_says_it(repo: Path) -> None:
    made = dvcq(repo, "report", "2025-H1", "-f", "md")
    assert made.returncode == 0, made.stderr
    opening = next(line for line in made.stdout.splitlines() if line.startswith("Thực hiện "))
    assert opening.endswith(
        ", Ủy ban nhân dân xã Cẩm Giàng báo cáo kết quả thực hiện công tác dân vận chính quyền "
        "6 tháng đầu năm 2025 trên địa bàn xã Cẩm Giàng như sau:"
    )
    assert dvcq(repo, "report", "2025-H1", "-o", "bc.docx").returncode == 0
    doc = open_docx(repo / "bc.docx")
    subject = next(p.text for p in doc.paragraphs if p.text.startswith("Kết quả thực hiện"))
    assert subject == (
        "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025 trên địa bàn xã "
        "Cẩm Giàng"
    )
    paragraphs = [norm(p.text) for p in doc.paragraphs]
    at = next(i for i, t in enumerate(paragraphs) if t.startswith("Kính gửi:"))
    assert paragraphs[at : at + 2] == [
        "Kính gửi: - Ủy ban nhân dân huyện Bạch Thông;",
        "- Phòng Nội vụ huyện Bạch Thông.",
    ]


@needs_office
def test_libreoffice_prints_the_commune_header_without_blank_pages(
    repo: Path, tmp_path: Path
) -> None:
    assert dvcq(repo, "render", "plan", "-o", "ke-hoach.docx").returncode == 0
    text = printed_text(repo / "ke-hoach.docx", tmp_path)
    pages = text.split("\f")
    assert pages[-1].strip() == "" and all(page.strip() for page in pages[:-1])
    assert len(pages) - 1 == 2
    lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    # Box 2 beside the Quốc hiệu: the committee's two lines and no superior above them.
    assert re.fullmatch(r"ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines[0])
    assert re.fullmatch(r"XÃ CẨM GIÀNG\s+Độc lập - Tự do - Hạnh phúc", lines[1])
    assert re.fullmatch(r"Số: 15/KH-UBND\s+Cẩm Giàng, ngày 20 tháng 02 năm 2025", lines[2])
    assert lines[3] == "KẾ HOẠCH"
    assert (
        text.count("ỦY BAN NHÂN DÂN") == 2
    )  # the header and TM. ỦY BAN NHÂN DÂN, never twice up top
    last = [line.strip() for line in pages[-2].splitlines() if line.strip()]
    footer = last[next(i for i, line in enumerate(last) if line.startswith("Nơi nhận:")) :]
    signature = [re.split(r"\s{2,}", line)[-1] for line in footer]
    assert [s for s in signature if s.isupper()] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert last[-1] == "Hoàng Văn Thắng"


@pytest.mark.parametrize(
    ("authority", "title", "expected"),
    [
        ("", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),  # the chair signs: TM. stays
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ],
)
def test_a_report_signer_override_keeps_the_committee_line(
    repo: Path, authority: str, title: str, expected: list[str]
) -> None:
    out = repo / f"bc-{len(authority)}.docx"
    made = dvcq(
        repo,
        *("report", "2025-H1", "-o", out, "--signer-authority", authority),
        *("--signer-title", title, "--signer-name", "Lý Văn Nam"),
    )
    assert made.returncode == 0, made.stderr
    assert signature(open_docx(out)) == [*expected, "Lý Văn Nam"]
