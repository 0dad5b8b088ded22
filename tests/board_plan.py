"""A plan for board tests (minimal.yaml plus a once-task, an indicator task and more units), and
progress entries built in memory: the board is a pure function of plan, entries, period and day."""

from __future__ import annotations

from typing import Any

from plan_text import edit, minimal, plan_of

from dvcq.model import Plan
from dvcq.progress.store import Entry, Progress

TASKS = """\
          owner: VP
        - id: nop-bao-cao
          text: Gửi báo cáo sơ kết 6 tháng.
          owner: TTr
          cadence: once
          due: "2026-06-30"
        - id: tiep-cong-dan
          text: Tiếp công dân định kỳ.
          owner: VP
          support:
            - HT
          indicators:
            - luot-tiep
            - cuoc-hop
            - ty-le
        - id: ra-soat-quy-che
          text: Rà soát quy chế tiếp công dân.
          owner: VP
          cadence: {cadence}
          due: "2026-03-31"
closing:"""
UNITS = """\
    name: Văn phòng Sở
  - id: TTr
    name: Thanh tra Sở
  - id: HT
    name: Phòng Hợp tác quốc tế
  - id: KT
    name: Phòng Kế toán
directives:"""
INDICATORS = """\
indicators:
  - key: luot-tiep
    name: Lượt tiếp công dân
    unit: lượt
    aggregation: sum
  - key: cuoc-hop
    name: Số người dự họp nhiều nhất
    unit: người
    aggregation: max
  - key: ty-le
    name: Tỷ lệ đơn đã giải quyết
    unit: "%"
    aggregation: latest
"""


def board_plan(cadence: str = "ongoing") -> Plan:
    text = edit(
        minimal(),
        ("          owner: VP\nclosing:", TASKS.format(cadence=cadence)),
        ("    name: Văn phòng Sở\ndirectives:", UNITS),
    )
    return plan_of(text + INDICATORS)


def entry(
    id: str,
    task: str,
    date: str,
    unit: str = "VP",
    status: str = "dang-thuc-hien",
    values: dict[str, Any] | None = None,
    supersedes: str | None = None,
) -> Entry:
    return Entry(
        id=id,
        task=task,
        date=date,
        unit=unit,
        status=status,
        result="Kết quả.",
        author="A",
        values=values or {},
        supersedes=supersedes,
    )


def progress(*entries: Entry) -> Progress:
    return Progress(entries=list(entries))
