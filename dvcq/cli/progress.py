"""`dvcq progress add` and `dvcq progress list`: record what was done, and read it back."""

from __future__ import annotations

import csv
import json
import math
import sys
from typing import Annotated

import typer

from dvcq import i18n
from dvcq.cli.app import (
    AsOfOption,
    LangOption,
    ListFormat,
    PlanOption,
    ProgressOption,
    StrictOption,
    app,
    format_option,
    use_lang,
    warn_left_out,
)
from dvcq.errors import UsageError

progress_app = typer.Typer(
    help="Ghi và xem tiến độ thực hiện nhiệm vụ. Record and list progress entries.",
    no_args_is_help=True,
)
app.add_typer(progress_app, name="progress")


def _git_user() -> str:
    import subprocess

    try:
        run = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return run.stdout.strip()


def _values(pairs: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        try:
            number = float(raw)
        except ValueError:
            number = None
        # inf, nan and huge numbers are numbers to the parser: record refuses them as check does
        if not sep or not key or number is None:
            raise UsageError(
                f"--value “{pair}” phải có dạng CHỈ_TIÊU=SỐ, ví dụ --value luot-tiep-cong-dan=12.",
                f"--value “{pair}” must be KEY=NUMBER, e.g. --value luot-tiep-cong-dan=12.",
            )
        # Whole numbers as integers, but only where a float holds them exactly (below 2**53).
        whole = math.isfinite(number) and number.is_integer() and abs(number) < 2**53
        out[key.strip()] = int(number) if whole else number
    return out


@progress_app.command("add")
def add(
    task: Annotated[
        str | None, typer.Argument(help="Mã nhiệm vụ (xem bằng `dvcq show`).", show_default=False)
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Mã đơn vị báo cáo.")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", "-d", help="Ngày thực hiện, dd/mm/yyyy hoặc YYYY-MM-DD (mặc định hôm nay)."
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", "-s", help="chua-trien-khai | dang-thuc-hien | hoan-thanh."),
    ] = None,
    result: Annotated[
        str | None, typer.Option("--result", "-r", help="Kết quả: đã làm được gì.")
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            "-e",
            help="Số ký hiệu văn bản minh chứng, ví dụ 123/SNgV-VP (lặp lại được).",
        ),
    ] = None,
    value: Annotated[
        list[str] | None,
        typer.Option("--value", "-v", help="Giá trị chỉ tiêu CHỈ_TIÊU=SỐ (lặp lại được)."),
    ] = None,
    author: Annotated[
        str | None, typer.Option("--author", help="Người ghi (mặc định: git config user.name).")
    ] = None,
    supersedes: Annotated[
        str | None, typer.Option("--supersedes", help="Mã mục cũ mà mục này đính chính.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Ghi ngay, không hỏi xác nhận.")] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Vẫn ghi khi đã có một mục y hệt (cố ý ghi hai lần cùng một việc).",
        ),
    ] = False,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    lang: LangOption = None,
) -> int:
    """Ghi một mục tiến độ cho một nhiệm vụ. Record one progress entry for a task.

    Trong cửa sổ dòng lệnh, giá trị còn thiếu sẽ được hỏi; khi chạy tự động (không có terminal),
    thiếu giá trị là báo lỗi ngay.
    """
    from dvcq.dates import today
    from dvcq.progress import store, writing

    use_lang(lang)
    the_plan, entries, root = store.load(plan, progress)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    author = author or _git_user() or None
    if not interactive:
        missing = writing.missing_values(
            task=task, unit=unit, status=status, result=result, author=author
        )
        if missing:
            raise UsageError(
                "Thiếu: "
                + ", ".join(missing)
                + ". Khi chạy không có terminal, phải ghi đủ các giá trị.",
                "Missing: "
                + ", ".join(missing)
                + ". Without a terminal every value must be given.",
            )
    # A date in no accepted form, or one that does not exist, is named as such (entry-date).
    day = writing.entry_day(date) if date else None
    values = _values(list(value or []))
    if interactive:
        from dvcq.cli import prompts

        term = prompts.Terminal()
        given = prompts.Answers(
            task, unit, day, status, result, list(evidence) if evidence else None, values, author
        )
        answers = prompts.fill(term, the_plan, given, today())
        task, unit, day, status = answers.task, answers.unit, answers.day, answers.status
        result, author, values = answers.result, answers.author, answers.values
        evidence = answers.evidence
        if not yes:
            term.say(i18n.t("Mục sẽ ghi:", "The entry:"))
            for row in prompts.summary(the_plan, answers):
                term.say(row)
            if not prompts.confirm(term, i18n.t("Ghi mục này?", "Write this entry?")):
                raise typer.Abort()
    entry, path = writing.record(
        the_plan,
        entries,
        root,
        task=task or "",
        unit=unit or "",
        day=day or today(),
        status=status or "",
        result=result or "",
        author=author or "",
        evidence=list(evidence or []),
        values=values,
        supersedes=supersedes,
        today=today(),
        allow_duplicate=allow_duplicate,
    )
    sys.stdout.write(
        i18n.t(f"Đã ghi mục {entry.id} vào {path}.", f"Wrote entry {entry.id} to {path}.") + "\n"
    )
    return 0


# What a spreadsheet opening the CSV would take for a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: object) -> object:
    """A text cell a spreadsheet cannot run: one that would start a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return f"'{value}"
    return value


@progress_app.command("list")
def list_entries(
    task: Annotated[str | None, typer.Option("--task", "-t", help="Chỉ nhiệm vụ này.")] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Chỉ đơn vị này (một nhóm: cả các đơn vị thành viên)."),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="Chỉ kỳ này: 2026, 2026-H1, 2026-Q2, 2026-05.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", "-s", help="Chỉ tình trạng này.")
    ] = None,
    all_entries: Annotated[
        bool, typer.Option("--all", help="Cả các mục đã được đính chính.")
    ] = False,
    format: Annotated[ListFormat, format_option("text, json hoặc csv.")] = ListFormat.text,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> int:
    """Liệt kê các mục tiến độ, có lọc. List progress entries, filtered.

    Mục có lỗi không được liệt kê: tên (tệp:dòng) và lý do ở stderr, và ở khóa `left_out` của
    JSON. Entries with errors are left out, named on stderr and under `left_out` in JSON.
    """
    from dvcq import repository
    from dvcq.cli.app import as_of_date
    from dvcq.model import FIELDS, STATUSES
    from dvcq.progress import store
    from dvcq.progress.board import select
    from dvcq.progress.periods import plan_period
    from dvcq.progress.usable import left_out_data
    from dvcq.units import Units

    use_lang(lang)
    the_plan, counted = store.load_usable(plan, progress)
    repository.require_unit(the_plan, unit)
    left_out = left_out_data(counted.left_out, i18n.lang())
    warn_left_out(left_out, strict)
    entries = counted.progress
    window = plan_period(the_plan, period) if period else None
    chosen = select(
        entries,
        window,
        as_of_date(as_of),
        task=task,
        unit=unit,
        status=status,
        superseded=all_entries,
        members=Units(the_plan).members(unit) if unit else (),
    )
    rows = [e.to_dict() for e in chosen]
    if format is ListFormat.json:
        shown = {"entries": rows, "left_out": left_out}
        sys.stdout.write(json.dumps(shown, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    elif format is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            cells = {
                **row,
                "evidence": "; ".join(row["evidence"]),
                "values": "; ".join(f"{k}={v}" for k, v in row["values"].items()),
                "supersedes": row["supersedes"] or "",
            }
            writer.writerow({k: _csv_text(v) for k, v in cells.items()})
    else:
        from dvcq.visible import visible

        lg = 0 if i18n.lang() == "vi" else 1
        for e in chosen:
            head = f"{e.date}  {e.id}  {e.task}  {e.unit}  {STATUSES[e.status][lg]}"
            sys.stdout.write(visible(head, newlines=False) + "\n")
            sys.stdout.write(f"    {visible(e.result, newlines=False)}\n")
        sys.stdout.write(i18n.t(f"{len(chosen)} mục.", f"{len(chosen)} entries.") + "\n")
    return 0


from dvcq.cli import progress_import  # noqa: E402, F401  (registers `dvcq progress import`)
