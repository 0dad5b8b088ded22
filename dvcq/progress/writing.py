"""Writing progress: one new entry, checked by the progress rules, appended under a lock."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dvcq import i18n, rules
from dvcq.errors import DvcqError, UsageError, os_failure
from dvcq.files import inside, replace_atomically
from dvcq.model import DONE, STATUSES, Entry, Plan, Progress
from dvcq.problems import Pos, Problem
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


LOCK_TIMEOUT = 60.0  # seconds a writer waits for the lock; DVCQ_LOCK_TIMEOUT sets another
_TELL_AFTER = 1.0  # a wait longer than this is announced, once


def progress_root_of(path: Path) -> Path:
    """The progress root a progress file belongs to, as spelt (links not followed): the nearest
    `progress` folder on its path, else its own folder (never above it: the lock file is written
    there, and the folder above may be outside the repository)."""
    absolute = Path(os.path.abspath(path))
    for folder in absolute.parents:
        if folder.name == "progress":
            return folder
    return absolute.parent


def real_root(root: Path) -> Path:
    """`root` with every link resolved, once: the same folder, whatever the spelling, so every
    writer takes the same lock. A root that leads out of the folder holding it is refused."""
    absolute = Path(os.path.abspath(root))
    real = os.path.realpath(absolute)
    if not inside(real, os.path.realpath(absolute.parent)):
        raise DvcqError(
            f"Thư mục tiến độ {root} là liên kết (symlink) trỏ ra ngoài kho, tới {real}; dvcq không "
            "ghi ra ngoài kho. Thay liên kết bằng một thư mục thật.",
            f"The progress folder {root} is a link (symlink) pointing outside the repository, to "
            f"{real}; dvcq writes nothing outside. Replace the link with a real folder.",
        )
    return Path(real)


def through_link(path: Path, root: Path, real: Path) -> bool:
    """Whether `path` (under the progress root spelt `root`, resolved as `real`) is a link or
    lies in a linked folder: its real path is not the same place below the real root."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return os.path.realpath(path) != os.path.join(real, rel)


def lock_timeout() -> float:
    raw = os.environ.get("DVCQ_LOCK_TIMEOUT", "").strip()
    if not raw:
        return LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86_400:
        raise UsageError(
            f"DVCQ_LOCK_TIMEOUT=“{raw}” không phải số giây chờ khóa (từ 0 đến 86400).",
            f"DVCQ_LOCK_TIMEOUT=“{raw}” is not a number of seconds to wait for the lock (0 to "
            "86400).",
        )
    return value


def _open_lock(path: Path, shown: Path) -> int:
    """The lock file's descriptor, created if need be, never through a link nor a FIFO."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        if os.path.islink(path):
            raise _not_lock(shown) from None
        raise os_failure(
            exc,
            f"Không dùng được tệp khóa {shown}",
            f"Cannot use the lock file {shown}",
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _not_lock(shown)
    return fd


def _not_lock(path: Path) -> DvcqError:
    return DvcqError(
        f"{path} không phải tệp khóa thường (là liên kết hay tệp đặc biệt); dvcq không ghi qua nó. "
        "Xóa nó đi rồi chạy lại.",
        f"{path} is not a plain lock file (it is a link or a special file); dvcq writes nothing "
        "through it. Delete it and run again.",
    )


def _acquire(fd: int, path: Path) -> None:
    """Take the lock; say so once if it takes more than a second, give up after the timeout."""
    timeout = lock_timeout()
    start = time.monotonic()
    told = False
    while True:
        try:
            try:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except ImportError:  # pragma: no cover - Windows
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                raise os_failure(exc, f"Không khóa được {path}", f"Cannot lock {path}") from None
        waited = time.monotonic() - start
        if waited >= timeout:
            raise DvcqError(
                f"Đã chờ {timeout:g} giây mà tệp khóa {path} vẫn do tiến trình khác giữ; không ghi "
                "gì. Chạy lại khi tiến trình kia xong (đặt DVCQ_LOCK_TIMEOUT để chờ lâu hơn).",
                f"Waited {timeout:g} s and the lock {path} is still held by another process; "
                "nothing was written. Run again once it is done (DVCQ_LOCK_TIMEOUT sets a longer "
                "wait).",
            )
        if not told and waited >= _TELL_AFTER:
            told = True
            sys.stderr.write(
                i18n.t(
                    f"Đang chờ tiến trình khác ghi xong (khóa {path}), tối đa {timeout:g} giây…\n",
                    f"Waiting for another process to finish writing (lock {path}), at most "
                    f"{timeout:g} s…\n",
                )
            )
            sys.stderr.flush()
        time.sleep(min(0.05, max(timeout - waited, 0)))


@contextmanager
def locked(root: Path) -> Iterator[Path]:
    """Serialise every writer of progress: an OS lock on `.lock` in the real progress root
    (`real_root`, links resolved once), released even if the process dies. Yields that root."""
    real = real_root(root)
    try:
        real.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_failure(
            exc,
            f"Không dùng được thư mục tiến độ {root}",
            f"Cannot use the progress folder {root}",
        ) from None
    shown = Path(root) / ".lock"
    fd = _open_lock(real / ".lock", shown)
    try:
        _acquire(fd, shown)
        yield real
    finally:
        os.close(fd)  # releases the lock


def _year_folder(folder: Path, shown: Path) -> None:
    """The year folder to write in: a real folder (made if missing), never a link."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        try:
            folder.mkdir()
        except OSError as exc:
            raise os_failure(exc, f"Không tạo được {shown}", f"Cannot create {shown}") from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise DvcqError(
            f"Thư mục năm {shown} là liên kết (symlink); dvcq không ghi qua liên kết. Thay nó bằng "
            "một thư mục thật rồi chạy lại.",
            f"The year folder {shown} is a link (symlink); dvcq writes through no link. Replace it "
            "with a real folder and run again.",
        )
    if not stat.S_ISDIR(info.st_mode):
        raise DvcqError(
            f"{shown} không phải thư mục nên không ghi tiến độ vào được; đổi tên hoặc xóa nó.",
            f"{shown} is not a folder, so no progress can be written in it; rename or remove it.",
        )


def _sweep(folder: Path) -> None:
    """Remove the temporary files of a writer that was killed (never renamed); only plain files
    of the real folder, and a failure to remove one is no reason to stop."""
    for stale in folder.glob(".*.tmp"):
        try:
            if not stat.S_ISDIR(os.lstat(stale).st_mode):
                stale.unlink()
        except OSError:
            pass


def _month_text(path: Path, shown: Path, root: Path) -> str:
    """What the month file holds now ("" when missing): a plain UTF-8 file, never a link."""
    from dvcq.files import Refused, read_input
    from dvcq.yamlio import MAX_CHARS

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise os_failure(exc, f"Không đọc được {shown}", f"Cannot read {shown}") from None
    if stat.S_ISLNK(info.st_mode):
        raise DvcqError(
            f"Tệp {shown} là liên kết (symlink); dvcq không ghi qua liên kết. Thay nó bằng chính "
            "tệp rồi chạy lại.",
            f"{shown} is a link (symlink); dvcq writes through no link. Replace it with the file "
            "itself and run again.",
        )
    try:
        data = read_input(path, MAX_CHARS, root)
    except Refused as refused:
        found = Problem(str(shown), Pos(1, 1), refused.rule, dict(refused.params))
        raise DvcqError(
            f"Không ghi thêm vào {shown} được: {rules.message(found, 'vi')} Tệp để nguyên.",
            f"Cannot add to {shown}: {rules.message(found, 'en')} The file is left as it was.",
        ) from None
    try:
        return data.decode("utf-8-sig")  # a BOM (some editors add one) is read past, as check does
    except UnicodeDecodeError:
        raise DvcqError(
            f"Tệp {shown} không phải văn bản UTF-8 nên không ghi thêm vào được; lưu lại tệp "
            "với bảng mã UTF-8 rồi chạy lại (dvcq check cho biết chỗ lỗi).",
            f"{shown} is not UTF-8 text, so nothing can be added to it; save it as UTF-8 "
            "and run again (dvcq check shows where).",
        ) from None


def append_entry(root: Path, year: int, entry: Entry) -> Path:
    """Add one entry of the `year` plan to its month's file; every other line stays as it was."""
    return append_entries(root, year, [entry])[0]


def append_entries(root: Path, year: int, entries: list[Entry]) -> list[Path]:
    """Add entries of the `year` plan to their months' files under one lock (each file replaced
    atomically, every other line kept); the path of each entry's file, as spelt, in order."""
    shown_of = [
        progress_dir(root, year) / f"{dt.date.fromisoformat(e.date):%Y-%m}.yaml" for e in entries
    ]
    with locked(root) as real:
        folder = progress_dir(real, year)
        _year_folder(folder, progress_dir(root, year))
        _sweep(folder)
        months: dict[Path, list[Entry]] = {}
        for entry, shown in zip(entries, shown_of, strict=True):
            months.setdefault(shown, []).append(entry)
        texts = {shown: _appendable_text(folder / shown.name, shown, real) for shown in months}
        for shown, mine in months.items():
            old = texts[shown]
            for entry in mine:
                if f'"id": "{entry.id}"' in old:
                    raise DvcqError(  # another writer (a second import of one form) was first
                        f"Mã mục {entry.id} đã có trong {shown} (vừa được ghi, có thể bởi một lần "
                        "nhập khác cùng lúc); không ghi mục nào. Chạy lại lệnh để xem còn gì chưa "
                        "ghi.",
                        f"Entry id {entry.id} is already in {shown} (just written, perhaps by "
                        "another import at the same time); nothing written. Run the command again "
                        "to see what is left.",
                    )
                old += entry.to_line()
            texts[shown] = old
        for shown, text in texts.items():  # every file was read and checked before any is written
            replace_atomically(folder / shown.name, text.encode("utf-8"))
    return shown_of


def _appendable_text(path: Path, shown: Path, real: Path) -> str:
    """A month file's text, ready for lines at its end (the header when it is new)."""
    old = _month_text(path, shown, real)
    if not old:
        return HEADER
    if not old.endswith("\n"):
        old += "\n"
    if not _appendable(old):
        raise DvcqError(
            f"Tệp {shown} không còn ở dạng dvcq ghi (mỗi dòng một mục “- {{…}}”), nên "
            "không ghi thêm vào được; chạy `dvcq fmt` hoặc sửa tay, rồi chạy lại.",
            f"{shown} is no longer in the form dvcq writes (one “- {{…}}” entry a line), "
            "so nothing can be added to it; run `dvcq fmt` or fix it by hand, then run "
            "again.",
        )
    return old


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


def entry_day(text: str) -> dt.date:
    """The day given for a new entry (dd/mm/yyyy, d/m/yyyy or ISO): a text in no such form, or a
    day that does not exist, is refused, the latter with `dvcq check`'s words (entry-date)."""
    from dvcq.dates import DateError, typed_date

    try:
        return typed_date(text)
    except DateError as exc:
        found = Problem(NEW, Pos(1, 1), "entry-date", {"date": text, "reason": exc.reason})
        raise UsageError(rules.message(found, "vi"), rules.message(found, "en")) from None


def _refused(problems: list[Problem]) -> DvcqError:
    """The refusal of a new entry: each problem's message and hint, as `dvcq check` words them."""

    def text(lang: str) -> str:
        return "".join(
            f"\n  {rules.message(p, lang)}\n    → {rules.hint(p, lang)}" for p in problems
        )

    return DvcqError("Không ghi mục này:" + text("vi"), "Entry not written:" + text("en"))


def _out_of_range(values: dict[str, float]) -> list[Problem]:
    """Values the reader of progress files would refuse (number-too-large): infinite, or 10^15 and
    more. NaN is left to the entry-value rule (not a number)."""
    from dvcq.yamlio import NUMBER_LIMIT

    return [
        Problem(NEW, Pos(1, 1), "number-too-large", {"number": str(v)})
        for v in values.values()
        if isinstance(v, int | float) and not isinstance(v, bool) and abs(v) >= NUMBER_LIMIT
    ]


def draft_entry(data: dict[str, Any], file: str, line: int) -> tuple[Entry | None, list[Problem]]:
    """A new entry from its data through the reader's own builder, with the problems that stop
    it (a value the reader would refuse included); None when it cannot be built."""
    found: list[Problem] = _out_of_range(data.get("values") or {})
    entry = entry_from_data(data, file, line, found)
    return entry, found


def refusals(
    plan: Plan,
    progress: Progress,
    new: list[Entry],
    today: dt.date,
    *,
    allow_duplicate: bool = False,
) -> list[Problem]:
    """What stops new entries from being written: the progress rules' errors on them, run with
    the entries already recorded, and a repeat of recorded work unless `allow_duplicate`."""
    files = {e.file for e in new}
    trial = Progress(entries=[*progress.entries, *new])
    found = [p for p in rules.run_progress(plan, trial, today) if p.file in files]
    return [
        p
        for p in found
        if rules.level_of(p) == rules.ERROR or (p.rule == "duplicate-entry" and not allow_duplicate)
    ]


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
    allow_duplicate: bool = False,
) -> tuple[Entry, Path]:
    """Check a new entry with the progress rules, then append it; refuse it if it has errors, or
    if it repeats an entry already recorded (duplicate-entry) unless `allow_duplicate`."""
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
        "id": new_id(day),  # a real day: the caller parsed it (entry_day)
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
    entry, found = draft_entry({k: v for k, v in data.items() if v is not None}, NEW, 1)
    if entry is None or rules.errors(found):
        raise _refused(rules.errors(found) or found)
    refused = refusals(plan, progress, [entry], today, allow_duplicate=allow_duplicate)
    if refused:
        raise _refused(refused)
    entry.file = ""
    path = append_entry(root, plan.document.date.year, entry)
    entry.file = str(path)
    return entry, path


def answer_problems(plan: Plan, today: dt.date, rule_ids: set[str], **fields: Any) -> list[Problem]:
    """What the progress rules `rule_ids` find in one answer of an entry being typed (a day,
    evidence, values), in `dvcq check`'s words: an entry of the answer and neutral other fields,
    checked on its own, so that a prompt can refuse an answer as soon as it is typed."""
    data = {
        "id": new_id(today),
        "task": "",
        "date": today.isoformat(),
        "unit": "",
        "status": DONE,
        "result": "-",
        "author": "-",
        **fields,
    }
    found: list[Problem] = _out_of_range(data.get("values", {}))
    entry = entry_from_data(data, NEW, 1, found)
    if entry is not None:
        found += rules.run_progress(plan, Progress(entries=[entry]), today)
    return [p for p in found if p.rule in rule_ids and rules.is_error(p)]
