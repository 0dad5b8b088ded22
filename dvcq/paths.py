"""Where a repository keeps its files: plans in plans/, progress in progress/<plan year>/."""

from __future__ import annotations

from pathlib import Path


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
