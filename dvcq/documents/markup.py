"""The small Markdown subset that document templates write, parsed into blocks for the layout.

| written                 | block       | printed as (Nghị định 30/2020, Phụ lục I)                 |
|-------------------------|-------------|-----------------------------------------------------------|
| `## I. MỤC ĐÍCH`        | `part`      | a mục heading: UPPER, bold                                |
| `### 1. Tiêu đề`        | `clause`    | a khoản title: bold, on its own line                      |
| `- text`, `+ text`      | `para`      | a bullet: a body paragraph that keeps its dash            |
| any other text          | `para`      | a body paragraph (`1. …`, `a) …` are plain text too)      |
| `\\| a \\| b \\|` rows      | `table`     | a table; a row of dashes (`\\|---\\|---\\|`) ends the header |
|                         |             | and sets the column widths: in proportion to the dashes;  |
|                         |             | a second one, after the body, starts the footer (bold:    |
|                         |             | the "Tổng cộng" row);                                     |
|                         |             | `---:` right-aligns a column's cells (figures), `:---:`   |
|                         |             | centres them (a TT column, dates)                         |
| `# Phụ lục I` lines     | `appendix`  | an appendix heading on a new page (consecutive lines)     |
| `# [khổ ngang]`         |             | among them: that appendix's pages are landscape           |

Lines of one paragraph are joined with a space and a blank line ends it, as in Markdown; a line
starting with `- ` or `+ ` always starts a new paragraph. There is no inline markup: text prints
as written. A backslash makes the next `\\`, `#` or `|` literal; templates get that escaping from
the `para` filter, so data can never turn into a heading or a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from dvcq.errors import DvcqError

Kind = Literal["part", "clause", "para", "table", "appendix"]

_HEADING = re.compile(r"(#+) +(.*)")
_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
_ESCAPED = re.compile(r"\\([\\#|])")
_CELL_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)\|")  # a `|` not escaped by an odd run of `\`
LANDSCAPE = "[khổ ngang]"  # an appendix heading line that asks for landscape pages
_LEVELS: dict[int, Kind] = {1: "appendix", 2: "part", 3: "clause"}


@dataclass
class Block:
    kind: Kind
    line: int  # where the block starts in the Markdown, 1-based, for messages
    text: str = ""  # part, clause, para
    lines: list[str] = field(default_factory=list)  # appendix: its heading lines
    rows: list[list[str]] = field(default_factory=list)  # table
    header_rows: int = 0  # table: how many of `rows` form its header
    footer_from: int | None = None  # table: the first row after a second row of dashes (totals)
    widths: list[int] = field(default_factory=list)  # table: dashes per column of its header rule
    landscape: bool = False  # appendix: on landscape pages (a `# [khổ ngang]` line)
    right: list[bool] = field(default_factory=list)  # table: columns written `---:` (figures)
    center: list[bool] = field(default_factory=list)  # table: columns written `:---:` (TT, dates)


def escape(text: str) -> str:
    """Text as one paragraph of the subset: whitespace collapsed, markup characters escaped."""
    return re.sub(r"([\\#|])", r"\\\1", " ".join(text.split()))


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _cells(line: str) -> list[str]:
    cells = _split_cells(line.strip()[1:])
    if len(cells) > 1 and not cells[-1].strip():
        cells.pop()  # the closing `|`
    return [unescape(cell.strip()) for cell in cells]


def _split_cells(text: str) -> list[str]:
    cells, start = [], 0
    for m in _CELL_BREAK.finditer(text):
        cells.append(text[start : m.end() - 1])
        start = m.end()
    cells.append(text[start:])
    return cells


def parse(text: str) -> list[Block]:
    """Split Markdown text into blocks; an unsupported heading level stops with its line."""
    blocks: list[Block] = []
    current: Block | None = None  # the paragraph, table or appendix heading being read
    # Only \n ends a line: str.splitlines() would also split at characters such as U+000B.
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            current = None
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            kind = _LEVELS.get(len(heading[1]))
            if kind is None:
                raise DvcqError(
                    f"Nội dung văn bản, dòng {n}: không dùng được tiêu đề cấp "
                    f"“{heading[1]}” (chỉ có #, ## và ###).",
                    f"Document text, line {n}: heading level “{heading[1]}” is not supported "
                    "(only #, ## and ###).",
                )
            words = unescape(heading[2].strip())
            if kind == "appendix":
                if current is None or current.kind != "appendix":
                    current = Block("appendix", n)
                    blocks.append(current)
                if words == LANDSCAPE:
                    current.landscape = True
                else:
                    current.lines.append(words)
            else:
                blocks.append(Block(kind, n, text=words))
                current = None
        elif line.startswith("|"):
            if current is None or current.kind != "table":
                current = Block("table", n)
                blocks.append(current)
            if _SEPARATOR.fullmatch(line):
                # The first row of dashes ends the header; a later one, after rows of the body,
                # starts the footer (a "Tổng cộng" row, printed bold); any other is dropped.
                body = len(current.rows) > current.header_rows
                if current.widths and current.footer_from is None and body:
                    current.footer_from = len(current.rows)
                if not current.widths:
                    # The dashes are the template's say on column widths (a task column needs
                    # more room than a date column), without any markup of their own.
                    rule = _split_cells(line.strip("|"))
                    current.widths = [cell.count("-") for cell in rule]
                    ends = [(c.strip().startswith(":"), c.strip().endswith(":")) for c in rule]
                    current.right = [end and not start for start, end in ends]
                    current.center = [start and end for start, end in ends]
                current.header_rows = current.header_rows or len(current.rows)
            else:
                current.rows.append(_cells(line))
        elif current is not None and current.kind == "para" and not line.startswith(("- ", "+ ")):
            current.text += " " + unescape(line)
        else:
            current = Block("para", n, text=unescape(line))
            blocks.append(current)
    return blocks
