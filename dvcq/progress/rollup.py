"""Boards for many repositories in one process: the library door of the province roll-up.

A loop of `dvcq status` calls pays Python's start-up, the imports and the reading of each plan
and its progress once per board; here they are paid once per process and once per repository.
Each board is the one `dvcq status --format json` prints for the same repository and period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dvcq import i18n
from dvcq.errors import UsageError
from dvcq.progress.board import board_dict, build_board
from dvcq.progress.periods import plan_period
from dvcq.progress.store import read_progress
from dvcq.progress.usable import left_out_data, usable
from dvcq.repository import files_in, find_plans, progress_dir
from dvcq.rules.check import open_plan


def boards(
    repos: Iterable[Path],
    period: str | Sequence[str] | None = None,
    as_of: dt.date | None = None,
) -> list[dict[str, Any]]:
    """One board per repository and period, in that order: the data of `dvcq status --format
    json` (with `left_out`) under `repository` and `plan`. `period`: one label, several, or None
    for each plan's whole year; `as_of`: today when None. Each repository is a folder whose
    plans/ holds its one plan; its progress is progress/<plan year>/ beside it."""
    from dvcq.dates import today

    day, lang = today(), i18n.lang()
    labels: Sequence[str | None] = [period] if period is None or isinstance(period, str) else period
    out: list[dict[str, Any]] = []
    for repo in repos:
        plan_path = _the_plan(repo)
        plan = open_plan(plan_path)
        year = plan.document.date.year
        counted = usable(plan, read_progress(files_in(progress_dir(repo / "progress", year))), day)
        left_out = left_out_data(counted.left_out, lang)
        for label in labels:
            window = plan_period(plan, label or str(year))
            board = board_dict(build_board(plan, counted.progress, window, as_of or day))
            out.append(
                {"repository": str(repo), "plan": str(plan_path), **board, "left_out": left_out}
            )
    return out


def _the_plan(repo: Path) -> Path:
    plans = find_plans(repo)
    if len(plans) == 1:
        return plans[0]
    raise UsageError(
        f"Kho {repo}: thư mục plans/ phải có đúng một tệp kế hoạch (đang có {len(plans)}).",
        f"Repository {repo}: its plans/ folder must hold exactly one plan ({len(plans)} found).",
    )
