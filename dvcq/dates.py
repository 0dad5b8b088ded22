"""Dates as the plan writes them: ISO `YYYY-MM-DD` text, checked for impossible days."""

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
    m = _ISO.fullmatch(text)
    if not m:
        raise DateError("format")
    return make_date(int(m[1]), int(m[2]), int(m[3]))


def last_day(year: int, month: int | None = None) -> dt.date:
    """The last day a partial date (a year, or a year and month) can stand for."""
    if month is None:
        return make_date(year, 12, 31)
    following = make_date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def vn(day: dt.date) -> str:
    """`31/3/2026`, the way plan prose writes dates."""
    return f"{day.day}/{day.month}/{day.year}"


def today() -> dt.date:
    """Today, or DVCQ_TODAY (YYYY-MM-DD) so that runs and examples can be reproduced."""
    import os

    fixed = os.environ.get("DVCQ_TODAY", "").strip()
    if fixed:
        try:
            return parse_iso(fixed)
        except DateError:
            pass
    return dt.date.today()
