"""Reading a rendered .docx back with python-docx, for the layout and rendering tests."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

F = TypeVar("F", bound=Callable[..., Any])

MM = 36000  # EMU per millimetre


def open_docx(data: bytes | Path) -> Document:
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Look:
    """How one paragraph is set: its text and the font of its runs (None when runs differ)."""

    text: str
    size: float | None
    bold: bool | None
    italic: bool | None


def look(paragraph: Paragraph) -> Look:
    runs = [r for r in paragraph.runs if r.text]
    sizes = {r.font.size.pt if r.font.size else None for r in runs}
    bolds = {r.font.bold for r in runs}
    italics = {r.font.italic for r in runs}
    return Look(
        paragraph.text,
        sizes.pop() if len(sizes) == 1 else None,
        bolds.pop() if len(bolds) == 1 else None,
        italics.pop() if len(italics) == 1 else None,
    )


def texts(cell: _Cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def nonempty(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


def rule_width_mm(paragraph: Paragraph, column_mm: float) -> float | None:
    """Length of the bottom-border rule of a paragraph in a column, or None without one."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.find(qn("w:pBdr")) is None:
        return None
    bottom = ppr.find(qn("w:pBdr")).find(qn("w:bottom"))
    if bottom is None or bottom.get(qn("w:val")) != "single":
        return None
    fmt = paragraph.paragraph_format
    left = (fmt.left_indent or 0) / MM
    right = (fmt.right_indent or 0) / MM
    return column_mm - left - right


def rules_in(paragraphs: list[Paragraph], column_mm: float) -> list[tuple[int, float]]:
    """(index, length) of each rule paragraph."""
    out = []
    for i, p in enumerate(paragraphs):
        width = rule_width_mm(p, column_mm)
        if width is not None:
            out.append((i, width))
    return out


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """The top-level paragraphs after the subject's rule: the body (and appendices)."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if rule_width_mm(p, 165) is not None)
    return [p for p in paragraphs[start + 1 :] if p.text.strip()]


# --- LibreOffice: a document as it prints ------------------------------------------------------

_office = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed; CI installs them",
)


def needs_office(test: F) -> F:
    """Skipped without LibreOffice, and slow (a few seconds per document): not in the default run."""
    return pytest.mark.slow(_office(test))  # type: ignore[no-any-return]


def printed_text(docx: Path, folder: Path) -> str:
    """The document converted to PDF by LibreOffice (a private profile, so runs do not clash),
    as `pdftotext -layout` reads it; pages are separated by form feeds."""
    run = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = folder / f"{docx.stem}.pdf"
    assert pdf.exists(), run.stdout + run.stderr
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
