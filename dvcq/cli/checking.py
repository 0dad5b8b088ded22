"""What `dvcq check` does once its line is read, and its options as data (`OPTIONS`): the Typer
command (`cli.check`) is built from them, and `plain` runs an ordinary check line by them
without typer, click or rich (a check in CI or pre-commit pays only for the check)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from dvcq import i18n
from dvcq.cli.options import AS_OF, LANG, PROGRESS, Opt, parse_plain, progress_folder
from dvcq.errors import UsageError

FORMATS = ("text", "json", "github")
OPTIONS = {
    "paths": Opt(
        help="Các tệp kế hoạch cần kiểm tra (mặc định: plans/*.yaml).",
        kind="arguments",
        metavar="[TỆP]...",
    ),
    "plan": Opt(
        "--plan",
        "-p",
        help="Tệp kế hoạch cần kiểm tra, như TỆP (lặp lại được: -p a.yaml -p b.yaml).",
        kind="multiple",
    ),
    "format": Opt("--format", "-f", help="Dạng kết quả: text, json hoặc github.", choices=FORMATS),
    "strict": Opt("--strict", help="Coi cảnh báo cũng là lỗi.", kind="flag"),
    "progress": PROGRESS,
    "as_of": AS_OF,
    "lang": LANG,
}


def plain(args: list[str]) -> Callable[[list[str]], int] | None:
    """The check an ordinary `dvcq check …` line asks for, or None to let Typer read the line."""
    if args[:1] != ["check"]:
        return None
    values = parse_plain(OPTIONS, args[1:])
    if values is None:
        return None

    def body(_: list[str]) -> int:
        if values.get("debug"):
            from dvcq.cli.boundary import State

            State.debug = True
        progress = progress_folder(Path(values["progress"]) if values["progress"] else None)
        return run(
            [Path(p) for p in values["paths"]],
            [Path(p) for p in values["plan"]],
            values["format"] or "text",
            values["strict"],
            progress,
            values["as_of"],
            values["lang"],
        )

    return body


def run(
    paths: list[Path],
    plan: list[Path],
    format: str,
    strict: bool,
    progress: Path | None,
    as_of: str | None,
    lang: str | None,
) -> int:
    from dvcq.repository import find_plans
    from dvcq.rules.check import check as run_check

    i18n.set_lang(lang)
    named = list(dict.fromkeys([*paths, *plan]))
    files = named or find_plans()
    if not files:
        raise UsageError(
            "Không tìm thấy tệp kế hoạch nào trong plans/. Hãy chỉ rõ đường dẫn: dvcq check --plan <tệp>.",
            "No plan files found under plans/. Name them: dvcq check --plan <file>.",
        )
    if as_of:
        from dvcq.dates import option_date

        day = option_date(as_of)
    from dvcq import collector

    # The report over tens of thousands of problems only allocates too: see dvcq.collector.
    with collector.paused():
        result = run_check(files, progress, day if as_of else None)
        if format == "json":
            from dvcq.rules.formats import to_json

            sys.stdout.write(to_json(result, i18n.lang()))
        elif format == "github":
            from dvcq.rules.formats import to_github

            sys.stdout.write(to_github(result, i18n.lang()))
        else:
            from dvcq.cli.problem_text import emit, problem_lines

            emit(problem_lines(result))
    return 1 if result.failed(strict) else 0
