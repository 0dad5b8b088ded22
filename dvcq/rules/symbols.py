"""Document symbols: the plan's own and every registered one follow the grammar of domain.md §2."""

from __future__ import annotations

from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.rules import ERROR, WARNING, Finding, rule
from dvcq.symbols import STATE_TYPES, parse_symbol, type_word_of, word_matches


@rule(
    "malformed-symbol",
    ERROR,
    vi="Số ký hiệu “{symbol}” không đúng quy cách.",
    en="Symbol “{symbol}” is malformed.",
    hint_vi="Các dạng hợp lệ: 918/KH-UBND, 05/BNV-VP, 20/2008/NĐ-CP, 10271/VBHN-VPCP, 23-QĐ/TW; "
    "văn bản chưa ban hành để trống số: /KH-SNgV.",
    hint_en="Valid forms: 918/KH-UBND, 05/BNV-VP, 20/2008/NĐ-CP, 10271/VBHN-VPCP, 23-QĐ/TW; "
    "a draft leaves the number blank: /KH-SNgV.",
    doc_vi="Số ký hiệu theo Nghị định 30/2020 (văn bản nhà nước, công văn, văn bản quy phạm, văn bản "
    "hợp nhất) và theo quy định văn bản của Đảng.",
    doc_en="Symbols follow Nghị định 30/2020 (state documents, công văn, normative documents, "
    "consolidated texts) and Party practice.",
)
def malformed_symbol(plan: Plan) -> Iterator[Finding]:
    doc = plan.document
    if doc.number is not None and not doc.number.strip().isdigit():
        yield doc.where("number"), {"symbol": plan.symbol()}
    for directive in plan.directives:
        symbol = parse_symbol(directive.symbol)
        if symbol is None or symbol.draft:  # a cited document has been issued: it has a number
            yield directive.where("symbol"), {"symbol": directive.symbol}
    for holder in plan.ref_holders():
        for i, ref in enumerate(holder.refs):
            if parse_symbol(ref) is None:
                yield holder.where("refs", i), {"symbol": ref}


@rule(
    "unknown-document-type",
    ERROR,
    vi="Loại văn bản “{type}” không có trong Phụ lục III Nghị định 30/2020.",
    en="Document type “{type}” is not in Annex III of Nghị định 30/2020.",
    hint_vi="Dùng chữ viết tắt chuẩn, ví dụ KH (kế hoạch), BC (báo cáo).",
    hint_en="Use the standard abbreviation, e.g. KH (plan), BC (report).",
    doc_vi="Loại văn bản của chính kế hoạch dùng chữ viết tắt theo Phụ lục III.",
    doc_en="The plan's own type uses an abbreviation from Annex III.",
)
def unknown_document_type(plan: Plan) -> Iterator[Finding]:
    if plan.document.type not in STATE_TYPES:
        yield plan.document.where("type"), {"type": plan.document.type}


@rule(
    "directive-type-mismatch",
    WARNING,
    vi="Danh mục ghi “{symbol}” là “{type}”, nhưng ký hiệu cho thấy đây là {actual}.",
    en="The registry calls “{symbol}” a “{type}”, but its symbol says it is a {actual}.",
    hint_vi="Sửa `type` của văn bản cho khớp với số ký hiệu.",
    hint_en="Correct the document's `type` to match its symbol.",
    doc_vi="Loại văn bản trong danh mục phải khớp với loại trong số ký hiệu.",
    doc_en="A registered document's type agrees with the type in its symbol.",
)
def directive_type_mismatch(plan: Plan) -> Iterator[Finding]:
    for directive in plan.directives:
        symbol = parse_symbol(directive.symbol)
        if symbol and not word_matches(directive.type, symbol):
            actual = type_word_of(symbol).lower() or symbol.type
            yield (
                directive.where("type"),
                {"symbol": directive.symbol, "type": directive.type, "actual": f"“{actual}”"},
            )
