"""`dvcq init` and `dvcq plan new-year`: new plan repositories and next year's plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from cli_run import AGENCY, ROOT, SAMPLE_PLAN, Result, run
from jsonschema import Draft202012Validator

from dvcq.lifecycle.newyear import FLAG
from dvcq.rules.check import read_plan

PLAN = SAMPLE_PLAN


def dvcq(*args: str, cwd: Path = ROOT) -> Result:
    return run(
        *args, cwd=cwd, env={"DVCQ_LANG": None, "COLUMNS": "100", "DVCQ_TODAY": "2027-05-20"}
    )


# --- dvcq init ---------------------------------------------------------------------------------


def test_a_new_repository_passes_check_status_and_render_without_edits(tmp_path: Path) -> None:
    repo = tmp_path / "so-tu-phap"
    run = dvcq("init", str(repo), *AGENCY)
    assert run.returncode == 0, run.stderr
    check = dvcq("check", cwd=repo)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 lỗi, 0 cảnh báo" in check.stdout
    status = dvcq("status", cwd=repo)
    assert status.returncode == 0, status.stderr
    assert "Quán triệt" in status.stdout  # the task by its short title
    render = dvcq("render", "plan", "-o", "x.docx", cwd=repo)
    assert render.returncode == 0, render.stderr
    assert (repo / "x.docx").stat().st_size > 5000


def test_init_writes_the_repository_layout(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert dvcq("init", str(repo), *AGENCY).returncode == 0
    files = sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file())
    templates = sorted(f"templates/{p.name}" for p in (ROOT / "templates").glob("*.j2"))
    assert files == sorted(
        [
            ".gitattributes",
            ".gitignore",
            ".pre-commit-config.yaml",
            "README.md",
            "plans/2027.yaml",
            "progress/.gitkeep",
            "schema/plan.schema.json",
            "schema/progress.schema.json",
            *templates,
        ]
    )
    for name in [*templates, ".gitattributes", "schema/plan.schema.json"]:
        source = ROOT / name
        assert (repo / name).read_bytes() == source.read_bytes(), name
    assert {"progress/.lock", "*.tmp"} <= set((repo / ".gitignore").read_text().splitlines())
    text = (repo / "plans/2027.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
    plan = yaml.safe_load(text)
    schema = json.loads((repo / "schema/plan.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(plan)
    document = plan["document"]
    assert document["agency"] == {
        "code": "STP",
        "name": "Sở Tư pháp",
        "superior": "Ủy ban nhân dân tỉnh Lạng Sơn",
        "superior_lines": ["UBND tỉnh Lạng Sơn"],
    }
    assert (document["place"], document["date"]["year"], document["number"]) == (
        "Lạng Sơn",
        2027,
        None,
    )
    assert plan["recipients"][-1] == "Lưu: VT, VP."
    assert plan["closing"].endswith("năm 2027 của Sở Tư pháp./.")
    tasks = [
        t
        for part in ("contents", "organization")
        for s in plan[part]["sections"]
        for t in s["tasks"]
    ]
    assert tasks and all(t["owner"] == "VP" for t in tasks)
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert "Kế hoạch công tác dân vận chính quyền — Sở Tư pháp" in readme
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["id"] == "dvcq-check"


def test_init_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("giữ lại", encoding="utf-8")
    run = dvcq("init", str(tmp_path), *AGENCY)
    assert run.returncode == 1
    assert "không trống" in run.stderr and "--force" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert dvcq("init", str(tmp_path), *AGENCY, "--force").returncode == 0
    assert (tmp_path / "plans/2027.yaml").is_file()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "giữ lại"


def test_init_needs_a_place_and_values_that_make_a_valid_plan(tmp_path: Path) -> None:
    args = [a if a != "Ủy ban nhân dân tỉnh Lạng Sơn" else "Bộ Tư pháp" for a in AGENCY]
    run = dvcq("init", str(tmp_path / "a"), *args)
    assert run.returncode == 2 and "--place" in run.stderr
    assert dvcq("init", str(tmp_path / "a"), *args, "--place", "Hà Nội").returncode == 0
    bad = [a if a != "STP" else "S T P" for a in AGENCY]
    run = dvcq("init", str(tmp_path / "b"), *bad)
    assert run.returncode == 2, run.stdout + run.stderr
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


# --- dvcq plan new-year ----------------------------------------------------------------------


def test_new_year_from_the_bundled_plan(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    source = tmp_path / "plans" / "2026.yaml"
    source.write_bytes(PLAN.read_bytes())
    run = dvcq("plan", "new-year", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    target = tmp_path / "plans" / "2027.yaml"
    assert "plans/2027.yaml" in run.stdout
    check = dvcq("check", "plans/2027.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    assert " 0 lỗi" in check.stdout
    old_plan, _ = read_plan(source)
    new_plan, _ = read_plan(target)
    assert old_plan is not None and new_plan is not None
    assert [t.id for t in new_plan.tasks()] == [t.id for t in old_plan.tasks()]
    assert [s.id for s in new_plan.sections()] == [s.id for s in old_plan.sections()]
    assert [o.id for o in new_plan.objectives.items] == [o.id for o in old_plan.objectives.items]
    assert new_plan.document.date.year == 2027
    assert (new_plan.document.date.month, new_plan.document.date.day) == (4, None)
    # Line for line the source, but for the year and the inserted review comments.
    old_lines = PLAN.read_text(encoding="utf-8").split("\n")
    new_lines = target.read_text(encoding="utf-8").split("\n")
    kept = [line for line in new_lines if FLAG not in line]
    changed = [(a, b) for a, b in zip(old_lines, kept, strict=True) if a != b]
    assert changed == [("    year: 2026", "    year: 2027")]
    flags = [line.strip() for line in new_lines if FLAG in line]
    assert len([f for f in flags if "văn bản viện dẫn" in f]) == len(old_plan.directives)
    assert any("căn cứ" in f for f in flags) and any("người ký" in f for f in flags)
    subject = new_lines.index(
        "  subject: Triển khai thực hiện công tác dân vận chính quyền năm 2026"
    )
    assert "nhắc năm 2026" in new_lines[subject - 1]
    # Nothing of the year's progress comes along.
    assert not (tmp_path / "progress").exists()


def test_new_year_clears_number_and_day_and_moves_due_dates(tmp_path: Path) -> None:
    text = (ROOT / "tests/data/minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("  number: null", '  number: "45"  # số do văn thư cấp')
    text = text.replace(
        "          owner: VP\n",
        '          owner: VP\n          cadence: once\n          due: "2026-06-30"\n',
        1,
    )
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/2026.yaml").write_text(text, encoding="utf-8")
    run = dvcq("plan", "new-year", "--from", "plans/2026.yaml", "--year", "2028", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = (tmp_path / "plans/2028.yaml").read_text(encoding="utf-8")
    assert "  number: null  # số do văn thư cấp" in out
    assert "    day: null\n" in out and "    year: 2028\n" in out
    assert '          due: "2028-06-30"\n' in out
    assert re.search(r"# XEM LẠI \(review\): hạn hoàn thành.*\n +due:", out)
    assert dvcq("check", "plans/2028.yaml", cwd=tmp_path).returncode == 0


def test_new_year_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/2026.yaml").write_bytes(PLAN.read_bytes())
    (tmp_path / "plans/2027.yaml").write_text("# bản đang viết\n", encoding="utf-8")
    run = dvcq("plan", "new-year", "--from", "plans/2026.yaml", cwd=tmp_path)
    assert run.returncode == 1 and "--force" in run.stderr
    assert (tmp_path / "plans/2027.yaml").read_text(encoding="utf-8") == "# bản đang viết\n"
    run = dvcq("plan", "new-year", "--from", "plans/2026.yaml", "--force", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert FLAG in (tmp_path / "plans/2027.yaml").read_text(encoding="utf-8")


def test_new_year_moves_29_february_to_a_day_that_exists(tmp_path: Path) -> None:
    text = (ROOT / "tests/data/minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("year: 2026", "year: 2028", 1)
    text = text.replace(
        "          owner: VP\n",
        '          owner: VP\n          cadence: once\n          due: "2028-02-29"\n',
        1,
    )
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/2028.yaml").write_text(text, encoding="utf-8")
    assert dvcq("check", "plans/2028.yaml", cwd=tmp_path).returncode == 0
    for year, due in (("2029", "2029-02-28"), ("2032", "2032-02-29")):  # 2032 is a leap year
        run = dvcq("plan", "new-year", "-p", "plans/2028.yaml", "--year", year, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        out = (tmp_path / f"plans/{year}.yaml").read_text(encoding="utf-8")
        assert f'          due: "{due}"\n' in out
        assert dvcq("check", f"plans/{year}.yaml", cwd=tmp_path).returncode == 0


SO_2025 = ROOT / "tests/data/plans/so-deliverables.yaml"  # a 2025 plan with dated deadlines


def new_year_of(tmp_path: Path, text: str, year: int = 2025) -> str:
    """The text of `dvcq plan new-year` run on `text` as plans/<year>.yaml."""
    (tmp_path / "plans").mkdir()
    (tmp_path / f"plans/{year}.yaml").write_text(text, encoding="utf-8")
    run = dvcq("plan", "new-year", "-p", f"plans/{year}.yaml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    return (tmp_path / f"plans/{year + 1}.yaml").read_text(encoding="utf-8")


def test_new_year_moves_the_years_written_in_deadlines(tmp_path: Path) -> None:
    text = SO_2025.read_text(encoding="utf-8")
    text = text.replace("            - Quý II/2025\n", "            - 'Quý II/2025'  # quý\n")
    text = text.replace(
        "            - trước ngày 30/4/2025\n", "            - trước ngày 29/2/2024\n"
    )
    text = text.replace(
        "            - Hằng quý\n", "            - Hằng quý\n            - Tháng 1/2026\n"
    )
    out = new_year_of(tmp_path, text)
    for moved in (
        "            - Tháng 6/2026\n",
        "            - Tháng 12/2026\n",
        "            - 'Quý II/2026'  # quý\n",  # quotes and comment kept
        "            - trước ngày 28/2/2025\n",  # 29 February into a year without one
        "            - Tháng 1/2027\n",  # a deadline in the next year moves as well
        "            - Hằng quý\n",  # no year: as it was
        "            - 6 tháng, trước ngày 15/6\n",
    ):
        assert moved in out, moved
    flags = re.findall(r"# XEM LẠI \(review\): (thời hạn đã dời 1 năm; xem lại\.)\n +- ", out)
    assert len(flags) == 5
    assert "nhắc năm 2025: sửa thành năm 2026 nếu cần.\n            - " not in out  # once each
    check = dvcq("check", "plans/2026.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    # The two written outside the source's year stay outside the new one: review items, as before.
    assert check.stdout.count("deadline-outside-year") == 2
    assert "“Tháng 1/2027”" in check.stdout and "“trước ngày 28/2/2025”" in check.stdout


def test_new_year_flags_a_deadline_it_cannot_edit_in_place(tmp_path: Path) -> None:
    text = SO_2025.read_text(encoding="utf-8")
    text = text.replace(
        "          deadlines:\n            - Quý II/2025\n", "          deadlines: [Quý II/2025]\n"
    )
    out = new_year_of(tmp_path, text)
    assert re.search(
        r"# XEM LẠI \(review\): thời hạn của năm 2025: sửa cho năm 2026\.\n +deadlines: \[Quý II/2025\]",
        out,
    )


def test_new_year_moves_29_february_in_every_form_and_keeps_going(tmp_path: Path) -> None:
    text = SO_2025.read_text(encoding="utf-8").replace("2025", "2028")  # a leap year's plan
    text = text.replace(
        "            - Hằng quý\n",
        "            - Hằng quý, trước ngày 29/2\n"
        "            - |-\n              Tháng 3/2028\n"  # block scalars: flagged, not edited
        "            - |-\n              Quý I/2028\n"
        "            - ngày 29 tháng 2 năm 2028\n"
        "            - Tháng 9/2028   \n"  # trailing spaces
        "            - Qu\u0079\u0301 IV/2028\n",  # ý decomposed, as pasted from Word
    )
    out = new_year_of(tmp_path, text, 2028)
    for moved in (
        "            - Hằng quý, trước ngày 28/2\n",  # 2029 has no 29 February
        "            - ngày 28 tháng 2 năm 2029\n",
        "            - Tháng 9/2029\n",
        "            - Quý IV/2029\n",
    ):
        assert moved in out, moved
    assert "              Tháng 3/2028\n" in out  # left for the reviewer, flagged once:
    assert out.count("thời hạn của năm 2028: sửa cho năm 2029.") == 1
    check = dvcq("check", "plans/2029.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
