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


@pytest.mark.parametrize(
    ("values", "twice"),
    [
        ('{"luot-tiep-cong-dan": 4, "luot-tiep-cong-dan": 5}', "luot-tiep-cong-dan"),
        ('{"luot-tiep-cong-dan": {"so": 4, "so": 5}}', "so"),  # inside a value's own mapping
    ],
    ids=["in-values", "inside-a-value"],
)
def test_duplicate_key_among_the_values_falls_back_to_yaml(
    tmp_path: Path, values: str, twice: str
) -> None:
    """The reader counts the line's and its values' keys first: a key given twice among them, or
    deeper, must still be reported at the second one, not silently read as the last."""
    line = json_line(values=None).replace('"author"', f'"values": {values}, "author"')
    problems = run_check(tmp_path, {"2026-03.yaml": HEADER + line})
    second = line.index(f'"{twice}"', line.index(f'"{twice}"') + 1) + 2  # the key's text
    assert ("duplicate-key", 2, second) in found(problems), problems


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
    # declared by the plan, not by this task: pointed at the values (a block has no finer place)
    ("not-by-task", {"value_key": "buoi-quan-triet"}, "value-not-declared-by-task", 19, 5),
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


# --- issue 11: values of another task, identical entries, corrections --------------------------


def messages(tmp_path: Path, files: dict[str, str], lang: str) -> list[tuple[Any, ...]]:
    folder = tmp_path / lang / "prog" / "2026"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = cli_run.run(
        "check", "--format", "json", "--lang", lang, "--progress", folder.parent, PLAN, cwd=SAMPLE
    )
    data = json.loads(run.stdout)
    return [
        (p["rule"], p["level"], p["line"], p["column"], p["message"], p["hint"])
        for p in data["problems"]
        if p["file"].endswith(tuple(files))
    ]


def test_a_value_the_task_does_not_declare_is_an_error(tmp_path: Path) -> None:
    # buoi-quan-triet is the plan's, but quy-che-tiep-cong-dan does not declare it: the report
    # would show it under the wrong task. Pointed at the value itself, the 2 after its key.
    line = json_line(values={"luot-tiep-cong-dan": 2, "buoi-quan-triet": 2})
    assert line.index('"buoi-quan-triet": 2') == 208
    text = HEADER + line
    vi = messages(tmp_path, {"2026-03.yaml": text}, "vi")
    en = messages(tmp_path, {"2026-03.yaml": text}, "en")
    assert vi == [
        (
            "value-not-declared-by-task",
            "error",
            2,
            228,
            "Chỉ tiêu “buoi-quan-triet” không thuộc nhiệm vụ “quy-che-tiep-cong-dan” (chỉ tiêu của "
            "nhiệm vụ: luot-tiep-cong-dan, don-thu-tiep-nhan, don-thu-giai-quyet), nên giá trị này "
            "sẽ bị tính vào sai chỗ.",
            "Ghi giá trị cho đúng nhiệm vụ theo dõi chỉ tiêu này, hoặc thêm “buoi-quan-triet” vào "
            "`indicators` của nhiệm vụ trong kế hoạch nếu nhiệm vụ thật sự theo dõi nó.",
        )
    ]
    assert [m[4] for m in en] == [
        "Indicator “buoi-quan-triet” is not one of task “quy-che-tiep-cong-dan”'s (the task's "
        "indicators: luot-tiep-cong-dan, don-thu-tiep-nhan, don-thu-giai-quyet), so this value "
        "would be counted in the wrong place."
    ]


def test_a_task_without_indicators_takes_no_value(tmp_path: Path) -> None:
    line = json_line(task="theo-doi-don-doc-bao-cao", values={"buoi-quan-triet": 1})
    (vi,) = messages(tmp_path, {"2026-03.yaml": HEADER + line}, "vi")
    (en,) = messages(tmp_path, {"2026-03.yaml": HEADER + line}, "en")
    assert vi[:4] == ("value-not-declared-by-task", "error", 2, 206)  # the 1
    assert "(chỉ tiêu của nhiệm vụ: không có chỉ tiêu nào)" in vi[4]
    assert "(the task's indicators: none)" in en[4]


def test_an_identical_entry_is_a_warning_naming_the_first(tmp_path: Path) -> None:
    # Same work, another id and author: counted twice on the board unless someone sees it.
    first = json_line()
    again = json_line(id="20260310-00000002", author="B")
    path = "2026-03.yaml"
    vi = messages(tmp_path, {path: HEADER + first + again}, "vi")
    en = messages(tmp_path, {path: HEADER + first + again}, "en")
    where = str(tmp_path / "vi" / "prog" / "2026" / path) + ":2"
    assert vi == [
        (
            "duplicate-entry",
            "warning",
            3,
            3,
            f"Mục này giống hệt mục “20260310-00000001” đã ghi ở {where} (cùng nhiệm vụ, đơn vị, "
            "ngày, tình trạng, kết quả, minh chứng và chỉ tiêu): số liệu sẽ bị tính hai lần.",
            "Nếu một việc bị ghi hai lần do nhầm, bỏ mục ghi sau; nếu đúng là làm hai lần, ghi rõ sự "
            "khác nhau trong kết quả (ví dụ buổi, địa điểm). `dvcq progress add --allow-duplicate` "
            "vẫn ghi được mục giống hệt, nhưng `dvcq check` sẽ luôn cảnh báo về nó.",
        )
    ]
    where_en = str(tmp_path / "en" / "prog" / "2026" / path) + ":2"
    assert [m[4] for m in en] == [
        f"This entry is identical to entry “20260310-00000001” recorded at {where_en} (same task, "
        "unit, date, status, result, evidence and values): its figures would count twice."
    ]


def test_entries_that_differ_are_not_duplicates(tmp_path: Path) -> None:
    first = json_line(values={"luot-tiep-cong-dan": 4})
    other = [
        json_line(id="20260310-00000002", values={"luot-tiep-cong-dan": 5}),
        json_line(id="20260310-00000003", status="hoan-thanh", values={"luot-tiep-cong-dan": 4}),
        json_line(id="20260310-00000004", date="2026-03-11", values={"luot-tiep-cong-dan": 4}),
    ]
    assert run_check(tmp_path, {"2026-03.yaml": HEADER + first + "".join(other)}) == []


def test_a_second_correction_of_one_entry_is_an_error(tmp_path: Path) -> None:
    # Both corrections used to count: 12 + 12 = 24.
    old = json_line(values={"luot-tiep-cong-dan": 10})
    one = json_line(
        id="20260311-0000000b", supersedes=GOOD["id"], values={"luot-tiep-cong-dan": 12}
    )
    two = json_line(
        id="20260312-0000000c",
        supersedes=GOOD["id"],
        result="Sửa lại",
        values={"luot-tiep-cong-dan": 12},
    )
    text = HEADER + old + one + two
    vi = messages(tmp_path, {"2026-03.yaml": text}, "vi")
    en = messages(tmp_path, {"2026-03.yaml": text}, "en")
    where = str(tmp_path / "vi" / "prog" / "2026" / "2026-03.yaml") + ":3"
    assert vi == [
        (
            "entry-superseded-twice",
            "error",
            4,
            179,  # the id in the second `supersedes`
            f"Mục “20260310-00000001” đã được mục “20260311-0000000b” (ở {where}) đính chính; một "
            "mục chỉ được đính chính một lần, nếu không cả hai bản đính chính đều được tính.",
            "Muốn sửa lại bản đính chính, ghi mục mới với `--supersedes 20260311-0000000b` (đính "
            "chính bản đính chính), và xóa dòng này.",
        )
    ]
    where_en = str(tmp_path / "en" / "prog" / "2026" / "2026-03.yaml") + ":3"
    assert [m[4] for m in en] == [
        f"Entry “20260310-00000001” is already corrected by entry “20260311-0000000b” (at "
        f"{where_en}); an entry is corrected once, or both corrections would count."
    ]


def test_correcting_the_correction_is_fine(tmp_path: Path) -> None:
    old = json_line()
    one = json_line(id="20260311-0000000b", supersedes=GOOD["id"], result="Sửa")
    two = json_line(id="20260312-0000000c", supersedes="20260311-0000000b", result="Sửa lại")
    assert run_check(tmp_path, {"2026-03.yaml": HEADER + old + one + two}) == []


def test_a_correction_of_another_tasks_entry_is_an_error(tmp_path: Path) -> None:
    # The entry of quy-che-tiep-cong-dan used to disappear from its task.
    old = json_line()
    other = json_line(
        id="20260311-0000000d", task="tham-muu-tiep-cong-dan-don-thu", supersedes=GOOD["id"]
    )
    text = HEADER + old + other
    vi = messages(tmp_path, {"2026-03.yaml": text}, "vi")
    en = messages(tmp_path, {"2026-03.yaml": text}, "en")
    assert vi == [
        (
            "supersede-other-task",
            "error",
            3,
            197,
            "Mục này (nhiệm vụ “tham-muu-tiep-cong-dan-don-thu”) đính chính mục “20260310-00000001” "
            "của nhiệm vụ khác, “quy-che-tiep-cong-dan”: mục kia sẽ biến mất khỏi nhiệm vụ "
            "“quy-che-tiep-cong-dan”.",
            "Kiểm tra lại mã mục trong `supersedes` (xem bằng `dvcq progress list --task "
            "tham-muu-tiep-cong-dan-don-thu`); một mục chỉ đính chính mục của cùng nhiệm vụ.",
        )
    ]
    assert [m[4] for m in en] == [
        "This entry (task “tham-muu-tiep-cong-dan-don-thu”) supersedes entry “20260310-00000001” "
        "of another task, “quy-che-tiep-cong-dan”: that entry would disappear from task "
        "“quy-che-tiep-cong-dan”."
    ]
