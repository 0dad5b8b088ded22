"""Plans to compare: from a file, from text, or as committed in a git revision."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from dvcq.errors import DvcqError
from dvcq.model import Plan
from dvcq.problems import Problem
from dvcq.rules.check import plan_from_text
from dvcq.yamlio import read_text


@dataclass
class Side:
    """One side of a diff: where the plan came from, and the plan."""

    label: str  # e.g. "HEAD:plans/2026.yaml" or "plans/2026.yaml"
    plan: Plan
    problems: list[Problem] = field(default_factory=list)


def _unbuildable(file: str, problems: list[Problem]) -> DvcqError:
    from dvcq import rules

    if not problems:
        return DvcqError(f"Không đọc được kế hoạch {file}.", f"Cannot read plan {file}.")
    first = min(problems, key=lambda p: p.sort_key)
    where = f"{first.file}:{first.pos.line}:{first.pos.col}"
    return DvcqError(
        f"Không dựng được kế hoạch {file} để so sánh; lỗi đầu tiên ở {where}: "
        f"{rules.message(first, 'vi')}",
        f"Cannot build plan {file} to compare it; first problem at {where}: "
        f"{rules.message(first, 'en')}",
    )


def load_text(text: str, label: str) -> Side:
    plan, problems = plan_from_text(text, label)
    if plan is None:
        raise _unbuildable(label, problems)
    return Side(label, plan, problems)


def load_file(path: Path) -> Side:
    text, problem = read_text(path)
    if text is None:
        raise _unbuildable(str(path), [problem] if problem else [])
    return load_text(text, str(path))


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise DvcqError(
            "Không tìm thấy chương trình git; hãy cài git hoặc so sánh hai tệp: dvcq diff A.yaml B.yaml.",
            "git is not installed; install it or compare two files: dvcq diff A.yaml B.yaml.",
        ) from None


def repo_root(path: Path) -> Path:
    """The top folder of the git repository holding `path`, or stop with why."""
    folder = path.resolve().parent
    while not folder.is_dir():  # the file (and its folder) may exist only in history
        folder = folder.parent
    run = _git(["rev-parse", "--show-toplevel"], folder)
    if run.returncode != 0:
        raise DvcqError(
            f"Thư mục {folder} không nằm trong kho git, nên không so sánh theo phiên bản được. "
            "Hãy chạy trong kho git, hoặc so sánh hai tệp: dvcq diff A.yaml B.yaml.",
            f"Folder {folder} is not inside a git repository, so there are no revisions to "
            "compare. Run inside a git repository, or compare two files: dvcq diff A.yaml B.yaml.",
        )
    return Path(run.stdout.decode("utf-8", "replace").strip())


def load_revision(rev: str, path: Path) -> Side:
    """The plan at `path` as committed in revision `rev` (`git show REV:path`)."""
    root = repo_root(path)
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    label = f"{rev}:{rel}"
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise DvcqError(
            f"Không có phiên bản “{rev}” trong kho git {root}. Xem các phiên bản bằng `git log`.",
            f"There is no revision “{rev}” in the git repository {root}. See `git log`.",
        )
    run = _git(["show", f"{rev}:{rel}"], root)
    if run.returncode != 0:
        raise DvcqError(
            f"Tệp {rel} không có trong phiên bản {rev}. Chọn tệp khác bằng --plan.",
            f"File {rel} does not exist at revision {rev}. Name another one with --plan.",
        )
    data = run.stdout
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DvcqError(
            f"Tệp {label} không phải văn bản UTF-8.", f"File {label} is not UTF-8 text."
        ) from None
    return load_text(text, label)


def sides(args: list[str], path: Path | None) -> tuple[Side, Side]:
    """What `dvcq diff [A [B]] [--plan P]` compares: two files; or revision A (default HEAD)
    against revision B or the working tree, of the plan at P (default: the one in plans/)."""
    from dvcq.errors import UsageError
    from dvcq.repository import default_plan

    if len(args) > 2:
        raise UsageError(
            "dvcq diff nhận nhiều nhất hai phiên bản (hoặc hai tệp).",
            "dvcq diff takes at most two revisions (or two files).",
        )
    if len(args) == 2 and all(Path(a).is_file() for a in args):
        return load_file(Path(args[0])), load_file(Path(args[1]))
    if len(args) == 1 and path is None and Path(args[0]).is_file():
        path, args = Path(args[0]), []  # `dvcq diff plans/2027.yaml`: HEAD against that file
    plan = path or default_plan("dvcq diff --plan plans/2026.yaml")
    old = load_revision(args[0] if args else "HEAD", plan)
    new = load_revision(args[1], plan) if len(args) == 2 else load_file(plan)
    return old, new
