"""`dvcq report PERIOD`: the BÁO CÁO on a period, from the plan, its progress and the clerk's notes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

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
    SignerAuthorityOption,
    SignerNameOption,
    SignerTitleOption,
    StrictOption,
    TemplatesOption,
    app,
    format_option,
    output_option,
    use_lang,
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
    signer_name: SignerNameOption = None,
    signer_title: SignerTitleOption = None,
    signer_authority: SignerAuthorityOption = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Báo cáo riêng của một đơn vị về các nhiệm vụ của đơn vị (đơn vị ban hành, gửi "
            "Lãnh đạo cơ quan; ghi chú: reports/<KỲ>-<ĐƠN VỊ>.yaml).",
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

    Có số liệu năm trước (progress/<năm trước>/) thì số liệu chỉ tiêu được so với cùng kỳ. Với
    --unit: báo cáo của một đơn vị (đơn vị ban hành dưới tên cơ quan, Kính gửi Lãnh đạo cơ quan,
    thủ trưởng đơn vị ký theo ghi chú hoặc --signer-*).

    Write the BÁO CÁO on a period (Word in the Nghị định 30/2020 layout, or Markdown), from the
    plan, its progress entries and the period's notes file; with last year's entries, figures are
    compared with the same window of last year; --unit: a unit's own report on its tasks.
    """
    from dvcq.cli.app import period_data
    from dvcq.documents.context import report_context
    from dvcq.documents.issue import prepare
    from dvcq.documents.notes import SignerOverride
    from dvcq.documents.render import render_report, report_markdown
    from dvcq.documents.templating import DEFAULT_DIR
    from dvcq.documents.unit_report import notes_name

    use_lang(lang)
    the_plan, entries, window, day = period_data(plan, progress, period, as_of, strict, unit)
    signer = SignerOverride(authority=signer_authority, title=signer_title, name=signer_name)
    name = notes_name(window.label, unit) if unit else None  # never the agency's own notes
    issue = prepare(the_plan, window, notes, signer, name)  # what a văn thư would catch
    sys.stderr.write(issue.listing(i18n.lang()))
    issue.refuse(strict)
    last_year = _last_year(the_plan, progress)
    context = report_context(the_plan, entries, window, day, issue.notes, last_year, unit)
    folder = templates or DEFAULT_DIR
    if output is None and form is DocumentFormat.md:
        sys.stdout.write(report_markdown(context, folder))
        return 0
    stem = f"bao-cao-{window.label}" + (f"-{unit}" if unit else "")
    out = output or Path(f"{stem}.{(form or DocumentFormat.docx).value}")
    render_report(context, out, folder, form=form.value if form else None, force=force, meta=meta)
    sys.stdout.write(i18n.t(f"Đã ghi {out}.\n", f"Wrote {out}.\n"))
    return 0


def _last_year(plan: Any, root: Path | None) -> Any:
    """Last year's progress entries (progress/<year - 1>/), for "so với cùng kỳ"; None without."""
    from dvcq import repository
    from dvcq.progress.store import read_progress

    root = root or repository.progress_root_for(Path(plan.file))
    files = repository.files_in(repository.progress_dir(root, plan.document.date.year - 1))
    return read_progress(files) if files else None
