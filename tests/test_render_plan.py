"""`dvcq render plan`: the real CLI on the sample plan (tests/data/sample), read back with python-docx
and LibreOffice.

The rendered KẾ HOẠCH must say what the issued plan says (tests/data/source-plan-2026.txt),
paragraph for paragraph and in order, with the header and footer the source lost on extraction.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_run import ROOT, SAMPLE_PLAN
from cli_run import dvcq_as_is as dvcq
from docx_read import (
    body_paragraphs,
    member,
    needs_office,
    nonempty,
    norm,
    open_docx,
    printed_text,
    texts,
)

from dvcq.documents import layout

PLAN = SAMPLE_PLAN
SOURCE = ROOT / "tests" / "data" / "source-plan-2026.txt"
BROKEN = ROOT / "tests" / "data" / "broken"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "ke-hoach.docx"
    run = dvcq("render", "plan", PLAN, "-o", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"Đã ghi {out}.\n" and run.stderr == ""
    return out


# --- the source, split as the issued plan is ----------------------------------------------------


def source_parts() -> tuple[list[str], list[str], list[str]]:
    """(header lines, body paragraphs, footer lines) of the source, whitespace normalised."""
    paras = [norm(p) for p in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")) if p.strip()]
    title = next(i for i, p in enumerate(paras) if p.startswith("KẾ HOẠCH"))
    received = paras.index("Nơi nhận:")
    body: list[str] = []
    for para in paras[title + 1 : received]:
        if body and body[-1].endswith(","):  # the stray line break of II.2 (see test_plan_source)
            body[-1] += " " + para
        else:
            body.append(para)
    return paras[: title + 1], body, paras[received:]


def test_every_source_paragraph_is_in_the_document_in_order(rendered: Path) -> None:
    _, source, _ = source_parts()
    assert len(source) == 24
    assert [norm(p.text) for p in body_paragraphs(open_docx(rendered))] == source


def test_header_says_what_the_source_says(rendered: Path) -> None:
    (number, date, title), _, _ = source_parts()
    doc = open_docx(rendered)
    header = doc.tables[0]
    assert norm(header.cell(1, 0).text) == number == "Số: /KH-SNgV"
    assert header.cell(1, 0).text == "Số:      /KH-SNgV"  # room to write the number in
    assert norm(header.cell(1, 1).text) == date == "Cao Bằng, ngày tháng 4 năm 2026"
    assert header.cell(1, 1).text == "Cao Bằng, ngày      tháng 4 năm 2026"
    kind, subject = nonempty(doc.paragraphs)[:2]
    assert f"{kind.text} {subject.text}" == title
    # The letterhead the extracted source lost: from the plan's agency data.
    assert texts(header.cell(0, 0))[:2] == ["UBND TỈNH CAO BẰNG", "SỞ NGOẠI VỤ"]
    assert texts(header.cell(0, 1))[:2] == [layout.QUOC_HIEU, layout.TIEU_NGU]


def test_footer_says_what_the_source_says(rendered: Path) -> None:
    _, _, (received, recipients, signer, name) = source_parts()
    footer = open_docx(rendered).tables[-1]
    left = texts(footer.cell(0, 0))
    assert left[0] == received
    assert " ".join(left[1:]) == recipients
    assert left[-1] == "- Lưu: VT, VP."
    assert " ".join(texts(footer.cell(0, 1))) == f"{signer.strip('*')} {name}"


def test_properties_name_the_agency_and_subject(rendered: Path) -> None:
    props = open_docx(rendered).core_properties
    assert props.author == "Sở Ngoại vụ"
    assert props.title == "Triển khai thực hiện công tác dân vận chính quyền năm 2026"


def test_same_plan_same_bytes(rendered: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    assert dvcq("render", "plan", PLAN, "-o", again).returncode == 0
    data, first = again.read_bytes(), rendered.read_bytes()
    assert member(data, "word/document.xml") == member(first, "word/document.xml")
    assert data == first


# --- refusals -----------------------------------------------------------------------------------


def test_existing_output_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    out.write_bytes(b"keep me")
    run = dvcq("render", "plan", PLAN, "-o", out)
    assert run.returncode == 1
    assert (
        run.stderr
        == f"Lỗi: Tệp {out} đã có; không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.\n"
    )
    assert out.read_bytes() == b"keep me"
    run = dvcq("render", "plan", PLAN, "-o", out, "--force")
    assert run.returncode == 0, run.stderr
    assert open_docx(out).tables[0].cell(0, 1).paragraphs[0].text == layout.QUOC_HIEU
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.docx"]  # no temporary file left


@pytest.mark.parametrize(
    ("fixture", "rule"),
    [
        ("control-character.yaml", "control-character"),
        ("missing-signer.yaml", "missing-signer"),
        ("empty-section.yaml", "empty-section"),
    ],
)
def test_plan_with_errors_is_refused_and_nothing_written(
    fixture: str, rule: str, tmp_path: Path
) -> None:
    """The checker's errors stop the render, with the place of the first one and what to run."""
    out = tmp_path / "out.docx"
    run = dvcq("render", "plan", BROKEN / fixture, "-o", out, "--lang", "en")
    assert run.returncode == 1
    assert re.match(
        rf"Error: Plan .*{fixture} has 1 error\(s\), e\.g\. .*{fixture}:\d+:\d+: ", run.stderr
    )
    assert f"dvcq check {BROKEN / fixture}" in run.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []
    check = dvcq("check", BROKEN / fixture, "--format", "json")
    assert f'"rule": "{rule}"' in check.stdout


def test_output_must_be_docx_pdf_or_md(tmp_path: Path) -> None:
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "ke-hoach.odt")
    assert run.returncode == 2 and ".docx" in run.stderr
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "no" / "such" / "x.docx")
    assert run.returncode == 1 and "no" in run.stderr and "tạo thư mục" in run.stderr


def test_markdown_output_is_the_template_text(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.md"
    assert dvcq("render", "plan", "-o", out).returncode == 0  # the only plan in plans/
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Thực hiện Kế hoạch số 918/KH-UBND")
    assert "\n## II. NỘI DUNG THỰC HIỆN\n" in text and text.endswith("thực hiện./.\n")


def test_templates_option_and_template_errors(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "plan.md.j2").write_text("{{ closing | para }}\n\n{{ nothing }}\n", encoding="utf-8")
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "x.docx", "--templates", folder)
    assert run.returncode == 1
    assert f"{os.path.relpath(folder / 'plan.md.j2', ROOT)}:3:" in run.stderr
    (folder / "plan.md.j2").write_text("{{ closing | para }}\n", encoding="utf-8")
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "x.docx", "--templates", folder)
    assert run.returncode == 0, run.stderr
    assert [p.text for p in body_paragraphs(open_docx(tmp_path / "x.docx"))] == [
        yaml.safe_load(PLAN.read_text(encoding="utf-8"))["closing"]
    ]


def test_default_templates_folder_is_looked_for_in_the_working_folder(tmp_path: Path) -> None:
    # Without templates/ in the working folder, the packaged defaults speak; with one, it does.
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "x.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (
        (tmp_path / "x.md")
        .read_text(encoding="utf-8")
        .startswith("Thực hiện Kế hoạch số 918/KH-UBND")
    )
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "plan.md.j2").write_text("{{ closing | para }}\n", encoding="utf-8")
    run = dvcq("render", "plan", PLAN, "-o", tmp_path / "y.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "y.md").read_text(encoding="utf-8") == (
        yaml.safe_load(PLAN.read_text(encoding="utf-8"))["closing"] + "\n"
    )


# --- scale and speed ----------------------------------------------------------------------------


def test_a_plan_of_1000_tasks_renders(tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    sections = data["contents"]["sections"]
    originals = [(s, t) for s in sections for t in s["tasks"]]
    for s in sections:
        s["tasks"] = []
    for n in range(1000):
        section, task = originals[n % len(originals)]
        clone = copy.deepcopy(task)
        clone["id"] = f"{task['id']}-{n}"
        section["tasks"].append(clone)
    plan = tmp_path / "plans" / "big.yaml"
    plan.parent.mkdir()
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "big.docx"
    started = time.monotonic()
    run = dvcq("render", "plan", plan, "-o", out, "--templates", ROOT / "templates")
    assert run.returncode == 0, run.stderr
    assert time.monotonic() - started < 60
    bullets = [p for p in body_paragraphs(open_docx(out)) if p.text.startswith("- ")]
    tasks_in_iii = 2  # III.1 has two tasks (bullets); III.2 one (a plain paragraph)
    assert len(bullets) == 1000 + tasks_in_iii


# --- LibreOffice: the document as it prints -----------------------------------------------------


@needs_office
def test_libreoffice_prints_the_plan(rendered: Path, tmp_path: Path) -> None:
    text = printed_text(rendered, tmp_path)
    pdf = tmp_path / "ke-hoach.pdf"  # left beside it by printed_text
    pages = text.split("\f")
    lines = pages[0].splitlines()
    quoc_hieu = [line for line in lines if "CỘNG HÒA" in line]
    assert len(quoc_hieu) == 1 and layout.QUOC_HIEU in quoc_hieu[0]  # on one line
    assert any(layout.TIEU_NGU in line for line in lines)
    assert "Triển khai thực hiện công tác dân vận chính quyền năm 2026" in norm(pages[0])
    assert "Tô Thị Trang" in text
    # Page numbers: none on page 1, "2" heading page 2.
    assert not re.fullmatch(r"\s*\d+\s*", next(line for line in lines if line.strip()))
    assert next(line for line in pages[1].splitlines() if line.strip()).strip() == "2"
    # The motto's rule is as long as the motto as printed (within 1 mm).
    bbox = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for m in re.finditer(
        r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', bbox, re.S
    ):
        words = " ".join(re.findall(r">([^<]+)</word>", m[3]))
        if words == layout.TIEU_NGU:
            width_mm = (float(m[2]) - float(m[1])) * 25.4 / 72
            assert width_mm == pytest.approx(layout.TIEU_NGU_MM, abs=1)
            break
    else:
        pytest.fail("motto not found as one line in the PDF")
