"""Once-tasks on the board: overdue means the due day has passed (README: "quá hạn mà chưa Hoàn
thành") with no current `hoan-thanh` entry dated on or before the as-of day. Ongoing and periodic
tasks are never overdue, whatever their `due`."""

from __future__ import annotations

import datetime as dt

import pytest
from board_plan import board_plan, entry, progress

from dvcq.progress.board import build_board
from dvcq.progress.periods import parse_period
from dvcq.progress.store import Progress

D = dt.date
YEAR = parse_period("2026")
DONE = "hoan-thanh"


def overdue(p: Progress, as_of: dt.date, label: str = "2026", cadence: str = "ongoing") -> set[str]:
    board = build_board(board_plan(cadence), p, parse_period(label), as_of)
    return {r.task.id for r in board.rows if r.overdue}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2026, 6, 29), set()),
        (D(2026, 6, 30), set()),  # the due day itself: still in time
        (D(2026, 7, 1), {"nop-bao-cao"}),  # the day after
    ],
)
def test_due_day_boundary(as_of: dt.date, expected: set[str]) -> None:
    assert overdue(progress(), as_of) == expected


def test_done_before_due_is_not_overdue() -> None:
    p = progress(entry("e1", "nop-bao-cao", "2026-06-20", "TTr", DONE))
    assert overdue(p, D(2026, 11, 27)) == set()


def test_done_late_but_before_as_of_is_not_overdue() -> None:
    p = progress(entry("e1", "nop-bao-cao", "2026-07-05", "TTr", DONE))
    assert overdue(p, D(2026, 11, 27)) == set()


def test_done_after_as_of_does_not_count() -> None:
    p = progress(entry("e1", "nop-bao-cao", "2026-07-05", "TTr", DONE))
    assert overdue(p, D(2026, 7, 4)) == {"nop-bao-cao"}
    assert overdue(p, D(2026, 7, 5)) == set()  # done on the as-of day counts


def test_in_progress_is_still_overdue() -> None:
    p = progress(entry("e1", "nop-bao-cao", "2026-06-20", "TTr", "dang-thuc-hien"))
    assert overdue(p, D(2026, 7, 1)) == {"nop-bao-cao"}


def test_superseded_done_does_not_count() -> None:
    p = progress(
        entry("e1", "nop-bao-cao", "2026-06-20", "TTr", DONE),
        entry("e2", "nop-bao-cao", "2026-06-21", "TTr", "dang-thuc-hien", supersedes="e1"),
    )
    assert overdue(p, D(2026, 7, 1)) == {"nop-bao-cao"}


def test_done_before_the_period_window_still_counts() -> None:
    # Q3 runs 15/6 to 14/9: a task done on 10/6 is done, not overdue, on the Q3 board.
    p = progress(entry("e1", "nop-bao-cao", "2026-06-10", "TTr", DONE))
    assert overdue(p, D(2026, 9, 1), "2026-Q3") == set()


def test_done_on_another_task_does_not_count() -> None:
    p = progress(entry("e1", "tiep-cong-dan", "2026-06-10", "VP", DONE))
    assert overdue(p, D(2026, 7, 1)) == {"nop-bao-cao"}


@pytest.mark.parametrize("cadence", ["ongoing", "periodic"])
def test_recurring_tasks_with_a_past_due_are_never_overdue(cadence: str) -> None:
    # ra-soat-quy-che has due 2026-03-31 and no entry at all.
    assert overdue(progress(), D(2026, 11, 27), cadence=cadence) == {"nop-bao-cao"}


def test_once_task_without_due_is_never_overdue() -> None:
    # The same task as `once` (due 31/3, no entry) is overdue: only `due` makes a task overdue.
    assert overdue(progress(), D(2026, 11, 27), cadence="once") == {
        "nop-bao-cao",
        "ra-soat-quy-che",
    }
    plan = board_plan()
    plan.tasks()[2].due = None
    board = build_board(plan, progress(), YEAR, D(2026, 11, 27))
    assert [r.task.id for r in board.rows if r.overdue] == []


def test_summary_counts_overdue() -> None:
    p = progress(entry("e1", "tiep-cong-dan", "2026-03-01"))
    board = build_board(board_plan("once"), p, YEAR, D(2026, 7, 1))
    assert board.summary() == {
        "tasks": 5,
        "reported": 1,
        "reported_percent": 20.0,
        "done": 0,
        "done_percent": 0.0,
        "overdue": 2,
        "due_soon": 0,
        "done_late": 0,
        "silent_units": 2,  # TTr owns nop-bao-cao, HT supports tiep-cong-dan: neither reported
    }
