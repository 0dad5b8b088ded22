"""The header a plan prints: the issuer's and the superior's names and their lines (NĐ 30,
Phụ lục I, box 2; docs/domain.md §6.1), and a subject written in sentence case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dvcq.model import Agency, Located, Plan
from dvcq.rules import ERROR, WARNING, Finding, rule

_BREAK = re.compile(r"[\n\r\u2028\u2029\x85]")
# The same body however it is spelt: case, "Uỷ"/"Ủy", UBND/HĐND written out, punctuation.
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


@rule(
    "name-line-break",
    ERROR,
    vi="Có dấu xuống dòng ẩn trong {field} (sau ký tự thứ {index}).",
    en="The {field} holds a hidden line break (after character {index}).",
    hint_vi="Ghi tên trên một dòng. Muốn tên cơ quan xuống dòng ở đầu văn bản, thêm `name_lines:` "
    "(hoặc `superior_lines:`), mỗi dòng một mục, ví dụ [“Ủy ban nhân dân”, “xã Tân Lập”]; khối chữ "
    "ký nhiều dòng ghi bằng `authority_lines:`.",
    hint_en="Write the name on one line. To break the issuer's name in the header, add "
    "`name_lines:` (or `superior_lines:`), one item a line, e.g. [“Ủy ban nhân dân”, “xã Tân Lập”]; "
    "a signature block of several lines is written with `authority_lines:`.",
    doc_vi="Tên cơ quan và khối chữ ký không chứa dấu xuống dòng; cách ngắt dòng ghi thành danh sách.",
    doc_en="Names and the signature block hold no line breaks; line breaks are written as lists.",
)
def name_line_break(plan: Plan) -> Iterator[Finding]:
    for record, name, text in _header_texts(plan):
        m = _BREAK.search(text)
        if m:
            yield record.where(name), {"field": f"field:{name.split('.')[0]}", "index": m.start()}


@rule(
    "name-lines-mismatch",
    ERROR,
    vi="Các dòng “{lines}” không ghép thành tên “{name}” ({field}).",
    en="The lines “{lines}” do not make up the name “{name}” ({field}).",
    hint_vi="Mỗi mục của danh sách là một dòng của chính tên đó, theo thứ tự, ví dụ tên “Ủy ban nhân "
    "dân tỉnh Bắc Kạn” với các dòng [“Ủy ban nhân dân”, “tỉnh Bắc Kạn”] (viết tắt UBND cũng được).",
    hint_en="Each item is one line of that very name, in order, e.g. the name “Ủy ban nhân dân tỉnh "
    "Bắc Kạn” with the lines [“Ủy ban nhân dân”, “tỉnh Bắc Kạn”] (UBND for short is fine too).",
    doc_vi="Các dòng in ở đầu văn bản phải ghép lại đúng tên cơ quan (tên đầy đủ hoặc tên gọn).",
    doc_en="The header's lines of a name join up to that name (the full or the short form).",
)
def name_lines_mismatch(plan: Plan) -> Iterator[Finding]:
    agency = plan.document.agency
    if agency.name_lines and not _spells(agency.name_lines, [agency.name]):
        yield agency.where("name_lines"), _params(agency.name_lines, agency.name, "name_lines")
    names = [n for n in (agency.superior, agency.superior_short) if n]
    if agency.superior_lines and names and not _spells(agency.superior_lines, names):
        yield (
            agency.where("superior_lines"),
            _params(agency.superior_lines, names[-1], "superior_lines"),
        )


@rule(
    "superior-lines-alone",
    ERROR,
    vi="Có `superior_lines` nhưng không có cơ quan cấp trên (`superior`).",
    en="`superior_lines` is given but there is no superior body (`superior`).",
    hint_vi="Thêm `superior:` (tên đầy đủ của cơ quan cấp trên), hoặc xóa `superior_lines` nếu cơ "
    "quan ban hành tự đứng ở dòng đầu (Ủy ban nhân dân các cấp).",
    hint_en="Add `superior:` (the superior's full name), or delete `superior_lines` when the issuer "
    "is itself the top line (a People's Committee).",
    doc_vi="Dòng tên cơ quan cấp trên chỉ có khi kế hoạch có cơ quan cấp trên.",
    doc_en="Lines of the superior's name need a superior body.",
)
def superior_lines_alone(plan: Plan) -> Iterator[Finding]:
    agency = plan.document.agency
    if agency.superior_lines and not agency.superior:
        yield agency.where("superior_lines"), {}


@rule(
    "subject-capitals",
    WARNING,
    vi="Trích yếu được viết toàn chữ in hoa.",
    en="The subject is written in capitals.",
    hint_vi="Ghi trích yếu kiểu câu: chỉ viết hoa chữ đầu và tên riêng, ví dụ “Thực hiện công tác dân "
    "vận chính quyền năm 2026”. dvcq tự in hoa ở chỗ văn bản cần; chữ in hoa trong tệp sẽ lọt vào "
    "câu văn của báo cáo (“báo cáo kết quả THỰC HIỆN …”).",
    hint_en="Write the subject in sentence case: a capital for the first word and proper names only, "
    "e.g. “Thực hiện công tác dân vận chính quyền năm 2026”. dvcq prints capitals where a document "
    "needs them; capitals in the file would leak into the report's sentences.",
    doc_vi="Trích yếu lưu một lần, kiểu câu; in hoa hay không là việc của văn bản.",
    doc_en="The subject is stored once, in sentence case; capitals are a rendering choice.",
)
def subject_capitals(plan: Plan) -> Iterator[Finding]:
    doc = plan.document
    if len(doc.subject.split()) > 1 and doc.subject.isupper():
        yield doc.where("subject"), {}


@rule(
    "subject-lines-mismatch",
    ERROR,
    vi="Các dòng “{lines}” không ghép thành trích yếu “{subject}”.",
    en="The lines “{lines}” do not make up the subject “{subject}”.",
    hint_vi="Mỗi mục của `subject_lines` là một dòng của chính trích yếu, theo thứ tự, không thêm "
    "bớt chữ, ví dụ [“Triển khai thực hiện công tác dân vận chính quyền”, “năm 2026”]; sửa trích "
    "yếu thì sửa cả các dòng (hoặc xóa `subject_lines` để Word tự xuống dòng).",
    hint_en="Each item of `subject_lines` is one line of that very subject, in order, no word added "
    "or left out, e.g. [“Triển khai thực hiện công tác dân vận chính quyền”, “năm 2026”]; when "
    "the subject changes, change the lines too (or delete `subject_lines` to let Word wrap it).",
    doc_vi="Các dòng trích yếu in ở đầu văn bản phải ghép lại đúng trích yếu.",
    doc_en="The title block's lines of the subject join up to the subject.",
)
def subject_lines_mismatch(plan: Plan) -> Iterator[Finding]:
    doc = plan.document
    if doc.subject_lines and " ".join(doc.subject_lines).split() != doc.subject.split():
        yield (
            doc.where("subject_lines"),
            {"lines": " / ".join(doc.subject_lines), "subject": doc.subject},
        )


@rule(
    "report-no-addressee",
    WARNING,
    vi="Kế hoạch không có cơ quan cấp trên (`superior`) và không có `reporting.addressees`: báo cáo "
    "định kỳ sẽ không có dòng Kính gửi.",
    en="The plan has no superior body (`superior`) and no `reporting.addressees`: its periodic "
    "reports would have no Kính gửi line.",
    hint_vi="Thêm `reporting:` với `addressees:` là cơ quan nhận báo cáo, ví dụ “Ủy ban nhân dân "
    "huyện Bạch Thông”.",
    hint_en="Add `reporting:` with `addressees:` naming the body the reports go to, e.g. “Ủy ban "
    "nhân dân huyện Bạch Thông”.",
    doc_vi="Báo cáo gửi cơ quan cấp trên; Ủy ban nhân dân không in cấp trên thì ghi nơi nhận báo cáo.",
    doc_en="Reports go to a superior; a UBND that prints none names its reports' addressees.",
)
def report_no_addressee(plan: Plan) -> Iterator[Finding]:
    if not plan.document.agency.superior and not plan.reporting.addressees:
        yield plan.document.agency.pos, {}


def _header_texts(plan: Plan) -> Iterator[tuple[Located, str, str]]:
    agency = plan.document.agency
    yield from _fields(agency)
    signer = plan.document.signer
    if signer is not None:
        if signer.authority is not None:
            yield signer, "authority", signer.authority
        yield from (
            (signer, f"authority_lines.{i}", x) for i, x in enumerate(signer.authority_lines)
        )
        yield signer, "title", signer.title
        yield signer, "name", signer.name


def _fields(agency: Agency) -> Iterator[tuple[Located, str, str]]:
    yield agency, "name", agency.name
    for name in ("superior", "superior_short"):
        value = getattr(agency, name)
        if value is not None:
            yield agency, name, value
    for name in ("name_lines", "superior_lines"):
        yield from ((agency, f"{name}.{i}", x) for i, x in enumerate(getattr(agency, name)))


def _params(lines: list[str], name: str, field: str) -> dict[str, str]:
    return {"lines": " / ".join(lines), "name": name, "field": field}


def _spells(lines: list[str], names: list[str]) -> bool:
    joined = name_key(" ".join(lines))
    return any(joined == name_key(n) for n in names)


def name_key(text: str) -> str:
    """A body's name for comparing spellings: words only, casefolded, abbreviations written out."""
    text = text.casefold().replace("uỷ", "ủy")
    return " ".join(_ABBREVIATIONS.get(w, w) for w in re.findall(r"\w+", text))
