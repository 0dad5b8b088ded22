"""`dvcq plan new-year`: next year's plan from this year's, edited as text so nothing is lost.

The plan is hand-written: its comments carry reasoning, its key order is the author's. So the new
file is the old one line for line, with a few values changed in place (the year, the day and the
number of the document, due dates and the years written in deadlines) and `# XEM LẠI (review): …` comment lines inserted above every
value a person must look at again (the basis, texts naming the old year, the signer, the cited
documents). Lines are found from the positions the YAML reader keeps; the result is read back and
compared with the source before it is written. Ids never change: progress refers to them.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from dvcq.errors import DvcqError, UsageError
from dvcq.model import Plan, build_plan
from dvcq.yamlio import Node, parse

LAST_YEAR = 2200  # the last year a plan may have (rule `year-range`)
FLAG = "# XEM LẠI (review): "
_SKIP_KEYS = {
    "id",
    "refs",
    "key",
    "symbol",
    "owner",
    "support",
    "unit",
    "indicators",
    "type",
    "due",
    "deadlines",  # moved, or flagged, with the tasks below
}


@dataclass
class Edit:
    """Line-based edits of one file: values replaced in place, comment lines inserted above."""

    lines: list[str]
    values: dict[int, str] = field(default_factory=dict)  # 0-based line -> new line
    flags: dict[int, list[str]] = field(default_factory=dict)  # 0-based line -> messages
    count: int = 0

    def flag(self, line: int, message: str) -> None:
        self.flags.setdefault(line - 1, []).append(message)
        self.count += 1

    def set_value(self, line: int, key: str, value: str) -> bool:
        """Replace the value of `key:` on 1-based `line`, keeping any trailing comment."""
        text = self.values.get(line - 1, self.lines[line - 1])
        pattern = (
            rf"^(\s*(?:-\s+)?{re.escape(key)}\s*:\s+)([^#\s][^#]*?|\"[^\"]*\"|'[^']*')(\s+#.*)?$"
        )
        match = re.match(pattern, text)
        if not match:
            return False
        self.values[line - 1] = match.group(1) + value + (match.group(3) or "")
        return True

    def set_item(self, line: int, value: str, new: str) -> bool:
        """Replace list item `value` (a `- value` line, plain or quoted, any trailing comment
        kept, written in NFC or not) with `new`, which differs from it in digits only; False
        when the line is not one."""
        text = self.values.get(line - 1, self.lines[line - 1])
        match = re.match(r"^(\s*-\s+)(\S.*?)(\s+#.*)?\s*$", text)
        if not match:
            return False
        written = match.group(2)
        quoted = len(written) > 1 and written[0] == written[-1] and written[0] in "\"'"
        # The reader gives the value in NFC: text pasted from Word may be written decomposed.
        if unicodedata.normalize("NFC", written[1:-1] if quoted else written) != value:
            return False
        new_written = written[0] + new + written[-1] if quoted else new
        self.values[line - 1] = match.group(1) + new_written + (match.group(3) or "")
        return True

    def text(self) -> str:
        out = []
        for i, line in enumerate(self.lines):
            indent = line[: len(line) - len(line.lstrip())]
            out += [f"{indent}{FLAG}{message}" for message in self.flags.get(i, [])]
            out.append(self.values.get(i, line))
        return "\n".join(out)


def _year_in(text: str, year: int) -> bool:
    return re.search(rf"(?<!\d){year}(?!\d)", text) is not None


# 29 February as dates and deadlines write it: ISO, 29/2/2028, "29 tháng 2 năm 2028"; and
# without a year ("trước ngày 29/2", "29 tháng 2"), which falls in the plan's own year.
_FEB_29_ISO = re.compile(r"(?<!\d)(\d{4})-02-29(?!\d)")
_FEB_29 = re.compile(r"(?<!\d)29(/0?2/|\s+tháng\s+0?2\s+năm\s+)(\d{4})(?!\d)", re.IGNORECASE)
_FEB_29_NO_YEAR = re.compile(r"(?<!\d)29(/0?2|\s+tháng\s+0?2)(?![/\d]|\s+năm)", re.IGNORECASE)


def _shift_years(text: str, delta: int, year: int | None = None) -> str:
    """`text` with every year moved by `delta`; a 29 February that would not exist becomes the
    28th (the line is flagged for review anyway). `year`: the new plan's, for a 29 February
    written without one."""
    shifted = re.sub(r"(?<!\d)(\d{4})(?!\d)", lambda m: str(int(m.group(1)) + delta), text)
    shifted = _FEB_29_ISO.sub(
        lambda m: m[0] if calendar.isleap(int(m[1])) else f"{m[1]}-02-28", shifted
    )
    shifted = _FEB_29.sub(
        lambda m: m[0] if calendar.isleap(int(m[2])) else f"28{m[1]}{m[2]}", shifted
    )
    if year is not None and not calendar.isleap(year):
        shifted = _FEB_29_NO_YEAR.sub(lambda m: f"28{m[1]}", shifted)
    return shifted


def _key_line(node: Node, key: str) -> int:
    return node.key_pos[key].line


def _mapping(node: Node | None) -> dict[str, Node]:
    return node.value if node is not None and isinstance(node.value, dict) else {}


def _items(node: Node | None) -> list[Node]:
    return node.value if node is not None and isinstance(node.value, list) else []


def next_year(text: str, file: str, year: int | None = None) -> tuple[str, int, int]:
    """The new plan's text, its year and the number of review flags."""
    root, _ = parse(text, file)
    plan, _ = build_plan(root, file, text) if root is not None else (None, [])
    if root is None or plan is None:
        raise DvcqError(
            f"Không đọc được kế hoạch {file}; chạy `dvcq check {file}` để xem lỗi.",
            f"Cannot read the plan {file}; run `dvcq check {file}` for the problems.",
        )
    old = plan.document.date.year
    new = year if year is not None else old + 1
    if not old < new <= LAST_YEAR:  # the plan rule's range; a "new year" before the source is none
        raise UsageError(
            f"Năm {new} của kế hoạch mới phải từ {old + 1} (năm sau kế hoạch nguồn {old}) đến "
            f"{LAST_YEAR}.",
            f"The new plan's year {new} must be from {old + 1} (the year after the source plan's "
            f"{old}) to {LAST_YEAR}.",
        )
    delta = new - old
    text = text.replace("\r\n", "\n")
    odd = next((c for c in ("\r", "\x85", "\u2028", "\u2029") if c in text), None)
    if odd is not None:  # YAML counts these as line breaks; the line-based edit would not
        line = text[: text.index(odd)].count("\n") + 1
        raise DvcqError(
            f"{file}:{line}: tệp có ký tự xuống dòng lạ (U+{ord(odd):04X}); xóa nó (thường do "
            "sao chép từ Word hoặc PDF) rồi chạy lại.",
            f"{file}:{line}: the file holds an unusual line break (U+{ord(odd):04X}); remove it "
            "(it usually comes from copying out of Word or a PDF) and run again.",
        )
    edit = Edit(text.split("\n"))
    top = _mapping(root)
    document = top["document"]
    doc = _mapping(document)

    # The header: above the first key, below a leading modeline.
    first = 1 if edit.lines[0].startswith("# yaml-language-server:") else 0
    edit.flags.setdefault(first, []).append(
        f"bản nháp kế hoạch năm {new}, tạo từ {Path(file).name} bằng `dvcq plan new-year`. Rà soát "
        f"mọi dòng “XEM LẠI” (tiến độ năm {old} không chuyển sang), sửa xong thì xóa các dòng này."
    )

    if "number" in doc and doc["number"].value is not None:
        line = _key_line(document, "number")
        if not edit.set_value(line, "number", "null"):
            raise _unsafe(file, line)
        edit.flag(line, f"số văn bản năm {old} đã bỏ; điền khi văn thư cấp số mới.")
    date_node = doc["date"]
    date = _mapping(date_node)
    line = _key_line(date_node, "year")
    if not edit.set_value(line, "year", str(new)):
        raise _unsafe(file, line)
    if "day" in date and date["day"].value is not None:
        line = _key_line(date_node, "day")
        if not edit.set_value(line, "day", "null"):
            raise _unsafe(file, line)
    edit.flag(
        _key_line(document, "date"),
        f"ngày ban hành kế hoạch năm {new}: xem lại tháng, điền ngày khi ký.",
    )
    if "signer" in doc:
        edit.flag(_key_line(document, "signer"), "người ký có thể đã thay đổi.")

    for item in _items(top.get("basis")):
        edit.flag(item.line, f"căn cứ của năm {old}: thay bằng văn bản chỉ đạo năm {new}.")
    for item in _items(top.get("directives")):
        edit.flag(
            item.line,
            f"văn bản viện dẫn trong kế hoạch năm {old}: có thể đã hết hiệu lực, được thay thế "
            "hoặc không còn dùng; kiểm tra lại, bỏ nếu không viện dẫn nữa.",
        )
    for task in _task_nodes(top):
        due = _mapping(task).get("due")
        if due is not None and isinstance(due.value, str):
            line = _key_line(task, "due")
            if edit.set_value(line, "due", f'"{_shift_years(due.value, delta)}"'):
                edit.flag(line, f"hạn hoàn thành đã dời {delta} năm; xem lại.")
            else:
                edit.flag(line, f"hạn hoàn thành của năm {old}: sửa cho năm {new}.")
        _move_deadlines(task, edit, old, new)
    reporting = _mapping(top.get("reporting"))
    for window in _items(reporting.get("windows")):
        for key, node in _mapping(window).items():
            if isinstance(node.value, str) and key in ("period", "start", "end"):
                line = _key_line(window, key)
                edit.set_value(line, key, f'"{_shift_years(node.value, delta)}"')
        edit.flag(window.line, f"khoảng thời gian đã dời {delta} năm; xem lại.")

    skip = {"basis", "directives", "reporting"}
    for key, node in top.items():
        if key not in skip:
            _flag_years(node, root, key, edit, old, new)

    out = edit.text()
    _verify(out, file, plan, new)
    return out, new, edit.count


def _move_deadlines(task: Node, edit: Edit, old: int, new: int) -> None:
    """Each deadline that names a year (or a 29 February the new year lacks) is moved by as many
    years as the plan, in place; the others stay. One that cannot be edited in place (a flow
    list, a folded line, an escape) puts one flag on the key for the reviewer."""
    node = _mapping(task).get("deadlines")
    if node is None:
        return
    delta = new - old
    items = node.value if isinstance(node.value, list) else [node]
    flagged = False
    for item in items:
        if not isinstance(item.value, str):
            continue
        moved = _shift_years(item.value, delta, new)
        if moved == item.value:
            continue
        if item is not node and edit.set_item(item.line, item.value, moved):
            edit.flag(item.line, f"thời hạn đã dời {delta} năm; xem lại.")
        elif not flagged:
            edit.flag(_key_line(task, "deadlines"), f"thời hạn của năm {old}: sửa cho năm {new}.")
            flagged = True


def _flag_years(node: Node, parent: Node, key: str, edit: Edit, old: int, new: int) -> None:
    """Flag every text under `node` that names the old year (not ids, symbols or dates)."""
    if key in _SKIP_KEYS or key == "date":
        return
    if isinstance(node.value, dict):
        for name, child in node.value.items():
            _flag_years(child, node, name, edit, old, new)
    elif isinstance(node.value, list):
        for item in node.value:
            if isinstance(item.value, str) and _year_in(item.value, old):
                edit.flag(item.line, f"câu chữ nhắc năm {old}: sửa thành năm {new} nếu cần.")
            elif not isinstance(item.value, str):
                _flag_years(item, node, "", edit, old, new)
    elif isinstance(node.value, str) and _year_in(node.value, old):
        line = parent.key_pos[key].line if key in parent.key_pos else node.line
        edit.flag(line, f"câu chữ nhắc năm {old}: sửa thành năm {new} nếu cần.")


def _unsafe(file: str, line: int) -> DvcqError:
    return DvcqError(
        f"Không sửa được dòng {file}:{line} một cách an toàn (giá trị viết trên nhiều dòng?). "
        "Hãy viết giá trị đó trên một dòng rồi chạy lại.",
        f"Cannot edit {file}:{line} safely (a value over several lines?). Put that value on one "
        "line and run again.",
    )


def _task_nodes(top: dict[str, Node]) -> list[Node]:
    """Every task mapping of the file, at any depth of the outline (fixed parts and `parts`)."""
    nodes = [*_items(_mapping(top.get("contents")).get("sections"))]
    nodes += _items(_mapping(top.get("organization")).get("sections"))
    nodes += [n for part in _items(top.get("parts")) for n in _items(_mapping(part).get("items"))]
    tasks: list[Node] = []
    while nodes:
        node = _mapping(nodes.pop(0))
        tasks += _items(node.get("tasks"))
        nodes[:0] = _items(node.get("items"))
    return tasks


def _ids(plan: Plan) -> list[str | None]:
    return (
        [s.id for s in plan.sections()]
        + [t.id for t in plan.tasks()]
        + [u.id for u in plan.units]
        + [d.symbol for d in plan.directives]
        + [i.key for i in plan.indicators]
    )


def _verify(text: str, file: str, source: Plan, year: int) -> None:
    """Read the new text back: same ids, the new year, no number, no day; else write nothing."""
    root, _ = parse(text, file)
    plan, _ = build_plan(root, file, text) if root is not None else (None, [])
    good = (
        plan is not None
        and _ids(plan) == _ids(source)
        and plan.document.date.year == year
        and plan.document.number is None
        and plan.document.date.day is None
    )
    if not good:
        raise DvcqError(
            f"Không tạo được kế hoạch năm {year} từ {file} mà giữ nguyên nội dung; không ghi gì. "
            "Hãy báo cho người quản trị dvcq.",
            f"Could not derive the {year} plan from {file} without changing its content; nothing "
            "written. Please report this to the dvcq maintainers.",
        )


def new_year_plan(
    source: Path, year: int | None = None, *, force: bool = False
) -> tuple[Path, int]:
    """Write `<source folder>/<year>.yaml`; returns the path and the number of review flags."""
    from dvcq.files import write_new
    from dvcq.yamlio import read_text

    text, _ = read_text(source)
    if text is None:
        raise DvcqError(
            f"Không đọc được {source}; chạy `dvcq check {source}`.",
            f"Cannot read {source}; run `dvcq check {source}`.",
        )
    out, new, count = next_year(text, str(source), year)
    target = source.parent / f"{new}.yaml"
    if target.resolve() == source.resolve():
        raise DvcqError(
            f"Kế hoạch mới trùng với tệp nguồn {source}.",
            f"The new plan would overwrite its source {source}.",
        )
    write_new(target, lambda: out.encode("utf-8"), force=force)
    return target, count
