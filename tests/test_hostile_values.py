"""Hostile values in plans and progress files (issue 12): every one a problem or handled, never
exit 3, never a live formula in a workbook, never a raw control sequence on a terminal."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from cli_run import SAMPLE, run, time_limit


@pytest.fixture(autouse=True)
def bounded_in_time() -> Iterator[None]:
    """Each test fails after 60 s rather than hanging the suite (SIGALRM; POSIX)."""
    with time_limit(60):
        yield


MONTH = Path("progress/2026/2026-03.yaml")
ENTRY = (
    '- {"id": "20260310-deadbeef", "task": "quy-che-tiep-cong-dan", "date": "2026-03-10", '
    '"unit": "VP", "status": "dang-thuc-hien", "result": "RESULT", "values": VALUES, '
    '"author": "AUTHOR"}\n'
)


def line(result: str = "Tiếp dân.", values: str = "{}", author: str = "Văn thư") -> str:
    return ENTRY.replace("RESULT", result).replace("VALUES", values).replace("AUTHOR", author)


def workspace(
    tmp_path: Path, month: str | None = None, plan: tuple[str, str] | None = None
) -> Path:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    if month is not None:
        (root / MONTH).write_text(month, encoding="utf-8")
    if plan is not None:
        path = root / "plans" / "2026.yaml"
        text = path.read_text(encoding="utf-8")
        assert plan[0] in text
        path.write_text(text.replace(plan[0], plan[1], 1), encoding="utf-8")
    return root


def problems(root: Path, lang: str = "vi") -> list[tuple[str, str, int, int, str]]:
    r = run("check", "--format", "json", "--lang", lang, cwd=root)
    assert r.returncode == 1, r.stderr
    return [
        (p["file"], p["rule"], p["line"], p["column"], p["message"])
        for p in json.loads(r.stdout)["problems"]
        if p["rule"] != "citation-type-mismatch"  # the sample plan's one known warning
    ]


EVERY_COMMAND = [
    ("check",),
    ("status",),
    ("status", "--format", "json"),
    ("show",),
    ("report", "2026-H1", "--format", "md"),
    ("report", "2026-H1", "-o", "bc.docx"),
    ("export", "xlsx", "2026-H1", "-o", "x.xlsx"),
    ("progress", "list"),
    ("progress", "list", "--format", "csv"),
    ("fmt", "--check"),
    ("diff", "--textconv", "plans/2026.yaml"),
]


def never_exit_3(root: Path) -> dict[str, int]:
    codes = {}
    for args in EVERY_COMMAND:
        r = run(*args, cwd=root)
        assert r.returncode != 3, (args, r.stderr)
        assert "Lỗi nội bộ" not in r.stderr, args
        codes[" ".join(args)] = r.returncode
    return codes


# --- numbers --------------------------------------------------------------------------------------

BIG = "9" * 400  # 400 digits: math.isfinite(int) overflowed in check, status, report, export


def test_a_400_digit_progress_value_is_a_problem_at_its_place(tmp_path: Path) -> None:
    root = workspace(tmp_path, line(values='{"luot-tiep-cong-dan": ' + BIG + "}"))
    assert problems(root) == [
        (
            str(MONTH),
            "number-too-large",
            1,
            184,
            "Số “99999999999999999999…” quá lớn (dvcq chỉ đọc số nhỏ hơn 10^15, tức một triệu tỷ).",
        )
    ]
    assert problems(root, "en")[0][4] == (
        "The number “99999999999999999999…” is too large (dvcq reads numbers below 10^15, "
        "a million billion)."
    )
    codes = never_exit_3(root)
    assert codes["status"] == codes["export xlsx 2026-H1 -o x.xlsx"] == 0  # the entry, unvalued


def test_an_overflowing_float_is_a_problem_and_fmt_keeps_the_line(tmp_path: Path) -> None:
    month = line(values='{"luot-tiep-cong-dan": 1' + "0" * 320 + ".5}")
    root = workspace(tmp_path, month)
    assert [p[1:4] for p in problems(root)] == [("number-too-large", 1, 184)]
    never_exit_3(root)
    r = run("fmt", cwd=root)
    assert r.returncode == 1 and "quá lớn" in r.stderr
    assert (root / MONTH).read_text(encoding="utf-8") == month  # left as it was


def test_sums_of_the_largest_accepted_values_stay_exact(tmp_path: Path) -> None:
    most = "999999999999999"  # 10^15 - 1: the largest integer read
    month = line(values='{"don-thu-tiep-nhan": ' + most + "}") + line(
        values='{"don-thu-tiep-nhan": ' + most + "}"
    ).replace("deadbeef", "deadbee0")
    root = workspace(tmp_path, month)
    for other in (root / "progress" / "2026").glob("2026-*.yaml"):
        if other.name != MONTH.name:
            other.unlink()  # only the two entries count
    r = run("status", "--format", "json", cwd=root)
    assert r.returncode == 0, r.stderr
    rows = {row["task"]: row for row in json.loads(r.stdout)["tasks"]}
    assert rows["quy-che-tiep-cong-dan"]["indicators"]["don-thu-tiep-nhan"] == 1999999999999998
    assert run("report", "2026-H1", "--format", "md", cwd=root).returncode == 0


def test_a_3700_digit_hex_plan_number_stops_every_command_with_its_place(tmp_path: Path) -> None:
    root = workspace(tmp_path, plan=("number: null", "number: 0x" + "f" * 3700))
    message = (
        "Số “0xffffffffffffffffff…” quá lớn (dvcq chỉ đọc số nhỏ hơn 10^15, tức một triệu tỷ)."
    )
    assert problems(root) == [("plans/2026.yaml", "number-too-large", 15, 11, message)]
    codes = never_exit_3(root)
    assert codes["show"] == codes["status"] == codes["report 2026-H1 --format md"] == 1
    r = run("show", cwd=root)
    assert f"plans/2026.yaml:15:11: {message}" in r.stderr
    textconv = run("diff", "--textconv", "plans/2026.yaml", cwd=root)
    assert textconv.returncode == 0 and "document number" not in textconv.stdout
    other = run("diff", str(SAMPLE / "plans" / "2026.yaml"), "plans/2026.yaml", cwd=root)
    assert other.returncode != 3, other.stderr


def test_a_year_of_10_to_the_300_with_progress_present(tmp_path: Path) -> None:
    root = workspace(tmp_path, plan=("year: 2026", "year: 1" + "0" * 300))
    assert [p[1:4] for p in problems(root)] == [("number-too-large", 23, 11)]  # no path built
    codes = never_exit_3(root)
    assert codes["status"] == codes["progress list"] == 1


# --- text that is no text -------------------------------------------------------------------------


def test_a_lone_surrogate_escape_is_refused_where_written(tmp_path: Path) -> None:
    month = line(result="x\\ud800")
    root = workspace(tmp_path, month)
    col = month.index("\\ud800") + 1
    assert problems(root) == [
        (
            str(MONTH),
            "invalid-escape",
            1,
            col,
            "Mã thoát “\\ud800” không cho ra một ký tự Unicode hợp lệ (nửa cặp surrogate đứng "
            "riêng, hoặc ngoài bảng mã).",
        )
    ]
    assert problems(root, "en")[0][4] == (
        "The escape “\\ud800” does not give a valid Unicode character (a lone surrogate half, "
        "or beyond Unicode)."
    )
    never_exit_3(root)
    assert run("fmt", cwd=root).returncode == 1
    assert (root / MONTH).read_text(encoding="utf-8") == month


def test_a_surrogate_pair_escape_is_one_character(tmp_path: Path) -> None:
    root = workspace(tmp_path, line(result="Tiếp dân \\ud83d\\ude00"))
    assert problems_or_none(root) == []
    r = run("progress", "list", "--format", "json", cwd=root)
    assert any(e["result"] == "Tiếp dân 😀" for e in json.loads(r.stdout)["entries"])


def problems_or_none(root: Path) -> list[str]:
    r = run("check", "--format", "json", cwd=root)
    return [p["rule"] for p in json.loads(r.stdout)["problems"] if p["level"] == "error"]


def test_a_nul_in_a_result_is_a_problem_and_the_export_names_it(tmp_path: Path) -> None:
    month = line(result="x\\u0000y")
    root = workspace(tmp_path, month)
    col = month.index("x\\u0000y") + 1
    assert problems(root) == [
        (
            str(MONTH),
            "entry-control-character",
            1,
            col,
            "Giá trị “result” của mục tiến độ chứa ký tự điều khiển không in được (mã U+0000).",
        )
    ]
    assert problems(root, "en")[0][4] == (
        "The entry's “result” holds a non-printing control character (U+0000)."
    )
    never_exit_3(root)
    # The entry is left out of the workbook, and the export says which and why (issue 11).
    exported = run("export", "xlsx", "2026", "-o", "y.xlsx", cwd=root)
    assert exported.returncode == 0
    assert f"Cảnh báo: {MONTH}:1:{col}: mục tiến độ không được tính: Giá trị “result”" in (
        exported.stderr
    )
    sheet = openpyxl.load_workbook(root / "y.xlsx")["Mục tiến độ"]
    results = [row[5].value for row in sheet.iter_rows(min_row=2)]
    assert len(results) == 87 and not any("x" in r and "y" in r and len(r) == 3 for r in results)


# --- formulas -------------------------------------------------------------------------------------

HYPERLINK = '=HYPERLINK(\\"http://x\\",\\"bấm\\")'
CMD = "=cmd|' /C calc'!A0"


def test_texts_that_look_like_formulas_stay_text_in_the_workbook(tmp_path: Path) -> None:
    plan = ("text: Tổ chức triển khai xây dựng", "text: =1+2 Tổ chức triển khai xây dựng")
    root = workspace(tmp_path, line(result=HYPERLINK, author=CMD), plan=plan)
    unit = root / "plans" / "2026.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("name: Văn phòng Sở", "name: '@SUM(A1)'", 1),
        encoding="utf-8",
    )
    r = run("export", "xlsx", "2026-H1", "-o", "x.xlsx", cwd=root)
    assert r.returncode == 0, r.stderr
    book = openpyxl.load_workbook(root / "x.xlsx")
    entries = book["Mục tiến độ"]
    row = next(r for r in entries.iter_rows(min_row=2) if r[1].value == "20260310-deadbeef")
    assert (row[5].value, row[5].data_type) == ('=HYPERLINK("http://x","bấm")', "s")
    author = row[-2]
    assert (author.value, author.data_type, author.quotePrefix) == (CMD, "s", True)
    assert (row[3].value, row[3].data_type) == ("@SUM(A1)", "s")
    tasks = book["Nhiệm vụ"]
    texts = {r[3].value: r[3].data_type for r in tasks.iter_rows(min_row=2)}
    formula_task = next(t for t in texts if t.startswith("=1+2 "))
    assert texts[formula_task] == "s"
    with zipfile.ZipFile(root / "x.xlsx") as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(name) and b"<f " not in package.read(name)


def test_csv_cells_that_would_start_a_formula_are_quoted(tmp_path: Path) -> None:
    root = workspace(tmp_path, line(result=HYPERLINK, author="+1 Văn thư"))
    r = run("progress", "list", "--format", "csv", "--task", "quy-che-tiep-cong-dan", cwd=root)
    assert r.returncode == 0, r.stderr
    mine = next(row for row in r.stdout.splitlines() if "deadbeef" in row)
    assert mine == (
        "20260310-deadbeef,quy-che-tiep-cong-dan,2026-03-10,VP,dang-thuc-hien,"
        '"\'=HYPERLINK(""http://x"",""bấm"")",,,\'+1 Văn thư,'
    )


# --- terminals ------------------------------------------------------------------------------------

TITLE = "\\u001b]0;pwned\\u0007"  # sets the terminal's title when printed raw


def test_check_and_progress_list_show_escapes_not_sequences(tmp_path: Path) -> None:
    month = line(result="Tiếp dân" + TITLE).replace(
        '"task": "quy-che-tiep-cong-dan"', '"task": "quy-che' + TITLE + '"'
    )
    root = workspace(tmp_path, month)
    r = run("check", cwd=root)
    assert r.returncode == 1
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "nhiệm vụ “quy-che\\x1b]0;pwned\\x07”, nhưng kế hoạch" in r.stdout
    raw = run("check", "--format", "json", cwd=root)
    assert any(
        "quy-che\x1b]0;pwned\x07" in p["message"] for p in json.loads(raw.stdout)["problems"]
    )
    github = run("check", "--format", "github", cwd=root)
    assert "\x1b" not in github.stdout and "quy-che\\x1b]0;pwned\\x07" in github.stdout
    listed = run("progress", "list", cwd=root)  # the entry of an unknown task is left out
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout + listed.stderr
    assert "deadbeef" not in listed.stdout and listed.stdout.endswith("\n87 mục.\n")
    assert f"{MONTH}:1:40: mục tiến độ không được tính: Giá trị “task” của mục" in listed.stderr


def test_bidi_overrides_in_the_plan_are_shown_as_escapes(tmp_path: Path) -> None:
    plan = ("text: Tổ chức triển khai xây dựng", "text: Tổ chức \u202etriển khai xây dựng")
    root = workspace(tmp_path, plan=plan)
    names = root / "plans" / "2026.yaml"
    names.write_text(
        names.read_text(encoding="utf-8").replace(
            "name: Buổi quán triệt", "name: Buổi \u2066quán triệt", 1
        ),
        encoding="utf-8",
    )
    shown = run("show", cwd=root)
    assert shown.returncode == 0, shown.stderr
    assert "\u202e" not in shown.stdout and "Tổ chức \\u202etriển khai" in shown.stdout
    status = run("status", "--indicators", cwd=root, env={"COLUMNS": "400"})
    assert status.returncode == 0, status.stderr
    assert "\u2066" not in status.stdout and "Buổi \\u2066quán triệt" in status.stdout
    # The board names each task by its short title: escaped the same way.
    assert "\u202e" not in status.stdout and "Tổ chức \\u202etriển khai" in status.stdout
    textconv = run("diff", "--textconv", "plans/2026.yaml", cwd=root)
    assert "\u202e" not in textconv.stdout and "Tổ chức \\u202etriển khai" in textconv.stdout
    diff = run("diff", str(SAMPLE / "plans" / "2026.yaml"), "plans/2026.yaml", cwd=root)
    assert diff.returncode == 0, diff.stderr
    assert "\u202e" not in diff.stdout and "\\u202e" in diff.stdout
