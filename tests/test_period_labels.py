"""Period labels, the names reports give them, and windows under another cut-off day.

NĐ 09/2019: a month runs from the day after the previous month's cut-off to its own cut-off (14 by
default); a cut-off past a month's end means that month's last day."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_text import found, minimal

from dvcq.errors import UsageError
from dvcq.model import Reporting, Window
from dvcq.progress.periods import parse_period

D = dt.date


@pytest.mark.parametrize(
    ("label", "vi", "en"),
    [
        ("2026", "năm 2026", "year 2026"),
        ("2026-H1", "6 tháng đầu năm 2026", "first half of 2026"),
        ("2026-H2", "6 tháng cuối năm 2026", "second half of 2026"),
        ("2026-Q1", "quý I năm 2026", "Q1 2026"),
        ("2026-Q2", "quý II năm 2026", "Q2 2026"),
        ("2026-Q3", "quý III năm 2026", "Q3 2026"),
        ("2026-Q4", "quý IV năm 2026", "Q4 2026"),
        ("2026-01", "tháng 1/2026", "January 2026"),
        ("2026-05", "tháng 5/2026", "May 2026"),
        ("2026-12", "tháng 12/2026", "December 2026"),
    ],
)
def test_names(label: str, vi: str, en: str) -> None:
    period = parse_period(label)
    assert period.label == label
    assert (period.name("vi"), period.name("en")) == (vi, en)


@pytest.mark.parametrize(
    ("label", "months"),
    [("2026", (1, 12)), ("2026-H1", (1, 6)), ("2026-H2", (7, 12)), ("2026-Q3", (7, 9))],
)
def test_months(label: str, months: tuple[int, int]) -> None:
    period = parse_period(label)
    assert (period.first_month, period.last_month) == months


def test_label_is_trimmed() -> None:
    assert parse_period(" 2026-H2 ").label == "2026-H2"


@pytest.mark.parametrize("label", ["2026-H3", "2026-Q5", "2026-13", "2026-00", "2026-h2", "26"])
def test_bad_labels(label: str) -> None:
    with pytest.raises(UsageError):
        parse_period(label)


@pytest.mark.parametrize(
    ("cutoff", "label", "start", "end"),
    [
        (14, "2026-H2", D(2026, 6, 15), D(2026, 12, 14)),
        (14, "2026", D(2025, 12, 15), D(2026, 12, 14)),
        (20, "2026-05", D(2026, 4, 21), D(2026, 5, 20)),
        (20, "2026-H2", D(2026, 6, 21), D(2026, 12, 20)),
        (20, "2026", D(2025, 12, 21), D(2026, 12, 20)),
        (20, "2026-Q1", D(2025, 12, 21), D(2026, 3, 20)),
        (1, "2026-05", D(2026, 4, 2), D(2026, 5, 1)),
        (31, "2026", D(2026, 1, 1), D(2026, 12, 31)),
        (31, "2026-02", D(2026, 2, 1), D(2026, 2, 28)),
        (31, "2026-03", D(2026, 3, 1), D(2026, 3, 31)),
        (31, "2026-Q2", D(2026, 4, 1), D(2026, 6, 30)),
        (30, "2026-03", D(2026, 3, 1), D(2026, 3, 30)),  # February has no 30th
        (29, "2026-02", D(2026, 1, 30), D(2026, 2, 28)),
        (29, "2026-03", D(2026, 3, 1), D(2026, 3, 29)),
        (29, "2028-02", D(2028, 1, 30), D(2028, 2, 29)),  # leap year
        (29, "2028-03", D(2028, 3, 1), D(2028, 3, 29)),
        (28, "2026-03", D(2026, 3, 1), D(2026, 3, 28)),
        (28, "2028-03", D(2028, 2, 29), D(2028, 3, 28)),
    ],
)
def test_cutoff_day(cutoff: int, label: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(label, Reporting(cutoff_day=cutoff))
    assert (period.start, period.end) == (start, end)


def test_cutoff_day_zero_is_an_error_and_counts_as_one() -> None:
    # The rule reports it; the windows meanwhile are those of cut-off day 1.
    assert parse_period("2026-05", Reporting(cutoff_day=0)) == parse_period(
        "2026-05", Reporting(cutoff_day=1)
    )
    text = minimal() + "reporting:\n  cutoff_day: 0\n"
    assert found(text) == [("cutoff-day", 59, 15)]


@pytest.mark.parametrize(("day", "problems"), [(1, []), (31, []), (32, [("cutoff-day", 59, 15)])])
def test_cutoff_day_rule_limits(day: int, problems: list[tuple[str, int, int]]) -> None:
    assert found(minimal() + f"reporting:\n  cutoff_day: {day}\n") == problems


def test_an_explicit_window_wins_for_its_period_only() -> None:
    reporting = Reporting(windows=[Window(period="2026-H2", start="2026-07-01", end="2026-12-31")])
    h2 = parse_period("2026-H2", reporting)
    assert (h2.start, h2.end, h2.label) == (D(2026, 7, 1), D(2026, 12, 31), "2026-H2")
    q3 = parse_period("2026-Q3", reporting)
    assert (q3.start, q3.end) == (D(2026, 6, 15), D(2026, 9, 14))


def test_a_window_with_a_bad_date_falls_back_to_the_default() -> None:
    reporting = Reporting(windows=[Window(period="2026-H2", start="2026-07-01", end="2026-13-01")])
    h2 = parse_period("2026-H2", reporting)
    assert (h2.start, h2.end) == (D(2026, 6, 15), D(2026, 12, 14))
