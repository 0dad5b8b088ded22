"""The one error boundary of every dvcq process, free of typer and click: the standard streams
set up for Vietnamese whatever their encoding, and every failure turned into a message and an exit
code (`run`). The Typer application (`app.main`) and the plain path of `dvcq check` (`cli.plain`)
both run inside it, so that they answer alike."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from dvcq import i18n
from dvcq.errors import DvcqError, UsageError


class State:
    """Whether the boundary shows the traceback of an internal error. Set by DVCQ_DEBUG=1 when
    `run` starts and by --debug wherever it is written on the line (before or after the command)."""

    debug = False


def _lang_in(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in i18n.LANGS:
            return value
    return None


# --- the standard streams ---------------------------------------------------------------------------
# dvcq writes Vietnamese. A stream whose encoding is not UTF-8 (PYTHONIOENCODING=ascii, LC_ALL=C
# without UTF-8 mode, a Windows code page when redirected) gets each letter it cannot carry in the
# nearest form it can: its marks as combining characters where the code page has them (cp1258),
# else the bare letter ("Lỗi" is "Loi" in ASCII: still words a clerk reads), else `\uXXXX`.

_PLAIN = {"đ": "d", "Đ": "D", "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
_PLAIN |= {"…": "...", "→": "->", "•": "*", "≤": "<=", "≥": ">="}


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def _nearest_char(char: str, encoding: str) -> str:
    import unicodedata
    from itertools import combinations

    if _fits(char, encoding):
        return char
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if marks:  # every mark kept, some composed with the letter, the others combining
        for count in range(len(marks), -1, -1):
            for kept in combinations(range(len(marks)), count):
                head = unicodedata.normalize("NFC", base + "".join(marks[i] for i in kept))
                tail = "".join(m for i, m in enumerate(marks) if i not in kept)
                if _fits(head + tail, encoding):
                    return head + tail
        if _fits(base, encoding):  # all marks or none: half of them would spell another word
            return base
    plain = _PLAIN.get(base)
    if plain is not None and _fits(plain, encoding):
        return plain
    return char.encode("ascii", "backslashreplace").decode("ascii").replace("\\x", "\\u00")


def _nearest(exc: UnicodeError, encoding: str) -> tuple[str, int]:
    # `encoding` is the stream's: a code page's exc.encoding is only "charmap".
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    return "".join(_nearest_char(char, encoding) for char in text), exc.end


def _set_up_streams() -> bool:
    """Streams dvcq can write to whatever their encoding; False when stdout is closed (`>&-`)."""
    import codecs

    if sys.stderr is None:  # `2>&-`: messages go nowhere, the exit code still tells
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the process's)
    if sys.stdin is None:  # `<&-`: like an empty input
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            codec = codecs.lookup(stream.encoding or "ascii").name
        except LookupError:
            codec = "ascii"
        if codec != "utf-8":
            handler = f"dvcq-nearest-{codec}"
            codecs.register_error(handler, functools.partial(_nearest, encoding=codec))
            stream.reconfigure(errors=handler)
    if sys.stdout is None:
        return False
    _Guarded.lost = None
    if sys.stdout is sys.__stdout__:  # the process's own (a test's capture is left as it is)
        sys.stdout = _Guarded(sys.stdout)
    return True


class _Guarded:
    """stdout, remembering the error it gave (a full disk, a closed pipe) so that the boundary
    knows that an OSError came from the output, not from a file the command was working on."""

    lost: OSError | None = None

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            _Guarded.lost = _Guarded.lost or exc
            raise

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            _Guarded.lost = _Guarded.lost or exc
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _say(text: str) -> None:
    """A message on stderr; a stderr that cannot take it (full, closed) is no further failure."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


_STDOUT_REASONS = {
    "EPIPE": (
        "chương trình nhận kết quả đã đóng đầu ra",
        "the program reading the output closed it",
    ),
    "EBADF": ("đầu ra chuẩn đã bị đóng", "standard output is closed"),
}


def _stdout_failure() -> OSError | ValueError | None:
    """Why stdout could not take what dvcq wrote (a full disk, a closed pipe), or None."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        return _Guarded.lost or exc
    return _Guarded.lost


def _report_stdout(exc: OSError | ValueError) -> int:
    """Say that the output was lost (exit 1), and send stdout to the null device, so that
    Python's own last flush does not print a traceback of the same failure."""
    import errno

    from dvcq.errors import os_reason

    name = errno.errorcode.get(getattr(exc, "errno", 0) or 0, "EBADF")
    if isinstance(exc, OSError) and name not in _STDOUT_REASONS:
        why_vi, why_en = os_reason(exc)
    else:
        why_vi, why_en = _STDOUT_REASONS.get(name, _STDOUT_REASONS["EBADF"])
    _say(
        i18n.t(
            f"Lỗi: Không ghi được kết quả ra đầu ra chuẩn: {why_vi}. Kết quả có thể thiếu; chạy lại "
            "khi đầu ra ghi được (ví dụ chuyển vào tệp trên ổ còn chỗ).\n",
            f"Error: Cannot write the output to standard output: {why_en}. The output may be "
            "incomplete; run again with an output that can be written (e.g. a file on a disk "
            "with room).\n",
        )
    )
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
    return 1


def _not_utf8(args: list[str]) -> UsageError | None:
    """An argument the system gave as bytes that are not UTF-8 (Python keeps them as lone
    surrogates): refused, naming the option, before anything is read or written. Decoding it
    leniently would put a replacement character into a progress entry or a plan unnoticed."""
    for i, arg in enumerate(args):
        if not any("\ud800" <= char <= "\udfff" for char in arg):
            continue
        try:
            raw = arg.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = arg.encode("utf-8", "surrogatepass")
        shown = raw.decode("utf-8", "backslashreplace")[:60]
        if arg.startswith("--") and "=" in arg:
            name_vi = name_en = arg.partition("=")[0]
            shown = shown.partition("=")[2]
        elif i and args[i - 1].startswith("-") and "=" not in args[i - 1]:
            name_vi = name_en = args[i - 1]
        else:
            name_vi, name_en = f"đối số thứ {i + 1}", f"argument {i + 1}"
        return UsageError(
            f"Giá trị của {name_vi} không phải văn bản UTF-8 (“{shown}”); gõ lại giá trị, hoặc "
            "đặt máy dùng UTF-8 (ví dụ LANG=C.UTF-8).",
            f"The value of {name_en} is not UTF-8 text (“{shown}”); type it again, or set the "
            "system to UTF-8 (e.g. LANG=C.UTF-8).",
        )
    return None


def _internal() -> int:
    if State.debug:
        import traceback  # only here: loading it costs every command a few ms

        traceback.print_exc()
    _say(
        i18n.t(
            "Lỗi nội bộ của dvcq (không phải lỗi trong tệp của bạn). Chạy lại với --debug và gửi "
            "kết quả cho người quản trị.\n",
            "Internal dvcq error (not a problem in your files). Run again with --debug and send "
            "the output to the maintainers.\n",
        )
    )
    return 3


def run(argv: list[str] | None, body: Callable[[list[str]], Any]) -> NoReturn:
    """Run `body` on the arguments and exit with its code, turning every failure into a message."""
    args = sys.argv[1:] if argv is None else argv
    State.debug = os.environ.get("DVCQ_DEBUG") == "1"  # and --debug, once the line is read
    i18n.reset()  # a run in the same process as another (tests, a library caller) starts afresh
    i18n.set_lang(_lang_in(args))  # early, so that even a usage error speaks that language
    if not _set_up_streams():
        _say(
            i18n.t(
                "Lỗi: Đầu ra chuẩn (stdout) đã bị đóng; dvcq không chạy lệnh. Chạy lại với đầu ra "
                "mở, hoặc chuyển nó vào tệp hay /dev/null.\n",
                "Error: Standard output is closed; dvcq ran nothing. Run again with an open "
                "output, or redirect it to a file or /dev/null.\n",
            )
        )
        sys.exit(1)
    code: Any
    lost: OSError | ValueError | None = None  # what stdout refused, when it did
    try:
        refused = _not_utf8(args)
        if refused is not None:
            raise refused
        code = body(args)
    except KeyboardInterrupt:
        _say(i18n.t("Đã dừng.\n", "Interrupted.\n"))
        code = 130
    except DvcqError as exc:
        _say(f"{i18n.t('Lỗi', 'Error')}: {exc.text[i18n.lang()]}\n")
        code = exc.exit_code
    except (OSError, ValueError):  # stdout full or closed mid-command, or a bug
        lost = _stdout_failure()
        code = 1 if lost is not None else _internal()
    except Exception:  # the boundary: never a traceback for the clerk unless asked
        code = _internal()
    lost = lost or _stdout_failure()  # the final flush, inside the boundary
    if lost is not None:
        reported = _report_stdout(lost)
        code = reported if code in (0, 1, None) else code
    sys.exit(code if isinstance(code, int) else 0)
