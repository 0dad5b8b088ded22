"""Rules at their limits: same-day and later directives, the plan's year range, entry dates at the
window's edges, and the did-you-mean hints. Positions are minimal.yaml's own lines."""

from __future__ import annotations

import datetime as dt

import pytest
from board_plan import entry, progress
from plan_text import edit, found, minimal, plan_of, problems_of

from dvcq import rules

D = dt.date
CITED = ("ngày 31/3/2026 của", "ngày {} của")
REGISTERED = ('date: "2026-03-31"', 'date: "{}"')
PLAN_DAY = "    month: 4\n    day: 10\n"


def directive_on(iso: str, prose: str, plan_day: str = PLAN_DAY) -> str:
    """minimal.yaml with its one directive dated `iso` (and cited in prose as `prose`)."""
    return edit(
        minimal(),
        (CITED[0], CITED[1].format(prose)),
        (REGISTERED[0], REGISTERED[1].format(iso)),
        (PLAN_DAY, plan_day),
    )


def test_a_directive_of_the_plans_own_day_is_allowed() -> None:
    assert found(directive_on("2026-04-10", "10/4/2026")) == []


def test_a_directive_of_the_next_day_is_not() -> None:
    text = directive_on("2026-04-11", "11/4/2026")
    assert found(text) == [("directive-after-plan", 55, 12)]
    (problem,) = problems_of(text)
    assert rules.message(problem, "vi") == (
        "Văn bản “918/KH-UBND” ghi ngày 11/4/2026, sau ngày của chính kế hoạch (10/4/2026)."
    )


@pytest.mark.parametrize(
    ("iso", "prose", "expected"),
    [
        ("2026-04-30", "30/4/2026", []),  # a plan without its day stands for the month's last day
        ("2026-05-01", "1/5/2026", [("directive-after-plan", 55, 12)]),
    ],
)
def test_a_plan_without_its_day(iso: str, prose: str, expected: list) -> None:
    text = directive_on(iso, prose, "    month: 4\n    day: null\n")
    assert found(text) == expected
    if expected:
        (problem,) = problems_of(text)
        assert problem.params["plan_date"] == "4/2026"


@pytest.mark.parametrize(
    ("iso", "prose", "expected"),
    [
        ("2026-12-31", "31/12/2026", []),
        ("2027-01-01", "1/1/2027", [("directive-after-plan", 55, 12)]),
    ],
)
def test_a_plan_of_a_year_only(iso: str, prose: str, expected: list) -> None:
    text = directive_on(iso, prose, "    month: null\n    day: null\n")
    assert found(text) == expected
    if expected:
        (problem,) = problems_of(text)
        assert problem.params["plan_date"] == "2026"


@pytest.mark.parametrize(
    ("year", "bad"), [(1899, True), (1900, False), (2200, False), (2201, True)]
)
def test_the_plans_year_range(year: int, bad: bool) -> None:
    text = edit(minimal(), ("    year: 2026\n", f"    year: {year}\n"))
    dates = [p for p in problems_of(text) if p.rule == "invalid-date"]
    assert [(p.pos, p.params["reason"]) for p in dates] == (
        [((11, 11), "year-range")] if bad else []
    )


# --- entry dates: the year's window (from 15/12 before) and today ----------------------------------


def entry_date_reasons(dates: list[str], today: dt.date, reporting: str = "") -> list[str | None]:
    plan = plan_of(minimal() + reporting)
    out: list[str | None] = []
    for day in dates:
        p = progress(entry("e", "theo-doi-don-doc", day))
        found_ = [x for x in rules.run_progress(plan, p, today) if x.rule == "entry-date"]
        out.append(found_[0].params["reason"] if found_ else None)
    return out


def test_entry_dates_at_the_edges() -> None:
    dates = ["2025-12-14", "2025-12-15", "2026-11-27", "2026-11-28"]
    assert entry_date_reasons(dates, D(2026, 11, 27)) == ["outside-year", None, None, "future"]
    late = ["2026-12-14", "2026-12-15", "2026-12-31", "2027-01-01"]
    # After the last cut-off (14/12) an entry would count in no period of the 2026 plan.
    assert entry_date_reasons(late, D(2027, 3, 1)) == [
        None,
        "after-last-window",
        "after-last-window",
        "outside-year",
    ]


def test_entry_dates_follow_the_cutoff_day() -> None:
    calendar = "reporting:\n  cutoff_day: 31\n"
    dates = ["2025-12-31", "2026-01-01"]
    assert entry_date_reasons(dates, D(2026, 11, 27), calendar) == ["outside-year", None]
    twentieth = "reporting:\n  cutoff_day: 20\n"
    dates = ["2025-12-20", "2025-12-21"]
    assert entry_date_reasons(dates, D(2026, 11, 27), twentieth) == ["outside-year", None]


# --- did you mean ---------------------------------------------------------------------------------

UNITS = (
    "    name: Văn phòng Sở\ndirectives:",
    "    name: Văn phòng Sở\n  - id: TTr\n    name: "
    "Thanh tra Sở\n  - id: HT\n    name: Phòng Hợp tác\ndirectives:",
)
SECOND_OWNER = ("Kế hoạch này.\n          owner: VP", "Kế hoạch này.\n          owner: {}")


@pytest.mark.parametrize(
    ("owner", "hint"),
    [
        ("TT", "Có phải ý bạn là “TTr”? Các mã đơn vị đã khai báo: VP, TTr, HT."),
        ("Vp", "Có phải ý bạn là “VP”? Các mã đơn vị đã khai báo: VP, TTr, HT."),
        ("XYZ", "Các mã đơn vị đã khai báo: VP, TTr, HT."),
    ],
)
def test_unknown_unit_hint(owner: str, hint: str) -> None:
    text = edit(minimal(), UNITS, (SECOND_OWNER[0], SECOND_OWNER[1].format(owner)))
    (problem,) = problems_of(text)
    assert (problem.rule, problem.pos) == ("unknown-unit", (44, 18))
    assert rules.hint(problem, "vi") == hint


def test_unknown_key_in_a_task_hint() -> None:
    text = edit(
        minimal(), ("Kế hoạch này.\n          owner: VP", "Kế hoạch này.\n          ownr: VP")
    )
    unknown = [p for p in problems_of(text) if p.rule == "unknown-key"]
    assert [(p.pos, p.params["suggestion"]) for p in unknown] == [((44, 11), "owner")]
    assert rules.hint(unknown[0], "vi") == (
        "Có phải ý bạn là “owner”? Các khóa hợp lệ: id, text, title, owner, support, refs, cadence, due, "
        "deadlines, deliverable, "
        "indicators."
    )


def test_unknown_top_level_key_hint() -> None:
    text = edit(minimal(), ("\nrecipients:\n", "\nrecipient:\n"))
    unknown = [p for p in problems_of(text) if p.rule == "unknown-key"]
    assert [(p.pos, p.params["suggestion"]) for p in unknown] == [((46, 1), "recipients")]


def test_unknown_task_and_unit_in_progress_hint() -> None:
    plan = plan_of(minimal())
    p = progress(entry("e", "theo-doi-don-doc-x", "2026-03-01", unit="V"))
    got = {x.rule: x.params["suggestion"] for x in rules.run_progress(plan, p, D(2026, 11, 27))}
    assert got == {"unknown-task": "theo-doi-don-doc", "unknown-entry-unit": "VP"}
