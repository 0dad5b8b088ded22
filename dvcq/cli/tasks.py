"""`dvcq tasks --unit U`: the tasks a unit leads or supports, to fold into its own plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    ForceOption,
    LangOption,
    PlanOption,
    TaskListFormat,
    app,
    format_option,
    output_option,
    use_lang,
)
from dvcq.errors import DvcqError, UsageError

_SUFFIXES = {".md": TaskListFormat.md, ".xlsx": TaskListFormat.xlsx, ".txt": TaskListFormat.text}


@app.command("tasks")
def tasks(
    unit: Annotated[
        str,
        typer.Option(
            "--unit",
            "-u",
            help="Mã đơn vị (thành viên một nhóm nhận cả nhiệm vụ giao cho nhóm).",
            show_default=False,
        ),
    ],
    format: Annotated[
        TaskListFormat | None,
        format_option(
            "Dạng: text (màn hình), md (dán vào kế hoạch của đơn vị), xlsx (cần -o); mặc định "
            "theo đuôi tệp -o, không có -o thì text."
        ),
    ] = None,
    output: Annotated[Path | None, output_option("Ghi ra tệp (.md, .txt, .xlsx).")] = None,
    plan: PlanOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> int:
    """Danh sách nhiệm vụ đơn vị chủ trì, rồi phối hợp, để lồng ghép vào kế hoạch của đơn vị.

    Mỗi nhiệm vụ: số thứ tự, tên ngắn, nội dung, các đơn vị cùng thực hiện, thời hạn như kế hoạch
    ghi, sản phẩm, văn bản thực hiện (trích dẫn theo danh mục văn bản của kế hoạch).

    The tasks a unit leads, then supports, to fold into its own plan; a member of a unit group
    gets the group's tasks too, marked as given to the group.
    """
    from dvcq import repository
    from dvcq.documents import unit_tasks as ut
    from dvcq.files import write_new
    from dvcq.rules.check import open_plan

    use_lang(lang)
    by_suffix = _SUFFIXES.get(output.suffix.lower()) if output else None
    if output is not None and format is None and by_suffix is None:
        raise UsageError(
            f"Không biết ghi {output} ở dạng nào: đặt tên tệp .md, .txt hoặc .xlsx, hoặc ghi "
            "--format md|text|xlsx.",
            f"Which format for {output}? Name a .md, .txt or .xlsx file, or give --format "
            "md|text|xlsx.",
        )
    chosen = format or by_suffix or TaskListFormat.text
    if output is not None and chosen is not (by_suffix or chosen):
        raise UsageError(
            f"Tệp {output} không hợp với dạng {chosen.value}: ghi tệp .{chosen.value}, hoặc bỏ "
            "--format để chọn dạng theo đuôi tệp.",
            f"File {output} does not suit format {chosen.value}: name a .{chosen.value} file, or "
            "leave out --format to choose by the file's suffix.",
        )
    if chosen is TaskListFormat.xlsx and output is None:
        raise UsageError(
            "Dạng xlsx cần tệp kết quả: ghi -o TỆP.xlsx.",
            "The xlsx format needs an output file: give -o FILE.xlsx.",
        )
    the_plan = open_plan(plan or repository.default_plan("dvcq tasks --plan plans/2026.yaml"))
    repository.require_unit(the_plan, unit)
    listing = ut.unit_tasks(the_plan, unit)
    if not listing.lead and not listing.support:
        raise DvcqError(
            f"Đơn vị {unit} không chủ trì hay phối hợp nhiệm vụ nào của kế hoạch.",
            f"Unit {unit} leads or supports no task of the plan.",
        )
    if chosen is TaskListFormat.xlsx:
        assert output is not None
        from dvcq.documents.form import sheet_title
        from dvcq.documents.spreadsheet import table_bytes

        def produce() -> bytes:
            return table_bytes(
                sheet_title(unit, []),
                ut.COLUMNS,
                ut.table_rows(listing),
                stamp=ut.plan_day(the_plan),
                creator=the_plan.document.agency.name,
                title=f"Nhiệm vụ của {listing.name()} — {listing.plan_citation}",
            )

        write_new(output, produce, force=force)
    else:
        text = ut.as_markdown(listing) if chosen is TaskListFormat.md else ut.as_text(listing)
        if output is None:
            sys.stdout.write(text)
            return 0
        write_new(output, lambda: text.encode("utf-8"), force=force)
    sys.stdout.write(i18n.t(f"Đã ghi {output}.\n", f"Wrote {output}.\n"))
    return 0
