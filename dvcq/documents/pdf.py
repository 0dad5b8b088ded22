"""A laid-out .docx printed to PDF by LibreOffice headless, for signing in the office's system.

Offices sign and send PDF (docs/domain.md §6.4); LibreOffice's PDF export embeds the fonts it
uses, and the draft's blanks (`Số:      /KH-SNgV`, `ngày   tháng 4`) are kept as text. The one
module that starts another program for a document: bounded in time (`DVCQ_PDF_TIMEOUT` seconds,
default 120), in a private temporary profile (`-env:UserInstallation`: other LibreOffice runs, or
the clerk's own open window, never share it), with stdin closed and output to a file, and on a
timeout the whole process group is killed. Failures stop with a `DvcqError`; the caller writes
the returned bytes atomically, so no partial PDF is ever left at the destination.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from dvcq.errors import DvcqError

TIMEOUT_ENV = "DVCQ_PDF_TIMEOUT"
DEFAULT_TIMEOUT = 120.0  # seconds: a first start of LibreOffice makes its profile (10-30 s)
PROGRAMS = ("soffice", "libreoffice")


def timeout() -> float:
    """`DVCQ_PDF_TIMEOUT` in seconds, else the default; a bad value is a usage error."""
    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        from dvcq.errors import UsageError

        raise UsageError(
            f"{TIMEOUT_ENV}={text!r}: phải là số giây, lớn hơn 0 và không quá 3600.",
            f"{TIMEOUT_ENV}={text!r}: must be a number of seconds, above 0 and at most 3600.",
        )
    return value


def office() -> str:
    """The LibreOffice program on PATH, or stop with what to do."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise DvcqError(
        "Không tìm thấy LibreOffice (lệnh soffice) để in ra PDF; chưa ghi tệp nào. Cài "
        "LibreOffice (trên Ubuntu: sudo apt-get install libreoffice-writer-nogui), hoặc ghi "
        "tệp .docx (-o TỆP.docx) rồi in ra PDF bằng Word hay LibreOffice.",
        "LibreOffice (the soffice command) was not found to print the PDF; no file was written. "
        "Install LibreOffice (on Ubuntu: sudo apt-get install libreoffice-writer-nogui), or "
        "write a .docx (-o FILE.docx) and print it to PDF with Word or LibreOffice.",
    )


def docx_to_pdf(data: bytes) -> bytes:
    """The PDF LibreOffice prints from the .docx `data`."""
    program, limit = office(), timeout()
    with tempfile.TemporaryDirectory(prefix="dvcq-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(data)
        log = work / "soffice.log"
        args = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        with open(log, "wb") as out:
            try:
                process = subprocess.Popen(
                    args,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    cwd=work,
                    start_new_session=True,  # its own process group: a timeout kills all of it
                )
            except OSError as exc:
                raise DvcqError(
                    f"Không chạy được LibreOffice ({program}): {exc.strerror or exc}; chưa ghi "
                    "tệp nào.",
                    f"Cannot start LibreOffice ({program}): {exc.strerror or exc}; no file was "
                    "written.",
                ) from None
            try:
                code = process.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                _kill(process)
                raise DvcqError(
                    f"LibreOffice chưa in xong PDF sau {limit:g} giây nên đã bị dừng; chưa ghi "
                    f"tệp nào. Thử lại, hoặc tăng thời gian chờ bằng biến {TIMEOUT_ENV} (giây).",
                    f"LibreOffice had not printed the PDF after {limit:g} seconds and was "
                    f"stopped; no file was written. Try again, or allow longer with "
                    f"{TIMEOUT_ENV} (seconds).",
                ) from None
            except BaseException:  # Ctrl+C: never leave LibreOffice running behind
                _kill(process)
                raise
        pdf = work / "document.pdf"
        if code != 0 or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            said = _tail(log)
            raise DvcqError(
                f"LibreOffice không in được PDF (mã thoát {code}); chưa ghi tệp nào.{said}",
                f"LibreOffice could not print the PDF (exit code {code}); no file was "
                f"written.{said}",
            )
        return pdf.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # Windows: no process groups here
            process.kill()
    except ProcessLookupError:
        pass
    process.wait()


def _tail(log: Path, lines: int = 5) -> str:
    """The last lines LibreOffice wrote, made safe to print, or ''."""
    from dvcq.visible import visible

    text = log.read_bytes().decode("utf-8", "replace").strip()
    if not text:
        return ""
    return "\n" + "\n".join(visible(line, newlines=False) for line in text.splitlines()[-lines:])
