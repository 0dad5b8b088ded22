"""`dvcq init`: scaffold a new plan repository with a skeleton plan that passes `dvcq check`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import LangOption, app, use_lang
from dvcq.errors import UsageError

KIND_HELP = (
    "Loại cơ quan ban hành: so (sở, ban, ngành; mặc định), ubnd-tinh (UBND tỉnh, thành phố), "
    "ubnd-huyen (UBND huyện, quận, thị xã), ubnd-xa (UBND xã, phường, thị trấn). Không ghi thì "
    "dvcq đoán theo tên trong --agency (“Ủy ban nhân dân xã …” là ubnd-xa) và, trong terminal, hỏi."
)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Thư mục của kho mới (tạo nếu chưa có).")],
    agency: Annotated[
        str,
        typer.Option(
            "--agency",
            help="Tên cơ quan ban hành, ví dụ “Sở Ngoại vụ”, “Ủy ban nhân dân xã Tân Lập”.",
        ),
    ],
    code: Annotated[
        str, typer.Option("--code", help="Chữ viết tắt của cơ quan trong ký hiệu, ví dụ SNgV.")
    ],
    year: Annotated[int, typer.Option("--year", help="Năm của kế hoạch, ví dụ 2027.")],
    superior: Annotated[
        str | None,
        typer.Option(
            "--superior",
            help="Cơ quan cấp trên: với sở, ban, ngành là cơ quan chủ quản in ở đầu văn bản (bắt "
            "buộc), ví dụ “Ủy ban nhân dân tỉnh Cao Bằng”; với UBND là nơi nhận báo cáo (không "
            "bắt buộc), ví dụ “Ủy ban nhân dân huyện Ba Bể”.",
        ),
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=KIND_HELP)] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place",
            help="Địa danh ghi trên văn bản (mặc định: sở lấy tên tỉnh trong --superior; UBND lấy "
            "tên trong --agency, ví dụ “Tân Lập”).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi vào thư mục đã có tệp (ghi đè tệp trùng tên).")
    ] = False,
    lang: LangOption = None,
) -> int:
    """Tạo kho kế hoạch mới: plans/, progress/, templates/, schema/, cấu hình git và pre-commit.

    Kế hoạch khung trong plans/<năm>.yaml qua được `dvcq check`, `dvcq status` và
    `dvcq render plan` ngay, chưa cần sửa; người ký, căn cứ, nơi nhận và địa danh theo loại cơ
    quan (--kind); sau đó thay từng giá trị mẫu bằng nội dung thật.

    Scaffold a new plan repository whose skeleton plan passes `dvcq check` as written.
    """
    from dvcq.lifecycle.kinds import DEFAULT_KIND, KINDS, choices_text, committee_name, guess
    from dvcq.lifecycle.scaffold import Agency, default_place, refuse_controls
    from dvcq.lifecycle.scaffold import init as run

    use_lang(lang)
    superior = superior or None  # `--superior ""`: none, as when left out (a People's Committee)
    refuse_controls(name=agency, code=code, superior=superior, place=place)
    guessed = guess(agency) or DEFAULT_KIND
    kind = kind if kind is not None else _ask_kind(guessed) or guessed
    if kind not in KINDS:
        raise UsageError(
            f"--kind “{kind}” không có; chọn một trong: {choices_text('vi')}.",
            f"--kind “{kind}” is unknown; choose one of: {choices_text('en')}.",
        )
    name = agency.strip()
    if KINDS[kind].is_committee:
        full = committee_name(name)
        if full is None:
            level = KINDS[kind].level
            raise UsageError(
                f"Với --kind {kind}, tên cơ quan (--agency) là tên đầy đủ của Ủy ban nhân dân, ví "
                f"dụ “Ủy ban nhân dân {level} Tân Lập”; đã nhận “{name}”.",
                f"With --kind {kind}, --agency is the People's Committee's full name, e.g. "
                f"“Ủy ban nhân dân {level} Tân Lập”; got “{name}”.",
            )
        name = full
    if superior is None and not KINDS[kind].is_committee:
        raise UsageError(
            "Thiếu --superior: sở, ban, ngành in cơ quan chủ quản ở đầu văn bản, ví dụ --superior "
            "“Ủy ban nhân dân tỉnh Cao Bằng”. Nếu cơ quan là Ủy ban nhân dân, ghi --kind.",
            "Missing --superior: a department prints the body above it in its header, e.g. "
            "--superior “Ủy ban nhân dân tỉnh Cao Bằng”. For a People's Committee give --kind.",
        )
    boss = superior.strip() if superior else None
    where = place or default_place(kind, name, boss)
    if not where:
        source = "--agency" if KINDS[kind].is_committee else "--superior"
        raise UsageError(
            f"Không suy ra được địa danh từ {source} “{name if source == '--agency' else boss}”; "
            "hãy ghi rõ --place, ví dụ --place “Cao Bằng”.",
            f"Cannot tell the place from {source}; give --place, e.g. --place “Cao Bằng”.",
        )
    written = run(folder, Agency(name, code.strip(), boss, year, where.strip(), kind), force=force)
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


def _ask_kind(default: str) -> str | None:
    """At a terminal, the kind as a numbered choice a clerk reads; None without a terminal."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    from rich.prompt import Prompt

    from dvcq.lifecycle.kinds import KINDS

    kinds = list(KINDS.values())
    for n, k in enumerate(kinds, 1):
        sys.stdout.write(f"  {n}. {k.label_vi if i18n.lang() == 'vi' else k.label_en}\n")
    answer = Prompt.ask(
        i18n.t("Loại cơ quan ban hành (số)", "Kind of issuing agency (number)"),
        choices=[str(n) for n in range(1, len(kinds) + 1)],
        default=str(list(KINDS).index(default) + 1),
    )
    return kinds[int(answer) - 1].key
