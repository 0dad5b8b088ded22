"""`dvcq report PERIOD`: the BÁO CÁO on a period, from the plan, its progress and the clerk's notes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    AsOfOption,
    DocumentFormat,
    ForceOption,
    LangOption,
    MetaOption,
    PlanOption,
    ProgressOption,
    StrictOption,
    TemplatesOption,
    app,
    format_option,
    output_option,
    use_lang,
    warn_left_out,
)


@app.command()
def report(
    period: Annotated[
        str, typer.Argument(help="Kỳ báo cáo: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.")
    ],
    output: Annotated[
        Path | None,
        output_option(
            "Tệp kết quả (mặc định: bao-cao-<KỲ>.docx; với --format md: in ra màn hình)."
        ),
    ] = None,
    form: Annotated[
        DocumentFormat | None,
        format_option(
            "docx (văn bản Word), pdf (qua LibreOffice) hoặc md (lời văn dạng Markdown)."
        ),
    ] = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    notes: Annotated[
        Path | None,
        typer.Option(
            "--notes",
            help="Tệp ghi chú của kỳ: Kính gửi, số, ngày, ưu điểm, nguyên nhân, phương hướng, "
            "kiến nghị (mặc định: reports/<KỲ>.yaml cạnh thư mục plans/, nếu có).",
        ),
    ] = None,
    signer_name: Annotated[
        str | None, typer.Option("--signer-name", help="Họ tên người ký (thay cho kế hoạch).")
    ] = None,
    signer_title: Annotated[
        str | None,
        typer.Option("--signer-title", help="Chức vụ người ký, ví dụ PHÓ GIÁM ĐỐC."),
    ] = None,
    signer_authority: Annotated[
        str | None,
        typer.Option(
            "--signer-authority", help='Thẩm quyền ký, ví dụ KT. GIÁM ĐỐC ("" khi ký trực tiếp).'
        ),
    ] = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    meta: MetaOption = None,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Lập BÁO CÁO kết quả thực hiện kế hoạch trong một kỳ (Nghị định 30/2020).

    Kết quả của từng nhiệm vụ kèm số văn bản, số liệu chỉ tiêu, nhiệm vụ chưa có kết quả, quá
    hạn, đơn vị chưa báo cáo, phương hướng kỳ tới và phụ lục tình hình các nhiệm vụ; lời văn
    lấy từ mẫu templates/report.md.j2 và tệp ghi chú reports/<KỲ>.yaml.

    Write the BÁO CÁO on a period (Word in the Nghị định 30/2020 layout, or Markdown), from the
    plan, its progress entries and the period's notes file.
    """
    from dvcq.cli.app import as_of_date
    from dvcq.documents.context import report_context
    from dvcq.documents.issue import prepare
    from dvcq.documents.notes import SignerOverride
    from dvcq.documents.render import render_report, report_markdown
    from dvcq.documents.templating import DEFAULT_DIR
    from dvcq.progress import store
    from dvcq.progress.periods import begun, plan_period

    use_lang(lang)
    from dvcq.progress.usable import left_out_data

    the_plan, counted = store.load_usable(plan, progress)
    window = plan_period(the_plan, period)
    day = begun(window, as_of_date(as_of))
    warn_left_out(left_out_data(counted.left_out, i18n.lang()), strict)
    signer = SignerOverride(authority=signer_authority, title=signer_title, name=signer_name)
    issue = prepare(the_plan, window, notes, signer)  # what a văn thư would catch
    sys.stderr.write(issue.listing(i18n.lang()))
    issue.refuse(strict)
    context = report_context(the_plan, counted.progress, window, day, issue.notes)
    folder = templates or DEFAULT_DIR
    if output is None and form is DocumentFormat.md:
        sys.stdout.write(report_markdown(context, folder))
        return 0
    out = output or Path(f"bao-cao-{window.label}.{(form or DocumentFormat.docx).value}")
    render_report(context, out, folder, form=form.value if form else None, force=force, meta=meta)
    sys.stdout.write(i18n.t(f"Đã ghi {out}.\n", f"Wrote {out}.\n"))
    return 0
