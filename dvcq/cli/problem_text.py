"""The check report for people. Rich is loaded only for a terminal: CI logs get plain text fast."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import groupby

from dvcq import i18n, rules
from dvcq.rules.check import Result
from dvcq.visible import visible

Segment = tuple[str, str]  # (text, rich style or "")


def problem_lines(result: Result) -> Iterator[list[Segment]]:
    """The check report as styled lines: file headings, one line per problem, its hint, a total.
    One line at a time: tens of thousands of warnings are written, never all held at once."""
    lang = i18n.lang()
    error_word, warning_word = i18n.t("lỗi", "error"), i18n.t("cảnh báo", "warning")
    for file, problems in groupby(result.problems, key=lambda p: p.file):
        yield [(visible(file, newlines=False), "bold underline")]
        for p in problems:
            is_error = rules.level_of(p) == rules.ERROR
            level = error_word if is_error else warning_word
            yield [
                (f"  {p.pos.line}:{p.pos.col}  ", ""),
                (level, "red" if is_error else "yellow"),
                (f"  {visible(rules.message(p, lang), newlines=False)}  ", ""),
                (f"({p.rule})", "dim"),
            ]
            yield [(f"      → {visible(rules.hint(p, lang), newlines=False)}", "dim")]
    errors, warnings = result.count(rules.ERROR), result.count(rules.WARNING)
    total = i18n.t(
        f"Đã kiểm tra {len(result.files)} tệp: {errors} lỗi, {warnings} cảnh báo.",
        f"Checked {len(result.files)} file(s): {errors} error(s), {warnings} warning(s).",
    )
    yield [(total, "red" if errors else ("yellow" if warnings else "green"))]


def emit(lines: Iterable[list[Segment]]) -> None:
    """Colour in a terminal (rich); plain text in pipes and CI logs, without loading rich."""
    if not sys.stdout.isatty():
        write = sys.stdout.write
        for line in lines:
            write("".join([text for text, _ in line]) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
