"""`dvcq init`: scaffold a new plan repository with a skeleton plan that passes `dvcq check`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, app, use_lang
from dvcq.errors import UsageError


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Thư mục của kho mới (tạo nếu chưa có).")],
    agency: Annotated[
        str, typer.Option("--agency", help="Tên cơ quan ban hành, ví dụ “Sở Ngoại vụ”.")
    ],
    code: Annotated[
        str, typer.Option("--code", help="Chữ viết tắt của cơ quan trong ký hiệu, ví dụ SNgV.")
    ],
    superior: Annotated[
        str,
        typer.Option("--superior", help="Cơ quan chủ quản, ví dụ “Ủy ban nhân dân tỉnh Cao Bằng”."),
    ],
    year: Annotated[int, typer.Option("--year", help="Năm của kế hoạch, ví dụ 2027.")],
    place: Annotated[
        str | None,
        typer.Option(
            "--place", help="Địa danh ghi trên văn bản (mặc định: tên tỉnh trong --superior)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi vào thư mục đã có tệp (ghi đè tệp trùng tên).")
    ] = False,
    lang: LangOption = None,
) -> int:
    """Tạo kho kế hoạch mới: plans/, progress/, templates/, schema/, cấu hình git và pre-commit.

    Kế hoạch khung trong plans/<năm>.yaml qua được `dvcq check`, `dvcq status` và
    `dvcq render plan` ngay, chưa cần sửa; sau đó thay từng giá trị mẫu bằng nội dung thật.

    Scaffold a new plan repository whose skeleton plan passes `dvcq check` as written.
    """
    from dvcq.lifecycle.scaffold import Agency, place_of
    from dvcq.lifecycle.scaffold import init as run

    use_lang(lang)
    where = place or place_of(superior)
    if not where:
        raise UsageError(
            f"Không suy ra được địa danh từ “{superior}”; hãy ghi rõ --place, ví dụ --place "
            "“Cao Bằng”.",
            f"Cannot tell the place from “{superior}”; give --place, e.g. --place “Cao Bằng”.",
        )
    written = run(
        folder, Agency(agency.strip(), code.strip(), superior.strip(), year, where), force=force
    )
    for path in written:
        sys.stdout.write(f"  {path}\n")
    sys.stdout.write(
        i18n.t(
            f"Đã tạo kho kế hoạch trong {folder} ({len(written)} tệp). Tiếp theo: cd {folder} && "
            "git init && dvcq check\n",
            f"Created a plan repository in {folder} ({len(written)} files). Next: cd {folder} && "
            "git init && dvcq check\n",
        )
    )
    return 0
