"""The status board: where each task stands in a period, and what has nothing to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal
from pathlib import Path
from typing import Any

from dvcq.deadlines import task_standing
from dvcq.model import DONE, Entry, Plan, Progress, Task
from dvcq.progress.periods import Period
from dvcq.record import field, record
from dvcq.units import Units


@record
class TaskRow:
    section: str
    number: str  # display number of the section, e.g. "II.4"
    task: Task
    status: str | None  # latest status within the period, None when nothing was reported
    last_update: dt.date | None
    entries: list[Entry]
    totals: dict[str, float]
    overdue: bool
    due_soon: bool = False  # the next deadline is at most deadlines.DUE_SOON_DAYS away, not done
    done_late: bool = False  # a deadline was met after its day
    next_due: dt.date | None = None

    @property
    def silent(self) -> bool:
        return not self.entries


@record
class GroupRow:
    """A unit group on the board: which of its members wrote an entry on the group's tasks in
    the period, and which are silent (dvcq.units)."""

    unit: str
    reported: list[str]
    silent: list[str]


@record
class Board:
    period: Period
    as_of: dt.date
    rows: list[TaskRow] = field(default_factory=list)
    silent_units: list[str] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        total = len(self.rows)
        reported = sum(1 for r in self.rows if not r.silent)
        done = sum(1 for r in self.rows if r.status == DONE)

        def percent(n: int) -> float:
            return round(100 * n / total, 1) if total else 0.0

        return {
            "tasks": total,
            "reported": reported,
            "reported_percent": percent(reported),
            "done": done,
            "done_percent": percent(done),
            "overdue": sum(1 for r in self.rows if r.overdue),
            "due_soon": sum(1 for r in self.rows if r.due_soon),
            "done_late": sum(1 for r in self.rows if r.done_late),
            "silent_units": len(self.silent_units),
        }


def aggregate(plan: Plan, entries: list[Entry]) -> dict[str, float]:
    """Indicator totals over entries (already in date order), each by its own aggregation."""
    how = {i.key: i.aggregation for i in plan.indicators}
    totals: dict[str, float] = {}
    fractions: dict[str, Decimal] = {}  # sums with a fraction, added as written: 0.1 + 0.2 = 0.3
    for e in entries:
        for key, value in e.values.items():
            if key not in how or isinstance(value, bool) or not isinstance(value, int | float):
                continue  # the checker reports these
            if how[key] == "sum":
                if isinstance(value, float) or key in fractions:
                    fractions[key] = fractions.get(key, Decimal(totals.get(key, 0))) + Decimal(
                        repr(value)
                    )
                    totals[key] = float(fractions[key])
                else:
                    totals[key] = totals.get(key, 0) + value
            elif how[key] == "max":
                totals[key] = max(totals.get(key, value), value)
            else:  # latest
                totals[key] = value
    return totals


def in_period(progress: Progress, period: Period, as_of: dt.date) -> list[Entry]:
    """Current entries dated inside the period's window and not after `as_of`, in date order."""
    chosen = _dated_in(progress.current(), period, as_of)
    chosen.sort(key=lambda e: e.date)  # stable: entries of one day keep their file order
    return chosen


def _dated_in(entries: list[Entry], period: Period, as_of: dt.date) -> list[Entry]:
    start, stop = period.start.isoformat(), min(period.end, as_of).isoformat()
    return [e for e in entries if start <= e.date <= stop and e.day() is not None]


def select(
    progress: Progress,
    period: Period | None,
    as_of: dt.date,
    *,
    task: str | None = None,
    unit: str | None = None,
    status: str | None = None,
    superseded: bool = False,
    members: Collection[str] = (),
) -> list[Entry]:
    """Entries for `dvcq progress list`: current ones (all with `superseded`), in the period's
    window when there is one, filtered, by date then id; `members`: the units inside `unit`,
    whose entries a group's filter shows too."""
    chosen = progress.entries if superseded else progress.current()
    if period is not None:  # the window alone: --all keeps the corrected entries of the period
        chosen = _dated_in(chosen, period, as_of)
    chosen = [
        e
        for e in chosen
        if (not task or e.task == task)
        and (not unit or e.unit == unit or e.unit in members)
        and (not status or e.status == status)
    ]
    return sorted(chosen, key=lambda e: (e.date, e.id))


def build_board(
    plan: Plan, progress: Progress, period: Period, as_of: dt.date, unit: str | None = None
) -> Board:
    entries = in_period(progress, period, as_of)
    units = Units(plan)
    if unit:
        entries = [e for e in entries if e.unit in units.reporters(unit)]
    by_task: dict[str, list[Entry]] = {}
    for e in entries:
        by_task.setdefault(e.task, []).append(e)
    done_days: dict[str, list[dt.date]] = {}
    for e in progress.current():
        day = e.day() if e.status == DONE else None
        if day is not None:
            done_days.setdefault(e.task, []).append(day)
    board = Board(period, as_of)
    for placed in plan.placed_tasks():
        task = placed.task
        if unit and not units.concerns(unit, task):
            continue
        mine = by_task.get(task.id, [])
        last = mine[-1] if mine else None
        standing = task_standing(task, plan.document.date.year, done_days.get(task.id, []), as_of)
        board.rows.append(
            TaskRow(
                placed.title,
                placed.number,
                task,
                last.status if last else None,
                dt.date.fromisoformat(last.date) if last else None,
                mine,
                aggregate(plan, mine),
                standing.overdue,
                standing.due_soon,
                standing.done_late,
                standing.next_due,
            )
        )
    board.silent_units, board.groups = _silent(units, board.rows, entries, unit)
    return board


def _silent(
    units: Units, rows: list[TaskRow], entries: list[Entry], unit: str | None
) -> tuple[list[str], list[GroupRow]]:
    """The units expected on the board's tasks without an entry in the period (a group's
    members in its place), and each group's members that reported on its tasks or not."""
    reporting = {e.unit for e in entries}
    shown = set(units.reporters(unit)) if unit else None
    silent = [
        u
        for u in units.expected(r.task for r in rows)
        if u not in reporting and (shown is None or u in shown)
    ]
    groups = []
    for group in units.direct:
        mine = [r for r in rows if group in (r.task.owner, *r.task.support)]
        if not mine:
            continue
        wrote = {e.unit for r in mine for e in r.entries}
        members = [m for m in units.leaves(group) if shown is None or m in shown]
        groups.append(
            GroupRow(
                group, [m for m in members if m in wrote], [m for m in members if m not in wrote]
            )
        )
    return silent, groups


def board_dict(board: Board) -> dict[str, Any]:
    return {
        "period": board.period.label,
        "window": {"start": board.period.start.isoformat(), "end": board.period.end.isoformat()},
        "as_of": board.as_of.isoformat(),
        "tasks": [
            {
                "section": r.number,
                "task": r.task.id,
                "owner": r.task.owner,
                "status": r.status,
                "last_update": r.last_update.isoformat() if r.last_update else None,
                "entries": len(r.entries),
                "indicators": r.totals,
                "no_entry": r.silent,
                "overdue": r.overdue,
                "due_soon": r.due_soon,
                "done_late": r.done_late,
                "next_due": r.next_due.isoformat() if r.next_due else None,
                "deadlines": list(r.task.deadlines),
            }
            for r in board.rows
        ],
        "silent_units": board.silent_units,
        "groups": [
            {"unit": g.unit, "reported": g.reported, "silent": g.silent} for g in board.groups
        ],
        "summary": board.summary(),
    }


# Part of the cache key: change it whenever the shape of the status data changes, so that a
# result cached by an older dvcq is never served.
STATUS_FORMAT = "status/5"


def status_data(
    plan: Plan, files: list[Path], period: Period, as_of: dt.date, unit: str | None = None
) -> dict[str, Any]:
    """The board as data with `left_out` (the entries not counted, and why: `progress.usable`),
    cached on the content of the plan and of every progress file, on today (an entry dated after
    it is left out) and on the language of the messages."""
    from dvcq import i18n
    from dvcq.cache import cached, fingerprint
    from dvcq.dates import today
    from dvcq.progress.store import read_progress
    from dvcq.progress.usable import left_out_data, usable

    day, lang = today(), i18n.lang()
    parts = [STATUS_FORMAT, "\n".join(plan.lines), period.label, str(period.start), str(period.end)]
    key = fingerprint([*parts, as_of.isoformat(), unit or "", day.isoformat(), lang], files)

    def compute() -> dict[str, Any]:
        counted = usable(plan, read_progress(files), day)
        data = board_dict(build_board(plan, counted.progress, period, as_of, unit))
        return {**data, "left_out": left_out_data(counted.left_out, lang)}

    return cached("status", key, compute)  # type: ignore[no-any-return]
