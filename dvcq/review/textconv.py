"""git's textconv for plan files: the plan flattened to one line per field, led by its id path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dvcq.errors import DvcqError
from dvcq.model import Placed, Plan
from dvcq.review.diff import (
    directive_fields,
    document_fields,
    indicator_fields,
    node_keys,
    part_key,
    reporting_fields,
)
from dvcq.rules.check import plan_from_text
from dvcq.visible import visible
from dvcq.yamlio import decode, nfc, read_bytes


def textconv_lines(plan: Plan) -> Iterator[str]:
    """The plan flattened to one line per field, each led by its id path, in document order."""

    def line(path: str, value: Any) -> Iterator[str]:
        if value is None or value == "":
            return
        yield visible(f"{path}: {' '.join(nfc(str(value)).split())}")

    for name, value in document_fields(plan).items():
        yield from line(f"document {name}", value)
    for n, p in enumerate(plan.basis, 1):
        yield from line(f"basis {n} text", p.text)
        for ref in p.refs:
            yield from line(f"basis {n} ref", ref)
    keys = {id(placed.node): key for key, placed in node_keys(plan)}
    walked = plan.walk()
    for part in plan.all_parts():
        name = part_key(part)
        if part.key in ("objectives", "contents", "organization"):  # the fixed parts, as always
            yield from line(f"{name} title", part.title)
        else:
            yield from line(f"part {name} role", part.role)
            yield from line(f"part {name} title", part.title)
            yield from line(f"part {name} text", part.text)
        yield from _nodes(line, [p for p in walked if p.part is part], keys)
    yield from _rest(line, plan)


def _nodes(line: Any, walked: list[Placed], keys: dict[int, str]) -> Iterator[str]:
    for placed in walked:
        s = placed.node
        if placed.part.key == "objectives":
            yield from line(f"objective {s.id} text", s.text)
            continue
        key = keys[id(s)]
        yield from line(f"section {key} part", part_key(placed.part))
        yield from line(f"section {key} title", s.title)
        yield from line(f"section {key} text", s.text)
        yield from line(f"section {key} mark", s.mark)
        yield from line(f"section {key} unit", s.unit)
        for t in s.tasks:
            head = f"task {t.id}"
            yield from line(f"{head} section", key)
            yield from line(f"{head} text", t.text)
            yield from line(f"{head} owner", t.owner)
            for unit in t.support:
                yield from line(f"{head} support", unit)
            for ref in t.refs:
                yield from line(f"{head} ref", ref)
            yield from line(f"{head} cadence", t.cadence)
            yield from line(f"{head} due", t.due)
            for deadline in t.deadlines:
                yield from line(f"{head} deadline", deadline)
            yield from line(f"{head} deliverable", t.deliverable)
            for key_ in t.indicators:
                yield from line(f"{head} indicator", key_)


def _rest(line: Any, plan: Plan) -> Iterator[str]:
    yield from line("closing", plan.closing)
    for n, r in enumerate(plan.recipients, 1):
        yield from line(f"recipient {n}", r)
    for u in plan.units:
        yield from line(f"unit {u.id} name", u.name)
        for member in u.members:
            yield from line(f"unit {u.id} member", member)
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
    built (so `git diff` keeps working on a broken plan). A file that may not be read at all (a
    FIFO, a link out of the repository, a missing or huge file) stops with the reason."""
    from dvcq import rules

    data, refused = read_bytes(path)
    if data is None:
        assert refused is not None
        raise DvcqError(
            f"Không đọc được {path}: {rules.message(refused, 'vi')}",
            f"Cannot read {path}: {rules.message(refused, 'en')}",
        )
    text, _ = decode(data, str(path))
    if text is None:
        return data.decode("utf-8", "replace")
    plan, _ = plan_from_text(text, str(path))
    if plan is None:
        return text if text.endswith("\n") else text + "\n"
    return "".join(f"{line}\n" for line in textconv_lines(plan))
