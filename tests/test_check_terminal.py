"""`dvcq check` in a terminal: each problem and its hint wrapped at the terminal's width under a
hanging indent (a clerk's 80 columns), in colour; pipes and CI logs get one line per problem."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from dvcq.cli.problem_text import problem_lines, to_terminal
from dvcq.rules.check import check

BROKEN = Path(__file__).parent / "data" / "broken" / "deadline-outside-year.yaml"


def shown(width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    to_terminal(problem_lines(check([BROKEN])), console)
    return out.getvalue()


def test_at_80_columns_message_and_hint_wrap_under_their_indent() -> None:
    assert shown(80) == (
        f"{BROKEN}\n"
        "  46:15  cảnh báo  Thời hạn “Quý III/2025” thuộc năm 2025, không phải năm\n"
        "      của kế hoạch (2026).  (deadline-outside-year)\n"
        "      → Kiểm tra lại năm (thường do chép từ kế hoạch năm trước); nhiệm\n"
        "        vụ chuyển sang năm sau nên ghi vào kế hoạch năm sau.\n"
        "Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo.\n"
    )


def test_a_wide_terminal_keeps_one_line_each() -> None:
    lines = shown(200).splitlines()
    assert len(lines) == 4
    assert lines[1].startswith("  46:15  cảnh báo  Thời hạn") and lines[1].endswith(
        "(deadline-outside-year)"
    )
