"""Deadlines as plans write them ("Quý III/2025", "Hằng tháng, trước ngày 20", "30/6/2025"), read
into the days they fall on, and where a task stands against them on a given day.

A task's `deadlines:` keeps each deadline as written (the documents print it so); `parse` turns one
into its days in the plan's year (`Deadline.days`), the board asks `standing` for the flags.
The forms (case and the spelling hằng/hàng do not matter):

| written                                   | falls on                                        |
|-------------------------------------------|-------------------------------------------------|
| `30/6/2025`, `2025-06-30`, `trước ngày 30/6` | that day (no year: the plan's year)          |
| `Tháng 4/2025`, `tháng 4 năm 2025`        | the month's last day                            |
| `Quý III/2025` (I–IV or 1–4)              | the quarter's last day                          |
| `6 tháng đầu năm 2025`, `6 tháng cuối năm` | 30/6, 31/12                                    |
| `Năm 2025`, `cuối năm`                    | 31/12                                           |
| `Hằng tháng`, `Hằng quý`, `6 tháng`, `Hằng năm` | the last day of each period of the plan's year |
| … `, trước ngày 20` / `trước ngày 20 hằng tháng` | day 20 of each period's last month         |
| … `, trước ngày 15/3` (quý), `15/6` (6 tháng) | that day in the first period, then the same day of each next one |
| `Thường xuyên`, `Cả năm`                  | no day: the work never ends (nothing overdue)  |
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from dvcq.dates import DateError, last_day, make_date, parse_iso
from dvcq.record import record

if TYPE_CHECKING:
    from dvcq.model import Task

# A task is "due soon" when its next deadline is at most this many days after the board's day.
DUE_SOON_DAYS = 7

Kind = Literal["date", "month", "quarter", "half", "year", "recurring", "ongoing"]

# Months in each period of the recurring forms.
_PERIOD_MONTHS = {"hằng tháng": 1, "hằng quý": 3, "6 tháng": 6, "hằng 6 tháng": 6, "hằng năm": 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_YEAR = r"(?:/|\s+năm\s+)(\d{4})"
_DAY = r"(?:(?:trước|chậm nhất|hạn|trong)\s+)?(?:ngày\s+)?"
_DATE = re.compile(_DAY + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_DATE_WORDS = re.compile(_DAY + r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_ISO = re.compile(_DAY + r"(\d{4}-\d{2}-\d{2})")
_MONTH = re.compile(r"(?:trong\s+)?tháng\s+(\d{1,2})(?:" + _YEAR + ")?")
_QUARTER = re.compile(r"(?:trong\s+)?quý\s+(iv|iii|ii|i|[1-4])(?:" + _YEAR + ")?")
_HALF = re.compile(r"6\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?")
_WHOLE_YEAR = re.compile(r"(?:trong\s+|cuối\s+)?năm\s+(\d{4})|cuối\s+năm")
_ONGOING = re.compile(r"thường xuyên|cả năm|liên tục")
_EVERY = r"(?:định\s+kỳ\s+)?(hằng\s+tháng|hằng\s+quý|(?:hằng\s+)?6\s+tháng|hằng\s+năm)"
_BEFORE = r"trước\s+ngày\s+(\d{1,2})(?:/(\d{1,2}))?"
_EVERY_BEFORE = re.compile(_EVERY + r"(?:\s*,?\s*" + _BEFORE + r")?")
_BEFORE_EVERY = re.compile(_BEFORE + r"\s*,?\s*(?:của\s+)?" + _EVERY)


class DeadlineError(ValueError):
    """Text that is not a deadline; `reason` is a code the rules put in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@record(frozen=True)
class Deadline:
    text: str  # as written, for documents
    kind: Kind
    year: int | None  # the year written in it, None when it names none
    days: tuple[dt.date, ...]  # the days it falls on, in order

    @property
    def recurring(self) -> bool:
        return self.kind == "recurring"


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = " ".join(text.split()).strip(" .;")
    return re.sub(r"\bhàng\b", "hằng", text)  # both spellings are in real plans


def parse(text: str, plan_year: int) -> Deadline:
    """The deadline `text` in a plan of `plan_year`, or DeadlineError ("format", "impossible",
    "period-day": a day that is not in the first period of a recurring deadline)."""
    s = _normal(text)
    if m := _ISO.fullmatch(s):
        try:
            day = parse_iso(m[1])
        except DateError as exc:
            raise DeadlineError(exc.reason) from None
        return Deadline(text, "date", day.year, (day,))
    for pattern in (_DATE, _DATE_WORDS):
        if m := pattern.fullmatch(s):
            year = int(m[3]) if m[3] else None
            return Deadline(text, "date", year, (_day(year or plan_year, int(m[2]), int(m[1])),))
    if m := _MONTH.fullmatch(s):
        year = int(m[2]) if m[2] else None
        month = int(m[1])
        if not 1 <= month <= 12:
            raise DeadlineError("impossible")
        return Deadline(text, "month", year, (last_day(year or plan_year, month),))
    if m := _QUARTER.fullmatch(s):
        year = int(m[2]) if m[2] else None
        return Deadline(text, "quarter", year, (last_day(year or plan_year, 3 * _ROMAN[m[1]]),))
    if m := _HALF.fullmatch(s):
        year = int(m[2]) if m[2] else None
        return Deadline(
            text, "half", year, (last_day(year or plan_year, 6 if m[1] == "đầu" else 12),)
        )
    if m := _WHOLE_YEAR.fullmatch(s):
        year = int(m[1]) if m[1] else None
        return Deadline(text, "year", year, (last_day(year or plan_year),))
    if _ONGOING.fullmatch(s):
        return Deadline(text, "ongoing", None, ())
    if m := _EVERY_BEFORE.fullmatch(s):
        every, on_day, on_month = m[1], m[2], m[3]
    elif m := _BEFORE_EVERY.fullmatch(s):
        on_day, on_month, every = m[1], m[2], m[3]
    else:
        raise DeadlineError("format")
    step = _PERIOD_MONTHS[" ".join(every.split())]
    return Deadline(text, "recurring", None, _every(plan_year, step, on_day, on_month))


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return make_date(year, month, day)
    except DateError as exc:
        raise DeadlineError(exc.reason) from None


def _every(year: int, step: int, day: str | None, month: str | None) -> tuple[dt.date, ...]:
    """The days of a recurring deadline: each period's last day, or the day written in it."""
    ends = range(step, 13, step)  # the last month of each period
    if day is None:
        return tuple(last_day(year, m) for m in ends)
    d = int(day)
    if not 1 <= d <= 31:
        raise DeadlineError("impossible")
    if month is None:  # the day of each period's last month (31 in a short month: its last day)
        return tuple(last_day(year, m).replace(day=min(d, last_day(year, m).day)) for m in ends)
    first = int(month)
    if not 1 <= first <= step or step == 1:
        raise DeadlineError("period-day")
    _day(year, first, d)  # a day that exists in the first period
    return tuple(make_date(year, m, min(d, last_day(year, m).day)) for m in range(first, 13, step))


# --- where a task stands ------------------------------------------------------------------------


@record(frozen=True)
class Occurrence:
    """One day a task is due, and how it was met: "done" (in time), "late", "overdue", "due-soon"
    or "open" (not yet due)."""

    day: dt.date
    state: str
    done_on: dt.date | None = None


@record(frozen=True)
class Standing:
    occurrences: tuple[Occurrence, ...]

    @property
    def overdue(self) -> bool:
        """The latest day already past is unmet (an older miss made up by a later one is not)."""
        past = [o for o in self.occurrences if o.state in ("done", "late", "overdue")]
        return bool(past) and past[-1].state == "overdue"

    @property
    def due_soon(self) -> bool:
        return any(o.state == "due-soon" for o in self.occurrences)

    @property
    def done_late(self) -> bool:
        return any(o.state == "late" for o in self.occurrences)

    @property
    def next_due(self) -> dt.date | None:
        return next((o.day for o in self.occurrences if o.state in ("open", "due-soon")), None)


def standing(
    days: list[dt.date], done: list[dt.date], as_of: dt.date, soon: int = DUE_SOON_DAYS
) -> Standing:
    """Where a task stands on `as_of` against its due `days`, given the days it was reported done.

    Each due day asks for a "done" entry since the previous due day: one dated up to it is in
    time; else one dated before the next due day (or `as_of`, for the last) is late; else, once
    the day has passed, it is overdue. One deadline is thus the `once` task of old: done by the
    day, done late, or overdue."""
    days = sorted(set(days))
    done = sorted(d for d in done if d <= as_of)
    out = []
    for i, day in enumerate(days):
        start = days[i - 1] if i else dt.date.min
        stop = days[i + 1] if i + 1 < len(days) else as_of
        in_time = next((d for d in done if start < d <= day), None)
        late = next((d for d in done if day < d <= stop), None)
        if in_time:
            out.append(Occurrence(day, "done", in_time))
        elif late:
            out.append(Occurrence(day, "late", late))
        elif day < as_of:
            out.append(Occurrence(day, "overdue"))
        elif (day - as_of).days <= soon:
            out.append(Occurrence(day, "due-soon"))
        else:
            out.append(Occurrence(day, "open"))
    return Standing(tuple(out))


def task_days(task: Task, plan_year: int) -> list[dt.date]:
    """The days a task is due: those of its readable deadlines (the checker reports the others),
    and its `due` when it is a `once` task (as before deadlines existed)."""
    days: list[dt.date] = []
    for text in task.deadlines:
        try:
            days += parse(text, plan_year).days
        except DeadlineError:
            continue
    if task.due and task.cadence == "once":
        with contextlib.suppress(DateError):  # the checker reports it
            days.append(parse_iso(task.due))
    return days


def task_standing(task: Task, plan_year: int, done: list[dt.date], as_of: dt.date) -> Standing:
    """The board's view of one task: `standing` over its days."""
    return standing(task_days(task, plan_year), done, as_of)
