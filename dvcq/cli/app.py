"""The Typer application, its shared options and the one error boundary."""

from __future__ import annotations

import datetime as dt
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


def _give_debug(command: click.Command) -> None:
    if not any(param.name == "debug" for param in command.params):
        command.params.append(_debug_option())
    for sub in getattr(command, "commands", {}).values():
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
    typer.Option("--progress", help="Thư mục tiến độ (mặc định: progress/ cạnh thư mục plans/)."),
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
    from dvcq.dates import DateError, parse_iso, today

    if not text:
        return today()
    try:
        return parse_iso(text)
    except DateError:
        raise UsageError(
            f"Ngày “{text}” không hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2026-06-14.",
            f"Date “{text}” is not valid; write YYYY-MM-DD, e.g. 2026-06-14.",
        ) from None


def warn_left_out(count: int) -> None:
    """Entries that could not be read are left out of boards and reports: say so, not silently."""
    if count:
        sys.stderr.write(
            i18n.t(
                f"Cảnh báo: dữ liệu tiến độ có {count} chỗ lỗi, các mục lỗi không được tính; "
                "chạy `dvcq check` để xem.\n",
                f"Warning: {count} problem(s) in the progress data; those entries were left out. "
                "Run `dvcq check` to see them.\n",
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    global _debug
    from dvcq.cli import load_commands

    args = sys.argv[1:] if argv is None else argv
    _debug = os.environ.get("DVCQ_DEBUG") == "1"  # and --debug, once click has read the line
    i18n.reset()  # a run in the same process as another (tests, a library caller) starts afresh
    i18n.set_lang(_lang_in(args))  # early, so that even a usage error speaks that language
    try:
        load_commands(_command_in(args))
        code = app(args=args, prog_name="dvcq", standalone_mode=False)
        if code == 130:  # typer turns Ctrl+C into the return value 130 before it reaches us
            sys.stderr.write(i18n.t("Đã dừng.\n", "Interrupted.\n"))
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        sys.stderr.write(i18n.t("Đã hủy.\n", "Aborted.\n"))
        code = 130
    except KeyboardInterrupt:
        sys.stderr.write(i18n.t("Đã dừng.\n", "Interrupted.\n"))
        code = 130
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.stderr.write(
            i18n.t(
                "Gõ `dvcq --help` hoặc `dvcq <lệnh> --help` để xem cách dùng.\n",
                "Run `dvcq --help` or `dvcq <command> --help` for usage.\n",
            )
        )
        code = exc.exit_code if exc.exit_code else 2
    except DvcqError as exc:
        sys.stderr.write(f"{i18n.t('Lỗi', 'Error')}: {exc.text[i18n.lang()]}\n")
        code = exc.exit_code
    except Exception:  # the boundary: never a traceback for the clerk unless asked
        if _debug:
            import traceback  # only here: loading it costs every command a few ms

            traceback.print_exc()
        sys.stderr.write(
            i18n.t(
                "Lỗi nội bộ của dvcq (không phải lỗi trong tệp của bạn). Chạy lại với --debug và gửi "
                "kết quả cho người quản trị.\n",
                "Internal dvcq error (not a problem in your files). Run again with --debug and send "
                "the output to the maintainers.\n",
            )
        )
        code = 3
    sys.stdout.flush()
    sys.exit(code if isinstance(code, int) else 0)
