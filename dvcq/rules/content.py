"""The text itself: no empty text, no section without tasks, no ids used twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dvcq.model import Plan
from dvcq.problems import Pos
from dvcq.rules import ERROR, Finding, rule

# Characters that Word's XML cannot hold (XML 1.0 allows only tab, newline, carriage return).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@rule(
    "empty-text",
    ERROR,
    vi="Phần “{field}” đang để trống.",
    en="The {field} is empty.",
    hint_vi="Điền nội dung, hoặc xóa hẳn mục này nếu không cần.",
    hint_en="Fill it in, or remove the item if it is not needed.",
    doc_vi="Mọi đoạn văn (tiêu đề, nhiệm vụ, câu kết, nơi nhận) phải có nội dung.",
    doc_en="Every paragraph (titles, tasks, closing, recipients) has text.",
)
def empty_text(plan: Plan) -> Iterator[Finding]:
    for record, name, text in plan.texts():
        if not text.strip():
            yield record.where(name), {"field": f"field:{name.split('.')[0]}"}


@rule(
    "control-character",
    ERROR,
    vi="Văn bản chứa ký tự điều khiển không in được (mã U+{code:04X}) ở cột {column}.",
    en="The text holds a non-printing control character (U+{code:04X}) at column {column}.",
    hint_vi="Xóa ký tự này (thường do sao chép từ PDF hoặc Word); Word không mở được văn bản chứa nó.",
    hint_en="Delete it (it usually comes from copying out of a PDF or Word); Word cannot open it.",
    doc_vi="Ký tự điều khiển làm hỏng tệp Word khi kết xuất văn bản.",
    doc_en="Control characters would corrupt the Word document.",
)
def control_character(plan: Plan) -> Iterator[Finding]:
    for record, name, text in plan.texts():
        m = CONTROL.search(text)
        if m:
            pos = record.where(name)
            yield pos, {"code": ord(m.group()), "column": pos.col + m.start()}


@rule(
    "empty-section",
    ERROR,
    vi="Mục “{section}” chưa có nhiệm vụ nào.",
    en="Section “{section}” has no tasks.",
    hint_vi="Thêm ít nhất một nhiệm vụ dưới `tasks:`, hoặc xóa mục này.",
    hint_en="Add at least one task under `tasks:`, or remove the section.",
    doc_vi="Mỗi mục nội dung và mỗi mục tổ chức thực hiện phải có nhiệm vụ.",
    doc_en="Every content and implementation section holds tasks.",
)
def empty_section(plan: Plan) -> Iterator[Finding]:
    for section in plan.sections():
        # "tasks.0" is recorded even for a task that failed to build: that section is not empty.
        if not section.tasks and "tasks.0" not in section.at:
            yield section.where("tasks"), {"section": section.id}


@rule(
    "duplicate-id",
    ERROR,
    vi="Mã “{id}” bị dùng hai lần ({kind}; lần đầu ở dòng {first}).",
    en="Id “{id}” is used twice ({kind}; first on line {first}).",
    hint_vi="Đặt một mã khác; mã phải duy nhất vì tiến độ và báo cáo tham chiếu theo mã.",
    hint_en="Choose another id; ids must be unique because progress and reports refer to them.",
    doc_vi="Mã của mục, nhiệm vụ, đơn vị, chỉ tiêu và số ký hiệu văn bản phải duy nhất.",
    doc_en="Ids of sections, tasks, units, indicators and directive symbols are unique.",
)
def duplicate_id(plan: Plan) -> Iterator[Finding]:
    groups: list[tuple[str, list[tuple[str, Pos]]]] = [
        (
            "kind:section/task",
            [(o.id, o.where("id")) for o in plan.objectives.items]
            + [(s.id, s.where("id")) for s in plan.sections()]
            + [(t.id, t.where("id")) for t in plan.tasks()],
        ),
        ("kind:unit", [(u.id, u.where("id")) for u in plan.units]),
        ("kind:directive", [(d.symbol, d.where("symbol")) for d in plan.directives]),
        ("kind:indicator", [(i.key, i.where("key")) for i in plan.indicators]),
    ]
    for kind, items in groups:
        seen: dict[str, Pos] = {}
        for ident, pos in items:
            if ident in seen:
                yield pos, {"id": ident, "kind": kind, "first": seen[ident].line}
            else:
                seen[ident] = pos
