"""Deadlines of tasks (`deadlines:`): each in a form dvcq reads, in the plan's year, and agreeing
with the task's `cadence`."""

from __future__ import annotations

from collections.abc import Iterator

from dvcq.deadlines import Deadline, DeadlineError, parse
from dvcq.model import Plan, Task
from dvcq.rules import ERROR, WARNING, Finding, rule

FORMS_VI = (
    "ngày (30/6/2025, 2025-06-30, trước ngày 30/6/2025), tháng (Tháng 4/2025), quý "
    "(Quý III/2025), nửa năm (6 tháng đầu năm 2025, 6 tháng cuối năm 2025), năm (Năm 2025), "
    "định kỳ (Hằng tháng, Hằng quý, 6 tháng, Hằng năm; có thể thêm “, trước ngày 20” hoặc "
    "“, trước ngày 15/3”), hoặc Thường xuyên. Nhiều thời hạn: mỗi thời hạn một dòng “- …” "
    "dưới `deadlines:`"
)
FORMS_EN = (
    "a day (30/6/2025, 2025-06-30, trước ngày 30/6/2025), a month (Tháng 4/2025), a quarter "
    "(Quý III/2025), a half-year (6 tháng đầu năm 2025, 6 tháng cuối năm 2025), a year "
    "(Năm 2025), recurring (Hằng tháng, Hằng quý, 6 tháng, Hằng năm; optionally “, trước ngày "
    "20” or “, trước ngày 15/3”), or Thường xuyên. Several deadlines: one “- …” line each under "
    "`deadlines:`"
)


def read(plan: Plan, task: Task) -> Iterator[tuple[int, Deadline | DeadlineError]]:
    """Each deadline of the task as read, or why it cannot be."""
    for i, text in enumerate(task.deadlines):
        try:
            yield i, parse(text, plan.document.date.year)
        except DeadlineError as exc:
            yield i, exc


@rule(
    "invalid-deadline",
    ERROR,
    vi="Thời hạn “{text}” không đọc được: {reason}.",
    en="Deadline “{text}” cannot be read: {reason}.",
    hint_vi="Viết thời hạn theo một trong các dạng: " + FORMS_VI + ".",
    hint_en="Write the deadline in one of these forms: " + FORMS_EN + ".",
    doc_vi="Thời hạn của nhiệm vụ (deadlines) viết theo các dạng kế hoạch vẫn dùng, để dvcq tính "
    "được nhiệm vụ quá hạn, sắp đến hạn, hoàn thành muộn.",
    doc_en="A task's deadlines are written in the forms plans use, so that dvcq can tell overdue, "
    "due soon and done late.",
)
def invalid_deadline(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks():
        for i, read_ in read(plan, task):
            if isinstance(read_, DeadlineError):
                text = task.deadlines[i]
                yield (
                    task.where("deadlines", i),
                    {"text": text, "reason": f"deadline:{read_.reason}"},
                )


@rule(
    "deadline-outside-year",
    WARNING,
    vi="Thời hạn “{text}” thuộc năm {year}, không phải năm của kế hoạch ({plan_year}).",
    en="Deadline “{text}” is in {year}, not in the plan's year ({plan_year}).",
    hint_vi="Kiểm tra lại năm (thường do chép từ kế hoạch năm trước); nhiệm vụ chuyển sang năm "
    "sau nên ghi vào kế hoạch năm sau.",
    hint_en="Check the year (often copied from last year's plan); work carried over to next year "
    "belongs in next year's plan.",
    doc_vi="Thời hạn của nhiệm vụ nằm trong năm của kế hoạch.",
    doc_en="Task deadlines fall in the plan's year.",
)
def deadline_outside_year(plan: Plan) -> Iterator[Finding]:
    year = plan.document.date.year
    for task in plan.tasks():
        for i, read_ in read(plan, task):
            if isinstance(read_, Deadline) and read_.year is not None and read_.year != year:
                yield (
                    task.where("deadlines", i),
                    {
                        "text": task.deadlines[i],
                        "year": read_.year,
                        "plan_year": year,
                    },
                )


@rule(
    "deadline-cadence",
    WARNING,
    vi="Nhiệm vụ “{task}” làm một lần (cadence: once) nhưng có thời hạn định kỳ “{text}”.",
    en="Task “{task}” is done once (cadence: once) but has the recurring deadline “{text}”.",
    hint_vi="Đổi `cadence` thành `periodic` (định kỳ), hoặc ghi một thời hạn cụ thể.",
    hint_en="Set `cadence: periodic`, or give one definite deadline.",
    doc_vi="Nhiệm vụ làm một lần không có thời hạn hằng tháng, hằng quý…",
    doc_en="A task done once has no monthly, quarterly… deadline.",
)
def deadline_cadence(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks():
        if task.cadence != "once":
            continue
        for i, read_ in read(plan, task):
            if isinstance(read_, Deadline) and read_.recurring:
                yield task.where("deadlines", i), {"task": task.id, "text": task.deadlines[i]}
