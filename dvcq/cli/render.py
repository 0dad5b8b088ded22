"""`dvcq render plan`: the plan as an official document (.docx in the NĐ 30 layout, or .md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    ForceOption,
    LangOption,
    MetaOption,
    PlanArgument,
    PlanOption,
    TemplatesOption,
    app,
    one_plan,
    output_option,
    use_lang,
)

render_app = typer.Typer(
    name="render",
    help="Kết xuất văn bản chính thức (Word .docx theo thể thức Nghị định 30/2020, hoặc Markdown).\n\n"
    "Render official documents (Word .docx in the Nghị định 30/2020 layout, or Markdown).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(render_app)


@render_app.command("plan")
def render_plan(
    output: Annotated[
        Path,
        output_option("Tệp kết quả: .docx (văn bản Word) hoặc .md (lời văn dạng Markdown)."),
    ],
    plan_file: PlanArgument = None,
    plan: PlanOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    meta: MetaOption = None,
    lang: LangOption = None,
) -> int:
    """Kết xuất kế hoạch thành văn bản KẾ HOẠCH (Nghị định 30/2020).

    Văn bản Word (.docx) đúng thể thức: quốc hiệu, cơ quan, số, ngày, trích yếu, nơi nhận, chữ
    ký, số trang; lời văn lấy từ mẫu templates/plan.md.j2. Kế hoạch phải không còn lỗi khi chạy
    `dvcq check`.

    Render the plan as its official document (KẾ HOẠCH) in the layout of Decree 30/2020. The
    plan must pass `dvcq check` without errors.
    """
    from dvcq.documents.render import render_plan as run
    from dvcq.documents.templating import DEFAULT_DIR
    from dvcq.repository import default_plan
    from dvcq.rules.check import open_plan

    use_lang(lang)
    path = one_plan(plan, plan_file) or default_plan(
        "dvcq render plan --plan plans/2026.yaml -o ke-hoach.docx"
    )
    run(open_plan(path), output, templates or DEFAULT_DIR, force=force, meta=meta)
    sys.stdout.write(i18n.t(f"Đã ghi {output}.\n", f"Wrote {output}.\n"))
    return 0
