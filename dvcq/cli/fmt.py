"""`dvcq fmt`: rewrite progress files in the one form dvcq writes; plans are never touched."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, app, use_lang
from dvcq.errors import UsageError


@app.command()
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp hoặc thư mục tiến độ (mặc định: progress/).", show_default=False),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Không ghi gì; liệt kê tệp cần định dạng lại (mã thoát 1)."),
    ] = False,
    lang: LangOption = None,
) -> int:
    """Định dạng lại tệp tiến độ: mỗi mục một dòng, đúng dạng dvcq ghi.

    Giữ nguyên dòng chú thích và thứ tự các mục; mục có lỗi thì để nguyên và báo ra. Không bao giờ
    sửa tệp kế hoạch (plans/): kế hoạch do người viết.

    Rewrite progress entries in dvcq's canonical one-line form; comments and order kept. Plans are
    never formatted. With --check, write nothing and exit 1 if a file would change.
    """
    from dvcq.progress import fmt as lib

    use_lang(lang)
    if not paths:
        if not Path("progress").is_dir():
            raise UsageError(
                "Không có thư mục progress/ ở đây; chỉ rõ tệp hoặc thư mục tiến độ.",
                "No progress/ folder here; name the progress files or folders.",
            )
        paths = [Path("progress")]
    files = lib.progress_files(list(paths))
    changed = 0
    notes = []
    for path in files:
        result = lib.format_file(path) if check else lib.write(path)
        notes += result.notes
        if result.changed:
            changed += 1
            if check:
                sys.stdout.write(
                    i18n.t(f"Cần định dạng lại: {path}\n", f"Would reformat: {path}\n")
                )
            else:
                sys.stdout.write(i18n.t(f"Đã định dạng lại: {path}\n", f"Reformatted: {path}\n"))
    for note in notes:
        sys.stderr.write(
            f"{note.file}:{note.line}:{f'{note.col}:' if note.col else ''} "
            + i18n.t(f"giữ nguyên: {note.vi}", f"left as is: {note.en}")
            + "\n"
        )
    same = len(files) - changed
    if check:
        summary = i18n.t(
            f"{changed} tệp cần định dạng lại, {same} tệp không đổi.",
            f"{changed} file(s) would be reformatted, {same} unchanged.",
        )
    else:
        summary = i18n.t(
            f"Đã định dạng lại {changed} tệp, {same} tệp không đổi.",
            f"{changed} file(s) reformatted, {same} unchanged.",
        )
    sys.stdout.write(summary + "\n")
    return 1 if notes or (check and changed) else 0
