"""The command line as a clerk and CI use it: show, rules, languages, exit codes, imports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import SAMPLE, SAMPLE_PLAN, Result, add_args, run


def dvcq(*args: str, cwd: Path = SAMPLE, **env: str) -> Result:
    return run(*args, cwd=cwd, env={"DVCQ_TODAY": None, "DVCQ_LANG": None, "COLUMNS": "100", **env})


def test_show_json_has_display_numbers_ids_and_owners() -> None:
    run = dvcq("show", "plans/2026.yaml", "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [p["number"] for p in data["parts"]] == ["I.", "II.", "III."]
    contents = data["parts"][1]
    assert [s["number"] for s in contents["sections"]] == ["1.", "2.", "3.", "4."]
    task = contents["sections"][3]["tasks"][1]
    assert (task["id"], task["owner"], task["owner_name"]) == (
        "quy-che-tiep-cong-dan",
        "VP",
        "Văn phòng Sở",
    )
    assert data["symbol"] == "/KH-SNgV"


def test_show_text_is_a_vietnamese_tree() -> None:
    run = dvcq("show", "plans/2026.yaml")
    assert run.returncode == 0, run.stderr
    assert "II. NỘI DUNG THỰC HIỆN" in run.stdout
    assert "chủ trì: VP (Văn phòng Sở)" in run.stdout
    assert dvcq("show", "plans/2026.yaml", "--lang", "en").stdout.count("owner: ") >= 11


def test_show_refuses_a_broken_plan_with_a_pointer_to_check() -> None:
    run = dvcq("show", "tests/data/broken/task-without-owner.yaml")
    assert run.returncode == 1
    assert "dvcq check" in run.stderr and "Traceback" not in run.stderr


def test_rules_lists_every_rule_in_both_languages() -> None:
    vi = json.loads(dvcq("rules", "--json").stdout)
    en = json.loads(dvcq("rules", "--json", "--lang", "en").stdout)
    ids = [r["id"] for r in vi]
    assert len(ids) == len(set(ids)) >= 25
    assert all(r["level"] in ("error", "warning") for r in vi)
    assert {"task-without-owner", "citation-type-mismatch", "malformed-symbol"} <= set(ids)
    assert all(a["doc"] != b["doc"] for a, b in zip(vi, en, strict=True))


def test_env_language_and_usage_errors() -> None:
    run = dvcq("check", "plans/2026.yaml", "--format", "json", DVCQ_LANG="en")
    assert json.loads(run.stdout)["problems"][0]["message"].startswith("The text calls")
    assert run.stderr == ""
    assert dvcq("check", "--no-such-option").returncode == 2
    assert dvcq("check", "--format", "xml").returncode == 2


def test_check_without_plans_is_a_usage_error(tmp_path: Path) -> None:
    run = dvcq("check", cwd=tmp_path)
    assert run.returncode == 2
    assert "plans/" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.slow  # what a new process imports
@pytest.mark.parametrize("args", [["check", "plans/2026.yaml"], ["--help"]])
def test_check_and_help_import_no_document_libraries(args: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dvcq", *args],
        cwd=SAMPLE,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert not {"docx", "jinja2", "openpyxl"} & {name.split(".")[0] for name in imported}


def test_commands_that_open_a_plan_explain_a_yaml_error(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "2026.yaml"
    plan.parent.mkdir()
    plan.write_text("document: [unclosed\n", encoding="utf-8")
    for args in (["show"], ["status"], ["render", "plan", "-o", "x.docx"], ["report", "2026"]):
        run = dvcq(*args, cwd=tmp_path)
        assert run.returncode == 1, (args, run.stderr)
        assert "plans/2026.yaml:" in run.stderr and "Traceback" not in run.stderr


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(SAMPLE_PLAN, tmp_path / "plans")
    return tmp_path


def test_values_must_be_finite_numbers(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    add = add_args(date="2026-03-02", status="hoan-thanh")
    for bad in ("nan", "inf", "1e400"):
        run = dvcq(*add, "--value", f"luot-tiep-cong-dan={bad}", cwd=folder)
        # refused as `check` refuses such a value (tests/test_progress_add.py has the words)
        assert run.returncode == 1, run.stderr
    assert not (folder / "progress").exists() or not list((folder / "progress").rglob("*.yaml"))
    month = folder / "progress" / "2026" / "2026-03.yaml"
    month.parent.mkdir(parents=True)
    month.write_text(
        '- {"id": "a1", "task": "quy-che-tiep-cong-dan", "date": "2026-03-02", "unit": "VP", '
        '"status": "hoan-thanh", "result": "x", "values": {"luot-tiep-cong-dan": NaN}, '
        '"author": "A"}\n',
        encoding="utf-8",
    )
    report = json.loads(
        dvcq("check", "--format", "json", cwd=folder, DVCQ_TODAY="2026-11-27").stdout
    )
    assert [p["rule"] for p in report["problems"]][-1:] == ["entry-value"]


def test_a_month_file_in_a_legacy_encoding_stops_progress_add_cleanly(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    month = folder / "progress" / "2026" / "2026-04.yaml"
    month.parent.mkdir(parents=True)
    month.write_bytes("# Sơ đơn\n".encode("cp1258"))
    run = dvcq(
        *add_args(date="2026-04-02", status="hoan-thanh"),
        cwd=folder,
        DVCQ_TODAY="2026-11-27",
    )
    assert run.returncode == 1 and "UTF-8" in run.stderr and "Traceback" not in run.stderr
    assert month.read_bytes() == "# Sơ đơn\n".encode("cp1258")  # left as it was


def test_periods_and_units_outside_the_plan_are_refused(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    for args in (["--period", "0001"], ["--period", "2027"], ["--unit", "VPP"]):
        run = dvcq("status", *args, cwd=folder)
        assert run.returncode == 2 and "Traceback" not in run.stderr, (args, run.stderr)
    assert "“VP”" in dvcq("status", "--unit", "VPP", cwd=folder).stderr  # did you mean


def test_init_into_an_unwritable_place_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    run = dvcq(
        "init",
        str(blocker / "repo"),
        "--agency",
        "Sở Nội vụ",
        "--code",
        "SNV",
        "--superior",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "--year",
        "2026",
        cwd=tmp_path,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr


def test_empty_agency_name_is_an_error_named_in_vietnamese(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    plan = folder / "plans" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("name: Sở Ngoại vụ", 'name: ""'), encoding="utf-8"
    )
    report = json.loads(dvcq("check", "--format", "json", cwd=folder).stdout)
    assert [p["message"] for p in report["problems"] if p["rule"] == "empty-text"] == [
        "Phần “tên” đang để trống."
    ]
