"""Defects found in review of the new commands, each kept fixed by a test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cli_run import ROOT, SAMPLE, run

DATA = ROOT / "tests" / "data"


def test_a_member_of_a_group_is_urged_on_the_groups_tasks(tmp_path: Path) -> None:
    # PCM (Các phòng chuyên môn) has members HTQT, LS, QLBG and no entry is recorded: each
    # member was listed with no task at all ("- Phòng Lãnh sự: ")
    shutil.copytree(DATA / "groups", tmp_path / "ws")
    text = run("urge", "2026-H1", "--deadline", "2026-12-10", "-f", "text", cwd=tmp_path / "ws")
    assert text.returncode == 0, text.stderr
    assert not [line for line in text.stdout.splitlines() if line.endswith(": ")]
    md = run("urge", "2026-H1", "--deadline", "2026-12-10", "-f", "md", cwd=tmp_path / "ws")
    block = md.stdout.split("- Phòng Lãnh sự:")[1].split("\n- ")[0]
    assert re.findall(r"^\+ Mục ([IVX.0-9]+):.*\((chủ trì|phối hợp)\)\.$", block, re.M) == [
        ("II.1", "phối hợp"),
        ("II.1", "phối hợp"),
        ("II.2", "chủ trì"),
        ("II.3", "chủ trì"),
        ("II.3", "chủ trì"),
        ("II.4", "phối hợp"),
        ("II.4", "phối hợp"),
        ("III.1", "phối hợp"),
        ("III.2", "chủ trì"),
    ]


def test_a_report_names_silent_members_once(tmp_path: Path) -> None:
    # every member of PCM is silent: the group's line repeated the line above it word for word
    shutil.copytree(DATA / "groups", tmp_path / "ws")
    md = run("report", "2026-H1", "--unit", "PCM", "-f", "md", cwd=tmp_path / "ws")
    assert md.returncode == 0, md.stderr
    assert [line for line in md.stdout.splitlines() if "chưa báo cáo" in line] == [
        "- Đơn vị chưa báo cáo kết quả trong kỳ: Phòng Hợp tác quốc tế, Phòng Lãnh sự, Phòng "
        "Quản lý biên giới."
    ]


def test_a_name_longer_than_the_packages_properties_hold_still_renders(tmp_path: Path) -> None:
    from docx import Document

    name = "Sở " + "Ngoại vụ " * 40  # 363 characters; a .docx property holds 255
    made = run(
        "init", "ws", "--agency", name.strip(), "--code", "SNgV", "--year", "2027",
        "--superior", "Ủy ban nhân dân tỉnh Cao Bằng", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = run("render", "plan", "-o", "k.docx", cwd=tmp_path / "ws")
    assert (done.returncode, done.stderr) == (0, "")
    assert Document(str(tmp_path / "ws" / "k.docx")).core_properties.author == name[:255]


def _guide_end(ws: Path) -> str:
    from openpyxl import load_workbook

    made = run("form", "2026-H1", "--unit", "VP", "-o", "vp.xlsx", cwd=ws)
    assert made.returncode == 0, made.stderr
    guide = load_workbook(ws / "vp.xlsx")["Hướng dẫn"]
    return str(guide.cell(guide.max_row, 1).value)


def test_the_form_goes_back_to_the_plans_drafting_unit_not_a_fixed_office(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    assert (
        _guide_end(tmp_path / "ws") == "10. Lưu tệp ở dạng Excel (.xlsx) và gửi lại Văn phòng Sở."
    )
    plan = tmp_path / "ws" / "plans" / "2026.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Lưu: VT, VP.", "Lưu: VT."), "utf-8")
    (tmp_path / "ws" / "vp.xlsx").unlink()
    assert _guide_end(tmp_path / "ws") == (
        "10. Lưu tệp ở dạng Excel (.xlsx) và gửi lại nơi đã gửi biểu này."
    )


def test_as_of_takes_the_day_first_as_a_clerk_types_it() -> None:
    iso = run("status", "--format", "json", "--as-of", "2026-06-30")
    assert iso.returncode == 0, iso.stderr
    assert '"as_of": "2026-06-30"' in iso.stdout
    for typed in ("30/6/2026", "30/06/2026", " 30.06.2026 "):
        assert run("status", "--format", "json", "--as-of", typed).stdout == iso.stdout
    said = run("status", "--as-of", "31/6/2026")
    assert (said.returncode, said.stderr) == (
        2,
        "Lỗi: Ngày “31/6/2026” không có thật (tháng 6/2026 không có ngày 31).\n",
    )
    said = run("status", "--as-of", " 2026-02-30 ")  # padded as typed: still named as a day
    assert (said.returncode, said.stderr) == (
        2,
        "Lỗi: Ngày “ 2026-02-30 ” không có thật (tháng 02/2026 không có ngày 30).\n",
    )
    said = run("status", "--as-of", "1/1/0000")
    assert said.stderr == "Lỗi: Ngày “1/1/0000” không có thật (không có năm 0000).\n"
    said = run("status", "--as-of", "1/13/2026", "--lang", "en")
    assert (said.returncode, said.stderr) == (
        2,
        "Error: Date “1/13/2026” does not exist (there is no month 13).\n",
    )


def test_a_month_past_twelve_on_the_line_is_named_as_no_month() -> None:
    said = run("status", "--as-of", "2026-13-01")
    assert (said.returncode, said.stderr) == (
        2,
        "Lỗi: Ngày “2026-13-01” không có thật (không có tháng 13).\n",
    )
