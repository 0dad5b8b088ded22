"""The check report for people. Rich is loaded only for a terminal: CI logs get plain text fast."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from dvcq import i18n, rules
from dvcq.problems import Problem
from dvcq.rules.check import Result
from dvcq.visible import visible

Segment = tuple[str, str]  # (text, rich style or "")


def problem_lines(result: Result) -> Iterator[list[Segment]]:
    """The check report as styled lines: file headings, one line per problem, its hint, a total.
    One line at a time: tens of thousands of warnings are written, never all held at once."""
    lang = i18n.lang()
    error_word, warning_word = i18n.t("lỗi", "error"), i18n.t("cảnh báo", "warning")
    # A rule's words for the same parameters are the same: thousands of one warning (a copied
    # entry's duplicate-entry, its hint alike for all) are worded once.
    worded: dict[Any, tuple[str, str]] = {}
    for file, problems in groupby(result.problems, key=lambda p: p.file):
        yield [(visible(file, newlines=False), "bold underline")]
        for p in problems:
            is_error = rules.level_of(p) == rules.ERROR
            level = error_word if is_error else warning_word
            message, hint = _words(p, lang, worded)
            yield [
                (f"  {p.pos.line}:{p.pos.col}  ", ""),
                (level, "red" if is_error else "yellow"),
                (f"  {message}  ", ""),
                (f"({p.rule})", "dim"),
            ]
            yield [(f"      → {hint}", "dim")]
    errors, warnings = result.count(rules.ERROR), result.count(rules.WARNING)
    total = i18n.t(
        f"Đã kiểm tra {len(result.files)} tệp: {errors} lỗi, {warnings} cảnh báo.",
        f"Checked {len(result.files)} file(s): {errors} error(s), {warnings} warning(s).",
    )
    yield [(total, "red" if errors else ("yellow" if warnings else "green"))]


def _words(p: Problem, lang: str, worded: dict[Any, tuple[str, str]]) -> tuple[str, str]:
    """The problem's message and hint as printed, from `worded` when already worded."""
    try:
        # the types too: 1 and True are equal keys, and print differently
        key: Any = (p.rule, *p.params.items(), *map(type, p.params.values()))
        found = worded.get(key)
    except TypeError:  # a parameter that is a list: worded each time
        key = found = None
    if found is None:
        found = (
            visible(rules.message(p, lang), newlines=False),
            visible(rules.hint(p, lang), newlines=False),
        )
        if key is not None:
            worded[key] = found
    return found


def emit(lines: Iterable[list[Segment]]) -> None:
    """Colour in a terminal (rich); plain text in pipes and CI logs, without loading rich."""
    if not sys.stdout.isatty():
        write, batch = sys.stdout.write, []
        for line in lines:
            batch.append("".join([text for text, _ in line]))
            if len(batch) == 1000:  # few writes, and never the whole report in memory
                write("\n".join(batch) + "\n")
                batch = []
        if batch:
            write("\n".join(batch) + "\n")
        return
    from rich.console import Console

    to_terminal(lines, Console(highlight=False))


def to_terminal(lines: Iterable[list[Segment]], console: Any) -> None:
    """Each line in colour, wrapped at the terminal's width with a hanging indent, so that a long
    message or hint reads as a block under its position at 80 columns, not from the left edge."""
    from rich.text import Text

    for line in lines:
        text = Text.assemble(*line)
        lead = len(text.plain) - len(text.plain.lstrip(" "))
        indent = lead + 2 if text.plain.lstrip(" ").startswith("→") else max(lead, 4) + 2
        width = max(console.width - indent, 20)
        rows = text.wrap(console, width, overflow="fold")
        for i, row in enumerate(rows):
            row.rstrip()
            console.print(Text(" " * indent) + row if i else row, soft_wrap=True)
