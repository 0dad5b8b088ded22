"""The Typer application, its shared options and the one error boundary."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from dvcq import i18n
from dvcq.errors import DvcqError, UsageError

# Whether the error boundary shows the traceback of an internal error. Set by DVCQ_DEBUG=1 when
# main() starts and by --debug wherever it is written on the line (before or after the command).
_debug = False


def _ask_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    global _debug
    _debug = _debug or value  # `dvcq --debug check`: the command's own --debug (False) keeps it


def _debug_option() -> click.Option:
    return click.Option(
        ["--debug"],
        is_flag=True,
        expose_value=False,  # no command takes it as a parameter: only the boundary reads it
        is_eager=True,
        callback=_ask_debug,
        help="Hiện traceback khi có lỗi nội bộ (dành cho lập trình viên); cũng bật bằng "
        "DVCQ_DEBUG=1.",
    )


def _lang_option() -> click.Option:
    """--lang on a command group (`dvcq progress --lang en list`); each command declares its own."""
    return click.Option(
        ["--lang"],
        type=click.Choice(i18n.LANGS),
        expose_value=False,
        is_eager=True,
        callback=lambda ctx, param, value: i18n.set_lang(value),
        help="Ngôn ngữ thông báo: vi (mặc định) hoặc en. Biến môi trường DVCQ_LANG.",
    )


def _give_debug(command: click.Command) -> None:
    """--debug for every command and group; --lang for the groups that lack it."""
    if isinstance(command, TyperGroup):  # click suggests commands too, in the reader's language
        command.suggest_commands = False
    if not any(param.name == "debug" for param in command.params):
        command.params.append(_debug_option())
    subs = getattr(command, "commands", None)
    if subs is not None and not any(param.name == "lang" for param in command.params):
        command.params.append(_lang_option())
    for sub in (subs or {}).values():
        _give_debug(sub)


class DvcqGroup(TyperGroup):
    """The root group: gives itself and every command under it the one --debug option, so that
    `dvcq --debug check`, `dvcq check --debug` and `dvcq render plan --debug` all work."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _give_debug(self)


app = typer.Typer(
    name="dvcq",
    cls=DvcqGroup,
    help="Theo dõi kế hoạch công tác dân vận chính quyền: kiểm tra, xem, báo cáo.\n\n"
    "Tracks the annual government mass-mobilisation plan: check, show, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en. Biến môi trường DVCQ_LANG."
    ),
]


def plan_option(help: str = "Tệp kế hoạch (mặc định: tệp duy nhất trong plans/).") -> Any:
    """The one spelling of the plan file: `--plan/-p`, on every command that reads a plan."""
    return typer.Option("--plan", "-p", help=help, show_default=False)


def output_option(help: str) -> Any:
    """The one spelling of a file (or folder) the command writes: `-o/--output`."""
    return typer.Option("--output", "-o", help=help, show_default=False)


def format_option(help: str) -> Any:
    """The one spelling of an output form: `--format/-f`, its choices one of the enums below."""
    return typer.Option("--format", "-f", help=help)


# Each set of format choices, defined once and shared by the commands that offer it.
class TextJson(StrEnum):  # show, status, rules
    text = "text"
    json = "json"


class CheckFormat(StrEnum):  # check
    text = "text"
    json = "json"
    github = "github"


class ListFormat(StrEnum):  # progress list
    text = "text"
    json = "json"
    csv = "csv"


class DiffFormat(StrEnum):  # diff
    text = "text"
    md = "md"
    json = "json"


class DocumentFormat(StrEnum):  # report (render plan and export choose by the file's suffix)
    docx = "docx"
    md = "md"
    pdf = "pdf"


class UrgeFormat(StrEnum):  # urge: the letter, its wording, or a message for a chat group
    docx = "docx"
    md = "md"
    text = "text"
    pdf = "pdf"


# The plan as a positional argument, kept beside --plan for commands that always took one.
PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        help="Tệp kế hoạch, như --plan (cách viết cũ).", show_default=False, metavar="[TỆP]"
    ),
]
PlanOption = Annotated[Path | None, plan_option()]


def _progress_folder(value: Path | None) -> Path | None:
    """A --progress that is named must be a folder: a typo would give an empty board and a report
    saying every unit is silent. The default progress/ may be missing (no entries yet)."""
    if value is None or value.is_dir():
        return value
    from dvcq.visible import visible

    name = visible(str(value), newlines=False)
    if value.exists():
        raise UsageError(
            f"--progress {name}: đây không phải là thư mục. Ghi thư mục tiến độ (chứa các thư "
            "mục năm như 2026/), ví dụ --progress progress.",
            f"--progress {name}: this is not a folder. Name the progress folder (holding year "
            "folders such as 2026/), e.g. --progress progress.",
        )
    raise UsageError(
        f"--progress {name}: không có thư mục này. Kiểm tra lại đường dẫn, hoặc bỏ --progress "
        "để dùng progress/ cạnh thư mục plans/.",
        f"--progress {name}: no such folder. Check the path, or leave out --progress to use "
        "progress/ beside the plans/ folder.",
    )


ProgressOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="Thư mục tiến độ (mặc định: progress/ cạnh thư mục plans/).",
        callback=_progress_folder,
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Coi cảnh báo là lỗi: dừng với mã 1, không in hay ghi gì, khi có mục tiến độ không "
        "được tính (và, với report, điều văn thư sẽ bắt lỗi: số kế hoạch trống, ngày báo cáo…).",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD); mặc định hôm nay."),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Thư mục mẫu văn bản (mặc định: templates/)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp kết quả nếu đã có.")]
MetaOption = Annotated[
    Path | None,
    typer.Option(
        "--meta",
        help="Ghi kèm tệp .json thông tin văn bản đi (Phụ lục VI, Nghị định 30/2020): tên loại, "
        "số và ký hiệu, ngày, cơ quan ban hành, trích yếu, người ký, nơi nhận.",
        show_default=False,
    ),
]


def one_plan(*given: Path | None) -> Path | None:
    """The plan named by --plan or by an older spelling of it (a positional, a hidden alias)."""
    named = list(dict.fromkeys(p for p in given if p is not None))
    if len(named) > 1:
        both = " và ".join(str(p) for p in named)
        raise UsageError(
            f"Hai tệp kế hoạch khác nhau: {both}; chỉ ghi một tệp, bằng --plan TỆP.",
            f"Two different plan files: {both.replace(' và ', ' and ')}; name one, with --plan FILE.",
        )
    return named[0] if named else None


def use_lang(value: Lang | None) -> None:
    i18n.set_lang(value.value if value else None)


def as_of_date(text: str | None) -> dt.date:
    """The --as-of date, or today."""
    from dvcq.dates import option_date, today

    return option_date(text) if text else today()


# At most this many left-out entries are named on stderr; JSON output and `dvcq check` name all.
LEFT_OUT_SHOWN = 20


def warn_left_out(left_out: list[dict[str, Any]], strict: bool = False) -> None:
    """Name on stderr each entry (or file) a reader left out and why, with its file:line; with
    `strict`, stop (exit 1) before anything is printed or written."""
    if not left_out:
        return
    write = sys.stderr.write
    for item in left_out[:LEFT_OUT_SHOWN]:
        where = f"{item['file']}:{item['line']}:{item['column']}"
        write(
            i18n.t(
                f"Cảnh báo: {where}: mục tiến độ không được tính: {item['message']} "
                f"({item['rule']})\n",
                f"Warning: {where}: progress entry left out: {item['message']} ({item['rule']})\n",
            )
        )
    n, more = len(left_out), len(left_out) - LEFT_OUT_SHOWN
    if more > 0:
        write(i18n.t(f"Cảnh báo: … và {more} mục khác.\n", f"Warning: … and {more} more.\n"))
    if strict:
        raise DvcqError(
            f"{n} mục tiến độ không được tính (--strict): không in, không ghi gì. Sửa các lỗi "
            "trên (`dvcq check` liệt kê đủ) rồi chạy lại.",
            f"{n} progress entr{'y' if n == 1 else 'ies'} left out (--strict): nothing printed "
            "or written. Fix the errors above (`dvcq check` lists them all) and run again.",
        )
    write(
        i18n.t(
            f"Cảnh báo: {n} mục tiến độ không được tính vào số liệu; chạy `dvcq check` để xem "
            "và sửa, hoặc dùng --strict để dừng khi có.\n",
            f"Warning: {n} progress entr{'y' if n == 1 else 'ies'} left out of the figures; run "
            "`dvcq check` to see and fix them, or use --strict to stop when there are any.\n",
        )
    )


def _print_version(value: bool) -> None:
    if value:
        from dvcq import __version__

        sys.stdout.write(f"dvcq {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    lang: LangOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="In số phiên bản."),
    ] = False,
) -> None:
    use_lang(lang)


def _command_in(args: list[str]) -> str | None:
    """The sub-command named on the line (the first word that is not an option or its value)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


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
    if _debug:
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    global _debug
    from dvcq.cli import load_commands
    from dvcq.cli.parser_words import install

    install()  # click's own words ("Missing option", "Usage:") in the reader's language

    args = sys.argv[1:] if argv is None else argv
    _debug = os.environ.get("DVCQ_DEBUG") == "1"  # and --debug, once click has read the line
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
        load_commands(_command_in(args))
        code = app(args=args, prog_name="dvcq", standalone_mode=False)
        if code == 130:  # typer turns Ctrl+C into the return value 130 before it reaches us
            _say(i18n.t("Đã dừng.\n", "Interrupted.\n"))
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        _say(i18n.t("Đã hủy.\n", "Aborted.\n"))
        code = 130
    except KeyboardInterrupt:
        _say(i18n.t("Đã dừng.\n", "Interrupted.\n"))
        code = 130
    except click.exceptions.ClickException as exc:
        with contextlib.suppress(OSError, ValueError):  # stdout full: reported below
            exc.show()
        if getattr(exc, "ctx", None) is None:  # else click has said which --help to run
            _say(
                i18n.t(
                    "Gõ `dvcq --help` hoặc `dvcq <lệnh> --help` để xem cách dùng.\n",
                    "Run `dvcq --help` or `dvcq <command> --help` for usage.\n",
                )
            )
        code = exc.exit_code if exc.exit_code else 2
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
