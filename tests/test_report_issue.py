"""Before a report is issued: `dvcq report` lists what a records clerk (văn thư) would catch, and
`dvcq check` checks the notes files under reports/ (issue 11, point 5).

Each test works on a copy of the sample workspace (tests/data/sample) whose plan has a number,
so that stderr holds only the case's own problem; the first tests keep the blank number.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_run import SAMPLE, Result, run

AS_OF = "2026-06-30"
NOTES = "reports/2026-H1.yaml"

NUMBER_BLANK = {
    "vi": "plans/2026.yaml:15:11  cảnh báo  Kế hoạch chưa có số (document.number) mà báo cáo trích "
    "dẫn nó: báo cáo sẽ ghi “Kế hoạch số …/KH-SNgV” như một bản dự thảo.  (report-plan-number)\n"
    "      → Điền số văn thư đã cấp cho kế hoạch vào `document.number` trước khi ban hành báo "
    "cáo.\n",
    "en": "plans/2026.yaml:15:11  warning  The plan has no number yet (document.number) while the "
    "report cites it: the report will read “Kế hoạch số …/KH-SNgV”, as a draft does.  "
    "(report-plan-number)\n"
    "      → Put the number the records office gave the plan in `document.number` before the "
    "report is issued.\n",
}
BEFORE_CUTOFF = {
    "vi": "reports/2026-H1.yaml:1:6  cảnh báo  Báo cáo ghi 10/6/2026, trước ngày chốt số liệu của "
    "kỳ 2026-H1 (14/6/2026).  (report-before-cutoff)\n"
    "      → Báo cáo được lập sau ngày chốt số liệu (Nghị định 09/2019): sửa `day`/`month`.\n",
    "en": "reports/2026-H1.yaml:1:6  warning  The report is dated 10/6/2026, before the data cut-off "
    "of period 2026-H1 (14/6/2026).  (report-before-cutoff)\n"
    "      → A report is made after its cut-off (Nghị định 09/2019): fix `day`/`month`.\n",
}
MONTH_BEFORE = (
    "reports/2026-H1.yaml:1:8  cảnh báo  Báo cáo ghi 5/2026, trước ngày chốt số liệu của kỳ "
    "2026-H1 (14/6/2026).  (report-before-cutoff)\n"
    "      → Báo cáo được lập sau ngày chốt số liệu (Nghị định 09/2019): sửa `day`/`month`.\n"
)
MONTH_OUTSIDE = {
    "vi": "reports/2026-H1.yaml:1:8  cảnh báo  Tháng 9 nằm ngoài kỳ báo cáo 2026-H1 (tháng 1–6): "
    "báo cáo kỳ này được lập trong tháng 6 hoặc tháng sau đó.  (report-month-outside)\n"
    "      → Sửa `month`, hoặc bỏ dòng này để dùng tháng 6 (tháng chốt số liệu).\n",
    "en": "reports/2026-H1.yaml:1:8  warning  Month 9 is outside the reach of period 2026-H1 (month "
    "1–6): its report is made in month 6 or the month after.  (report-month-outside)\n"
    "      → Fix `month`, or leave it out to use month 6 (the cut-off month).\n",
}
NO_DAY = {
    "vi": "reports/2026-H1.yaml:1:6  lỗi  Ngày báo cáo không có thật: ngày 31 không có trong tháng "
    "6/2026.  (report-day-impossible)\n"
    "      → Sửa `day` (tháng 6/2026 có 30 ngày) hoặc bỏ dòng này để văn thư điền.\n",
    "en": "reports/2026-H1.yaml:1:6  error  The report's date does not exist: day 31 is not in "
    "6/2026.  (report-day-impossible)\n"
    "      → Fix `day` (6/2026 has 30 days) or leave it out for the records office.\n",
}
AUTHORITY = {
    "vi": "  lỗi  Thẩm quyền ký “Giám đốc” của báo cáo không bắt đầu bằng TM., KT., Q., TL. hoặc "
    "TUQ.  (report-signer-authority)\n"
    "      → Ví dụ: “KT. GIÁM ĐỐC” (cấp phó ký thay); nếu người đứng đầu ký trực tiếp thì để "
    'trống ("").\n',
    "en": "  error  The report's signing authority “Giám đốc” does not start with TM., KT., Q., TL. "
    "or TUQ.  (report-signer-authority)\n"
    "      → For example “KT. GIÁM ĐỐC” (a deputy signs for the head); when the head signs in "
    'person, give it empty ("").\n',
}
REFUSED = {
    "vi": "Lỗi: Chưa ghi báo cáo: {e} lỗi, {w} cảnh báo ở trên{s}; sửa rồi chạy lại.\n",
    "en": "Error: The report was not written: {e} error(s), {w} warning(s) above{s}; fix them and "
    "run again.\n",
}


def workspace(tmp_path: Path, number: str | None = "05", notes: str | None = None) -> Path:
    """A copy of the sample workspace, its plan numbered `number`, its H1 notes `notes`."""
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLE, ws)
    plan = ws / "plans/2026.yaml"
    if number is not None:
        text = plan.read_text(encoding="utf-8")
        blank = "  number: null  # blank until"
        assert blank in text
        plan.write_text(text.replace(blank, f'  number: "{number}"  #'), encoding="utf-8")
    if notes is not None:
        (ws / NOTES).write_text(notes, encoding="utf-8")
    return ws


def report(ws: Path, *extra: str, lang: str = "vi") -> Result:
    args = ("report", "2026-H1", "--as-of", AS_OF, "-f", "md", "-o", "out.md", "--lang", lang)
    return run(*args, *extra, cwd=ws)


def refused(errors: int, warnings: int, lang: str, strict: bool = False) -> str:
    return REFUSED[lang].format(e=errors, w=warnings, s=" (--strict)" if strict else "")


# --- dvcq report ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_blank_plan_number_is_listed_and_cited_as_a_draft(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, number=None, notes="day: 16\n")  # no leadership: the default words
    done = report(ws, lang=lang)
    assert (done.returncode, done.stderr) == (0, NUMBER_BLANK[lang])
    text = (ws / "out.md").read_text(encoding="utf-8")
    assert "; Kế hoạch số …/KH-SNgV tháng 4 năm 2026 của Sở Ngoại vụ về triển khai" in text
    assert "Sở Ngoại vụ ban hành Kế hoạch số …/KH-SNgV và tổ chức" in text
    assert " số /KH-SNgV" not in text


def test_a_numbered_plan_is_cited_by_its_number(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    done = report(ws)
    assert (done.returncode, done.stderr) == (0, "")
    text = (ws / "out.md").read_text(encoding="utf-8")
    assert "; Kế hoạch số 05/KH-SNgV tháng 4 năm 2026 của Sở Ngoại vụ" in text
    assert "…/KH-SNgV" not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_strict_refuses_to_write_with_a_warning(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, number=None)
    done = report(ws, "--strict", lang=lang)
    assert done.returncode == 1 and not (ws / "out.md").exists()
    assert done.stderr == NUMBER_BLANK[lang] + refused(0, 1, lang, strict=True)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_dated_before_the_cutoff(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes="day: 10\n")
    done = report(ws, lang=lang)
    assert (done.returncode, done.stderr) == (0, BEFORE_CUTOFF[lang])
    assert (ws / "out.md").exists()
    strict = report(ws, "--strict", "--force", lang=lang)
    assert strict.returncode == 1
    assert strict.stderr == BEFORE_CUTOFF[lang] + refused(0, 1, lang, strict=True)


def test_a_month_before_the_cutoff_month(tmp_path: Path) -> None:
    ws = workspace(tmp_path, notes="month: 5\n")
    done = report(ws)
    assert (done.returncode, done.stderr) == (0, MONTH_BEFORE)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_month_outside_the_period(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes="month: 9\n")
    done = report(ws, lang=lang)
    assert (done.returncode, done.stderr) == (0, MONTH_OUTSIDE[lang])


@pytest.mark.parametrize("notes", ["day: 16\n", "day: 5\nmonth: 7\n", "month: 7\n"])
def test_a_date_after_the_cutoff_is_clean(tmp_path: Path, notes: str) -> None:
    done = report(workspace(tmp_path, notes=notes))
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_day_that_does_not_exist_is_refused_with_its_place(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes="day: 31\n")
    done = report(ws, lang=lang)
    assert done.returncode == 1 and not (ws / "out.md").exists()
    assert done.stderr == NO_DAY[lang] + refused(1, 0, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_signer_authority_option_breaking_the_rule(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path)
    done = report(ws, "--signer-authority", "Giám đốc", lang=lang)
    assert done.returncode == 1 and not (ws / "out.md").exists()
    assert done.stderr == "--signer-authority" + AUTHORITY[lang] + refused(1, 0, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_signer_authority_in_the_notes_breaking_the_rule(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes="day: 16\nsigner:\n  authority: Giám đốc\n")
    done = report(ws, lang=lang)
    assert done.returncode == 1 and not (ws / "out.md").exists()
    assert done.stderr == f"{NOTES}:3:14" + AUTHORITY[lang] + refused(1, 0, lang)
    # The command line wins the notes, and is the one checked.
    fixed = report(ws, "--signer-authority", "KT. GIÁM ĐỐC", lang=lang)
    assert (fixed.returncode, fixed.stderr) == (0, "") and (ws / "out.md").exists()


BLANK = {
    "vi": "  lỗi  “{key}” của người ký báo cáo để trống: khối chữ ký sẽ in một dòng trắng.  "
    "(report-signer-blank)\n"
    "      → Ghi chức vụ (title) và họ tên (name) người ký, hoặc bỏ dòng này để dùng người ký của "
    "kế hoạch.\n",
    "en": "  error  The report signer's “{key}” is blank: the signature block would print an empty "
    "line.  (report-signer-blank)\n"
    "      → Give the signer's title and name, or leave the line out to use the plan's signer.\n",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_blank_signer_name_or_title_is_refused(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes='day: 16\nsigner:\n  name: " "\n')
    done = report(ws, lang=lang)
    assert done.returncode == 1 and not (ws / "out.md").exists()
    assert done.stderr == f"{NOTES}:3:10" + BLANK[lang].format(key="name") + refused(1, 0, lang)
    option = report(ws, "--signer-name", "Nguyễn Văn A", "--signer-title", "  ", lang=lang)
    assert option.returncode == 1 and not (ws / "out.md").exists()
    assert option.stderr == "--signer-title" + BLANK[lang].format(key="title") + refused(1, 0, lang)
    # An empty option says "not given" (the notes' or the plan's is used): the notes' blank stays.
    empty = report(ws, "--signer-name", "", lang=lang)
    assert empty.stderr == f"{NOTES}:3:10" + BLANK[lang].format(key="name") + refused(1, 0, lang)


def test_head_signing_in_person_is_accepted(tmp_path: Path) -> None:
    done = report(workspace(tmp_path), "--signer-authority", "", "--signer-title", "GIÁM ĐỐC")
    assert (done.returncode, done.stderr) == (0, "")


# --- dvcq check over reports/ -----------------------------------------------------------------


def check(ws: Path, lang: str = "vi") -> tuple[int, list[dict[str, Any]]]:
    done = run("check", "--format", "json", "--lang", lang, cwd=ws)
    found = json.loads(done.stdout)["problems"]
    return done.returncode, [
        {k: p[k] for k in ("file", "line", "column", "level", "rule", "message")}
        for p in found
        if p["rule"] != "citation-type-mismatch"  # the sample plan's own warning
    ]


def test_check_reads_the_sample_notes_and_finds_them_clean(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    done = run("check", "--format", "json", cwd=ws)
    data = json.loads(done.stdout)
    assert done.returncode == 0 and NOTES in data["files"]
    assert [p["rule"] for p in data["problems"]] == ["citation-type-mismatch"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_reports_a_bad_notes_file_with_positions(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path, notes="day: 31\nmonth: 6\nsigner:\n  authority: Giám đốc\n")
    code, found = check(ws, lang)
    words = {
        "vi": (
            "Ngày báo cáo không có thật: ngày 31 không có trong tháng 6/2026.",
            "Thẩm quyền ký “Giám đốc” của báo cáo không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.",
        ),
        "en": (
            "The report's date does not exist: day 31 is not in 6/2026.",
            "The report's signing authority “Giám đốc” does not start with TM., KT., Q., TL. or "
            "TUQ.",
        ),
    }[lang]
    assert code == 1
    assert found == [
        {
            "file": NOTES,
            "line": 1,
            "column": 6,
            "level": "error",
            "rule": "report-day-impossible",
            "message": words[0],
        },
        {
            "file": NOTES,
            "line": 4,
            "column": 14,
            "level": "error",
            "rule": "report-signer-authority",
            "message": words[1],
        },
    ]


@pytest.mark.parametrize(
    ("notes", "rule", "line", "column"),
    [
        ("leadership: |\n  tốt\n day: 3\n", "yaml-syntax", 3, 2),
        ("strenghts: tốt\n", "unknown-key", 1, 1),
        ("day: mười sáu\n", "wrong-type", 1, 6),
        ("day: 40\n", "invalid-value", 1, 6),
        ("- một danh sách\n", "wrong-type", 1, 1),
        ("month: 9\n", "report-month-outside", 1, 8),
        ("day: 10\n", "report-before-cutoff", 1, 6),
    ],
)
def test_check_turns_notes_reading_problems_into_check_problems(
    tmp_path: Path, notes: str, rule: str, line: int, column: int
) -> None:
    code, found = check(workspace(tmp_path, notes=notes))
    assert [(p["file"], p["rule"], p["line"], p["column"]) for p in found] == [
        (NOTES, rule, line, column)
    ]
    assert code == (1 if found[0]["level"] == "error" else 0)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "name", ["2025-H1.yaml", "2026-h1.yaml", "ghi-chu.yaml", "2026-13.yaml", "2026-H1 .yaml"]
)
def test_check_reports_a_notes_file_named_for_no_period_of_the_plan_year(
    tmp_path: Path, name: str, lang: str
) -> None:
    ws = workspace(tmp_path)
    (ws / NOTES).rename(ws / "reports" / name)
    code, found = check(ws, lang)
    message = {
        "vi": f"Tên tệp ghi chú “{name}” không phải một kỳ báo cáo của kế hoạch năm 2026.",
        "en": f"Notes file name “{name}” is not a reporting period of the 2026 plan.",
    }[lang]
    assert code == 1
    assert found == [
        {
            "file": f"reports/{name}",
            "line": 1,
            "column": 1,
            "level": "error",
            "rule": "notes-period",
            "message": message,
        }
    ]


def test_check_leaves_the_notes_of_another_plan_year_to_that_plan(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    shutil.copy(ws / NOTES, ws / "reports/2025-H1.yaml")
    (ws / "plans/2025.yaml").write_text(
        (ws / "plans/2026.yaml").read_text(encoding="utf-8").replace("year: 2026", "year: 2025"),
        encoding="utf-8",
    )
    done = run("check", "plans/2026.yaml", "--format", "json", cwd=ws)
    data = json.loads(done.stdout)
    assert "reports/2025-H1.yaml" not in data["files"]
    assert [p["rule"] for p in data["problems"]] == ["citation-type-mismatch"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_notes_of_another_period(tmp_path: Path, lang: str) -> None:
    ws = workspace(tmp_path)
    args = ("report", "2026-Q3", "--notes", NOTES, "-f", "md", "-o", "out.md", "--lang", lang)
    done = run(*args, cwd=ws)
    expected = {
        "vi": f"{NOTES}:1:1  cảnh báo  Tệp ghi chú “2026-H1.yaml” là của kỳ 2026-H1, không phải kỳ "
        "2026-Q3 của báo cáo này.  (notes-other-period)\n"
        "      → Dùng tệp ghi chú của kỳ 2026-Q3 (reports/2026-Q3.yaml), hoặc đổi tên tệp cho đúng "
        "kỳ.\n",
        "en": f"{NOTES}:1:1  warning  Notes file “2026-H1.yaml” is for period 2026-H1, not for "
        "period 2026-Q3 of this report.  (notes-other-period)\n"
        "      → Use the notes of period 2026-Q3 (reports/2026-Q3.yaml), or rename the file for "
        "its period.\n",
    }[lang]
    assert (done.returncode, done.stderr) == (0, expected) and (ws / "out.md").exists()
    copy = ws / "ghi-chu.yaml"  # a name that is no period says nothing about one
    shutil.copy(ws / NOTES, copy)
    plain = run("report", "2026-Q3", "--notes", copy, "-f", "md", "-o", "plain.md", cwd=ws)
    assert (plain.returncode, plain.stderr) == (0, "")


@pytest.mark.slow
def test_checking_the_notes_loads_nothing_of_the_documents(tmp_path: Path) -> None:
    from test_layering import PROBE

    ws = workspace(tmp_path, notes="day: 31\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "plans/2026.yaml"],
        capture_output=True,
        text=True,
        cwd=ws,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "DVCQ_LANG": "vi"},
    )
    probe = json.loads(done.stderr[done.stderr.rindex('{"code"') :])
    assert probe["code"] == 1 and "report-day-impossible" in done.stdout
    modules = set(probe["modules"])
    assert "dvcq.rules.notes" in modules
    assert {m for m in modules if m.startswith(("dvcq.documents", "jinja2", "docx"))} == set()


def test_a_period_that_has_not_begun_gives_no_report(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    done = run("report", "2026-H1", "-o", "r.md", "--as-of", "2025-12-01", cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "Lỗi: Kỳ 2026-H1 chưa bắt đầu: số liệu của kỳ tính từ ngày 15/12/2025, mà hôm nay "
        "(--as-of) là 01/12/2025. Chưa lập được báo cáo cho kỳ này."
    )
    assert not (root / "r.md").exists()
    en = run("--lang", "en", "report", "2026-H1", "-f", "md", "--as-of", "2025-12-14", cwd=root)
    assert en.returncode == 1
    assert en.stderr.splitlines()[-1] == (
        "Error: Period 2026-H1 has not begun: its data starts on 15/12/2025, and today (--as-of) "
        "is 14/12/2025. No report can be made for it yet."
    )
    assert run("report", "2026-H1", "-f", "md", "--as-of", "2025-12-15", cwd=root).returncode == 0


def test_nor_an_export_of_it(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    done = run("export", "xlsx", "2026-H2", "-o", "h2.xlsx", "--as-of", "2026-01-05", cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "Lỗi: Kỳ 2026-H2 chưa bắt đầu: số liệu của kỳ tính từ ngày 15/6/2026, mà hôm nay "
        "(--as-of) là 05/01/2026. Chưa lập được báo cáo cho kỳ này."
    )
    assert not (root / "h2.xlsx").exists()
