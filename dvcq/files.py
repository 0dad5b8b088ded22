"""Writing output files: atomically, and never over an existing file unless asked to."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path

from dvcq.errors import DvcqError, os_failure

# --- reading input files ------------------------------------------------------------------------
#
# Every file dvcq reads from a repository (plans, progress files, report notes, textconv's plan,
# the status cache's fingerprint) comes through `read_input`: CI runs dvcq on files from pull
# requests, and a committed symlink can point anywhere. The policy, in one place:
# - only a regular file is read: a FIFO, device or socket is refused before it is opened (opening
#   some devices has effects), and the opened descriptor is checked again (`fstat`, no race
#   between the check and the read); a directory is refused too;
# - only inside the repository: the file's real path (every link followed) must lie under the
#   real path of its repository root (`repository_root`); a link inside the repository is followed;
# - at most `limit` bytes are read from the descriptor, never "stat, then read it all".

# Folders whose parent is a repository root: the nearest one on a file's path decides.
REPOSITORY_FOLDERS = ("plans", "progress", "reports", "templates")
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CHUNK = 1 << 20


class Refused(Exception):
    """Why an input file was not read: a reader rule id (rules/reading.py) and its parameters."""

    def __init__(self, rule: str, **params: str) -> None:
        super().__init__(rule)
        self.rule = rule
        self.params = params


def repository_root(path: Path) -> Path:
    """The folder a file belongs to: the one holding the nearest `plans/`, `progress/`,
    `reports/` or `templates/` on the file's path (spelt as given, links not followed), else the
    file's own folder (a plan named on the line, a temporary file from git)."""
    absolute = Path(os.path.abspath(path))
    for folder in absolute.parents:
        if folder.name in REPOSITORY_FOLDERS:
            return folder.parent
    return absolute.parent


def inside(real: str, root: str) -> bool:
    """Whether the real path `real` is `root` or under it (both already resolved)."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "file:fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file:device"
    if stat.S_ISSOCK(mode):
        return "file:socket"
    return "file:other"


def _unreadable(exc: OSError) -> Refused:
    if isinstance(exc, FileNotFoundError):
        return Refused("unreadable-file", reason="missing")
    if isinstance(exc, IsADirectoryError):
        return Refused("unreadable-file", reason="directory")
    if isinstance(exc, PermissionError):
        return Refused("unreadable-file", reason="permission")
    return Refused("unreadable-file", reason=exc.strerror or str(exc))


def read_input(path: Path, limit: int, root: Path | None = None) -> bytes:
    """The bytes of the regular file `path`, inside `root` (default: its `repository_root`), of at
    most `limit` bytes; anything else raises `Refused`, having read nothing from it."""
    real = os.path.realpath(path)
    if not inside(real, os.path.realpath(root or repository_root(path))):
        raise Refused("link-outside", target=real)
    try:
        info = os.stat(real)
        if stat.S_ISDIR(info.st_mode):
            raise Refused("unreadable-file", reason="directory")
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not-regular-file", kind=_kind(info.st_mode))
        # O_NONBLOCK: were the file swapped for a FIFO since the stat, opening it cannot block;
        # O_NOFOLLOW: nor for a link (the real path has none left).
        fd = os.open(real, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise Refused("not-regular-file", kind=_kind(opened.st_mode))
        data = bytearray()
        while len(data) <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - len(data)))
            if not chunk:
                break
            data += chunk
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Refused("yaml-too-large", limit=f"{limit // (1 << 20)} MiB")
    return bytes(data)


def write_new(path: Path, produce: Callable[[], bytes], *, force: bool = False) -> None:
    """Write `produce()` to `path` through a temporary file in the same folder and a rename.

    A reader never sees half a file, and a failure (in `produce` too) leaves `path` as it was.
    `produce` runs after the checks, so a refused write costs nothing.
    """
    check_new(path, force=force)
    replace_atomically(path, produce())


def check_new(path: Path, *, force: bool = False) -> None:
    """Stop unless `write_new` may write `path`: a file name in an existing folder, not already
    there unless `force` (checked before any work, also for a second file written after one)."""
    if path.is_dir():
        raise DvcqError(
            f"{path} là một thư mục; hãy ghi tên tệp, ví dụ {path / 'ke-hoach.docx'}.",
            f"{path} is a folder; name a file, e.g. {path / 'plan.docx'}.",
        )
    if not path.parent.is_dir():
        raise DvcqError(
            f"Không có thư mục {path.parent} để ghi {path.name}; hãy tạo thư mục trước.",
            f"Folder {path.parent} does not exist; create it before writing {path.name}.",
        )
    if path.exists() and not force:
        raise DvcqError(
            f"Tệp {path} đã có; không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.",
            f"{path} already exists and was left alone. Use --force to overwrite it, or choose "
            "another name.",
        )


def replace_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and a rename: all or nothing."""
    import secrets

    # Opened with "x" rather than through tempfile: the file gets the usual permissions (umask),
    # not tempfile's owner-only 0600, and the name cannot collide with another writer's.
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:  # no such folder, no permission, disk full: nothing was replaced
        temp.unlink(missing_ok=True)
        raise os_failure(
            exc,
            f"Không ghi được {path}",
            f"Cannot write {path}",
            then=("Tệp cũ (nếu có) vẫn nguyên.", "Any existing file is unchanged."),
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def fixed_zip(data: bytes, stamp: dt.datetime, replace: dict[str, bytes] | None = None) -> bytes:
    """A zip package (.docx, .xlsx) again, each member dated `stamp` instead of now, and the
    members named in `replace` given new contents.

    Office writers date every member with the clock: re-packed, the same input gives the same
    bytes, so a document regenerated from unchanged data does not show up as changed in git.
    """
    import io
    import zipfile  # only documents are zipped: kept off the import path of `dvcq check`

    replace = replace or {}
    out = io.BytesIO()
    date_time = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            member = zipfile.ZipInfo(item.filename, date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, replace.get(item.filename) or src.read(item.filename))
    return out.getvalue()
