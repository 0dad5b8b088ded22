"""Writing progress: one new entry, checked by the progress rules, appended under a lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dvcq import rules
from dvcq.errors import DvcqError, UsageError, os_failure
from dvcq.files import replace_atomically
from dvcq.model import STATUSES, Entry, Plan, Progress
from dvcq.problems import Problem
from dvcq.progress.store import HEADER, entry_from_data
from dvcq.repository import progress_dir

NEW = "<mục mới>"  # the file name of an entry not yet written, in the rules' findings


def _appendable(text: str) -> bool:
    """Whether a line added at the end stays one more item of the file's top-level list."""
    lines = [
        line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")
    ]
    return all(line.startswith("- ") or line.startswith(("  ", "\t")) for line in lines) and (
        not lines or lines[0].startswith("- ")
    )


def new_id(day: dt.date) -> str:
    import secrets  # only writers need it

    return f"{day:%Y%m%d}-{secrets.token_hex(4)}"


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Serialise writers: an OS lock on `<folder>/.lock`, released even if the process dies."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / ".lock", "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise os_failure(
            exc,
            f"Không dùng được thư mục tiến độ {folder}",
            f"Cannot use the progress folder {folder}",
        ) from None
    try:
        try:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        yield
    finally:
        handle.close()


def append_entry(root: Path, year: int, entry: Entry) -> Path:
    """Add one entry of the `year` plan to its month's file; every other line stays as it was."""
    day = dt.date.fromisoformat(entry.date)
    folder = progress_dir(root, year)
    path = folder / f"{day:%Y-%m}.yaml"
    with locked(root):
        for stale in folder.glob(".*.tmp"):  # left by a writer that was killed: never renamed
            stale.unlink(missing_ok=True)
        if path.exists():
            try:
                old = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                raise DvcqError(
                    f"Tệp {path} không phải văn bản UTF-8 nên không ghi thêm vào được; lưu lại tệp "
                    "với bảng mã UTF-8 rồi chạy lại (dvcq check cho biết chỗ lỗi).",
                    f"{path} is not UTF-8 text, so nothing can be added to it; save it as UTF-8 "
                    "and run again (dvcq check shows where).",
                ) from None
            if old and not old.endswith("\n"):
                old += "\n"
            if not _appendable(old):
                raise DvcqError(
                    f"Tệp {path} không còn ở dạng dvcq ghi (mỗi dòng một mục “- {{…}}”), nên không "
                    "ghi thêm vào được; chạy `dvcq fmt` hoặc sửa tay, rồi chạy lại.",
                    f"{path} is no longer in the form dvcq writes (one “- {{…}}” entry a line), so "
                    "nothing can be added to it; run `dvcq fmt` or fix it by hand, then run again.",
                )
        else:
            old = HEADER
        if f'"id": "{entry.id}"' in old:
            raise DvcqError(
                f"Mã mục {entry.id} đã có trong {path}.", f"Entry id {entry.id} already in {path}."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, (old + entry.to_line()).encode("utf-8"))
    return path


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
    # The new entry goes through the same builder as every entry read from a file.
    data = {
        "id": new_id(day),
        "task": task,
        "date": day.isoformat(),
        "unit": unit,
        "status": status,
        "result": result.strip(),
        "evidence": evidence,
        "values": values,
        "author": author.strip(),
        "supersedes": supersedes,
    }
    found: list[Problem] = []
    entry = entry_from_data({k: v for k, v in data.items() if v is not None}, NEW, 1, found)
    if entry is None or rules.errors(found):
        raise DvcqError(
            f"Không ghi mục này: {rules.summary(rules.errors(found) or found, 'vi')}",
            f"Entry not written: {rules.summary(rules.errors(found) or found, 'en')}",
        )
    trial = Progress(entries=[*progress.entries, entry])
    found = [p for p in rules.run_progress(plan, trial, today) if p.file == NEW]
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
