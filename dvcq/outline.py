"""The plan as an outline with its display numbers (I., 1., -), for `dvcq show` and documents."""

from __future__ import annotations

from typing import Any

from dvcq.model import Placed, Plan, Task, roman


def task_dict(plan: Plan, task: Task) -> dict[str, Any]:
    names = {u.id: u.name for u in plan.units}
    return {
        "id": task.id,
        "text": task.text,
        "owner": task.owner,
        "owner_name": names.get(task.owner or "", ""),
        "support": task.support,
        "refs": task.refs,
        "cadence": task.cadence,
        "due": task.due,
        "line": task.pos.line,
    }


def node_dict(plan: Plan, placed: Placed, children: list[dict[str, Any]]) -> dict[str, Any]:
    node = placed.node
    return {
        "marker": placed.marker,
        "number": placed.marker,  # as printed: "1.", "a)", "-", "+" or ""
        "path": placed.number,  # the display number of its place: "II.1.a"
        "depth": placed.depth,
        "id": node.id,
        "title": node.title,
        "text": node.text,
        "unit": node.unit,
        "tasks": [task_dict(plan, t) for t in node.tasks],
        # how its tasks are marked: sub-bullets under a bullet; bullets under a khoản or điểm,
        # unless it holds one task, which reads as a paragraph
        "task_marker": "+" if placed.marker in ("-", "+") else ("-" if len(node.tasks) > 1 else ""),
        "sections": children,
        "line": node.pos.line,
    }


def tree(plan: Plan) -> list[dict[str, Any]]:
    """The parts, each with its nodes nested as written (`sections`, to any depth)."""
    parts: list[dict[str, Any]] = []
    index = {id(part): n for n, part in enumerate(plan.all_parts(), 1)}
    stacks: dict[int, list[dict[str, Any]]] = {}
    for n, part in enumerate(plan.all_parts(), 1):
        parts.append(
            {
                "number": f"{roman(n)}.",
                "role": part.role,
                "key": part.key,
                "id": part.id,
                "title": part.title,
                "text": part.text,
                "sections": [],
            }
        )
    # children lists by depth, per part: a node goes into the list of the last node one level up
    for placed in plan.walk():
        part_dict = parts[index[id(placed.part)] - 1]
        stack = stacks.setdefault(index[id(placed.part)], [part_dict])
        del stack[placed.depth :]
        item = node_dict(plan, placed, [])
        stack[-1]["sections"].append(item)
        stack.append(item)
    return parts


def outline(plan: Plan) -> dict[str, Any]:
    doc = plan.document
    parts = tree(plan)
    for part in parts:
        if part["role"] == "objectives":  # the shape `dvcq show --format json` has always had
            part["items"] = [
                {"number": s["number"], "id": s["id"], "text": s["text"]} for s in part["sections"]
            ]
    return {
        "file": plan.file,
        "symbol": plan.symbol(),
        "type": doc.type,
        "agency": doc.agency.name,
        "subject": doc.subject,
        "year": doc.date.year,
        "parts": parts,
        "units": [{"id": u.id, "name": u.name} for u in plan.units],
        "directives": [
            {"symbol": d.symbol, "type": d.type, "date": d.date, "issuer": d.issuer}
            for d in plan.directives
        ],
    }
