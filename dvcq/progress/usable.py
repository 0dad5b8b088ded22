"""The one rule of every reader (status, report, export, progress list): which entries count.

An entry is used, or left out with the reason and its file:line. It is left out when the progress
rules give it an error (an unknown task, a second copy of an id, a control character…) or reading
it found one (an unknown key, a value of the wrong type); a file that cannot be read leaves out
whatever it holds. `dvcq check` reports the same problems, so a clean check means nothing is left
out. Readers take their entries from `usable` and never filter on their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dvcq.model import Plan, Progress
from dvcq.problems import Problem
from dvcq.record import field, record


@record
class Usable:
    progress: Progress  # only the entries that count (problems and files as read)
    left_out: list[Problem] = field(default_factory=list)  # one per entry or file left out


def usable(plan: Plan, progress: Progress, today: dt.date) -> Usable:
    """The entries readers may count, and for each one left out (or each file that could not be
    read) the first error that leaves it out, in file and line order."""
    from dvcq import rules

    why: dict[int, Problem] = {}

    def flaw(entry: Any, problem: Problem) -> None:
        first = why.get(id(entry))
        if first is None or problem.sort_key < first.sort_key:
            why[id(entry)] = problem

    paired = {id(problem) for _, problem in progress.flawed}
    for entry, problem in progress.flawed:
        if rules.is_error(problem):
            flaw(entry, problem)
    for entry, problem in rules.progress_findings(plan, progress, today, errors_only=True):
        flaw(entry, problem)
    left_out = [p for p in progress.problems if id(p) not in paired and rules.is_error(p)]
    kept = []
    for entry in progress.entries:
        if id(entry) in why:
            left_out.append(why[id(entry)])
        else:
            kept.append(entry)
    left_out.sort(key=lambda p: p.sort_key)
    return Usable(Progress(kept, progress.problems, progress.files), left_out)


def left_out_data(problems: list[Problem], lang: str) -> list[dict[str, Any]]:
    """The left-out list as JSON output and the status cache hold it: file, line, column, rule
    and the message in `lang`, with controls made visible."""
    from dvcq import rules
    from dvcq.visible import visible

    return [
        {
            "file": p.file,
            "line": p.pos.line,
            "column": p.pos.col,
            "rule": p.rule,
            "message": visible(rules.message(p, lang), newlines=False),
        }
        for p in problems
    ]
