"""`dvcq check` as a library verb: read plan files, build the model, run every rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dvcq import collector, rules
from dvcq.errors import DvcqError
from dvcq.model import Plan, build_plan
from dvcq.problems import Problem
from dvcq.record import field, record
from dvcq.visible import visible
from dvcq.yamlio import parse, read_text


@record
class Result:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(1 for p in self.problems if rules.level_of(p) == level)

    def failed(self, strict: bool = False) -> bool:
        return self.count(rules.ERROR) > 0 or (strict and self.count(rules.WARNING) > 0)


def read_plan(path: Path) -> tuple[Plan | None, list[Problem]]:
    """Read one plan file; the plan is None when it cannot be built at all."""
    text, problem = read_text(path)
    if text is None:
        return None, [problem] if problem else []
    plan, problems = plan_from_text(text, str(path))
    if plan is not None:
        with collector.paused():  # the rules' keys and findings only pile up: see dvcq.collector
            problems += rules.run(plan)
    return plan, problems


def plan_from_text(text: str, file: str) -> tuple[Plan | None, list[Problem]]:
    """Build a plan from YAML text through the one YAML door, without running the rules."""
    # The nodes, then the records built from them, all live until the plan is built: a full
    # collection would walk them again and again for nothing (see dvcq.collector).
    with collector.paused():
        node, problems = parse(text, file)
        if node is None:
            return None, problems
        plan, more = build_plan(node, file, text)
    return plan, problems + more


def open_plan(path: Path) -> Plan:
    """Read a plan for a command that needs it whole (show, status, report), or stop with why."""
    plan, problems = read_plan(path)
    errors = [p for p in problems if rules.level_of(p) == rules.ERROR]
    if plan is None or errors:
        first = errors[0] if errors else problems[0]
        where = f"{first.file}:{first.pos.line}:{first.pos.col}"
        vi, en = (visible(rules.message(first, lang), newlines=False) for lang in ("vi", "en"))
        raise DvcqError(
            f"Kế hoạch {path} có {len(errors) or 1} lỗi, ví dụ {where}: {vi} "
            f"Chạy `dvcq check {path}` để xem đầy đủ.",
            f"Plan {path} has {len(errors) or 1} error(s), e.g. {where}: "
            f"{en} Run `dvcq check {path}` for the full list.",
        )
    return plan


def check(
    paths: list[Path], progress_root: Path | None = None, as_of: dt.date | None = None
) -> Result:
    """Check each plan, the progress entries of its year (`progress/<year>/` beside it) and the
    notes of its reports (`reports/<PERIOD>.yaml` beside `plans/`).

    `as_of` is the day after which an entry counts as dated in the future (default: today)."""
    from dvcq.repository import files_in, progress_dir, progress_root_for
    from dvcq.rules.notes import reports_folder

    result = Result()
    for path in paths:
        result.files.append(str(path))
        plan, problems = read_plan(path)
        result.problems += problems
        if plan is None:
            continue
        root = progress_root or progress_root_for(path)
        files = files_in(progress_dir(root, plan.document.date.year))
        if files:  # only then the progress side is loaded at all
            from dvcq.dates import today
            from dvcq.progress.store import read_progress

            with collector.paused():  # the read and the rules over it: see dvcq.collector
                progress = read_progress(files)
                result.files += progress.files
                result.problems += progress.problems
                result.problems += rules.run_progress(plan, progress, as_of or today())
        if reports_folder(path).is_dir():  # the clerk's notes of this year's reports
            from dvcq.rules.notes import check_reports

            notes_files, notes_problems = check_reports(plan, path)
            result.files += notes_files
            result.problems += notes_problems
    result.problems.sort(key=lambda p: p.sort_key)
    return result
