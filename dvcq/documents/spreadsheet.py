"""The period as an Excel workbook, for staff who work in spreadsheets (`dvcq export xlsx`).

The only module that imports openpyxl. Sheet 1 is the status board (one row per task), sheet 2
the period's progress entries; every indicator of the plan gets a numeric column of its own, so
that Excel can add and filter them. The same inputs give the same bytes: the workbook's dates are
the period's last data day and the package members carry that date too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from dvcq.files import fixed_zip, write_new
from dvcq.model import STATUSES, Plan, Progress
from dvcq.progress.board import build_board, in_period
from dvcq.progress.periods import Period

DATE_FORMAT = "dd/mm/yyyy"
NO_ENTRY = "Chưa có báo cáo"
# Column widths in characters, by what a column holds: prose wraps, codes and dates do not.
_WIDTHS = {"code": 12, "id": 24, "text": 60, "name": 22, "date": 12, "count": 9, "figure": 14}

TASK_SHEET = "Nhiệm vụ"
ENTRY_SHEET = "Mục tiến độ"


def workbook_bytes(plan: Plan, progress: Progress, period: Period, as_of: dt.date) -> bytes:
    """The .xlsx for the period: the task-status table, then the period's entries."""
    board = build_board(plan, progress, period, as_of)
    entries = in_period(progress, period, as_of)
    units = {u.id: u.name for u in plan.units}
    indicators = [(i.key, f"{i.name} ({i.unit})") for i in plan.indicators]
    figures = [(name, "figure") for _, name in indicators]

    wb = Workbook()
    tasks = wb.active
    assert tasks is not None  # a new workbook always has its first sheet
    tasks.title = TASK_SHEET
    _header(
        tasks,
        [
            ("Mục", "code"),
            ("Tên mục", "text"),
            ("Mã nhiệm vụ", "id"),
            ("Nội dung nhiệm vụ", "text"),
            ("Chủ trì", "name"),
            ("Tình trạng", "name"),
            ("Cập nhật lần cuối", "date"),
            ("Số mục trong kỳ", "count"),
            ("Quá hạn", "count"),
            *figures,
        ],
    )
    for row in board.rows:
        task = row.task
        _append(
            tasks,
            [
                row.number,
                row.section,
                task.id,
                task.text,
                units.get(task.owner or "", task.owner or ""),
                STATUSES[row.status][0] if row.status else NO_ENTRY,
                row.last_update,
                len(row.entries),
                "Có" if row.overdue else "",
                *(row.totals.get(key) for key, _ in indicators),
            ],
        )

    sheet = wb.create_sheet(ENTRY_SHEET)
    _header(
        sheet,
        [
            ("Ngày", "date"),
            ("Mã mục", "id"),
            ("Mã nhiệm vụ", "id"),
            ("Đơn vị", "name"),
            ("Tình trạng", "name"),
            ("Kết quả", "text"),
            ("Văn bản", "name"),
            *figures,
            ("Người ghi", "name"),
            ("Thay cho mục", "id"),
        ],
    )
    for e in entries:
        day = e.day()
        _append(
            sheet,
            [
                day or e.date,
                e.id,
                e.task,
                units.get(e.unit, e.unit),
                STATUSES[e.status][0],
                e.result,
                "; ".join(e.evidence),
                *(_number(e.values.get(key)) for key, _ in indicators),
                e.author,
                e.supersedes or "",
            ],
        )

    for ws in (tasks, sheet):
        ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    stamp = dt.datetime.combine(period.end, dt.time())
    props = wb.properties
    props.creator = props.lastModifiedBy = plan.document.agency.name
    props.title = f"Tình hình thực hiện {plan.document.subject} — {period.name()}"
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps `modified` with the clock first.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue(), stamp)


def export_xlsx(
    plan: Plan,
    progress: Progress,
    period: Period,
    as_of: dt.date,
    out: Path,
    *,
    force: bool = False,
) -> None:
    """Write the workbook to `out` atomically; an existing file needs `force`."""
    write_new(out, lambda: workbook_bytes(plan, progress, period, as_of), force=force)


def _header(sheet: Worksheet, columns: list[tuple[str, str]]) -> None:
    _add_row(sheet, [name for name, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for n, (_, kind) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(n)].width = _WIDTHS[kind]
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling


def _append(sheet: Worksheet, values: list[Any]) -> None:
    _add_row(sheet, values)
    for cell in sheet[sheet.max_row]:
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))
        if isinstance(cell.value, dt.date | dt.datetime):
            cell.number_format = DATE_FORMAT


# What Excel or LibreOffice would take for a formula if a text began with it (OWASP's list for
# CSV injection): `=HYPERLINK(…)`, `+1`, `-1`, `@SUM(…)`, or a tab or CR before one of them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters an .xlsx (XML 1.0) cannot hold: C0 controls but tab, newline and CR, and U+FFFE/FFFF;
# `dvcq check` refuses them (control-character, entry-control-character), and a workbook made from
# unchecked data shows each as U+FFFD rather than failing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _add_row(sheet: Worksheet, values: list[Any]) -> None:
    """A row in which every text stays text: never a formula, whatever it begins with."""
    sheet.append([_NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl made "=…" a formula: it is the text it was
            if cell.value.startswith(FORMULA_START):
                cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell


def _number(value: Any) -> float | None:
    """A figure Excel can add up; anything else (the checker reports it) is left out."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value
