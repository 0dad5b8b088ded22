"""Unit groups: PCM (Các phòng chuyên môn) with three phòng as members, in a copy of the sample
plan (tests/data/groups/). A member's entries count for the group's tasks; the board, `--unit`
and the report say which member reported and which is silent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_run import ROOT, add_args, run

GROUPS = ROOT / "tests" / "data" / "groups"
# Three entries of May 2026: HTQT on a task PCM owns, LS on a task PCM supports, LDS on its own.
ENTRIES = [
    ("20260505-00000001", "quan-triet-van-ban-dan-van", "HTQT", "Quán triệt tại phòng."),
    ("20260506-00000002", "nghi-dinh-phan-anh-kien-nghi", "LS", "Phối hợp tiếp nhận phản ánh."),
    ("20260507-00000003", "boi-duong-dao-duc-cong-vu", "LDS", "Kiểm tra kỷ luật công vụ."),
]
PCM_TASKS = [
    "ban-hanh-ke-hoach-cu-the",
    "doi-moi-tuyen-truyen-van-dong",
    "quan-triet-van-ban-dan-van",
    "chuong-trinh-tong-the-cai-cach",
    "dao-duc-van-hoa-cong-vu",
    "nghi-dinh-phan-anh-kien-nghi",
    "quy-che-tiep-cong-dan",
    "tham-muu-tiep-cong-dan-don-thu",
    "quan-triet-long-ghep-ke-hoach",
]


def line(entry_id: str, task: str, unit: str, result: str) -> str:
    data = {
        "id": entry_id,
        "task": task,
        "date": f"2026-05-{entry_id[6:8]}",
        "unit": unit,
        "status": "dang-thuc-hien",
        "result": result,
        "author": "A",
    }
    return "- " + json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(GROUPS, tmp_path / "ws")
    folder = tmp_path / "ws" / "progress" / "2026"
    folder.mkdir(parents=True)
    (folder / "2026-05.yaml").write_text("".join(line(*e) for e in ENTRIES), encoding="utf-8")
    return tmp_path / "ws"


def status(ws: Path, *args: str) -> dict[str, Any]:
    done = run("status", "--format", "json", *args, cwd=ws)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_a_members_entry_on_the_groups_task_draws_no_warning(ws: Path) -> None:
    done = run("check", "--format", "json", cwd=ws)
    rules = [p["rule"] for p in json.loads(done.stdout)["problems"]]
    assert rules == ["citation-type-mismatch"]  # the bundled plan's one warning, nothing else


def test_the_board_names_the_silent_member(ws: Path) -> None:
    data = status(ws)
    assert data["silent_units"] == ["VP", "QLBG"]
    assert data["groups"] == [{"unit": "PCM", "reported": ["HTQT", "LS"], "silent": ["QLBG"]}]
    rows = {r["task"]: r["entries"] for r in data["tasks"]}
    assert rows["quan-triet-van-ban-dan-van"] == 1  # HTQT's entry counts for PCM's task


def test_unit_member_shows_the_groups_tasks_and_only_its_entries(ws: Path) -> None:
    data = status(ws, "--unit", "HTQT")
    assert [r["task"] for r in data["tasks"]] == PCM_TASKS
    assert sum(r["entries"] for r in data["tasks"]) == 1
    assert data["silent_units"] == []
    assert data["groups"] == [{"unit": "PCM", "reported": ["HTQT"], "silent": []}]


def test_unit_group_shows_its_members_entries(ws: Path) -> None:
    data = status(ws, "--unit", "PCM")
    assert [r["task"] for r in data["tasks"]] == PCM_TASKS
    assert sum(r["entries"] for r in data["tasks"]) == 2  # HTQT's and LS's
    assert data["silent_units"] == ["QLBG"]
    listed = run("progress", "list", "--unit", "PCM", "--format", "json", cwd=ws)
    assert [e["id"] for e in json.loads(listed.stdout)["entries"]] == [
        "20260505-00000001",
        "20260506-00000002",
    ]
    only = run("progress", "list", "--unit", "LS", "--format", "json", cwd=ws)
    assert [e["id"] for e in json.loads(only.stdout)["entries"]] == ["20260506-00000002"]


def test_status_text_says_which_member_is_silent(ws: Path) -> None:
    done = run("status", cwd=ws)
    assert "Đơn vị chưa báo cáo: VP, QLBG.\n" in done.stdout  # wrapped at 80 columns
    assert "Nhóm PCM: đã báo cáo: HTQT, LS; chưa báo cáo: QLBG." in done.stdout
    en = run("status", "--lang", "en", cwd=ws)
    assert "Group PCM: reported: HTQT, LS; silent: QLBG." in en.stdout


def test_the_report_names_the_silent_member(ws: Path) -> None:
    done = run("report", "2026", "--format", "md", cwd=ws)
    assert done.returncode == 0, done.stderr
    assert (
        "- Các phòng chuyên môn: Phòng Hợp tác quốc tế, Phòng Lãnh sự đã báo cáo; Phòng Quản "
        "lý biên giới chưa báo cáo.\n" in done.stdout
    )
    assert "kết quả trong kỳ: Văn phòng Sở, Phòng Quản lý biên giới." in done.stdout


def test_an_entry_by_the_group_itself_is_a_warning_at_its_unit(ws: Path) -> None:
    month = ws / "progress" / "2026" / "2026-05.yaml"
    text = line("20260508-00000004", "quan-triet-long-ghep-ke-hoach", "PCM", "Cả nhóm.")
    month.write_text(month.read_text(encoding="utf-8") + text, encoding="utf-8")
    done = run("check", "--format", "json", cwd=ws)
    found = [
        (p["rule"], p["line"], p["column"], p["message"])
        for p in json.loads(done.stdout)["problems"]
        if p["file"].endswith("2026-05.yaml")
    ]
    column = text.index('"unit": "PCM"') + len('"unit": "') + 1
    assert column == 103
    assert found == [
        (
            "entry-by-group",
            4,
            103,
            "Mục này do nhóm “PCM” ghi, nhưng nhóm gồm các đơn vị HTQT, LS, QLBG: không biết đơn "
            "vị nào đã làm, nên không đơn vị thành viên nào được tính là đã báo cáo.",
        )
    ]
    assert status(ws)["groups"][0]["silent"] == ["QLBG"]  # the group's entry reports no member


def test_progress_add_accepts_a_member_on_the_groups_task(ws: Path) -> None:
    done = run(*add_args("quan-triet-long-ghep-ke-hoach", unit="QLBG", date="2026-05-09"), cwd=ws)
    assert done.returncode == 0, done.stderr
    checked = run("check", "--format", "json", cwd=ws)
    rules = [p["rule"] for p in json.loads(checked.stdout)["problems"]]
    assert rules == ["citation-type-mismatch"]  # no unit-not-assigned for QLBG
    assert status(ws)["groups"][0] == {
        "unit": "PCM",
        "reported": ["HTQT", "LS", "QLBG"],
        "silent": [],
    }


def test_a_change_of_members_is_seen_in_review(ws: Path) -> None:
    sample = ROOT / "tests" / "data" / "sample" / "plans" / "2026.yaml"
    done = run("diff", sample, "plans/2026.yaml", "--format", "json", cwd=ws)
    changes = json.loads(done.stdout)["changes"]
    changed = [c for c in changes if c["kind"] == "unit-changed"]
    assert [(c["id"], c["field"], c["old"], c["new"]) for c in changed] == [
        ("PCM", "members", None, "HTQT, LS, QLBG")
    ]


def test_textconv_lists_each_member(ws: Path) -> None:
    done = run("diff", "--textconv", "plans/2026.yaml", cwd=ws)
    shown = [ln for ln in done.stdout.splitlines() if ln.startswith("unit PCM")]
    assert shown == [
        "unit PCM name: Các phòng chuyên môn",
        "unit PCM member: HTQT",
        "unit PCM member: LS",
        "unit PCM member: QLBG",
    ]


def test_nested_groups_and_a_cycle_are_walked_once() -> None:
    from types import SimpleNamespace

    from dvcq.model import Task, Unit
    from dvcq.units import Units

    def unit(id: str, *members: str) -> Unit:
        return Unit(id=id, name=id, members=list(members))

    # KHOI holds PCM and VP; PCM holds two phòng; A and B hold each other (group-cycle's case).
    plan: Any = SimpleNamespace(
        units=[
            unit("KHOI", "PCM", "VP"),
            unit("PCM", "P1", "P2", "P1"),
            unit("P1"),
            unit("P2"),
            unit("VP"),
            unit("A", "B"),
            unit("B", "A"),
        ]
    )
    units = Units(plan)
    assert units.members("KHOI") == ["PCM", "P1", "P2", "VP"]
    assert units.leaves("KHOI") == ["P1", "P2", "VP"]
    assert units.groups("P1") == ["KHOI", "PCM"]
    assert units.members("A") == ["B"] and units.leaves("A") == []
    task = Task(id="t", text="t", owner="PCM")
    assert units.assigned(task) == {"PCM", "P1", "P2"}
    assert units.concerns("P2", task) and units.concerns("KHOI", task)
    assert not units.concerns("VP", task)
    assert units.expected([task]) == ["P1", "P2"]
