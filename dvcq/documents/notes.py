"""The clerk's notes for one report (`reports/<PERIOD>.yaml`): what the progress data cannot say.

A report is built from the plan and the progress entries; the prose around them (leadership,
strengths, shortcomings, causes, next steps, proposals), the addressees, the number and day the
records office gives it, and a signer other than the plan's come from this optional file:

    addressees:                  # Kính gửi (default: the plan's reporting.addressees)
      - Ủy ban nhân dân tỉnh Cao Bằng
      - Sở Nội vụ
    number: "125"                # blank while the records office has not issued it
    day: 16                      # of the report's month (default month: the period's last)
    leadership: |                # I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO
      Lãnh đạo Sở quan tâm chỉ đạo …
    strengths: …                 # III.1 Ưu điểm
    shortcomings: …              # III.2 Tồn tại, hạn chế (after the automatic list)
    causes: …                    # III.3 Nguyên nhân
    next_steps: …                # IV. Phương hướng, nhiệm vụ (after the open tasks)
    proposals: …                 # V. Đề xuất, kiến nghị
    signer: {authority: KT. GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: …}   # any of the three

Each prose key takes one text or a list of texts; a blank line or a line starting with `- ` or
`+ ` starts a new paragraph. The file is read through the one YAML door (`dvcq.yamlio`) and built
with the plan's `Builder`, so a mistake is reported with its file, line and column. The record and
its reading are in `dvcq.rules.notes`, with the checks `dvcq check` and `dvcq report` run on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from dvcq.errors import DvcqError
from dvcq.problems import Pos, Problem
from dvcq.rules.notes import PROSE, ReportNotes, SignerOverride, build_notes, reports_folder

__all__ = [
    "PROSE",
    "ReportNotes",
    "SignerOverride",
    "notes_for",
    "notes_path",
    "paragraphs",
    "read_notes",
    "with_signer",
]


def read_notes(path: Path) -> ReportNotes:
    """The notes in `path`, or stop with every problem as `file:line:col: message`."""
    notes, problems = build_notes(path)
    if notes is None or problems:
        _stop(path, problems)
    return notes


def paragraphs(texts: list[str]) -> list[str]:
    """Prose as paragraphs: a blank line, or a line starting `- ` or `+ `, starts a new one."""
    out: list[str] = []
    for text in texts:
        current: list[str] = []
        for raw in text.replace("\r\n", "\n").split("\n"):
            line = raw.strip()
            if not line or line.startswith(("- ", "+ ")):
                if current:
                    out.append(" ".join(current))
                current = [line] if line else []
            else:
                current.append(line)
        if current:
            out.append(" ".join(current))
    return out


def _stop(path: Path, problems: list[Problem]) -> NoReturn:
    from dvcq import rules
    from dvcq.rules import reading  # noqa: F401 - registers the reader's messages

    if not problems:  # pragma: no cover - the reader always says why
        problems = [Problem(str(path), Pos(1, 1), "unreadable-file", {"reason": ""})]
    problems = sorted(problems, key=lambda p: p.sort_key)
    lines = {
        lang: "".join(
            f"\n  {p.file}:{p.pos.line}:{p.pos.col}: {rules.message(p, lang)} {rules.hint(p, lang)}"
            for p in problems
        )
        for lang in ("vi", "en")
    }
    raise DvcqError(
        f"Tệp ghi chú báo cáo {path} có {len(problems)} lỗi; chưa ghi tệp nào:{lines['vi']}",
        f"Report notes {path} have {len(problems)} problem(s); no file was written:{lines['en']}",
    )


def notes_path(plan_file: Path, period: str, path: Path | None) -> Path | None:
    """`path`, else `reports/<PERIOD>.yaml` beside `plans/` when there is one."""
    default = reports_folder(plan_file) / f"{period}.yaml"
    # Anything at the default path is read (and refused if it is a FIFO or a link out): never
    # silently skipped.
    return path or (default if default.exists() or default.is_symlink() else None)


def notes_for(
    plan_file: Path, period: str, path: Path | None, signer: SignerOverride | None = None
) -> ReportNotes:
    """The notes of a report: `path`, else `reports/<PERIOD>.yaml` beside `plans/` when there is
    one; a signer given on the command line overrides theirs field by field."""
    path = notes_path(plan_file, period, path)
    return with_signer(read_notes(path) if path else ReportNotes(), signer)


def with_signer(notes: ReportNotes, signer: SignerOverride | None) -> ReportNotes:
    """The notes with the command line's signer over theirs, field by field."""
    if signer and (signer.name or signer.title or signer.authority is not None):
        base = notes.signer or SignerOverride()
        notes.signer = SignerOverride(
            authority=base.authority if signer.authority is None else signer.authority,
            title=signer.title or base.title,
            name=signer.name or base.name,
        )
    return notes
