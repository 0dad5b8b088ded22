"""`dvcq export xlsx`: the board and the period's entries as a workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_run import ROOT, SAMPLE_PLAN, SAMPLE_PROGRESS, Result, dvcq_as_is

from dvcq.rules.check import open_plan

PLAN = SAMPLE_PLAN
SAMPLE = SAMPLE_PROGRESS
AS_OF = "2026-06-30"


def dvcq(*args: str | Path, cwd: Path = ROOT) -> Result:
    """As a clerk runs it, on the sample plan (in ROOT, plans/ would give the agency's own)."""
    return dvcq_as_is(*args, "--plan", PLAN, cwd=cwd)


def export(out: Path, period: str = "2026-H1", *extra: str) -> Path:
    run = dvcq("export", "xlsx", period, "--progress", SAMPLE, "--as-of", AS_OF, "-o", out, *extra)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"Đã ghi {out}.\n"
    return out


@pytest.fixture(scope="module")
def board() -> dict[str, Any]:
    run = dvcq(
        "status", "--period", "2026-H1", "--progress", SAMPLE, "--as-of", AS_OF, "--format", "json"
    )
    assert run.returncode == 0, run.stderr
    data: dict[str, Any] = json.loads(run.stdout)
    return data


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("xlsx") / "tinh-hinh.xlsx")


def test_task_sheet_matches_the_board(book: Path, board: dict[str, Any]) -> None:
    plan = open_plan(PLAN)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["Nhiệm vụ", "Mục tiến độ"]
    ws = wb["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    figures = [f"{i.name} ({i.unit})" for i in plan.indicators]
    assert header == [
        "Mục",
        "Tên mục",
        "Mã nhiệm vụ",
        "Nội dung nhiệm vụ",
        "Chủ trì",
        "Tình trạng",
        "Cập nhật lần cuối",
        "Số mục trong kỳ",
        "Quá hạn",
        *figures,
    ]
    assert all(c.font.bold for c in ws[1]) and ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(board["tasks"]) == len(plan.tasks())
    labels = {"hoan-thanh": "Hoàn thành", "dang-thuc-hien": "Đang thực hiện"}
    keys = [i.key for i in plan.indicators]
    for row, expected in zip(rows, board["tasks"], strict=True):
        assert row[0] == expected["section"] and row[2] == expected["task"]
        assert row[5] == labels[expected["status"]]
        assert row[6] == dt.datetime.fromisoformat(expected["last_update"])
        assert row[7] == expected["entries"]
        got = {k: v for k, v in zip(keys, row[9:], strict=True) if v is not None}
        assert got == expected["indicators"]
    assert ws["G2"].number_format == "dd/mm/yyyy"


def test_entry_sheet_holds_the_period_entries(book: Path, board: dict[str, Any]) -> None:
    ws = openpyxl.load_workbook(book)["Mục tiến độ"]
    header = [c.value for c in ws[1]]
    assert header[:7] == [
        "Ngày",
        "Mã mục",
        "Mã nhiệm vụ",
        "Đơn vị",
        "Tình trạng",
        "Kết quả",
        "Văn bản",
    ]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(t["entries"] for t in board["tasks"]) > 0
    days = [r[0] for r in rows]
    assert days == sorted(days)
    window = board["window"]
    assert all(window["start"] <= d.date().isoformat() <= window["end"] for d in days)
    assert ws.freeze_panes == "A2" and all(c.font.bold for c in ws[1])


def test_deterministic_and_dated_by_the_period(book: Path, tmp_path: Path) -> None:
    again = export(tmp_path / "again.xlsx")
    assert again.read_bytes() == book.read_bytes()
    props = openpyxl.load_workbook(book).properties
    assert props.creator == "Sở Ngoại vụ"
    assert props.created == props.modified == dt.datetime(2026, 6, 14)


def test_refusals(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"keep")
    run = dvcq("export", "xlsx", "2026-H1", "--progress", SAMPLE, "-o", out)
    assert run.returncode == 1 and "--force" in run.stderr and out.read_bytes() == b"keep"
    export(out, "2026-H1", "--force")
    wrong = dvcq("export", "xlsx", "2026-H1", "--progress", SAMPLE, "-o", tmp_path / "x.csv")
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr and "Traceback" not in wrong.stderr


def test_an_empty_period_gives_the_tasks_and_no_entries(tmp_path: Path) -> None:
    empty = tmp_path / "progress"
    (empty / "2026").mkdir(parents=True)
    out = tmp_path / "x.xlsx"
    run = dvcq("export", "xlsx", "2026-01", "--progress", empty, "--as-of", AS_OF, "-o", out)
    assert run.returncode == 0, run.stderr
    wb = openpyxl.load_workbook(out)
    assert wb["Nhiệm vụ"].max_row == 12 and wb["Mục tiến độ"].max_row == 1
    assert {r[5] for r in wb["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)} == {
        "Chưa có báo cáo"
    }
