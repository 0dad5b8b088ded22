"""`dvcq status`: the board of where every task stands in a period."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from dvcq import i18n
from dvcq.cli.app import (
    AsOfOption,
    LangOption,
    PlanOption,
    ProgressOption,
    StrictOption,
    TextJson,
    app,
    format_option,
    use_lang,
    warn_left_out,
)


@app.command()
def status(
    period: Annotated[
        str | None,
        typer.Option(
            "--period", help="Kỳ: 2026, 2026-H1, 2026-Q2, 2026-05 (mặc định: cả năm của kế hoạch)."
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Chỉ nhiệm vụ và mục của đơn vị này (cả nhiệm vụ của nhóm có nó; "
            "một nhóm: cả mục của các đơn vị thành viên).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    indicators: Annotated[
        bool,
        typer.Option(
            "--indicators",
            "-i",
            help="In thêm bảng số liệu chỉ tiêu của từng nhiệm vụ. Also the indicator figures.",
        ),
    ] = False,
    format: Annotated[TextJson, format_option("text hoặc json.")] = TextJson.text,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Bảng tình hình thực hiện kế hoạch trong một kỳ. The status board for a period.

    Với mỗi nhiệm vụ: số thứ tự, mục, tên ngắn, đơn vị chủ trì, tình trạng mới nhất, lần cập
    nhật cuối và số mục; đánh dấu nhiệm vụ chưa có báo cáo, nhiệm vụ quá hạn và đơn vị chưa báo
    cáo. Số liệu chỉ tiêu: bảng riêng, với --indicators. Ngày viết dd/mm/yyyy (--lang en: ISO).
    Mục tiến độ có lỗi không được tính và được nêu tên (tệp:dòng) trên stderr và ở khóa
    `left_out` của JSON.
    """
    from dvcq import repository
    from dvcq.cli.app import as_of_date
    from dvcq.progress import store
    from dvcq.progress.board import status_data
    from dvcq.progress.periods import plan_period

    use_lang(lang)
    the_plan, files = store.open_workspace(plan, progress)
    repository.require_unit(the_plan, unit)
    window = plan_period(the_plan, period or str(the_plan.document.date.year))
    data = status_data(the_plan, files, window, as_of_date(as_of), unit)
    warn_left_out(data["left_out"], strict)
    if format is TextJson.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        _print(data, the_plan, unit, indicators)
    return 0


def _print(data: dict[str, Any], plan: Any, unit: str | None, indicators: bool) -> None:
    """The board as a clerk reads it, at 80 columns too: each task by its number in the board
    (TT), its place in the plan (Mục) and its short title, wrapped rather than cut."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from dvcq.cli import display
    from dvcq.dates import dd_mm_yyyy
    from dvcq.documents.wording import vn_number
    from dvcq.model import STATUSES
    from dvcq.titles import short_title

    def escape(text: str) -> str:  # one table cell a line
        return display.escape(text, newlines=False)

    vi = i18n.lang() == "vi"
    day = dd_mm_yyyy if vi else (lambda text: text or "")  # --lang en: ISO days
    console = Console()
    wide = console.width >= 120
    titles = {t.id: short_title(t) for t in plan.tasks()}
    # A task's number is its place among all the plan's tasks: the same on a board of one unit.
    numbers = {p.task.id: n for n, p in enumerate(plan.placed_tasks(), 1)}
    units = {u.id: u.name for u in plan.units}
    w = data["window"]
    filtered = ""
    if unit:
        filtered = i18n.t(f", đơn vị {unit} ({units[unit]})", f", unit {unit} ({units[unit]})")
    table = Table(
        title=escape(
            i18n.t(
                f"Tình hình thực hiện kỳ {data['period']}{filtered}: số liệu từ "
                f"{day(w['start'])} đến {day(w['end'])}, tính đến {day(data['as_of'])}",
                f"Status for {data['period']}{filtered}: data {day(w['start'])} to "
                f"{day(w['end'])}, as of {day(data['as_of'])}",
            )
        ),
        expand=True,
        box=box.SIMPLE_HEAD,  # no side rules: the task's title has the room
    )
    table.add_column(i18n.t("TT", "No."), justify="right", no_wrap=True)
    table.add_column(i18n.t("Mục", "Sec."), no_wrap=True)
    table.add_column(i18n.t("Nhiệm vụ", "Task"), ratio=1, min_width=24, overflow="fold")
    table.add_column(i18n.t("Chủ trì", "Owner"), max_width=22 if wide else 7, min_width=7)
    table.add_column(i18n.t("Tình trạng", "Status"), max_width=18 if wide else 11)
    table.add_column(i18n.t("Cập nhật", "Updated"), no_wrap=True)
    if wide:  # at 80 columns the title needs the room more than the count
        table.add_column(i18n.t("Số mục", "Entries"), justify="right", no_wrap=True)
    for row in data["tasks"]:
        status = STATUSES[row["status"]][0 if vi else 1] if row["status"] else ""
        flags = []
        if row["no_entry"]:
            flags.append(f"[yellow]{i18n.t('chưa có báo cáo', 'no entry')}[/]")
        if row["overdue"]:
            flags.append(f"[red]{i18n.t('quá hạn', 'overdue')}[/]")
        if row["due_soon"]:
            flags.append(f"[yellow]{i18n.t('sắp đến hạn', 'due soon')}[/]")
        if row["done_late"] and row["status"] == "hoan-thanh":
            status += i18n.t(" muộn", " late")  # "Hoàn thành muộn"
        elif row["done_late"]:
            flags.append(f"[magenta]{i18n.t('hoàn thành muộn', 'done late')}[/]")
        owner = row["owner"] or ""
        cells = [
            str(numbers.get(row["task"], "")),
            escape(row["section"]),
            escape(titles.get(row["task"], row["task"])),
            escape((units.get(owner, owner) if wide else owner) or "—"),
            "\n".join(part for part in [escape(status), *flags] if part),
            escape(day(row["last_update"])),
        ]
        table.add_row(*cells, *([str(row["entries"])] if wide else []))
    console.print(table)
    if indicators:
        console.print(_indicator_table(data, numbers, titles, plan, escape, vn_number))
    console.print(_summary_line(data, escape))
    _print_groups(console, data["groups"], escape)


def _summary_line(data: dict[str, Any], escape: Any) -> str:
    """The board's last line. "0 quá hạn" is always said (the one figure a leader looks for
    first); due soon and done late only when some task is, so a board without deadlines reads
    as before. The silent units on a line of their own: a long list never wraps the figures. Percentages as the report writes them (`wording.vn_percent`)."""
    from dvcq.documents.wording import en_percent, vn_percent

    s = data["summary"]
    silent = escape(", ".join(data["silent_units"])) or i18n.t("không", "none")
    pct = vn_percent if i18n.lang() == "vi" else en_percent
    reported, done = pct(s["reported_percent"]), pct(s["done_percent"])
    parts = [
        i18n.t(
            f"{s['reported']}/{s['tasks']} nhiệm vụ có báo cáo ({reported})",
            f"{s['reported']}/{s['tasks']} tasks reported ({reported})",
        ),
        i18n.t(f"{s['done']} hoàn thành ({done})", f"{s['done']} done ({done})"),
        i18n.t(f"{s['overdue']} quá hạn", f"{s['overdue']} overdue"),
    ]
    if s["due_soon"]:
        parts.append(i18n.t(f"{s['due_soon']} sắp đến hạn", f"{s['due_soon']} due soon"))
    if s["done_late"]:
        parts.append(i18n.t(f"{s['done_late']} hoàn thành muộn", f"{s['done_late']} done late"))
    silent_text = i18n.t(f"Đơn vị chưa báo cáo: {silent}.", f"Units silent: {silent}.")
    return ", ".join(parts) + ".\n" + silent_text


def _print_groups(console: Any, groups: list[dict[str, Any]], escape: Any) -> None:
    """One line a unit group: its members that reported on its tasks, and the silent ones."""
    none = i18n.t("không", "none")
    for g in groups:
        reported = escape(", ".join(g["reported"])) or none
        silent = escape(", ".join(g["silent"])) or none
        console.print(
            i18n.t(
                f"Nhóm {escape(g['unit'])}: đã báo cáo: {reported}; chưa báo cáo: {silent}.",
                f"Group {escape(g['unit'])}: reported: {reported}; silent: {silent}.",
            )
        )


def _indicator_table(
    data: dict[str, Any],
    numbers: dict[str, int],
    titles: dict[str, str],
    plan: Any,
    escape: Any,
    number: Any,
) -> Any:
    """The indicator figures in a table of their own: one line per task and indicator."""
    from rich import box
    from rich.table import Table

    found = {i.key: i for i in plan.indicators}
    table = Table(
        title=i18n.t("Số liệu chỉ tiêu", "Indicator figures"), expand=True, box=box.SIMPLE_HEAD
    )
    table.add_column(i18n.t("TT", "No."), justify="right", no_wrap=True)
    table.add_column(i18n.t("Nhiệm vụ", "Task"), ratio=2, overflow="fold")
    table.add_column(i18n.t("Chỉ tiêu", "Indicator"), ratio=1, overflow="fold")
    table.add_column(i18n.t("Kết quả", "Total"), justify="right", no_wrap=True)
    for row in data["tasks"]:
        n = numbers.get(row["task"], "")
        for k, (key, value) in enumerate(row["indicators"].items()):
            indicator = found.get(key)
            name = indicator.name if indicator else key
            unit = f" {indicator.unit}" if indicator and indicator.unit else ""
            title = escape(titles.get(row["task"], row["task"])) if k == 0 else ""
            table.add_row(
                str(n) if k == 0 else "", title, escape(name), escape(number(value) + unit)
            )
    return table
