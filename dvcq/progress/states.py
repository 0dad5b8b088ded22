"""The four states a leader reads in a report: done on time, done late, in progress within its
deadline, overdue. One function decides them, from the board's deadline flags (`overdue`,
`done_late`, worked out by `dvcq.deadlines.task_standing` over every deadline the plan writes
and a `once` task's `due`) and a task's latest status, so that the board and the report never
disagree."""

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


def leader_state(status: str | None, overdue: bool, done_late: bool) -> str:
    """A task's state: `status` its latest status, `overdue` and `done_late` the board's flags
    (a deadline past and unmet; a deadline met after its day).

    A deadline past and unmet wins over a status: a quarterly task reported done in the first
    quarter and silent in the second is overdue. A task done is done late when any of its
    deadlines was met after its day; a task with nothing reported yet and no deadline passed is
    within its deadline."""
    if overdue:
        return OVERDUE
    if status == DONE:
        return DONE_LATE if done_late else DONE_ON_TIME
    return IN_TIME
