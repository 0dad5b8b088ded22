"""The data a document template sees: plain dicts, lists and strings built from the plan.

`plan_context` for the KẾ HOẠCH, `report_context` for the BÁO CÁO on a period.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from dvcq.documents.notes import ReportNotes
from dvcq.errors import DvcqError
from dvcq.model import Plan, roman
from dvcq.outline import outline

if TYPE_CHECKING:
    from dvcq.progress.board import TaskRow
    from dvcq.progress.periods import Period
    from dvcq.progress.store import Entry, Progress


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


# --- the periodic report ----------------------------------------------------------------------

REPORT_TYPE = "BC"
REPORT_TYPE_NAME = "Báo cáo"
# Words that open a plan's subject and name the act of planning rather than the work itself:
# "Triển khai thực hiện công tác dân vận chính quyền năm 2026" reports on "công tác dân vận
# chính quyền". Vietnamese administrative vocabulary, not any one agency's.
_PLAN_VERBS = re.compile(
    r"^(?:kế hoạch\s+)?(?:(?:tổ chức\s+)?triển khai(?:\s+thực hiện)?|tổ chức thực hiện|thực hiện)\s+",
    re.IGNORECASE,
)
_YEAR_TAIL = re.compile(r"\s+(?:năm|giai đoạn)\s+\d{4}(?:\s*-\s*\d{4})?\s*$", re.IGNORECASE)
# A task's gist: its text up to the first sentence, clause or list break.
_GIST_END = re.compile(r"[.;:](?:\s|$)")
# Normalised forms for matching a recipient line with an addressee.
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


def report_context(
    plan: Plan,
    progress: Progress,
    period: Period,
    as_of: dt.date,
    notes: ReportNotes | None = None,
) -> dict[str, Any]:
    """The report on `period` for its template: pure data, every figure already worked out.

    Keys: `document` (the header and footer: type, symbol, number, day, month, year, agency,
    superior, place, subject, subject_inline, reference (as the appendix cites it),
    addressees, recipients, signer), `citations` (the
    documents the opening cites: the plan's bases, then the plan), `plan_short` (the plan cited
    again), `period` (label, name, start, end, as_of, cutoff), `summary` (the board's counts and
    `entries`), `leadership`, `results` (task parts → sections → tasks with their merged results
    and evidence, and each section's indicator figures), `silent_tasks`, `overdue_tasks`,
    `silent_units`, `open_tasks`, `strengths`, `shortcomings`, `causes`, `next_steps`,
    `proposals` (the notes' paragraphs) and `tasks` (every task for the appendix table).
    """
    from dvcq.documents.notes import paragraphs
    from dvcq.progress.board import aggregate, build_board
    from dvcq.progress.store import DONE, STATUSES

    notes = notes or ReportNotes()
    board = build_board(plan, progress, period, as_of)
    unit_names = {u.id: u.name for u in plan.units}
    indicators = {i.key: i for i in plan.indicators}
    cutoff = min(period.end, as_of)
    latest = _latest_entries(progress, cutoff)

    def task_data(row: TaskRow) -> dict[str, Any]:
        task = row.task
        last = latest.get(task.id)
        status = last.status if last else None
        return {
            "id": task.id,
            "number": row.number,
            "gist": gist(task.text),
            "text": task.text,
            "owner": task.owner or "",
            "owner_name": unit_names.get(task.owner or "", task.owner or ""),
            "due": _vn_date(task.due) if task.due else "",
            "status": status or "",
            "status_label": STATUSES[status][0] if status else "",
            "last_update": _vn_date(last.date) if last else "",
            "period_entries": len(row.entries),
            "results": _merged_results(row.entries),
        }

    rows = {row.task.id: row for row in board.rows}
    results = []
    for p, part in enumerate(plan.task_parts(), 2):
        sections = []
        for s, section in enumerate(part.sections, 1):
            mine = [rows[t.id] for t in section.tasks]
            entries = sorted((e for r in mine for e in r.entries), key=lambda e: e.date)
            totals = aggregate(plan, entries)
            sections.append(
                {
                    "number": f"{s}.",
                    "id": section.id,
                    "title": section.title,
                    "entries": len(entries),
                    "tasks": [task_data(r) for r in mine],
                    "indicators": [
                        {
                            "key": key,
                            "name": indicators[key].name,
                            "unit": indicators[key].unit,
                            "value": totals[key],
                            "text": vn_number(totals[key]),
                        }
                        for key in indicators
                        if key in totals
                    ],
                }
            )
        results.append({"number": f"{roman(p)}.", "title": part.title, "sections": sections})
    tasks = [task_data(row) for row in board.rows]

    summary = board.summary()
    summary["entries"] = sum(len(r.entries) for r in board.rows)
    return {
        "document": _report_document(plan, period, notes),
        "citations": [*_basis_citations(plan), _plan_citation(plan)],
        "plan_short": f"{_type_name(plan.document.type)} số {plan.symbol()}",
        "period": {
            "label": period.label,
            "name": period.name(),
            "start": _vn_date(period.start),
            "end": _vn_date(period.end),
            "cutoff": _vn_date(cutoff),
            "as_of": _vn_date(as_of),
        },
        "summary": summary,
        "units": [u.name for u in plan.units],
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


def report_subject(plan: Plan, period: Period) -> str:
    """`Kết quả thực hiện <what the plan is about> <period>`, from the plan's own subject."""
    topic = _YEAR_TAIL.sub("", _PLAN_VERBS.sub("", plan.document.subject.strip()))
    return f"Kết quả thực hiện {lower_first(topic)} {period.name()}"


def default_addressees(plan: Plan) -> list[str]:
    """Kính gửi when the notes name nobody: the plan's `reporting.addressees`, else the body the
    agency answers to."""
    return list(plan.reporting.addressees) or [plan.document.agency.superior]


def report_recipients(plan: Plan, addressees: list[str]) -> list[str]:
    """Nơi nhận: `Như trên;` (the addressees), then the plan's list without them again."""
    names = [_name_key(a) for a in addressees]
    agency = plan.document.agency
    if any(_same_body(n, _name_key(agency.superior)) for n in names) and agency.superior_short:
        names.append(_name_key(agency.superior_short))
    rest = [r for r in plan.recipients if not any(_same_body(_name_key(r), n) for n in names)]
    return ["Như trên;", *rest]


GIST_CHARS = 180  # a task's name in lists and tables: about two lines of the body


def gist(text: str) -> str:
    """A task named by its first sentence or clause, cut at a word (with `…`) when still long."""
    m = _GIST_END.search(text)
    short = (text[: m.start()] if m else text).strip().rstrip(".,;:")
    if len(short) <= GIST_CHARS:
        return short
    cut = short[:GIST_CHARS].rsplit(" ", 1)[0].rstrip(".,;:")
    return f"{cut}…"


def lower_first(text: str) -> str:
    """Sentence case inside a sentence: `Triển khai …` → `triển khai …`; `UBND …` stays."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].isupper():  # an abbreviation or a name in capitals
        return text
    return text[:1].lower() + text[1:]


def vn_number(value: float) -> str:
    """A figure as Vietnamese writes it: `1.234`, `95,5`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + "," + fraction


def _vn_date(day: dt.date | str) -> str:
    """`09/01/2026`, `31/3/2026`: NĐ 30's leading zeros (day < 10, months 1-2)."""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            return str(day)  # a date the checker reports as malformed: shown as written
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def _type_name(type_code: str) -> str:
    from dvcq.symbols import TYPE_WORDS

    words = [w for w, codes in TYPE_WORDS.items() if type_code in codes]
    return words[0] if len(words) == 1 else type_code


def _report_document(plan: Plan, period: Period, notes: ReportNotes) -> dict[str, Any]:
    doc = plan.document
    addressees = notes.addressees if notes.addressees else default_addressees(plan)
    subject = notes.subject.strip() if notes.subject else report_subject(plan, period)
    signer = None
    base, override = doc.signer, notes.signer
    authority = base.authority if base else None
    if override and override.authority is not None:
        authority = override.authority or None  # "" says the head signs in person
    title = (override.title if override else None) or (base.title if base else None)
    name = (override.name if override else None) or (base.name if base else None)
    if title and name:
        signer = {"authority": authority, "title": title, "name": name}
    # Dated in the period's last month unless the notes say otherwise: reports go out right
    # after the cut-off (NĐ 09/2019: by the 25th of that month at the latest).
    year, month = period.end.year, notes.month or period.end.month
    # A draft's blanks as "…", the way a reference to an unissued document is written by hand.
    date_text = f"ngày … tháng {month} năm {year}"
    if notes.day:
        try:
            date_text = f"ngày {_vn_date(dt.date(year, month, notes.day))}"
        except ValueError:
            raise DvcqError(
                f"Tệp ghi chú báo cáo: ngày {notes.day} không có trong tháng {month}/{year}.",
                f"Report notes: day {notes.day} does not exist in {month}/{year}.",
            ) from None
    return {
        "type": REPORT_TYPE,
        "type_name": REPORT_TYPE_NAME,
        "symbol": f"{notes.number or ''}/{REPORT_TYPE}-{doc.agency.code}",
        "number": notes.number,
        "agency": doc.agency.name,
        "superior": doc.agency.superior_short or doc.agency.superior,
        "place": doc.place,
        "year": year,
        "month": month,
        "day": notes.day,
        "reference": f"{REPORT_TYPE_NAME} số {notes.number or '…'}/{REPORT_TYPE}-{doc.agency.code} {date_text}",
        "subject": subject,
        "subject_inline": lower_first(subject),
        "addressees": list(addressees),
        "recipients": report_recipients(plan, list(addressees)),
        "signer": signer,
    }


def _citation(type_word: str, symbol: str, when: str, issuer: str, subject: str) -> str:
    """NĐ 30's first citation of a document: type, number and symbol, date, issuer, subject."""
    text = f"{type_word} số {symbol}"
    if when:
        text += f" {when}"
    if issuer:
        text += f" của {issuer}"
    if subject:
        subject = subject.strip()
        text += f" {subject}" if subject.lower().startswith(("về ", "“về ")) else f" về {subject}"
    return text


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
            out.append(_citation(type_word_of(parsed) if parsed else "Văn bản", symbol, "", "", ""))
            continue
        when = f"ngày {_vn_date(d.date)}" if d.date else ""
        out.append(_citation(d.type, symbol, when, d.issuer or "", d.subject or ""))
    return out


def _plan_citation(plan: Plan) -> str:
    doc = plan.document
    date = doc.date
    if date.day and date.month:
        when = f"ngày {_vn_date(dt.date(date.year, date.month, date.day))}"
    elif date.month:
        when = f"tháng {date.month} năm {date.year}"
    else:
        when = f"năm {date.year}"
    type_word = _type_name(doc.type)
    return _citation(type_word, plan.symbol(), when, doc.agency.name, lower_first(doc.subject))


def _latest_entries(progress: Progress, cutoff: dt.date) -> dict[str, Entry]:
    """Each task's latest current entry up to `cutoff`: where it stands, whatever the period."""
    stop = cutoff.isoformat()
    latest: dict[str, Entry] = {}
    dated = [e for e in progress.current() if len(e.date) == 10 and e.date <= stop]
    for e in sorted(dated, key=lambda e: e.date):  # stable: a day's entries keep file order
        latest[e.task] = e
    return latest


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


def _name_key(text: str) -> str:
    """A body's name for matching: no notes in brackets, no closing punctuation, words spelt out."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFC", text)).casefold()
    text = text.replace("uỷ", "ủy")  # both spellings of "Ủy" are in use
    words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"\w+", text)]
    return " ".join(words)


def _same_body(a: str, b: str) -> bool:
    """`ủy ban nhân dân tỉnh` and `ủy ban nhân dân tỉnh cao bằng` name the same body."""
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))
