"""The công văn đôn đốc (urging letter) to the units silent in a period: its data for templates.

Who is urged is the board's `silent_units` (units leading or supporting a task that sent no
entry in the period's window, counting only `dvcq.progress.usable` entries); for each, the tasks
it has sent nothing on, by display number and short title; the deadline is the period's cut-off
day (docs/domain.md §3) unless a later one is given. The letter's header is
`header.urge_header`; the wording is `templates/urge.md.j2` (and `urge.txt.j2` for a chat group).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from dvcq.dates import numeric
from dvcq.documents.header import drafting_unit, urge_header
from dvcq.documents.wording import lower_first, report_subject
from dvcq.errors import DvcqError, UsageError
from dvcq.titles import short_title
from dvcq.units import Units

# A unit's code inside a symbol (docs/domain.md §2): a letter, then letters, digits and `&`.
_UNIT_CODE = re.compile(r"[^\W\d_][^\W_]*(?:&[^\W_]+)*")

if TYPE_CHECKING:
    from dvcq.documents.notes import SignerOverride
    from dvcq.model import Plan, Progress
    from dvcq.progress.periods import Period


def deadline_for(period: Period, as_of: dt.date, given: dt.date | None) -> dt.date:
    """The period's cut-off day, or `given`; never a day already past on `as_of`."""
    day = given or period.end
    if day < as_of:
        if given is None:
            raise UsageError(
                f"Hạn số liệu của kỳ {period.label} (ngày {numeric(period.end)}) đã qua; ghi hạn "
                "báo cáo mới bằng --deadline YYYY-MM-DD.",
                f"The data cut-off of period {period.label} ({numeric(period.end)}) has passed; "
                "give a new deadline with --deadline YYYY-MM-DD.",
            )
        raise UsageError(
            f"--deadline {day.isoformat()}: hạn đã qua (hôm nay là {numeric(as_of)}).",
            f"--deadline {day.isoformat()}: that day has passed (today is {numeric(as_of)}).",
        )
    return day


class NothingToUrge(DvcqError):
    """Every unit has reported in the period: no letter to write. Good news, not an error: `dvcq
    urge` says so without "Lỗi:", on stderr (stdout is the letter or the chat message, which a
    clerk may pipe on), and exits 1 as a command that did not do what it was asked (README: mã
    thoát), so `dvcq urge … && gửi` sends nothing; any other caller gets it as the expected
    failure it also is."""


def urge_context(
    plan: Plan,
    progress: Progress,
    period: Period,
    as_of: dt.date,
    signer: SignerOverride,
    *,
    deadline: dt.date | None = None,
    drafter: str | None = None,
) -> dict[str, Any]:
    """The urging letter for its templates: pure data.

    Keys: `document` (the `Header`, no type name, `about` the V/v line), `period` (label, name,
    start, end), `deadline` (09/01/2026), `subject_inline` (what the units are to report:
    "kết quả thực hiện … 6 tháng cuối năm 2026"), `plan_short` (the plan cited), `units` (each
    silent unit: id, name, `tasks`: number, title, role "chủ trì" or "phối hợp").
    """
    from dvcq.documents.context import cited_symbol
    from dvcq.documents.header import type_name_of
    from dvcq.progress.board import build_board

    board = build_board(plan, progress, period, as_of)
    if not board.silent_units:
        raise NothingToUrge(
            f"Kỳ {period.label}: mọi đơn vị đã có kết quả (tính đến ngày {numeric(as_of)}); không "
            "có đơn vị nào cần đôn đốc, không ghi tệp nào.",
            f"Period {period.label}: every unit has reported (as of {numeric(as_of)}); no unit "
            "needs urging, no file was written.",
        )
    code = drafter or drafting_unit(plan)
    if not code:
        raise UsageError(
            "Không biết mã đơn vị soạn thảo cho ký hiệu công văn (ví dụ SNgV-VP): kế hoạch không "
            "có dòng “Lưu: VT, <đơn vị>.” trong recipients; ghi --drafter VP.",
            "The drafting unit's code for the letter's symbol (e.g. SNgV-VP) is unknown: the "
            "plan's recipients have no “Lưu: VT, <unit>.” line; give --drafter VP.",
        )
    if not _UNIT_CODE.fullmatch(code):
        raise UsageError(
            f"Mã đơn vị soạn thảo “{code}” không dùng được trong ký hiệu công văn: mã bắt đầu "
            "bằng chữ cái, chỉ gồm chữ, số và &, ví dụ VP, CCHC&PC (Nghị định 30/2020).",
            f"Drafting unit code “{code}” cannot go into a letter's symbol: a code starts with a "
            "letter and holds letters, digits and &, e.g. VP, CCHC&PC (Nghị định 30/2020).",
        )
    day = deadline_for(period, as_of, deadline)
    names = {u.id: u.name for u in plan.units}
    groups = Units(plan)
    units: list[dict[str, Any]] = []
    for unit in board.silent_units:
        # a silent member of a group is urged on the group's tasks too: it reports its part
        given = [(row, groups.role(unit, row.task)) for row in board.rows]
        tasks = [
            {
                "number": row.number,
                "title": short_title(row.task),
                "role": "chủ trì" if role[0] == "lead" else "phối hợp",
            }
            for row, role in given
            if role is not None
        ]
        units.append({"id": unit, "name": names.get(unit, unit), "tasks": tasks})
    addressees = [str(u["name"]) for u in units]
    header = urge_header(plan, period, addressees, (as_of.year, as_of.month), code, signer)
    return {
        "document": header,
        "period": {
            "label": period.label,
            "name": period.name(),
            "start": numeric(period.start),
            "end": numeric(period.end),
        },
        "deadline": numeric(day),
        "subject_inline": lower_first(report_subject(plan, period)),
        "plan_short": f"{type_name_of(plan.document.type)} số {cited_symbol(plan)}",
        "units": units,
    }
