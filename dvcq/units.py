"""Units and unit groups: a unit with `members` is a group whose member units report for it.

"Các phòng chuyên môn" given a task means each phòng does its part and reports it: an entry by a
member counts for the group's tasks, and the board and the report say which member is silent.
Members are units of `units:` named by id; a member may itself be a group (nesting). The rules
of `dvcq.rules.groups` report unknown members, cycles and a unit in two groups; every walk here
is safe on a plan that has them (a unit is visited once).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dvcq.model import Plan, Task


class Units:
    """The plan's units with their groups, in the order `units:` lists them."""

    def __init__(self, plan: Plan) -> None:
        self.order = [u.id for u in plan.units]
        known = set(self.order)
        self.names = {u.id: u.name for u in plan.units}
        # direct members that are units, each once (rules report the others)
        self.direct: dict[str, list[str]] = {}
        for u in plan.units:
            members = [m for m in dict.fromkeys(u.members) if m in known]
            if members:
                self.direct.setdefault(u.id, members)

    def is_group(self, unit: str) -> bool:
        return unit in self.direct

    def members(self, unit: str) -> list[str]:
        """Every unit inside `unit` (members, their members…), in `units:` order, not itself."""
        found: set[str] = set()
        todo = list(self.direct.get(unit, []))
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += self.direct.get(current, [])
        found.discard(unit)
        return [u for u in self.order if u in found]

    def groups(self, unit: str) -> list[str]:
        """Every group `unit` is inside, directly or through another group, in `units:` order."""
        return [g for g in self.direct if g != unit and unit in self.members(g)]

    def reporters(self, unit: str) -> list[str]:
        """Whose entries count as `unit`'s: the unit itself and every unit inside it."""
        return [unit, *self.members(unit)]

    def leaves(self, unit: str) -> list[str]:
        """The units that report for `unit`: itself when it has no members, else its members
        that have none (a group with members is heard through them)."""
        if not self.is_group(unit):
            return [unit]
        return [m for m in self.members(unit) if not self.is_group(m)]

    def assigned(self, task: Task) -> set[str]:
        """The units that may report on `task`: its owner and supporting units and every unit
        inside them."""
        return {r for u in _named(task) for r in self.reporters(u)}

    def concerns(self, unit: str, task: Task) -> bool:
        """Whether a `--unit` filter on `unit` shows `task`: given to the unit, to a group it is
        in, or to a unit inside it."""
        near = {unit, *self.members(unit), *self.groups(unit)}
        return any(u in near for u in _named(task))

    def role(self, unit: str, task: Task) -> tuple[str, str] | None:
        """How `task` is given to `unit`: ("lead" or "support", the unit the task names: `unit`
        itself or a group it is in), or None. Leading comes before supporting (a phòng that
        supports a task its group leads leads it), and the unit itself before its groups."""
        near = [unit, *self.groups(unit)]
        if task.owner is not None and task.owner in near:
            return ("lead", task.owner)
        named = next((u for u in near if u in task.support), None)
        return ("support", named) if named else None

    def expected(self, tasks: Iterable[Task]) -> list[str]:
        """The units expected to report on `tasks`, in `units:` order: each assigned unit, or
        the members of an assigned group in its place."""
        found = {leaf for t in tasks for u in _named(t) for leaf in self.leaves(u)}
        return [u for u in self.order if u in found]


def _named(task: Task) -> list[str]:
    return [u for u in (task.owner, *task.support) if u]
