"""The plan as an outline with its display numbers (I., 1., -), for `dvcq show` and documents."""

from __future__ import annotations

from typing import Any

from dvcq.model import Plan, Task, roman


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


def outline(plan: Plan) -> dict[str, Any]:
    doc = plan.document
    parts: list[dict[str, Any]] = [
        {
            "number": f"{roman(1)}.",
            "title": plan.objectives.title,
            "items": [
                {"number": f"{i}.", "id": o.id, "text": o.text}
                for i, o in enumerate(plan.objectives.items, 1)
            ],
        }
    ]
    for n, part in enumerate(plan.task_parts(), 2):
        parts.append(
            {
                "number": f"{roman(n)}.",
                "title": part.title,
                "sections": [
                    {
                        "number": f"{i}.",
                        "id": s.id,
                        "title": s.title,
                        "unit": s.unit,
                        "tasks": [task_dict(plan, t) for t in s.tasks],
                    }
                    for i, s in enumerate(part.sections, 1)
                ],
            }
        )
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
