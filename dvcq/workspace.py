"""Finding a plan and its progress on disk, and recording a new entry safely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dvcq import rules
from dvcq.checker import open_plan
from dvcq.errors import DvcqError, UsageError
from dvcq.model import Plan
from dvcq.paths import files_in, find_plans, progress_dir, progress_root_for
from dvcq.progress import STATUSES, Entry, Progress, append_entry, new_id, read_progress

DEFAULT_PROGRESS = Path("progress")


def default_plan(example: str = "--plan plans/2026.yaml") -> Path:
    """The only plan in plans/, or stop and show how to name one (`example`: the usage)."""
    plans = find_plans()
    if len(plans) == 1:
        return plans[0]
    raise UsageError(
        f"Hãy chỉ rõ tệp kế hoạch (thư mục plans/ có {len(plans)} tệp), ví dụ: {example}.",
        f"Name the plan file (plans/ holds {len(plans)} files), e.g. {example}.",
    )


def load(plan_path: Path | None, root: Path | None) -> tuple[Plan, Progress, Path]:
    plan, files, root = _open(plan_path, root)
    return plan, read_progress(files), root


def open_workspace(plan_path: Path | None, root: Path | None) -> tuple[Plan, list[Path]]:
    """The plan, and its progress files without reading them (for cached commands)."""
    plan, files, _ = _open(plan_path, root)
    return plan, files


def _open(plan_path: Path | None, root: Path | None) -> tuple[Plan, list[Path], Path]:
    path = plan_path or default_plan()
    plan = open_plan(path)
    root = root or progress_root_for(path)
    return plan, files_in(progress_dir(root, plan.document.date.year)), root


def require_unit(plan: Plan, unit: str | None) -> None:
    """Stop when a --unit filter names no unit of the plan (it would show nothing, silently)."""
    known = [u.id for u in plan.units]
    if unit is not None and unit not in known:
        from dvcq.problems import suggest

        close = suggest(unit, known)
        maybe_vi = f" Có phải ý bạn là “{close}”?" if close else ""
        maybe_en = f" Did you mean “{close}”?" if close else ""
        raise UsageError(
            f"Kế hoạch không có đơn vị “{unit}”.{maybe_vi} Các mã đơn vị: {', '.join(known)}.",
            f"The plan has no unit “{unit}”.{maybe_en} Unit ids: {', '.join(known)}.",
        )


# How `dvcq progress add` names each value of an entry, for messages about missing ones.
OPTION_NAMES = {
    "task": "TASK",
    "unit": "--unit",
    "status": "--status",
    "result": "--result",
    "author": "--author",
}


def missing_values(**values: str | None) -> list[str]:
    """The option names of the values that are missing or blank."""
    return [OPTION_NAMES.get(k, k) for k, v in values.items() if not (v or "").strip()]


def record(
    plan: Plan,
    progress: Progress,
    root: Path,
    *,
    task: str,
    unit: str,
    day: dt.date,
    status: str,
    result: str,
    author: str,
    evidence: list[str],
    values: dict[str, float],
    supersedes: str | None,
    today: dt.date,
) -> tuple[Entry, Path]:
    """Check a new entry with the progress rules, then append it; refuse it if it has errors."""
    empty = missing_values(task=task, unit=unit, status=status, result=result, author=author)
    if empty:
        raise UsageError(
            "Chưa có: " + ", ".join(empty) + ". Mục tiến độ cần đủ các giá trị này.",
            "Missing: " + ", ".join(empty) + ". A progress entry needs all of them.",
        )
    if status not in STATUSES:
        raise UsageError(
            f"Tình trạng “{status}” không có; chọn: {', '.join(STATUSES)}.",
            f"No status “{status}”; choose: {', '.join(STATUSES)}.",
        )
    entry = Entry(
        new_id(day),
        task,
        day.isoformat(),
        unit,
        status,
        result.strip(),
        author.strip(),
        evidence,
        values,
        supersedes,
        file="<mục mới>",
        line=1,
    )
    trial = Progress(entries=[*progress.entries, entry])
    found = [p for p in rules.run_progress(plan, trial, today) if p.file == "<mục mới>"]
    errors = rules.errors(found)
    if errors:
        raise DvcqError(
            f"Không ghi mục này: {rules.summary(errors, 'vi')}",
            f"Entry not written: {rules.summary(errors, 'en')}",
        )
    entry.file = ""
    path = append_entry(root, plan.document.date.year, entry)
    entry.file = str(path)
    return entry, path
