"""Progress entries: they name real tasks, units and indicators, with sensible dates and values."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dvcq.dates import DateError, parse_iso
from dvcq.errors import UsageError
from dvcq.model import Plan
from dvcq.problems import Pos, suggest
from dvcq.rules import ERROR, WARNING, rule
from dvcq.rules.content import CONTROL
from dvcq.symbols import parse_symbol

if TYPE_CHECKING:  # the progress side is imported only once there are entries to check
    from dvcq.model import Entry, Progress

    Found = Iterator[tuple[Entry, Pos, dict[str, Any]]]


@rule(
    "unknown-task",
    ERROR,
    scope="progress",
    vi="Mục tiến độ ghi cho nhiệm vụ “{task}”, nhưng kế hoạch không có nhiệm vụ này.",
    en="The entry is for task “{task}”, which the plan does not have.",
    hint_vi="{suggestion_text}Xem mã nhiệm vụ bằng lệnh `dvcq show`.",
    hint_en="{suggestion_text}List task ids with `dvcq show`.",
    doc_vi="Mỗi mục tiến độ phải ghi đúng mã một nhiệm vụ trong kế hoạch.",
    doc_en="Every entry names the id of a task of the plan.",
)
def unknown_task(plan: Plan, progress: Progress, today: dt.date) -> Found:
    known = [t.id for t in plan.tasks()]
    ids = set(known)
    for e in progress.entries:
        if e.task not in ids:
            yield e, e.where("task"), {"task": e.task, "suggestion": suggest(e.task, known)}


@rule(
    "unknown-entry-unit",
    ERROR,
    scope="progress",
    vi="Đơn vị báo cáo “{unit}” không có trong danh mục đơn vị của kế hoạch.",
    en="Reporting unit “{unit}” is not in the plan's units registry.",
    hint_vi="{suggestion_text}Các mã đơn vị: {known}.",
    hint_en="{suggestion_text}Unit ids: {known}.",
    doc_vi="Đơn vị báo cáo phải được khai báo trong `units` của kế hoạch.",
    doc_en="The reporting unit is declared under the plan's `units`.",
)
def unknown_entry_unit(plan: Plan, progress: Progress, today: dt.date) -> Found:
    known = [u.id for u in plan.units]
    ids = set(known)
    for e in progress.entries:
        if e.unit not in ids:
            yield (
                e,
                e.where("unit"),
                {"unit": e.unit, "suggestion": suggest(e.unit, known), "known": ", ".join(known)},
            )


@rule(
    "unit-not-assigned",
    WARNING,
    scope="progress",
    vi="Đơn vị “{unit}” không chủ trì cũng không phối hợp nhiệm vụ “{task}”.",
    en="Unit “{unit}” neither owns nor supports task “{task}”.",
    hint_vi="Kiểm tra lại mã nhiệm vụ hoặc đơn vị; nếu đúng, thêm đơn vị vào `support` của nhiệm vụ.",
    hint_en="Check the task and unit; if right, add the unit to the task's `support`.",
    doc_vi="Đơn vị báo cáo kết quả nên là đơn vị chủ trì hoặc phối hợp của nhiệm vụ.",
    doc_en="A unit reports on tasks it owns or supports.",
)
def unit_not_assigned(plan: Plan, progress: Progress, today: dt.date) -> Found:
    assigned = {t.id: {t.owner, *t.support} for t in plan.tasks()}
    units = {u.id for u in plan.units}
    for e in progress.entries:
        if e.task in assigned and e.unit in units and e.unit not in assigned[e.task]:
            yield e, e.where("unit"), {"unit": e.unit, "task": e.task}


@rule(
    "entry-date",
    ERROR,
    scope="progress",
    vi="Ngày “{date}” của mục tiến độ không hợp lệ: {reason}.",
    en="Entry date “{date}” is not valid: {reason}.",
    hint_vi="Ngày viết dạng YYYY-MM-DD, thuộc năm của kế hoạch ({year}) và không sau hôm nay.",
    hint_en="Dates are YYYY-MM-DD, within the plan's year ({year}) and not after today.",
    doc_vi="Ngày của mục tiến độ phải có thật, thuộc năm kế hoạch (kể cả kỳ số liệu từ 15/12 năm "
    "trước) và không ở tương lai.",
    doc_en="An entry's date is a real day within the plan's year (including the data window from "
    "15 December before) and not in the future.",
)
def entry_date(plan: Plan, progress: Progress, today: dt.date) -> Found:
    year = plan.document.date.year
    from dvcq.progress.periods import year_window

    try:
        window = year_window(year, plan.reporting)
    except UsageError:
        return  # the plan's own year is wrong: invalid-date says so, entries cannot be judged
    first = min(window.start, dt.date(year, 1, 1))
    last = max(window.end, dt.date(year, 12, 31))
    for e in progress.entries:
        try:
            day = parse_iso(e.date)
        except DateError as exc:
            yield e, e.where("date"), {"date": e.date, "reason": exc.reason, "year": year}
            continue
        if not first <= day <= last:
            yield e, e.where("date"), {"date": e.date, "reason": "outside-year", "year": year}
        elif day > today:
            yield e, e.where("date"), {"date": e.date, "reason": "future", "year": year}


@rule(
    "entry-value",
    ERROR,
    scope="progress",
    vi="Chỉ tiêu “{key}”: {reason}.",
    en="Indicator “{key}”: {reason}.",
    hint_vi="Chỉ tiêu phải được khai báo trong `indicators` của kế hoạch{known_text}; giá trị là số "
    "không âm.",
    hint_en="Indicators are declared under the plan's `indicators`{known_text}; values are "
    "non-negative numbers.",
    doc_vi="Giá trị chỉ tiêu phải thuộc chỉ tiêu đã khai báo, là số và không âm.",
    doc_en="Indicator values belong to declared indicators, are numbers and are not negative.",
)
def entry_value(plan: Plan, progress: Progress, today: dt.date) -> Found:
    declared = [i.key for i in plan.indicators]
    known_text = f" ({', '.join(declared)})" if declared else ""
    for e in progress.entries:
        for key, value in e.values.items():
            if key not in declared:
                reason = "undeclared"
            elif (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                reason = "not-a-number"
            elif value < 0:
                reason = "negative"
            else:
                continue
            yield e, e.where("values"), {"key": key, "reason": reason, "known_text": known_text}


@rule(
    "entry-control-character",
    ERROR,
    scope="progress",
    vi="Giá trị “{field}” của mục tiến độ chứa ký tự điều khiển không in được (mã U+{code:04X}).",
    en="The entry's “{field}” holds a non-printing control character (U+{code:04X}).",
    hint_vi="Xóa ký tự này (thường do sao chép từ PDF hoặc Word, hoặc do mã thoát \\u0000–\\u001f); "
    "Word và Excel không ghi được văn bản chứa nó.",
    hint_en="Delete it (it usually comes from copying out of a PDF or Word, or from a \\u0000–\\u001f "
    "escape); Word and Excel cannot hold it.",
    doc_vi="Văn bản của mục tiến độ (kết quả, người ghi, mã, minh chứng) không chứa ký tự điều khiển "
    "(trừ tab và xuống dòng): chúng làm hỏng báo cáo Word, bảng Excel và màn hình.",
    doc_en="An entry's texts (result, author, ids, evidence) hold no control characters (tab and "
    "newline aside): they would corrupt the Word report, the Excel table and the terminal.",
)
def entry_control_character(plan: Plan, progress: Progress, today: dt.date) -> Found:
    for e in progress.entries:
        texts = [(name, getattr(e, name)) for name in _ENTRY_TEXTS]
        texts += [("evidence", symbol) for symbol in e.evidence]
        texts += [("values", key) for key in e.values]
        for name, text in texts:
            found = CONTROL.search(text) if isinstance(text, str) else None
            if found:
                yield e, e.where(name), {"field": name, "code": ord(found.group())}
                break  # one problem an entry: the first field that holds one


_ENTRY_TEXTS = ("id", "task", "date", "unit", "result", "author", "supersedes")


@rule(
    "duplicate-entry-id",
    ERROR,
    scope="progress",
    vi="Mã mục tiến độ “{id}” bị trùng (đã có ở {first}).",
    en="Entry id “{id}” is used twice (first at {first}).",
    hint_vi="Mỗi mục có một mã riêng; xóa dòng chép trùng (dvcq progress add luôn tạo mã mới).",
    hint_en="Each entry has its own id; remove the copied line (dvcq progress add makes new ids).",
    doc_vi="Mã của các mục tiến độ phải duy nhất.",
    doc_en="Entry ids are unique.",
)
def duplicate_entry_id(plan: Plan, progress: Progress, today: dt.date) -> Found:
    seen: dict[str, Entry] = {}
    for e in progress.entries:
        if e.id in seen:
            first = seen[e.id]
            yield e, e.where("id"), {"id": e.id, "first": f"{first.file}:{first.line}"}
        else:
            seen[e.id] = e


@rule(
    "malformed-evidence",
    ERROR,
    scope="progress",
    vi="Số ký hiệu văn bản minh chứng “{symbol}” không đúng quy cách.",
    en="Evidence symbol “{symbol}” is malformed.",
    hint_vi="Ghi số ký hiệu văn bản, ví dụ 123/SNgV-VP hoặc 45/BC-SNgV.",
    hint_en="Write the document's symbol, e.g. 123/SNgV-VP or 45/BC-SNgV.",
    doc_vi="Minh chứng là số ký hiệu văn bản đã ban hành, theo cùng quy cách với danh mục văn bản.",
    doc_en="Evidence is the symbol of an issued document, by the same grammar as the registry.",
)
def malformed_evidence(plan: Plan, progress: Progress, today: dt.date) -> Found:
    for e in progress.entries:
        for symbol in e.evidence:
            parsed = parse_symbol(symbol)
            if parsed is None or parsed.draft:
                yield e, e.where("evidence"), {"symbol": symbol}


@rule(
    "unknown-superseded-entry",
    ERROR,
    scope="progress",
    vi="Mục này đính chính mục “{id}”, nhưng không có mục nào mang mã đó.",
    en="This entry supersedes “{id}”, but no entry has that id.",
    hint_vi="Kiểm tra mã mục cần đính chính bằng `dvcq progress list`.",
    hint_en="Look up the id to correct with `dvcq progress list`.",
    doc_vi="Mục đính chính phải trỏ tới một mục đã có.",
    doc_en="A correcting entry points at an existing entry.",
)
def unknown_superseded_entry(plan: Plan, progress: Progress, today: dt.date) -> Found:
    ids = {e.id for e in progress.entries}
    for e in progress.entries:
        if e.supersedes and e.supersedes not in ids:
            yield e, e.where("supersedes"), {"id": e.supersedes}


@rule(
    "supersede-cycle",
    ERROR,
    scope="progress",
    vi="Mục “{id}” nằm trong một vòng đính chính (các mục đính chính lẫn nhau), nên không mục nào "
    "trong vòng được tính.",
    en="Entry “{id}” is in a cycle of corrections (entries superseding each other), so none of "
    "them counts.",
    hint_vi="Mỗi mục chỉ đính chính một mục ghi trước nó; bỏ `supersedes` ở một mục trong vòng.",
    hint_en="An entry corrects one written before it; remove `supersedes` from one of them.",
    doc_vi="Các mục đính chính không được tạo thành vòng (A đính chính B, B đính chính A).",
    doc_en="Corrections do not form a cycle (A supersedes B, B supersedes A).",
)
def supersede_cycle(plan: Plan, progress: Progress, today: dt.date) -> Found:
    target = {e.id: e.supersedes for e in progress.entries if e.supersedes}
    for e in progress.entries:
        seen, current = set(), e.supersedes
        while current and current not in seen:
            if current == e.id:
                yield e, e.where("supersedes"), {"id": e.id}
                break
            seen.add(current)
            current = target.get(current)
