"""Deadlines as plans write them: the grammar (dvcq.deadlines), its problems with positions, and
where a task stands on the board (overdue, due soon, done late)."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_text import edit, minimal, plan_of, problems_of

from dvcq import rules
from dvcq.deadlines import DeadlineError, parse, standing
from dvcq.model import Entry, Progress
from dvcq.progress.board import board_dict, build_board
from dvcq.progress.periods import parse_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "year", "days"),
    [
        ("30/6/2025", "date", 2025, [D(2025, 6, 30)]),
        ("2025-06-30", "date", 2025, [D(2025, 6, 30)]),
        ("trước ngày 15/6/2025", "date", 2025, [D(2025, 6, 15)]),
        ("Trước ngày 15/6", "date", None, [D(2025, 6, 15)]),
        ("ngày 05 tháng 02 năm 2025", "date", 2025, [D(2025, 2, 5)]),
        ("Tháng 4/2025", "month", 2025, [D(2025, 4, 30)]),
        ("tháng 2 năm 2025", "month", 2025, [D(2025, 2, 28)]),
        ("Quý III/2025", "quarter", 2025, [D(2025, 9, 30)]),
        ("Quý 1 năm 2025", "quarter", 2025, [D(2025, 3, 31)]),
        ("6 tháng đầu năm", "half", None, [D(2025, 6, 30)]),
        ("6 tháng cuối năm 2025", "half", 2025, [D(2025, 12, 31)]),
        ("Năm 2025", "year", 2025, [D(2025, 12, 31)]),
        ("Thường xuyên", "ongoing", None, []),
        (
            "Hằng quý",
            "recurring",
            None,
            [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)],
        ),
        ("6 tháng", "recurring", None, [D(2025, 6, 30), D(2025, 12, 31)]),
        ("Hằng năm", "recurring", None, [D(2025, 12, 31)]),
        (
            "Hằng quý, trước ngày 15/3",
            "recurring",
            None,
            [D(2025, 3, 15), D(2025, 6, 15), D(2025, 9, 15), D(2025, 12, 15)],
        ),
        ("Định kỳ 6 tháng, trước ngày 15/6", "recurring", None, [D(2025, 6, 15), D(2025, 12, 15)]),
    ],
)
def test_forms(text: str, kind: str, year: int | None, days: list[dt.date]) -> None:
    deadline = parse(text, 2025)
    assert (deadline.text, deadline.kind, deadline.year, list(deadline.days)) == (
        text,
        kind,
        year,
        days,
    )


@pytest.mark.parametrize("text", ["Hằng tháng, trước ngày 20", "trước ngày 20 hàng tháng"])
def test_monthly_before_a_day(text: str) -> None:
    days = parse(text, 2025).days
    assert len(days) == 12
    assert (days[0], days[1], days[-1]) == (D(2025, 1, 20), D(2025, 2, 20), D(2025, 12, 20))


def test_monthly_on_the_31st_is_each_months_last_day() -> None:
    days = parse("Hằng tháng, trước ngày 31", 2025).days
    assert (days[1], days[3]) == (D(2025, 2, 28), D(2025, 4, 30))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Quý V/2025", "format"),
        ("sớm nhất có thể", "format"),
        ("31/2/2025", "impossible"),
        ("Tháng 13/2025", "impossible"),
        ("Hằng quý, trước ngày 15/5", "period-day"),
        ("Hằng tháng, trước ngày 15/6", "period-day"),
        ("Hằng tháng, trước ngày 15/1", "period-day"),
    ],
)
def test_unreadable(text: str, reason: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse(text, 2025)
    assert caught.value.reason == reason


# --- problems with positions ---------------------------------------------------------------------

OWNER = ("Kế hoạch này.\n          owner: VP", "Kế hoạch này.\n          owner: VP\n{}")


def with_deadlines(*lines: str, cadence: str = "") -> str:
    extra = ("          cadence: once\n" if cadence else "") + "          deadlines:\n"
    extra += "".join(f"            - {line}\n" for line in lines)
    return edit(minimal(), (OWNER[0], OWNER[1].format(extra.rstrip("\n"))))


def test_readable_deadlines_and_a_deliverable_pass_check() -> None:
    text = with_deadlines("Quý II/2026", "Hằng tháng, trước ngày 20")
    text = edit(
        text,
        ("          deadlines:", "          deliverable: Báo cáo kết quả\n          deadlines:"),
    )
    assert problems_of(text) == []
    task = plan_of(text).tasks()[1]
    assert (task.deliverable, task.deadlines) == (
        "Báo cáo kết quả",
        ["Quý II/2026", "Hằng tháng, trước ngày 20"],
    )


def test_unreadable_deadline_has_its_position_and_the_forms_in_the_hint() -> None:
    (problem,) = problems_of(with_deadlines("Quý II/2026", "cuối quý hai"))
    assert (problem.rule, problem.pos) == ("invalid-deadline", (47, 15))
    assert rules.message(problem, "vi") == (
        "Thời hạn “cuối quý hai” không đọc được: không phải dạng thời hạn nào đã biết."
    )
    hint = rules.hint(problem, "vi")
    for form in ("30/6/2025", "Tháng 4/2025", "Quý III/2025", "6 tháng đầu năm", "Hằng tháng"):
        assert form in hint


def test_impossible_day_in_a_deadline() -> None:
    (problem,) = problems_of(with_deadlines("30/2/2026"))
    assert (problem.rule, problem.pos, problem.params["reason"]) == (
        "invalid-deadline",
        (46, 15),
        "deadline:impossible",
    )


def test_deadline_outside_the_plans_year() -> None:
    (problem,) = problems_of(with_deadlines("Hằng quý", "Quý III/2025"))
    assert (problem.rule, problem.pos) == ("deadline-outside-year", (47, 15))
    assert rules.message(problem, "vi") == (
        "Thời hạn “Quý III/2025” thuộc năm 2025, không phải năm của kế hoạch (2026)."
    )


def test_recurring_deadline_on_a_once_task() -> None:
    (problem,) = problems_of(with_deadlines("Quý I/2026", "Hằng quý", cadence="once"))
    assert (problem.rule, problem.pos) == ("deadline-cadence", (48, 15))


# --- where a task stands -------------------------------------------------------------------------


def states(days: list[dt.date], done: list[dt.date], as_of: dt.date) -> list[str]:
    return [o.state for o in standing(days, done, as_of).occurrences]


def test_one_deadline_in_time_late_overdue_soon_open() -> None:
    day = [D(2025, 6, 30)]
    assert states(day, [D(2025, 6, 30)], D(2025, 8, 1)) == ["done"]
    assert states(day, [D(2025, 7, 2)], D(2025, 8, 1)) == ["late"]
    assert states(day, [D(2025, 7, 2)], D(2025, 7, 1)) == ["overdue"]  # not yet done on 1/7
    assert states(day, [], D(2025, 6, 30)) == ["due-soon"]  # the day itself: still in time
    assert states(day, [], D(2025, 6, 23)) == ["due-soon"]  # 7 days before
    assert states(day, [], D(2025, 6, 22)) == ["open"]


def test_two_deadlines_each_ask_for_their_own_done() -> None:
    days = [D(2025, 6, 30), D(2025, 12, 31)]
    s = standing(days, [D(2025, 6, 20)], D(2026, 1, 5))
    assert [o.state for o in s.occurrences] == ["done", "overdue"]
    assert (s.overdue, s.done_late, s.next_due) == (True, False, None)


def test_a_missed_month_made_up_is_late_and_no_longer_overdue() -> None:
    days = [D(2025, 1, 20), D(2025, 2, 20), D(2025, 3, 20)]
    s = standing(days, [D(2025, 1, 25), D(2025, 2, 18)], D(2025, 3, 14))
    assert [o.state for o in s.occurrences] == ["late", "done", "due-soon"]
    assert (s.overdue, s.due_soon, s.done_late, s.next_due) == (False, True, True, D(2025, 3, 20))


def test_an_old_miss_is_not_overdue_once_the_latest_day_is_met() -> None:
    days = [D(2025, 1, 20), D(2025, 2, 20), D(2025, 3, 20)]
    s = standing(days, [D(2025, 3, 10)], D(2025, 3, 25))
    assert [o.state for o in s.occurrences] == ["overdue", "late", "done"]
    assert (s.overdue, s.done_late) == (False, True)


def test_board_flags_and_json_fields() -> None:
    text = with_deadlines("Quý I/2026")
    plan = plan_of(text)
    late = Entry(
        id="20260405-aaaaaaaa",
        task="theo-doi-don-doc",
        date="2026-04-05",
        unit="VP",
        status="hoan-thanh",
        result="Đã báo cáo.",
        author="A",
    )
    board = build_board(plan, Progress([late]), parse_period("2026"), D(2026, 4, 10))
    row = board_dict(board)["tasks"][1]
    assert {k: row[k] for k in ("overdue", "due_soon", "done_late", "next_due", "deadlines")} == {
        "overdue": False,
        "due_soon": False,
        "done_late": True,
        "next_due": None,
        "deadlines": ["Quý I/2026"],
    }
    board = build_board(plan, Progress([]), parse_period("2026"), D(2026, 4, 10))
    row = board_dict(board)["tasks"][1]
    assert (row["overdue"], row["done_late"]) == (True, False)
    assert board.summary()["overdue"] == 1


def test_review_sees_deadline_and_deliverable_changes() -> None:
    from dvcq.review.diff import diff_plans
    from dvcq.review.textconv import textconv_lines

    old = plan_of(with_deadlines("Quý I/2026"))
    text = edit(
        with_deadlines("Quý II/2026"),
        ("          deadlines:", "          deliverable: Báo cáo\n          deadlines:"),
    )
    new = plan_of(text)
    kinds = [(c.kind, c.old, c.new) for c in diff_plans(old, new)]
    assert kinds == [
        ("deadline-removed", "Quý I/2026", None),
        ("deadline-added", None, "Quý II/2026"),
        ("deliverable-changed", None, "Báo cáo"),
    ]
    lines = list(textconv_lines(new))
    assert "task theo-doi-don-doc deadline: Quý II/2026" in lines
    assert "task theo-doi-don-doc deliverable: Báo cáo" in lines
