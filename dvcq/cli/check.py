"""`dvcq check`: validate plan files; exit 1 when there are errors (or warnings with --strict).

The options are declared once, in `cli.checking.OPTIONS`; this is the Typer command built from
them (help, errors, anything the plain path of `cli.checking` leaves to Typer)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dvcq.cli import checking
from dvcq.cli.app import (
    AsOfOption,
    CheckFormat,
    LangOption,
    ProgressOption,
    app,
    format_option,
    plan_option,
)

_O = checking.OPTIONS


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=_O["paths"].help, show_default=False, metavar=_O["paths"].metavar),
    ] = None,
    plan: Annotated[list[Path] | None, plan_option(_O["plan"].help)] = None,
    format: Annotated[CheckFormat, format_option(_O["format"].help)] = CheckFormat.text,
    strict: Annotated[bool, typer.Option(*_O["strict"].flags, help=_O["strict"].help)] = False,
    progress: ProgressOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> int:
    """Kiểm tra kế hoạch: đơn vị chủ trì, văn bản viện dẫn, số ký hiệu, ngày tháng.

    Check plans: owners, references, symbols and dates. Exit code 0 = no errors, 1 = problems.
    """
    return checking.run(
        paths or [],
        plan or [],
        format.value,
        strict,
        progress,
        as_of,
        lang.value if lang else None,
    )
