"""References to other documents: the registry, each task's `refs`, and citations in the prose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dvcq.dates import DateError, make_date, nd30_month, numeric, parse_iso
from dvcq.model import Directive, Located, Plan
from dvcq.problems import Pos, suggest
from dvcq.rules import ERROR, WARNING, Finding, rule
from dvcq.symbols import (
    Citation,
    find_citations,
    parse_symbol,
    spaced_symbols,
    type_word_of,
    word_matches,
)


def _registry(plan: Plan) -> dict[str, Directive]:
    return {d.symbol: d for d in plan.directives}


def _citations(plan: Plan) -> Iterator[tuple[Located, str, Citation, Pos]]:
    """Every citation in the prose, with the position of its symbol in the file as written."""
    spaced = spaced_symbols([d.symbol for d in plan.directives])
    for record, name, text in plan.texts():
        for cite in find_citations(text, spaced):
            yield record, name, cite, _locate(plan, record.where(name), text, cite)


def _locate(plan: Plan, base: Pos, text: str, cite: Citation) -> Pos:
    # The text was unescaped and normalised to NFC, so offsets in it may not match the line:
    # find the same occurrence of the symbol in the raw line instead.
    raw = plan.lines[base.line - 1] if 0 < base.line <= len(plan.lines) else ""
    at = base.col - 2
    for _ in range(text.count(cite.symbol, 0, cite.symbol_offset) + 1):
        at = raw.find(cite.symbol, at + 1)
        if at < 0:
            return Pos(base.line, base.col + cite.symbol_offset)
    return Pos(base.line, at + 1)


@rule(
    "unknown-reference",
    ERROR,
    vi="Văn bản “{symbol}” chưa có trong danh mục văn bản (directives).",
    en="Document “{symbol}” is not in the directives registry.",
    hint_vi="{suggestion_text}Thêm văn bản vào `directives` (số ký hiệu, loại, ngày, cơ quan ban hành).",
    hint_en="{suggestion_text}Add it under `directives` (symbol, type, date, issuer).",
    doc_vi="Mỗi số ký hiệu trong `refs` phải có trong danh mục văn bản.",
    doc_en="Every symbol listed in `refs` is in the directives registry.",
)
def unknown_reference(plan: Plan) -> Iterator[Finding]:
    known = list(_registry(plan))
    for holder in plan.ref_holders():
        for i, symbol in enumerate(holder.refs):
            if symbol not in known:
                yield (
                    holder.where("refs", i),
                    {"symbol": symbol, "suggestion": suggest(symbol, known)},
                )


@rule(
    "unused-directive",
    WARNING,
    vi="Văn bản “{symbol}” có trong danh mục nhưng không được nhiệm vụ hay đoạn văn nào nhắc đến.",
    en="Document “{symbol}” is registered but nothing refers to it.",
    hint_vi="Thêm “{symbol}” vào `refs` của nhiệm vụ liên quan, hoặc xóa khỏi danh mục.",
    hint_en="Add “{symbol}” to the `refs` of the task it concerns, or remove it from the registry.",
    doc_vi="Văn bản trong danh mục nên được ít nhất một nhiệm vụ hoặc đoạn văn viện dẫn.",
    doc_en="A registered document is cited by at least one task or paragraph.",
)
def unused_directive(plan: Plan) -> Iterator[Finding]:
    used = {s for holder in plan.ref_holders() for s in holder.refs}
    used |= {cite.symbol for _, _, cite, _ in _citations(plan)}
    for directive in plan.directives:
        if directive.symbol not in used:
            yield directive.where("symbol"), {"symbol": directive.symbol}


@rule(
    "citation-unregistered",
    ERROR,
    vi="Văn bản “{word} số {symbol}” được viện dẫn trong nội dung nhưng chưa có trong danh mục.",
    en="“{word} số {symbol}” is cited in the text but not in the directives registry.",
    hint_vi="{suggestion_text}Thêm văn bản vào `directives`, hoặc sửa số ký hiệu trong câu.",
    hint_en="{suggestion_text}Add it under `directives`, or correct the symbol in the sentence.",
    doc_vi="Mọi văn bản viện dẫn trong câu chữ (“Kế hoạch số …”) phải có trong danh mục.",
    doc_en="Every document cited in the prose (“Kế hoạch số …”) is in the registry.",
)
def citation_unregistered(plan: Plan) -> Iterator[Finding]:
    known = list(_registry(plan))
    for _, _, cite, pos in _citations(plan):
        if cite.symbol not in known:
            yield (
                pos,
                {
                    "word": cite.word,
                    "symbol": cite.symbol,
                    "suggestion": suggest(cite.symbol, known),
                },
            )


@rule(
    "citation-date-mismatch",
    ERROR,
    vi="“{symbol}” được ghi ngày {written} trong câu, nhưng danh mục ghi ngày {registered}.",
    en="“{symbol}” is dated {written} in the text but {registered} in the registry.",
    hint_vi="Đối chiếu với bản gốc rồi sửa câu hoặc sửa `date` trong danh mục cho khớp.",
    hint_en="Check the original and correct the sentence or the registry's `date`.",
    doc_vi="Ngày ghi khi viện dẫn phải trùng ngày ban hành trong danh mục.",
    doc_en="The date written in a citation equals the registry's date.",
)
def citation_date_mismatch(plan: Plan) -> Iterator[Finding]:
    registry = _registry(plan)
    for _, _, cite, pos in _citations(plan):
        directive = registry.get(cite.symbol)
        if cite.date is None or directive is None or not directive.date:
            continue
        try:
            written = make_date(*cite.date)
            registered = parse_iso(directive.date)
        except DateError:
            continue  # the date rules report impossible dates
        if written != registered:
            yield (
                pos,
                {
                    "symbol": cite.symbol,
                    "written": numeric(written),
                    "registered": numeric(registered),
                },
            )


@rule(
    "citation-type-mismatch",
    WARNING,
    vi="Câu gọi “{symbol}” là “{word}”, nhưng ký hiệu cho thấy đây là {actual}.",
    en="The text calls “{symbol}” a “{word}”, but its symbol says it is a {actual}.",
    hint_vi="Kiểm tra lại loại văn bản trong câu (ví dụ: văn bản có ký hiệu VBHN là văn bản hợp nhất, "
    "không phải nghị định).",
    hint_en="Check the document type in the sentence (e.g. a VBHN symbol is a consolidated text, "
    "not a decree).",
    doc_vi="Loại văn bản ghi trong câu phải khớp với loại trong số ký hiệu.",
    doc_en="The type word in a citation agrees with the type in the symbol.",
)
def citation_type_mismatch(plan: Plan) -> Iterator[Finding]:
    for _, _, cite, pos in _citations(plan):
        symbol = parse_symbol(cite.symbol)
        if symbol and not word_matches(cite.word, symbol):
            actual = type_word_of(symbol).lower() or symbol.type
            yield pos, {"symbol": cite.symbol, "word": cite.word, "actual": f"“{actual}”"}


@rule(
    "citation-not-in-refs",
    WARNING,
    vi="Nội dung viện dẫn “{symbol}” nhưng `refs` của mục này không có nó.",
    en="The text cites “{symbol}” but this item's `refs` does not list it.",
    hint_vi="Thêm “{symbol}” vào `refs` để báo cáo và tra cứu biết nhiệm vụ thực hiện văn bản nào.",
    hint_en="Add “{symbol}” to `refs` so reports and look-ups know what the task implements.",
    doc_vi="Văn bản viện dẫn trong câu của nhiệm vụ cũng phải có trong `refs` của nhiệm vụ đó.",
    doc_en="A document cited in a task's text is also listed in that task's `refs`.",
)
def citation_not_in_refs(plan: Plan) -> Iterator[Finding]:
    known = _registry(plan)
    for record, name, cite, pos in _citations(plan):
        refs = getattr(record, "refs", None)
        if name == "text" and refs is not None and cite.symbol in known and cite.symbol not in refs:
            yield pos, {"symbol": cite.symbol}


def _plan_day(plan: Plan) -> dt.date | None:
    from dvcq.dates import last_day

    d = plan.document.date
    try:
        if d.day is not None and d.month is not None:
            return make_date(d.year, d.month, d.day)
        return last_day(d.year, d.month)
    except (DateError, ValueError):
        return None


@rule(
    "invalid-date",
    ERROR,
    vi="Ngày “{text}” không hợp lệ: {reason}.",
    en="Date “{text}” is not valid: {reason}.",
    hint_vi="Viết ngày theo dạng YYYY-MM-DD (ví dụ 2026-03-31) và kiểm tra ngày có tồn tại.",
    hint_en="Write dates as YYYY-MM-DD (e.g. 2026-03-31) and check that the day exists.",
    doc_vi="Ngày trong danh mục, trong câu viện dẫn và ngày của kế hoạch phải có thật.",
    doc_en="Dates in the registry, in citations and of the plan itself are real days.",
)
def invalid_date(plan: Plan) -> Iterator[Finding]:
    for directive in plan.directives:
        if directive.date is not None:
            try:
                parse_iso(directive.date)
            except DateError as exc:
                yield directive.where("date"), {"text": directive.date, "reason": exc.reason}
    for task in plan.tasks():
        if task.due is not None:
            try:
                parse_iso(task.due)
            except DateError as exc:
                yield task.where("due"), {"text": task.due, "reason": exc.reason}
    for _, _, cite, pos in _citations(plan):
        if cite.date:
            try:
                make_date(*cite.date)
            except DateError as exc:
                year, month, day = cite.date
                yield pos, {"text": f"{day}/{month}/{year}", "reason": exc.reason}
    d = plan.document.date
    if not 1900 <= d.year <= 2200:
        yield d.where("year"), {"text": str(d.year), "reason": "year-range"}
    elif d.month is not None and not 1 <= d.month <= 12:
        yield d.where("month"), {"text": f"{d.month}/{d.year}", "reason": "impossible"}
    elif _plan_day(plan) is None:
        yield d.where("day"), {"text": f"{d.day}/{d.month}/{d.year}", "reason": "impossible"}


@rule(
    "directive-after-plan",
    ERROR,
    vi="Văn bản “{symbol}” ghi ngày {date}, sau ngày của chính kế hoạch ({plan_date}).",
    en="Document “{symbol}” is dated {date}, after the plan itself ({plan_date}).",
    hint_vi="Một kế hoạch không thể thực hiện văn bản ban hành sau nó: kiểm tra lại ngày.",
    hint_en="A plan cannot implement a document issued after it: check the date.",
    doc_vi="Văn bản được viện dẫn phải ban hành trước (hoặc cùng) thời điểm ban hành kế hoạch.",
    doc_en="Cited documents are dated no later than the plan.",
)
def directive_after_plan(plan: Plan) -> Iterator[Finding]:
    limit = _plan_day(plan)
    if limit is None:
        return
    d = plan.document.date
    shown = (
        numeric(limit) if d.day else (f"{nd30_month(d.month)}/{d.year}" if d.month else str(d.year))
    )
    for directive in plan.directives:
        try:
            day = parse_iso(directive.date or "")
        except DateError:
            continue
        if day > limit:
            yield (
                directive.where("date"),
                {"symbol": directive.symbol, "date": numeric(day), "plan_date": shown},
            )


@rule(
    "unknown-indicator",
    ERROR,
    vi="Chỉ tiêu “{key}” chưa được khai báo trong `indicators` của kế hoạch.",
    en="Indicator “{key}” is not declared under the plan's `indicators`.",
    hint_vi="{suggestion_text}Khai báo chỉ tiêu (key, name, unit, aggregation) hoặc sửa lại mã.",
    hint_en="{suggestion_text}Declare it (key, name, unit, aggregation) or correct the key.",
    doc_vi="Chỉ tiêu gắn với nhiệm vụ phải được khai báo, và mỗi mã chỉ tiêu chỉ khai báo một lần.",
    doc_en="Indicators named by tasks are declared, each key once.",
)
def unknown_indicator(plan: Plan) -> Iterator[Finding]:
    declared = [i.key for i in plan.indicators]
    for task in plan.tasks():
        for i, key in enumerate(task.indicators):
            if key not in declared:
                yield (
                    task.where("indicators", i),
                    {"key": key, "suggestion": suggest(key, declared)},
                )


@rule(
    "cutoff-day",
    ERROR,
    vi="Ngày chốt số liệu {day} không hợp lệ: phải từ 1 đến 31.",
    en="Cut-off day {day} is not valid: it must be 1 to 31.",
    hint_vi="Theo Nghị định 09/2019 là 14 (số liệu tính đến ngày 14); 31 là theo tháng dương lịch.",
    hint_en="Nghị định 09/2019 uses 14 (data up to the 14th); 31 gives calendar months.",
    doc_vi="`reporting.cutoff_day` là ngày chốt số liệu hằng tháng, từ 1 đến 31.",
    doc_en="`reporting.cutoff_day` is the monthly data cut-off day, 1 to 31.",
)
def cutoff_day(plan: Plan) -> Iterator[Finding]:
    day = plan.reporting.cutoff_day
    if not 1 <= day <= 31:
        yield plan.reporting.where("cutoff_day"), {"day": day}
