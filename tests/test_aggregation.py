"""Indicator totals on the board, by absolute values: `sum`, `max` and `latest` (by date, file
order within a day), over current entries inside the period's window and not after the as-of day;
and which units the board lists as silent."""

from __future__ import annotations

import datetime as dt

from board_plan import board_plan, entry, progress

from dvcq.progress.board import aggregate, build_board
from dvcq.progress.periods import parse_period
from dvcq.progress.store import Entry

D = dt.date
NOV_27 = D(2026, 11, 27)
YEAR = parse_period("2026")
TASK = "tiep-cong-dan"


def values(luot: float, hop: float, ty_le: float) -> dict[str, float]:
    return {"luot-tiep": luot, "cuoc-hop": hop, "ty-le": ty_le}


# In the file: 5 (5/3) first, then 3 (20/1), then 7 (10/2). By date: 3, 7, 5.
THREE = [
    entry("c", TASK, "2026-03-05", values=values(5, 5, 5)),
    entry("a", TASK, "2026-01-20", values=values(3, 3, 3)),
    entry("b", TASK, "2026-02-10", values=values(7, 7, 7)),
]


def totals(*entries: Entry, as_of: dt.date = NOV_27, label: str = "2026") -> dict[str, float]:
    board = build_board(board_plan(), progress(*entries), parse_period(label), as_of)
    (row,) = [r for r in board.rows if r.task.id == TASK]
    return row.totals


def test_sum_max_latest() -> None:
    assert totals(*THREE) == {"luot-tiep": 15, "cuoc-hop": 7, "ty-le": 5}


def test_latest_is_by_date_not_file_order() -> None:
    later_first = [THREE[0], THREE[2]]  # 5/3 written before 10/2
    assert totals(*later_first)["ty-le"] == 5


def test_latest_of_one_day_is_the_last_written() -> None:
    # Same day: the line further down the file wins, whatever the ids sort as.
    same_day = [
        entry("z", TASK, "2026-03-05", values=values(1, 1, 40)),
        entry("a", TASK, "2026-03-05", values=values(1, 1, 60)),
    ]
    assert totals(*same_day) == {"luot-tiep": 2, "cuoc-hop": 1, "ty-le": 60}


def test_max_of_decreasing_values() -> None:
    falling = [
        entry("a", TASK, "2026-01-20", values=values(9, 9, 9)),
        entry("b", TASK, "2026-02-10", values=values(4, 4, 4)),
    ]
    assert totals(*falling) == {"luot-tiep": 13, "cuoc-hop": 9, "ty-le": 4}


def test_superseded_entries_are_left_out() -> None:
    wrong = entry("w", TASK, "2026-03-01", values=values(20, 20, 20))
    fixed = entry("f", TASK, "2026-03-02", values=values(2, 2, 2), supersedes="w")
    assert totals(*THREE, wrong, fixed) == {"luot-tiep": 17, "cuoc-hop": 7, "ty-le": 5}


def test_entries_outside_the_window_are_left_out() -> None:
    # The year 2026 runs from 15/12/2025 to 14/12/2026 (NĐ 09/2019).
    edges = [
        entry("x1", TASK, "2025-12-14", values=values(40, 40, 40)),
        entry("x2", TASK, "2025-12-15", values=values(1, 1, 1)),
        entry("x3", TASK, "2026-12-14", values=values(2, 2, 2)),
        entry("x4", TASK, "2026-12-15", values=values(50, 50, 50)),
    ]
    assert totals(*THREE, *edges, as_of=D(2026, 12, 31)) == {
        "luot-tiep": 18,
        "cuoc-hop": 7,
        "ty-le": 2,
    }


def test_entries_after_as_of_are_left_out() -> None:
    assert totals(*THREE, as_of=D(2026, 3, 4)) == {"luot-tiep": 10, "cuoc-hop": 7, "ty-le": 7}
    assert totals(*THREE, as_of=D(2026, 3, 5)) == {"luot-tiep": 15, "cuoc-hop": 7, "ty-le": 5}


def test_quarter_window() -> None:
    # Q1 = 15/12/2025 .. 14/3/2026; Q2 starts 15/3.
    late = entry("q2", TASK, "2026-03-15", values=values(100, 100, 100))
    assert totals(*THREE, late, label="2026-Q1") == {"luot-tiep": 15, "cuoc-hop": 7, "ty-le": 5}
    assert totals(*THREE, late, label="2026-Q2") == {
        "luot-tiep": 100,
        "cuoc-hop": 100,
        "ty-le": 100,
    }


def test_impossible_dates_are_left_out() -> None:
    # "2026-02-30" sorts inside the window as text, but it is no day: the checker reports it.
    bad = entry("bad", TASK, "2026-02-30", values=values(100, 100, 100))
    assert totals(*THREE, bad) == {"luot-tiep": 15, "cuoc-hop": 7, "ty-le": 5}


def test_undeclared_and_non_numbers_are_skipped() -> None:
    plan = board_plan()
    odd = [
        entry("a", TASK, "2026-01-01", values={"luot-tiep": 2, "khac": 9}),
        entry("b", TASK, "2026-01-02", values={"luot-tiep": True, "cuoc-hop": "7"}),
        entry("c", TASK, "2026-01-03", values={"luot-tiep": 1.5, "cuoc-hop": 0}),
    ]
    assert aggregate(plan, odd) == {"luot-tiep": 3.5, "cuoc-hop": 0}


def test_no_entries_no_totals() -> None:
    assert totals() == {}


# --- silent units -------------------------------------------------------------------------------


def silent(*entries: Entry, unit: str | None = None, label: str = "2026") -> list[str]:
    board = build_board(
        board_plan(), progress(*entries), parse_period(label), D(2026, 11, 27), unit
    )
    return board.silent_units


def test_units_that_own_nothing_are_never_silent() -> None:
    # VP owns tasks, TTr owns nop-bao-cao, HT supports tiep-cong-dan, KT has no task at all.
    assert silent() == ["VP", "TTr", "HT"]


def test_a_unit_with_an_entry_is_not_silent() -> None:
    assert silent(entry("a", TASK, "2026-03-01", "HT")) == ["VP", "TTr"]
    assert silent(entry("a", "nop-bao-cao", "2026-03-01", "TTr")) == ["VP", "HT"]


def test_an_entry_outside_the_period_does_not_count() -> None:
    # An entry of 1/3 is in Q1, not in Q3 (15/6 .. 14/9).
    assert silent(entry("a", "nop-bao-cao", "2026-03-01", "TTr"), label="2026-Q3") == [
        "VP",
        "TTr",
        "HT",
    ]


def test_silent_for_one_unit() -> None:
    assert silent(unit="TTr") == ["TTr"]
    assert silent(entry("a", "nop-bao-cao", "2026-03-01", "TTr"), unit="TTr") == []
    assert silent(unit="KT") == []  # owns nothing: no row, nothing to be silent about
    # VP's board shows tiep-cong-dan, which HT supports: only VP may be listed on it.
    assert silent(unit="VP") == ["VP"]
    assert silent(entry("a", TASK, "2026-03-01"), unit="VP") == []


def test_fractional_sums_add_as_written() -> None:
    # 0.1 + 0.2 in binary floating point is 0.30000000000000004; a figure a leader signs is 0.3.
    tenths = [
        entry("a", TASK, "2026-01-20", values=values(0.1, 1, 1)),
        entry("b", TASK, "2026-02-10", values=values(0.2, 2, 2)),
        entry("c", TASK, "2026-03-05", values=values(0, 3, 3)),
    ]
    sums = totals(*tenths)
    assert repr(sums["luot-tiep"]) == "0.3"
    assert type(totals(*THREE)["luot-tiep"]) is int  # whole numbers stay whole
