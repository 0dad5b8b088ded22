"""Who does each task: every task names its owner, and every unit named is registered."""

from __future__ import annotations

from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.problems import Pos, suggest
from dvcq.rules import ERROR, Finding, rule


@rule(
    "task-without-owner",
    ERROR,
    vi="Nhiệm vụ “{task}” chưa có đơn vị chủ trì.",
    en="Task “{task}” has no owner.",
    hint_vi="Thêm dòng `owner: <mã đơn vị>` ngay trong nhiệm vụ (ví dụ: owner: {example}).",
    hint_en="Add a line `owner: <unit id>` to the task itself (for example: owner: {example}).",
    doc_vi="Mọi nhiệm vụ phải ghi rõ đơn vị chủ trì ngay trên nhiệm vụ đó (không kế thừa).",
    doc_en="Every task names its owner on its own lines (no inheritance).",
)
def task_without_owner(plan: Plan) -> Iterator[Finding]:
    example = plan.units[0].id if plan.units else "VP"
    for task in plan.tasks():
        if not (task.owner or "").strip():
            yield task.where("owner"), {"task": task.id, "example": example}


@rule(
    "unknown-unit",
    ERROR,
    vi="Đơn vị “{unit}” không có trong danh mục đơn vị (units).",
    en="Unit “{unit}” is not in the units registry.",
    hint_vi="{suggestion_text}Các mã đơn vị đã khai báo: {known}.",
    hint_en="{suggestion_text}Registered unit ids: {known}.",
    doc_vi="Đơn vị chủ trì, phối hợp hoặc phụ trách phần phải được khai báo trong `units`.",
    doc_en="Owners, supporting units and section units must be declared under `units`.",
)
def unknown_unit(plan: Plan) -> Iterator[Finding]:
    known = [u.id for u in plan.units]
    listed = ", ".join(known) or "—"

    def finding(unit: str, pos: Pos) -> Finding:
        return pos, {"unit": unit, "suggestion": suggest(unit, known, 0.5), "known": listed}

    for section in plan.sections():
        if section.unit and section.unit not in known:
            yield finding(section.unit, section.where("unit"))
        for task in section.tasks:
            if task.owner and task.owner.strip() and task.owner not in known:
                yield finding(task.owner, task.where("owner"))
            for i, unit in enumerate(task.support):
                if unit not in known:
                    yield finding(unit, task.where("support", i))
