"""Where a repository keeps its files: plans in plans/, progress in progress/<plan year>/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dvcq.errors import UsageError

if TYPE_CHECKING:
    from dvcq.model import Plan


def find_plans(root: Path = Path(".")) -> list[Path]:
    return sorted((root / "plans").glob("*.yaml"))


def progress_root_for(plan_path: Path) -> Path:
    """`progress/` beside the plan's `plans/` folder (or beside the plan itself)."""
    folder = plan_path.parent
    return (folder.parent if folder.name == "plans" else folder) / "progress"


def progress_dir(root: Path, year: int) -> Path:
    return root / str(year)


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def default_plan(example: str = "--plan plans/2026.yaml") -> Path:
    """The only plan in plans/, or stop and show how to name one (`example`: the usage)."""
    plans = find_plans()
    if len(plans) == 1:
        return plans[0]
    raise UsageError(
        f"Hãy chỉ rõ tệp kế hoạch (thư mục plans/ có {len(plans)} tệp), ví dụ: {example}.",
        f"Name the plan file (plans/ holds {len(plans)} files), e.g. {example}.",
    )


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
