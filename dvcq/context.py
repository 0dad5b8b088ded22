"""The data a document template sees: plain dicts, lists and strings built from the plan."""

from __future__ import annotations

from typing import Any

from dvcq.model import Plan
from dvcq.outline import outline


def plan_context(plan: Plan) -> dict[str, Any]:
    """The plan for its template: texts in document order, with their display numbers.

    Keys: `document` (type, symbol, agency, superior, place, year, month, day, subject), `basis`
    (the opening paragraphs), `objectives` (number, title, entries: number, id, text), `parts`
    (the task parts: number, title, sections: number, id, title, unit, tasks), `closing`,
    `recipients`, `units`, `directives`. A list of entries is never called `items`, which in a
    template would be the dict method of that name.
    """
    tree = outline(plan)
    objectives, *parts = tree["parts"]
    doc = plan.document
    return {
        "document": {
            "type": doc.type,
            "symbol": plan.symbol(),
            "number": doc.number,
            "agency": doc.agency.name,
            "superior": doc.agency.superior,
            "place": doc.place,
            "year": doc.date.year,
            "month": doc.date.month,
            "day": doc.date.day,
            "subject": doc.subject,
        },
        "basis": [p.text for p in plan.basis],
        "objectives": {
            "number": objectives["number"],
            "title": objectives["title"],
            "entries": objectives["items"],
        },
        "parts": parts,
        "closing": plan.closing,
        "recipients": list(plan.recipients),
        "units": tree["units"],
        "directives": tree["directives"],
    }
