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
with the plan's `Builder`, so a mistake is reported with its file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from dvcq.errors import DvcqError
from dvcq.model import Builder, Located
from dvcq.problems import Pos, Problem
from dvcq.yamlio import Node, parse, read_text

PROSE = ("leadership", "strengths", "shortcomings", "causes", "next_steps", "proposals")


@dataclass(kw_only=True, eq=False)
class SignerOverride(Located):
    authority: str | None = None
    title: str | None = None
    name: str | None = None


@dataclass(kw_only=True, eq=False)
class ReportNotes(Located):
    subject: str | None = None  # the whole trích yếu, when the derived one does not fit
    addressees: list[str] | None = None
    number: str | None = None
    day: int | None = None
    month: int | None = None
    leadership: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    shortcomings: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    signer: SignerOverride | None = None


def read_notes(path: Path) -> ReportNotes:
    """The notes in `path`, or stop with every problem as `file:line:col: message`."""
    text, problem = read_text(path)
    if text is None:
        if problem is not None and problem.rule == "empty-file":
            return ReportNotes()  # an empty notes file is simply no notes
        _stop(path, [problem] if problem else [])
    file = str(path)
    root, problems = parse(text, file)
    if root is None:
        _stop(path, problems)
    if not isinstance(root.value, dict):
        kind = "list" if isinstance(root.value, list) else "text"
        got = {"key": path.name, "expected": "mapping", "got": kind}
        _stop(path, [*problems, Problem(file, root.pos, "wrong-type", got)])
    for key in PROSE:  # one text is a list of one: both spellings are natural in YAML
        node = root.value.get(key)
        if node is not None and isinstance(node.value, str):
            root.value[key] = Node([node], node.line, node.col)
    builder = Builder(file)
    notes: ReportNotes | None = builder.record(ReportNotes, root, "")
    problems += builder.problems
    if notes is not None:
        for key, top in (("day", 31), ("month", 12)):
            value = getattr(notes, key)
            if value is not None and not 1 <= value <= top:
                where = notes.at.get(key, Pos(1, 1))
                choices = f"1-{top}"
                problems.append(
                    Problem(
                        file,
                        where,
                        "invalid-value",
                        {"key": key, "value": value, "choices": choices},
                    )
                )
    if problems or notes is None:
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


def notes_for(
    plan_file: Path, period: str, path: Path | None, signer: SignerOverride | None = None
) -> ReportNotes:
    """The notes of a report: `path`, else `reports/<PERIOD>.yaml` beside `plans/` when there is
    one; a signer given on the command line overrides theirs field by field."""
    from dvcq.repository import progress_root_for

    default = progress_root_for(plan_file).parent / "reports" / f"{period}.yaml"
    # Anything at the default path is read (and refused if it is a FIFO or a link out): never
    # silently skipped.
    path = path or (default if default.exists() or default.is_symlink() else None)
    notes = read_notes(path) if path else ReportNotes()
    if signer and (signer.name or signer.title or signer.authority is not None):
        base = notes.signer or SignerOverride()
        notes.signer = SignerOverride(
            authority=base.authority if signer.authority is None else signer.authority,
            title=signer.title or base.title,
            name=signer.name or base.name,
        )
    return notes
