"""The cause of a YAML syntax error, in a clerk's terms, from PyYAML's words and the text.

PyYAML (libyaml or the pure-Python parser, whose words differ) says what the parser expected
("did not find expected key"); a clerk needs what they did ("a tab in the indentation", "a colon
inside unquoted text"). `cause` looks at the parser's words, its two marks and the lines around
them, and gives a cause code (the words are `yaml-syntax`'s in `rules/reading.py`), the position
of the cause itself (the opening quote, not the end of the file) and the message's parameters.
This module does not import yaml: `yamlio` hands it plain marks and the last tokens it read.
"""

from __future__ import annotations

import re
from typing import Any

from dvcq.problems import Pos
from dvcq.record import record


@record(frozen=True)
class Token:
    """A token the scanner read before the error: `kind` is "scalar", "flow-start", "flow-end"
    or "other"; `style` is the quote of a quoted scalar ("" otherwise); positions are 1-based."""

    kind: str
    start: Pos
    end: Pos
    style: str = ""


@record(frozen=True)
class Cause:
    code: str  # a key of the causes declared for `yaml-syntax`
    pos: Pos
    params: dict[str, Any]


_INDENT_WORDS = ("did not find expected key", "expected <block end>", "document start")
_KEY_CHARS = 40  # a key quoted in a hint; a longer "key" is a line of text, not a key


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _previous_content(lines: list[str], number: int) -> int:
    """The line number of the nearest line above `number` that holds more than a comment."""
    for n in range(number - 1, 0, -1):
        row = _line(lines, n).strip()
        if row and not row.startswith("#"):
            return n
    return 0


def _tab_in(lines: list[str], pos: Pos | None) -> Pos | None:
    """A tab in the indentation of `pos`'s line, or at `pos` itself."""
    if pos is None:
        return None
    row = _line(lines, pos.line)
    lead = row[: len(row) - len(row.lstrip(" \t"))]
    if "\t" in lead:
        return Pos(pos.line, lead.index("\t") + 1)
    if 0 < pos.col <= len(row) and row[pos.col - 1] == "\t":
        return Pos(pos.line, pos.col)
    return None


def _key_of(row: str) -> str:
    """`owner:` for a line `  - owner: VP` (with its colon, so that a key named like a message
    code, "text", is never taken for one)."""
    m = re.match(r"\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)", row)
    key = m[1].strip() if m else ""
    return f"{key}:" if key and len(key) <= _KEY_CHARS else "khóa:"


def cause(
    problem: str,
    context: str,
    problem_pos: Pos | None,
    context_pos: Pos | None,
    text: str,
    tokens: list[Token],
) -> Cause:
    """Why the parser stopped, where the cause is, and the words' parameters."""
    lines = text.split("\n")
    at = problem_pos or context_pos or Pos(1, 1)
    reason = " ".join(f"{context} {problem}".split()) if context else " ".join(problem.split())
    where = {"reason": reason}

    tab = _tab_in(lines, at) or _tab_in(lines, context_pos)
    if tab is not None and ("token" in problem or "tab" in problem or "indentation" in problem):
        return Cause("tab", tab, where)
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        opening = context_pos or at
        quote = _line(lines, opening.line)[opening.col - 1 : opening.col] or '"'
        return Cause("unclosed-quote", opening, {**where, "quote": quote})
    if "quoted scalar" in context:  # an escape: "\U", "\s" in a double-quoted value
        row = _line(lines, at.line)
        back = row.rfind("\\", 0, at.col)
        spot = Pos(at.line, back + 1) if back >= 0 else at
        shown = row[back : back + 2] if back >= 0 else "\\"
        return Cause("bad-escape", spot, {**where, "escape": shown})
    if "expected a single document" in context or "another document" in problem:
        return Cause("second-document", at, where)
    if "mapping values are not allowed" in problem:
        return _colon(lines, at, where)
    if "sequence entries are not allowed" in problem:
        return Cause("dash-after-key", at, {**where, "key": _key_of(_line(lines, at.line))})
    if "could not find expected ':'" in problem:
        return _no_colon(lines, context_pos or at, where)
    if "expected '-' indicator" in problem or (
        "block collection" in context and "block end" in problem
    ):
        start = context_pos or at
        return Cause("missing-dash", at, {**where, "list_line": start.line})
    if "flow sequence" in context or "flow mapping" in context or "flow node" in context:
        named = context_pos if "flow node" not in context else None  # "flow node": at the end
        opening = named or _open_flow(tokens) or at
        bracket = _line(lines, opening.line)[opening.col - 1 : opening.col] or "["
        close = "]" if bracket == "[" else "}"
        return Cause("unclosed-bracket", opening, {**where, "bracket": bracket, "close": close})
    if any(words in problem for words in _INDENT_WORDS):
        return _after_value(lines, at, tokens, where)
    if (
        "cannot start any token" in problem
        or "alphabetic or numeric" in problem
        or ("block scalar" in context or "directive" in context)
    ):
        spot = context_pos if context_pos and "next token" not in context else at
        char = _line(lines, spot.line)[spot.col - 1 : spot.col]
        return Cause("reserved-character", spot, {**where, "char": char})
    return Cause("other", at, where)


def _colon(lines: list[str], at: Pos, where: dict[str, Any]) -> Cause:
    """`key: a: b` (a colon inside unquoted text) or a line indented deeper than the one above."""
    row = _line(lines, at.line)
    first = re.search(r":(\s|$)", row)
    if first is not None and first.start() + 1 < at.col:
        return Cause("colon-in-text", at, {**where, "key": _key_of(row)})
    above = _previous_content(lines, at.line)
    if above and _indent(row) > _indent(_line(lines, above)):
        start = Pos(at.line, _indent(row) + 1)
        return Cause("indentation", start, _indents(lines, at.line, above, where))
    return Cause("colon-in-text", at, {**where, "key": _key_of(row)})


def _indents(lines: list[str], line: int, above: int, where: dict[str, Any]) -> dict[str, Any]:
    return {
        **where,
        "spaces": _indent(_line(lines, line)),
        "above": above,
        "above_spaces": _indent(_line(lines, above)),
    }


def _no_colon(lines: list[str], start: Pos, where: dict[str, Any]) -> Cause:
    """A line with no `key:` where a key was due: an item whose "- " was left out (its siblings
    above, at the same indentation, start with "- "), text meant to continue the line above, or
    a key whose colon was forgotten."""
    row = _line(lines, start.line)
    above = _previous_content(lines, start.line)
    for n in range(start.line - 1, 0, -1):
        other = _line(lines, n)
        if not other.strip() or other.lstrip().startswith("#"):
            continue
        if _indent(other) < _indent(row):
            break
        if _indent(other) == _indent(row):
            if other.lstrip().startswith("- "):
                return Cause("missing-dash", start, {**where, "list_line": n})
            break
    if above and re.search(r"[|>][-+0-9]*\s*(#.*)?$", _line(lines, above).rstrip()):
        key = _key_of(_line(lines, above))
        return Cause("block-text-indent", start, {**where, "above": above, "key": key})
    return Cause("missing-colon", start, where)


def _after_value(lines: list[str], at: Pos, tokens: list[Token], where: dict[str, Any]) -> Cause:
    """A block mapping ended where the parser wanted a key: text after a closing quote or
    bracket on the same line, else a line whose indentation matches no key above it."""
    last = tokens[-1] if tokens else None
    if last is not None and last.end.line == at.line:
        if last.kind == "scalar" and last.style:
            closing = Pos(last.end.line, last.end.col - 1)
            params = {**where, "quote": last.style, "open_line": last.start.line}
            return Cause("text-after-quote", closing, {**params, "open_col": last.start.col})
        if last.kind == "flow-end":
            opening = _open_flow(tokens[:-1], closed=True) or at
            bracket = _line(lines, opening.line)[opening.col - 1 : opening.col] or "["
            return Cause("text-after-bracket", opening, {**where, "bracket": bracket})
    row = _line(lines, at.line)
    above = _previous_content(lines, at.line)
    start = Pos(at.line, _indent(row) + 1)
    return Cause("indentation", start, _indents(lines, at.line, above, where))


def _open_flow(tokens: list[Token], closed: bool = False) -> Pos | None:
    """The `[` or `{` still open at the end of `tokens` (with `closed`: the one the last `]`
    or `}` closed)."""
    depth = 1 if closed else 0
    for token in reversed(tokens):
        if token.kind == "flow-end":
            depth += 1
        elif token.kind == "flow-start":
            if depth == 0 or (closed and depth == 1):
                return token.start
            depth -= 1
    return None
