"""The clerk's notes for one report (`reports/<PERIOD>.yaml`) and what the records clerk (văn thư)
checks before the report goes out.

The record (`ReportNotes`) and its reading live here, below `documents/`, so that `dvcq check`
reads the notes files beside `plans/` without loading anything of the documents; what only a
document needs (the notes' paragraphs, the default file of a report) is in `documents/notes.py`.
The checks that need no progress data run in both places: `dvcq check` over each notes file, and
`dvcq report` before it writes (with the command line's signer options and the plan's number).
Their words are declared in `dvcq.rules.reports`, which only the registry imports: importing the
record never changes the order of `dvcq rules`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from dvcq.model import Builder, Located, Plan
from dvcq.problems import Pos, Problem
from dvcq.record import field, record
from dvcq.yamlio import Node, parse, read_text

if TYPE_CHECKING:
    from dvcq.progress.periods import Period

PROSE = ("leadership", "strengths", "shortcomings", "causes", "next_steps", "proposals")
# A problem that comes from a command-line option, not from a file: `file` is the option's name.
OPTION = Pos(0, 0)


@record(kw_only=True, eq=False)
class SignerOverride(Located):
    authority: str | None = None
    title: str | None = None
    name: str | None = None


@record(kw_only=True, eq=False)
class ReportNotes(Located):
    subject: str | None = None  # the whole trích yếu, when the derived one does not fit
    addressees: list[str] | None = None
    number: str | None = None
    day: int | None = None
    month: int | None = None
    leadership: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    shortcomings: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    signer: SignerOverride | None = None


def build_notes(path: Path) -> tuple[ReportNotes | None, list[Problem]]:
    """The notes in `path` and the problems of reading them (None: they could not be built)."""
    text, problem = read_text(path)
    if text is None:
        if problem is not None and problem.rule == "empty-file":
            return ReportNotes(), []  # an empty notes file is simply no notes
        return None, [problem] if problem else []
    file = str(path)
    root, problems = parse(text, file)
    if root is None:
        return None, problems
    if not isinstance(root.value, dict):
        kind = "list" if isinstance(root.value, list) else "text"
        got = {"key": path.name, "expected": "mapping", "got": kind}
        return None, [*problems, Problem(file, root.pos, "wrong-type", got)]
    for key in PROSE:  # one text is a list of one: both spellings are natural in YAML
        node = root.value.get(key)
        if node is not None and isinstance(node.value, str):
            root.value[key] = Node([node], node.line, node.col)
    builder = Builder(file)
    notes: ReportNotes | None = builder.record(ReportNotes, root, "")
    problems += builder.problems
    if notes is not None:
        for key, top in (("day", 31), ("month", 12)):
            value = getattr(notes, key)
            if value is not None and not 1 <= value <= top:
                params = {"key": key, "value": value, "choices": f"1-{top}"}
                problems.append(Problem(file, notes.where(key), "invalid-value", params))
    return (None if problems else notes), problems


def report_month(period: Period, notes: ReportNotes) -> tuple[int, int]:
    """The year and month a report is dated in: the notes' month, else the cut-off's."""
    return period.end.year, notes.month or period.end.month


def notes_problems(
    plan: Plan,
    period: Period,
    notes: ReportNotes,
    file: str,
    option: SignerOverride | None = None,
) -> list[Problem]:
    """What a văn thư catches in the notes of the report on `period` (and in the signer options
    given on the command line, `option`): the report's date and its signer."""
    from dvcq.dates import last_day, numeric

    out: list[Problem] = []
    year, month = report_month(period, notes)
    period_params = {"period": period.label, "end": numeric(period.end)}
    first = period.first_month if period.end.year == period.year else 1
    last = last_day(year, month).day
    if notes.month is not None and not first <= month <= min(12, period.end.month + 1):
        a, b = period.first_month, period.last_month
        params = {**period_params, "month": month, "months": f"{a}–{b}" if a != b else str(a)}
        params["end_month"] = period.end.month
        out.append(Problem(file, notes.where("month"), "report-month-outside", params))
    elif notes.day is not None and notes.day > last:
        params = {"day": notes.day, "month": month, "year": year, "last": last}
        out.append(Problem(file, notes.where("day"), "report-day-impossible", params))
    elif notes.day is not None or notes.month is not None:
        day = dt.date(year, month, notes.day or last)
        if day < period.end:
            date = numeric(day) if notes.day else f"{month}/{year}"
            key = "day" if notes.day is not None else "month"
            params = {**period_params, "date": date}
            out.append(Problem(file, notes.where(key), "report-before-cutoff", params))
    out += _signer_problems(notes, file, option)
    return out


def _signer_problems(notes: ReportNotes, file: str, option: SignerOverride | None) -> list[Problem]:
    """The override under the plan's signer rules, field by field; the command line wins the
    notes (an empty option, as for the name and title, says "not given")."""
    from dvcq.rules.signature import authority_ok

    out: list[Problem] = []
    for key in ("authority", "title", "name"):
        given = getattr(option, key) if option is not None else None
        if given is not None and (given or key == "authority"):
            where, pos, value = f"--signer-{key}", OPTION, given
        elif notes.signer is not None and getattr(notes.signer, key) is not None:
            where, pos, value = file, notes.signer.where(key), getattr(notes.signer, key)
        else:
            continue
        if key == "authority" and not authority_ok(value or None):  # "": the head signs
            out.append(Problem(where, pos, "report-signer-authority", {"authority": value}))
        elif key != "authority" and not value.strip():
            out.append(Problem(where, pos, "report-signer-blank", {"key": key}))
    return out


def other_period_problems(plan: Plan, period: Period, path: Path) -> list[Problem]:
    """The notes file named for another period than the report's (`--notes reports/2026-H1.yaml`
    for the 2026-Q3 report): its prose, number and day are not this report's."""
    from dvcq.errors import UsageError
    from dvcq.progress.periods import parse_period

    try:
        named = parse_period(path.stem, plan.reporting).label
    except UsageError:
        return []  # a name that is no period says nothing about one
    if named == period.label:
        return []
    params = {"name": path.name, "notes_period": named, "period": period.label}
    return [Problem(str(path), Pos(1, 1), "notes-other-period", params)]


def plan_number_problems(plan: Plan, citation: str) -> list[Problem]:
    """The plan's number still blank while the report cites it as `citation`."""
    if (plan.document.number or "").strip():
        return []
    return [
        Problem(
            plan.file, plan.document.where("number"), "report-plan-number", {"citation": citation}
        )
    ]


def reports_folder(plan_file: Path) -> Path:
    """`reports/` beside the plan's `plans/` folder (or beside the plan itself)."""
    from dvcq.repository import progress_root_for

    return progress_root_for(plan_file).parent / "reports"


def check_reports(plan: Plan, plan_file: Path) -> tuple[list[str], list[Problem]]:
    """`dvcq check` over the notes files of `plan`'s year in `reports/` beside it: each is read,
    named for a period of the plan's year, and checked like the notes of a report."""
    import re

    from dvcq.errors import UsageError
    from dvcq.progress.periods import parse_period
    from dvcq.repository import files_in

    year = plan.document.date.year
    files: list[str] = []
    problems: list[Problem] = []
    for path in files_in(reports_folder(plan_file)):
        other = re.match(r"[0-9]{4}", path.stem)
        if other and int(other[0]) != year and (plan_file.parent / f"{other[0]}.yaml").exists():
            continue  # the notes of another year's plan, checked with that plan
        files.append(str(path))
        try:
            period: Period | None = parse_period(path.stem, plan.reporting)
        except UsageError:
            period = None
        if period is None or period.year != year or period.label != path.stem:
            params = {"name": path.name, "year": year}
            problems.append(Problem(str(path), Pos(1, 1), "notes-period", params))
            continue
        notes, found = build_notes(path)
        problems += found
        if notes is not None:
            problems += notes_problems(plan, period, notes, str(path))
    return files, problems
