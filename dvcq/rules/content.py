"""The text itself: no empty text, no line break left to be joined, no section without tasks,
no ids used twice."""

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
    doc_vi="Mỗi khoản của phần nội dung (contents) và tổ chức thực hiện (organization) có nhiệm vụ; ở mọi mục khác, một nút không chỉ có tiêu đề suông.",
    doc_en="Every khoản of `contents` and `organization` holds tasks; anywhere else, no node is a bare title.",
)
def empty_section(plan: Plan) -> Iterator[Finding]:
    for placed in plan.walk():
        node = placed.node
        # "tasks.0" is recorded even for a task that failed to build: that section is not empty.
        held = node.tasks or "tasks.0" in node.at or node.items or "items.0" in node.at
        # A node of the fixed parts II and III holds tasks; elsewhere its own words will do.
        fixed = placed.part.key in ("contents", "organization") and placed.depth == 1
        if not held and (fixed or not (node.text or "").strip()):
            name = node.id or f"{placed.number} {node.title or ''}".strip()
            yield node.where("tasks"), {"section": name}


@rule(
    "untitled-node",
    ERROR,
    vi="Khoản/điểm “{number}” không có tiêu đề (title) cũng không có lời văn (text): số “{marker}” không có chỗ để in.",
    en="Node “{number}” has neither a title nor a text: its number “{marker}” has nowhere to print.",
    hint_vi="Thêm `title:` hoặc `text:`; nếu chỉ là nhóm các ý, đặt `mark: none` (không đánh số).",
    hint_en="Add a `title:` or a `text:`; for a plain group of items, set `mark: none` (no number).",
    doc_vi="Mỗi khoản (1.) và điểm (a)) có tiêu đề hoặc lời văn để in số của nó.",
    doc_en="Every numbered or lettered node has a title or a text to carry its number.",
)
def untitled_node(plan: Plan) -> Iterator[Finding]:
    for placed in plan.walk():
        node = placed.node
        if placed.marker[-1:] in (".", ")") and not (node.title or node.text):
            yield node.pos, {"number": placed.number, "marker": placed.marker}


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
            [(p.id, p.where("id")) for p in plan.all_parts() if p.id is not None]
            + [(s.id, s.where("id")) for s in plan.sections() if s.id is not None]
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


# The outline's own words: a line break there would be joined into one paragraph when printed,
# so it is either structure (items of the outline) or a mistake, never silently lost.
@rule(
    "line-break",
    ERROR,
    vi="Phần “{field}” có dấu xuống dòng (sau dòng thứ {line}); khi in, các dòng bị nối làm một đoạn.",
    en="The {field} holds a line break (after its line {line}); printed, the lines would be joined.",
    hint_vi="Viết mỗi đoạn, mỗi điểm a), b) hay mỗi gạch đầu dòng thành một mục riêng dưới `items:`; hoặc nối lại thành một dòng.",
    hint_en="Write each paragraph, point a), b) or bullet as its own node under `items:`; or join the lines.",
    doc_vi="Lời văn của kế hoạch (căn cứ, mục, khoản, điểm, nhiệm vụ, câu kết) không chứa dấu xuống dòng: cấu trúc được viết bằng `items:`.",
    doc_en="The plan's prose (basis, parts, nodes, tasks, closing) holds no line break: structure is written with `items:`.",
)
def line_break(plan: Plan) -> Iterator[Finding]:
    people = {id(plan.document), id(plan.document.agency), id(plan.document.signer)}
    for record, name, text in plan.texts():
        if id(record) in people or name.startswith("recipients"):
            continue  # names and signer lines are laid out line by line, not joined
        body = text.rstrip("\n")
        if "\n" in body:
            n = body[: body.index("\n")].count("\n") + 1  # the text's line that ends in a break
            yield _line_pos(plan, record.where(name), n), {"field": f"field:{name}", "line": n}


def _line_pos(plan: Plan, pos: Pos, n: int) -> Pos:
    """Where the text's n-th line is in the file: under a block scalar (`text: |`) its own line,
    at its indentation; otherwise (a quoted `\\n`) the text's start."""
    written = plan.lines[pos.line - 1] if 0 < pos.line <= len(plan.lines) else ""
    if written[pos.col - 1 : pos.col] not in ("|", ">") or pos.line + n > len(plan.lines):
        return pos
    line = plan.lines[pos.line + n - 1]
    return Pos(pos.line + n, len(line) - len(line.lstrip()) + 1)
