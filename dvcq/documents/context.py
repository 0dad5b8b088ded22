"""The data a document template sees: plain dicts, lists and strings built from the plan.

`plan_context` for the KẾ HOẠCH, `report_context` for the BÁO CÁO on a period.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dvcq.dates import nd30_month, numeric
from dvcq.documents.figures import indicator_figures, same_window_last_year
from dvcq.documents.header import plan_header, report_header, type_name_of
from dvcq.documents.notes import ReportNotes
from dvcq.documents.wording import citation, lower_first, vn_percent
from dvcq.model import Directive, Part, Plan, Section, Task, roman
from dvcq.outline import outline
from dvcq.titles import derived_title, short_title

if TYPE_CHECKING:
    from dvcq.model import Entry, Progress
    from dvcq.progress.board import GroupRow, TaskRow
    from dvcq.progress.periods import Period


def plan_context(plan: Plan) -> dict[str, Any]:
    """The plan for its template: texts in document order, with their display numbers.

    Keys: `document` (the `Header`: agency, superior, symbol, number, place, date, subject…), `basis`
    (the opening paragraphs), `outline` (every part: number, role, title, text, sections: the
    nodes to any depth, each with marker, path, id, title, text, unit, tasks, task_marker and
    its own sections), `objectives` (number, title, entries: number, id, text) and `parts` (the
    other parts) as templates written for parts I-III read them, `closing`,
    `recipients`, `units`, `directives`, `task_table` (None, or the appendix listing the tasks:
    title, reference, columns with their headings and widths, rows of cells). A list of entries is never called `items`, which in a
    template would be the dict method of that name.
    """
    tree = outline(plan)
    parts = tree["parts"]
    first = next((p for p in parts if p["role"] == "objectives"), None)
    return {
        "document": plan_header(plan),
        "basis": [p.text for p in plan.basis],
        "outline": parts,
        # the shapes of the fixed parts I-III, for templates written before `outline`
        "objectives": {
            "number": first["number"] if first else "",
            "title": first["title"] if first else "",
            "entries": first["items"] if first else [],
        },
        "parts": [p for p in parts if p is not first],
        "closing": plan.closing,
        "recipients": list(plan.recipients),
        "units": tree["units"],
        "directives": tree["directives"],
        "task_table": _task_table(plan),
    }


# Each column's share of the table's width, as dashes of the Markdown header rule.
_COLUMN_DASHES = {
    "number": 5,
    "text": 30,
    "owner": 12,
    "support": 12,
    "deadlines": 10,
    "deliverable": 13,
}


def _task_table(plan: Plan) -> dict[str, Any] | None:
    """The appendix `Danh mục nhiệm vụ`: one row per task in document order, in the plan's
    chosen columns; units by name, deadlines as written."""
    from dvcq.model import TASK_COLUMNS

    table = plan.task_table
    if table is None:
        return None
    names = {u.id: u.name for u in plan.units}

    def cells(n: int, task: Any) -> dict[str, str]:
        return {
            "number": str(n),
            "text": task.text,
            "owner": names.get(task.owner or "", task.owner or ""),
            "support": ", ".join(names.get(u, u) for u in task.support),
            "deadlines": "; ".join(task.deadlines) or (numeric(task.due) if task.due else ""),
            "deliverable": task.deliverable or "",
        }

    rows = [cells(n, task) for n, task in enumerate(plan.tasks(), 1)]
    doc = plan.document
    return {
        "title": table.title,
        "reference": f"{type_name_of(doc.type)} số {cited_symbol(plan)} {_date_words(plan)} "
        f"của {doc.agency.name}",
        "columns": [
            {"key": c, "heading": TASK_COLUMNS[c], "dashes": "-" * _COLUMN_DASHES[c]}
            for c in table.columns
        ],
        "rows": [[row[c] for c in table.columns] for row in rows],
    }


def _date_words(plan: Plan) -> str:
    """`ngày 05/02/2026`, or with blanks while the day is not known: `ngày … tháng … năm 2026`."""
    date = plan.document.date
    if date.day and date.month:
        return f"ngày {numeric(dt.date(date.year, date.month, date.day))}"
    return f"ngày … tháng {nd30_month(date.month) if date.month else '…'} năm {date.year}"


# --- the periodic report ----------------------------------------------------------------------


def report_context(
    plan: Plan,
    progress: Progress,
    period: Period,
    as_of: dt.date,
    notes: ReportNotes | None = None,
    last_year: Progress | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """The report on `period` for its template: pure data, every figure already worked out.

    `last_year`: the previous year's entries, for "so với cùng kỳ" (the same window a year
    earlier); `unit`: a unit's own report, on the tasks it leads or supports and its own entries.

    Keys: `document` (the `Header`: agency, superior, symbol, number, day, month, year, place,
    subject, subject_inline, reference (as the appendix cites it), addressees, recipients,
    signer), `citations` (the
    documents the opening cites: the plan's bases, then the plan), `plan_short` (the plan cited
    again), `period` (label, name, start, end, as_of, cutoff), `summary` (the board's counts and
    `entries`), `leadership`, `results` (parts holding tasks, with their role → top nodes (khoản) → every task below
    each, with their merged results
    and evidence, and each section's indicator figures), `silent_tasks`, `overdue_tasks`,
    `late_tasks` (done after a deadline), `silent_units`, `unit_groups` (each unit group on the plan's tasks: name, the names of its
    members that reported on its tasks and of the `silent` ones), `open_tasks`, `strengths`, `shortcomings`, `causes`, `next_steps`,
    `proposals` (the notes' paragraphs) and `tasks` (every task for the appendix table).
    A task is named by its short `title` in lists and quoted whole as `text`; its `state` is
    one of the four a leader reads (`dvcq.progress.states`); `summary.states` counts them.
    """
    from dvcq.documents.notes import paragraphs
    from dvcq.model import DONE, STATUSES
    from dvcq.progress.board import build_board
    from dvcq.progress.states import STATES, leader_state

    notes = notes or ReportNotes()
    board = build_board(plan, progress, period, as_of, unit)
    unit_names = {u.id: u.name for u in plan.units}
    cutoff = min(period.end, as_of)
    latest = _latest_entries(progress, cutoff, unit)
    before = None
    if last_year is not None:
        before = same_window_last_year(last_year, period.start, cutoff)
        before = [e for e in before if not unit or e.unit == unit] or None

    def task_data(row: TaskRow) -> dict[str, Any]:
        task = row.task
        last = latest.get(task.id)
        status = last.status if last else None
        state = leader_state(status, row.overdue, row.done_late)
        return {
            "id": task.id,
            "number": row.number,
            "title": short_title(task),
            "text": task.text,
            "state": state,
            "state_label": STATES[state][0],
            "owner": task.owner or "",
            "owner_name": unit_names.get(task.owner or "", task.owner or ""),
            "due": "; ".join(task.deadlines) or (numeric(task.due) if task.due else ""),
            "deadlines": list(task.deadlines),
            "deliverable": task.deliverable or "",
            "due_soon": row.due_soon,
            "done_late": row.done_late,
            "status": status or "",
            "status_label": STATUSES[status][0] if status else "",
            "last_update": numeric(last.date) if last else "",
            "period_entries": len(row.entries),
            "results": _merged_results(row.entries),
            "by_unit": _results_by_unit(row.entries, unit_names),
        }

    rows = {row.task.id: row for row in board.rows}
    results = []
    counts = {"contents": 0, "implementation": 0}  # khoản run on across parts of one kind
    for number, part, nodes in _task_groups(plan):
        kind = "implementation" if part.role == "implementation" else "contents"
        sections: list[dict[str, Any]] = []
        for node, held in nodes:
            mine = [rows[t.id] for t in held if t.id in rows]
            if unit and not mine:
                continue  # a unit's report: only the khoản with its tasks
            counts[kind] += 1
            entries = sorted((e for r in mine for e in r.entries), key=lambda e: e.date)
            ids = {r.task.id for r in mine}
            earlier = [e for e in before if e.task in ids] if before else None
            sections.append(
                {
                    "number": f"{counts[kind]}.",
                    "id": node.id,
                    "title": node.title or derived_title(node.text or ""),
                    "entries": len(entries),
                    "tasks": [task_data(r) for r in mine],
                    **indicator_figures(plan, entries, earlier, unit_names),
                }
            )
        results.append(
            {"number": number, "role": part.role, "title": part.title, "sections": sections}
        )
    tasks = [task_data(row) for row in board.rows]

    summary = board.summary()
    summary["entries"] = sum(len(r.entries) for r in board.rows)
    summary["reported_text"] = vn_percent(summary["reported_percent"])
    summary["done_text"] = vn_percent(summary["done_percent"])
    summary["states"] = [
        {"key": key, "label": label, "count": sum(1 for t in tasks if t["state"] == key)}
        for key, (label, _) in STATES.items()
    ]
    document = report_header(plan, period, notes)
    if unit:
        from dvcq.documents.unit_report import unit_header

        document = unit_header(document, plan, next(u for u in plan.units if u.id == unit), notes)
    return {
        "document": document,
        "citations": [*_basis_citations(plan), plan_citation(plan)],
        "plan_short": f"{type_name_of(plan.document.type)} số {cited_symbol(plan)}",
        "period": {
            "label": period.label,
            "name": period.name(),
            "start": numeric(period.start),
            "end": numeric(period.end),
            "cutoff": numeric(cutoff),
            "as_of": numeric(as_of),
        },
        "summary": summary,
        "units": [u.name for u in plan.units],
        "unit": unit_names.get(unit, unit) if unit else "",
        "issuer": plan.document.agency.name,
        "last_year": {"year": period.year - 1, "compared": before is not None},
        "leadership": paragraphs(notes.leadership),
        "results": results,
        "silent_tasks": [t for t in tasks if not t["period_entries"]],
        "overdue_tasks": [t for t, r in zip(tasks, board.rows, strict=True) if r.overdue],
        "late_tasks": [t for t in tasks if t["done_late"]],
        "silent_units": [unit_names.get(u, u) for u in board.silent_units],
        "unit_groups": _unit_groups(board.groups, unit_names),
        "open_tasks": [t for t in tasks if t["status"] != DONE],
        "strengths": paragraphs(notes.strengths),
        "shortcomings": paragraphs(notes.shortcomings),
        "causes": paragraphs(notes.causes),
        "next_steps": paragraphs(notes.next_steps),
        "proposals": paragraphs(notes.proposals),
        "tasks": tasks,
    }


def _unit_groups(groups: list[GroupRow], names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "name": names.get(g.unit, g.unit),
            "reported": [names.get(u, u) for u in g.reported],
            "silent": [names.get(u, u) for u in g.silent],
        }
        for g in groups
    ]


def _task_groups(plan: Plan) -> list[tuple[str, Part, list[tuple[Section, list[Task]]]]]:
    """The parts that hold tasks, each with its top nodes (khoản) and every task below each, in
    document order: how a report groups results, whatever the depth of the outline."""
    walked = plan.walk()
    out = []
    for n, part in enumerate(plan.all_parts(), 1):
        nodes: list[tuple[Section, list[Task]]] = []
        for placed in walked:
            if placed.part is not part:
                continue
            if placed.depth == 1:
                nodes.append((placed.node, []))
            nodes[-1][1].extend(placed.node.tasks)
        nodes = [(node, tasks) for node, tasks in nodes if tasks]
        if nodes:
            out.append((f"{roman(n)}.", part, nodes))
    return out


def _basis_citations(plan: Plan) -> list[str]:
    directives = {d.symbol: d for d in plan.directives}
    seen: list[str] = []
    for paragraph in plan.basis:
        seen += [r for r in paragraph.refs if r not in seen]
    return [ref_citation(directives, symbol) for symbol in seen]


def ref_citation(directives: dict[str, Directive], symbol: str) -> str:
    """A document the plan refers to, cited from its registry entry (`directives:`)."""
    from dvcq.symbols import parse_symbol, type_word_of

    d = directives.get(symbol)
    if d is None:  # cited but not described: its type word from the symbol, nothing more
        parsed = parse_symbol(symbol)
        return citation(type_word_of(parsed) if parsed else "Văn bản", symbol, "", "", "")
    when = f"ngày {numeric(d.date)}" if d.date else ""
    return citation(d.type, symbol, when, d.issuer or "", d.subject or "")


def plan_citation(plan: Plan) -> str:
    doc = plan.document
    date = doc.date
    if date.day and date.month:
        when = f"ngày {numeric(dt.date(date.year, date.month, date.day))}"
    elif date.month:
        when = f"tháng {date.month} năm {date.year}"
    else:
        when = f"năm {date.year}"
    type_word = type_name_of(doc.type)
    return citation(type_word, cited_symbol(plan), when, doc.agency.name, lower_first(doc.subject))


def cited_symbol(plan: Plan) -> str:
    """The plan's number and symbol as a report cites it: `…/KH-SNgV` while the number is blank,
    the way a reference to an unissued document is written by hand (never a bare `/KH-SNgV`)."""
    return plan.symbol() if (plan.document.number or "").strip() else f"…{plan.symbol()}"


def _latest_entries(
    progress: Progress, cutoff: dt.date, unit: str | None = None
) -> dict[str, Entry]:
    """Each task's latest current entry up to `cutoff` (of `unit` only when given): where it
    stands, whatever the period."""
    stop = cutoff.isoformat()
    latest: dict[str, Entry] = {}
    dated = [
        e
        for e in progress.current()
        if len(e.date) == 10 and e.date <= stop and (not unit or e.unit == unit)
    ]
    for e in sorted(dated, key=lambda e: e.date):  # stable: a day's entries keep file order
        latest[e.task] = e
    return latest


def _results_by_unit(entries: list[Entry], unit_names: dict[str, str]) -> list[dict[str, Any]]:
    """The period's results of one task unit by unit, when more than one unit reported on it."""
    units: dict[str, list[Entry]] = {}
    for e in entries:
        units.setdefault(e.unit, []).append(e)
    if len(units) < 2:
        return []
    out = []
    for u, mine in units.items():
        results = _merged_results(mine)
        for r in results:  # after "Đơn vị:", a result goes on in sentence case
            r["inline"] = lower_first(r["text"])
        out.append({"unit": unit_names.get(u, u), "results": results})
    return out


def _merged_results(entries: list[Entry]) -> list[dict[str, Any]]:
    """The period's results of one task, the same result reported twice said once."""
    merged: dict[str, dict[str, Any]] = {}
    for e in entries:
        text = " ".join(e.result.split()).rstrip(" .;")
        item = merged.setdefault(text, {"text": text, "evidence": [], "units": [], "count": 0})
        item["count"] += 1
        item["evidence"] += [s for s in e.evidence if s not in item["evidence"]]
        if e.unit not in item["units"]:
            item["units"].append(e.unit)
    return list(merged.values())
