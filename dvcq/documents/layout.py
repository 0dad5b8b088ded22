"""The layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: page, fonts, header and footer blocks, headings.

The only module that knows the decree's layout and the only one that imports python-docx. Input:
a `Header` (pure data) and the body in the Markdown subset of `dvcq.documents.markup`; output: the
bytes of a .docx, the same bytes for the same input (`render`). Sizes follow the decree's samples
(docs/domain.md §1); the numbers below are in one place so that a reviewer can hold them against
the decree.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from dvcq.dates import place_date_line
from dvcq.documents.header import Header
from dvcq.documents.markup import Block, parse
from dvcq.errors import DvcqError
from dvcq.files import fixed_zip

FONT = "Times New Roman"
LANG = "vi-VN"

# 1.1 Page: A4 portrait; margins inside the decree's ranges (top/bottom 20-25, left 30-35,
# right 15-20 mm), each at the low end of its range: the most room for text.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# Extended properties: python-docx's template names "Microsoft Macintosh Word" and stale page and
# word counts; say who made the file and let the office suite count.
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>dvcq</Application></Properties>"
)
# Children of w:sectPr that must follow w:pgNumType (ECMA-376 order).
_AFTER_PGNUMTYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165
# Header and footer tables: left and right column widths, summing to the text width. The right
# header column holds the Quốc hiệu on one line (88 mm at 12 pt bold).
HEADER_COLUMNS_MM = (65, 100)
FOOTER_COLUMNS_MM = (75, 90)

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# Width of TIEU_NGU at 13 pt bold, measured in LibreOffice with Liberation Serif, which has the
# metrics of Times New Roman: the rule under the motto must be exactly as long as the motto.
TIEU_NGU_MM = 56.1
# Average advance per character of Times New Roman, in em, measured the same way: capitals (either
# weight) and bold sentence case. Used to size the 1/3-1/2 rules under the agency and the subject.
_EM_CAPITALS = 0.61
_EM_BOLD_TEXT = 0.46
RULE_SHARE = 0.45  # rule length as a share of the line above it: inside the decree's 1/3-1/2

# Sizes in points (1.2 of docs/domain.md: the decree's sample sizes).
SIZE_HEADER = 12  # Quốc hiệu, superior and issuing body
SIZE_MOTTO = 13
SIZE_NUMBER = 13  # Số, date line, page numbers
SIZE_TITLE = 14  # document type, subject, body, signer
SIZE_RECEIVED = 12  # "Nơi nhận:"
SIZE_RECIPIENT = 11
SIZE_TABLE = 13
SIZE_ABOUT = 12  # a công văn's "V/v …" under its number (box 5b: 12-13 pt, upright)

# 6 Body: justified, first-line indent 1.27 cm, 6 pt between paragraphs, line spacing in [1, 1.5].
ZERO = Pt(0)
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15
SIGNATURE_ROOM = Mm(25)  # between the signer's title and name: signature and seal

# A blank number or day is left as room to write it in by hand, as in the issued draft.
BLANK_NUMBER = " " * 5

# What may follow <w:pBdr> inside <w:pPr> (ECMA-376 order), so that the border goes in its place.
_AFTER_PBDR = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct"),
    *("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd"),
    *("w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents"),
    *("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap"),
    *("w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)

# Characters XML 1.0 cannot hold: Word refuses a file that contains one.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def number_line(info: Header) -> str:
    """`Số: 05/KH-SNgV`; numbers below 10 take a leading 0, a blank number leaves room."""
    number = info.number or BLANK_NUMBER
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    return f"Số: {number}/{info.symbol}"


def date_line(info: Header) -> str:
    """`Cao Bằng, ngày 05 tháng 02 năm 2026` (the rule is in dvcq.dates)."""
    return place_date_line(info.place, info.year, info.month, info.day)


def render(info: Header, body: str) -> bytes:
    """The .docx for a document; the same input gives the same bytes."""
    _check_xml_text(info, body)
    blocks = parse(body)
    doc = docx.Document()
    _setup(doc, info)
    _header(doc, info)
    _title(doc, info)
    _addressees(doc, info.addressees)
    # Recipients and signature close the text; appendices follow them on their own pages.
    first_appendix = next((i for i, b in enumerate(blocks) if b.kind == "appendix"), len(blocks))
    for block in blocks[:first_appendix]:
        _block(doc, block)
    _footer(doc, info)
    for block in blocks[first_appendix:]:
        _block(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue(), _stamp(info), {"docProps/app.xml": _APP_XML})


# --- checks -------------------------------------------------------------------------------------


def _check_xml_text(info: Header, body: str) -> None:
    superior, agency = info.issuer_block
    fields: list[tuple[str, str, str]] = [
        *(("cơ quan chủ quản", "superior body", x) for x in superior),
        *(("cơ quan ban hành", "issuing body", x) for x in agency),
        ("ký hiệu", "symbol", info.symbol),
        ("số", "number", info.number or ""),
        ("tên loại văn bản", "document type", info.type_name),
        ("trích yếu", "subject", info.subject),
        ("trích yếu", "subject", info.about),
        ("địa danh", "place", info.place),
    ]
    fields += [("kính gửi", "addressee", a) for a in info.addressees]
    fields += [("nơi nhận", "recipient", r) for r in info.recipients]
    if info.signer:
        signer = info.signer
        fields += [("thẩm quyền ký", "signing authority", x) for x in signer.heading()[:-1]]
        fields += [
            ("chức vụ người ký", "signer's title", signer.title),
            ("tên người ký", "signer's name", signer.name),
        ]
    for vi, en, text in fields:
        _refuse_control(text, vi, en)
    for n, line in enumerate(body.split("\n"), 1):  # numbered as dvcq.documents.markup numbers them
        _refuse_control(line, f"nội dung, dòng {n}", f"body, line {n}")


def _refuse_control(text: str, vi: str, en: str) -> None:
    m = _NOT_XML.search(text)
    if m:
        code, col = ord(m.group()), m.start() + 1
        raise DvcqError(
            f"{vi}, cột {col}: ký tự điều khiển U+{code:04X} không ghi được vào tệp Word. Hãy xóa "
            "ký tự này (thường do sao chép từ PDF hoặc Word) rồi chạy lại; chưa ghi tệp nào.",
            f"{en}, column {col}: control character U+{code:04X} cannot go into a Word file. "
            "Delete it (it usually comes from copying out of a PDF or Word) and run again; "
            "no file was written.",
        )


# --- document-wide settings ---------------------------------------------------------------------


def _setup(doc: Document, info: Header) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers in the top margin, centred, from page 2 on: page 1 gets its own, empty header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _page_number(section.header.paragraphs[0])

    # Times New Roman in all four script slots of the document defaults, of Normal (which every
    # paragraph uses) and of every other style that names a font (the template's headings and
    # code styles name theme fonts or Courier): Word substitutes nothing, even for a clerk who
    # applies another style.
    styles = doc.styles.element
    normal = doc.styles["Normal"]
    normal.element.get_or_add_rPr().get_or_add_rFonts()
    normal.font.size = Pt(SIZE_TITLE)
    for fonts in list(styles.iter(qn("w:rFonts"))):
        _fonts(fonts.getparent())
    defaults = styles.find(qn("w:docDefaults"))
    defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), LANG)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    # Nothing names python-docx or the day the file was made: the document's own date instead.
    props = doc.core_properties
    # The package's properties hold 255 characters at most (python-docx raises beyond): a long
    # name or subject is cut there, the document's own text keeps it whole.
    props.author = props.last_modified_by = info.agency[:255]
    props.title = info.subject[:255]
    props.subject = props.keywords = props.comments = props.category = ""
    props.language = LANG
    props.revision = 1
    props.created = props.modified = _stamp(info)
    # python-docx's template carries a thumbnail of an empty page; file browsers would show it.
    rels = doc.part.package.rels
    for rid in [r for r, rel in rels.items() if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        rels.pop(rid)


def _stamp(info: Header) -> dt.datetime:
    return dt.datetime(info.year, info.month or 1, info.day or 1)


# --- runs and paragraphs ------------------------------------------------------------------------


def _fonts(rpr: Any) -> None:
    """Times New Roman in every font slot (Latin, high ANSI, complex script, East Asian)."""
    fonts = rpr.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]  # theme fonts would win over the names set below
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT)


# Run and paragraph properties, built once through python-docx and then copied: setting each
# property through its API costs a schema-ordered search per child, which made laying out a
# report's few hundred paragraphs most of `dvcq report`'s time. The copies are the same XML.
_RUN_PROPS: dict[tuple[float, bool, bool], Any] = {}
_BREAKS = frozenset("\t\r\n")  # characters python-docx writes as <w:tab/> or <w:br/>
_PARA_PROPS: dict[tuple[Any, ...], Any] = {}


def _run(
    paragraph: Paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False
) -> None:
    key = (size, bold, italic)
    props = _RUN_PROPS.get(key)
    if props is not None and not _BREAKS.intersection(text):
        # The <w:t> python-docx would write, without its walk over every character of the text.
        r = paragraph._p.add_r()
        r.add_t(text)
        r.insert(0, deepcopy(props))
        return
    run = paragraph.add_run(text)
    if props is not None:
        run._r.insert(0, deepcopy(props))
        return
    _fonts(run._r.get_or_add_rPr())
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    _RUN_PROPS[key] = deepcopy(run._r.rPr)


def _new_paragraph(container: Document | _Cell, key: tuple[Any, ...]) -> Paragraph | None:
    """A paragraph with the properties cached under `key`, or None when there are none yet."""
    props = _PARA_PROPS.get(key)
    if props is None:
        return None
    paragraph = _add_paragraph(container)
    paragraph._p.insert(0, deepcopy(props))
    return paragraph


def _add_paragraph(container: Document | _Cell) -> Paragraph:
    """`container.add_paragraph()`; in the body, put straight before its closing sectPr (python-docx
    looks for it among all the body's children on every paragraph: quadratic in a long plan)."""
    if isinstance(container, Document):
        body = container.element.body
        last = next(body.iterchildren(reversed=True), None)  # len(body) would count every child
        if last is not None and last.tag == _SECT_PR:
            p = OxmlElement("w:p")
            last.addprevious(p)
            return Paragraph(p, container._body)
    paragraph: Paragraph = container.add_paragraph()
    return paragraph


_SECT_PR = qn("w:sectPr")


def _keep_props(paragraph: Paragraph, key: tuple[Any, ...]) -> None:
    _PARA_PROPS[key] = deepcopy(paragraph._p.get_or_add_pPr())


def _paragraph(
    container: Document | _Cell,
    text: str = "",
    size: float = SIZE_TITLE,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    before: Length = ZERO,
    after: Length = ZERO,
) -> Paragraph:
    key = ("paragraph", align, before, after)
    paragraph = _new_paragraph(container, key)
    if paragraph is None:
        paragraph = _add_paragraph(container)
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.space_before, fmt.space_after = before, after
        fmt.line_spacing = 1.0
        _keep_props(paragraph, key)
    if text:
        _run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def _body(doc: Document, text: str, *, heading: bool = False) -> None:
    """A body paragraph; a heading (mục, khoản title) is bold and kept with what follows."""
    lead_in = text.endswith(":")  # "- Nhiệm vụ …:" opens the list of its results
    key = ("body", heading, lead_in)
    paragraph = _new_paragraph(doc, key)
    if paragraph is not None:
        if text:
            _run(paragraph, text, SIZE_TITLE, bold=heading)
        return
    paragraph = _paragraph(
        doc, text, bold=heading, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=SPACE_AFTER
    )
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.line_spacing = LINE_SPACING
    if heading or lead_in:
        fmt.keep_with_next = True  # a heading, or a line leading into a list, never ends a page
    _keep_props(paragraph, key)


def _rule(
    container: Document | _Cell, width_mm: float, column_mm: float, after: Length = ZERO
) -> None:
    """A solid rule `width_mm` long, centred in a column: the bottom border of an empty paragraph."""
    paragraph = _paragraph(container, after=after)
    fmt = paragraph.paragraph_format
    side = Mm(max(column_mm - width_mm, 0) / 2)
    fmt.left_indent = fmt.right_indent = side
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(4)  # the rule sits just under its text, clear of the descenders
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def _line_mm(text: str, size: float, em: float) -> float:
    return len(text) * em * size * 25.4 / 72


def _page_number(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts: list[tuple[str, str]] = [
        ("fldChar", "begin"),
        ("instrText", " PAGE "),
        ("fldChar", "separate"),
        ("t", "2"),  # shown until the field is updated; Word and LibreOffice update it on open
        ("fldChar", "end"),
    ]
    for tag, value in parts:
        run = paragraph.add_run()
        _fonts(run._r.get_or_add_rPr())
        run.font.size = Pt(SIZE_NUMBER)
        child = OxmlElement(f"w:{tag}")
        if tag == "fldChar":
            child.set(qn("w:fldCharType"), value)
        else:
            child.set(qn("xml:space"), "preserve")
            child.text = value
        run._r.append(child)


# --- tables -------------------------------------------------------------------------------------


def _twips(mm: float) -> str:
    return str(round(mm * 1440 / 25.4))


def _table(doc: Document, widths_mm: Iterable[float], rows: int, *, grid: bool = False) -> Table:
    """A fixed-width table; borderless and without cell padding unless `grid` (a data table)."""
    widths = list(widths_mm)
    table: Table = doc.add_table(rows=rows, cols=len(widths))
    tblpr = table._tbl.tblPr
    for child in list(tblpr):
        tblpr.remove(child)
    # tblPr children in schema order: tblW, tblBorders, tblLayout, tblCellMar, tblLook.
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), _twips(sum(widths)))
    width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single" if grid else "nil")
        if grid:
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "auto")
        borders.append(line)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), _twips(1.5) if grid else "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    look = OxmlElement("w:tblLook")
    look.set(qn("w:val"), "0000")
    for child in (width, borders, layout, margins, look):
        tblpr.append(child)
    # Straight to the XML, row by row: python-docx's column.cells walks the whole grid for
    # every column, which made a report's appendix table slow to build.
    tbl = table._tbl
    for col, mm in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = Mm(mm)
    for tr in tbl.tr_lst:
        for tc, mm in zip(tr.tc_lst, widths, strict=True):
            tc.width = Mm(mm)
            for paragraph in list(tc.p_lst):
                tc.remove(paragraph)  # filled below with formatted paragraphs
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(
            OxmlElement("w:cantSplit")
        )  # no row straddles two pages: the signature above all
    return table


def _ensure_paragraph(cell: _Cell) -> None:
    if not cell._tc.p_lst:
        _paragraph(cell)  # a cell must hold at least one paragraph


# --- the blocks of Phụ lục I --------------------------------------------------------------------


def _header(doc: Document, info: Header) -> None:
    """Boxes 1-4: agency and Quốc hiệu side by side, then the number and the place and date."""
    left_mm, right_mm = HEADER_COLUMNS_MM
    table = _table(doc, HEADER_COLUMNS_MM, rows=2)
    left, right = table.rows[0].cells
    superior, agency = info.issuer_block  # no superior line for a UBND (docs/domain.md §6.1)
    for line in superior:
        _paragraph(left, line.upper(), SIZE_HEADER)
    for line in agency:
        _paragraph(left, line.upper(), SIZE_HEADER, bold=True)
    agency_mm = min(max(_line_mm(x.upper(), SIZE_HEADER, _EM_CAPITALS) for x in agency), left_mm)
    _rule(left, RULE_SHARE * agency_mm, left_mm)
    _paragraph(right, QUOC_HIEU, SIZE_HEADER, bold=True)
    _paragraph(right, TIEU_NGU, SIZE_MOTTO, bold=True)
    _rule(right, TIEU_NGU_MM, right_mm)
    number, place = table.rows[1].cells
    _paragraph(number, number_line(info), SIZE_NUMBER, before=Pt(6))
    _paragraph(place, date_line(info), SIZE_NUMBER, italic=True, before=Pt(6))
    if info.about:  # box 5b: a công văn's subject, centred under its number, 6 pt below it
        _paragraph(number, info.about, SIZE_ABOUT, before=Pt(6))


def _title(doc: Document, info: Header) -> None:
    """Box 5a: the document type, the subject and the rule under it (a công văn has neither)."""
    if info.about:
        _paragraph(doc, after=Pt(12))
        return
    _paragraph(doc, info.require_type_name().upper(), SIZE_TITLE, bold=True, before=Pt(18))
    lines = info.subject_lines or (info.subject,)  # as the author breaks it, else Word wraps
    for line in lines:
        _paragraph(doc, line, SIZE_TITLE, bold=True)
    longest = max(_line_mm(x, SIZE_TITLE, _EM_BOLD_TEXT) for x in lines)
    subject_mm = min(longest, TEXT_MM)
    _rule(doc, RULE_SHARE * subject_mm, TEXT_MM, after=Pt(12))


def _addressees(doc: Document, names: tuple[str, ...]) -> None:
    """Box 9a, Kính gửi: one addressee on the same line; several, one per line `- …;`, last `.`."""
    if not names:
        return
    clean = [name.strip().rstrip(";.").strip() for name in names]
    if len(clean) == 1:
        _paragraph(doc, f"Kính gửi: {clean[0]}.", after=Pt(12))
        return
    label_mm, indent_mm = 22, 50  # the list lines up after "Kính gửi:", roughly centred
    for i, name in enumerate(clean):
        last = i == len(clean) - 1
        text = f"- {name}{'.' if last else ';'}"
        paragraph = _paragraph(
            doc,
            f"Kính gửi:\t{text}" if i == 0 else text,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            after=Pt(12) if last else ZERO,
        )
        fmt = paragraph.paragraph_format
        fmt.left_indent = Mm(indent_mm)
        if i == 0:
            fmt.first_line_indent = Mm(-label_mm)
            fmt.tab_stops.add_tab_stop(Mm(indent_mm))


def _block(doc: Document, block: Block) -> None:
    """Box 6, the body: headings of 1.3, paragraphs, tables and appendix headings."""
    if block.kind == "part":
        _body(doc, block.text.upper(), heading=True)
    elif block.kind == "clause":
        _body(doc, block.text, heading=True)
    elif block.kind == "para":
        _body(doc, block.text)
    elif block.kind == "table":
        _data_table(doc, block)
    else:
        appendix(doc, block.lines, landscape=block.landscape)


def appendix(doc: Document, lines: list[str], *, landscape: bool = False) -> None:
    """An appendix in a section of its own: a new page, pages numbered from 1 again (NĐ 30: an
    appendix is numbered separately), then `Phụ lục I`, its title UPPER, the `(Kèm theo …)` note."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)  # same page, margins and headers as before
    _orient(section, landscape=landscape)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(numbering, *_AFTER_PGNUMTYPE)
    for i, line in enumerate(lines):
        if i == 0:
            _paragraph(doc, line, bold=True)
        elif line.startswith("("):
            _paragraph(doc, line, italic=True)
        else:
            _paragraph(doc, line.upper(), bold=True)
    _paragraph(doc, after=SPACE_AFTER)


def _orient(section: Any, *, landscape: bool) -> None:
    """A section's pages portrait (as `_setup` makes them) or landscape: the page turned, the
    wider margin of the left edge on the top edge, where a turned page is bound."""
    width, height = PAGE_MM if not landscape else PAGE_MM[::-1]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    m = MARGINS_MM
    top, bottom, left, right = (
        (m["left"], m["right"], m["top"], m["bottom"])
        if landscape
        else (m["top"], m["bottom"], m["left"], m["right"])
    )
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _text_mm(doc: Document) -> float:
    """The width the text has in the current (last) section."""
    section = doc.sections[-1]
    width = int(section.page_width or 0)
    return (width - int(section.left_margin or 0) - int(section.right_margin or 0)) / Mm(1)


def _data_table(doc: Document, block: Block) -> None:
    if not block.rows:
        return  # a lone |---| line: nothing to print
    columns = max(len(row) for row in block.rows)
    widths = _column_widths(block, columns, _text_mm(doc))
    table = _table(doc, widths, rows=len(block.rows), grid=True)
    footer = len(block.rows) if block.footer_from is None else block.footer_from
    for r, (row, cells) in enumerate(zip(block.rows, table.rows, strict=True)):
        header = r < block.header_rows
        bold = header or r >= footer  # the footer: a total row, bold in its columns' alignment
        if header:
            trpr = cells._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))  # repeated at the top of each page
        for c, cell in enumerate(cells.cells):
            text = row[c] if c < len(row) else ""
            align = WD_ALIGN_PARAGRAPH.CENTER if header else WD_ALIGN_PARAGRAPH.LEFT
            if not header and c < len(block.right) and block.right[c]:
                align = WD_ALIGN_PARAGRAPH.RIGHT  # figures line up on their last digit
            elif not header and c < len(block.center) and block.center[c]:
                align = WD_ALIGN_PARAGRAPH.CENTER  # a TT column, a column of dates
            _paragraph(cell, text, SIZE_TABLE, bold=bold, align=align, before=Pt(2), after=Pt(2))
    _paragraph(doc, after=SPACE_AFTER)


def _column_widths(block: Block, columns: int, text_mm: float = TEXT_MM) -> list[float]:
    """The text width shared in proportion to the dashes of the header rule; equal without one."""
    dashes = block.widths if len(block.widths) == columns and all(block.widths) else [1] * columns
    total = sum(dashes)
    return [text_mm * d / total for d in dashes]


def _footer(doc: Document, info: Header) -> None:
    """Boxes 9b and 7: Nơi nhận on the left, the signature block on the right."""
    # The signature never stands alone on a page: the last paragraph of the text goes with it.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    table = _table(doc, FOOTER_COLUMNS_MM, rows=1)
    received, signature = table.rows[0].cells
    left = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph(received, "Nơi nhận:", SIZE_RECEIVED, bold=True, italic=True, align=left)
    for line in info.recipients:
        _paragraph(received, f"- {line.strip()}", SIZE_RECIPIENT, align=left)
    signer = info.signer
    if signer:
        for line in signer.heading():  # authority lines (TM., KT., …), then the title
            _paragraph(signature, line.upper(), bold=True)
        name = _paragraph(signature, signer.name, bold=True)
        name.paragraph_format.space_before = SIGNATURE_ROOM
    _ensure_paragraph(signature)
