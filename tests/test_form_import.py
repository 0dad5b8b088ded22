"""The Excel form out and back in (issue 13): `dvcq form`, then `dvcq progress import`.

The form is filled as a clerk would: openpyxl writes values into the open (yellow) cells only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import SAMPLE, Result, run
from docx_read import needs_office
from openpyxl import load_workbook

PERIOD = "2026-H1"
TASK = "quy-che-tiep-cong-dan"  # VP leads it; it declares the three citizen-reception indicators
JUNE = Path("progress") / "2026" / "2026-06.yaml"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    return tmp_path / "ws"


def make_form(ws: Path, *extra: str, name: str = "vp.xlsx") -> Path:
    made = run("form", PERIOD, "--unit", "VP", "-o", name, *extra, cwd=ws)
    assert made.returncode == 0, made.stderr
    return ws / name


def row_of(sheet, task: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(6, sheet.max_row + 1):
        if sheet.cell(row, sheet.max_column).value == task:
            return row
    raise AssertionError(task)


def fill(form: Path, task: str = TASK, **cells: object) -> int:
    """Write the clerk's answers into the task's row (E status, F date, G result, H evidence,
    I… figures) and the reporter's name; only cells the form leaves unlocked."""
    wb = load_workbook(form)
    sheet = wb["Nhiệm vụ"]
    row = row_of(sheet, task)
    sheet["C3"] = cells.pop("author", "Nguyễn Văn An")
    for column, value in cells.items():
        cell = sheet[f"{column}{row}"]
        assert cell.protection.locked is False, f"{column}{row} is locked"
        cell.value = value
    wb.save(form)
    return row


def do_import(ws: Path, *args: str) -> Result:
    return run("progress", "import", *args, cwd=ws)


def board(ws: Path) -> dict[str, dict[str, object]]:
    """The unit's own board: what VP has reported in the period."""
    shown = run("status", "--period", PERIOD, "--unit", "VP", "--format", "json", cwd=ws)
    assert shown.returncode == 0, shown.stderr
    return {t["task"]: t for t in json.loads(shown.stdout)["tasks"]}


def test_the_form_holds_the_units_tasks_locked_and_its_columns_open(ws: Path) -> None:
    sheet = load_workbook(make_form(ws))["Nhiệm vụ"]
    header = [sheet.cell(5, c).value for c in range(1, 10)]
    assert header == [
        "Mục",
        "Tên nhiệm vụ",
        "Nội dung nhiệm vụ",
        "Vai trò",
        "Tình trạng",
        "Ngày thực hiện (dd/mm/yyyy)",
        "Kết quả thực hiện",
        "Văn bản minh chứng (số, ký hiệu; cách nhau bằng “;”)",
        "Lượt tiếp công dân (lượt)",
    ]
    row = row_of(sheet, TASK)
    assert [sheet.cell(row, c).value for c in (1, 2, 4)] == [
        "II.4",
        "Thực hiện Quy chế tiếp công dân; tiếp nhận, giải quyết đơn thư phản ánh, kiến nghị",
        "Chủ trì",
    ]
    assert sheet.protection.sheet is True
    assert [sheet.cell(row, c).protection.locked for c in range(1, 10)] == [
        True, True, True, True, False, False, False, False, False,
    ]  # fmt: skip
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in sheet.data_validations.dataValidation}
    assert rules["E6:E15"] == ("list", '"Chưa triển khai,Đang thực hiện,Hoàn thành"')
    assert rules["F6:F15"] == ("date", "DATE(2025,12,15)")
    assert load_workbook(ws / "vp.xlsx")["_dvcq"].sheet_state == "veryHidden"


def test_a_filled_form_changes_the_board_and_importing_it_again_adds_nothing(ws: Path) -> None:
    before = board(ws)[TASK]
    assert (before["status"], before["indicators"]) == (
        "dang-thuc-hien",
        {"luot-tiep-cong-dan": 5, "don-thu-tiep-nhan": 6, "don-thu-giai-quyet": 3},
    )
    form = make_form(ws)
    fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 10), G="Tiếp 7 lượt công dân.", I=7)
    first = do_import(ws, "vp.xlsx")
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    m = re.fullmatch(
        r"Ghi (20260610-[0-9a-f]{8}): quy-che-tiep-cong-dan \| VP \| 2026-06-10 \| hoan-thanh\n"
        r"Đã ghi 1 mục, bỏ qua 0 mục đã có, 0 lỗi\.\n",
        first.stdout,
    )
    assert m, first.stdout
    line = (ws / JUNE).read_text(encoding="utf-8").splitlines()[-1]
    assert json.loads(line[2:]) == {
        "id": m[1],
        "task": TASK,
        "date": "2026-06-10",
        "unit": "VP",
        "status": "hoan-thanh",
        "result": "Tiếp 7 lượt công dân.",
        "values": {"luot-tiep-cong-dan": 7},
        "author": "Nguyễn Văn An",
    }
    after = board(ws)[TASK]
    assert (after["status"], after["indicators"]["luot-tiep-cong-dan"]) == ("hoan-thanh", 12)

    text = (ws / JUNE).read_bytes()
    again = do_import(ws, "vp.xlsx")
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.endswith("Đã ghi 0 mục, bỏ qua 1 mục đã có, 0 lỗi.\n")
    assert (ws / JUNE).read_bytes() == text
    assert run("check", cwd=ws).returncode == 0


def test_a_row_corrected_after_import_supersedes_what_it_gave(ws: Path) -> None:
    form = make_form(ws)
    fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 10), G="Tiếp 7 lượt công dân.", I=7)
    assert do_import(ws, "vp.xlsx").returncode == 0
    first_id = json.loads((ws / JUNE).read_text(encoding="utf-8").splitlines()[-1][2:])["id"]
    fill(form, I=8, G="Tiếp 8 lượt công dân.")
    fixed = do_import(ws, "vp.xlsx")
    assert fixed.returncode == 0, fixed.stderr
    assert f"(đính chính {first_id})" in fixed.stdout
    assert board(ws)[TASK]["indicators"]["luot-tiep-cong-dan"] == 13  # 5 + 8, never 5 + 7 + 8


def test_a_wrong_cell_is_named_and_nothing_is_written(ws: Path) -> None:
    form = make_form(ws)
    row = fill(form, E="Hoàn thành", F="31/02/2026", G="Đã tiếp dân.", I="bảy")
    before = (ws / "progress").joinpath("2026").iterdir()
    listing = sorted(p.read_bytes() for p in before)
    bad = do_import(ws, "vp.xlsx")
    assert bad.returncode == 1
    assert bad.stderr == (
        f"vp.xlsx:Nhiệm vụ!F{row}: ngày “31/02/2026” không có thật (tháng 2/2026 không có ngày "
        "31).\n"
        f"vp.xlsx:Nhiệm vụ!I{row}: “bảy” không phải một số (chỉ tiêu luot-tiep-cong-dan).\n"
        "Lỗi: 2 lỗi: không ghi mục nào. Sửa các ô trên rồi nhập lại (hoặc dùng --valid-only để "
        "ghi các dòng hợp lệ).\n"
    )
    assert sorted(p.read_bytes() for p in (ws / "progress" / "2026").iterdir()) == listing


def test_a_date_outside_the_forms_period_and_a_missing_name_are_named(ws: Path) -> None:
    form = make_form(ws)
    row = fill(form, author="", E="Hoàn thành", F=dt.datetime(2026, 7, 1), G="Đã làm.")
    bad = do_import(ws, "vp.xlsx", "--lang", "en")
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[:2] == [
        f"vp.xlsx:Nhiệm vụ!F{row}: 01/07/2026 is outside the form's period (15/12/2025 – "
        "14/06/2026); work of another period goes on that period's form.",
        "vp.xlsx:Nhiệm vụ!C3: the reporter's name is not filled in.",
    ]


def test_valid_only_writes_the_good_rows_and_lists_the_others(ws: Path) -> None:
    form = make_form(ws)
    fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 1), G="Đã làm xong.")
    bad_row = fill(
        form, task="theo-doi-don-doc-bao-cao", E="Xong rồi", F=dt.datetime(2026, 6, 2), G="x"
    )
    done = do_import(ws, "vp.xlsx", "--valid-only")
    assert done.returncode == 1
    assert done.stderr == (
        f"vp.xlsx:Nhiệm vụ!E{bad_row}: tình trạng “Xong rồi” không có; chọn: Chưa triển khai, "
        "Đang thực hiện, Hoàn thành.\n"
    )
    assert done.stdout.endswith("Đã ghi 1 mục, bỏ qua 0 mục đã có, 1 lỗi.\n")
    assert board(ws)[TASK]["status"] == "hoan-thanh"


def test_dry_run_lists_and_writes_nothing(ws: Path) -> None:
    form = make_form(ws)
    fill(form, E="Đang thực hiện", F=dt.datetime(2026, 6, 3), G="Đang tiếp dân.", I=2)
    listing = sorted(p.read_bytes() for p in (ws / "progress" / "2026").iterdir())
    dry = do_import(ws, "vp.xlsx", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert re.fullmatch(
        r"Sẽ ghi 20260603-[0-9a-f]{8}: quy-che-tiep-cong-dan \| VP \| 2026-06-03 \| "
        r"dang-thuc-hien\nSẽ ghi 1 mục, bỏ qua 0 mục đã có, 0 lỗi\.\n",
        dry.stdout,
    ), dry.stdout
    assert sorted(p.read_bytes() for p in (ws / "progress" / "2026").iterdir()) == listing


def test_a_form_of_another_period_is_refused_when_a_period_is_asked(ws: Path) -> None:
    run("form", "2026-H2", "--unit", "VP", "-o", "h2.xlsx", cwd=ws)
    wrong = do_import(ws, "h2.xlsx", "--period", PERIOD)
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert "h2.xlsx: biểu mẫu của kỳ 2026-H2, không phải kỳ 2026-H1; không nhập." in wrong.stderr


def test_a_form_of_another_plan_is_refused(ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(SAMPLE, other)
    plan = other / "plans" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("code: SNgV", "code: STP", 1), encoding="utf-8"
    )
    assert run("form", PERIOD, "--unit", "VP", "-o", "stp.xlsx", cwd=other).returncode == 0
    shutil.copy(other / "stp.xlsx", ws / "stp.xlsx")
    wrong = do_import(ws, "stp.xlsx")
    assert wrong.returncode == 1
    assert wrong.stderr == (
        "Lỗi: stp.xlsx: biểu mẫu của kế hoạch /KH-STP năm 2026, không phải của kế hoạch /KH-SNgV "
        "năm 2026 đang dùng.\n"
    )


@pytest.mark.parametrize(
    ("cell", "value", "what"),
    [
        ("A6", "II.9", "mã kiểm tra không khớp"),
        ("N6", "tiep-cong-dan-khac", "dòng 6: mã nhiệm vụ đổi hoặc dòng bị xếp lại"),
    ],
)
def test_a_tampered_form_is_refused(ws: Path, cell: str, value: str, what: str) -> None:
    form = make_form(ws)
    wb = load_workbook(form)
    wb["Nhiệm vụ"][cell] = value  # protection is a lock in the office program, not in the file
    wb.save(form)
    fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 10), G="Đã làm.")
    refused = do_import(ws, "vp.xlsx")
    assert refused.returncode == 1
    assert refused.stderr == (
        f"Lỗi: vp.xlsx: trang “Nhiệm vụ” đã bị sửa ở phần khóa ({what}); dvcq không nhập biểu "
        "này để khỏi ghi kết quả vào nhầm nhiệm vụ. Lấy biểu mới bằng `dvcq form` và điền lại.\n"
    )


def test_not_a_form_is_refused_with_its_name(ws: Path) -> None:
    (ws / "junk.xlsx").write_bytes(b"PK\x03\x04 not really")
    junk = do_import(ws, "junk.xlsx")
    assert (junk.returncode, junk.stderr) == (
        1,
        "Lỗi: junk.xlsx: không mở được như một tệp Excel .xlsx (tệp hỏng, hoặc là "
        ".xls/.ods/.csv).\n",
    )
    assert run("export", "xlsx", PERIOD, "-o", "board.xlsx", cwd=ws).returncode == 0
    plain = do_import(ws, "board.xlsx")
    assert plain.stderr == (
        "Lỗi: board.xlsx: không phải biểu mẫu do `dvcq form` tạo (không có phần nhận dạng ẩn).\n"
    )


def test_a_formula_never_calculated_is_named(ws: Path) -> None:
    form = make_form(ws)
    row = fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 10), G="Đã làm.", I="=3+4")
    bad = do_import(ws, "vp.xlsx")
    assert bad.returncode == 1
    assert bad.stderr.startswith(
        f"vp.xlsx:Nhiệm vụ!I{row}: ô có công thức chưa được tính (chưa có giá trị): mở tệp bằng "
        "Excel hoặc LibreOffice, lưu lại rồi nhập lại; hoặc ghi thẳng giá trị.\n"
    )


def test_a_csv_of_entries_round_trips(ws: Path, tmp_path: Path) -> None:
    listed = run("progress", "list", "--task", TASK, "--format", "csv", cwd=ws)
    assert listed.returncode == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(SAMPLE, fresh)
    shutil.rmtree(fresh / "progress" / "2026")
    (fresh / "entries.csv").write_text(listed.stdout, encoding="utf-8")
    first = do_import(fresh, "entries.csv")
    assert first.returncode == 0, first.stderr
    assert first.stdout.endswith("Đã ghi 9 mục, bỏ qua 0 mục đã có, 0 lỗi.\n")
    again = run("progress", "list", "--task", TASK, "--format", "csv", cwd=fresh)
    assert again.stdout == listed.stdout
    assert do_import(fresh, "entries.csv").stdout.endswith(
        "Đã ghi 0 mục, bỏ qua 9 mục đã có, 0 lỗi.\n"
    )


def _calc(xlsx: Path, out: Path) -> Path:
    """The workbook opened and saved again by LibreOffice Calc, headless."""
    out.mkdir()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / xlsx.name


@pytest.mark.slow
@needs_office
def test_libreoffice_keeps_drop_downs_and_protection_and_computes_formulas(
    ws: Path, tmp_path: Path
) -> None:
    form = make_form(ws)
    row = fill(form, E="Hoàn thành", F=dt.datetime(2026, 6, 10), G="Đã tiếp dân.", I="=3+4")
    saved = _calc(form, tmp_path / "calc")
    sheet = load_workbook(saved)["Nhiệm vụ"]
    assert sheet.protection.sheet is True
    assert sheet[f"E{row}"].protection.locked is False and sheet["A6"].protection.locked is True
    kinds = sorted(dv.type for dv in sheet.data_validations.dataValidation)
    assert kinds == ["date", "decimal", "list"]
    shutil.copy(saved, ws / "vp.xlsx")
    back = do_import(ws, "vp.xlsx")
    assert back.returncode == 0, back.stderr
    assert board(ws)[TASK]["indicators"]["luot-tiep-cong-dan"] == 12  # 5 + the formula's 7
