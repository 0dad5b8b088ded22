"""Issue 11: every reader (status, report, export, progress list) counts an entry or names it.

One progress folder per kind of bad entry from the issue's "Why", each beside one good entry
(task quy-che-tiep-cong-dan, 4 lượt tiếp công dân, 2026-03-10). Every command that prints figures
runs over it; each must print the hand-computed figure, and name each entry it leaves out with
its file:line on stderr (and in JSON). A new kind of bad entry is one row of KINDS.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from cli_run import SAMPLE_PLAN, Result, run
from docx_read import open_docx

TASK = "quy-che-tiep-cong-dan"
FIGURE = "Lượt tiếp công dân"
KEY = "luot-tiep-cong-dan"
MARCH = "progress/2026/2026-03.yaml"
APRIL = "progress/2026/2026-04.yaml"


def entry(
    id: str,
    luot: float | str = 4,
    *,
    task: str = TASK,
    date: str = "2026-03-10",
    result: str = "Tiếp dân.",
    more: str = "",
) -> str:
    """One line as dvcq writes it (`more`: extra "key": value pairs after the values)."""
    values = f'{{"{KEY}": {luot}{more}}}'
    return (
        f'- {{"id": "{id}", "task": "{task}", "date": "{date}", "unit": "VP", '
        f'"status": "dang-thuc-hien", "result": "{result}", "values": {values}, "author": "A"}}'
    )


GOOD = entry("20260310-00000001")


@dataclass
class Kind:
    """A progress folder (file → lines, `ending` between them), the figure a leader must read,
    and the (file, line) of each entry the readers must name as left out."""

    name: str
    files: dict[str, list[str]]
    figure: int
    left_out: list[tuple[str, int]] = field(default_factory=list)
    ending: str = "\n"


KINDS = [
    Kind("nothing wrong", {MARCH: [GOOD]}, 4),
    # A task id renamed in the plan: the old entry is named, not silently dropped.
    Kind(
        "renamed task",
        {MARCH: [GOOD, entry("20260311-00000002", 5, task="quy-che-tiep-dan")]},
        4,
        [(MARCH, 2)],
    ),
    # A line duplicated by a union merge: counted once (4, not 8), the copy named.
    Kind("duplicated line", {MARCH: [GOOD, GOOD]}, 4, [(MARCH, 2)]),
    # Line endings turned into CR only: April's 3 still count (4 + 3).
    Kind(
        "CR-only file",
        {MARCH: [GOOD], APRIL: ["# ghi chú", entry("20260402-00000003", 3, date="2026-04-02")]},
        7,
        ending="\r",
    ),
    Kind(
        "CRLF file",
        {MARCH: [GOOD], APRIL: ["# ghi chú", entry("20260402-00000003", 3, date="2026-04-02")]},
        7,
        ending="\r\n",
    ),
    # A control character in a result: the entry is left out and named, not printed.
    Kind(
        "control character",
        {MARCH: [GOOD, entry("20260311-00000002", 10, result="Tiếp\\u0007 dân.")]},
        4,
        [(MARCH, 2)],
    ),
    # 1e308 is refused by the reader (number-too-large): its entry is named, never summed to inf.
    Kind(
        "huge value",
        {MARCH: [GOOD, entry("20260311-00000002", "1e308")]},
        4,
        [(MARCH, 2)],
    ),
    # A key dvcq does not know, on a line otherwise as dvcq writes it: named, its 9 not added.
    Kind(
        "unknown key",
        {
            MARCH: [
                GOOD,
                entry("20260311-00000002", 9).replace('"author"', '"ghi-chu": 1, "author"'),
            ]
        },
        4,
        [(MARCH, 2)],
    ),
    # A month file that is not YAML: what it holds is named by the file and the place it breaks.
    Kind(
        "unreadable file",
        {MARCH: [GOOD], APRIL: ['- {"id": "20260402-00000003", "task": [}']},
        4,
        [(APRIL, 1)],
    ),
    # Two corrections of one entry: the second is an error, so 12 counts, not 24.
    pytest.param(
        Kind(
            "double correction",
            {
                MARCH: [
                    entry("20260311-00000002", 12, date="2026-03-01"),
                    entry("20260312-00000003", 12, more="").replace(
                        '"author"', '"supersedes": "20260311-00000002", "author"'
                    ),
                    entry("20260313-00000004", 12).replace(
                        '"author"', '"supersedes": "20260311-00000002", "author"'
                    ),
                ]
            },
            12,
            [(MARCH, 3)],
        ),
    ),
    # An entry of another task superseding one of this task: A's 4 must not disappear.
    pytest.param(
        Kind(
            "correction across tasks",
            {
                MARCH: [
                    GOOD,
                    entry("20260312-00000002", 1, task="nghi-dinh-phan-anh-kien-nghi").replace(
                        '"author"', '"supersedes": "20260310-00000001", "author"'
                    ),
                ]
            },
            4,
            [(MARCH, 2)],
        ),
    ),
    # A value for an indicator the task does not declare: its entry must not add its 6.
    pytest.param(
        Kind(
            "undeclared indicator",
            {MARCH: [GOOD, entry("20260311-00000002", 6, more=', "buoi-quan-triet": 2')]},
            4,
            [(MARCH, 2)],
        ),
    ),
]


def workspace(tmp_path: Path, kind: Kind) -> Path:
    root = tmp_path / "w"
    (root / "plans").mkdir(parents=True)
    shutil.copy(SAMPLE_PLAN, root / "plans" / "2026.yaml")
    for name, lines in kind.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((kind.ending.join(lines) + kind.ending).encode("utf-8"))
    return root


PERIOD = ("2026-H1", "--as-of", "2026-11-27")


def figure_in(text: str) -> int | None:
    found = re.findall(FIGURE + r": (\d+)", text)
    assert len(set(found)) <= 1, found
    return int(found[0]) if found else None


def status_text(root: Path) -> tuple[Result, int | None]:
    """The board's indicator table (`--indicators`): `Lượt tiếp công dân   4 lượt`."""
    r = run("status", "--period", *PERIOD, "--indicators", cwd=root, env={"COLUMNS": "400"})
    found = re.findall(FIGURE + r"\s+([\d.]+) lượt", r.stdout)
    assert len(set(found)) <= 1, found
    return r, int(found[0].replace(".", "")) if found else None


def status_json(root: Path) -> tuple[Result, int | None]:
    r = run("status", "--period", *PERIOD, "--format", "json", cwd=root)
    row = next(t for t in json.loads(r.stdout)["tasks"] if t["task"] == TASK)
    return r, row["indicators"].get(KEY)


def report_md(root: Path) -> tuple[Result, int | None]:
    r = run("report", *PERIOD, "-f", "md", cwd=root)
    return r, figure_in(r.stdout)


def report_docx(root: Path) -> tuple[Result, int | None]:
    r = run("report", *PERIOD, "-o", "r.docx", cwd=root)
    text = "\n".join(p.text for p in open_docx(root / "r.docx").paragraphs)
    return r, figure_in(text)


def export_xlsx(root: Path) -> tuple[Result, int | None]:
    r = run("export", "xlsx", *PERIOD, "-o", "x.xlsx", cwd=root)
    sheet = openpyxl.load_workbook(root / "x.xlsx")["Nhiệm vụ"]
    header = [c.value for c in sheet[1]]
    column = header.index(f"{FIGURE} (lượt)")
    row = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[2] == TASK)
    return r, row[column]


def progress_list_csv(root: Path) -> tuple[Result, int | None]:
    r = run("progress", "list", "--period", *PERIOD, "--format", "csv", cwd=root)
    rows = [row for row in csv.DictReader(io.StringIO(r.stdout)) if row["task"] == TASK]
    values = [dict(v.split("=") for v in row["values"].split("; ")) for row in rows]
    return r, sum(int(v[KEY]) for v in values if KEY in v)


READERS = [status_text, status_json, report_md, report_docx, export_xlsx, progress_list_csv]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_reader_counts_right_or_names_what_it_left_out(tmp_path: Path, kind: Kind) -> None:
    root = workspace(tmp_path, kind)
    for reader in READERS:
        r, figure = reader(root)
        assert r.returncode == 0, (reader.__name__, r.stderr)
        named = re.findall(
            r"^Cảnh báo: (\S+):(\d+):\d+: mục tiến độ không được tính", r.stderr, re.M
        )
        assert [(f, int(n)) for f, n in named] == kind.left_out, (reader.__name__, r.stderr)
        assert figure == kind.figure, (reader.__name__, r.stdout)


def test_left_out_is_in_json_in_both_languages(tmp_path: Path) -> None:
    root = workspace(tmp_path, KINDS[1])  # the renamed task
    vi = run("status", "--period", *PERIOD, "--format", "json", cwd=root)
    en = run("status", "--period", *PERIOD, "--format", "json", "--lang", "en", cwd=root)
    vi_message = (
        "Mục tiến độ ghi cho nhiệm vụ “quy-che-tiep-dan”, nhưng kế hoạch không có nhiệm vụ này."
    )
    en_message = "The entry is for task “quy-che-tiep-dan”, which the plan does not have."
    where = {"file": MARCH, "line": 2, "column": 40, "rule": "unknown-task"}
    assert json.loads(vi.stdout)["left_out"] == [{**where, "message": vi_message}]
    assert json.loads(en.stdout)["left_out"] == [{**where, "message": en_message}]
    assert vi.stderr.splitlines() == [
        f"Cảnh báo: {MARCH}:2:40: mục tiến độ không được tính: {vi_message} (unknown-task)",
        "Cảnh báo: 1 mục tiến độ không được tính vào số liệu; chạy `dvcq check` để xem và sửa, "
        "hoặc dùng --strict để dừng khi có.",
    ]
    assert en.stderr.splitlines() == [
        f"Warning: {MARCH}:2:40: progress entry left out: {en_message} (unknown-task)",
        "Warning: 1 progress entry left out of the figures; run `dvcq check` to see and fix "
        "them, or use --strict to stop when there are any.",
    ]
    listed = run("progress", "list", "--format", "json", cwd=root)
    data = json.loads(listed.stdout)
    assert [e["id"] for e in data["entries"]] == ["20260310-00000001"]
    assert data["left_out"] == [{**where, "message": vi_message}]
    # The check names the same entry: a clean check is exactly "nothing left out".
    check = run("check", "--format", "json", cwd=root)
    errors = [(p["file"], p["line"], p["rule"]) for p in json.loads(check.stdout)["problems"]]
    assert (MARCH, 2, "unknown-task") in errors


def test_a_clean_folder_says_nothing(tmp_path: Path) -> None:
    root = workspace(tmp_path, KINDS[0])
    r = run("status", "--period", *PERIOD, "--format", "json", cwd=root)
    assert (r.returncode, r.stderr, json.loads(r.stdout)["left_out"]) == (0, "", [])


STRICT = [
    ("status",),
    ("status", "--format", "json"),
    ("report", "2026-H1", "-f", "md"),
    ("report", "2026-H1", "-o", "r.docx"),
    ("report", "2026-H1", "-o", "r.md"),
    ("export", "xlsx", "2026-H1", "-o", "x.xlsx"),
    ("progress", "list"),
    ("progress", "list", "--format", "json"),
    ("progress", "list", "--format", "csv"),
]


@pytest.mark.parametrize("args", STRICT, ids=" ".join)
def test_strict_fails_and_writes_nothing(tmp_path: Path, args: tuple[str, ...]) -> None:
    root = workspace(tmp_path, KINDS[2])  # the duplicated line
    before = sorted(p.name for p in root.iterdir())
    r = run(*args, "--strict", cwd=root)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [
        f"Cảnh báo: {MARCH}:2:11: mục tiến độ không được tính: Mã mục tiến độ “20260310-00000001” "
        f"bị trùng (đã có ở {MARCH}:1). (duplicate-entry-id)",
        "Lỗi: 1 mục tiến độ không được tính (--strict): không in, không ghi gì. Sửa các lỗi trên "
        "(`dvcq check` liệt kê đủ) rồi chạy lại.",
    ]
    assert sorted(p.name for p in root.iterdir()) == before
    en = run(*args, "--strict", "--lang", "en", cwd=root)
    assert en.returncode == 1
    assert en.stderr.splitlines()[-1] == (
        "Error: 1 progress entry left out (--strict): nothing printed or written. Fix the errors "
        "above (`dvcq check` lists them all) and run again."
    )
    clean = workspace(tmp_path / "clean", KINDS[0])
    if args[0] == "report":  # a report's --strict also wants what a văn thư checks: a plan number
        plan = clean / "plans" / "2026.yaml"
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("\n  number: null", '\n  number: "12"', 1), encoding="utf-8")
    assert run(*args, "--strict", cwd=clean).returncode == 0


BAD_PROGRESS = [
    ("status",),
    ("report", "2026-H1", "-f", "md"),
    ("export", "xlsx", "2026-H1", "-o", "x.xlsx"),
    ("progress", "list"),
    ("check",),
]


@pytest.mark.parametrize("args", BAD_PROGRESS, ids=" ".join)
def test_a_named_progress_folder_must_exist(tmp_path: Path, args: tuple[str, ...]) -> None:
    root = workspace(tmp_path, KINDS[0])
    (root / "README.md").write_text("# x\n", encoding="utf-8")
    typo = run(*args, "--progress", "progres", cwd=root)
    assert (typo.returncode, typo.stdout) == (2, "")
    assert typo.stderr == (
        "Lỗi: --progress progres: không có thư mục này. Kiểm tra lại đường dẫn, hoặc bỏ "
        "--progress để dùng progress/ cạnh thư mục plans/.\n"
    )
    en = run(*args, "--progress", "progres", "--lang", "en", cwd=root)
    assert en.stderr == (
        "Error: --progress progres: no such folder. Check the path, or leave out --progress to "
        "use progress/ beside the plans/ folder.\n"
    )
    file = run(*args, "--progress", "README.md", cwd=root)
    assert (file.returncode, file.stdout) == (2, "")
    assert file.stderr == (
        "Lỗi: --progress README.md: đây không phải là thư mục. Ghi thư mục tiến độ (chứa các "
        "thư mục năm như 2026/), ví dụ --progress progress.\n"
    )
    assert not (root / "x.xlsx").exists()
    assert run(*args, "--progress", "progress", cwd=root).returncode == 0


def test_the_default_progress_folder_may_be_missing(tmp_path: Path) -> None:
    root = workspace(tmp_path, Kind("none", {}, 0))
    r = run("status", "--format", "json", cwd=root)
    assert (r.returncode, r.stderr) == (0, "")


ENDINGS = ["\n", "\r\n", "\r"]


@pytest.mark.parametrize("ending", ENDINGS, ids=repr)
def test_every_line_ending_reads_the_same_entries(tmp_path: Path, ending: str) -> None:
    from dvcq.progress.store import read_progress

    lines = ["# đầu tệp", GOOD, "", entry("20260311-00000002", 5)]
    path = tmp_path / "2026-03.yaml"
    path.write_bytes((ending.join(lines) + ending).encode("utf-8"))
    progress = read_progress([path])
    assert progress.problems == []
    got = [(e.id, e.line, e.values) for e in progress.entries]
    assert got == [("20260310-00000001", 2, {KEY: 4}), ("20260311-00000002", 4, {KEY: 5})]


def test_a_sum_of_many_large_values_stays_finite_and_json(tmp_path: Path) -> None:
    big = 999_999_999_999_999  # the largest the reader accepts (under 10^15)
    lines = [
        entry(f"202603{d:02d}-{i:08x}", big, date=f"2026-03-{d:02d}")
        for i, d in enumerate(range(1, 29))
    ]
    root = workspace(tmp_path, Kind("big", {MARCH: lines}, 0))
    r = run("status", "--period", *PERIOD, "--format", "json", cwd=root)
    assert r.returncode == 0 and r.stderr == ""
    row = next(t for t in json.loads(r.stdout)["tasks"] if t["task"] == TASK)
    assert row["indicators"][KEY] == 27_999_999_999_999_972


def test_an_entry_read_with_an_error_is_left_out_not_used(tmp_path: Path) -> None:
    """A file the YAML reader reads (a comment after an entry is not dvcq's form): the entry
    built despite its unknown key is left out, for that problem, and only the good one counts."""
    import datetime as dt

    from dvcq.progress.store import read_progress
    from dvcq.progress.usable import usable
    from dvcq.rules.check import open_plan

    bad = entry("20260311-00000002", 9).replace('"author"', '"ghi-chu": 1, "author"')
    path = tmp_path / "2026-03.yaml"
    path.write_text(f"{GOOD}\n{bad}  # sửa tay\n", encoding="utf-8")
    counted = usable(open_plan(SAMPLE_PLAN), read_progress([path]), dt.date(2026, 11, 27))
    assert [e.id for e in counted.progress.entries] == ["20260310-00000001"]
    assert [(p.pos.line, p.rule) for p in counted.left_out] == [(2, "unknown-key")]
