"""`dvcq show`: the plan as a readable tree, or as JSON."""

from __future__ import annotations

import json
import sys
from typing import Annotated

from dvcq.cli.app import (
    LangOption,
    PlanArgument,
    PlanOption,
    TextJson,
    app,
    format_option,
    one_plan,
    use_lang,
)


@app.command()
def show(
    plan_file: PlanArgument = None,
    plan: PlanOption = None,
    format: Annotated[TextJson, format_option("Dạng hiển thị: text hoặc json.")] = TextJson.text,
    lang: LangOption = None,
) -> int:
    """Xem kế hoạch dạng cây: số thứ tự, mã nhiệm vụ, đơn vị chủ trì, văn bản viện dẫn.

    Show the plan as a tree: numbers, task ids, owners and references.
    """
    from dvcq.outline import outline
    from dvcq.repository import default_plan
    from dvcq.rules.check import open_plan

    use_lang(lang)
    path = one_plan(plan, plan_file) or default_plan("dvcq show --plan plans/2026.yaml")
    data = outline(open_plan(path))
    if format is TextJson.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        from dvcq.cli.display import print_outline

        print_outline(data)
    return 0
