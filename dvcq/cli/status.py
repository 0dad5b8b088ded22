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
    format: Annotated[TextJson, format_option("text hoặc json.")] = TextJson.text,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Bảng tình hình thực hiện kế hoạch trong một kỳ. The status board for a period.

    Với mỗi nhiệm vụ: đơn vị chủ trì, tình trạng mới nhất, lần cập nhật cuối, số mục và tổng chỉ
    tiêu; đánh dấu nhiệm vụ chưa có báo cáo, nhiệm vụ quá hạn và đơn vị chưa báo cáo. Mục tiến
    độ có lỗi không được tính và được nêu tên (tệp:dòng) trên stderr và ở khóa `left_out` của JSON.
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
        _print(data, the_plan)
    return 0


def _print(data: dict[str, Any], plan: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    from dvcq.cli import display
    from dvcq.documents.wording import vn_number
    from dvcq.model import STATUSES

    def escape(text: str) -> str:  # one table cell a line
        return display.escape(text, newlines=False)

    lg = 0 if i18n.lang() == "vi" else 1
    names = {i.key: i.name for i in plan.indicators}
    w = data["window"]
    table = Table(
        title=i18n.t(
            f"Tình hình thực hiện kỳ {data['period']} (số liệu {w['start']} → {w['end']}, tính đến {data['as_of']})",
            f"Status for {data['period']} (data {w['start']} → {w['end']}, as of {data['as_of']})",
        )
    )
    for header in (
        i18n.t("Mục", "Sec."),
        i18n.t("Nhiệm vụ", "Task"),
        i18n.t("Chủ trì", "Owner"),
        i18n.t("Tình trạng", "Status"),
        i18n.t("Cập nhật", "Updated"),
        i18n.t("Số mục", "Entries"),
        i18n.t("Chỉ tiêu", "Indicators"),
    ):
        table.add_column(header)
    for row in data["tasks"]:
        status = STATUSES[row["status"]][lg] if row["status"] else ""
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
        indicators = "; ".join(
            f"{escape(names.get(k, k))}: {vn_number(v)}" for k, v in row["indicators"].items()
        )
        table.add_row(
            escape(row["section"]),
            escape(row["task"]),
            escape(row["owner"] or "—"),
            " ".join(part for part in [escape(status), *flags] if part),
            escape(row["last_update"] or ""),
            str(row["entries"]),
            indicators,
        )
    console = Console()
    console.print(table)
    s = data["summary"]
    silent = escape(", ".join(data["silent_units"])) or i18n.t("không", "none")
    console.print(
        i18n.t(
            f"{s['reported']}/{s['tasks']} nhiệm vụ có báo cáo ({s['reported_percent']}%), "
            f"{s['done']} hoàn thành ({s['done_percent']}%), {s['overdue']} quá hạn, "
            f"{s['due_soon']} sắp đến hạn, {s['done_late']} hoàn thành muộn. "
            f"Đơn vị chưa báo cáo: {silent}.",
            f"{s['reported']}/{s['tasks']} tasks reported ({s['reported_percent']}%), "
            f"{s['done']} done ({s['done_percent']}%), {s['overdue']} overdue, "
            f"{s['due_soon']} due soon, {s['done_late']} done late. Units silent: {silent}.",
        )
    )
    _print_groups(console, data["groups"], escape)


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
