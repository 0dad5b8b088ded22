"""The data a document template sees: plain dicts, lists and strings built from the plan.

`plan_context` for the KẾ HOẠCH, `report_context` for the BÁO CÁO on a period.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dvcq.dates import numeric
from dvcq.documents.figures import indicator_figures, same_window_last_year
from dvcq.documents.header import plan_header, report_header, type_name_of
from dvcq.documents.notes import ReportNotes
from dvcq.documents.wording import citation, lower_first, vn_percent
from dvcq.model import Plan, roman
from dvcq.outline import outline
from dvcq.titles import short_title

if TYPE_CHECKING:
    from dvcq.model import Entry, Progress
    from dvcq.progress.board import TaskRow
    from dvcq.progress.periods import Period


def plan_context(plan: Plan) -> dict[str, Any]:
    """The plan for its template: texts in document order, with their display numbers.

    Keys: `document` (the `Header`: agency, superior, symbol, number, place, date, subject…), `basis`
    (the opening paragraphs), `objectives` (number, title, entries: number, id, text), `parts`
    (the task parts: number, title, sections: number, id, title, unit, tasks), `closing`,
    `recipients`, `units`, `directives`. A list of entries is never called `items`, which in a
    template would be the dict method of that name.
    """
    tree = outline(plan)
    objectives, *parts = tree["parts"]
    return {
        "document": plan_header(plan),
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
    `entries`), `leadership`, `results` (task parts → sections → tasks with their merged results
    and evidence, and each section's indicator figures), `silent_tasks`, `overdue_tasks`,
    `silent_units`, `open_tasks`, `strengths`, `shortcomings`, `causes`, `next_steps`,
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
    done_on = _first_done(progress, cutoff, unit)
    before = None
    if last_year is not None:
        before = same_window_last_year(last_year, period.start, cutoff)
        before = [e for e in before if not unit or e.unit == unit] or None

    def task_data(row: TaskRow) -> dict[str, Any]:
        task = row.task
        last = latest.get(task.id)
        status = last.status if last else None
        state = leader_state(status, row.overdue, done_on.get(task.id), task.due)
        return {
            "id": task.id,
            "number": row.number,
            "title": short_title(task),
            "text": task.text,
            "state": state,
            "state_label": STATES[state][0],
            "owner": task.owner or "",
            "owner_name": unit_names.get(task.owner or "", task.owner or ""),
            "due": numeric(task.due) if task.due else "",
            "status": status or "",
            "status_label": STATUSES[status][0] if status else "",
            "last_update": numeric(last.date) if last else "",
            "period_entries": len(row.entries),
            "results": _merged_results(row.entries),
            "by_unit": _results_by_unit(row.entries, unit_names),
        }

    rows = {row.task.id: row for row in board.rows}
    results = []
    for p, part in enumerate(plan.task_parts(), 2):
        sections: list[dict[str, Any]] = []
        for section in part.sections:
            mine = [rows[t.id] for t in section.tasks if t.id in rows]
            if unit and not mine:
                continue  # a unit's report: only the sections with its tasks
            entries = sorted((e for r in mine for e in r.entries), key=lambda e: e.date)
            ids = {r.task.id for r in mine}
            earlier = [e for e in before if e.task in ids] if before else None
            sections.append(
                {
                    "number": f"{len(sections) + 1}.",
                    "id": section.id,
                    "title": section.title,
                    "entries": len(entries),
                    "tasks": [task_data(r) for r in mine],
                    **indicator_figures(plan, entries, earlier, unit_names),
                }
            )
        results.append({"number": f"{roman(p)}.", "title": part.title, "sections": sections})
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
        "citations": [*_basis_citations(plan), _plancitation(plan)],
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
        "silent_units": [unit_names.get(u, u) for u in board.silent_units],
        "open_tasks": [t for t in tasks if t["status"] != DONE],
        "strengths": paragraphs(notes.strengths),
        "shortcomings": paragraphs(notes.shortcomings),
        "causes": paragraphs(notes.causes),
        "next_steps": paragraphs(notes.next_steps),
        "proposals": paragraphs(notes.proposals),
        "tasks": tasks,
    }


def _basis_citations(plan: Plan) -> list[str]:
    from dvcq.symbols import parse_symbol, type_word_of

    directives = {d.symbol: d for d in plan.directives}
    seen: list[str] = []
    for paragraph in plan.basis:
        seen += [r for r in paragraph.refs if r not in seen]
    out = []
    for symbol in seen:
        d = directives.get(symbol)
        if d is None:  # cited but not described: its type word from the symbol, nothing more
            parsed = parse_symbol(symbol)
            out.append(citation(type_word_of(parsed) if parsed else "Văn bản", symbol, "", "", ""))
            continue
        when = f"ngày {numeric(d.date)}" if d.date else ""
        out.append(citation(d.type, symbol, when, d.issuer or "", d.subject or ""))
    return out


def _plancitation(plan: Plan) -> str:
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


def _first_done(progress: Progress, cutoff: dt.date, unit: str | None = None) -> dict[str, str]:
    """The first day each task was reported done, up to `cutoff`: whether it was done in time."""
    from dvcq.model import DONE

    stop = cutoff.isoformat()
    first: dict[str, str] = {}
    for e in progress.current():
        if (
            e.status == DONE
            and len(e.date) == 10
            and e.date <= stop
            and (not unit or e.unit == unit)
        ):
            first[e.task] = min(first.get(e.task, e.date), e.date)
    return first


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
