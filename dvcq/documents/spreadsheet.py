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
from dataclasses import dataclass
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


def table_bytes(
    sheet_title: str,
    columns: list[tuple[str, str]],
    rows: list[list[Any]],
    *,
    stamp: dt.datetime,
    creator: str,
    title: str,
) -> bytes:
    """A plain one-sheet workbook (`dvcq tasks --format xlsx`): a header row, a filter, the
    rows; dated `stamp`, so the same rows give the same bytes."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = sheet_title
    _header(sheet, columns)
    widths = [_WIDTHS[kind] for _, kind in columns]
    for row in rows:
        _append(sheet, row)
        # the lines each wrapped cell takes, as the form counts them, a line of text at a time
        lines = [
            sum(-(-len(part) // max(int(width * 1.2), 1)) or 1 for part in str(value).split("\n"))
            for value, width in zip(row, widths, strict=False)
            if isinstance(value, str)
        ]
        sheet.row_dimensions[sheet.max_row].height = 15.0 * max(lines, default=1) + 2
    sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    sheet.page_setup.orientation = "landscape"  # printed: every column on the page's width
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    props = wb.properties
    props.creator = props.lastModifiedBy = creator
    props.title = title
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue(), stamp)


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


# --- The fill-in form (`dvcq form`) and reading a returned one (`dvcq progress import`) -------

FORM_LIMIT = 64 << 20  # bytes of XML a returned form may unpack to: a zip bomb is refused unread
# Cells and rows a returned form's sheets may hold, counted in their XML before openpyxl reads
# them: a form of 500 tasks has about 10,000; a million rows under FORM_LIMIT take openpyxl
# minutes and gigabytes.
FORM_CELLS = 100_000
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:c|row)[\s/>]")
_OPEN_FILL = "FFF2CC"  # the cells to fill: pale yellow, as forms of this kind mark them
_SHUT_FILL = "D9D9D9"  # an indicator the task does not declare: grey and locked


def form_bytes(plan: Plan, period: Period, sheets: list[Any], stamp: dt.datetime) -> bytes:
    """The form's .xlsx: one protected sheet per unit, the instructions, the hidden identifiers."""
    from openpyxl.styles import PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    from dvcq.documents import form as f
    from dvcq.titles import short_title

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    open_fill = PatternFill("solid", fgColor=_OPEN_FILL)
    shut_fill = PatternFill("solid", fgColor=_SHUT_FILL)
    unlocked = Protection(locked=False)
    for spec in sheets:
        ws = wb.create_sheet(spec.title)
        last_col = f.FIRST_INDICATOR_COL + len(spec.indicators)  # the hidden task-id column
        ws.cell(f.TITLE_ROW, 1, f"BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ — {period.name().upper()}")
        ws.cell(f.TITLE_ROW, 1).font = Font(bold=True, size=13)
        _add_texts(
            ws,
            f.UNIT_ROW,
            [f"Đơn vị: {spec.unit_name}", f"Kế hoạch số {plan.symbol()}: {plan.document.subject}"],
            (1, 3),
        )
        _add_texts(ws, f.AUTHOR_ROW, ["Người báo cáo (họ và tên):"], (2,))
        author = ws[f.AUTHOR_CELL]
        author.protection, author.fill = unlocked, open_fill
        headers = [*f.PREFILLED, *f.TO_FILL]
        headers += [(f"{i.name} ({i.unit})", 14) for i in spec.indicators]
        for col, (name, width) in enumerate(headers, 1):
            cell = ws.cell(f.HEADER_ROW, col, name)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.cell(f.HEADER_ROW, last_col, "Mã nhiệm vụ")
        ws.column_dimensions[get_column_letter(last_col)].hidden = True
        for n, row in enumerate(spec.rows):
            r = f.FIRST_ROW + n
            texts = [row.number, short_title(row.task), row.task.text, row.role]
            for col, text in enumerate(texts, 1):
                cell = ws.cell(r, col, _NOT_XML.sub("\ufffd", text))
                cell.data_type = "s"
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.cell(r, last_col, row.task.id).data_type = "s"
            ws.row_dimensions[r].height = _height(texts, headers)
            for col in range(f.STATUS_COL, f.FIRST_INDICATOR_COL):
                cell = ws.cell(r, col)
                cell.protection, cell.fill = unlocked, open_fill
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.cell(r, f.DATE_COL).number_format = DATE_FORMAT
            for k, indicator in enumerate(spec.indicators):
                cell = ws.cell(r, f.FIRST_INDICATOR_COL + k)
                if indicator.key in row.indicators:
                    cell.protection, cell.fill = unlocked, open_fill
                else:
                    cell.fill = shut_fill
        last = f.FIRST_ROW + max(len(spec.rows), 1) - 1
        status = DataValidation(
            type="list",
            formula1='"' + ",".join(f.STATUS_LABELS) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Tình trạng",
            error="Chọn một tình trạng trong danh sách.",
        )
        day = DataValidation(
            type="date",
            operator="between",
            formula1=f"DATE({period.start.year},{period.start.month},{period.start.day})",
            formula2=f"DATE({period.end.year},{period.end.month},{period.end.day})",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Ngày thực hiện",
            error=f"Nhập một ngày trong kỳ, từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}.",
        )
        figure = DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Chỉ tiêu",
            error="Nhập một số không âm.",
        )
        for dv, col in ((status, f.STATUS_COL), (day, f.DATE_COL)):
            ws.add_data_validation(dv)
            letter = get_column_letter(col)
            dv.add(f"{letter}{f.FIRST_ROW}:{letter}{last}")
        if spec.indicators:
            ws.add_data_validation(figure)
            first_letter = get_column_letter(f.FIRST_INDICATOR_COL)
            last_letter = get_column_letter(last_col - 1)
            figure.add(f"{first_letter}{f.FIRST_ROW}:{last_letter}{last}")
        ws.freeze_panes = ws.cell(f.FIRST_ROW, f.STATUS_COL)
        ws.row_dimensions[f.HEADER_ROW].height = _height([h for h, _ in headers], headers)
        for line in ws.iter_rows():
            for cell in line:
                size = 13 if cell.row == f.TITLE_ROW else 12
                cell.font = Font(name=FORM_FONT, size=size, bold=cell.font.bold)
        ws.page_setup.orientation = "landscape"  # printed for the file: all columns on the page
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{f.HEADER_ROW}:{f.HEADER_ROW}"
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # a clerk may still widen a column or a row
        ws.protection.formatRows = False
    guide = wb.create_sheet("Hướng dẫn")
    grouped = any(r.via for spec in sheets for r in spec.rows)
    for n, line in enumerate(_form_guide(plan, period, grouped), 1):
        guide.cell(n, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
        guide.cell(n, 1).font = Font(name=FORM_FONT, size=12, bold=n == 1)
        guide.row_dimensions[n].height = _height([line], [("", 100)])
    guide.column_dimensions["A"].width = 100
    guide.protection.sheet = True
    meta = wb.create_sheet(f.META_SHEET)
    for spec in sheets:
        for key, value in spec.meta.items():
            _add_row(meta, [spec.title, key, value])
    meta.sheet_state = "veryHidden"  # not listed by Excel's Unhide: only dvcq reads it
    props = wb.properties
    props.creator = props.lastModifiedBy = plan.document.agency.name
    props.title = f"Biểu báo cáo {period.name()} — {plan.symbol()}"
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue(), stamp)


FORM_FONT = "Times New Roman"  # the font of Vietnamese administrative documents, with every letter


def _height(texts: list[str], columns: list[tuple[str, int]]) -> float:
    """A row's height in points for its wrapped texts: neither Excel nor openpyxl fits a row that
    was written by a program, so the lines are counted here (a character ≈ a column unit)."""
    lines = max(
        (
            -(-len(text) // max(int(width * 1.2), 1))
            for text, (_, width) in zip(texts, columns, strict=False)
        ),
        default=1,
    )
    return 16.0 * max(lines, 1) + 2


def _add_texts(ws: Worksheet, row: int, texts: list[str], cols: tuple[int, ...]) -> None:
    for text, col in zip(texts, cols, strict=False):
        cell = ws.cell(row, col, _NOT_XML.sub("\ufffd", text))
        cell.data_type = "s"


def _form_guide(plan: Plan, period: Period, grouped: bool = False) -> list[str]:
    from dvcq.documents.header import drafting_unit

    # Whom the form goes back to is the plan's drafting unit ("Lưu: VT, VP."), not a fixed name.
    names = {u.id: u.name for u in plan.units}
    back_to = names.get(drafting_unit(plan) or "", "nơi đã gửi biểu này")
    group_line = (
        " Vai trò ghi “giao cho …” là nhiệm vụ kế hoạch giao cho nhóm có đơn vị là thành viên: "
        "đơn vị báo cáo phần việc của mình."
        if grouped
        else ""
    )
    return [
        "HƯỚNG DẪN ĐIỀN BIỂU BÁO CÁO",
        f"Kỳ báo cáo: {period.name()}, số liệu tính từ ngày {period.start:%d/%m/%Y} đến ngày "
        f"{period.end:%d/%m/%Y}.",
        "1. Ghi họ và tên người báo cáo vào ô màu vàng ở dòng 3.",
        "2. Mỗi dòng là một nhiệm vụ của đơn vị. Chỉ điền vào các ô màu vàng; các ô khác đã khóa."
        + group_line,
        "3. Tình trạng: chọn trong danh sách (Chưa triển khai, Đang thực hiện, Hoàn thành).",
        "4. Ngày thực hiện: ngày của kết quả được báo cáo, dạng ngày/tháng/năm (ví dụ 15/05/2026), "
        "trong kỳ báo cáo.",
        "5. Kết quả thực hiện: nêu ngắn gọn việc đã làm, số liệu cụ thể.",
        "6. Văn bản minh chứng: số, ký hiệu văn bản (ví dụ 12/BC-VP), nhiều văn bản cách nhau bằng "
        "dấu chấm phẩy.",
        "7. Các cột chỉ tiêu: nhập số (không nhập chữ); ô màu xám là chỉ tiêu nhiệm vụ đó không có.",
        "8. Nhiệm vụ chưa có gì để báo cáo thì để trống cả dòng.",
        "9. Không thêm, xóa, sắp xếp lại dòng, không đổi tên trang tính: phần mềm đọc lại biểu này "
        "theo đúng vị trí và sẽ từ chối biểu đã bị sửa phần khóa.",
        f"10. Lưu tệp ở dạng Excel (.xlsx) và gửi lại {back_to}.",
    ]


@dataclass
class SheetCells:
    title: str
    values: dict[tuple[int, int], Any]  # (row, column) → value as last calculated
    unvalued: set[tuple[int, int]]  # cells holding a formula that was never calculated
    hidden: bool


def read_form(data: bytes) -> list[SheetCells]:
    """Every sheet of a workbook as its cell values; a formula reads as its last value. A file
    that is not an .xlsx, or unpacks to more than FORM_LIMIT, raises ValueError."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > FORM_LIMIT:
                raise ValueError("too-large")
            if _cells_in(archive) > FORM_CELLS:
                raise ValueError("too-many-cells")
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except ValueError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a broken package
        raise ValueError("not-xlsx") from exc
    sheets = []
    for ws in values.worksheets:
        raw = formulas[ws.title]
        cells: dict[tuple[int, int], Any] = {}
        unvalued: set[tuple[int, int]] = set()
        # The cells the file holds (`_cells`), never `iter_rows()`: that walks, and creates, every
        # cell of the rectangle up to the farthest one, 17 billion for one cell in XFD1048576.
        for where, cell in ws._cells.items():
            if cell.value is not None:
                cells[where] = cell.value
        for where, cell in raw._cells.items():
            if cell.data_type == "f" and where not in cells:
                unvalued.add(where)
        sheets.append(SheetCells(ws.title, cells, unvalued, ws.sheet_state != "visible"))
    return sheets


def _cells_in(archive: zipfile.ZipFile) -> int:
    """How many cell and row elements the package's sheets hold (their XML streamed, the total
    already bounded by FORM_LIMIT)."""
    count = 0
    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        with archive.open(info) as member:
            tail = b""
            while chunk := member.read(1 << 20):
                # the last bytes of the block before go again in front, so that a tag cut by
                # the chunk's end is found; one they hold whole was counted already
                block = tail + chunk
                count += len(_CELL_TAG.findall(block)) - len(_CELL_TAG.findall(tail))
                tail = block[-16:]
    return count


def cell_name(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"
