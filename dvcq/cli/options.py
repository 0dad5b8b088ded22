"""Options declared as data, free of typer and click: the Typer commands take their names and
help from these declarations, and the plain path of `dvcq check` (`cli.checking`) reads an
ordinary command line by the same declarations without loading typer, click or rich."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dvcq import i18n
from dvcq.errors import UsageError


class Opt:
    """One option or argument: its spellings, help, what it takes (`kind`: value, multiple (a
    value, repeatable), flag, arguments (the positional words)) and its choices, if any."""

    __slots__ = ("choices", "flags", "help", "kind", "metavar")

    def __init__(
        self,
        *flags: str,
        help: str,
        kind: str = "value",
        choices: tuple[str, ...] = (),
        metavar: str | None = None,
    ) -> None:
        self.flags, self.help, self.kind = flags, help, kind
        self.choices, self.metavar = choices, metavar


LANG = Opt(
    "--lang",
    help="Ngôn ngữ thông báo: vi (mặc định) hoặc en. Biến môi trường DVCQ_LANG.",
    choices=i18n.LANGS,
)
PROGRESS = Opt("--progress", help="Thư mục tiến độ (mặc định: progress/ cạnh thư mục plans/).")
AS_OF = Opt("--as-of", help="Tính đến ngày (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định hôm nay.")


def parse_plain(table: dict[str, Opt], args: list[str]) -> dict[str, Any] | None:
    """The values of an ordinary command line by `table` (`--debug` allowed anywhere), or None for
    anything else (help, an unknown or malformed option, a value a choice lacks, an option given
    twice, `--`, an empty word): the Typer command then reads it and says what is wrong."""
    by_flag = {flag: name for name, opt in table.items() for flag in opt.flags}
    words = next((n for n, o in table.items() if o.kind == "arguments"), None)
    values: dict[str, Any] = {
        name: []
        if opt.kind in ("multiple", "arguments")
        else (False if opt.kind == "flag" else None)
        for name, opt in table.items()
    }
    given: set[str] = set()
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--debug":
            values["debug"] = True
            continue
        if not arg.startswith("-"):
            if words is None or not arg:
                return None
            values[words].append(arg)
            continue
        flag, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        name = by_flag.get(flag)
        if name is None:
            return None
        opt = table[name]
        if opt.kind == "flag":
            if eq:
                return None
            values[name] = True
            continue
        if not eq:
            if i == len(args):
                return None
            value = args[i]
            i += 1
        if not value or value.startswith("-") or (opt.choices and value not in opt.choices):
            return None
        if opt.kind == "multiple":
            values[name].append(value)
        elif name in given:
            return None
        else:
            given.add(name)
            values[name] = value
    return values


def progress_folder(value: Path | None) -> Path | None:
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
