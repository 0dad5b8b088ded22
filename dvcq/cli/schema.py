"""`dvcq schema`: the JSON Schema of plan and progress files, for editors and CI."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, app, output_option, use_lang
from dvcq.errors import os_failure


class Kind(StrEnum):
    plan = "plan"
    progress = "progress"


@app.command()
def schema(
    kind: Annotated[
        Kind | None,
        typer.Argument(
            help="plan hoặc progress: in ra lược đồ đó (mặc định: plan).",
            show_default=False,
            metavar="[plan|progress]",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option("Ghi plan.schema.json và progress.schema.json vào thư mục này (ghi đè)."),
    ] = None,
    old_out: Annotated[Path | None, typer.Option("--out", hidden=True)] = None,  # before --output
    lang: LangOption = None,
) -> int:
    """In hoặc ghi lược đồ JSON Schema của tệp kế hoạch và tệp tiến độ.

    Trình soạn thảo (VS Code với tiện ích YAML) dùng lược đồ qua dòng đầu của tệp kế hoạch
    `# yaml-language-server: $schema=../schema/plan.schema.json` để gợi ý khóa và báo lỗi ngay khi
    gõ. Kho kế hoạch lưu lược đồ trong schema/; chạy `dvcq schema -o schema` để cập nhật.

    Print or write the JSON Schema (draft 2020-12) of plan and progress files.
    """
    from dvcq.files import write_new
    from dvcq.schema import PLAN_FILE, PROGRESS_FILE, schemas

    use_lang(lang)
    texts = schemas()
    out = output or old_out
    if out is None:
        sys.stdout.write(texts[PROGRESS_FILE if kind is Kind.progress else PLAN_FILE])
        return 0
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_failure(
            exc, f"Không tạo được thư mục {out}", f"Cannot create the folder {out}", usage=True
        ) from None
    names = [f"{kind.value}.schema.json"] if kind else sorted(texts)
    for name in names:
        data = texts[name].encode("utf-8")
        write_new(out / name, lambda data=data: data, force=True)  # type: ignore[misc]
        sys.stdout.write(i18n.t(f"Đã ghi {out / name}.\n", f"Wrote {out / name}.\n"))
    return 0
