"""`dvcq form PERIOD`: the fill-in workbook a unit returns with its results."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import ForceOption, LangOption, PlanOption, app, output_option, use_lang
from dvcq.errors import UsageError


@app.command("form")
def form(
    period: Annotated[
        str, typer.Argument(help="Kỳ: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.")
    ],
    output: Annotated[Path, output_option("Tệp Excel biểu mẫu (.xlsx).")],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Chỉ biểu của đơn vị này; một nhóm đơn vị: mỗi đơn vị thành viên một trang "
            "(mặc định: mỗi đơn vị báo cáo một trang).",
        ),
    ] = None,
    plan: PlanOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> int:
    """Lập biểu mẫu Excel để đơn vị điền kết quả thực hiện nhiệm vụ trong kỳ, rồi gửi lại.

    Mỗi đơn vị một trang: các nhiệm vụ đơn vị chủ trì hoặc phối hợp (kể cả nhiệm vụ giao cho nhóm
    có đơn vị là thành viên) đã điền sẵn (đã khóa), các cột để điền (tình trạng chọn trong danh sách, ngày, kết quả, văn bản minh chứng, chỉ tiêu).
    Nhập lại bằng `dvcq progress import TỆP.xlsx`.

    Make the Excel form a unit fills in with its results for the period and sends back; read it
    back with `dvcq progress import`.
    """
    import datetime as dt

    from dvcq import repository
    from dvcq.documents.form import form_sheets
    from dvcq.documents.spreadsheet import form_bytes
    from dvcq.files import write_new
    from dvcq.progress.periods import plan_period
    from dvcq.rules.check import open_plan

    use_lang(lang)
    if output.suffix.lower() != ".xlsx":
        raise UsageError(
            f"Tệp kết quả {output} phải có đuôi .xlsx.", f"Output {output} must end in .xlsx."
        )
    the_plan = open_plan(plan or repository.default_plan())
    repository.require_unit(the_plan, unit)
    window = plan_period(the_plan, period)
    sheets = form_sheets(the_plan, window, unit)
    if not any(s.rows for s in sheets):
        raise UsageError(
            f"Đơn vị {unit} không chủ trì hay phối hợp nhiệm vụ nào: không có gì để báo cáo.",
            f"Unit {unit} leads or supports no task: there is nothing to report.",
        )
    stamp = dt.datetime.combine(window.start, dt.time())
    write_new(output, lambda: form_bytes(the_plan, window, sheets, stamp), force=force)
    sys.stdout.write(i18n.t(f"Đã ghi {output}.", f"Wrote {output}."))
    if unit is not None and [s.unit for s in sheets] != [unit]:
        members = ", ".join(s.unit for s in sheets)
        sys.stdout.write(
            i18n.t(
                f" {unit} là nhóm đơn vị: mỗi đơn vị thành viên một trang ({members}).",
                f" {unit} is a unit group: one sheet per member ({members}).",
            )
        )
    sys.stdout.write("\n")
    return 0
