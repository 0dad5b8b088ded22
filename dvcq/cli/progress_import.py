"""`dvcq progress import`: returned forms (.xlsx) and CSV files of entries into progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, PlanOption, ProgressOption, use_lang
from dvcq.cli.progress import progress_app
from dvcq.errors import DvcqError, UsageError


@progress_app.command("import")
def import_entries(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Biểu mẫu đã điền (.xlsx, do `dvcq form` tạo) hoặc tệp .csv các mục tiến độ.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Chỉ liệt kê những mục sẽ ghi; không ghi gì.")
    ] = False,
    valid_only: Annotated[
        bool,
        typer.Option(
            "--valid-only",
            help="Ghi các dòng hợp lệ, liệt kê các dòng lỗi (mặc định: có dòng lỗi là không ghi gì).",
        ),
    ] = False,
    period: Annotated[
        str | None,
        typer.Option("--period", help="Chỉ nhận biểu mẫu của kỳ này (ví dụ 2026-H1)."),
    ] = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    lang: LangOption = None,
) -> int:
    """Nhập kết quả từ biểu mẫu Excel đã điền (hoặc tệp CSV) thành các mục tiến độ.

    Mỗi dòng đã điền được kiểm tra như `dvcq progress add`; lỗi ghi rõ tệp, trang và ô (ví dụ
    vp-2026-H1.xlsx:VP!F7). Nhập lại cùng một tệp không ghi thêm gì; dòng đã sửa sau lần nhập
    trước thành mục đính chính mục cũ. Có dòng lỗi thì không ghi gì, trừ khi có --valid-only.

    Import filled-in forms (or CSV files) as progress entries, checked as `progress add` checks
    one; importing the same file twice adds nothing; with an invalid row nothing is written
    unless --valid-only.
    """
    from dvcq.dates import today
    from dvcq.documents import form_import as fi
    from dvcq.progress import store, writing

    use_lang(lang)
    the_plan, entries, root = store.load(plan, progress)
    drafts: list[fi.Draft] = []
    findings: list[fi.Finding] = []
    for path in files:
        try:
            if path.suffix.lower() == ".csv":
                found_drafts, found = fi.drafts_from_csv(path)
            elif path.suffix.lower() == ".xlsx":
                found_drafts, found, of_form = fi.drafts_from_form(path, the_plan)
                if period and of_form != period.strip():
                    raise UsageError(
                        f"{path}: biểu mẫu của kỳ {of_form}, không phải kỳ {period}; không nhập.",
                        f"{path}: a form of period {of_form}, not {period}; not imported.",
                    )
            else:
                raise UsageError(
                    f"{path}: dvcq nhập tệp .xlsx (biểu mẫu) hoặc .csv.",
                    f"{path}: dvcq imports .xlsx (forms) or .csv files.",
                )
        except fi.FormRefused as refused:
            raise DvcqError(refused.vi, refused.en) from None
        drafts += found_drafts
        findings += found
    outcome = fi.prepare(the_plan, entries, drafts, today())
    findings += outcome.findings
    for finding in findings:
        sys.stderr.write(finding.text() + "\n")
    for draft, same in outcome.skipped:
        sys.stdout.write(
            i18n.t(
                f"{draft.cells.get('status', draft.file)}: đã có (mục {same}), bỏ qua.",
                f"{draft.cells.get('status', draft.file)}: already recorded (entry {same}), "
                "skipped.",
            )
            + "\n"
        )
    if findings and not valid_only:
        raise DvcqError(
            f"{len(findings)} lỗi: không ghi mục nào. Sửa các ô trên rồi nhập lại (hoặc dùng "
            "--valid-only để ghi các dòng hợp lệ).",
            f"{len(findings)} problem(s): nothing written. Fix the cells above and import again "
            "(or use --valid-only to write the valid rows).",
        )
    lines = []
    for entry in outcome.new:
        verb = i18n.t("Sẽ ghi" if dry_run else "Ghi", "Would write" if dry_run else "Writing")
        fix = i18n.t(f" (đính chính {entry.supersedes})", f" (corrects {entry.supersedes})")
        lines.append(
            f"{verb} {entry.id}: {entry.task} | {entry.unit} | {entry.date} | {entry.status}"
            + (fix if entry.supersedes else "")
            + "\n"
        )
    if not dry_run and outcome.new:
        for entry in outcome.new:
            entry.file, entry.at = "", {}
        writing.append_entries(root, the_plan.document.date.year, outcome.new)
    sys.stdout.write("".join(lines))  # after the write: a refused write lists nothing as written
    sys.stdout.write(
        i18n.t(
            f"{'Sẽ ghi' if dry_run else 'Đã ghi'} {len(outcome.new)} mục, bỏ qua "
            f"{len(outcome.skipped)} mục đã có, {len(findings)} lỗi.",
            f"{'Would write' if dry_run else 'Wrote'} {len(outcome.new)} entries, skipped "
            f"{len(outcome.skipped)} already recorded, {len(findings)} problem(s).",
        )
        + "\n"
    )
    return 1 if findings else 0
