"""`dvcq progress import` on hostile files: each gets a message naming the file (and the cell or
line), exit 1, no traceback, no hang, nothing written or doubled."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_run import SAMPLE, run
from openpyxl import load_workbook

PERIOD = "2026-H1"
JUNE = Path("progress") / "2026" / "2026-06.yaml"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "ws")
    made = run("form", PERIOD, "--unit", "VP", "-o", "vp.xlsx", cwd=tmp_path / "ws")
    assert made.returncode == 0, made.stderr
    return tmp_path / "ws"


def _bounded(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dvcq in its own process, with 1.5 GiB of address space and 60 s: a reader that walks or
    unpacks what it should not fails here instead of taking the machine."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 29, 3 << 29))

    env = {k: v for k, v in os.environ.items() if not k.startswith("DVCQ_")}
    env.update(DVCQ_TODAY="2026-11-27", DVCQ_LANG="vi", COLUMNS="80")
    return subprocess.run(
        [sys.executable, "-m", "dvcq", *args],
        cwd=ws,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
    )


def test_one_far_cell_is_named_without_walking_the_sheets_rectangle(ws: Path) -> None:
    # 12 KB on disk; openpyxl's iter_rows() would create 17 billion cells to reach them
    wb = load_workbook(ws / "vp.xlsx")
    wb["Nhiệm vụ"]["A1048576"] = "x"
    wb["Nhiệm vụ"]["XFD1"] = "beyond the id column: not read"
    wb.save(ws / "far.xlsx")
    done = _bounded(ws, "progress", "import", "far.xlsx")
    assert (done.returncode, done.stderr) == (
        1,
        "far.xlsx:Nhiệm vụ!A1048576: ô này nằm ngoài các dòng nhiệm vụ của biểu: dvcq không "
        "đọc nó (thêm dòng không thêm được nhiệm vụ); ghi kết quả vào dòng của nhiệm vụ.\n"
        "Lỗi: 1 lỗi: không ghi mục nào. Sửa các ô trên rồi nhập lại (hoặc dùng --valid-only để "
        "ghi các dòng hợp lệ).\n",
    )


def test_a_sheet_of_too_many_rows_is_refused_before_openpyxl_reads_it(ws: Path) -> None:
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(20, 60_020)
    )
    with zipfile.ZipFile(ws / "vp.xlsx") as src, zipfile.ZipFile(ws / "rows.xlsx", "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":  # the instructions: 50,000 cells
                data = data.replace(b"</sheetData>", rows + b"</sheetData>")
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    refused = run("progress", "import", "rows.xlsx", cwd=ws)
    assert (refused.returncode, refused.stderr) == (
        1,
        "Lỗi: rows.xlsx: tệp có quá nhiều ô hoặc dòng (hơn 100.000); biểu mẫu của dvcq chỉ có "
        "vài nghìn ô, dvcq không đọc tệp này.\n",
    )


def test_a_file_that_cannot_be_read_is_named(ws: Path) -> None:
    os.mkfifo(ws / "pipe.csv")
    (ws / "folder.xlsx").mkdir()
    (ws / "utf16.csv").write_bytes("task,date\n".encode("utf-16"))
    said = [run("progress", "import", name, cwd=ws) for name in ("pipe.csv", "folder.xlsx")]
    said += [run("progress", "import", "gone.xlsx", "utf16.csv", cwd=ws)]
    assert [(s.returncode, s.stderr) for s in said] == [
        (1, "Lỗi: pipe.csv: Không đọc: đây không phải tệp thường mà là một ống dẫn (FIFO).\n"),
        (1, "Lỗi: folder.xlsx: Không đọc được tệp: đây là thư mục, không phải tệp.\n"),
        (1, "Lỗi: gone.xlsx: Không đọc được tệp: không có tệp này.\n"),
    ]
    utf16 = run("progress", "import", "utf16.csv", cwd=ws)
    assert utf16.stderr == "Lỗi: utf16.csv: Tệp không phải văn bản UTF-8 (có vẻ là UTF-16).\n"


def test_a_csv_field_over_the_csv_bound_is_named_at_its_line(ws: Path) -> None:
    (ws / "big.csv").write_text(
        "task,date,unit,status,result,author\n"
        f"quy-che-tiep-cong-dan,15/05/2026,VP,hoan-thanh,{'x' * 200_000},An\n",
        encoding="utf-8",
    )
    big = run("progress", "import", "big.csv", cwd=ws)
    assert (big.returncode, big.stderr) == (
        1,
        "Lỗi: big.csv:2: dòng này không đọc được như CSV (một ô dài quá 131.072 ký tự, hoặc dấu "
        "ngoặc kép không đóng).\n",
    )
    assert not (ws / JUNE).exists() or "x" * 1000 not in (ws / JUNE).read_text()


def test_two_imports_of_one_csv_at_once_write_its_rows_once(ws: Path) -> None:
    """Both read the progress before either writes (as two processes started together do); the
    second is refused under the lock, so no row is recorded twice."""
    from dvcq.dates import today
    from dvcq.documents import form_import as fi
    from dvcq.errors import DvcqError
    from dvcq.progress import store, writing

    (ws / "one.csv").write_text(
        "task,date,unit,status,result,author\n"
        "quy-che-tiep-cong-dan,15/06/2026,VP,hoan-thanh,Đã tiếp 3 lượt công dân.,An\n",
        encoding="utf-8",
    )
    cwd = os.getcwd()
    os.chdir(ws)
    try:
        outcomes = []
        for _ in range(2):
            plan, entries, root = store.load(None, None)
            drafts, findings = fi.drafts_from_csv(Path("one.csv"))
            outcomes.append((fi.prepare(plan, entries, drafts, today()), root))
        year = plan.document.date.year
        writing.append_entries(outcomes[0][1], year, outcomes[0][0].new)
        with pytest.raises(DvcqError) as second:
            writing.append_entries(outcomes[1][1], year, outcomes[1][0].new)
    finally:
        os.chdir(cwd)
    assert findings == []
    assert second.value.text["vi"] == (
        f"Mã mục {outcomes[1][0].new[0].id} đã có trong progress/2026/2026-06.yaml (vừa được ghi, "
        "có thể bởi một lần nhập khác cùng lúc); không ghi mục nào. Chạy lại lệnh để xem còn gì "
        "chưa ghi."
    )
    assert (ws / JUNE).read_text(encoding="utf-8").count("Đã tiếp 3 lượt công dân.") == 1


def _fill(form: Path, out: Path, **cells: object) -> int:
    """The answers in the citizen-reception task's row of the VP sheet, and a reporter's name."""
    wb = load_workbook(form)
    sheet = wb["Nhiệm vụ"]
    row = next(r for r in range(6, 40) if sheet.cell(r, 14).value == "quy-che-tiep-cong-dan")
    sheet["C3"] = "Nguyễn Văn An"
    for column, value in {"E": "Hoàn thành", "F": dt.datetime(2026, 6, 10), **cells}.items():
        sheet[f"{column}{row}"] = value
    wb.save(out)
    return row


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (-5, "Chỉ tiêu “luot-tiep-cong-dan”: giá trị âm."),  # a progress rule's refusal
        (1e300, "“1e+300” không phải một số (chỉ tiêu luot-tiep-cong-dan)."),
        ("١٢", "“١٢” không phải một số (chỉ tiêu luot-tiep-cong-dan)."),
        ("NaN", "“NaN” không phải một số (chỉ tiêu luot-tiep-cong-dan)."),
    ],
)
def test_a_figure_that_is_no_count_is_named_at_its_cell(ws: Path, value: object, said: str) -> None:
    row = _fill(ws / "vp.xlsx", ws / "bad.xlsx", G="Đã tiếp công dân.", I=value)
    before = (ws / JUNE).read_bytes()
    bad = run("progress", "import", "bad.xlsx", cwd=ws)
    assert (bad.returncode, bad.stderr.splitlines()[0]) == (1, f"bad.xlsx:Nhiệm vụ!I{row}: {said}")
    assert (ws / JUNE).read_bytes() == before


def test_a_refused_write_lists_nothing_as_written(ws: Path) -> None:
    (ws / JUNE).write_text("[]\n", encoding="utf-8")  # edited by hand: readable, not appendable
    _fill(ws / "vp.xlsx", ws / "ok.xlsx", G="Đã tiếp công dân.")
    refused = run("progress", "import", "ok.xlsx", cwd=ws)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr.startswith(
        "Lỗi: Tệp progress/2026/2026-06.yaml không còn ở dạng dvcq ghi"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/02/2026", "ngày “31/02/2026” không có thật (tháng 2/2026 không có ngày 31)."),
        (
            "15-5-2026",
            "“15-5-2026” không phải một ngày; ghi dạng ngày/tháng/năm, ví dụ 15/05/2026.",
        ),
    ],
)
def test_a_day_typed_wrong_is_named_for_what_is_wrong(ws: Path, typed: str, said: str) -> None:
    row = _fill(ws / "vp.xlsx", ws / "bad.xlsx", F=typed, G="Đã tiếp công dân.")
    bad = run("progress", "import", "bad.xlsx", cwd=ws)
    assert (bad.returncode, bad.stderr.splitlines()[0]) == (1, f"bad.xlsx:Nhiệm vụ!F{row}: {said}")
