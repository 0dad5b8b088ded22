"""The fill-in form a unit returns (`dvcq form`, `dvcq progress import`): what it holds, pure data.

One sheet per unit: the unit's tasks prefilled (display number, short title, full text, whether it
leads or supports), the columns it fills (status, date, result, evidence, one per indicator its
tasks declare), and hidden identifiers: the plan, its year, the period, the unit, each row's task
id and a checksum over all of them and the prefilled texts. The checksum is not a signature (anyone
can recompute it): it recognises a form made for another plan, period or unit, and one whose
locked part was changed by hand (a row sorted away, a task id edited), so that a row is never
booked on the wrong task.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from dvcq.model import STATUSES, Indicator, Plan, Task
from dvcq.progress.periods import Period
from dvcq.titles import short_title

FORM_VERSION = "dvcq-form/1"
META_SHEET = "_dvcq"  # very hidden: the identifiers, one key and value a row
TITLE_ROW = 1
UNIT_ROW = 2
AUTHOR_ROW = 3  # "Người báo cáo:" and the cell the unit fills with a name
HEADER_ROW = 5
FIRST_ROW = 6  # the first task
AUTHOR_CELL = "C3"

LEAD, SUPPORT = "Chủ trì", "Phối hợp"
# The prefilled columns (locked), then the ones the unit fills; indicator columns follow, then the
# hidden task id.
PREFILLED = [("Mục", 8), ("Tên nhiệm vụ", 34), ("Nội dung nhiệm vụ", 60), ("Vai trò", 10)]
TO_FILL = [
    ("Tình trạng", 18),
    ("Ngày thực hiện (dd/mm/yyyy)", 14),
    ("Kết quả thực hiện", 50),
    ("Văn bản minh chứng (số, ký hiệu; cách nhau bằng “;”)", 24),
]
STATUS_COL, DATE_COL, RESULT_COL, EVIDENCE_COL = 5, 6, 7, 8
FIRST_INDICATOR_COL = 9
STATUS_LABELS = {label: key for key, (label, _) in STATUSES.items()}


@dataclass
class FormRow:
    number: str
    task: Task
    role: str  # LEAD or SUPPORT, with the group's name when given to a group the unit is in
    indicators: list[str]  # the keys this task declares (its cells are open)
    via: str | None = None  # that group


@dataclass
class FormSheet:
    title: str  # the sheet's name in the workbook
    unit: str
    unit_name: str
    rows: list[FormRow]
    indicators: list[Indicator]  # one column each, in the plan's order
    meta: dict[str, str] = field(default_factory=dict)


def tasks_of(plan: Plan, unit: str) -> list[FormRow]:
    """The tasks `unit` leads or supports, in document order with their display numbers: those
    the plan gives it and those it gives a group the unit is in (`Units.role`), whose members
    each report their part."""
    from dvcq.units import Units

    units = Units(plan)
    names = {u.id: u.name for u in plan.units}
    rows = []
    for placed in plan.placed_tasks():
        given = units.role(unit, placed.task)
        if given is None:
            continue
        role, named = given
        label = LEAD if role == "lead" else SUPPORT
        if named != unit:
            label += f" (giao cho {names.get(named, named)})"
        indicators = list(placed.task.indicators)
        rows.append(
            FormRow(placed.number, placed.task, label, indicators, named if named != unit else None)
        )
    return rows


def reporting_units(plan: Plan, unit: str | None) -> list[str]:
    """Whose sheets a form holds: `unit`'s, or each unit that reports on the plan's tasks, in
    the plan's order of units. A group with members has no sheet of its own: each member gets
    one with the group's tasks (an entry by the group would count for no member), so a form for
    a group is one sheet per member."""
    from dvcq.units import Units

    units = Units(plan)
    if unit is not None:
        return units.leaves(unit) or [unit]
    return units.expected(plan.tasks())


def form_sheets(plan: Plan, period: Period, unit: str | None) -> list[FormSheet]:
    """The sheets of the form: the unit's (its members' for a group), or one per unit that
    reports."""
    names = {u.id: u.name for u in plan.units}
    units = reporting_units(plan, unit)
    declared = {i.key: i for i in plan.indicators}
    sheets: list[FormSheet] = []
    for u in units:
        rows = tasks_of(plan, u)
        used = {k for r in rows for k in r.indicators}
        indicators = [i for i in plan.indicators if i.key in used and i.key in declared]
        title = "Nhiệm vụ" if units == [unit] else sheet_title(u, [s.title for s in sheets])
        sheet = FormSheet(title, u, names.get(u, u), rows, indicators)
        sheet.meta = sheet_meta(plan, period, sheet)
        sheets.append(sheet)
    return sheets


def sheet_title(unit: str, taken: list[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, not yet taken."""
    base = "".join("_" if c in "[]:*?/\\" else c for c in unit)[:28] or "DV"
    title, n = base, 2
    while title in taken or title == META_SHEET:
        title, n = f"{base}-{n}", n + 1
    return title


def sheet_meta(plan: Plan, period: Period, sheet: FormSheet) -> dict[str, str]:
    """The hidden identifiers of one sheet, the checksum last."""
    meta = {
        "form": FORM_VERSION,
        "plan": plan.symbol(),
        "agency": plan.document.agency.code,
        "year": str(plan.document.date.year),
        "period": period.label,
        "unit": sheet.unit,
        "sheet": sheet.title,
        "tasks": ",".join(r.task.id for r in sheet.rows),
        "indicators": ",".join(i.key for i in sheet.indicators),
    }
    meta["checksum"] = checksum(meta, prefilled_texts(sheet.rows))
    return meta


def prefilled_texts(rows: list[FormRow]) -> list[list[str]]:
    """What the locked cells of each task row hold, as the checksum sees them."""
    return [[r.number, short_title(r.task), r.task.text, r.role, r.task.id] for r in rows]


def checksum(meta: dict[str, str], texts: list[list[str]]) -> str:
    body = {k: v for k, v in meta.items() if k != "checksum"}
    blob = json.dumps([body, texts], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def row_key(meta: dict[str, str], task: str) -> str:
    """What names one row of one form across imports: the id of its entries starts with it."""
    blob = "|".join((meta["plan"], meta["year"], meta["period"], meta["unit"], task))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]
