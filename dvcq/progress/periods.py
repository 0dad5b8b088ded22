"""Reporting periods (`2026`, `2026-H1`, `2026-Q3`, `2026-05`) and their data cut-off windows.

By default a window follows Nghị định 09/2019/NĐ-CP, Điều 12: a month's data runs from the 15th of
the month before to the 14th of the month itself, and longer periods join their months (a year runs
from 15 December of the year before to 14 December). A plan may move the cut-off day
(`reporting.cutoff_day`; 31 gives calendar periods) or set one period's window outright.
"""

from __future__ import annotations

import datetime as dt
import re

from dvcq.dates import DateError, last_day, parse_iso
from dvcq.errors import UsageError
from dvcq.model import Plan, Reporting
from dvcq.record import record

# ASCII digits only: `\d` and int() also take fullwidth and Arabic-Indic digits (２０２６, ٢٠٢٦).
_PERIOD = re.compile(r"([0-9]{4})(?:-(H[12]|Q[1-4]|[0-9]{2}))?")


@record(frozen=True)
class Period:
    label: str
    year: int
    first_month: int
    last_month: int
    start: dt.date  # first day whose data counts
    end: dt.date  # last day whose data counts

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def name(self, lang: str = "vi") -> str:
        """How the period is written in a report title ("6 tháng đầu năm 2026")."""
        y, a, b = self.year, self.first_month, self.last_month
        if (a, b) == (1, 12):
            return f"năm {y}" if lang == "vi" else f"year {y}"
        if (a, b) == (1, 6):
            return f"6 tháng đầu năm {y}" if lang == "vi" else f"first half of {y}"
        if (a, b) == (7, 12):
            return f"6 tháng cuối năm {y}" if lang == "vi" else f"second half of {y}"
        if a == b:
            return f"tháng {a}/{y}" if lang == "vi" else f"{dt.date(y, a, 1):%B} {y}"
        quarter = ["I", "II", "III", "IV"][(a - 1) // 3]
        return f"quý {quarter} năm {y}" if lang == "vi" else f"Q{(a - 1) // 3 + 1} {y}"


def _cutoff(year: int, month: int, day: int) -> dt.date:
    """The cut-off day of a month, or its last day when the month is shorter."""
    day = max(1, min(day, 31))  # out-of-range days are reported by the cutoff-day rule
    return min(dt.date(year, month, 1) + dt.timedelta(days=day - 1), last_day(year, month))


def parse_period(label: str, reporting: Reporting | None = None) -> Period:
    m = _PERIOD.fullmatch(label.strip())
    if not m:
        raise UsageError(
            f"Kỳ báo cáo “{label}” không hợp lệ. Viết: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.",
            f"Period “{label}” is not valid. Write 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.",
        )
    year, part = int(m[1]), m[2] or ""
    if not 1900 <= year <= 2200:
        raise UsageError(
            f"Năm {year} nằm ngoài khoảng dvcq tính kỳ báo cáo (1900–2200).",
            f"Year {year} is outside the years dvcq reports on (1900–2200).",
        )
    if not part:
        first, last = 1, 12
    elif part[0] == "H":
        first, last = (1, 6) if part == "H1" else (7, 12)
    elif part[0] == "Q":
        q = int(part[1])
        first, last = 3 * q - 2, 3 * q
    else:
        first = last = int(part)
        if not 1 <= first <= 12:
            raise UsageError(f"Tháng “{part}” không có.", f"There is no month “{part}”.")
    reporting = reporting or Reporting()
    label = f"{year}-{part}" if part else str(year)
    for window in reporting.windows:
        if window.period == label:
            try:
                return Period(
                    label, year, first, last, parse_iso(window.start), parse_iso(window.end)
                )
            except DateError:
                break  # the checker reports the bad date; fall back to the default window
    cutoff = reporting.cutoff_day
    before = (year - 1, 12) if first == 1 else (year, first - 1)
    start = _cutoff(*before, cutoff) + dt.timedelta(days=1)
    return Period(label, year, first, last, start, _cutoff(year, last, cutoff))


def plan_period(plan: Plan, label: str) -> Period:
    """A period of the plan's own year (a report or board for another year means nothing)."""
    period = parse_period(label, plan.reporting)
    year = plan.document.date.year
    if period.year != year:
        raise UsageError(
            f"Kỳ {period.label} không thuộc năm của kế hoạch ({year}).",
            f"Period {period.label} is outside the plan's year ({year}).",
        )
    return period


def begun(period: Period, day: dt.date) -> dt.date:
    """`day`, when the period's data has begun by then; else stop: a report or an export of it
    would run from the period's start back to an earlier day."""
    if day < period.start:
        from dvcq.dates import numeric
        from dvcq.errors import DvcqError

        raise DvcqError(
            f"Kỳ {period.label} chưa bắt đầu: số liệu của kỳ tính từ ngày {numeric(period.start)}, "
            f"mà hôm nay (--as-of) là {numeric(day)}. Chưa lập được báo cáo cho kỳ này.",
            f"Period {period.label} has not begun: its data starts on {numeric(period.start)}, "
            f"and today (--as-of) is {numeric(day)}. No report can be made for it yet.",
        )
    return day


def year_window(year: int, reporting: Reporting | None = None) -> Period:
    return parse_period(str(year), reporting)
