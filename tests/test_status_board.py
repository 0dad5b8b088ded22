"""`dvcq status` as a clerk reads it at 80 and at 120 columns: every row tells its task apart
(its number, its place in the plan and its short title, wrapped, never a slice of its id), the
title says what is shown, and days are dd/mm/yyyy in Vietnamese (ISO with --lang en)."""

from __future__ import annotations

import re

import pytest
from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, run

from dvcq.rules.check import open_plan
from dvcq.titles import short_title

ARGS = ("--plan", str(SAMPLE_PLAN), "--progress", str(SAMPLE_PROGRESS), "--as-of", "2026-07-10")


def board(columns: int, *extra: str) -> str:
    done = run("status", "--period", "2026-H1", *ARGS, *extra, env={"COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    return done.stdout


def rows(text: str) -> dict[int, str]:
    """Each task's row, its wrapped lines joined: the number in the TT column starts a row."""
    out: dict[int, str] = {}
    current = 0
    for line in text.splitlines():
        m = re.match(r"\s*(\d+)\s+(I|II|III|IV|V|VI)\.\d+\s", line)
        if m:
            current = int(m[1])
            out[current] = line
        elif current and line.strip() and not line.lstrip().startswith("─"):
            out[current] += " " + line
    return out


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("columns", [80, 120])
def test_every_row_tells_its_task_apart(columns: int) -> None:
    text = board(columns)
    assert max(len(line) for line in text.splitlines()) <= columns
    tasks = open_plan(SAMPLE_PLAN).tasks()
    found = rows(text)
    assert sorted(found) == list(range(1, len(tasks) + 1)) == list(range(1, 12))
    for n, task in enumerate(tasks, 1):
        row = words(found[n])
        title = short_title(task)
        # The title, wrapped in its column: its words in order, first and last among them.
        assert title.split()[0] in row and title.split()[-1] in row, (n, row)
        assert task.id not in row and task.id[:9] not in row  # never the id, nor a slice
    assert "…" not in text
    assert "14/06/2026" in text and "10/07/2026" in text  # dd/mm/yyyy
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    # Row 4 at 80 columns, exactly: number, section, title over lines, owner, status, day.
    if columns == 80:
        assert words(found[4]) == (
            "4 II.2 Quán triệt, tuyên truyền PCM Đang thực 11/06/2026 các Kết luận, Chỉ thị, "
            "hiện Quyết định, Hướng dẫn về công tác dân vận"
        )


def test_the_title_says_what_is_filtered() -> None:
    text = board(80, "--unit", "VP")
    head = words(" ".join(text.splitlines()[:2]))
    assert head == (
        "Tình hình thực hiện kỳ 2026-H1, đơn vị VP (Văn phòng Sở): số liệu từ 15/12/2025 đến "
        "14/06/2026, tính đến 10/07/2026"
    )
    # The tasks VP leads or supports, each by its number among all the plan's tasks: the 11th
    # (the divisions' own) is the one left out.
    assert sorted(rows(text)) == list(range(1, 11))
    pcm = board(80, "--unit", "PCM")
    assert 3 not in rows(pcm) and words(rows(pcm)[11]).startswith("11 III.2 Quán triệt Kế hoạch")


def test_indicators_come_in_their_own_table_on_request() -> None:
    plain, asked = board(80), board(80, "--indicators")
    assert "Lượt tiếp công dân" not in plain
    assert "Số liệu chỉ tiêu" in asked
    line = next(x for x in asked.splitlines() if "Lượt tiếp" in x)  # wrapped in its column
    assert line.split()[-2:] == ["5", "lượt"]


def test_english_days_are_iso() -> None:
    done = run("--lang", "en", "status", "--period", "2026-H1", *ARGS, env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    assert "data 2025-12-15 to 2026-06-14, as of 2026-07-10" in words(done.stdout)
