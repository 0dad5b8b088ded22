"""The command-line parser's own words (click's and Typer's) in the reader's language.

click and Typer write their messages ("Missing option", "Usage:", "Show this message and
exit.") through gettext's `_` and `ngettext`, bound by name in each of their modules. `install`
binds those names to the functions below, which look the language up at each call (so that
`--lang en`, read once the line is parsed, still counts): English is click's own text, and
Vietnamese is the table here. A message click adds in a later version stays English until it is
added here.

The placeholders of usage lines and help ("[OPTIONS]", "COMMAND [ARGS]...", "PERIOD", "TEXT",
"PATH") are not gettext messages: click and Typer build them from a parameter's name or type.
`install` wraps the few methods that make them, so that each says what to type in the reader's
language (`--as-of NGÀY`, `dvcq report [TÙY_CHỌN] KỲ`; `--lang en`: `--as-of DATE`).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from dvcq import i18n

_VI = {
    # usage and help
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Arguments": "Đối số",
    "Positional arguments": "Đối số",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In số phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính lúc chạy)",
    "deprecated": "không còn dùng",
    # errors
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu tên lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ ({number_type}).",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} không phải giá "
    "trị đúng/sai hợp lệ. Các giá trị được nhận: {states}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Aborted!": "Đã hủy.",
    # prompts
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã gõ không khớp nhau.",
    "Repeat for confirmation": "Gõ lại để xác nhận",
    "Do you want to continue?": "Tiếp tục?",
    "Press any key to continue...": "Nhấn một phím bất kỳ để tiếp tục…",
}

# ngettext's (singular, plural) -> the Vietnamese for one, and for several.
_VI_PLURAL = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Thừa đối số không dùng đến ({args})",
        "Thừa các đối số không dùng đến ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Có phải ý bạn là {possibility}?",
        "(Có phải ý bạn là một trong: {possibilities}?)",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} không phải là {choice}.",
        "{value!r} không phải một trong các giá trị {choices}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tùy chọn {name!r} cần một giá trị.",
        "Tùy chọn {name!r} cần {nargs} giá trị.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Cần {nargs} giá trị nhưng chỉ có 1.",
        "Cần {nargs} giá trị nhưng có {len}.",
    ),
}

# What to type, by parameter name: (Vietnamese, English). A name not here falls back on its
# type's word (_TYPE_WORDS); both tables spell a placeholder as one word (underscores).
_NAME_WORDS: dict[str, tuple[str, str]] = {
    "as_of": ("NGÀY", "DATE"),
    "date": ("NGÀY", "DATE"),
    "deadline": ("NGÀY", "DATE"),
    "period": ("KỲ", "PERIOD"),
    "unit": ("ĐƠN_VỊ", "UNIT"),
    "task": ("NHIỆM_VỤ", "TASK"),
    "status": ("TÌNH_TRẠNG", "STATUS"),
    "year": ("NĂM", "YEAR"),
    "plan": ("TỆP", "FILE"),
    "plan_file": ("TỆP", "FILE"),
    "source": ("TỆP", "FILE"),
    "output": ("TỆP", "FILE"),
    "old_out": ("TỆP", "FILE"),
    "old_path": ("TỆP", "FILE"),
    "meta": ("TỆP", "FILE"),
    "notes": ("TỆP", "FILE"),
    "textconv": ("TỆP", "FILE"),
    "files": ("TỆP", "FILE"),
    "paths": ("TỆP", "FILE"),
    "progress": ("THƯ_MỤC", "FOLDER"),
    "templates": ("THƯ_MỤC", "FOLDER"),
    "folder": ("THƯ_MỤC", "FOLDER"),
    "author": ("HỌ_TÊN", "NAME"),
    "drafter": ("HỌ_TÊN", "NAME"),
    "signer_name": ("HỌ_TÊN", "NAME"),
    "signer_title": ("CHỨC_VỤ", "TITLE"),
    "signer_authority": ("THẨM_QUYỀN", "AUTHORITY"),
    "agency": ("TÊN", "NAME"),
    "superior": ("TÊN", "NAME"),
    "place": ("ĐỊA_DANH", "PLACE"),
    "code": ("MÃ", "CODE"),
    "kind": ("LOẠI", "KIND"),
    "result": ("KẾT_QUẢ", "RESULT"),
    "evidence": ("SỐ_VĂN_BẢN", "DOCUMENT"),
    "supersedes": ("MÃ_MỤC", "ENTRY_ID"),
    "value": ("MÃ=SỐ", "ID=NUMBER"),
}
_TYPE_WORDS = {"TEXT": "CHỮ", "PATH": "ĐƯỜNG_DẪN", "INTEGER": "SỐ", "FLOAT": "SỐ", "FILE": "TỆP"}
# Whole placeholders click and Typer write, and dvcq's own that are more than one word.
_VI_USAGE = {
    "[OPTIONS]": "[TÙY_CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI_SỐ]...",
    "[REV_A [REV_B]]": "[BẢN_A [BẢN_B]]",
}
_WORD = re.compile(r"[^\W\d_a-z]+(?:_[^\W\d_a-z]+)*")  # one placeholder word: upper case, no digit


def placeholder(name: str | None, metavar: str) -> str:
    """`metavar` (click's or Typer's, "[PATHS]...", "TEXT") with its word in the reader's
    language; choices ("[vi|en]") and anything else are left as they are."""
    vi = i18n.lang() == "vi"
    if metavar in _VI_USAGE:
        return _VI_USAGE[metavar] if vi else metavar
    core = metavar.strip("[].")
    if not _WORD.fullmatch(core):
        return metavar
    word = _NAME_WORDS.get(name or "")
    if word is not None:
        new = word[0] if vi else word[1]
    elif vi:
        new = _TYPE_WORDS.get(core, core)
    else:
        return metavar
    return metavar.replace(core, new, 1)


def _usage_pieces(original: Any) -> Any:
    def collect(self: Any, ctx: Any) -> list[str]:
        return [placeholder(None, piece) for piece in original(self, ctx)]

    collect.__wrapped__ = original  # type: ignore[attr-defined]
    return collect


def _metavar(original: Any) -> Any:
    def make(self: Any, ctx: Any, *args: Any, **kwargs: Any) -> str:
        return placeholder(self.name, original(self, ctx, *args, **kwargs))

    make.__wrapped__ = original  # type: ignore[attr-defined]
    return make


def _wrap_placeholders() -> None:
    """Wrap, once, the methods that write placeholders: a parameter's `make_metavar` (click's
    Parameter and Argument, Typer's own Argument) and a command's `collect_usage_pieces`."""
    import click
    import typer.core

    owners = [
        (click.Parameter, "make_metavar", _metavar),
        (click.Argument, "make_metavar", _metavar),
        (typer.core.TyperArgument, "make_metavar", _metavar),
        (click.Command, "collect_usage_pieces", _usage_pieces),
        (click.Group, "collect_usage_pieces", _usage_pieces),
    ]
    for cls, name, wrap in owners:
        method = cls.__dict__.get(name)
        if method is not None and not hasattr(method, "__wrapped__"):
            setattr(cls, name, wrap(method))


def _keep_argument_help() -> None:
    """Typer sets an argument's help before calling click's `Argument.__init__`, which since
    click 8.3 takes a `help` of its own and sets it to None: every `typer.Argument(help=…)`
    would print without its text ("KỲ  [bắt buộc]" and nothing on what a period looks like)."""
    import typer.core

    cls = typer.core.TyperArgument
    original = cls.__init__
    if hasattr(original, "__wrapped__"):
        return

    def init(self: Any, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        original(self, *args, help=help, **kwargs)
        self.help = help

    init.__wrapped__ = original  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[method-assign]
    # click 8.3+ then prints its own "Positional arguments" section beside Typer's "Arguments":
    # Typer's commands keep theirs only (it says "[bắt buộc]").
    for command in (typer.core.TyperCommand, typer.core.TyperGroup):
        if hasattr(command, "format_arguments"):
            command.format_arguments = _no_section  # type: ignore[method-assign]


def _no_section(self: Any, ctx: Any, formatter: Any) -> None:
    return None


# --- help in one language ----------------------------------------------------------------------
# A command's docstring is its help, Vietnamese first and then English (CONTRIBUTING.md), and an
# option's help may add an English sentence. A reader gets the sentences of their language only;
# a text with none in that language (most options' help has no English) is shown whole.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")
_ENGLISH_WORDS = {
    "the", "a", "an", "of", "and", "or", "with", "to", "for", "from", "by", "its", "is", "are",
    "on", "at", "as", "be", "it", "this", "that", "no", "not", "if", "when", "also",
}  # fmt: skip


def _english(sentence: str) -> bool:
    """Whether a sentence is English: no word with a Vietnamese letter ("List progress entries,
    filtered."), or few and an English function word ("Write the BÁO CÁO on a period"); "In số
    phiên bản" is Vietnamese, and so is a sentence of figures alone."""
    words = re.findall(r"[^\W\d_]+", sentence)
    if len(words) < 2:
        return False
    foreign = sum(1 for w in words if not w.isascii())
    if not foreign:
        return True
    return foreign / len(words) < 0.3 and any(w.lower() in _ENGLISH_WORDS for w in words)


def one_language(text: str) -> str:
    """`text` (paragraphs split by blank lines) with only the reader's language's sentences; an
    option's Vietnamese help, in English from `help_en.HELP_EN` (click's "  [default: …]" kept)."""
    vi = i18n.lang() == "vi"
    if not vi:
        from dvcq.cli.help_en import HELP_EN

        base, extra = text, ""
        if text.endswith("]") and "  [" in text:
            base, bracket, rest = text.rpartition("  [")
            extra = bracket + rest
        if base.strip() in HELP_EN:
            return HELP_EN[base.strip()] + extra
    paragraphs = text.split("\n\n")
    sentences = [_SENTENCE.split(p.strip()) for p in paragraphs]
    kept: list[str] = []
    for paragraph, group in zip(paragraphs, sentences, strict=True):
        mine = [x for x in group if _english(x) != vi]
        if len(mine) == len(group):
            kept.append(paragraph)  # nothing left out: its spacing as written
        elif mine:
            kept.append(" ".join(mine))
    if not kept:  # nothing in the reader's language: the text whole
        return text
    return "\n\n".join(kept)


def _short_help(original: Any) -> Any:
    """A command's line in its group's list: the first sentence of its help in the reader's
    language (click takes the first sentence of the whole docstring, the Vietnamese one)."""

    def short(self: Any, limit: int = 45) -> str:
        if self.short_help is None and self.help and i18n.lang() != "vi":
            whole = self.help
            self.help = one_language(whole)  # click's own cut of the reader's sentences
            try:
                return str(original(self, limit))
            finally:
                self.help = whole
        return str(original(self, limit))

    short.__wrapped__ = original  # type: ignore[attr-defined]
    return short


def _one_language_formatter() -> None:
    """Wrap, once, the writers of help text: a command's help, its line in a group's list and
    the option rows."""
    import click
    from click.formatting import HelpFormatter

    method = click.Command.__dict__["get_short_help_str"]
    if not hasattr(method, "__wrapped__"):
        click.Command.get_short_help_str = _short_help(method)  # type: ignore[method-assign]

    write_text, write_dl = HelpFormatter.write_text, HelpFormatter.write_dl
    if hasattr(write_text, "__wrapped__"):
        return

    def text(self: Any, value: str) -> None:
        write_text(self, one_language(value))

    def rows(self: Any, items: Any, *args: Any, **kwargs: Any) -> None:
        write_dl(self, [(a, one_language(b) if b else b) for a, b in items], *args, **kwargs)

    text.__wrapped__ = write_text  # type: ignore[attr-defined]
    rows.__wrapped__ = write_dl  # type: ignore[attr-defined]
    HelpFormatter.write_text = text  # type: ignore[method-assign,assignment]
    HelpFormatter.write_dl = rows  # type: ignore[method-assign,assignment]


# The modules of click and Typer that name gettext's functions (click 8, Typer 0.x).
_MODULES = (
    "click.core",
    "click.exceptions",
    "click.parser",
    "click.types",
    "click.decorators",
    "click.formatting",
    "click.termui",
    "typer.core",
)


def gettext(message: str) -> str:
    return _VI.get(message, message) if i18n.lang() == "vi" else message


def ngettext(singular: str, plural: str, n: int) -> str:
    vi = _VI_PLURAL.get((singular, plural)) if i18n.lang() == "vi" else None
    if vi is not None:
        return vi[0] if n == 1 else vi[1]
    return singular if n == 1 else plural


def install() -> None:
    """Bind click's and Typer's `_` and `ngettext` to the functions above (once is enough;
    again is harmless), and make the usage placeholders speak the reader's language."""
    _wrap_placeholders()
    _keep_argument_help()
    _one_language_formatter()
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:  # not imported by this version: nothing of it will speak
            continue
        names = vars(module)
        if "_" in names:
            names["_"] = gettext
        if "ngettext" in names:
            names["ngettext"] = ngettext
