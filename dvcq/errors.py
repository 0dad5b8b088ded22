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
