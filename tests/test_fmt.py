"""`dvcq fmt`: progress files back in canonical form; comments kept; plans never touched."""

from __future__ import annotations

from pathlib import Path

from cli_run import ROOT, SAMPLE_PLAN, Result, run

from dvcq.progress.store import read_progress

CANONICAL = (
    '- {"id": "20260306-00000012", "task": "quy-che-tiep-cong-dan", "date": "2026-03-06", '
    '"unit": "VP", "status": "dang-thuc-hien", "result": "Tiếp công dân định kỳ.", '
    '"values": {"luot-tiep-cong-dan": 3}, "author": "Văn phòng Sở"}'
)
MESSY = (
    '- {"author": "Văn phòng Sở",  "task":"quy-che-tiep-cong-dan", "id": "20260306-00000012", '
    '"values": {"luot-tiep-cong-dan": 3}, "date": "2026-03-06", "unit": "VP", '
    '"status": "dang-thuc-hien",   "result": "Tiếp công dân định kỳ."}'
)
FLOW = (
    "- {id: 20260307-00000013, task: ban-hanh-ke-hoach-cu-the, date: '2026-03-07', unit: LDS, "
    "status: hoan-thanh, result: Đã ban hành., author: VP, evidence: [45/SNgV-VP]}"
)
FLOW_CANONICAL = (
    '- {"id": "20260307-00000013", "task": "ban-hanh-ke-hoach-cu-the", "date": "2026-03-07", '
    '"unit": "LDS", "status": "hoan-thanh", "result": "Đã ban hành.", "evidence": ["45/SNgV-VP"], '
    '"author": "VP"}'
)


def dvcq(*args: str, cwd: Path) -> Result:
    return run(*args, cwd=cwd, env={"DVCQ_TODAY": None, "DVCQ_LANG": None})


def month_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "progress" / "2026" / "2026-03.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fmt_rewrites_entries_and_keeps_comments_and_order(tmp_path: Path) -> None:
    path = month_file(tmp_path, "# Tiến độ tháng 3.", MESSY, "", "# sửa tay", FLOW)
    before = read_progress([path]).entries
    check = dvcq("fmt", "--check", cwd=tmp_path)
    assert check.returncode == 1
    assert "progress/2026/2026-03.yaml" in check.stdout
    assert MESSY in path.read_text(encoding="utf-8")  # --check writes nothing
    run = dvcq("fmt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert path.read_text(encoding="utf-8") == "\n".join(
        ["# Tiến độ tháng 3.", CANONICAL, "", "# sửa tay", FLOW_CANONICAL, ""]
    )
    after = read_progress([path]).entries
    assert [e.to_line() for e in after] == [e.to_line() for e in before]
    again = dvcq("fmt", "--check", cwd=tmp_path)
    assert again.returncode == 0, again.stdout
    assert not list(path.parent.glob(".*.tmp"))


def test_fmt_leaves_an_unsound_entry_alone_and_says_so(tmp_path: Path) -> None:
    bad = MESSY.replace('"unit": "VP"', '"unit": "VP", "ghi-chu": "x"')
    path = month_file(tmp_path, bad, FLOW)
    run = dvcq("fmt", str(path), cwd=tmp_path)
    assert run.returncode == 1
    assert "2026-03.yaml:1:" in run.stderr and "ghi-chu" in run.stderr
    assert path.read_text(encoding="utf-8") == f"{bad}\n{FLOW_CANONICAL}\n"


def test_fmt_refuses_plans(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "2026.yaml"
    plan.parent.mkdir()
    original = SAMPLE_PLAN.read_bytes()
    plan.write_bytes(original)
    for target in ("plans/2026.yaml", "plans"):
        run = dvcq("fmt", target, cwd=tmp_path)
        assert run.returncode == 2
        assert "kế hoạch do người viết" in run.stderr and "Traceback" not in run.stderr
    elsewhere = tmp_path / "ke-hoach.yaml"  # a plan outside plans/ is known by its content
    elsewhere.write_bytes(original)
    assert dvcq("fmt", "ke-hoach.yaml", cwd=tmp_path).returncode == 2
    assert plan.read_bytes() == original == elsewhere.read_bytes()


def test_the_example_progress_files_are_already_canonical() -> None:
    # The repository's shipped examples (examples/generate_sample.py writes them), not a fixture.
    run = dvcq("fmt", "--check", "examples/progress", cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_fmt_never_changes_what_a_value_says(tmp_path: Path) -> None:
    # YAML reads 0123 as 123 and 1.50 as 1.5; a trailing comment would be lost on rewriting.
    numbers = FLOW.replace("author: VP", "author: 1.50").replace("20260307-00000013", "0123")
    commented = FLOW.replace("20260307-00000013", "20260307-00000014") + "  # ghi chú"
    path = month_file(tmp_path, numbers, commented)
    before = path.read_text(encoding="utf-8")
    dvcq("fmt", str(path), cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == before


def test_an_empty_yaml_list_becomes_a_file_dvcq_can_add_to(tmp_path: Path) -> None:
    path = month_file(tmp_path, "[]")
    text = path.read_text(encoding="utf-8")
    assert dvcq("fmt", "--check", str(path), cwd=tmp_path).returncode == 1
    assert path.read_text(encoding="utf-8") == text  # --check writes nothing
    done = dvcq("fmt", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == (
        "# Tiến độ thực hiện kế hoạch, do dvcq ghi (dvcq progress add): mỗi dòng một mục.\n"
        "# Không sửa hay xóa dòng đã có; muốn đính chính, thêm mục mới với `--supersedes <mã mục>`.\n"
    )
    assert dvcq("fmt", "--check", str(path), cwd=tmp_path).returncode == 0


def test_fmt_locks_beside_a_file_outside_progress_never_above_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "extra.yaml").write_text(f"{CANONICAL}\n", encoding="utf-8")
    assert dvcq("fmt", "extra.yaml", cwd=repo).returncode == 0
    assert not (tmp_path / ".lock").exists()
    assert (repo / ".lock").is_file()
