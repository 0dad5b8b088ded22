"""`dvcq diff`: what changed in a plan between two git revisions or two files, by stable id."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    DiffFormat,
    LangOption,
    PlanOption,
    app,
    format_option,
    one_plan,
    use_lang,
)


@app.command()
def diff(
    revs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Không có: HEAD so với bản đang sửa; một phiên bản: REV so với bản đang sửa; "
            "hai phiên bản: REV_A so với REV_B; hoặc hai tệp: tệp A so với tệp B.",
            show_default=False,
            metavar="[REV_A [REV_B]]",
        ),
    ] = None,
    plan: PlanOption = None,
    old_path: Annotated[Path | None, typer.Option("--path", hidden=True)] = None,  # before --plan
    format: Annotated[
        DiffFormat, format_option("Dạng kết quả: text, md (dán vào pull request), json.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Trả mã thoát 1 khi có thay đổi (như git diff)."),
    ] = False,
    textconv: Annotated[
        Path | None,
        typer.Option(
            "--textconv",
            help="In tệp kế hoạch thành từng dòng “mã: giá trị” cho git (diff.dvcq.textconv).",
        ),
    ] = None,
    lang: LangOption = None,
) -> int:
    """So sánh kế hoạch theo mã ổn định: mục, nhiệm vụ thêm/bỏ/chuyển/sửa lời, đơn vị, văn bản.

    Semantic diff of plans by stable id: sections and tasks added, removed, moved or reworded
    (word by word), owner, support, reference and metadata changes. Exit code 0 even when there
    are changes, unless --exit-code is given.
    """
    from dvcq.review import output as show
    from dvcq.review.diff import diff_plans
    from dvcq.review.revisions import sides

    use_lang(lang)
    if textconv is not None:
        from dvcq.review.textconv import textconv as flatten

        sys.stdout.write(flatten(textconv))
        return 0
    old, new = sides(list(revs or []), one_plan(plan, old_path))
    changes = diff_plans(old.plan, new.plan)
    render = {
        DiffFormat.text: show.to_text,
        DiffFormat.md: show.to_markdown,
        DiffFormat.json: show.to_json,
    }
    sys.stdout.write(render[format](changes, old, new, i18n.lang()))
    return 1 if exit_code and changes else 0
