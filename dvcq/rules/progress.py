"""Progress entries: they name real tasks, units and indicators, with sensible dates and values."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dvcq.dates import DateError, parse_iso
from dvcq.errors import UsageError
from dvcq.model import Plan
from dvcq.problems import Pos, closest, suggest
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
    hint_vi="{suggestion_text}{close_text}Xem mã nhiệm vụ bằng lệnh `dvcq show`.",
    hint_en="{suggestion_text}{close_text}List task ids with `dvcq show`.",
    doc_vi="Mỗi mục tiến độ phải ghi đúng mã một nhiệm vụ trong kế hoạch.",
    doc_en="Every entry names the id of a task of the plan.",
)
def unknown_task(plan: Plan, progress: Progress, today: dt.date) -> Found:
    known = [t.id for t in plan.tasks()]
    ids = set(known)
    for e in progress.entries:
        if e.task not in ids:
            best = suggest(e.task, known)
            close = [t for t in _close(e.task, known) if t != best]
            yield (
                e,
                e.where("task"),
                {"task": e.task, "suggestion": best, "close": ", ".join(close)},
            )


def _close(word: str, known: list[str]) -> list[str]:
    """The few known ids closest to `word` (a plan may have a hundred tasks: not all of them)."""
    return closest(word, known, 5, cutoff=0.5)


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
    from dvcq.units import Units

    groups = Units(plan)  # a member of an owning or supporting group is assigned too
    assigned = {t.id: groups.assigned(t) for t in plan.tasks()}
    units = {u.id for u in plan.units}
    for e in progress.entries:
        if e.task in assigned and e.unit in units and e.unit not in assigned[e.task]:
            yield e, e.where("unit"), {"unit": e.unit, "task": e.task}


@rule(
    "entry-by-group",
    WARNING,
    scope="progress",
    vi="Mục này do nhóm “{unit}” ghi, nhưng nhóm gồm các đơn vị {members}: không biết đơn vị nào "
    "đã làm, nên không đơn vị thành viên nào được tính là đã báo cáo.",
    en="This entry is by group “{unit}”, whose members are {members}: it does not say which of "
    "them did the work, so no member counts as having reported.",
    hint_vi="Ghi mục cho đơn vị thành viên đã thực hiện (`--unit {example}`). Mục của nhóm vẫn "
    "được tính vào tình trạng và chỉ tiêu của nhiệm vụ.",
    hint_en="Record the entry for the member that did the work (`--unit {example}`). The group's "
    "entry still counts for the task's status and figures.",
    doc_vi="Nhiệm vụ giao cho một nhóm đơn vị (có `members`) do từng đơn vị thành viên báo cáo; "
    "mục do chính nhóm ghi được tính cho nhiệm vụ nhưng bị cảnh báo.",
    doc_en="A task given to a unit group (with `members`) is reported by each member; an entry "
    "by the group itself counts for the task but draws a warning.",
)
def entry_by_group(plan: Plan, progress: Progress, today: dt.date) -> Found:
    from dvcq.units import Units

    groups = Units(plan)
    for e in progress.entries:
        if groups.is_group(e.unit):
            members = groups.leaves(e.unit) or groups.members(e.unit)  # in a cycle: no leaves
            listed = ", ".join(members)
            yield e, e.where("unit"), {"unit": e.unit, "members": listed, "example": members[0]}


@rule(
    "entry-date",
    ERROR,
    scope="progress",
    vi="Ngày “{date}” của mục tiến độ không hợp lệ: {reason}.",
    en="Entry date “{date}” is not valid: {reason}.",
    hint_vi="Ngày viết dạng YYYY-MM-DD, thuộc năm của kế hoạch ({year}) và không sau hôm nay.",
    hint_en="Dates are YYYY-MM-DD, within the plan's year ({year}) and not after today.",
    doc_vi="Ngày của mục tiến độ phải có thật, thuộc kỳ số liệu của năm kế hoạch (mặc định từ "
    "15/12 năm trước đến 14/12) và không ở tương lai.",
    doc_en="An entry's date is a real day within the plan year's data window (by default from "
    "15 December before to 14 December) and not in the future.",
)
def entry_date(plan: Plan, progress: Progress, today: dt.date) -> Found:
    year = plan.document.date.year
    from dvcq.progress.periods import year_window

    try:
        window = year_window(year, plan.reporting)
    except UsageError:
        return  # the plan's own year is wrong: invalid-date says so, entries cannot be judged
    first = min(window.start, dt.date(year, 1, 1))
    # Not the calendar year's end: data after the last cut-off belongs to next year's first window
    # (NĐ 09), so an entry dated then would count in no period of this plan, silently.
    last = window.end
    for e in progress.entries:
        try:
            day = parse_iso(e.date)
        except DateError as exc:
            yield e, e.where("date"), {"date": e.date, "reason": exc.reason, "year": year}
            continue
        if window.end < day <= dt.date(year, 12, 31):
            yield e, e.where("date"), {"date": e.date, "reason": "after-last-window", "year": year}
        elif not first <= day <= last:
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
    "value-not-declared-by-task",
    ERROR,
    scope="progress",
    vi="Chỉ tiêu “{key}” không thuộc nhiệm vụ “{task}” (chỉ tiêu của nhiệm vụ: {declared}), nên "
    "giá trị này sẽ bị tính vào sai chỗ.",
    en="Indicator “{key}” is not one of task “{task}”'s (the task's indicators: {declared}), so "
    "this value would be counted in the wrong place.",
    hint_vi="Ghi giá trị cho đúng nhiệm vụ theo dõi chỉ tiêu này, hoặc thêm “{key}” vào "
    "`indicators` của nhiệm vụ trong kế hoạch nếu nhiệm vụ thật sự theo dõi nó.",
    hint_en="Record the value on the task that tracks this indicator, or add “{key}” to the task's "
    "`indicators` in the plan if the task really tracks it.",
    doc_vi="Một mục tiến độ chỉ ghi giá trị cho các chỉ tiêu mà nhiệm vụ của nó khai báo trong "
    "`indicators`: báo cáo xếp mỗi chỉ tiêu dưới nhiệm vụ khai báo nó.",
    doc_en="An entry gives values only for the indicators its task declares under `indicators`: "
    "the report places each indicator under the tasks that declare it.",
)
def value_not_declared_by_task(plan: Plan, progress: Progress, today: dt.date) -> Found:
    of_task = {t.id: t.indicators for t in plan.tasks()}
    declared = {i.key for i in plan.indicators}  # others: entry-value says they are undeclared
    for e in progress.entries:
        keys = of_task.get(e.task)  # None: unknown-task says so
        if keys is None:
            continue
        for key in e.values:
            if key in declared and key not in keys:
                listed = ", ".join(keys) if keys else "no-indicators"
                yield e, _value_at(e, key), {"key": key, "task": e.task, "declared": listed}


def _value_at(e: Entry, key: str) -> Pos:
    """Where the value of indicator `key` is on the entry's line (dvcq's own form); the values'
    mapping otherwise."""
    if e.at or e.text is None:
        return e.where("values")
    start = e.text.find('"values": {')
    if start < 0 or f'"{key}":' not in e.text[start:]:
        return e.where("values")
    from dvcq.model import value_pos

    inner = value_pos(e.text[start:], key, e.pos)
    return Pos(inner.line, inner.col + start)


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
    search = CONTROL.search
    for e in progress.entries:
        line = e.text
        if line is not None and "\\" not in line and (line.isprintable() or not search(line)):
            continue  # each of its texts is a piece of its line (no escape could make one)
        # One search over all of an entry's texts first (a space joins them and is no control
        # character): nearly every entry is clean, and only a dirty one is searched field by field.
        try:
            joined = f"{e.id} {e.task} {e.date} {e.unit} {e.result} {e.author} {e.supersedes or ''}"
            if e.evidence:
                joined += " " + " ".join(e.evidence)
            if e.values:
                joined += " " + " ".join(e.values)
        except TypeError:  # a text that is not one: the slow search skips it
            joined = "\x00"
        if not search(joined):
            continue
        texts = [(name, getattr(e, name)) for name in _ENTRY_TEXTS]
        texts += [("evidence", symbol) for symbol in e.evidence]
        texts += [("values", key) for key in e.values]
        for name, text in texts:
            found = search(text) if isinstance(text, str) else None
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
    "duplicate-entry",
    WARNING,
    scope="progress",
    vi="Mục này giống hệt mục “{id}” đã ghi ở {first} (cùng nhiệm vụ, đơn vị, ngày, tình trạng, "
    "kết quả, minh chứng và chỉ tiêu): số liệu sẽ bị tính hai lần.",
    en="This entry is identical to entry “{id}” recorded at {first} (same task, unit, date, "
    "status, result, evidence and values): its figures would count twice.",
    hint_vi="Nếu một việc bị ghi hai lần do nhầm, bỏ mục ghi sau; nếu đúng là làm hai lần, ghi rõ "
    "sự khác nhau trong kết quả (ví dụ buổi, địa điểm). `dvcq progress add --allow-duplicate` "
    "vẫn ghi được mục giống hệt, nhưng `dvcq check` sẽ luôn cảnh báo về nó.",
    hint_en="If one piece of work was recorded twice by mistake, drop the later entry; if it "
    "really was done twice, say what differs in the result (the session, the place). "
    "`dvcq progress add --allow-duplicate` still records an identical entry, but `dvcq check` "
    "will always warn about it.",
    doc_vi="Hai mục giống hệt nhau (chỉ khác mã hoặc người ghi) thường là một việc được ghi hai lần "
    "và làm số liệu bị tính gấp đôi.",
    doc_en="Two identical entries (differing only in id or author) are usually one piece of work "
    "recorded twice, and double its figures.",
)
def duplicate_entry(plan: Plan, progress: Progress, today: dt.date) -> Found:
    seen: dict[tuple[Any, ...], Entry] = {}
    for e in progress.entries:
        first = seen.setdefault(same_work(e), e)  # one hash of the key (a tuple's is not kept)
        if first is e:
            continue
        if first.id != e.id and e.supersedes != first.id:  # same id: duplicate-entry-id
            yield e, e.pos, {"id": first.id, "first": f"{first.file}:{first.line}"}


def same_work(e: Entry) -> tuple[Any, ...]:
    """What makes two entries the same piece of work: all but the id and the author."""
    return (*reported_work(e), e.supersedes)


def reported_work(e: Any) -> tuple[Any, ...]:
    """What an entry (or anything with its fields) reports: all but the id, the author and what
    it supersedes. An import skips a row whose work is already recorded by this key."""
    evidence, values = e.evidence, e.values
    return (
        e.task,
        e.unit,
        e.date,
        e.status,
        _spaced(e.result),
        # Most entries cite at most one document and give at most one value: nothing to sort.
        tuple(evidence) if len(evidence) < 2 else tuple(sorted(evidence)),
        _values_key(values) if values else (),
    )


def _spaced(text: str) -> str:
    """The text with its runs of whitespace as one space, none at the ends: the text itself when
    it already is (every whitespace character but the space is unprintable), without splitting it
    into words."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _values_key(values: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(key, repr(value)) by key: the keys differ, so sorting the keys alone gives that order."""
    if len(values) > 1:
        return tuple([(k, repr(values[k])) for k in sorted(values)])
    return tuple([(k, repr(v)) for k, v in values.items()])


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
    malformed: dict[str, bool] = {}  # units cite the same few documents again and again
    for e in progress.entries:
        for symbol in e.evidence:
            bad = malformed.get(symbol)
            if bad is None:
                parsed = parse_symbol(symbol)
                bad = malformed[symbol] = parsed is None or parsed.draft
            if bad:
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


@rule(
    "entry-superseded-twice",
    ERROR,
    scope="progress",
    vi="Mục “{id}” đã được mục “{first}” (ở {at}) đính chính; một mục chỉ được đính chính một "
    "lần, nếu không cả hai bản đính chính đều được tính.",
    en="Entry “{id}” is already corrected by entry “{first}” (at {at}); an entry is corrected "
    "once, or both corrections would count.",
    hint_vi="Muốn sửa lại bản đính chính, ghi mục mới với `--supersedes {first}` (đính chính bản "
    "đính chính), và xóa dòng này.",
    hint_en="To change the correction, write a new entry with `--supersedes {first}` (correcting "
    "the correction), and delete this line.",
    doc_vi="Mỗi mục chỉ có nhiều nhất một mục đính chính nó; sửa tiếp thì đính chính bản đính chính.",
    doc_en="An entry has at most one correcting entry; a further change corrects the correction.",
)
def entry_superseded_twice(plan: Plan, progress: Progress, today: dt.date) -> Found:
    first: dict[str, Entry] = {}
    for e in progress.entries:
        if not e.supersedes:
            continue
        earlier = first.setdefault(e.supersedes, e)
        if earlier is not e and earlier.id != e.id:  # the same id twice: duplicate-entry-id
            yield (
                e,
                e.where("supersedes"),
                {
                    "id": e.supersedes,
                    "first": earlier.id,
                    "at": f"{earlier.file}:{earlier.line}",
                },
            )


@rule(
    "supersede-other-task",
    ERROR,
    scope="progress",
    vi="Mục này (nhiệm vụ “{task}”) đính chính mục “{id}” của nhiệm vụ khác, “{other}”: mục kia "
    "sẽ biến mất khỏi nhiệm vụ “{other}”.",
    en="This entry (task “{task}”) supersedes entry “{id}” of another task, “{other}”: that entry "
    "would disappear from task “{other}”.",
    hint_vi="Kiểm tra lại mã mục trong `supersedes` (xem bằng `dvcq progress list --task {task}`); "
    "một mục chỉ đính chính mục của cùng nhiệm vụ.",
    hint_en="Check the id in `supersedes` (see `dvcq progress list --task {task}`); an entry "
    "corrects an entry of its own task.",
    doc_vi="Mục đính chính và mục bị đính chính phải cùng một nhiệm vụ.",
    doc_en="A correcting entry and the entry it corrects are of the same task.",
)
def supersede_other_task(plan: Plan, progress: Progress, today: dt.date) -> Found:
    task_of = {e.id: e.task for e in progress.entries}
    for e in progress.entries:
        other = task_of.get(e.supersedes or "")
        if other is not None and other != e.task:
            yield e, e.where("supersedes"), {"id": e.supersedes, "task": e.task, "other": other}
