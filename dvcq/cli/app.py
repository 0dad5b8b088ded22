"""The Typer application and its shared options; what click says, for the boundary (`boundary`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from dvcq import i18n
from dvcq.cli import boundary, options
from dvcq.cli.boundary import _nearest_char, _say  # noqa: F401 (_nearest_char: tests)
from dvcq.cli.options import progress_folder
from dvcq.errors import DvcqError, UsageError


def _ask_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # `dvcq --debug check`: the command's own --debug (False) keeps the boundary's True
    boundary.State.debug = boundary.State.debug or value


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


LangOption = Annotated[Lang | None, typer.Option(*options.LANG.flags, help=options.LANG.help)]


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


class TaskListFormat(StrEnum):  # tasks: at the terminal, to paste into a plan, a workbook
    text = "text"
    md = "md"
    xlsx = "xlsx"


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


ProgressOption = Annotated[
    Path | None,
    typer.Option(*options.PROGRESS.flags, help=options.PROGRESS.help, callback=progress_folder),
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Coi cảnh báo là lỗi: dừng với mã 1, không in hay ghi gì, khi có mục tiến độ không "
        "được tính (và, với report, điều văn thư sẽ bắt lỗi: số kế hoạch trống, ngày báo cáo…).",
    ),
]
AsOfOption = Annotated[str | None, typer.Option(*options.AS_OF.flags, help=options.AS_OF.help)]
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
# The signer of a document that replaces the plan's (report, urge): three options, one spelling.
SignerNameOption = Annotated[
    str | None, typer.Option("--signer-name", help="Họ tên người ký (thay cho kế hoạch).")
]
SignerTitleOption = Annotated[
    str | None,
    typer.Option("--signer-title", help="Chức vụ người ký, ví dụ PHÓ GIÁM ĐỐC."),
]
SignerAuthorityOption = Annotated[
    str | None,
    typer.Option(
        "--signer-authority", help='Thẩm quyền ký, ví dụ KT. GIÁM ĐỐC ("" khi ký trực tiếp).'
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


def period_data(
    plan: Path | None,
    progress: Path | None,
    period: str,
    as_of: str | None,
    strict: bool,
    unit: str | None = None,
) -> tuple[Any, Any, Any, dt.date]:
    """What every reader of a period starts from: the plan, its usable entries (the left-out
    ones named on stderr, or a stop with `strict`), the period's window and the day it is read
    at (never before the period has begun); `unit`, when given, must be one of the plan's."""
    from dvcq import repository
    from dvcq.progress import store
    from dvcq.progress.periods import begun, plan_period
    from dvcq.progress.usable import left_out_data

    the_plan, counted = store.load_usable(plan, progress)
    repository.require_unit(the_plan, unit)
    window = plan_period(the_plan, period)
    day = begun(window, as_of_date(as_of))
    warn_left_out(left_out_data(counted.left_out, i18n.lang()), strict)
    return the_plan, counted.progress, window, day


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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app inside the boundary (`boundary.run`), click's own outcomes
    turned into messages and exit codes here."""
    boundary.run(argv, _run_app)


def _run_app(args: list[str]) -> Any:
    from dvcq.cli import load_commands
    from dvcq.cli.parser_words import install

    install()  # click's own words ("Missing option", "Usage:") in the reader's language

    try:
        load_commands(_command_in(args))
        code = app(args=args, prog_name="dvcq", standalone_mode=False)
        if code == 130:  # typer turns Ctrl+C into the return value 130 before it reaches us
            _say(i18n.t("Đã dừng.\n", "Interrupted.\n"))
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        _say(i18n.t("Đã hủy.\n", "Aborted.\n"))
        code = 130
    except click.exceptions.ClickException as exc:
        with contextlib.suppress(OSError, ValueError):  # stdout full: reported by the boundary
            exc.show()
        if getattr(exc, "ctx", None) is None:  # else click has said which --help to run
            _say(
                i18n.t(
                    "Gõ `dvcq --help` hoặc `dvcq <lệnh> --help` để xem cách dùng.\n",
                    "Run `dvcq --help` or `dvcq <command> --help` for usage.\n",
                )
            )
        code = exc.exit_code if exc.exit_code else 2
    return code
