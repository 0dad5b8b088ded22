"""Conditions that stop dvcq: one exception family, turned into a message and exit code by the CLI."""

from __future__ import annotations


class DvcqError(Exception):
    """An expected failure: the message says what is wrong and what to do, in both languages."""

    exit_code = 1

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = {"vi": vi, "en": en}


class UsageError(DvcqError):
    """The command was called in a way that cannot work (exit code 2)."""

    exit_code = 2


_OS_REASONS = {  # errno name -> what a clerk reads
    "ENOENT": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "EACCES": ("không có quyền ghi hoặc đọc ở đây", "permission denied"),
    "EPERM": ("không có quyền ghi hoặc đọc ở đây", "permission denied"),
    "ENOSPC": ("ổ đĩa đã đầy", "the disk is full"),
    "EROFS": ("ổ đĩa chỉ cho phép đọc", "the disk is read-only"),
    "ENOTDIR": ("một phần của đường dẫn không phải thư mục", "part of the path is not a folder"),
    "EISDIR": ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
    "EEXIST": ("đã có tệp mang tên này", "a file of that name exists"),
}


def os_reason(exc: OSError) -> tuple[str, str]:
    """Why the system refused, in Vietnamese and English (the OS says it only in English)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    english = exc.strerror or str(exc)
    vi, en = _OS_REASONS.get(name, (f"lỗi hệ thống: {english}", english))
    return vi, en


def os_failure(
    exc: OSError, vi: str, en: str, *, then: tuple[str, str] = ("", ""), usage: bool = False
) -> DvcqError:
    """`Không ghi được X: ổ đĩa đã đầy.` — what could not be done, why (`os_reason`), and `then`
    what to do or what is left; a `UsageError` with `usage`."""
    why_vi, why_en = os_reason(exc)
    more_vi, more_en = (f" {then[0]}" if then[0] else "", f" {then[1]}" if then[1] else "")
    cls = UsageError if usage else DvcqError
    return cls(f"{vi}: {why_vi}.{more_vi}", f"{en}: {why_en}.{more_en}")
