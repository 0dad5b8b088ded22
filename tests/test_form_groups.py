"""`dvcq form` and `dvcq progress import` with unit groups (tests/data/groups: PCM, Các phòng
chuyên môn, has the members HTQT, LS and QLBG). A member's sheet holds its group's tasks, a group
has no sheet of its own (one per member instead), and a member's returned form becomes entries
the progress rules accept."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from cli_run import ROOT, run
from openpyxl import load_workbook

GROUPS = ROOT / "tests" / "data" / "groups"
GIVEN_LEAD = "Chủ trì (giao cho Các phòng chuyên môn)"
GIVEN_SUPPORT = "Phối hợp (giao cho Các phòng chuyên môn)"
# Every task PCM leads or supports, in document order: a member's sheet holds them all.
MEMBER_ROWS = [
    ("II.1", GIVEN_SUPPORT, "ban-hanh-ke-hoach-cu-the"),
    ("II.1", GIVEN_SUPPORT, "doi-moi-tuyen-truyen-van-dong"),
    ("II.2", GIVEN_LEAD, "quan-triet-van-ban-dan-van"),
    ("II.3", GIVEN_LEAD, "chuong-trinh-tong-the-cai-cach"),
    ("II.3", GIVEN_LEAD, "dao-duc-van-hoa-cong-vu"),
    ("II.4", GIVEN_SUPPORT, "nghi-dinh-phan-anh-kien-nghi"),
    ("II.4", GIVEN_SUPPORT, "quy-che-tiep-cong-dan"),
    ("III.1", GIVEN_SUPPORT, "tham-muu-tiep-cong-dan-don-thu"),
    ("III.2", GIVEN_LEAD, "quan-triet-long-ghep-ke-hoach"),
]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(GROUPS, tmp_path / "ws")
    return tmp_path / "ws"


def rows(sheet) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (sheet.cell(r, 1).value, sheet.cell(r, 4).value, sheet.cell(r, sheet.max_column).value)
        for r in range(6, sheet.max_row + 1)
    ]


def test_a_form_of_every_unit_has_a_sheet_per_member_and_none_for_the_group(ws: Path) -> None:
    done = run("form", "2026-H1", "-o", "all.xlsx", cwd=ws)
    assert (done.returncode, done.stdout, done.stderr) == (0, "Đã ghi all.xlsx.\n", "")
    wb = load_workbook(ws / "all.xlsx")
    assert wb.sheetnames == ["VP", "HTQT", "LS", "QLBG", "LDS", "Hướng dẫn", "_dvcq"]
    for member in ("HTQT", "LS", "QLBG"):
        assert rows(wb[member]) == MEMBER_ROWS
    assert wb["LS"]["A2"].value == "Đơn vị: Phòng Lãnh sự"
    assert wb["Hướng dẫn"]["A4"].value == (
        "2. Mỗi dòng là một nhiệm vụ của đơn vị. Chỉ điền vào các ô màu vàng; các ô khác đã khóa. "
        "Vai trò ghi “giao cho …” là nhiệm vụ kế hoạch giao cho nhóm có đơn vị là thành viên: đơn "
        "vị báo cáo phần việc của mình."
    )
    # a unit outside the group keeps its own roles, unmarked
    assert rows(wb["LDS"])[:2] == [
        ("II.1", "Chủ trì", "ban-hanh-ke-hoach-cu-the"),
        ("II.1", "Chủ trì", "doi-moi-tuyen-truyen-van-dong"),
    ]


def test_a_form_for_the_group_is_one_sheet_per_member(ws: Path) -> None:
    done = run("form", "2026-H1", "--unit", "PCM", "-o", "pcm.xlsx", cwd=ws)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Đã ghi pcm.xlsx. PCM là nhóm đơn vị: mỗi đơn vị thành viên một trang (HTQT, LS, QLBG).\n"
    )
    wb = load_workbook(ws / "pcm.xlsx")
    assert wb.sheetnames == ["HTQT", "LS", "QLBG", "Hướng dẫn", "_dvcq"]
    meta = [(r[0].value, r[2].value) for r in wb["_dvcq"].iter_rows() if r[1].value == "unit"]
    assert meta == [("HTQT", "HTQT"), ("LS", "LS"), ("QLBG", "QLBG")]
    en = run("form", "2026-H1", "--unit", "PCM", "-o", "pcm-en.xlsx", "--lang", "en", cwd=ws)
    assert en.stdout == (
        "Wrote pcm-en.xlsx. PCM is a unit group: one sheet per member (HTQT, LS, QLBG).\n"
    )


def test_a_members_returned_form_is_imported_as_the_members_entries(ws: Path) -> None:
    done = run("form", "2026-H1", "--unit", "LS", "-o", "ls.xlsx", cwd=ws)
    assert (done.returncode, done.stdout) == (0, "Đã ghi ls.xlsx.\n")
    wb = load_workbook(ws / "ls.xlsx")
    sheet = wb["Nhiệm vụ"]
    assert rows(sheet) == MEMBER_ROWS
    sheet["C3"] = "Lê Thị Lan"
    # II.2, the group's task PCM leads, in row 8; its indicator is the plan's fifth, column M
    assert sheet["A8"].value == "II.2"
    assert sheet["M5"].value == "Buổi quán triệt, tuyên truyền (buổi)"
    for cell, value in (
        ("E8", "Đang thực hiện"),
        ("F8", dt.datetime(2026, 5, 20)),
        ("G8", "Quán triệt tại Phòng Lãnh sự."),
        ("M8", 2),
    ):
        assert sheet[cell].protection.locked is False
        sheet[cell] = value
    wb.save(ws / "ls.xlsx")
    imported = run("progress", "import", "ls.xlsx", cwd=ws)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == ""
    assert imported.stdout.endswith("Đã ghi 1 mục, bỏ qua 0 mục đã có, 0 lỗi.\n")
    month = (ws / "progress" / "2026" / "2026-05.yaml").read_text(encoding="utf-8")
    line = month.splitlines()[-1]
    entry = json.loads(line[2:])
    assert {k: entry[k] for k in ("task", "unit", "date", "status", "values", "author")} == {
        "task": "quan-triet-van-ban-dan-van",
        "unit": "LS",
        "date": "2026-05-20",
        "status": "dang-thuc-hien",
        "values": {"buoi-quan-triet": 2},
        "author": "Lê Thị Lan",
    }
    checked = run("check", "--format", "json", cwd=ws)
    rules = [p["rule"] for p in json.loads(checked.stdout)["problems"]]
    assert rules == ["citation-type-mismatch"]  # the plan's one warning: LS may report it
    board = json.loads(run("status", "--period", "2026-H1", "--format", "json", cwd=ws).stdout)
    assert board["groups"] == [{"unit": "PCM", "reported": ["LS"], "silent": ["HTQT", "QLBG"]}]
    again = run("progress", "import", "ls.xlsx", cwd=ws)
    assert again.stdout.endswith("Đã ghi 0 mục, bỏ qua 1 mục đã có, 0 lỗi.\n")


def test_a_role_is_the_strongest_way_the_task_reaches_the_unit() -> None:
    from types import SimpleNamespace
    from typing import Any

    from dvcq.model import Task, Unit
    from dvcq.units import Units

    plan: Any = SimpleNamespace(
        units=[
            Unit(id="PCM", name="PCM", members=["P1", "P2"]),
            *(Unit(id=u, name=u) for u in ("P1", "P2", "VP")),
        ]
    )
    units = Units(plan)
    group_leads = Task(id="a", text="a", owner="PCM", support=["P1"])
    assert units.role("P1", group_leads) == ("lead", "PCM")  # leading before supporting
    both_support = Task(id="b", text="b", owner="VP", support=["PCM", "P1"])
    assert units.role("P1", both_support) == ("support", "P1")  # the unit before its group
    assert units.role("P2", both_support) == ("support", "PCM")
    assert units.role("VP", group_leads) is None
    assert units.role("PCM", Task(id="c", text="c", owner="P1")) is None  # not downwards


def test_a_form_without_a_groups_task_keeps_the_plain_guide(ws: Path) -> None:
    assert run("form", "2026-H1", "--unit", "LDS", "-o", "lds.xlsx", cwd=ws).returncode == 0
    guide = load_workbook(ws / "lds.xlsx")["Hướng dẫn"]["A4"].value
    assert guide == (
        "2. Mỗi dòng là một nhiệm vụ của đơn vị. Chỉ điền vào các ô màu vàng; các ô khác đã khóa."
    )
