"""Writing output files: atomically, and never over an existing file unless asked to."""

from __future__ import annotations

import datetime as dt
import io
import os
import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path

from dvcq.errors import DvcqError, os_failure


def write_new(path: Path, produce: Callable[[], bytes], *, force: bool = False) -> None:
    """Write `produce()` to `path` through a temporary file in the same folder and a rename.

    A reader never sees half a file, and a failure (in `produce` too) leaves `path` as it was.
    `produce` runs after the checks, so a refused write costs nothing.
    """
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
    replace_atomically(path, produce())


def replace_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and a rename: all or nothing."""
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
