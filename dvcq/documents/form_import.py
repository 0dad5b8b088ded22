"""A returned form (or a CSV of entries) back into progress entries (`dvcq progress import`).

Each filled row becomes a draft entry checked exactly as `dvcq progress add` checks one (the
reader's builder, then the progress rules with every entry already recorded). Problems name the
file, the sheet and the cell (`vp-2026-H1.xlsx:VP!F7`), or the CSV line and column.

Importing is idempotent: an entry made from a form row carries an id that starts with the row's
key (plan, year, period, unit, task), so importing the same file again adds nothing, and a row
changed since the last import becomes a new entry that supersedes the one the row gave before
(its figures are never counted twice). A row whose work is already recorded by `progress add`
(same task, unit, day, status, result, evidence and figures) is skipped too.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dvcq import i18n
from dvcq.documents import form as f
from dvcq.model import FIELDS, STATUSES, Entry, Plan, Progress
from dvcq.problems import Pos, Problem

FORM_BYTES = 32 << 20  # a returned form or CSV larger than this is refused unread


@dataclass
class Finding:
    """A problem with a returned row, at its cell (or CSV line and column)."""

    where: str  # `file:sheet!F7` or `file:12:3`
    vi: str
    en: str

    def text(self) -> str:
        return f"{self.where}: {i18n.t(self.vi, self.en)}"


@dataclass
class Draft:
    """One filled row: the entry's data, where each field was read, and the row's key."""

    data: dict[str, Any]
    file: str  # the label problems are reported under: `file:sheet` or `file`
    row: int
    cells: dict[str, str]  # field → address, e.g. {"date": "vp.xlsx:VP!F7"}
    key: str | None = None  # the form row's key (None for a CSV row)


@dataclass
class Outcome:
    new: list[Entry] = field(default_factory=list)
    skipped: list[tuple[Draft, str]] = field(default_factory=list)  # (row, id of what it repeats)
    findings: list[Finding] = field(default_factory=list)
    rejected: set[int] = field(default_factory=set)  # index of drafts with a finding


class FormRefused(Exception):
    """The whole file is refused (not a form, another plan or period, tampered)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


# --- reading ---------------------------------------------------------------------------------


def read_file_bytes(path: Path) -> bytes:
    from dvcq.files import Refused, read_input

    try:  # a form comes from anywhere (a mail, a USB stick): only its own folder bounds it
        return read_input(path, FORM_BYTES, root=Path(os.path.realpath(path)).parent)
    except Refused as refused:
        from dvcq import rules
        from dvcq.problems import Problem

        found = Problem(str(path), Pos(1, 1), refused.rule, dict(refused.params))
        raise FormRefused(
            f"{path}: {rules.message(found, 'vi')}", f"{path}: {rules.message(found, 'en')}"
        ) from None


def drafts_from_form(path: Path, plan: Plan) -> tuple[list[Draft], list[Finding], str]:
    """The filled rows of a returned form, its problems, and the form's period label."""
    from dvcq.documents.spreadsheet import FORM_CELLS, FORM_LIMIT, SheetCells, cell_name, read_form

    name = path.name
    try:
        sheets = read_form(read_file_bytes(path))
    except ValueError as exc:
        if str(exc) == "too-large":
            raise FormRefused(
                f"{name}: tệp giải nén ra quá lớn (hơn {FORM_LIMIT >> 20} MiB); dvcq không đọc.",
                f"{name}: the file unpacks to too much (over {FORM_LIMIT >> 20} MiB); dvcq does "
                "not read it.",
            ) from None
        if str(exc) == "too-many-cells":
            raise FormRefused(
                f"{name}: tệp có quá nhiều ô hoặc dòng (hơn {FORM_CELLS:,}); biểu mẫu của dvcq "
                "chỉ có vài nghìn ô, dvcq không đọc tệp này.".replace(",", ".", 1),
                f"{name}: the file holds too many cells or rows (over {FORM_CELLS:,}); a dvcq "
                "form has a few thousand, dvcq does not read this file.",
            ) from None
        raise FormRefused(
            f"{name}: không mở được như một tệp Excel .xlsx (tệp hỏng, hoặc là .xls/.ods/.csv).",
            f"{name}: cannot be opened as an Excel .xlsx file (damaged, or .xls/.ods/.csv).",
        ) from None
    by_title = {s.title: s for s in sheets}
    meta_sheet = by_title.get(f.META_SHEET)
    if meta_sheet is None:
        raise FormRefused(
            f"{name}: không phải biểu mẫu do `dvcq form` tạo (không có phần nhận dạng ẩn).",
            f"{name}: not a form made by `dvcq form` (its hidden identifiers are missing).",
        )
    metas: dict[str, dict[str, str]] = {}
    for (row, col), value in sorted(meta_sheet.values.items()):
        if col == 1 and isinstance(value, str):
            key = meta_sheet.values.get((row, 2))
            metas.setdefault(value, {})[str(key)] = str(meta_sheet.values.get((row, 3), ""))
    if not metas:
        raise FormRefused(
            f"{name}: phần nhận dạng ẩn của biểu mẫu trống.",
            f"{name}: the form's hidden identifiers are empty.",
        )
    periods = {m.get("period", "") for m in metas.values()}
    drafts: list[Draft] = []
    findings: list[Finding] = []
    for title, meta in metas.items():
        _check_meta(name, title, meta, plan)
        sheet = by_title.get(title)
        if not isinstance(sheet, SheetCells):
            raise FormRefused(
                f"{name}: thiếu trang “{title}” của biểu mẫu (đã bị xóa hoặc đổi tên).",
                f"{name}: the form's sheet “{title}” is missing (deleted or renamed).",
            )
        found_drafts, found = _sheet_drafts(name, sheet, meta, plan, cell_name)
        drafts += found_drafts
        findings += found
    return drafts, findings, sorted(periods)[0]


def _check_meta(name: str, title: str, meta: dict[str, str], plan: Plan) -> None:
    doc = plan.document
    if meta.get("form") != f.FORM_VERSION:
        raise FormRefused(
            f"{name}: biểu mẫu dạng “{meta.get('form')}”, dvcq này đọc dạng {f.FORM_VERSION}.",
            f"{name}: a form of kind “{meta.get('form')}”; this dvcq reads {f.FORM_VERSION}.",
        )
    ours = (plan.symbol(), doc.agency.code, str(doc.date.year))
    theirs = (meta.get("plan"), meta.get("agency"), meta.get("year"))
    if theirs != ours:
        raise FormRefused(
            f"{name}: biểu mẫu của kế hoạch {theirs[0]} năm {theirs[2]}, không phải của kế hoạch "
            f"{ours[0]} năm {ours[2]} đang dùng.",
            f"{name}: a form of plan {theirs[0]} of {theirs[2]}, not of the plan in use, "
            f"{ours[0]} of {ours[2]}.",
        )
    if meta.get("unit") not in {u.id for u in plan.units}:
        raise FormRefused(
            f"{name}: trang “{title}” là của đơn vị “{meta.get('unit')}”, kế hoạch không có đơn "
            "vị này.",
            f"{name}: sheet “{title}” belongs to unit “{meta.get('unit')}”, which the plan does "
            "not have.",
        )


def _tampered(name: str, title: str, what_vi: str, what_en: str) -> FormRefused:
    return FormRefused(
        f"{name}: trang “{title}” đã bị sửa ở phần khóa ({what_vi}); dvcq không nhập biểu này để "
        "khỏi ghi kết quả vào nhầm nhiệm vụ. Lấy biểu mới bằng `dvcq form` và điền lại.",
        f"{name}: sheet “{title}” was changed in its locked part ({what_en}); dvcq does not import "
        "it, so that no result is booked on the wrong task. Make a new form with `dvcq form` and "
        "fill it in again.",
    )


def _sheet_drafts(
    name: str, sheet: Any, meta: dict[str, str], plan: Plan, cell_name: Any
) -> tuple[list[Draft], list[Finding]]:
    title = sheet.title
    values: dict[tuple[int, int], Any] = sheet.values
    tasks = [t for t in meta.get("tasks", "").split(",") if t]
    indicators = [k for k in meta.get("indicators", "").split(",") if k]
    id_col = f.FIRST_INDICATOR_COL + len(indicators)
    texts = []
    for n, task in enumerate(tasks):
        r = f.FIRST_ROW + n
        cells = [_text(values.get((r, c))) for c in range(1, 5)] + [_text(values.get((r, id_col)))]
        if cells[4] != task:
            raise _tampered(
                name,
                title,
                f"dòng {r}: mã nhiệm vụ đổi hoặc dòng bị xếp lại",
                f"row {r}: the task id changed or the rows were reordered",
            )
        texts.append(cells)
    if f.checksum(meta, texts) != meta.get("checksum"):
        raise _tampered(name, title, "mã kiểm tra không khớp", "the checksum does not match")
    extra = [
        (r, c)
        for (r, c) in values
        if r >= f.FIRST_ROW + len(tasks) and c < id_col and values[(r, c)] not in ("", None)
    ]
    findings: list[Finding] = []
    if extra:
        r, c = min(extra)
        findings.append(
            Finding(
                f"{name}:{title}!{cell_name(r, c)}",
                "ô này nằm ngoài các dòng nhiệm vụ của biểu: dvcq không đọc nó (thêm dòng không "
                "thêm được nhiệm vụ); ghi kết quả vào dòng của nhiệm vụ.",
                "this cell is outside the form's task rows: dvcq does not read it (a new row adds "
                "no task); write the result in the task's own row.",
            )
        )
    from dvcq.errors import DvcqError
    from dvcq.progress.periods import plan_period

    try:
        window = plan_period(plan, meta.get("period", ""))
    except DvcqError:
        raise _tampered(name, title, "kỳ báo cáo", "the period") from None
    known = {t.id: t for t in plan.tasks()}
    author = _text(values.get((f.AUTHOR_ROW, 3)))
    drafts: list[Draft] = []
    for n, task_id in enumerate(tasks):
        r = f.FIRST_ROW + n
        fill_cols = list(range(f.STATUS_COL, id_col))
        if all(
            values.get((r, c)) in (None, "") and (r, c) not in sheet.unvalued for c in fill_cols
        ):
            continue  # nothing reported on this task
        at = {
            "status": f"{name}:{title}!{cell_name(r, f.STATUS_COL)}",
            "date": f"{name}:{title}!{cell_name(r, f.DATE_COL)}",
            "result": f"{name}:{title}!{cell_name(r, f.RESULT_COL)}",
            "evidence": f"{name}:{title}!{cell_name(r, f.EVIDENCE_COL)}",
            "author": f"{name}:{title}!{f.AUTHOR_CELL}",
            "task": f"{name}:{title}!{cell_name(r, 1)}",
            "unit": f"{name}:{title}!{cell_name(f.UNIT_ROW, 1)}",
        }
        bad: list[Finding] = []
        for c in fill_cols:
            if (r, c) in sheet.unvalued:
                bad.append(
                    Finding(
                        f"{name}:{title}!{cell_name(r, c)}",
                        "ô có công thức chưa được tính (chưa có giá trị): mở tệp bằng Excel hoặc "
                        "LibreOffice, lưu lại rồi nhập lại; hoặc ghi thẳng giá trị.",
                        "the cell holds a formula never calculated (it has no value): open the "
                        "file in Excel or LibreOffice, save it and import again; or type the value.",
                    )
                )
        if task_id not in known:
            bad.append(
                Finding(
                    f"{name}:{title}!{cell_name(r, 1)}",
                    f"nhiệm vụ “{task_id}” không còn trong kế hoạch (kế hoạch đã sửa sau khi lập "
                    "biểu).",
                    f"task “{task_id}” is no longer in the plan (the plan changed after the form "
                    "was made).",
                )
            )
        status = _status(values.get((r, f.STATUS_COL)))
        if status is None:
            raw = _text(values.get((r, f.STATUS_COL)))
            bad.append(
                Finding(
                    at["status"],
                    (f"tình trạng “{raw}” không có; " if raw else "chưa chọn tình trạng; ")
                    + "chọn: "
                    + ", ".join(f.STATUS_LABELS)
                    + ".",
                    (f"no status “{raw}”; " if raw else "no status chosen; ")
                    + "choose: "
                    + ", ".join(f.STATUS_LABELS)
                    + ".",
                )
            )
        day, day_problem = _day(values.get((r, f.DATE_COL)))
        if day_problem:
            bad.append(Finding(at["date"], *day_problem))
        elif day is not None and not window.contains(day):
            bad.append(
                Finding(
                    at["date"],
                    f"ngày {day:%d/%m/%Y} ngoài kỳ của biểu ({window.start:%d/%m/%Y} – "
                    f"{window.end:%d/%m/%Y}); việc của kỳ khác ghi ở biểu của kỳ đó.",
                    f"{day:%d/%m/%Y} is outside the form's period ({window.start:%d/%m/%Y} – "
                    f"{window.end:%d/%m/%Y}); work of another period goes on that period's form.",
                )
            )
        result = _text(values.get((r, f.RESULT_COL))).strip()
        if not result:
            bad.append(Finding(at["result"], "chưa ghi kết quả thực hiện.", "no result written."))
        if not author.strip():
            bad.append(
                Finding(
                    at["author"],
                    "chưa ghi họ và tên người báo cáo.",
                    "the reporter's name is not filled in.",
                )
            )
        evidence = [s.strip() for s in _text(values.get((r, f.EVIDENCE_COL))).split(";")]
        figures: dict[str, float] = {}
        for k, key in enumerate(indicators):
            c = f.FIRST_INDICATOR_COL + k
            raw_value = values.get((r, c))
            if raw_value in (None, ""):
                continue
            where = f"{name}:{title}!{cell_name(r, c)}"
            at[f"values.{key}"] = where
            number = _figure(raw_value)
            if number is None:
                bad.append(
                    Finding(
                        where,
                        f"“{_text(raw_value)}” không phải một số (chỉ tiêu {key}).",
                        f"“{_text(raw_value)}” is not a number (indicator {key}).",
                    )
                )
            else:
                figures[key] = number
        if bad:
            findings += bad
            continue
        assert status is not None and day is not None
        data: dict[str, Any] = {
            "task": task_id,
            "date": day.isoformat(),
            "unit": meta["unit"],
            "status": status,
            "result": result,
            "evidence": [e for e in evidence if e],
            "values": figures,
            "author": author.strip(),
        }
        drafts.append(Draft(data, f"{name}:{title}", r, at, f.row_key(meta, task_id)))
    return drafts, findings


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 1e300 stays 1e+300, not its 301 digits
    return value if isinstance(value, str) else str(value)


def _status(value: Any) -> str | None:
    text = " ".join(_text(value).split()).casefold()
    for label, key in f.STATUS_LABELS.items():
        if text in (label.casefold(), key):
            return key
    return None


_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def _day(value: Any) -> tuple[dt.date | None, tuple[str, str] | None]:
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = _text(value).strip()
    if not text:
        return None, ("chưa ghi ngày thực hiện.", "no date written.")
    m = _DMY.fullmatch(text)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1])), None
        return dt.date.fromisoformat(text), None
    except ValueError:
        if m:  # the right form, a day the calendar does not have (31/02, 29/02 of 2026)
            return None, (
                f"ngày “{text}” không có thật (tháng {int(m[2])}/{m[3]} không có ngày {int(m[1])}).",
                f"“{text}” does not exist (month {int(m[2])}/{m[3]} has no day {int(m[1])}).",
            )
    return None, (
        f"“{text}” không phải một ngày; ghi dạng ngày/tháng/năm, ví dụ 15/05/2026.",
        f"“{text}” is not a date; write day/month/year, e.g. 15/05/2026.",
    )


def _figure(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if value == value and abs(value) < 1e15 else None
    text = _text(value).strip().replace(" ", "")
    if re.fullmatch(r"[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[0-9]+,[0-9]+", text):  # a Vietnamese decimal comma
        return float(text.replace(",", "."))
    return None


# --- a CSV of entries (as `dvcq progress list --format csv` writes it) ------------------------


def drafts_from_csv(path: Path) -> tuple[list[Draft], list[Finding]]:
    """Rows of a CSV with the columns of `progress list --format csv` (id and supersedes may be
    blank: dvcq makes the id); `evidence` and `values` as that command writes them."""
    from dvcq.yamlio import decode

    name = path.name
    text, problem = decode(read_file_bytes(path), name)
    if text is None:
        from dvcq import rules

        assert problem is not None
        raise FormRefused(
            f"{name}: {rules.message(problem, 'vi')}", f"{name}: {rules.message(problem, 'en')}"
        )
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _csv_drafts(name, reader)
    except csv.Error:  # a field over the csv module's bound (128 KiB), a stray quote…
        line, limit = reader.reader.line_num, csv.field_size_limit()  # DictReader's lags a row
        raise FormRefused(
            f"{name}:{line}: dòng này không đọc được như CSV (một ô dài quá "
            f"{limit:,} ký tự, hoặc dấu ngoặc kép không đóng).".replace(",", ".", 1),
            f"{name}:{line}: this line cannot be read as CSV (a field longer than {limit:,} "
            "characters, or an unclosed quote).",
        ) from None


def _csv_drafts(name: str, reader: csv.DictReader[str]) -> tuple[list[Draft], list[Finding]]:
    missing = [
        c
        for c in ("task", "date", "unit", "status", "result", "author")
        if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise FormRefused(
            f"{name}:1: thiếu cột {', '.join(missing)}; các cột: {', '.join(FIELDS)}.",
            f"{name}:1: missing column(s) {', '.join(missing)}; the columns: {', '.join(FIELDS)}.",
        )
    columns = {c: n for n, c in enumerate(reader.fieldnames or [], 1)}
    drafts: list[Draft] = []
    findings: list[Finding] = []
    for row in reader:
        line = reader.line_num
        at = {c: f"{name}:{line}:{columns[c]}" for c in columns}
        cells = {k: _csv_cell(v) for k, v in row.items() if k is not None}
        bad: list[Finding] = []
        status = _status(cells.get("status", ""))
        if status is None:
            bad.append(
                Finding(
                    at["status"],
                    f"tình trạng “{cells.get('status', '')}” không có; chọn: {', '.join(STATUSES)}.",
                    f"no status “{cells.get('status', '')}”; choose: {', '.join(STATUSES)}.",
                )
            )
        day, day_problem = _day(cells.get("date", ""))
        if day_problem:
            bad.append(Finding(at["date"], *day_problem))
        figures: dict[str, float] = {}
        for part in (cells.get("values") or "").split(";"):
            if not part.strip():
                continue
            key, _, raw = part.partition("=")
            number = _figure(raw.strip())
            if not key.strip() or number is None:
                bad.append(
                    Finding(
                        at["values"],
                        f"“{part.strip()}” không ở dạng chỉ_tiêu=số.",
                        f"“{part.strip()}” is not in the form key=number.",
                    )
                )
            else:
                figures[key.strip()] = number
        if bad:
            findings += bad
            continue
        assert status is not None and day is not None
        data: dict[str, Any] = {
            "task": cells.get("task", "").strip(),
            "date": day.isoformat(),
            "unit": cells.get("unit", "").strip(),
            "status": status,
            "result": cells.get("result", "").strip(),
            "evidence": [e.strip() for e in (cells.get("evidence") or "").split(";") if e.strip()],
            "values": figures,
            "author": cells.get("author", "").strip(),
        }
        if cells.get("id", "").strip():
            data["id"] = cells["id"].strip()
        if cells.get("supersedes", "").strip():
            data["supersedes"] = cells["supersedes"].strip()
        drafts.append(Draft(data, name, line, at))
    return drafts, findings


def _csv_cell(value: Any) -> str:
    text = value if isinstance(value, str) else ""
    return text[1:] if text.startswith("'") else text  # the guard `progress list` puts on =…


# --- from drafts to entries ------------------------------------------------------------------


def _content(e: Entry | dict[str, Any]) -> tuple[Any, ...]:
    """What a row or an entry reports, by the key the progress rules use (`reported_work`)."""
    from types import SimpleNamespace

    from dvcq.rules.progress import reported_work

    return reported_work(SimpleNamespace(**e) if isinstance(e, dict) else e)


def prepare(plan: Plan, progress: Progress, drafts: list[Draft], today: dt.date) -> Outcome:
    """The entries the drafts give, checked as `progress add` checks one; repeats skipped."""
    from dvcq import rules
    from dvcq.progress.writing import draft_entry, refusals

    out = Outcome()
    current = progress.current()
    by_content = {_content(e): e for e in current}
    taken = {e.id for e in progress.entries}
    mine: list[tuple[int, Entry]] = []
    for n, draft in enumerate(drafts):
        data = dict(draft.data)
        earlier = _from_row(current, draft.key) if draft.key else None
        same = by_content.get(_content(data))
        if same is not None:
            out.skipped.append((draft, same.id))
            continue
        if "id" not in data:
            # A CSV row's id comes from what it reports, as a form row's comes from its key: two
            # imports of one file at once then give the same ids, and the second is refused under
            # the lock instead of doubling the entries.
            key = draft.key or hashlib.sha256(repr(_content(data)).encode()).hexdigest()[:8]
            data["id"] = _new_id(dt.date.fromisoformat(data["date"]), key, taken)
        if earlier is not None and "supersedes" not in data:
            data["supersedes"] = earlier.id
        taken.add(data["id"])
        entry, found = draft_entry(data, draft.file, draft.row)
        if entry is None or rules.errors(found):
            out.findings += [_finding(draft, p) for p in rules.errors(found) or found]
            out.rejected.add(n)
            continue
        # Each field's position names the field (its column in FIELDS): a problem is then put
        # back on the cell it was read from.
        entry.at = {name: Pos(draft.row, n) for n, name in enumerate(FIELDS, 1)}
        mine.append((n, entry))
        by_content[_content(data)] = entry
    entries = [e for _, e in mine]
    refused = refusals(plan, progress, entries, today)
    bad_rows = set()
    for p in refused:
        for n, e in mine:
            if e.file == p.file and e.pos.line == p.pos.line:
                out.findings.append(_finding(drafts[n], p))
                bad_rows.add(n)
                break
    out.rejected |= bad_rows
    out.new = [e for n, e in mine if n not in bad_rows]
    return out


def _from_row(current: list[Entry], key: str | None) -> Entry | None:
    """The current entry an earlier import of the same form row made."""
    pattern = re.compile(rf"[0-9]{{8}}-{key}(?:-[0-9]+)?")
    made = [e for e in current if pattern.fullmatch(e.id)]
    return max(made, key=lambda e: (e.date, e.id)) if made else None


def _new_id(day: dt.date, key: str, taken: set[str]) -> str:
    base = f"{day:%Y%m%d}-{key}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _finding(draft: Draft, problem: Problem) -> Finding:
    from dvcq import rules

    column = problem.pos.col
    field_name = (
        FIELDS[column - 1] if problem.pos.line == draft.row and column <= len(FIELDS) else ""
    )
    key = problem.params.get("key")
    where = draft.cells.get(f"values.{key}") if field_name == "values" and key else None
    where = where or draft.cells.get(field_name) or f"{draft.file}:{draft.row}"
    return Finding(where, rules.message(problem, "vi"), rules.message(problem, "en"))
