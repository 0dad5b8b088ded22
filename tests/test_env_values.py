"""Absurd option and environment values are refused with a usage error (exit 2) that names them,
before anything is written: a plan year out of range, a DVCQ_TODAY that is not a date, digits that
are not ASCII in periods and dates; and `fmt` reports a progress file it cannot read, then goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, run


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(SAMPLE_PLAN, tmp_path / "plans")
    shutil.copytree(SAMPLE_PROGRESS, tmp_path / "progress")
    return tmp_path


# --- plan new-year --year --------------------------------------------------------------------------

YEAR_RANGE = (
    "Lỗi: Năm {y} của kế hoạch mới phải từ 2027 (năm sau kế hoạch nguồn 2026) đến 2200.\n",
    "Error: The new plan's year {y} must be from 2027 (the year after the source plan's 2026) "
    "to 2200.\n",
)


@pytest.mark.parametrize("year", ["99999", "0", "-1", "2026", "2025", "2201"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_new_year_refuses_a_year_out_of_range(ws: Path, year: str, lang: str) -> None:
    done = run("plan", "new-year", "--year", year, "--lang", lang, cwd=ws)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == YEAR_RANGE[lang == "en"].format(y=year)
    assert sorted(p.name for p in (ws / "plans").iterdir()) == ["2026.yaml"]  # nothing written


@pytest.mark.parametrize("year", ["2027", "2200"])
def test_new_year_accepts_the_bounds(ws: Path, year: str) -> None:
    done = run("plan", "new-year", "--year", year, cwd=ws)
    assert done.returncode == 0, done.stderr
    assert (ws / "plans" / f"{year}.yaml").is_file()


# --- DVCQ_TODAY ------------------------------------------------------------------------------------

TODAY_BAD = (
    "Lỗi: Biến môi trường DVCQ_TODAY có giá trị “{v}”, không phải ngày hợp lệ; viết dạng "
    "YYYY-MM-DD (ví dụ 2026-06-14), hoặc bỏ biến này để dùng ngày hôm nay.\n",
    "Error: The environment variable DVCQ_TODAY is “{v}”, which is not a valid date; write "
    "YYYY-MM-DD (e.g. 2026-06-14), or unset it to use today's date.\n",
)


@pytest.mark.parametrize("value", ["garbage", "2026-02-30", "２０２６-06-14", "2026-6-1"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_dvcq_today_not_a_date_is_a_usage_error(ws: Path, value: str, lang: str) -> None:
    done = run("status", "--lang", lang, cwd=ws, env={"DVCQ_TODAY": value})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == TODAY_BAD[lang == "en"].format(v=value)


def test_dvcq_today_empty_means_today(ws: Path) -> None:
    done = run("status", "--format", "json", cwd=ws, env={"DVCQ_TODAY": ""})
    assert done.returncode == 0, done.stderr


# --- digits that are not ASCII ---------------------------------------------------------------------

FULLWIDTH, ARABIC = "２０２６", "٢٠٢٦"
PERIOD_BAD = (
    "Lỗi: Kỳ báo cáo “{v}” không hợp lệ. Viết: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.\n",
    "Error: Period “{v}” is not valid. Write 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.\n",
)
TYPED_DATE_BAD = (  # every date option takes the day first too (--as-of, --date, --deadline)
    "Lỗi: Ngày “{v}” không hợp lệ; viết dạng dd/mm/yyyy hoặc YYYY-MM-DD, ví dụ 15/3/2026.\n",
    "Error: Date “{v}” is not valid; write dd/mm/yyyy or YYYY-MM-DD, e.g. 15/3/2026.\n",
)


@pytest.mark.parametrize(
    "value", [FULLWIDTH, f"{FULLWIDTH}-H1", ARABIC, f"{ARABIC}-Q1", "2026-０５", "2026-٠٥"]
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_period_with_other_digits_is_malformed(ws: Path, value: str, lang: str) -> None:
    for args in (["status", "--period", value], ["progress", "list", "--period", value]):
        done = run(*args, "--lang", lang, cwd=ws)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr == PERIOD_BAD[lang == "en"].format(v=value)


@pytest.mark.parametrize("value", [f"{FULLWIDTH}-06-14", f"{ARABIC}-06-14", "2026-٠٦-14"])
def test_dates_with_other_digits_are_malformed(ws: Path, value: str) -> None:
    for args in (
        ["status", "--as-of", value],
        ["progress", "list", "--as-of", value],
        [
            "progress",
            "add",
            "theo-doi-don-doc-bao-cao",
            "--unit",
            "VP",
            "--date",
            value,
            "--status",
            "hoan-thanh",
            "--result",
            "Xong.",
            "--author",
            "A",
            "--yes",
        ],
    ):
        for lang in ("vi", "en"):
            done = run(*args, "--lang", lang, cwd=ws)
            assert (done.returncode, done.stdout) == (2, ""), args
            assert done.stderr == TYPED_DATE_BAD[lang == "en"].format(v=value)


# --- fmt on a file it cannot read ------------------------------------------------------------------

HAND_EDITED = (
    '- {"task": "theo-doi-don-doc", "id": "20260301-0a0b0c0d", "date": "2026-03-01", '
    '"unit": "VP", "status": "dang-thuc-hien", "result": "Kết quả.", "author": "A"}\n'
)
FMT_NOTES = {  # each YAML syntax error told by its cause, at the cause (the opening brace)
    "vi": "progress/2026/2026-01.yaml:1:3: giữ nguyên: Dấu “{” mở ở đây không được đóng bằng "
    "“}”.\n"
    "progress/2026/2026-03.yaml:1:1: giữ nguyên: Có ký tự Tab ở chỗ thụt lề: YAML chỉ thụt lề "
    "bằng dấu cách.\n",
    "en": "progress/2026/2026-01.yaml:1:3: left as is: The “{” opened here is never closed with "
    "“}”.\n"
    "progress/2026/2026-03.yaml:1:1: left as is: A tab character in the indentation: YAML "
    "indents with spaces only.\n",
}


@pytest.mark.parametrize("check", [False, True])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fmt_reports_an_unreadable_file_and_goes_on(tmp_path: Path, check: bool, lang: str) -> None:
    year = tmp_path / "progress" / "2026"
    year.mkdir(parents=True)
    broken = '- {"id": "a"\n  x: [\n'
    (year / "2026-01.yaml").write_text(broken, encoding="utf-8")
    (year / "2026-02.yaml").write_text(HAND_EDITED, encoding="utf-8")
    (year / "2026-03.yaml").write_text("\tx\n", encoding="utf-8")
    done = run("fmt", *(["--check"] if check else []), "--lang", lang, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == FMT_NOTES[lang]
    name = "progress/2026/2026-02.yaml"
    if lang == "vi":
        lines = f"Cần định dạng lại: {name}\n" if check else f"Đã định dạng lại: {name}\n"
        tail = (
            "1 tệp cần định dạng lại, 2 tệp không đổi.\n"
            if check
            else ("Đã định dạng lại 1 tệp, 2 tệp không đổi.\n")
        )
    else:
        lines = f"Would reformat: {name}\n" if check else f"Reformatted: {name}\n"
        tail = (
            "1 file(s) would be reformatted, 2 unchanged.\n"
            if check
            else ("1 file(s) reformatted, 2 unchanged.\n")
        )
    assert done.stdout == lines + tail
    assert (year / "2026-01.yaml").read_text(encoding="utf-8") == broken  # left as it was
    assert (year / "2026-02.yaml").read_text(encoding="utf-8") != HAND_EDITED or check
