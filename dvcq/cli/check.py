"""`dvcq check`: validate plan files; exit 1 when there are errors (or warnings with --strict)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    AsOfOption,
    CheckFormat,
    LangOption,
    ProgressOption,
    app,
    as_of_date,
    format_option,
    plan_option,
    use_lang,
)
from dvcq.errors import UsageError


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Các tệp kế hoạch cần kiểm tra (mặc định: plans/*.yaml).",
            show_default=False,
            metavar="[TỆP]...",
        ),
    ] = None,
    plan: Annotated[
        list[Path] | None,
        plan_option("Tệp kế hoạch cần kiểm tra, như TỆP (lặp lại được: -p a.yaml -p b.yaml)."),
    ] = None,
    format: Annotated[
        CheckFormat, format_option("Dạng kết quả: text, json hoặc github.")
    ] = CheckFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo cũng là lỗi.")] = False,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> int:
    """Kiểm tra kế hoạch: đơn vị chủ trì, văn bản viện dẫn, số ký hiệu, ngày tháng.

    Check plans: owners, references, symbols and dates. Exit code 0 = no errors, 1 = problems.
    """
    from dvcq.repository import find_plans
    from dvcq.rules.check import check as run_check

    use_lang(lang)
    named = list(dict.fromkeys([*(paths or []), *(plan or [])]))
    files = named or find_plans()
    if not files:
        raise UsageError(
            "Không tìm thấy tệp kế hoạch nào trong plans/. Hãy chỉ rõ đường dẫn: dvcq check --plan <tệp>.",
            "No plan files found under plans/. Name them: dvcq check --plan <file>.",
        )
    result = run_check(files, progress, as_of_date(as_of) if as_of else None)
    if format is CheckFormat.json:
        from dvcq.rules.formats import to_json

        sys.stdout.write(to_json(result, i18n.lang()))
    elif format is CheckFormat.github:
        from dvcq.rules.formats import to_github

        sys.stdout.write(to_github(result, i18n.lang()))
    else:
        from dvcq.cli.problem_text import emit, problem_lines

        emit(problem_lines(result))
    return 1 if result.failed(strict) else 0
