"""The plan as typed records, built from YAML nodes; the records are also the file's schema.

Every record keeps where it was written (`pos`) and where each of its fields' values were written
(`at`), so rules can point at the exact line and column. Nothing agency-specific lives here: units,
sections, directives and the signer are all data.
"""

import datetime as dt
import types
import typing
from functools import cache
from typing import Any, Literal, TypeVar, get_args, get_origin

from dvcq.dates import DateError, parse_iso
from dvcq.problems import Pos, Problem, suggest
from dvcq.record import MISSING, field, fields, is_record, record
from dvcq.yamlio import Node, Refused, kind_of

# Field metadata of what the reader fills in itself (positions, the file): not a key of the file,
# so neither the builder nor the schema offers it.
INTERNAL = {"internal": True}
# Metadata of an optional record that is either left out or written whole: never `null` (the schema
# then points an editor at the exact key inside it, not at an "anyOf").
ABSENT_OR_SET = {"absent_or_set": True}


# Records compare by identity and have the default repr (eq=False, repr=False): nothing needs more,
# and not generating those methods keeps this module's import, on every `dvcq check`, ~5 ms shorter.
# Slots: an entry (of which a year may hold 100,000) then has no attribute dict of its own.
@record(kw_only=True, eq=False, repr=False, slots=True)
class Located:
    """Where a record, and each of its fields' values, was written in the file."""

    pos: Pos = field(default=Pos(1, 1), compare=False, repr=False, metadata=INTERNAL)
    at: dict[str, Pos] = field(default_factory=dict, compare=False, repr=False, metadata=INTERNAL)

    def where(self, name: str, index: int | None = None) -> Pos:
        """Position of a field's value (or of one item of a list field)."""
        key = name if index is None else f"{name}.{index}"
        return self.at.get(key) or self.at.get(name) or self.pos


@record(kw_only=True, eq=False, repr=False)
class Agency(Located):
    """The issuing body (cơ quan ban hành) and the body above it; a UBND has none above it in its
    header (NĐ 30 prints the issuer alone). `name_lines` and `superior_lines` are the names as the
    header breaks them, one item a line: the author's choice, never a `\n` inside a name."""

    code: str
    name: str
    superior: str | None = None
    superior_short: str | None = None
    name_lines: list[str] = field(default_factory=list)
    superior_lines: list[str] = field(default_factory=list)


@record(kw_only=True, eq=False, repr=False)
class DocDate(Located):
    """The document's date; the day (and month) stay blank until it is issued."""

    year: int
    month: int | None = None
    day: int | None = None


@record(kw_only=True, eq=False, repr=False)
class Signer(Located):
    """The signature block: authority (KT., TM., …), the signer's title and name. A collective
    body signs with several authority lines (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`), given as
    `authority_lines` instead of `authority`."""

    authority: str | None = None  # None when the head signs in person
    authority_lines: list[str] = field(default_factory=list)
    title: str
    name: str

    def heading(self) -> list[str]:
        """The lines above the signature, top to bottom: authority lines, then the title."""
        lines = list(self.authority_lines) or ([self.authority] if self.authority else [])
        return [*lines, self.title]


@record(kw_only=True, eq=False, repr=False)
class Document(Located):
    """The plan's own particulars: type, number, agency, place, date, subject, signer."""

    type: str
    number: str | None = None
    agency: Agency
    place: str
    date: DocDate
    subject: str
    # The subject as the title block breaks it, one item a line (the author's choice, as for
    # `name_lines`): a long trích yếu is not left to break at "năm / 2026".
    subject_lines: list[str] = field(default_factory=list)
    signer: Signer | None = None


@record(kw_only=True, eq=False, repr=False)
class Paragraph(Located):
    """A paragraph of the basis (căn cứ), with the documents it cites."""

    text: str
    refs: list[str] = field(default_factory=list)


@record(kw_only=True, eq=False, repr=False)
class Objective(Located):
    """An item of part I (mục đích, yêu cầu)."""

    id: str
    text: str


@record(kw_only=True, eq=False, repr=False)
class Task(Located):
    """A task: text, owner, supporting units, documents, cadence, deadlines, deliverable,
    indicators.

    `deadlines` are written as plans write them ("Quý III/2025", "Hằng tháng", "30/6/2025"; the
    forms are in dvcq.deadlines) and every one counts on the board. `due` is the older form of a
    single ISO date, kept as it was: it counts on the board for a `once` task only."""

    id: str
    text: str
    title: str | None = None  # a short title for boards, prompts and forms; derived when absent
    owner: str | None = None
    support: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    cadence: Literal["ongoing", "once", "periodic"] = "ongoing"
    due: str | None = None
    deadlines: list[str] = field(default_factory=list)  # thời gian hoàn thành, as written
    deliverable: str | None = None  # sản phẩm
    indicators: list[str] = field(default_factory=list)


# How a node of the outline is marked: khoản "1.", điểm "a)", bullet "-", sub-bullet "+", or a
# paragraph without a mark. Unset, a node takes the mark of its depth (MARKS).
Mark = Literal["number", "letter", "dash", "plus", "none"]
MARKS: tuple[Mark, ...] = ("number", "letter", "dash", "plus")


@record(kw_only=True, eq=False, repr=False)
class Section(Located):
    """A node of the outline below a part (mục), to any depth: a khoản (1.), an điểm (a)), a bullet
    (-, +) or a paragraph. It may have a title, prose, its tasks and nodes of its own, printed in
    that order; its display number is computed from its place, never written."""

    id: str | None = None  # stable, for diffs; a node holding tasks usually has one
    title: str | None = None
    text: str | None = None
    mark: Mark | None = None
    unit: str | None = None
    tasks: list[Task] = field(default_factory=list)
    items: list["Section"] = field(default_factory=list)


# A record that holds its own kind: the field's type is completed once the class exists.
Section.__annotations__["items"] = list[Section]
next(f for f in fields(Section) if f.name == "items").type = list[Section]

Role = Literal["objectives", "contents", "implementation", "funding", "reporting", "other"]


@record(kw_only=True, eq=False, repr=False)
class Part(Located):
    """A part (mục I., II., …) of the general form, `parts:`; its role says what it holds."""

    id: str | None = None
    role: Role
    title: str
    text: str | None = None
    items: list[Section] = field(default_factory=list)
    # where the part was written: "objectives", "contents", "organization" or "parts.N"
    key: str = field(default="", metadata=INTERNAL)


@record(kw_only=True, eq=False, repr=False)
class ObjectivesPart(Located):
    """Part I: purposes and requirements."""

    title: str
    items: list[Objective] = field(default_factory=list)


@record(kw_only=True, eq=False, repr=False)
class TasksPart(Located):
    """Part II (contents) or part III (organisation): sections of tasks."""

    title: str
    sections: list[Section] = field(default_factory=list)


@record(kw_only=True, eq=False, repr=False)
class Unit(Located):
    """A unit that owns or supports tasks; with `members`, a group whose member units (each a
    unit of `units:`) report for it (dvcq.units)."""

    id: str
    name: str
    members: list[str] = field(default_factory=list)


@record(kw_only=True, eq=False, repr=False)
class Directive(Located):
    """A document the plan cites: symbol, type word, date, issuer, subject."""

    symbol: str
    type: str
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None


@record(kw_only=True, eq=False, repr=False)
class Indicator(Located):
    """A figure units report with their entries, and how a period adds it up."""

    key: str
    name: str
    unit: str  # đơn vị tính, e.g. "lượt"
    aggregation: Literal["sum", "latest", "max"] = "sum"


@record(kw_only=True, eq=False, repr=False)
class Window(Located):
    """An explicit data window for one reporting period."""

    period: str
    start: str
    end: str


@record(kw_only=True, eq=False, repr=False)
class Reporting(Located):
    """When data for a period is cut off (Nghị định 09/2019 by default; provinces may differ)."""

    cutoff_day: int = 14  # a month's data runs to this day; the next window starts the day after
    windows: list[Window] = field(default_factory=list)  # explicit windows for single periods
    addressees: list[str] = field(default_factory=list)  # Kính gửi of the periodic reports


# The columns a task table may have, in the words of its header row (Phụ lục: Danh mục nhiệm vụ).
TASK_COLUMNS: dict[str, str] = {
    "number": "STT",
    "text": "Nội dung nhiệm vụ",
    "owner": "Cơ quan chủ trì",
    "support": "Cơ quan phối hợp",
    "deadlines": "Thời gian hoàn thành",
    "deliverable": "Sản phẩm",
}
TaskColumn = Literal["number", "text", "owner", "support", "deadlines", "deliverable"]


@record(kw_only=True, eq=False, repr=False)
class TaskTable(Located):
    """The appendix that lists the plan's tasks in a table, on landscape pages of its own."""

    title: str = "Danh mục nhiệm vụ"
    columns: list[TaskColumn] = field(default_factory=lambda: list(TASK_COLUMNS))


@record(frozen=True)
class PlacedTask:
    """A task where the plan puts it: `number` is the display number of the place that holds it,
    e.g. `II.4` or `II.1.a`; `section` is that node, `part` its part."""

    number: str
    section: Section
    task: Task
    part: Part | None = None
    title: str = ""  # the name of the place holding it: `Placed.heading`


@record(frozen=True)
class Placed:
    """A node of the outline with its place: `marker` as printed ("1.", "a)", "-", "+", ""),
    `number` the display number of the nearest numbered place ("II.1.a"), `depth` from 1."""

    part: Part
    node: Section
    marker: str
    number: str
    depth: int
    # the node's title (a khoản or điểm without one: its text, shortened), else the one above it
    heading: str = ""


@record(kw_only=True, eq=False, repr=False)
class Plan(Located):
    """The whole plan file."""

    document: Document
    basis: list[Paragraph] = field(default_factory=list)
    # The fixed parts I-III, kept as the first parts; `parts` adds any others (or all of them).
    objectives: ObjectivesPart | None = field(default=None, metadata=ABSENT_OR_SET)
    contents: TasksPart | None = field(default=None, metadata=ABSENT_OR_SET)
    organization: TasksPart | None = field(default=None, metadata=ABSENT_OR_SET)
    parts: list[Part] = field(default_factory=list)
    closing: str
    recipients: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    reporting: Reporting = field(default_factory=Reporting)
    task_table: TaskTable | None = None  # Phụ lục: Danh mục nhiệm vụ, generated from the tasks
    file: str = field(default="", compare=False, metadata=INTERNAL)
    # the file as written, for columns
    lines: list[str] = field(default_factory=list, repr=False, metadata=INTERNAL)

    def all_parts(self) -> list[Part]:
        """Every part in document order: the fixed keys first, as parts, then `parts`."""
        cached: list[Part] | None = self.__dict__.get("_parts")
        if cached is None:
            cached = [*_fixed_parts(self), *self.parts]
            self.__dict__["_parts"] = cached
        return cached

    def walk(self) -> list[Placed]:
        """Every node of the outline in document order, with its marker and display number."""
        out: list[Placed] = []
        for p, part in enumerate(self.all_parts(), 1):
            _walk(part, part.items, roman(p), 1, out, "")
        return out

    def sections(self) -> list[Section]:
        return [placed.node for placed in self.walk()]

    def tasks(self) -> list[Task]:
        return [t for s in self.sections() for t in s.tasks]

    def placed_tasks(self) -> list[PlacedTask]:
        """Every task in document order with the display number of the place that holds it:
        the one walk of the outline that boards, forms and prompts share."""
        return [
            PlacedTask(placed.number, placed.node, task, placed.part, placed.heading)
            for placed in self.walk()
            for task in placed.node.tasks
        ]

    def ref_holders(self) -> list[Paragraph | Task]:
        """The records that list the documents they implement in `refs`."""
        return [*self.basis, *self.tasks()]

    def symbol(self) -> str:
        """The plan's own number and symbol, e.g. `/KH-SNgV` while the number is blank."""
        doc = self.document
        return f"{doc.number or ''}/{doc.type}-{doc.agency.code}"

    def texts(self) -> list[tuple[Located, str, str]]:
        """Every text field as (record, field name, text), in document order."""
        doc = self.document
        out: list[tuple[Located, str, str]] = [
            (doc.agency, "name", doc.agency.name),
        ]
        if doc.agency.superior is not None:
            out.append((doc.agency, "superior", doc.agency.superior))
        if doc.agency.superior_short is not None:
            out.append((doc.agency, "superior_short", doc.agency.superior_short))
        out += [(doc.agency, f"name_lines.{i}", x) for i, x in enumerate(doc.agency.name_lines)]
        out += [
            (doc.agency, f"superior_lines.{i}", x) for i, x in enumerate(doc.agency.superior_lines)
        ]
        out += [
            (doc, "place", doc.place),
            (doc, "subject", doc.subject),
        ]
        out += [(doc, f"subject_lines.{i}", x) for i, x in enumerate(doc.subject_lines)]
        out += [(p, "text", p.text) for p in self.basis]
        walked = self.walk()
        outline: list[tuple[Located, str, str | None]] = []
        for part in self.all_parts():
            outline += [(part, "title", part.title), (part, "text", part.text)]
            for placed in walked:
                if placed.part is part:
                    node = placed.node
                    outline += [(node, "title", node.title), (node, "text", node.text)]
                    for t in node.tasks:
                        outline.append((t, "text", t.text))
                        outline.append((t, "deliverable", t.deliverable))
        out += [(record, name, text) for record, name, text in outline if text is not None]
        out.append((self, "closing", self.closing))
        out += [(self, f"recipients.{i}", r) for i, r in enumerate(self.recipients)]
        if doc.signer is not None:
            signer = doc.signer
            out += [
                (signer, f"authority_lines.{i}", x) for i, x in enumerate(signer.authority_lines)
            ]
            out += [(signer, "title", signer.title), (signer, "name", signer.name)]
        return out


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


# The letters of điểm a), b), …: the Vietnamese alphabet without its accented letters and without
# f, j, w, z (Thông tư 01/2011/TT-BNV, NĐ 30/2020 Phụ lục I), as plans number them.
LETTERS = "abcdđeghiklmnopqrstuvxy"


def letter(n: int) -> str:
    """The n-th điểm's letter (1 → a); past y, doubled (aa, bb, …), as long lists do."""
    return LETTERS[(n - 1) % len(LETTERS)] * ((n - 1) // len(LETTERS) + 1)


def _walk(
    part: Part, nodes: list[Section], number: str, depth: int, out: list[Placed], heading: str
) -> None:
    counts: dict[str, int] = {}
    for node in nodes:
        mark = node.mark or MARKS[min(depth, len(MARKS)) - 1]
        counts[mark] = counts.get(mark, 0) + 1
        n = counts[mark]
        if mark == "number":
            marker, here = f"{n}.", f"{number}.{n}"
        elif mark == "letter":
            marker, here = f"{letter(n)})", f"{number}.{letter(n)}"
        else:
            marker, here = {"dash": "-", "plus": "+", "none": ""}[mark], number
        title = node.title or heading
        if not node.title and node.text and mark in ("number", "letter"):
            from dvcq.titles import derived_title  # a numbered place's words name it

            title = derived_title(node.text)
        out.append(Placed(part, node, marker, here, depth, title))
        _walk(part, node.items, here, depth + 1, out, title)


def _fixed_parts(plan: "Plan") -> list[Part]:
    """The fixed keys as parts: `objectives` (its items become numbered nodes, keeping their
    records' positions), `contents` and `organization` (their sections are the nodes)."""
    out = []
    if plan.objectives is not None:
        o = plan.objectives
        items = []
        for item in o.items:
            node = Section(id=item.id, text=item.text)
            node.pos, node.at = item.pos, item.at
            items.append(node)
        out.append(_part("objectives", "objectives", o.title, items, o))
    if plan.contents is not None:
        c = plan.contents
        out.append(_part("contents", "contents", c.title, c.sections, c))
    if plan.organization is not None:
        g = plan.organization
        out.append(_part("organization", "implementation", g.title, g.sections, g))
    return out


def _part(key: str, role: Role, title: str, items: list[Section], where: Located) -> Part:
    part = Part(role=role, title=title, items=items, key=key)
    part.pos, part.at = where.pos, where.at
    return part


# --- building records from nodes ---------------------------------------------------------------

T = TypeVar("T", bound=Located)
_NONE: Any = type(None)


@cache
def _spec(cls: Any) -> list[tuple[str, Any, bool, Any]]:
    """(name, type, required, default factory) for each field a YAML file may set."""
    hints = {f.name: f.type for f in fields(cls)}
    if any(isinstance(tp, str) for tp in hints.values()):  # postponed annotations elsewhere
        hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        if f.metadata.get("internal"):
            continue
        required = f.default is MISSING and f.default_factory is MISSING
        default = f.default_factory if f.default_factory is not MISSING else (lambda v=f.default: v)
        out.append((f.name, hints[f.name], required, default))
    return out


@cache
def _absent_or_set(cls: Any) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.metadata.get("absent_or_set"))


def field_names(cls: type) -> list[str]:
    return [name for name, *_ in _spec(cls)]


class Builder:
    """Converts nodes into records, reporting each mismatch with the schema as a problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, pos: Pos, rule: str, **params: Any) -> None:
        self.problems.append(Problem(self.file, pos, rule, params))

    def record(self, cls: Any, node: Node, where: str, path: str | None = None) -> Any:
        """The record `cls` from a mapping node, or None when a required field is unusable.

        `where` names the mapping in messages ("progress", "document.signer"); `path` prefixes
        the keys named in them (default: `where`; "" for keys named alone, as in an entry)."""
        path = where if path is None else path
        if not isinstance(node.value, dict):
            self.problem(
                node.pos, "wrong-type", key=where, expected="mapping", got=kind_of(node.value)
            )
            return None
        spec = _spec(cls)
        known = [name for name, *_ in spec]
        for key in node.value:
            if key not in known:
                self.problem(
                    node.key_pos[key],
                    "unknown-key",
                    key=key,
                    where=where,
                    suggestion=suggest(key, known),
                    known=", ".join(known),
                )
        values: dict[str, Any] = {}
        at: dict[str, Pos] = {}
        ok = True
        for name, tp, required, default in spec:
            child = node.value.get(name)
            if child is None:
                if required:
                    self.problem(node.pos, "missing-key", key=name, where=where)
                    ok = False
                else:
                    values[name] = default()
                continue
            at[name] = child.pos
            if child.value is None and name in _absent_or_set(cls):
                self.problem(
                    child.pos,
                    "wrong-type",
                    key=f"{path}.{name}" if path else name,
                    expected="mapping",
                    got=kind_of(None),
                )
                continue
            value, good = self.convert(tp, child, f"{path}.{name}" if path else name, at, name)
            if good:
                values[name] = value
            elif required:
                ok = False
            else:
                values[name] = default()
        if not ok:
            return None
        obj = cls(**values)
        obj.pos = node.pos
        obj.at = at
        return obj

    def convert(
        self, tp: Any, node: Node, where: str, at: dict[str, Pos], name: str
    ) -> tuple[Any, bool]:
        if isinstance(node.value, Refused):  # the reader reported it (number-too-large)
            return None, False
        origin = get_origin(tp)
        args = get_args(tp)
        if origin in (types.UnionType, typing.Union):  # X | None
            if node.value is None:
                return None, True
            tp = next(a for a in args if a is not _NONE)
            origin, args = get_origin(tp), get_args(tp)
        if tp is Any:  # taken as written; a rule judges it (an entry's indicator values)
            return plain(node), True
        if origin is dict:
            if not isinstance(node.value, dict):
                self.problem(
                    node.pos, "wrong-type", key=where, expected="mapping", got=kind_of(node.value)
                )
                return None, False
            out = {}
            for key, item in node.value.items():
                value, good = self.convert(args[1], item, f"{where}.{key}", at, f"{name}.{key}")
                if good:
                    out[key] = value
            return out, True
        if origin is list:
            if not isinstance(node.value, list):
                self.problem(
                    node.pos, "wrong-type", key=where, expected="list", got=kind_of(node.value)
                )
                return None, False
            items = []
            for i, item in enumerate(node.value):
                at[f"{name}.{i}"] = item.pos
                value, good = self.convert(args[0], item, f"{where}[{i}]", at, f"{name}.{i}")
                if good:
                    items.append(value)
            return items, True
        if origin is Literal:
            if node.value not in args:
                self.problem(
                    node.pos,
                    "invalid-value",
                    key=where,
                    value=str(node.value),
                    choices=", ".join(map(str, args)),
                )
                return None, False
            return node.value, True
        if is_record(tp):
            obj = self.record(tp, node, where)
            return obj, obj is not None
        value = node.value
        if tp is str:
            if isinstance(value, str):
                return value, True
            if isinstance(value, int | float) and not isinstance(value, bool):
                return str(value), True  # `number: 12` means the text "12"
        elif tp is int and isinstance(value, int) and not isinstance(value, bool):
            return value, True
        self.problem(
            node.pos, "wrong-type", key=where, expected=_type_name(tp), got=kind_of(node.value)
        )
        return None, False


def plain(node: Node) -> Any:
    """A node's value as plain Python data."""
    if isinstance(node.value, list):
        return [plain(item) for item in node.value]
    if isinstance(node.value, dict):
        return {key: plain(value) for key, value in node.value.items()}
    return node.value


def _type_name(tp: Any) -> str:
    return {str: "text", int: "integer"}.get(tp, getattr(tp, "__name__", str(tp)))


def build_plan(node: Node, file: str, text: str = "") -> tuple[Plan | None, list[Problem]]:
    builder = Builder(file)
    plan = builder.record(Plan, node, "")
    if plan is not None:
        for i, part in enumerate(plan.parts):
            part.key = f"parts.{i}"
        if not plan.all_parts() and "parts" not in plan.at:
            builder.problem(node.pos, "missing-key", key="parts", where="")
        plan.file = file
        plan.lines = text.replace("\r\n", "\n").split("\n")
    return plan, builder.problems


# --- progress entries ------------------------------------------------------------------------------
# An entry of a progress file (`progress/<year>/<YYYY-MM>.yaml`, dvcq.progress.store) is a record
# like the plan's, built by the same Builder, so one validator serves both kinds of file.

# Status keys (ASCII, stable in files) and their Vietnamese and English labels.
STATUSES: dict[str, tuple[str, str]] = {
    "chua-trien-khai": ("Chưa triển khai", "Not started"),
    "dang-thuc-hien": ("Đang thực hiện", "In progress"),
    "hoan-thanh": ("Hoàn thành", "Done"),
}
DONE = "hoan-thanh"
Status = Literal["chua-trien-khai", "dang-thuc-hien", "hoan-thanh"]  # the keys of STATUSES


# The same kind of record as the plan's, built by the same Builder: the record is the schema of a
# progress line (`dvcq schema progress` walks it), and its field order is the order on the line.
@record(kw_only=True, eq=False, repr=False, slots=True)
class Entry(Located):
    """One progress entry: what `unit` did on `task`, dated `date`."""

    id: str
    task: str
    date: str = field(metadata={"schema": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}})
    unit: str
    status: Status
    result: str
    evidence: list[str] = field(default_factory=list)
    # indicator key -> number: the builder takes any value, the entry-value rule judges it
    values: dict[str, Any] = field(
        default_factory=dict,
        metadata={"schema": {"additionalProperties": {"type": "number", "minimum": 0}}},
    )
    author: str
    supersedes: str | None = None
    file: str = field(default="", metadata=INTERNAL)
    # The line as written (fast path), to find a field's column without a YAML parse.
    text: str | None = field(default=None, metadata=INTERNAL)

    @property
    def line(self) -> int:
        return self.pos.line

    def where(self, name: str, index: int | None = None) -> Pos:
        if self.at or self.text is None:
            return Located.where(self, name, index)  # slots: no zero-argument super()
        return value_pos(self.text, name, self.pos)

    def day(self) -> dt.date | None:
        """The entry's date when it is a real YYYY-MM-DD day (the checker reports the others)."""
        try:
            return parse_iso(self.date)
        except DateError:
            return None

    def to_dict(self) -> dict[str, Any]:
        """The entry's fields in file order (FIELDS)."""
        return {name: getattr(self, name) for name in FIELDS}

    def to_line(self) -> str:
        """The line as stored: empty optional fields left out, so lines stay short."""
        import json  # only writers need it, not `dvcq check`

        data = {k: v for k, v in self.to_dict().items() if v or k in REQUIRED}
        text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
        return "- " + text + "\n"


FIELDS = tuple(field_names(Entry))
REQUIRED = tuple(name for name, _, required, _ in _spec(Entry) if required)


def value_pos(text: str, name: str, default: Pos) -> Pos:
    """Where the value of `name` starts on a line as dvcq writes it (at the text, not its quote,
    as the YAML reader points)."""
    at = text.find(f'"{name}":')
    if at < 0:
        return default
    value = at + len(name) + 3
    while value < len(text) and text[value] == " ":
        value += 1
    if text[value : value + 1] == '"':
        value += 1
    return Pos(default.line, value + 1)


@record
class Progress:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Entries built although reading them found an error (an unknown key, a value of the wrong
    # type), each with that problem (also in `problems`): readers leave them out.
    flawed: list[tuple[Entry, Problem]] = field(default_factory=list)

    def current(self) -> list[Entry]:
        """Entries that no later entry supersedes: what reports and the board use."""
        replaced = {e.supersedes for e in self.entries if e.supersedes}
        return [e for e in self.entries if e.id not in replaced]
