"""PDF output (dvcq/documents/pdf.py): printed by the real LibreOffice, read back with pdftotext
and pdffonts; and what a clerk reads when LibreOffice is missing, fails or hangs (a PATH without
it, fake `soffice` scripts: real processes, no mocks)."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, Result
from docx_read import needs_office

Cli = Callable[..., Result]


def fake_office(tmp_path: Path, script: str) -> str:
    """A PATH whose `soffice` is `script` (a shell script), then the system's tools."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin"


def render(cli: Cli, out: Path, env: dict[str, str | None] | None = None) -> Result:
    return cli("render", "plan", "--plan", SAMPLE_PLAN, "-o", out, env=env)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_office
def test_plan_as_pdf_keeps_the_header_and_the_blanks(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "ke-hoach.pdf"
    run = render(cli, out)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"Đã ghi {out}.\n", "")
    assert out.read_bytes().startswith(b"%PDF")
    lines = pdf_text(out).splitlines()
    assert any(line.strip().endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in lines)
    header = "\n".join(lines[:6])
    # The number and the day stay blank for the văn thư to stamp in (docs/domain.md §1.2).
    assert re.search(r"Số: +/KH-SNgV", header), header
    assert re.search(r"Cao Bằng, ngày +tháng 4 năm 2026", header), header
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb column
    assert not list(tmp_path.glob(".*.tmp"))


@needs_office
def test_report_and_urge_write_pdf_too(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "bao-cao.pdf"
    run = cli("report", "2026-H1", "--plan", SAMPLE_PLAN, "--progress", SAMPLE_PROGRESS, "-o", out)
    assert run.returncode == 0, run.stderr
    assert "BÁO CÁO" in pdf_text(out)
    empty = tmp_path / "progress"
    (empty / "2026").mkdir(parents=True)
    urge = tmp_path / "don-doc.pdf"
    run = cli("urge", "2026-H2", "--plan", SAMPLE_PLAN, "--progress", empty, "-o", urge)
    assert run.returncode == 0, run.stderr
    assert "V/v đôn đốc báo cáo" in pdf_text(urge)


def test_without_libreoffice_a_clear_message_and_no_file(tmp_path: Path, cli: Cli) -> None:
    bare = tmp_path / "empty-bin"
    bare.mkdir()
    out = tmp_path / "ke-hoach.pdf"
    run = render(cli, out, {"PATH": str(bare)})
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith(
        "Lỗi: Không tìm thấy LibreOffice (lệnh soffice) để in ra PDF; chưa ghi tệp nào. Cài "
        "LibreOffice"
    )
    assert list(tmp_path.iterdir()) == [bare]


def test_a_hanging_libreoffice_is_stopped_in_time(tmp_path: Path, cli: Cli) -> None:
    child = tmp_path / "child.pid"
    path = fake_office(tmp_path, f"sleep 60 & echo $! > '{child}'; wait")
    out = tmp_path / "ke-hoach.pdf"
    start = time.monotonic()
    run = render(cli, out, {"PATH": path, "DVCQ_PDF_TIMEOUT": "1"})
    assert time.monotonic() - start < 15
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr == (
        "Lỗi: LibreOffice chưa in xong PDF sau 1 giây nên đã bị dừng; chưa ghi tệp nào. Thử "
        "lại, hoặc tăng thời gian chờ bằng biến DVCQ_PDF_TIMEOUT (giây).\n"
    )
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))
    # The whole process group went, the script's own child too (a zombie at most, for a moment).
    pid = int(child.read_text())
    deadline = time.monotonic() + 5
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_failing_libreoffice_says_what_it_said(tmp_path: Path, cli: Cli) -> None:
    path = fake_office(tmp_path, "echo 'Error: source file could not be loaded'; exit 1")
    out = tmp_path / "ke-hoach.pdf"
    out.write_bytes(b"old")
    run = render(cli, out, {"PATH": path})
    assert run.returncode == 1
    assert (
        run.stderr
        == f"Lỗi: Tệp {out} đã có; không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.\n"
    )
    run = cli("render", "plan", "--plan", SAMPLE_PLAN, "-o", out, "--force", env={"PATH": path})
    assert run.returncode == 1
    assert run.stderr == (
        "Lỗi: LibreOffice không in được PDF (mã thoát 1); chưa ghi tệp nào.\n"
        "Error: source file could not be loaded\n"
    )
    assert out.read_bytes() == b"old"  # the file already there is left whole


@pytest.mark.parametrize("value", ["0", "soon", "-3", "99999"])
def test_a_bad_timeout_is_a_usage_error(tmp_path: Path, cli: Cli, value: str) -> None:
    path = fake_office(tmp_path, "exit 0")
    run = render(cli, tmp_path / "k.pdf", {"PATH": path, "DVCQ_PDF_TIMEOUT": value})
    assert run.returncode == 2
    assert run.stderr == (
        f"Lỗi: DVCQ_PDF_TIMEOUT={value!r}: phải là số giây, lớn hơn 0 và không quá 3600.\n"
    )


def test_a_pdf_from_a_failed_run_is_not_kept(tmp_path: Path, cli: Cli) -> None:
    # A LibreOffice that leaves a PDF behind and exits with an error: the PDF may be partial.
    path = fake_office(tmp_path, "printf '%%PDF-1.4' > document.pdf; exit 3")
    out = tmp_path / "ke-hoach.pdf"
    run = render(cli, out, {"PATH": path})
    assert run.returncode == 1 and not out.exists()
    assert run.stderr == "Lỗi: LibreOffice không in được PDF (mã thoát 3); chưa ghi tệp nào.\n"
