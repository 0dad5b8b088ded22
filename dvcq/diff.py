"""Semantic diff of two plans by stable id, plans read from git revisions, and git's textconv view.

`diff_plans` compares the records, not the lines: a task keeps its id when it moves or is
reworded, so the diff says "task X moved to section Y" or "owner of task X: VP → LDS" where a line
diff shows a block deleted and another added. Prose is compared word by word (NFC, whitespace-split,
so re-wrapping a YAML string is no change). `textconv` flattens a plan into one line per field,
each prefixed with its id path, for `git diff` through a textconv driver.
"""

from __future__ import annotations

import difflib
import json
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dvcq.errors import DvcqError
from dvcq.model import DocDate, Objective, Plan, Section, Task, TasksPart, build_plan
from dvcq.problems import Problem
from dvcq.yamlio import nfc, parse, read_text

JSON_VERSION = 1
Words = list[tuple[str, str]]  # ("=" | "-" | "+", words joined by single spaces)

# Scope of a change -> (Vietnamese noun, English noun), for messages.
_SCOPES = {
    "document": ("thông tin văn bản", "document"),
    "basis": ("đoạn căn cứ", "basis paragraph"),
    "part": ("phần", "part"),
    "objective": ("mục tiêu", "objective"),
    "section": ("mục", "section"),
    "task": ("nhiệm vụ", "task"),
    "closing": ("đoạn kết", "closing paragraph"),
    "recipient": ("nơi nhận", "recipient"),
    "unit": ("đơn vị", "unit"),
    "directive": ("văn bản viện dẫn", "directive"),
    "indicator": ("chỉ tiêu", "indicator"),
    "reporting": ("kỳ báo cáo", "reporting"),
}
_FIELDS = {
    "owner": ("đơn vị chủ trì", "owner"),
    "cadence": ("tính chất", "cadence"),
    "due": ("thời hạn", "due date"),
    "unit": ("đơn vị phụ trách", "unit"),
    "name": ("tên", "name"),
    "title": ("tên", "title"),
    "type": ("loại", "type"),
    "number": ("số", "number"),
    "place": ("địa danh", "place"),
    "date": ("ngày", "date"),
    "subject": ("trích yếu", "subject"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "agency.code": ("mã cơ quan", "agency code"),
    "agency.name": ("tên cơ quan", "agency name"),
    "agency.superior": ("cơ quan cấp trên", "superior"),
    "agency.superior_short": ("tên gọn cơ quan cấp trên", "superior (short)"),
    "signer.authority": ("thẩm quyền ký", "signing authority"),
    "signer.title": ("chức vụ người ký", "signer's title"),
    "signer.name": ("người ký", "signer"),
    "aggregation": ("cách cộng dồn", "aggregation"),
    "cutoff_day": ("ngày chốt số liệu", "cut-off day"),
    "windows": ("khung thời gian", "windows"),
}
_PARTS = {"objectives": "I", "contents": "II", "organization": "III"}
_VERBS = {
    "added": ("Thêm", "Added"),
    "removed": ("Bỏ", "Removed"),
    "moved": ("Chuyển", "Moved"),
    "reworded": ("Sửa lời", "Reworded"),
    "retitled": ("Sửa tên", "Retitled"),
    "changed": ("Đổi", "Changed"),
}
# Kinds about one item of a task's (or paragraph's) list: stem -> (Vietnamese, English) noun.
_ITEMS = {
    "support": ("đơn vị phối hợp", "Support unit"),
    "ref": ("văn bản viện dẫn", "Reference"),
    "task-indicator": ("chỉ tiêu", "Indicator"),
}


@dataclass
class Change:
    """One difference between two plans; `kind` is a stable kebab-case code (see README)."""

    kind: str
    scope: str
    id: str
    old: Any = None
    new: Any = None
    field: str | None = None
    section: str | None = None  # the section a task change belongs to, for grouping
    words: Words | None = None  # word diff, for reworded prose

    def message(self, lang: str, markdown: bool = False) -> str:
        vi = lang == "vi"
        noun = _SCOPES[self.scope][0 if vi else 1]
        shown = _PARTS.get(self.id, self.id) if self.scope == "part" else self.id
        what = f"{noun} {_code(shown, markdown)}" if shown and self.scope != "document" else noun
        old, new = _value(self.old, lang, markdown), _value(self.new, lang, markdown)
        stem, _, verb = self.kind.rpartition("-")
        if stem in _ITEMS and verb in ("added", "removed"):  # an item of a task's list
            vi_item, en_item = _ITEMS[stem]
            added = verb == "added"
            item = new if added else old
            if vi:
                return f"{'Thêm' if added else 'Bỏ'} {vi_item} {item} ({what})"
            return f"{en_item} {item} {'added to' if added else 'removed from'} {what}"
        words = self.words
        change = render_words(words, markdown) if words is not None else f"{old} → {new}"
        vi_verb, en_verb = _VERBS.get(verb, ("Đổi", "Changed"))
        if verb in ("added", "removed"):
            return f"{vi_verb if vi else en_verb} {what}: {new if verb == 'added' else old}"
        if verb == "changed" and self.field:
            name = _FIELDS.get(self.field, (self.field, self.field))[0 if vi else 1]
            what = f"{name} {'của' if vi else 'of'} {what}"
        return f"{vi_verb if vi else en_verb} {what}: {change}"

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "scope": self.scope,
            "id": self.id,
            "field": self.field,
            "section": self.section,
            "old": self.old,
            "new": self.new,
            "words": [list(w) for w in self.words] if self.words is not None else None,
            "message": self.message(lang),
        }


def _code(text: str, markdown: bool) -> str:
    return f"`{text}`" if markdown else text


def _value(value: Any, lang: str, markdown: bool) -> str:
    vi = lang == "vi"
    if value is None or value == "":
        return "(trống)" if vi else "(none)"
    if isinstance(value, dict):  # a position: {"part"|"section": ..., "position": n}
        where = []
        if "part" in value:
            where.append(f"{'phần' if vi else 'part'} {_PARTS.get(value['part'], value['part'])}")
        if "section" in value:
            where.append(f"{'mục' if vi else 'section'} {_code(value['section'], markdown)}")
        where.append(f"{'vị trí' if vi else 'position'} {value['position']}")
        return ", ".join(where)
    if isinstance(value, list):
        return ", ".join(_value(v, lang, markdown) for v in value) or _value(None, lang, markdown)
    text = str(value)
    if not markdown:
        return text
    return f"`{text}`" if len(text) <= 40 and not any(c.isspace() for c in text) else _md(text)


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_~[]<>|#"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


# --- word diff ----------------------------------------------------------------------------------


def word_diff(old: str, new: str) -> Words:
    """Word-level edit script of two texts (NFC, split on whitespace)."""
    a, b = nfc(old).split(), nfc(new).split()
    out: Words = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def render_words(words: Words, markdown: bool = False, context: int = 6) -> str:
    """`[-old-]{+new+}` (like `git diff --word-diff`) or `~~old~~ **new**` in Markdown; long runs
    of unchanged words are shortened to `…` around `context` words of each change."""
    parts: list[str] = []
    last = len(words) - 1
    for i, (op, text) in enumerate(words):
        if op == "=":
            w = text.split()
            after, before = i > 0, i < last  # unchanged words after / before a change
            if len(w) > context * (after + before) + 1:
                pieces = [" ".join(w[:context])] if after else []
                pieces.append("…")
                pieces += [" ".join(w[-context:])] if before else []
                text = " ".join(pieces)
            parts.append(_md(text) if markdown else text)
        elif op == "-":
            parts.append(f"~~{_md(text)}~~" if markdown else f"[-{text}-]")
        else:
            parts.append(f"**{_md(text)}**" if markdown else f"{{+{text}+}}")
    return " ".join(parts)


# --- comparing plans -----------------------------------------------------------------------------


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    """Every difference between two plans, in document order."""
    out: list[Change] = []
    out += _document(old, new)
    out += _paragraphs("basis", [p.text for p in old.basis], [p.text for p in new.basis])
    out += _basis_refs(old, new)
    out += _parts(old, new)
    out += _objectives(old, new)
    out += _sections(old, new)
    out += _tasks(old, new)
    if _words_of(old.closing) != _words_of(new.closing):
        words = word_diff(old.closing, new.closing)
        out.append(Change("closing-reworded", "closing", "", old.closing, new.closing, words=words))
    out += _paragraphs("recipient", old.recipients, new.recipients)
    out += _records("unit", _units(old), _units(new))
    out += _records("directive", _directives(old), _directives(new))
    out += _records("indicator", _indicators(old), _indicators(new))
    out += _fields("reporting", "", None, _reporting(old), _reporting(new))
    return out


def _words_of(text: str | None) -> list[str]:
    return nfc(text or "").split()


def _units(plan: Plan) -> dict[str, dict[str, Any]]:
    return {u.id: {"name": u.name} for u in plan.units}


def _directives(plan: Plan) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d in plan.directives:
        out.setdefault(
            d.symbol, {"type": d.type, "date": d.date, "issuer": d.issuer, "subject": d.subject}
        )
    return out


def _indicators(plan: Plan) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in plan.indicators:
        out.setdefault(i.key, {"name": i.name, "unit": i.unit, "aggregation": i.aggregation})
    return out


def _reporting(plan: Plan) -> dict[str, Any]:
    r = plan.reporting
    return {
        "cutoff_day": r.cutoff_day,
        "windows": [f"{w.period}: {w.start}..{w.end}" for w in r.windows],
    }


def date_text(date: DocDate) -> str:
    month = f"{date.month:02d}" if date.month else "??"
    day = f"{date.day:02d}" if date.day else "??"
    return f"{date.year}-{month}-{day}"


def _document_fields(plan: Plan) -> dict[str, Any]:
    doc = plan.document
    signer = doc.signer
    return {
        "type": doc.type,
        "number": doc.number,
        "agency.code": doc.agency.code,
        "agency.name": doc.agency.name,
        "agency.superior": doc.agency.superior,
        "agency.superior_short": doc.agency.superior_short,
        "place": doc.place,
        "date": date_text(doc.date),
        "subject": doc.subject,
        "signer.authority": signer.authority if signer else None,
        "signer.title": signer.title if signer else None,
        "signer.name": signer.name if signer else None,
    }


def _document(old: Plan, new: Plan) -> list[Change]:
    a, b = _document_fields(old), _document_fields(new)
    return [
        Change("document-changed", "document", name, a[name], b[name], field=name)
        for name in a
        if a[name] != b[name]
    ]


def _fields(
    scope: str, id: str, section: str | None, a: dict[str, Any], b: dict[str, Any]
) -> Iterator[Change]:
    """`<scope>-changed` for each field whose value differs (prose gets a word diff)."""
    for name in a:
        if a[name] == b.get(name):
            continue
        words = None
        if isinstance(a[name], str) and isinstance(b.get(name), str) and " " in a[name] + b[name]:
            if _words_of(a[name]) == _words_of(b[name]):
                continue
            words = word_diff(a[name], b[name])
        yield Change(
            f"{scope}-changed", scope, id, a[name], b.get(name), name, section, words=words
        )


def _records(
    scope: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> list[Change]:
    out: list[Change] = []
    for key, fields_ in old.items():
        if key not in new:
            out.append(Change(f"{scope}-removed", scope, key, old=_summary(fields_)))
    for key, fields_ in new.items():
        if key not in old:
            out.append(Change(f"{scope}-added", scope, key, new=_summary(fields_)))
        else:
            out += _fields(scope, key, None, old[key], fields_)
    return out


def _summary(fields_: dict[str, Any]) -> str:
    return "; ".join(str(v) for v in fields_.values() if v not in (None, ""))


def _paragraphs(scope: str, old: Sequence[str], new: Sequence[str]) -> list[Change]:
    """Records without ids (basis paragraphs, recipients), aligned by their text."""
    out: list[Change] = []
    a, b = [" ".join(_words_of(t)) for t in old], [" ".join(_words_of(t)) for t in new]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(pairs):
            kind = f"{scope}-reworded" if scope == "basis" else f"{scope}-changed"
            out.append(
                Change(
                    kind,
                    scope,
                    str(j1 + k + 1),
                    old[i1 + k],
                    new[j1 + k],
                    words=word_diff(old[i1 + k], new[j1 + k]),
                )
            )
        for i in range(i1 + pairs, i2):
            out.append(Change(f"{scope}-removed", scope, str(i + 1), old=old[i]))
        for j in range(j1 + pairs, j2):
            out.append(Change(f"{scope}-added", scope, str(j + 1), new=new[j]))
    return out


def _list_changes(
    kind: str, scope: str, id: str, section: str | None, old: list[str], new: list[str]
) -> list[Change]:
    out = [
        Change(f"{kind}-removed", scope, id, old=x, section=section) for x in old if x not in new
    ]
    out += [Change(f"{kind}-added", scope, id, new=x, section=section) for x in new if x not in old]
    return out


def _basis_refs(old: Plan, new: Plan) -> list[Change]:
    """References of basis paragraphs: compared per paragraph when the paragraph is kept."""
    a = {" ".join(_words_of(p.text)): p.refs for p in old.basis}
    out: list[Change] = []
    for n, p in enumerate(new.basis, 1):
        refs = a.get(" ".join(_words_of(p.text)))
        if refs is None and len(old.basis) == len(new.basis):
            refs = old.basis[n - 1].refs  # reworded in place
        if refs is not None:
            out += _list_changes("ref", "basis", str(n), None, refs, p.refs)
    return out


def _parts(old: Plan, new: Plan) -> list[Change]:
    pairs = [
        ("objectives", old.objectives.title, new.objectives.title),
        ("contents", old.contents.title, new.contents.title),
        ("organization", old.organization.title, new.organization.title),
    ]
    return [
        Change("part-retitled", "part", name, a, b, words=word_diff(a, b))
        for name, a, b in pairs
        if _words_of(a) != _words_of(b)
    ]


def _moved(old_order: list[str], new_order: list[str]) -> set[str]:
    """Ids whose order relative to the others changed (outside the longest common run)."""
    matcher = difflib.SequenceMatcher(None, old_order, new_order, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(new_order[block.b : block.b + block.size])
    return set(new_order) - kept


def _objectives(old: Plan, new: Plan) -> list[Change]:
    a: dict[str, tuple[int, Objective]] = {}
    b: dict[str, tuple[int, Objective]] = {}
    for index, plan in ((a, old), (b, new)):
        for i, o in enumerate(plan.objectives.items, 1):
            index.setdefault(o.id, (i, o))
    out = [Change("objective-removed", "objective", k, old=o.text) for k, (_, o) in a.items()]
    out = [c for c in out if c.id not in b]
    moved = _moved([k for k in a if k in b], [k for k in b if k in a])
    for key, (pos, obj) in b.items():
        if key not in a:
            out.append(Change("objective-added", "objective", key, new=obj.text))
            continue
        old_pos, old_obj = a[key]
        if key in moved:
            out.append(
                Change(
                    "objective-moved", "objective", key, {"position": old_pos}, {"position": pos}
                )
            )
        if _words_of(old_obj.text) != _words_of(obj.text):
            out.append(
                Change(
                    "objective-reworded",
                    "objective",
                    key,
                    old_obj.text,
                    obj.text,
                    words=word_diff(old_obj.text, obj.text),
                )
            )
    return _sorted_like(out, [*b, *a])


def _sorted_like(changes: list[Change], order: list[str]) -> list[Change]:
    rank: dict[str, int] = {}
    for key in order:
        rank.setdefault(key, len(rank))
    return sorted(changes, key=lambda c: rank.get(c.id, len(rank)))


def _section_index(plan: Plan) -> dict[str, tuple[str, int, Section]]:
    """Section id -> (part name, 1-based position in the part, section); first one wins."""
    out: dict[str, tuple[str, int, Section]] = {}
    parts: list[tuple[str, TasksPart]] = [
        ("contents", plan.contents),
        ("organization", plan.organization),
    ]
    for name, part in parts:
        for i, section in enumerate(part.sections, 1):
            out.setdefault(section.id, (name, i, section))
    return out


def _sections(old: Plan, new: Plan) -> list[Change]:
    a, b = _section_index(old), _section_index(new)
    out: list[Change] = []
    for key, (_, _, s) in a.items():
        if key not in b:
            out.append(Change("section-removed", "section", key, old=s.title, section=key))
    moved: set[str] = set()
    for part in ("contents", "organization"):
        stay = [k for k, (p, _, _) in a.items() if k in b and p == part and b[k][0] == part]
        moved |= _moved(stay, [k for k, (p, _, _) in b.items() if k in stay])
    for key, (part, pos, s) in b.items():
        if key not in a:
            out.append(Change("section-added", "section", key, new=s.title, section=key))
            continue
        old_part, old_pos, old_s = a[key]
        if old_part != part or key in moved:
            out.append(
                Change(
                    "section-moved",
                    "section",
                    key,
                    {"part": old_part, "position": old_pos},
                    {"part": part, "position": pos},
                    section=key,
                )
            )
        if _words_of(old_s.title) != _words_of(s.title):
            out.append(
                Change(
                    "section-retitled",
                    "section",
                    key,
                    old_s.title,
                    s.title,
                    field="title",
                    section=key,
                    words=word_diff(old_s.title, s.title),
                )
            )
        if old_s.unit != s.unit:
            out.append(Change("section-changed", "section", key, old_s.unit, s.unit, "unit", key))
    return out


def _task_index(plan: Plan) -> dict[str, tuple[str, int, Task]]:
    out: dict[str, tuple[str, int, Task]] = {}
    for section in plan.sections():
        for i, task in enumerate(section.tasks, 1):
            out.setdefault(task.id, (section.id, i, task))
    return out


def _tasks(old: Plan, new: Plan) -> list[Change]:
    a, b = _task_index(old), _task_index(new)
    out: list[Change] = []
    for key, (sec, _, t) in a.items():
        if key not in b:
            out.append(Change("task-removed", "task", key, old=t.text, section=sec))
    moved: set[str] = set()
    for section in new.sections():
        stay = [k for k, (s, _, _) in a.items() if s == section.id and k in b and b[k][0] == s]
        moved |= _moved(stay, [k for k, (s, _, _) in b.items() if k in stay])
    for key, (sec, pos, t) in b.items():
        if key not in a:
            out.append(Change("task-added", "task", key, new=t.text, section=sec))
            continue
        old_sec, old_pos, o = a[key]
        if old_sec != sec or key in moved:
            out.append(
                Change(
                    "task-moved",
                    "task",
                    key,
                    {"section": old_sec, "position": old_pos},
                    {"section": sec, "position": pos},
                    section=sec,
                )
            )
        if _words_of(o.text) != _words_of(t.text):
            words = word_diff(o.text, t.text)
            out.append(Change("task-reworded", "task", key, o.text, t.text, "text", sec, words))
        if o.owner != t.owner:
            out.append(Change("owner-changed", "task", key, o.owner, t.owner, "owner", sec))
        out += _list_changes("support", "task", key, sec, o.support, t.support)
        out += _list_changes("ref", "task", key, sec, o.refs, t.refs)
        for name in ("cadence", "due"):
            if getattr(o, name) != getattr(t, name):
                out.append(
                    Change(
                        f"{name}-changed",
                        "task",
                        key,
                        getattr(o, name),
                        getattr(t, name),
                        name,
                        sec,
                    )
                )
        out += _list_changes("task-indicator", "task", key, sec, o.indicators, t.indicators)
    # Group by section (new order, removed sections last), keeping document order inside.
    order = [s.id for s in new.sections()] + [s.id for s in old.sections()]
    rank: dict[str, int] = {}
    for key in order:
        rank.setdefault(key, len(rank))
    return sorted(out, key=lambda c: rank.get(c.section or "", len(rank)))


# --- reading plans from files and git ------------------------------------------------------------


@dataclass
class Side:
    """One side of a diff: where the plan came from, and the plan."""

    label: str  # e.g. "HEAD:plans/2026.yaml" or "plans/2026.yaml"
    plan: Plan
    problems: list[Problem] = field(default_factory=list)


def plan_from_text(text: str, file: str) -> tuple[Plan | None, list[Problem]]:
    """Build a plan from YAML text through the one YAML door; rules are not run."""
    node, problems = parse(text, file)
    if node is None:
        return None, problems
    plan, more = build_plan(node, file, text)
    return plan, problems + more


def _unbuildable(file: str, problems: list[Problem]) -> DvcqError:
    from dvcq import rules

    rules.load_all()
    if not problems:
        return DvcqError(f"Không đọc được kế hoạch {file}.", f"Cannot read plan {file}.")
    first = min(problems, key=lambda p: p.sort_key)
    where = f"{first.file}:{first.pos.line}:{first.pos.col}"
    return DvcqError(
        f"Không dựng được kế hoạch {file} để so sánh; lỗi đầu tiên ở {where}: "
        f"{rules.message(first, 'vi')}",
        f"Cannot build plan {file} to compare it; first problem at {where}: "
        f"{rules.message(first, 'en')}",
    )


def load_text(text: str, label: str) -> Side:
    plan, problems = plan_from_text(text, label)
    if plan is None:
        raise _unbuildable(label, problems)
    return Side(label, plan, problems)


def load_file(path: Path) -> Side:
    text, problem = read_text(path)
    if text is None:
        raise _unbuildable(str(path), [problem] if problem else [])
    return load_text(text, str(path))


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise DvcqError(
            "Không tìm thấy chương trình git; hãy cài git hoặc so sánh hai tệp: dvcq diff A.yaml B.yaml.",
            "git is not installed; install it or compare two files: dvcq diff A.yaml B.yaml.",
        ) from None


def repo_root(path: Path) -> Path:
    """The top folder of the git repository holding `path`, or stop with why."""
    folder = path.resolve().parent
    while not folder.is_dir():  # the file (and its folder) may exist only in history
        folder = folder.parent
    run = _git(["rev-parse", "--show-toplevel"], folder)
    if run.returncode != 0:
        raise DvcqError(
            f"Thư mục {folder} không nằm trong kho git, nên không so sánh theo phiên bản được. "
            "Hãy chạy trong kho git, hoặc so sánh hai tệp: dvcq diff A.yaml B.yaml.",
            f"Folder {folder} is not inside a git repository, so there are no revisions to "
            "compare. Run inside a git repository, or compare two files: dvcq diff A.yaml B.yaml.",
        )
    return Path(run.stdout.decode("utf-8", "replace").strip())


def load_revision(rev: str, path: Path) -> Side:
    """The plan at `path` as committed in revision `rev` (`git show REV:path`)."""
    root = repo_root(path)
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    label = f"{rev}:{rel}"
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise DvcqError(
            f"Không có phiên bản “{rev}” trong kho git {root}. Xem các phiên bản bằng `git log`.",
            f"There is no revision “{rev}” in the git repository {root}. See `git log`.",
        )
    run = _git(["show", f"{rev}:{rel}"], root)
    if run.returncode != 0:
        raise DvcqError(
            f"Tệp {rel} không có trong phiên bản {rev}. Chọn tệp khác bằng --path.",
            f"File {rel} does not exist at revision {rev}. Name another one with --path.",
        )
    data = run.stdout
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DvcqError(
            f"Tệp {label} không phải văn bản UTF-8.", f"File {label} is not UTF-8 text."
        ) from None
    return load_text(text, label)


# --- output ------------------------------------------------------------------------------------


def _groups(changes: list[Change], old: Plan, new: Plan) -> list[tuple[str, list[Change]]]:
    """Changes grouped under headings: one per section, one per other scope, in order."""
    titles = {s.id: s.title for s in old.sections()} | {s.id: s.title for s in new.sections()}
    groups: dict[str, list[Change]] = {}
    for change in changes:
        key = f"section:{change.section}" if change.section else change.scope
        groups.setdefault(key, []).append(change)
    out = []
    for key, items in groups.items():
        if key.startswith("section:"):
            sid = key.partition(":")[2]
            heading = f"{titles.get(sid, sid)} [{sid}]"
        else:
            heading = "__" + key
        out.append((heading, items))
    return out


def _heading(heading: str, lang: str) -> str:
    if heading.startswith("__"):
        noun = _SCOPES[heading[2:]][0 if lang == "vi" else 1]
        return noun[:1].upper() + noun[1:]
    return heading


def _count(n: int, lang: str) -> str:
    if lang == "vi":
        return f"{n} thay đổi" if n else "Không có thay đổi về nội dung"
    return f"{n} change{'s' if n != 1 else ''}" if n else "No change in content"


def to_text(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    lines = [f"{old.label} → {new.label}: {_count(len(changes), lang)}"]
    for heading, items in _groups(changes, old.plan, new.plan):
        lines.append("")
        lines.append(_heading(heading, lang))
        lines += [f"  {c.kind}: {c.message(lang)}" for c in items]
    return "\n".join(lines) + "\n"


def to_markdown(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    title = "Thay đổi kế hoạch" if lang == "vi" else "Plan changes"
    lines = [
        f"## {title}: `{old.label}` → `{new.label}`",
        "",
        f"{_count(len(changes), lang)}.",
    ]
    for heading, items in _groups(changes, old.plan, new.plan):
        lines += ["", f"### {_md(_heading(heading, lang))}", ""]
        lines += [f"- {c.message(lang, markdown=True)}" for c in items]
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change], old: Side, new: Side, lang: str) -> str:
    data = {
        "version": JSON_VERSION,
        "old": old.label,
        "new": new.label,
        "count": len(changes),
        "changes": [c.as_dict(lang) for c in changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- textconv ----------------------------------------------------------------------------------


def textconv_lines(plan: Plan) -> Iterator[str]:
    """The plan flattened to one line per field, each led by its id path, in document order."""

    def line(path: str, value: Any) -> Iterator[str]:
        if value is None or value == "":
            return
        yield f"{path}: {' '.join(nfc(str(value)).split())}"

    for name, value in _document_fields(plan).items():
        yield from line(f"document {name}", value)
    for n, p in enumerate(plan.basis, 1):
        yield from line(f"basis {n} text", p.text)
        for ref in p.refs:
            yield from line(f"basis {n} ref", ref)
    yield from line("objectives title", plan.objectives.title)
    for o in plan.objectives.items:
        yield from line(f"objective {o.id} text", o.text)
    for part_name, part in (("contents", plan.contents), ("organization", plan.organization)):
        yield from line(f"{part_name} title", part.title)
        for s in part.sections:
            yield from line(f"section {s.id} part", part_name)
            yield from line(f"section {s.id} title", s.title)
            yield from line(f"section {s.id} unit", s.unit)
            for t in s.tasks:
                head = f"task {t.id}"
                yield from line(f"{head} section", s.id)
                yield from line(f"{head} text", t.text)
                yield from line(f"{head} owner", t.owner)
                for unit in t.support:
                    yield from line(f"{head} support", unit)
                for ref in t.refs:
                    yield from line(f"{head} ref", ref)
                yield from line(f"{head} cadence", t.cadence)
                yield from line(f"{head} due", t.due)
                for key in t.indicators:
                    yield from line(f"{head} indicator", key)
    yield from line("closing", plan.closing)
    for n, r in enumerate(plan.recipients, 1):
        yield from line(f"recipient {n}", r)
    for u in plan.units:
        yield from line(f"unit {u.id} name", u.name)
    for symbol, values in _directives(plan).items():
        for name, value in values.items():
            yield from line(f"directive {symbol} {name}", value)
    for key, values in _indicators(plan).items():
        for name, value in values.items():
            yield from line(f"indicator {key} {name}", value)
    for name, value in _reporting(plan).items():
        for item in value if isinstance(value, list) else [value]:
            yield from line(f"reporting {name}", item)


def textconv(path: Path) -> str:
    """What git shows for a plan file: the flattened plan, or the file as it is when it cannot be
    built (so `git diff` keeps working on a broken plan)."""
    text, _ = read_text(path)
    if text is None:
        try:
            return path.read_bytes().decode("utf-8", "replace")
        except OSError:
            return ""
    plan, _ = plan_from_text(text, str(path))
    if plan is None:
        return text if text.endswith("\n") else text + "\n"
    return "".join(f"{line}\n" for line in textconv_lines(plan))
