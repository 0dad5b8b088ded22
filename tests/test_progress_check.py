"""`dvcq check` on hand-written progress files: each fault reported with its rule, line and column.

Files are written in a temporary folder in both forms dvcq reads: the JSON-line form that
`dvcq progress add` writes (column = the field's value) and a hand-edited block-YAML list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cli_run
import pytest
from cli_run import SAMPLE, SAMPLE_PLAN

PLAN = SAMPLE_PLAN
HEADER = "# tiến độ viết tay\n"

GOOD: dict[str, Any] = {
    "id": "20260310-00000001",
    "task": "quy-che-tiep-cong-dan",
    "date": "2026-03-10",
    "unit": "VP",
    "status": "dang-thuc-hien",
    "result": "Đã tiếp công dân",
    "author": "A",
}


def json_line(**fields: Any) -> str:
    data = {**GOOD, **fields}
    data = {k: v for k, v in data.items() if v is not None}
    return "- " + json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def value_col(line: str, key: str) -> int:
    """1-based column of the value of `"key": ` in a JSON line. For a string it is the text itself,
    not its opening quote: the YAML reader's convention (`col += 1  # point at the text itself`),
    which a hand-edited file read by the YAML fallback gets, so both paths must agree."""
    start = line.index(f'"{key}": ') + len(key) + 4
    return start + 1 + (line[start] == '"')


def run_check(tmp_path: Path, files: dict[str, str]) -> list[dict[str, Any]]:
    folder = tmp_path / "prog" / "2026"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = cli_run.run(
        "check", "--format", "json", "--progress", tmp_path / "prog", PLAN, cwd=SAMPLE
    )
    data = json.loads(run.stdout)
    problems = [p for p in data["problems"] if p["file"].endswith(tuple(files))]
    errors = [p for p in problems if p["level"] == "error"]
    assert run.returncode == (1 if errors else 0), (run.stdout, run.stderr)
    return problems


def found(problems: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    return {(p["rule"], p["line"], p["column"]) for p in problems}


def test_clean_file_passes(tmp_path: Path) -> None:
    text = HEADER + json_line() + json_line(id="20260311-00000002", date="2026-03-11")
    assert run_check(tmp_path, {"2026-03.yaml": text}) == []


# (fields to change, rule, key whose value is pointed at, level)
JSON_CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("unknown-task", {"task": "quy-che-tiep-cong-dann"}, "unknown-task", "task", "error"),
    ("unknown-unit", {"unit": "VPP"}, "unknown-entry-unit", "unit", "error"),
    (
        "not-assigned",
        {"task": "quan-triet-long-ghep-ke-hoach"},
        "unit-not-assigned",
        "unit",
        "warning",
    ),
    ("outside-year", {"date": "2025-12-01"}, "entry-date", "date", "error"),
    ("after-window", {"date": "2027-01-02"}, "entry-date", "date", "error"),
    ("future", {"date": "2026-11-28"}, "entry-date", "date", "error"),
    ("impossible", {"date": "2026-02-30"}, "entry-date", "date", "error"),
    ("undeclared", {"values": {"khong-co": 1}}, "entry-value", "values", "error"),
    ("not-number", {"values": {"luot-tiep-cong-dan": "ba"}}, "entry-value", "values", "error"),
    ("negative", {"values": {"luot-tiep-cong-dan": -1}}, "entry-value", "values", "error"),
    ("bad-evidence", {"evidence": ["123-SNgV-VP"]}, "malformed-evidence", "evidence", "error"),
    ("draft-evidence", {"evidence": ["/KH-SNgV"]}, "malformed-evidence", "evidence", "error"),
    (
        "superseded",
        {"supersedes": "20260101-ffffffff"},
        "unknown-superseded-entry",
        "supersedes",
        "error",
    ),
    ("status", {"status": "xong"}, "invalid-value", "status", "error"),
    ("unknown-key", {"ghi_chu": "x"}, "unknown-key", "ghi_chu", "warning_or_error"),
]


@pytest.mark.parametrize(
    ("fields", "rule", "key", "level"),
    [c[1:] for c in JSON_CASES],
    ids=[c[0] for c in JSON_CASES],
)
def test_json_line_faults(
    tmp_path: Path, fields: dict[str, Any], rule: str, key: str, level: str
) -> None:
    # Another result: the same work twice would be a duplicate-entry besides the fault under test.
    bad = json_line(id="20260312-00000003", **{"result": "Lần hai", **fields})
    text = HEADER + json_line() + bad
    problems = run_check(tmp_path, {"2026-03.yaml": text})
    # An unknown key is pointed at itself, as in a plan (one builder); other faults at the value.
    col = bad.index(f'"{key}":') + 2 if rule == "unknown-key" else value_col(bad, key)
    assert found(problems) == {(rule, 3, col)}, problems
    if level != "warning_or_error":
        assert problems[0]["level"] == level


def test_unknown_task_suggests(tmp_path: Path) -> None:
    text = HEADER + json_line(task="quy-che-tiep-cong-dann")
    (problem,) = run_check(tmp_path, {"2026-03.yaml": text})
    assert problem["rule"] == "unknown-task"
    assert "quy-che-tiep-cong-dan" in problem["hint"]
    assert "quy-che-tiep-cong-dann" in problem["message"]


def test_duplicate_entry_id_across_files(tmp_path: Path) -> None:
    first = HEADER + json_line()
    dup = json_line(date="2026-04-01", result="chép lại")
    problems = run_check(tmp_path, {"2026-03.yaml": first, "2026-04.yaml": dup})
    assert found(problems) == {("duplicate-entry-id", 1, value_col(dup, "id"))}
    assert problems[0]["file"].endswith("2026-04.yaml")
    assert "2026-03.yaml:2" in problems[0]["message"]


def test_missing_key_in_json_line(tmp_path: Path) -> None:
    text = HEADER + json_line(result=None)
    problems = run_check(tmp_path, {"2026-03.yaml": text})
    assert found(problems) == {("missing-key", 2, 3)}


def test_duplicate_key_in_json_line_falls_back_to_yaml(tmp_path: Path) -> None:
    good = json_line()
    bad = good.replace('"unit": "VP", ', '"unit": "VP", "unit": "PCM", ')
    text = HEADER + json_line(id="20260309-00000009", result="Lần đầu") + bad
    problems = run_check(tmp_path, {"2026-03.yaml": text})
    second_key = bad.index('"unit"', bad.index('"unit"') + 1) + 2  # the key's text
    assert ("duplicate-key", 3, second_key) in found(problems), problems
    assert {p["rule"] for p in problems} == {"duplicate-key"}


BLOCK = """# sửa tay
- id: 20260310-00000001
  task: quy-che-tiep-cong-dan
  date: 2026-03-10
  unit: VP
  status: dang-thuc-hien
  result: Đã tiếp công dân
  author: A
- id: 20260311-00000002
  task: {task}
  date: {date}
  unit: {unit}
  status: {status}
  result: Lần hai
  author: A
  evidence:
    - {evidence}
  values:
    {value_key}: {value}
"""
BLOCK_FIELDS = {
    "task": "quy-che-tiep-cong-dan",
    "date": "2026-03-11",
    "unit": "VP",
    "status": "hoan-thanh",
    "evidence": "123/SNgV-VP",
    "value_key": "luot-tiep-cong-dan",
    "value": "4",
}

# (changed fields, rule, line, column) for the second entry of BLOCK.
BLOCK_CASES: list[tuple[str, dict[str, str], str, int, int]] = [
    ("unknown-task", {"task": "quy-che-tiep"}, "unknown-task", 10, 9),
    ("unknown-unit", {"unit": "PCMM"}, "unknown-entry-unit", 12, 9),
    (
        "not-assigned",
        # a task that declares the value's indicator: the unit is the only fault
        {"unit": "LDS", "task": "quan-triet-van-ban-dan-van", "value_key": "buoi-quan-triet"},
        "unit-not-assigned",
        12,
        9,
    ),
    ("outside-year", {"date": "2027-03-01"}, "entry-date", 11, 9),
    ("future", {"date": "2026-11-28"}, "entry-date", 11, 9),
    ("impossible", {"date": "2026-02-30"}, "entry-date", 11, 9),
    ("status", {"status": "xong"}, "invalid-value", 13, 11),
    ("undeclared", {"value_key": "khong-co"}, "entry-value", 19, 5),
    ("not-number", {"value": "ba"}, "entry-value", 19, 5),
    ("negative", {"value": "-2"}, "entry-value", 19, 5),
    ("evidence", {"evidence": "123-SNgV"}, "malformed-evidence", 17, 5),
]


@pytest.mark.parametrize(
    ("fields", "rule", "line", "col"), [c[1:] for c in BLOCK_CASES], ids=[c[0] for c in BLOCK_CASES]
)
def test_block_yaml_faults(
    tmp_path: Path, fields: dict[str, str], rule: str, line: int, col: int
) -> None:
    text = BLOCK.format(**{**BLOCK_FIELDS, **fields})
    problems = run_check(tmp_path, {"2026-03.yaml": text})
    assert found(problems) == {(rule, line, col)}, problems


def test_block_yaml_clean_and_schema(tmp_path: Path) -> None:
    assert run_check(tmp_path / "a", {"2026-03.yaml": BLOCK.format(**BLOCK_FIELDS)}) == []
    missing = BLOCK.format(**BLOCK_FIELDS).replace("  author: A\n  evidence", "  evidence")
    problems = run_check(tmp_path / "b", {"2026-03.yaml": missing})
    assert found(problems) == {("missing-key", 9, 3)}, problems
    extra = BLOCK.format(**BLOCK_FIELDS).replace(
        "  result: Lần hai\n", "  result: Lần hai\n  note: x\n"
    )
    problems = run_check(tmp_path / "c", {"2026-03.yaml": extra})
    assert found(problems) == {("unknown-key", 15, 3)}, problems  # the key, as in a plan
    dup = BLOCK.format(**BLOCK_FIELDS).replace(
        "  result: Lần hai\n", "  result: Lần hai\n  unit: LDS\n"
    )
    problems = run_check(tmp_path / "d", {"2026-03.yaml": dup})
    assert ("duplicate-key", 15, 3) in found(problems), problems


def test_json_line_column_same_on_both_paths(tmp_path: Path) -> None:
    """A line's problems sit at the same column whether the file is read by the fast JSON path or,
    because another line is hand-edited, by the YAML fallback."""
    bad = json_line(task="quy-che-tiep-cong-dann")
    other = json_line(id="20260311-00000002", date="2026-03-11")
    hand = other.replace('"unit": "VP", ', '"unit": "VP", "unit": "VP", ')
    fast = run_check(tmp_path / "fast", {"2026-03.yaml": bad + other})
    slow = run_check(tmp_path / "slow", {"2026-03.yaml": bad + hand})
    col = bad.index('"quy-che-tiep-cong-dann"') + 2  # the text, after its opening quote
    assert ("unknown-task", 1, col) in found(slow), slow
    assert ("unknown-task", 1, col) in found(fast), fast


def test_a_cycle_of_corrections_is_an_error(tmp_path: Path) -> None:
    a = json_line(id="20260301-0000000a", supersedes="20260301-0000000b")
    b = json_line(id="20260301-0000000b", supersedes="20260301-0000000a", date="2026-03-02")
    problems = run_check(tmp_path, {"2026-03.yaml": HEADER + a + b})
    assert found(problems) == {
        ("supersede-cycle", 2, value_col(a, "supersedes")),
        ("supersede-cycle", 3, value_col(b, "supersedes")),
    }


def test_dates_must_be_written_as_yyyy_mm_dd(tmp_path: Path) -> None:
    # Such dates used to pass the check and then be left out of every board and report.
    for written in ("2026-3-2", " 2026-03-02", "٢٠٢٦-٠٣-٠٢"):
        line = json_line(date=written)
        problems = run_check(tmp_path / written.strip(), {"2026-03.yaml": HEADER + line})
        assert ("entry-date", 2, value_col(line, "date")) in found(problems), written


def test_an_infinite_value_is_not_a_number(tmp_path: Path) -> None:
    line = json_line(values={"luot-tiep-cong-dan": 1}).replace(": 1}", ": 1e400}")
    problems = run_check(tmp_path, {"2026-03.yaml": HEADER + line})
    assert [p["rule"] for p in problems] == ["entry-value"]
