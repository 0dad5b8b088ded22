"""The four states a leader reads in a report: done on time, done late, in progress within its
deadline, overdue. One function decides them, from the board's `overdue` flag and a task's
status, so that a finer board (due soon, done late) changes this one place."""

from __future__ import annotations

from dvcq.model import DONE

DONE_ON_TIME = "done-on-time"
DONE_LATE = "done-late"
IN_TIME = "in-time"
OVERDUE = "overdue"

# In the order a report counts them; Vietnamese and English labels.
STATES: dict[str, tuple[str, str]] = {
    DONE_ON_TIME: ("hoàn thành đúng hạn", "done on time"),
    DONE_LATE: ("hoàn thành quá hạn", "done late"),
    IN_TIME: ("đang thực hiện trong hạn", "in progress within its deadline"),
    OVERDUE: ("quá hạn", "overdue"),
}


def leader_state(status: str | None, overdue: bool, done_on: str | None, due: str | None) -> str:
    """A task's state: `status` its latest status, `overdue` the board's flag, `done_on` the
    first day it was reported done (ISO), `due` its deadline (ISO) if it has one.

    A task with nothing reported yet and its deadline not passed is within its deadline."""
    if status == DONE:
        return DONE_LATE if due and done_on and done_on > due else DONE_ON_TIME
    return OVERDUE if overdue else IN_TIME
