"""Unit groups: a group's members are registered units, no group holds itself, a unit is in one
group (dvcq.units)."""

from __future__ import annotations

from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.problems import suggest
from dvcq.rules import ERROR, WARNING, Finding, rule


@rule(
    "unknown-member",
    ERROR,
    vi="Thành viên “{member}” của nhóm “{group}” không có trong danh mục đơn vị (units).",
    en="Member “{member}” of group “{group}” is not in the units registry.",
    hint_vi="{suggestion_text}Mỗi thành viên là một đơn vị khai báo riêng trong `units` (id, name).",
    hint_en="{suggestion_text}Each member is a unit of its own under `units` (id, name).",
    doc_vi="Thành viên (`members`) của một nhóm đơn vị là mã của đơn vị đã khai báo trong `units`.",
    doc_en="The `members` of a unit group are ids of units declared under `units`.",
)
def unknown_member(plan: Plan) -> Iterator[Finding]:
    known = [u.id for u in plan.units]
    for unit in plan.units:
        for i, member in enumerate(unit.members):
            if member not in known:
                params = {"member": member, "group": unit.id, "suggestion": suggest(member, known)}
                yield unit.where("members", i), params


@rule(
    "group-cycle",
    ERROR,
    vi="Nhóm “{group}” nằm trong chính nó (qua: {path}).",
    en="Group “{group}” contains itself (through: {path}).",
    hint_vi="Bỏ “{member}” khỏi `members` của “{group}”: một nhóm không thể là thành viên của "
    "chính nó hay của thành viên của nó.",
    hint_en="Remove “{member}” from the `members` of “{group}”: a group cannot be a member of "
    "itself or of its own members.",
    doc_vi="Các nhóm đơn vị không tạo thành vòng (A gồm B, B gồm A).",
    doc_en="Unit groups form no cycle (A holds B, B holds A).",
)
def group_cycle(plan: Plan) -> Iterator[Finding]:
    units = {u.id: u for u in plan.units}
    done: set[str] = set()

    # Depth first in `units:` order; a member already on the path closes a cycle: one problem
    # a cycle, at that member.
    def walk(unit_id: str, path: list[str]) -> Iterator[Finding]:
        unit = units[unit_id]
        for i, member in enumerate(unit.members):
            if member == unit_id or member in path:
                loop = [*path[path.index(member) :], unit_id] if member in path else [unit_id]
                shown = " → ".join([*loop, member])
                yield (
                    unit.where("members", i),
                    {"group": unit_id, "member": member, "path": shown},
                )
            elif member in units and member not in done:
                yield from walk(member, [*path, unit_id])
        done.add(unit_id)

    for unit in plan.units:
        if unit.id not in done:
            yield from walk(unit.id, [])


@rule(
    "unit-in-two-groups",
    WARNING,
    vi="Đơn vị “{member}” đã là thành viên của nhóm “{first}”, nay lại ở nhóm “{group}”.",
    en="Unit “{member}” is already a member of group “{first}”, and is listed in “{group}” too.",
    hint_vi="Thường là nhầm: giữ đơn vị ở một nhóm. Nếu đúng là thuộc cả hai, mục tiến độ của "
    "đơn vị được tính cho nhiệm vụ của cả hai nhóm.",
    hint_en="Usually a slip: keep the unit in one group. If it really is in both, its entries "
    "count for the tasks of both groups.",
    doc_vi="Mỗi đơn vị là thành viên trực tiếp của nhiều nhất một nhóm (như một phòng thuộc một "
    "khối); cảnh báo, vì tổ công tác liên ngành có thể lấy thành viên của nhóm khác.",
    doc_en="A unit is a direct member of at most one group (as a phòng is in one khối); a "
    "warning, since a cross-cutting working group may take members of another.",
)
def unit_in_two_groups(plan: Plan) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for unit in plan.units:
        for member in dict.fromkeys(unit.members):  # a member listed twice in one group: once
            if member == unit.id:
                continue  # group-cycle says so
            if member in first:
                params = {"member": member, "first": first[member], "group": unit.id}
                yield unit.where("members", unit.members.index(member)), params
            else:
                first[member] = unit.id
