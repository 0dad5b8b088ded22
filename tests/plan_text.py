"""Small plans for the tests that pin exact behaviour: tests/data/minimal.yaml, edited as text.

Edits are exact substitutions (`edit` fails when the old text is not there exactly once), so a
test's line and column expectations follow from minimal.yaml's own lines.
"""

from __future__ import annotations

from pathlib import Path

from dvcq import rules
from dvcq.model import Plan
from dvcq.problems import Problem
from dvcq.rules.check import plan_from_text

MINIMAL = Path(__file__).resolve().parent / "data" / "minimal.yaml"


def minimal() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def plan_of(text: str, file: str = "plan.yaml") -> Plan:
    plan, problems = plan_from_text(text, file)
    assert plan is not None and not problems, problems
    return plan


def problems_of(text: str, file: str = "plan.yaml") -> list[Problem]:
    """What `dvcq check` reports for a plan written as `text` (reader, builder and rules)."""
    plan, problems = plan_from_text(text, file)
    if plan is not None:
        problems += rules.run(plan)
    return sorted(problems, key=lambda p: p.sort_key)


def found(text: str) -> list[tuple[str, int, int]]:
    """(rule id, line, column) of every problem in the plan `text`."""
    return [(p.rule, p.pos.line, p.pos.col) for p in problems_of(text)]
