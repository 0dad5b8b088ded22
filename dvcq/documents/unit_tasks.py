"""`dvcq tasks --unit U`: the tasks a unit leads or supports, for folding into its own plan.

The plan asks each phòng to "lồng ghép các nhiệm vụ vào kế hoạch hoạt động của phòng": this is
the list it folds in. For the unit, each task it leads (chủ trì), then each it supports (phối
hợp), in document order: display number, short title, full text, the other units on it, the
deadlines as the plan writes them, the deliverable and the documents it carries out, cited from
the plan's registry. A member of a unit group gets the group's tasks too, marked as given to the
group (`Units.role`); a group's list holds the tasks given to it, not those of one member.

As Markdown (always Vietnamese: it is pasted into a document), as text at 80 columns (labels in
the reader's language), or as a workbook (`spreadsheet.table_bytes`).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from dvcq import i18n
from dvcq.dates import numeric
from dvcq.model import Plan, Task
from dvcq.titles import short_title
from dvcq.units import Units
from dvcq.visible import visible

WIDTH = 80


@dataclass
class ListedTask:
    number: str  # the display number of its place, e.g. II.1
    task: Task
    role: str  # "lead" or "support"
    group: str | None  # the group it was given to, when the unit has it through that group
    owner: str | None  # the leading unit, when it is neither the unit nor that group
    others: list[str]  # the other supporting units
    deadlines: list[str]  # as written
    deliverable: str
    citations: list[str]  # the documents it carries out, cited from the registry


@dataclass
class UnitTasks:
    unit: str
    names: dict[str, str]  # unit id → name
    plan_citation: str  # "Kế hoạch số …/KH-SNgV tháng 4 năm 2026 của Sở Ngoại vụ về …"
    lead: list[ListedTask]
    support: list[ListedTask]

    def name(self, unit: str | None = None) -> str:
        code = unit or self.unit
        return self.names.get(code, code)

    def groups(self) -> list[str]:
        """The groups that give the unit tasks, in the order the list first meets them."""
        found = [t.group for t in (*self.lead, *self.support) if t.group]
        return list(dict.fromkeys(found))


def unit_tasks(plan: Plan, unit: str) -> UnitTasks:
    from dvcq.documents.context import plan_citation, ref_citation

    units = Units(plan)
    directives = {d.symbol: d for d in plan.directives}
    lead: list[ListedTask] = []
    support: list[ListedTask] = []
    for placed in plan.placed_tasks():
        task = placed.task
        given = units.role(unit, task)
        if given is None:
            continue
        role, named = given
        mine = {unit, named}
        listed = ListedTask(
            number=placed.number,
            task=task,
            role=role,
            group=named if named != unit else None,
            owner=task.owner if task.owner not in mine else None,
            others=[u for u in dict.fromkeys(task.support) if u not in mine],
            deadlines=list(task.deadlines) or ([numeric(task.due)] if task.due else []),
            deliverable=task.deliverable or "",
            citations=[ref_citation(directives, r) for r in task.refs],
        )
        (lead if role == "lead" else support).append(listed)
    names = {u.id: u.name for u in plan.units}
    return UnitTasks(unit, names, plan_citation(plan), lead, support)


def plan_day(plan: Plan) -> dt.datetime:
    """The plan's own date, as far as it is known: what the workbook is dated with."""
    date = plan.document.date
    return dt.datetime(date.year, date.month or 1, date.day or 1)


# --- Markdown -----------------------------------------------------------------------------------


def as_markdown(listing: UnitTasks) -> str:
    from dvcq.documents.markup import escape

    name = escape(listing.name())
    out = [f"# Nhiệm vụ của {name}", "", f"Theo {escape(listing.plan_citation)}.", ""]
    groups = ", ".join(escape(listing.name(g)) for g in listing.groups())
    if groups:
        out += [
            f"{name} là thành viên của {groups}: nhiệm vụ giao cho {groups} cũng là nhiệm vụ "
            f"của {name} (ghi “Giao cho”).",
            "",
        ]
    for heading, tasks in (("chủ trì", listing.lead), ("phối hợp", listing.support)):
        out += [f"## Nhiệm vụ {heading} ({len(tasks)})", ""]
        if not tasks:
            out += ["Không có nhiệm vụ nào.", ""]
        for t in tasks:
            out += [f"### {t.number}. {escape(short_title(t.task))}", "", escape(t.task.text), ""]
            facts = _facts(listing, t, vi=True)
            out += [f"- {label}: {escape(value)}" for label, value in facts]
            if t.citations:
                out.append("- Văn bản thực hiện:")
                out += [f"  - {escape(c)}" for c in t.citations]
            if facts or t.citations:
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _facts(listing: UnitTasks, t: ListedTask, *, vi: bool) -> list[tuple[str, str]]:
    """The lines under a task, label and value, leaving out what the plan does not say."""

    def say(v: str, e: str) -> str:
        return v if vi else e

    names = ", ".join(listing.name(u) for u in t.others)
    facts = [
        (say("Giao cho", "Given to"), listing.name(t.group) if t.group else ""),
        (say("Đơn vị chủ trì", "Led by"), listing.name(t.owner) if t.owner else ""),
        (
            say("Đơn vị phối hợp", "Supported by")
            if t.role == "lead"
            else say("Cùng phối hợp", "Also supporting"),
            names,
        ),
        (say("Thời hạn", "Deadlines"), "; ".join(t.deadlines)),
        (say("Sản phẩm", "Deliverable"), t.deliverable),
    ]
    return [(label, value) for label, value in facts if value]


# --- text at 80 columns -------------------------------------------------------------------------


def as_text(listing: UnitTasks, width: int = WIDTH) -> str:
    vi = i18n.lang() == "vi"
    name = visible(listing.name(), newlines=False)
    out = [i18n.t(f"Nhiệm vụ của {name} ({listing.unit})", f"Tasks of {name} ({listing.unit})")]
    out += _wrap(visible(listing.plan_citation, newlines=False), width, "")
    groups = ", ".join(visible(listing.name(g), newlines=False) for g in listing.groups())
    if groups:
        out += _wrap(
            i18n.t(
                f"{name} là thành viên của {groups}: nhiệm vụ giao cho nhóm cũng là nhiệm vụ của "
                "đơn vị (ghi “Giao cho”).",
                f"{name} is a member of {groups}: the group's tasks are its tasks too (marked "
                "“Given to”).",
            ),
            width,
            "",
        )
    every = [*listing.lead, *listing.support]
    indent = " " * max([len(t.number) + 2 for t in every] + [6])
    for vi_head, en_head, tasks in (
        ("CHỦ TRÌ", "LEADS", listing.lead),
        ("PHỐI HỢP", "SUPPORTS", listing.support),
    ):
        out += ["", i18n.t(f"{vi_head} ({len(tasks)} nhiệm vụ)", f"{en_head} ({len(tasks)} tasks)")]
        if not tasks:
            out.append(i18n.t("Không có nhiệm vụ nào.", "None."))
        for t in tasks:
            title = visible(short_title(t.task), newlines=False)
            head = _wrap(title, width, indent)
            out += ["", t.number.ljust(len(indent)) + head[0][len(indent) :], *head[1:]]
            lines = [(i18n.t("Mã", "Id"), t.task.id), *_facts(listing, t, vi=vi)]
            lines.append((i18n.t("Nội dung", "Text"), t.task.text))
            for label, value in lines:
                out += _wrap(f"{label}: {visible(value, newlines=False)}", width, indent)
            if t.citations:
                out.append(indent + i18n.t("Văn bản thực hiện:", "Documents carried out:"))
                for c in t.citations:
                    out += _wrap(visible(c, newlines=False), width, indent + "- ", indent + "  ")
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int, indent: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,  # 2021-2030, 16/CT-TTg stay whole
    ) or [indent]


# --- the workbook's rows ------------------------------------------------------------------------

COLUMNS = [
    ("Mục", "code"),
    ("Tên nhiệm vụ", "text"),
    ("Nội dung nhiệm vụ", "text"),
    ("Vai trò", "code"),
    ("Giao cho nhóm", "name"),
    ("Đơn vị chủ trì", "name"),
    ("Đơn vị phối hợp", "name"),
    ("Thời hạn", "name"),
    ("Sản phẩm", "name"),
    ("Văn bản thực hiện", "text"),
    ("Mã nhiệm vụ", "id"),
]


def table_rows(listing: UnitTasks) -> list[list[str]]:
    """One row per task, leading first, in the order of COLUMNS."""
    return [
        [
            t.number,
            short_title(t.task),
            t.task.text,
            "Chủ trì" if t.role == "lead" else "Phối hợp",
            listing.name(t.group) if t.group else "",
            listing.name(t.owner) if t.owner else "",
            ", ".join(listing.name(u) for u in t.others),
            "; ".join(t.deadlines),
            t.deliverable,
            "\n".join(t.citations),
            t.task.id,
        ]
        for t in (*listing.lead, *listing.support)
    ]
