"""Renderings of a plan diff: plain text, Markdown for a pull request, JSON, and git's textconv."""

from __future__ import annotations

import json

from dvcq.model import Plan
from dvcq.review.diff import (
    JSON_VERSION,
    SCOPES,
    Change,
    md_escape,
    node_keys,
)
from dvcq.review.revisions import Side
from dvcq.visible import visible


def _groups(changes: list[Change], old: Plan, new: Plan) -> list[tuple[str, list[Change]]]:
    """Changes grouped under headings: one per section, one per other scope, in order."""
    titles = {k: p.node.title or p.number for k, p in node_keys(old) + node_keys(new)}
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
    return "".join(f"{visible(line, newlines=False)}\n" for line in lines)


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
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
