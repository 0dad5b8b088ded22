"""`dvcq export xlsx PERIOD`: the status board and the period's entries as an Excel workbook."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    AsOfOption,
    ForceOption,
    LangOption,
    PlanOption,
    ProgressOption,
    StrictOption,
    app,
    output_option,
    use_lang,
)
from dvcq.errors import UsageError

export_app = typer.Typer(
    name="export",
    help="Xuất dữ liệu cho phần mềm khác (Excel .xlsx).\n\n"
    "Export data for other software (Excel .xlsx).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app)


@export_app.command("xlsx")
def export_xlsx(
    period: Annotated[
        str, typer.Argument(help="Kỳ: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.")
    ],
    output: Annotated[Path, output_option("Tệp Excel kết quả (.xlsx).")],
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Xuất bảng tình hình nhiệm vụ và các mục tiến độ của kỳ ra tệp Excel (.xlsx).

    Trang 1: mỗi nhiệm vụ một dòng (mục, nội dung, chủ trì, tình trạng, cập nhật lần cuối, số
    mục, chỉ tiêu); trang 2: các mục tiến độ trong kỳ.

    Export the task-status table and the period's progress entries as an Excel workbook.
    """
    from dvcq.cli.app import period_data
    from dvcq.documents.spreadsheet import export_xlsx as run

    use_lang(lang)
    if output.suffix.lower() != ".xlsx":
        raise UsageError(
            f"Tệp kết quả {output} phải có đuôi .xlsx.", f"Output {output} must end in .xlsx."
        )
    the_plan, entries, window, day = period_data(plan, progress, period, as_of, strict)
    run(the_plan, entries, window, day, output, force=force)
    sys.stdout.write(i18n.t(f"Đã ghi {output}.\n", f"Wrote {output}.\n"))
    return 0
