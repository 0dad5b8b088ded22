"""Issuers as the genre prints them: a UBND with no superior line, the names' lines chosen by the
author (`name_lines`, `superior_lines`), a collective signature block (`authority_lines`), and the
problems each of them gives, with positions (docs/domain.md §6.1; minimal.yaml's line numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run
from docx.document import Document
from docx_read import look, open_docx, texts
from plan_text import edit, found, minimal, plan_of, problems_of

from dvcq.documents import layout
from dvcq.documents.header import plan_header
from dvcq.documents.render import plan_markdown
from dvcq.documents.wording import default_addressees, report_recipients
from dvcq.rules.check import plan_from_text

SUPERIOR = "    superior: Ủy ban nhân dân tỉnh Cao Bằng\n"
SIGNER = "    authority: KT. GIÁM ĐỐC\n    title: PHÓ GIÁM ĐỐC\n"

UBND_XA = (
    (
        "    name: Sở Ngoại vụ\n" + SUPERIOR,
        "    name: Ủy ban nhân dân xã Tân Lập\n    name_lines: [Ủy ban nhân dân, xã Tân Lập]\n",
    ),
    (SIGNER, "    authority_lines: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]\n    title: PHÓ CHỦ TỊCH\n"),
)


REPORTS_TO = "reporting:\n  addressees: [Ủy ban nhân dân huyện Bạch Thông]\n"


def ubnd_xa() -> str:
    """minimal.yaml as a commune's plan: no superior, its reports' addressee named."""
    return edit(minimal(), *UBND_XA) + REPORTS_TO


def rendered(text: str) -> Document:
    plan = plan_of(text)
    return open_docx(layout.render(plan_header(plan), plan_markdown(plan)))


def header_lines(doc: Document) -> list[tuple[str, bool | None]]:
    cell = doc.tables[0].cell(0, 0)
    return [(look(p).text, look(p).bold) for p in cell.paragraphs if p.text.strip()]


def signature_lines(doc: Document) -> list[str]:
    table = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    return [t for t in texts(table.rows[0].cells[1]) if t]


# --- what is printed ------------------------------------------------------------------------------


def test_a_ubnd_without_superior_prints_itself_as_the_top_lines_bold() -> None:
    doc = rendered(ubnd_xa())
    assert header_lines(doc) == [("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN LẬP", True)]


def test_a_collective_block_prints_its_lines_in_order() -> None:
    doc = rendered(ubnd_xa())
    assert signature_lines(doc) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Tô Thị Trang",
    ]


def test_superior_lines_break_the_superior_where_the_author_says() -> None:
    text = edit(
        minimal(),
        (SUPERIOR, SUPERIOR + "    superior_lines: [Ủy ban nhân dân, tỉnh Cao Bằng]\n"),
    )
    assert found(text) == []
    doc = rendered(text)
    assert header_lines(doc) == [
        ("ỦY BAN NHÂN DÂN", False),
        ("TỈNH CAO BẰNG", False),
        ("SỞ NGOẠI VỤ", True),
    ]


def test_without_name_lines_the_old_header_and_signer_stay() -> None:
    doc = rendered(minimal())
    assert header_lines(doc) == [("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", False), ("SỞ NGOẠI VỤ", True)]
    assert signature_lines(doc) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Tô Thị Trang"]


# --- the problems, with positions ---------------------------------------------------------------


def test_the_ubnd_plan_is_clean() -> None:
    assert found(ubnd_xa()) == []


def test_an_abbreviated_line_still_spells_the_name() -> None:
    text = (
        edit(
            minimal(),
            (SUPERIOR, "    name_lines: [UBND tỉnh Cao Bằng]\n"),
            ("    name: Sở Ngoại vụ\n", "    name: Ủy ban nhân dân tỉnh Cao Bằng\n"),
        )
        + REPORTS_TO
    )
    assert found(text) == []


def test_name_lines_that_are_not_the_name() -> None:
    text = edit(minimal(), (SUPERIOR, SUPERIOR + "    name_lines: [Sở Ngoại, vụ tỉnh]\n"))
    assert found(text) == [("name-lines-mismatch", 9, 17)]


def test_superior_lines_without_a_superior() -> None:
    text = edit(minimal(), (SUPERIOR, "    superior_lines: [Ủy ban nhân dân, tỉnh Cao Bằng]\n"))
    assert found(text + REPORTS_TO) == [("superior-lines-alone", 8, 21)]


def test_no_superior_and_no_addressee_warns_at_the_agency() -> None:
    assert found(edit(minimal(), *UBND_XA)) == [("report-no-addressee", 6, 5)]


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("    name: Sở Ngoại vụ\n", '    name: "Sở Ngoại\\nvụ"\n', (7, 12)),
        (SUPERIOR, '    superior: "Ủy ban nhân dân\\ntỉnh Cao Bằng"\n', (8, 16)),
        ("    title: PHÓ GIÁM ĐỐC\n", "    title: |-\n      PHÓ\n      GIÁM ĐỐC\n", (17, 12)),
    ],
)
def test_a_hidden_line_break_in_a_name(old: str, new: str, where: tuple[int, int]) -> None:
    assert found(edit(minimal(), (old, new))) == [("name-line-break", *where)]


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        ("[KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN]", [(16, 37, "tm-first")]),  # TM. on the second line
        (
            "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]",
            [(16, 44, "no-prefix")],
        ),  # the title belongs in `title`
        (
            "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, TL. CHÁNH VĂN PHÒNG]",
            [(16, 58, "one-more")],
        ),  # one too many
        ("[KT. GIÁM ĐỐC, TL. GIÁM ĐỐC]", [(16, 37, "one-more")]),  # two without TM.
        ("[TL. CHỦ TỊCH]", []),
        ("[TM. ỦY BAN NHÂN DÂN, Q. CHỦ TỊCH]", []),
    ],
)
def test_authority_lines_in_the_order_of_nd30(
    lines: str, where: list[tuple[int, int, str]]
) -> None:
    text = edit(minimal(), ("    authority: KT. GIÁM ĐỐC\n", f"    authority_lines: {lines}\n"))
    got = [(p.rule, p.pos.line, p.pos.col, p.params["reason"]) for p in problems_of(text)]
    assert got == [("signer-authority-lines", ln, col, f"authority:{r}") for ln, col, r in where]


def test_authority_and_authority_lines_both() -> None:
    text = edit(
        minimal(),
        (
            "    authority: KT. GIÁM ĐỐC\n",
            "    authority: KT. GIÁM ĐỐC\n    authority_lines: [KT. GIÁM ĐỐC]\n",
        ),
    )
    assert found(text) == [("signer-authority-twice", 17, 22)]


def test_an_authority_prefix_on_the_title_line() -> None:
    text = edit(minimal(), ("    title: PHÓ GIÁM ĐỐC\n", "    title: KT. PHÓ GIÁM ĐỐC\n"))
    assert found(text) == [("signer-title-prefix", 17, 12)]


def test_a_subject_in_capitals_is_a_warning_at_the_subject() -> None:
    text = edit(
        minimal(),
        (
            "  subject: Triển khai thực hiện công tác dân vận chính quyền năm 2026\n",
            "  subject: TRIỂN KHAI THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2026\n",
        ),
    )
    assert found(text) == [("subject-capitals", 14, 12)]


def test_a_report_without_addressees_has_no_nhu_tren() -> None:
    plan, _ = plan_from_text(edit(minimal(), *UBND_XA), "plan.yaml")  # with its warning
    assert plan is not None
    assert default_addressees(plan) == []
    assert report_recipients(plan, []) == plan.recipients
    assert report_recipients(plan, ["Ủy ban nhân dân huyện Bạch Thông"])[0] == "Như trên;"


def test_a_review_shows_changed_header_and_authority_lines(tmp_path: Path) -> None:
    old = tmp_path / "a.yaml"
    new = tmp_path / "b.yaml"
    old.write_text(ubnd_xa(), encoding="utf-8")
    new.write_text(ubnd_xa().replace("KT. CHỦ TỊCH", "Q. CHỦ TỊCH"), encoding="utf-8")
    result = run("diff", old, new, cwd=tmp_path, env={"DVCQ_LANG": None, "COLUMNS": "200"})
    assert (
        "Đổi các dòng thẩm quyền ký của thông tin văn bản: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH → "
        "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH" in result.stdout
    ), result.stdout
