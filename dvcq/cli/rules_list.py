"""`dvcq rules`: every rule with its id, level and documentation."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, TextJson, app, format_option, use_lang


@app.command("rules")
def rules_list(
    format: Annotated[TextJson, format_option("Dạng kết quả: text hoặc json.")] = TextJson.text,
    as_json: Annotated[bool, typer.Option("--json", hidden=True)] = False,  # before --format
    lang: LangOption = None,
) -> int:
    """Liệt kê các quy tắc kiểm tra (mã, mức độ, giải thích).

    List the rules `dvcq check` applies, with their ids, levels and docs.
    """
    from dvcq import rules

    use_lang(lang)
    registry = rules.load_all()
    lg = i18n.lang()
    if as_json or format is TextJson.json:
        data = [
            {"id": r.id, "level": r.level, "scope": r.scope, "doc": r.doc[lg], "hint": r.hint[lg]}
            for r in registry.values()
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
        return 0
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column(i18n.t("Mã quy tắc", "Rule id"), style="bold", no_wrap=True)
    table.add_column(i18n.t("Mức", "Level"))
    table.add_column(i18n.t("Giải thích", "Documentation"))
    for r in sorted(registry.values(), key=lambda r: r.id):
        level = {"error": i18n.t("lỗi", "error"), "warning": i18n.t("cảnh báo", "warning")}[r.level]
        table.add_row(r.id, level, escape(r.doc[lg]))
    Console().print(table)
    return 0
