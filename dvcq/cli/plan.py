"""`dvcq plan …`: work on plan files as a whole (`dvcq plan new-year`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, app, one_plan, plan_option, use_lang
from dvcq.errors import UsageError

plan_app = typer.Typer(
    name="plan",
    help="Làm việc với tệp kế hoạch: bắt đầu kế hoạch năm sau (new-year).\n\n"
    "Work on plan files: start next year's plan (new-year).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(plan_app)


def latest_plan(folder: Path = Path("plans")) -> Path:
    """The plan of the latest year under plans/ (files named <year>.yaml)."""
    years = [p for p in folder.glob("*.yaml") if re.fullmatch(r"\d{4}", p.stem)]
    if not years:
        raise UsageError(
            "Không tìm thấy kế hoạch nào dạng plans/<năm>.yaml; chỉ rõ bằng --plan.",
            "No plans/<year>.yaml found; name the plan with --plan.",
        )
    return max(years, key=lambda p: int(p.stem))


@plan_app.command("new-year")
def new_year(
    plan: Annotated[
        Path | None, plan_option("Kế hoạch năm nay (mặc định: plans/<năm> mới nhất).")
    ] = None,
    source: Annotated[Path | None, typer.Option("--from", hidden=True)] = None,  # before --plan
    year: Annotated[
        int | None,
        typer.Option("--year", help="Năm của kế hoạch mới (mặc định: năm sau năm của --plan)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi đè kế hoạch năm mới nếu đã có.")
    ] = False,
    lang: LangOption = None,
) -> int:
    """Bắt đầu kế hoạch năm sau từ kế hoạch năm nay.

    Giữ nguyên mọi dòng, chú thích và mã (id); không chuyển tiến độ; đổi năm, bỏ số văn bản và
    ngày; dời hạn hoàn thành (`due` và năm ghi trong `deadlines`); chèn dòng `# XEM LẠI (review):
    …` trên mỗi chỗ cần rà soát (căn cứ, câu chữ nhắc năm cũ, người ký, văn bản viện dẫn). Kế
    hoạch mới qua được `dvcq check`.

    Start next year's plan from this year's: same lines, comments and ids; review flags added.
    """
    from dvcq.lifecycle.newyear import new_year_plan

    use_lang(lang)
    target, count = new_year_plan(one_plan(plan, source) or latest_plan(), year, force=force)
    sys.stdout.write(
        i18n.t(
            f"Đã ghi {target}: {count} chỗ cần xem lại (tìm “XEM LẠI”). Chạy `dvcq check {target}`.\n",
            f"Wrote {target}: {count} places to review (search for “XEM LẠI”). Run "
            f"`dvcq check {target}`.\n",
        )
    )
    return 0
