"""Dates: read as the plan writes them (ISO `YYYY-MM-DD`, checked for impossible days), and
written as documents print them (Nghị định 30/2020, Phụ lục I; docs/domain.md §1.2, box 4).

Every date a clerk reads goes through the formatters here, so one rule gives one spelling:
- `nd30_day`, `nd30_month`: a day below 10 and the months 1 and 2 take a leading zero
  (Phụ lục I, mục II.5: "ngày 05 tháng 02"), so that nothing can be written in front later;
- `numeric`: the same rule in the short form prose, tables and messages use ("09/01/2026");
- `place_date_line`: the place-and-date line under the Quốc hiệu, blanks left for the records
  office when the day or month is not yet known.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # exactly as written: sorts as text


class DateError(ValueError):
    """Text that is not a date; `reason` is "format" or "impossible"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):  # OverflowError: a year past the C integer range
        raise DateError("impossible") from None


def parse_iso(text: str) -> dt.date:
    day = _PARSED.get(text)
    if day is not None:
        return day
    m = _ISO.fullmatch(text)
    if not m:
        raise DateError("format")
    day = _PARSED[text] = make_date(int(m[1]), int(m[2]), int(m[3]))
    return day


# Days already read (a date is immutable): a year of entries holds a few hundred distinct dates,
# each read several times by the checker and the board. Only valid ones: errors are raised again.
_PARSED: dict[str, dt.date] = {}


def last_day(year: int, month: int | None = None) -> dt.date:
    """The last day a partial date (a year, or a year and month) can stand for."""
    if month is None:
        return make_date(year, 12, 31)
    following = make_date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def option_date(text: str) -> dt.date:
    """A date given on the command line (--as-of, --deadline) as a clerk types it (`parse_typed`:
    15/3/2026 or 2026-03-15), or a usage error saying what is wrong: the form, or a day that does
    not exist."""
    from dvcq.errors import UsageError

    try:
        return parse_typed(text)
    except DateError as exc:
        if exc.reason == "format":
            raise _typed_form_error(text) from None
    typed = text.strip()  # as parse_typed read it
    m = _DAY_FIRST.fullmatch(typed) or _ISO.fullmatch(typed)
    if m is None:  # not reached: "impossible" comes from one of the two forms
        raise _typed_form_error(text)
    year, month, day = (m[4], m[3], m[1]) if m.re is _DAY_FIRST else (m[1], m[2], m[3])
    if int(year) < 1:
        raise UsageError(
            f"Ngày “{text}” không có thật (không có năm {year}).",
            f"Date “{text}” does not exist (there is no year {year}).",
        ) from None
    if not 1 <= int(month) <= 12:
        raise UsageError(
            f"Ngày “{text}” không có thật (không có tháng {month}).",
            f"Date “{text}” does not exist (there is no month {month}).",
        ) from None
    raise UsageError(
        f"Ngày “{text}” không có thật (tháng {month}/{year} không có ngày {day}).",
        f"Date “{text}” does not exist (month {month}/{year} has no day {day}).",
    ) from None


# --- dates as documents print them ----------------------------------------------------------------

BLANK = " " * 4  # a day or month not yet known: room to write it in by hand, as on a draft


def nd30_day(day: int) -> str:
    """`05`, `15`: a day below 10 takes a leading zero (NĐ 30, Phụ lục I, II.5)."""
    return f"{day:02d}"


def nd30_month(month: int) -> str:
    """`01`, `02`, `3`, `12`: only January and February take a leading zero (same rule)."""
    return f"{month:02d}" if month < 3 else str(month)


def dd_mm_yyyy(day: str | None) -> str:
    """An ISO day as a clerk reads it on screen, `05/03/2026`; text that is not one as written."""
    if not day:
        return ""
    try:
        return f"{parse_iso(day):%d/%m/%Y}"
    except DateError:
        return day


def numeric(day: dt.date | str) -> str:
    """`09/01/2026`, `31/3/2026`; text that is not an ISO date is shown as written (the checker
    reports it)."""
    if isinstance(day, str):
        try:
            return numeric(parse_iso(day))
        except DateError:
            return day
    return f"{nd30_day(day.day)}/{nd30_month(day.month)}/{day.year}"


def place_date_line(place: str, year: int, month: int | None, day: int | None) -> str:
    """`Cao Bằng, ngày 05 tháng 02 năm 2026`; a blank day or month left as room."""
    day_text = nd30_day(day) if day else BLANK
    month_text = nd30_month(month) if month else BLANK
    return f"{place}, ngày {day_text} tháng {month_text} năm {year}"


def today() -> dt.date:
    """Today, or DVCQ_TODAY (YYYY-MM-DD) so that runs and examples can be reproduced. A value
    that is not a date stops the command: silently using the real day would hide the mistake."""
    import os

    from dvcq.errors import UsageError

    fixed = os.environ.get("DVCQ_TODAY", "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return parse_iso(fixed)
    except DateError:
        shown = fixed[:40].encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
        raise UsageError(
            f"Biến môi trường DVCQ_TODAY có giá trị “{shown}”, không phải ngày hợp lệ; viết dạng "
            "YYYY-MM-DD (ví dụ 2026-06-14), hoặc bỏ biến này để dùng ngày hôm nay.",
            f"The environment variable DVCQ_TODAY is “{shown}”, which is not a valid date; write "
            "YYYY-MM-DD (e.g. 2026-06-14), or unset it to use today's date.",
        ) from None


# --- dates as a clerk types them ------------------------------------------------------------------

# 15/3/2026, 15/03/2026 (day first, as Vietnamese documents write dates; 15-3-2026 and 15.3.2026
# too, which cannot be taken for ISO with its year first), or ISO 2026-03-15.
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
TYPED_FORMS = ("dd/mm/yyyy", "d/m/yyyy", "YYYY-MM-DD")


def parse_typed(text: str) -> dt.date:
    """A day typed at a prompt or in `--date`: day first with slashes, or ISO; DateError with
    "format" or "impossible" otherwise."""
    text = text.strip()
    m = _DAY_FIRST.fullmatch(text)
    if m:
        return make_date(int(m[4]), int(m[3]), int(m[1]))
    return parse_iso(text)


def typed_date(text: str) -> dt.date:
    """`parse_typed` for an option (--date): a text in no accepted form is a usage error that
    names the forms; an impossible day is left to the caller (DateError "impossible")."""

    try:
        return parse_typed(text)
    except DateError as exc:
        if exc.reason == "impossible":
            raise
        raise _typed_form_error(text) from None


def _typed_form_error(text: str) -> Exception:
    from dvcq.errors import UsageError

    return UsageError(
        f"Ngày “{text}” không hợp lệ; viết dạng dd/mm/yyyy hoặc YYYY-MM-DD, ví dụ 15/3/2026.",
        f"Date “{text}” is not valid; write dd/mm/yyyy or YYYY-MM-DD, e.g. 15/3/2026.",
    )
