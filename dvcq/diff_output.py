"""Renderings of a plan diff: plain text, Markdown for a pull request, JSON, and git's textconv."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dvcq.checker import plan_from_text
from dvcq.diff import (
    JSON_VERSION,
    SCOPES,
    Change,
    directive_fields,
    document_fields,
    indicator_fields,
    md_escape,
    reporting_fields,
)
from dvcq.errors import DvcqError, os_reason
from dvcq.model import Plan
from dvcq.revisions import Side
from dvcq.yamlio import nfc, read_text


def _groups(changes: list[Change], old: Plan, new: Plan) -> list[tuple[str, list[Change]]]:
    """Changes grouped under headings: one per section, one per other scope, in order."""
    titles = {s.id: s.title for s in old.sections()} | {s.id: s.title for s in new.sections()}
    groups: dict[str, list[Change]] = {}
    for change in changes:
        key = f"section:{change.section}" if change.section else change.scope
        groups.setdefault(key, []).append(change)
    out = []
    for key, items in groups.items():
        if key.startswith("section:"):
            sid = key.partition(":")[2]
            heading = f"{titles.get(sid, sid)} [{sid}]"
        else:
            heading = "__" + key
        out.append((heading, items))
    return out


def _heading(heading: str, lang: str) -> str:
    if heading.startswith("__"):
        noun = SCOPES[heading[2:]][0 if lang == "vi" else 1]
        return noun[:1].upper() + noun[1:]
    return heading


def _count(n: int, lang: str) -> str:
    if lang == "vi":
        return f"{n} thay đổi" if n else "Không có thay đổi về nội dung"
    return f"{n} change{'s' if n != 1 else ''}" if n else "No change in content"


def to_text(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    lines = [f"{old.label} → {new.label}: {_count(len(changes), lang)}"]
    for heading, items in _groups(changes, old.plan, new.plan):
        lines.append("")
        lines.append(_heading(heading, lang))
        lines += [f"  {c.kind}: {c.message(lang)}" for c in items]
    return "\n".join(lines) + "\n"


def to_markdown(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    title = "Thay đổi kế hoạch" if lang == "vi" else "Plan changes"
    lines = [
        f"## {title}: `{old.label}` → `{new.label}`",
        "",
        f"{_count(len(changes), lang)}.",
    ]
    for heading, items in _groups(changes, old.plan, new.plan):
        lines += ["", f"### {md_escape(_heading(heading, lang))}", ""]
        lines += [f"- {c.message(lang, markdown=True)}" for c in items]
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    data = {
        "version": JSON_VERSION,
        "old": old.label,
        "new": new.label,
        "count": len(changes),
        "changes": [c.as_dict(lang) for c in changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- textconv ----------------------------------------------------------------------------------


def textconv_lines(plan: Plan) -> Iterator[str]:
    """The plan flattened to one line per field, each led by its id path, in document order."""

    def line(path: str, value: Any) -> Iterator[str]:
        if value is None or value == "":
            return
        yield f"{path}: {' '.join(nfc(str(value)).split())}"

    for name, value in document_fields(plan).items():
        yield from line(f"document {name}", value)
    for n, p in enumerate(plan.basis, 1):
        yield from line(f"basis {n} text", p.text)
        for ref in p.refs:
            yield from line(f"basis {n} ref", ref)
    yield from line("objectives title", plan.objectives.title)
    for o in plan.objectives.items:
        yield from line(f"objective {o.id} text", o.text)
    for part_name, part in (("contents", plan.contents), ("organization", plan.organization)):
        yield from line(f"{part_name} title", part.title)
        for s in part.sections:
            yield from line(f"section {s.id} part", part_name)
            yield from line(f"section {s.id} title", s.title)
            yield from line(f"section {s.id} unit", s.unit)
            for t in s.tasks:
                head = f"task {t.id}"
                yield from line(f"{head} section", s.id)
                yield from line(f"{head} text", t.text)
                yield from line(f"{head} owner", t.owner)
                for unit in t.support:
                    yield from line(f"{head} support", unit)
                for ref in t.refs:
                    yield from line(f"{head} ref", ref)
                yield from line(f"{head} cadence", t.cadence)
                yield from line(f"{head} due", t.due)
                for key in t.indicators:
                    yield from line(f"{head} indicator", key)
    yield from line("closing", plan.closing)
    for n, r in enumerate(plan.recipients, 1):
        yield from line(f"recipient {n}", r)
    for u in plan.units:
        yield from line(f"unit {u.id} name", u.name)
    for symbol, values in directive_fields(plan).items():
        for name, value in values.items():
            yield from line(f"directive {symbol} {name}", value)
    for key, values in indicator_fields(plan).items():
        for name, value in values.items():
            yield from line(f"indicator {key} {name}", value)
    for name, value in reporting_fields(plan).items():
        for item in value if isinstance(value, list) else [value]:
            yield from line(f"reporting {name}", item)


def textconv(path: Path) -> str:
    """What git shows for a plan file: the flattened plan, or the file as it is when it cannot be
    built (so `git diff` keeps working on a broken plan)."""
    text, _ = read_text(path)
    if text is None:
        try:
            return path.read_bytes().decode("utf-8", "replace")
        except OSError as exc:  # git always passes a real file; a person may not
            why_vi, why_en = os_reason(exc)
            raise DvcqError(
                f"Không đọc được {path}: {why_vi}.",
                f"Cannot read {path}: {why_en}.",
            ) from None
    plan, _ = plan_from_text(text, str(path))
    if plan is None:
        return text if text.endswith("\n") else text + "\n"
    return "".join(f"{line}\n" for line in textconv_lines(plan))
