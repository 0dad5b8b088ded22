"""`dvcq urge PERIOD`: the công văn đôn đốc to the units that have not reported in a period."""

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
    MetaOption,
    PlanOption,
    ProgressOption,
    SignerAuthorityOption,
    SignerNameOption,
    SignerTitleOption,
    StrictOption,
    TemplatesOption,
    UrgeFormat,
    app,
    format_option,
    output_option,
    use_lang,
)


@app.command()
def urge(
    period: Annotated[
        str, typer.Argument(help="Kỳ báo cáo: 2026, 2026-H1, 2026-H2, 2026-Q1…Q4, 2026-01…12.")
    ],
    output: Annotated[
        Path | None,
        output_option(
            "Tệp kết quả: .docx, .pdf, .md hoặc .txt (mặc định: don-doc-<KỲ>.docx; với "
            "--format md hoặc text: in ra màn hình)."
        ),
    ] = None,
    form: Annotated[
        UrgeFormat | None,
        format_option(
            "docx (công văn Word), pdf (qua LibreOffice), md (lời văn dạng Markdown) hoặc text "
            "(tin nhắn ngắn để dán vào nhóm Zalo)."
        ),
    ] = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            help="Hạn gửi báo cáo (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định ngày chốt số liệu của kỳ.",
        ),
    ] = None,
    drafter: Annotated[
        str | None,
        typer.Option(
            "--drafter",
            help="Mã đơn vị soạn thảo trong ký hiệu công văn, ví dụ VP (mặc định: lấy từ dòng "
            "“Lưu: VT, VP.” của kế hoạch).",
        ),
    ] = None,
    signer_name: SignerNameOption = None,
    signer_title: SignerTitleOption = None,
    signer_authority: SignerAuthorityOption = None,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    meta: MetaOption = None,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Lập công văn đôn đốc các đơn vị chưa báo cáo kết quả trong một kỳ (Nghị định 30/2020).

    Kính gửi các đơn vị chưa có kết quả nào trong kỳ; nêu từng nhiệm vụ đơn vị chủ trì hoặc
    phối hợp, và hạn gửi (ngày chốt số liệu của kỳ, hoặc --deadline). Lời văn lấy từ mẫu
    templates/urge.md.j2 (tin nhắn: templates/urge.txt.j2).

    Write the urging letter (công văn đôn đốc) to the units that sent nothing in a period: Word,
    PDF, Markdown, or a short message for a chat group.
    """
    from dvcq.cli.app import period_data
    from dvcq.dates import option_date
    from dvcq.documents.notes import SignerOverride
    from dvcq.documents.render import render_urge, urge_markdown, urge_message
    from dvcq.documents.templating import DEFAULT_DIR
    from dvcq.documents.urging import NothingToUrge, urge_context

    use_lang(lang)
    the_plan, entries, window, day = period_data(plan, progress, period, as_of, strict)
    signer = SignerOverride(authority=signer_authority, title=signer_title, name=signer_name)
    try:
        context = urge_context(
            the_plan,
            entries,
            window,
            day,
            signer,
            deadline=option_date(deadline) if deadline else None,
            drafter=drafter,
        )
    except NothingToUrge as nothing:  # good news: said plainly, not as an error
        sys.stderr.write(nothing.text[i18n.lang()] + "\n")
        return 1
    folder = templates or DEFAULT_DIR
    if output is None and form in (UrgeFormat.md, UrgeFormat.text):
        if meta is not None:
            from dvcq.errors import UsageError

            raise UsageError(
                "--meta đi kèm một văn bản ghi ra tệp: thêm -o TỆP.docx hoặc -o TỆP.pdf.",
                "--meta goes with a document written to a file: add -o FILE.docx or FILE.pdf.",
            )
        show = urge_markdown if form is UrgeFormat.md else urge_message
        sys.stdout.write(show(context, folder))
        return 0
    kind = form or UrgeFormat.docx
    out = output or Path(f"don-doc-{window.label}.{'txt' if kind is UrgeFormat.text else kind}")
    render_urge(context, out, folder, form=form.value if form else None, force=force, meta=meta)
    sys.stdout.write(i18n.t(f"Đã ghi {out}.\n", f"Wrote {out}.\n"))
    return 0
