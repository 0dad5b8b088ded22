"""The NĐ 30/2020 layout (dvcq/documents/layout.py), read back with python-docx: page, fonts, blocks, rules.

Sizes and styles are those of docs/domain.md §1 (the decree's Phụ lục I). The document here is
built from pure data, without a plan or a template, so each test points at the layout alone.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx_read import MM, Look, look, member, nonempty, open_docx, rule_width_mm, rules_in, texts

from dvcq.documents import layout
from dvcq.documents.header import Header
from dvcq.documents.markup import parse
from dvcq.errors import DvcqError
from dvcq.model import Signer

INFO = Header(
    superior="UBND tỉnh Cao Bằng",
    agency="Sở Ngoại vụ",
    symbol="KH-SNgV",
    type_name="Kế hoạch",
    subject="Triển khai thực hiện công tác dân vận chính quyền năm 2026",
    place="Cao Bằng",
    year=2026,
    month=4,
    recipients=("UBND tỉnh (b/c);", "Sở Nội vụ;", "Lưu: VT, VP."),
    signer=Signer(authority="KT. GIÁM ĐỐC", title="Phó Giám đốc", name="Tô Thị Trang"),
)
BODY = """\
Thực hiện Kế hoạch số 918/KH-UBND, Sở Ngoại vụ xây dựng Kế hoạch như sau:

## I. mục đích, yêu cầu

1. Nâng cao trách nhiệm của người đứng đầu.

### 1. Công tác lãnh đạo, chỉ đạo

- Tổ chức triển khai.

- Đổi mới công tác tuyên truyền.

Trên đây là Kế hoạch./.
"""


@pytest.fixture(scope="module")
def data() -> bytes:
    return layout.render(INFO, BODY)


@pytest.fixture(scope="module")
def doc(data: bytes) -> Document:
    return open_docx(data)


def test_page_is_a4_portrait_with_the_decree_margins(doc: Document) -> None:
    assert len(doc.sections) == 1
    s = doc.sections[0]
    assert s.orientation == WD_ORIENT.PORTRAIT
    assert (round(s.page_width / MM), round(s.page_height / MM)) == (210, 297)
    margins = [
        round(m / MM) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    ]
    assert margins == [20, 20, 30, 15]
    top, bottom, left, right = margins
    assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20


def test_times_new_roman_everywhere(data: bytes) -> None:
    """Every run, the Normal style and the document defaults name it in all four font slots."""
    slots = ("ascii", "hAnsi", "cs", "eastAsia")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {
            n: z.read(n).decode()
            for n in z.namelist()
            if re.fullmatch(r"word/(document|header\d+|styles)\.xml", n)
        }
    numbered = [xml for name, xml in parts.items() if "header" in name and " PAGE " in xml]
    assert len(numbered) == 1 and "<w:rFonts " in numbered[0]
    for part, xml in parts.items():
        for attrs in re.findall(r"<w:rFonts ([^>]*)/>", xml):
            found = dict(re.findall(r'w:(\w+)="([^"]*)"', attrs))
            assert found == dict.fromkeys(slots, "Times New Roman"), (part, attrs)
    styles = member(data, "word/styles.xml").decode()
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert defaults and 'w:ascii="Times New Roman"' in defaults[0] and "Theme" not in defaults[0]
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S)
    assert normal and 'w:eastAsia="Times New Roman"' in normal[0]
    document = member(data, "word/document.xml").decode()
    assert document.count("<w:r>") == document.count("<w:rFonts ")


def test_header_left_column(doc: Document) -> None:
    header = doc.tables[0]
    superior, agency = nonempty(header.cell(0, 0).paragraphs)
    assert look(superior) == layout_look("UBND TỈNH CAO BẰNG", 12, bold=False)
    assert look(agency) == layout_look("SỞ NGOẠI VỤ", 12, bold=True)
    (number,) = nonempty(header.cell(1, 0).paragraphs)
    assert look(number) == layout_look("Số:      /KH-SNgV", 13)
    for p in (superior, agency, number):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_header_right_column(doc: Document) -> None:
    header = doc.tables[0]
    quoc_hieu, motto = nonempty(header.cell(0, 1).paragraphs)
    assert look(quoc_hieu) == layout_look("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    assert look(motto) == layout_look("Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    (date,) = nonempty(header.cell(1, 1).paragraphs)
    assert look(date) == layout_look("Cao Bằng, ngày      tháng 4 năm 2026", 13, italic=True)
    for p in (quoc_hieu, motto, date):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_header_is_a_borderless_two_column_table_wide_enough_for_the_quoc_hieu(
    doc: Document,
) -> None:
    header = doc.tables[0]
    left, right = (round(c.width / MM) for c in header.columns)
    assert left + right == 165
    # The Quốc hiệu is 88 mm at 12 pt bold Times New Roman: it fits on one line (no cell padding).
    assert right >= 95
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert header._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_rules_under_agency_and_motto(doc: Document) -> None:
    header = doc.tables[0]
    left, right = (c.width / MM for c in header.columns)
    ((i, agency_rule),) = rules_in(header.cell(0, 0).paragraphs, left)
    assert header.cell(0, 0).paragraphs[i - 1].text == "SỞ NGOẠI VỤ"
    # "SỞ NGOẠI VỤ" at 12 pt bold measures 28.2 mm: the rule is 1/3 to 1/2 of it, centred.
    assert 28.2 / 3 <= agency_rule <= 28.2 / 2
    fmt = header.cell(0, 0).paragraphs[i].paragraph_format
    assert fmt.left_indent == fmt.right_indent
    ((j, motto_rule),) = rules_in(header.cell(0, 1).paragraphs, right)
    assert header.cell(0, 1).paragraphs[j - 1].text == layout.TIEU_NGU
    assert motto_rule == pytest.approx(56.1, abs=0.5)  # as long as the motto (measured 56.1 mm)


def test_type_subject_and_the_rule_under_the_subject(doc: Document) -> None:
    paragraphs = doc.paragraphs
    kind, subject = nonempty(paragraphs)[:2]
    assert look(kind) == layout_look("KẾ HOẠCH", 14, bold=True)
    assert look(subject) == layout_look(INFO.subject, 14, bold=True)
    assert kind.alignment == subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    ((i, width),) = rules_in(paragraphs, 165)
    assert paragraphs[i - 1].text == INFO.subject
    # The subject line measures about 129 mm at 14 pt bold.
    assert 129 / 3 <= width <= 129 / 2


def test_subject_lines_print_the_subject_as_the_author_breaks_it() -> None:
    lines = ("Triển khai thực hiện công tác dân vận chính quyền", "năm 2026")
    doc = open_docx(layout.render(replace(INFO, subject_lines=lines), BODY))
    paragraphs = doc.paragraphs
    kind, first, second = nonempty(paragraphs)[:3]
    assert (kind.text, first.text, second.text) == ("KẾ HOẠCH", *lines)
    assert look(first) == layout_look(lines[0], 14, bold=True) and look(second).bold is True
    assert first.alignment == second.alignment == WD_ALIGN_PARAGRAPH.CENTER
    ((i, width),) = rules_in(paragraphs, 165)
    assert paragraphs[i - 1].text == "năm 2026"  # the rule under the last line
    # A third to a half of the longest line (~109 mm at 14 pt bold), not of the short last one.
    assert 109 / 3 <= width <= 109 / 2


def test_body_paragraphs_and_headings(doc: Document) -> None:
    body = nonempty(doc.paragraphs)[2:]
    assert [p.text for p in body] == [
        "Thực hiện Kế hoạch số 918/KH-UBND, Sở Ngoại vụ xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",  # a mục is upper-cased by the layout
        "1. Nâng cao trách nhiệm của người đứng đầu.",
        "1. Công tác lãnh đạo, chỉ đạo",
        "- Tổ chức triển khai.",
        "- Đổi mới công tác tuyên truyền.",
        "Trên đây là Kế hoạch./.",
    ]
    bold = [look(p).bold for p in body]
    assert bold == [False, True, False, True, False, False, False]
    for p in body:
        fmt = p.paragraph_format
        assert look(p).size == 14 and look(p).italic is False
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert round(fmt.first_line_indent / MM, 1) in (10.0, 12.7)
        assert fmt.space_after.pt >= 6
        assert 1.0 <= fmt.line_spacing <= 1.5
    assert body[1].paragraph_format.keep_with_next and body[3].paragraph_format.keep_with_next


def test_footer_recipients_and_signer(doc: Document) -> None:
    footer = doc.tables[-1]
    received, *recipients = footer.cell(0, 0).paragraphs
    assert look(received) == layout_look("Nơi nhận:", 12, bold=True, italic=True)
    assert [p.text for p in recipients] == [
        "- UBND tỉnh (b/c);",
        "- Sở Nội vụ;",
        "- Lưu: VT, VP.",
    ]
    for p in recipients:
        assert look(p).size == 11 and look(p).bold is False and look(p).italic is False
        assert p.alignment == WD_ALIGN_PARAGRAPH.LEFT and not p.paragraph_format.first_line_indent
    authority, title, name = footer.cell(0, 1).paragraphs
    assert look(authority) == layout_look("KT. GIÁM ĐỐC", 14, bold=True)
    assert look(title) == layout_look("PHÓ GIÁM ĐỐC", 14, bold=True)  # upper-cased
    assert look(name) == layout_look("Tô Thị Trang", 14, bold=True)  # name case kept
    assert name.paragraph_format.space_before / MM >= 20  # room for the signature and seal
    assert {round(c.width / MM) for c in footer.columns} == {75, 90}
    assert footer.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    # The signature never stands alone on a page: the closing paragraph keeps with it.
    assert nonempty(doc.paragraphs)[-1].paragraph_format.keep_with_next


def test_page_number_in_the_header_but_not_on_page_1(doc: Document) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    xml = section.header._element.xml
    assert "<w:instrText" in xml and " PAGE " in xml
    (paragraph,) = section.header.paragraphs
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {r.font.size.pt for r in paragraph.runs} == {13}
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "PAGE" not in first._element.xml and not "".join(p.text for p in first.paragraphs)


def test_core_properties_are_the_documents_own(data: bytes, doc: Document) -> None:
    props = doc.core_properties
    assert props.author == props.last_modified_by == "Sở Ngoại vụ"
    assert props.title == INFO.subject
    assert props.created == props.modified == dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    assert props.comments == "" and props.language == "vi-VN"
    core = member(data, "docProps/core.xml").decode()
    assert "python-docx" not in core
    assert "thumbnail" not in member(data, "_rels/.rels").decode()
    app = member(data, "docProps/app.xml").decode()  # not the template's "Microsoft Macintosh Word"
    assert "<Application>dvcq</Application>" in app and "Macintosh" not in app


def test_same_input_same_bytes(data: bytes) -> None:
    again = layout.render(INFO, BODY)
    assert member(again, "word/document.xml") == member(data, "word/document.xml")
    assert again == data  # the whole package, zip dates included


@pytest.mark.parametrize(
    ("number", "month", "day", "number_line", "date_line"),
    [
        (None, 4, None, "Số:      /KH-SNgV", "Cao Bằng, ngày      tháng 4 năm 2026"),
        ("5", 2, 3, "Số: 05/KH-SNgV", "Cao Bằng, ngày 03 tháng 02 năm 2026"),
        ("12", 1, 10, "Số: 12/KH-SNgV", "Cao Bằng, ngày 10 tháng 01 năm 2026"),
        ("30c", 12, 31, "Số: 30c/KH-SNgV", "Cao Bằng, ngày 31 tháng 12 năm 2026"),
        ("140", 3, 9, "Số: 140/KH-SNgV", "Cao Bằng, ngày 09 tháng 3 năm 2026"),
        (None, None, None, "Số:      /KH-SNgV", "Cao Bằng, ngày      tháng      năm 2026"),
    ],
)
def test_number_and_date_lines_take_the_decrees_leading_zeros(
    number: str | None, month: int | None, day: int | None, number_line: str, date_line: str
) -> None:
    info = replace(INFO, number=number, month=month, day=day)
    assert layout.number_line(info) == number_line
    assert layout.date_line(info) == date_line


def test_control_character_is_refused_with_where() -> None:
    with pytest.raises(DvcqError) as exc:
        layout.render(replace(INFO, subject="Kế hoạch\x07 năm 2026"), BODY)
    assert "trích yếu, cột 9" in exc.value.text["vi"] and "U+0007" in exc.value.text["vi"]
    assert "subject, column 9" in exc.value.text["en"]
    with pytest.raises(DvcqError) as exc:
        layout.render(INFO, BODY + "\nđoạn\x0b lỗi\n")
    line = BODY.count("\n") + 2
    assert f"nội dung, dòng {line}, cột 5" in exc.value.text["vi"]


def test_no_signer_leaves_the_signature_column_empty() -> None:
    doc = open_docx(layout.render(replace(INFO, signer=None), BODY))
    footer = doc.tables[-1]
    assert texts(footer.cell(0, 1)) == [""]
    assert footer.cell(0, 0).paragraphs[0].text == "Nơi nhận:"


def test_kinh_gui_one_addressee_on_the_same_line() -> None:
    doc = open_docx(
        layout.render(replace(INFO, addressees=("Ủy ban nhân dân tỉnh Cao Bằng",)), BODY)
    )
    line = nonempty(doc.paragraphs)[2]
    assert look(line) == layout_look("Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng.", 14)
    assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_kinh_gui_several_addressees_one_per_line() -> None:
    info = replace(INFO, addressees=("Ủy ban nhân dân tỉnh Cao Bằng;", "Sở Nội vụ"))
    doc = open_docx(layout.render(info, BODY))
    first, second = nonempty(doc.paragraphs)[2:4]
    assert first.text == "Kính gửi:\t- Ủy ban nhân dân tỉnh Cao Bằng;"
    assert second.text == "- Sở Nội vụ."
    assert first.paragraph_format.left_indent == second.paragraph_format.left_indent
    assert first.paragraph_format.first_line_indent < 0  # "Kính gửi:" hangs to the left


def test_appendix_starts_a_new_page_numbered_from_one() -> None:
    body = BODY + "\n# Phụ lục I\n# kết quả thực hiện\n# (Kèm theo Báo cáo số   /BC-SNgV)\n"
    doc = open_docx(layout.render(INFO, body))
    label, title, note = nonempty(doc.paragraphs)[-3:]
    # A section of its own, starting on a new page, its pages numbered from 1 again (NĐ 30).
    assert len(doc.sections) == 2
    appendix = doc.sections[1]
    assert appendix.start_type == WD_SECTION.NEW_PAGE
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.header.is_linked_to_previous  # the same centred page number
    assert (appendix.page_width, appendix.left_margin) == (
        doc.sections[0].page_width,
        doc.sections[0].left_margin,
    )
    assert look(label) == layout_look("Phụ lục I", 14, bold=True)
    assert look(title) == layout_look("KẾT QUẢ THỰC HIỆN", 14, bold=True)
    assert look(note) == layout_look("(Kèm theo Báo cáo số   /BC-SNgV)", 14, italic=True)
    # The recipients and signature close the text, before the appendix.
    body = list(doc.element.body)
    assert body.index(doc.tables[-1]._tbl) < body.index(label._p)
    assert doc.tables[-1].cell(0, 0).paragraphs[0].text == "Nơi nhận:"


def test_markdown_table_becomes_a_word_table() -> None:
    body = BODY + "\n| Nhiệm vụ | Kết quả |\n|---|---|\n| Tiếp dân | 12 lượt \\| 3 vụ |\n"
    doc = open_docx(layout.render(INFO, body))
    table = doc.tables[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Nhiệm vụ", "Kết quả"],
        ["Tiếp dân", "12 lượt | 3 vụ"],
    ]
    assert look(table.cell(0, 0).paragraphs[0]).bold is True
    assert look(table.cell(1, 0).paragraphs[0]).bold is False
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    # The first row of dashes ends the header; a later one starts the footer (a total row).
    (block,) = parse("| a |\n|---|\n| 1 |\n|---|\n| 2 |\n")
    assert block.rows == [["a"], ["1"], ["2"]] and block.header_rows == 1
    assert block.footer_from == 2


def test_rows_after_a_second_row_of_dashes_are_a_bold_footer() -> None:
    body = BODY + "\n| TT | Đơn vị | Lượt |\n|:---:|---|---:|\n| 1 | VP | 4 |\n| 2 | PCM | 5 |\n"
    body += "|---|---|---|\n|  | Tổng cộng | 9 |\n"
    table = open_docx(layout.render(INFO, body)).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[-1] == ["", "Tổng cộng", "9"] and len(rows) == 4
    bold = [[look(c.paragraphs[0]).bold for c in row.cells[1:]] for row in table.rows]
    assert bold == [[True, True], [False, False], [False, False], [True, True]]
    # The footer keeps its columns' alignment (figures right), unlike the centred header.
    assert table.cell(3, 2).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[3]._tr.trPr is None or table.rows[3]._tr.trPr.find(qn("w:tblHeader")) is None


def test_unsupported_heading_level_names_the_line() -> None:
    with pytest.raises(DvcqError, match="line 3"):
        layout.render(INFO, "Đoạn.\n\n#### Cấp bốn\n")


def test_rule_width_reader_sees_no_rule_on_plain_paragraphs(doc: Document) -> None:
    assert all(rule_width_mm(p, 165) is None for p in nonempty(doc.paragraphs))


def layout_look(text: str, size: float, *, bold: bool = False, italic: bool = False) -> Look:
    return Look(text, size, bold, italic)


def test_a_plans_subject_lines_reach_its_title_block(tmp_path: Path) -> None:
    from dvcq.documents.render import render_plan
    from dvcq.rules.check import read_plan

    text = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")
    subject = "  subject: Triển khai thực hiện công tác dân vận chính quyền năm 2026\n"
    assert subject in text
    lines = '  subject_lines: ["Triển khai thực hiện công tác dân vận", "chính quyền năm 2026"]\n'
    (tmp_path / "2026.yaml").write_text(text.replace(subject, subject + lines), encoding="utf-8")
    plan, problems = read_plan(tmp_path / "2026.yaml")
    assert plan is not None and [p.rule for p in problems if p.rule.startswith("subject")] == []
    render_plan(plan, tmp_path / "k.docx")
    shown = [p.text for p in nonempty(open_docx(tmp_path / "k.docx").paragraphs)[:3]]
    assert shown == ["KẾ HOẠCH", "Triển khai thực hiện công tác dân vận", "chính quyền năm 2026"]
