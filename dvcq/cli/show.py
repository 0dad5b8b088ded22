"""`dvcq show`: the plan as a readable tree, or as JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dvcq.cli.app import DebugOption, LangOption, app, use_lang


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def show(
    plan: Annotated[
        Path | None, typer.Argument(help="Tệp kế hoạch (mặc định: tệp duy nhất trong plans/).")
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Dạng hiển thị: text hoặc json.")
    ] = Format.text,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> int:
    """Xem kế hoạch dạng cây: số thứ tự, mã nhiệm vụ, đơn vị chủ trì, văn bản viện dẫn.

    Show the plan as a tree: numbers, task ids, owners and references.
    """
    from dvcq.outline import outline
    from dvcq.repository import default_plan
    from dvcq.rules.check import open_plan

    use_lang(lang)
    data = outline(open_plan(plan or default_plan("dvcq show plans/2026.yaml")))
    if format is Format.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from dvcq.cli.display import print_outline

        print_outline(data)
    return 0
