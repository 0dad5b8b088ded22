"""The command-line parser's own words (click's and Typer's) in the reader's language.

click and Typer write their messages ("Missing option", "Usage:", "Show this message and
exit.") through gettext's `_` and `ngettext`, bound by name in each of their modules. `install`
binds those names to the functions below, which look the language up at each call (so that
`--lang en`, read once the line is parsed, still counts): English is click's own text, and
Vietnamese is the table here. A message click adds in a later version stays English until it is
added here.
"""

from __future__ import annotations

import sys

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
    again is harmless)."""
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:  # not imported by this version: nothing of it will speak
            continue
        names = vars(module)
        if "_" in names:
            names["_"] = gettext
        if "ngettext" in names:
            names["ngettext"] = ngettext
