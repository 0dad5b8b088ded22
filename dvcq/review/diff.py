"""Semantic diff of two plans by stable id (revisions.py reads them, diff_output.py shows them).

`diff_plans` compares the records, not the lines: a task keeps its id when it moves or is
reworded, so the diff says "task X moved to section Y" or "owner of task X: VP → LDS" where a line
diff shows a block deleted and another added. Prose is compared word by word (NFC, whitespace-split,
so re-wrapping a YAML string is no change).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dvcq.model import DocDate, Objective, Placed, Plan, Section, Task
from dvcq.yamlio import nfc

JSON_VERSION = 1
Words = list[tuple[str, str]]  # ("=" | "-" | "+", words joined by single spaces)

# Scope of a change -> (Vietnamese noun, English noun), for messages.
SCOPES = {
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
    "deliverable": ("sản phẩm", "deliverable"),
    "unit": ("đơn vị phụ trách", "unit"),
    "name": ("tên", "name"),
    "title": ("tên", "title"),
    "type": ("loại", "type"),
    "number": ("số", "number"),
    "place": ("địa danh", "place"),
    "date": ("ngày", "date"),
    "subject": ("trích yếu", "subject"),
    "subject_lines": ("dòng trích yếu", "subject lines"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "agency.code": ("mã cơ quan", "agency code"),
    "agency.name": ("tên cơ quan", "agency name"),
    "agency.superior": ("cơ quan cấp trên", "superior"),
    "agency.superior_short": ("tên gọn cơ quan cấp trên", "superior (short)"),
    "agency.name_lines": ("dòng tên cơ quan", "agency name lines"),
    "agency.superior_lines": ("dòng tên cơ quan cấp trên", "superior lines"),
    "signer.authority": ("thẩm quyền ký", "signing authority"),
    "signer.authority_lines": ("các dòng thẩm quyền ký", "authority lines"),
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
    "deadline": ("thời hạn", "Deadline"),
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
        noun = SCOPES[self.scope][0 if vi else 1]
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
    return (
        f"`{text}`" if len(text) <= 40 and not any(c.isspace() for c in text) else md_escape(text)
    )


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_~[]<>|#"})


def md_escape(text: str) -> str:
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
            parts.append(md_escape(text) if markdown else text)
        elif op == "-":
            parts.append(f"~~{md_escape(text)}~~" if markdown else f"[-{text}-]")
        else:
            parts.append(f"**{md_escape(text)}**" if markdown else f"{{+{text}+}}")
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
    out += _records("directive", directive_fields(old), directive_fields(new))
    out += _records("indicator", indicator_fields(old), indicator_fields(new))
    out += _fields("reporting", "", None, reporting_fields(old), reporting_fields(new))
    return out


def _words_of(text: str | None) -> list[str]:
    return nfc(text or "").split()


def _units(plan: Plan) -> dict[str, dict[str, Any]]:
    return {u.id: {"name": u.name, "members": ", ".join(u.members) or None} for u in plan.units}


def directive_fields(plan: Plan) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d in plan.directives:
        out.setdefault(
            d.symbol, {"type": d.type, "date": d.date, "issuer": d.issuer, "subject": d.subject}
        )
    return out


def indicator_fields(plan: Plan) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in plan.indicators:
        out.setdefault(i.key, {"name": i.name, "unit": i.unit, "aggregation": i.aggregation})
    return out


def reporting_fields(plan: Plan) -> dict[str, Any]:
    r = plan.reporting
    return {
        "cutoff_day": r.cutoff_day,
        "windows": [f"{w.period}: {w.start}..{w.end}" for w in r.windows],
    }


def date_text(date: DocDate) -> str:
    month = f"{date.month:02d}" if date.month else "??"
    day = f"{date.day:02d}" if date.day else "??"
    return f"{date.year}-{month}-{day}"


def document_fields(plan: Plan) -> dict[str, Any]:
    doc = plan.document
    signer = doc.signer
    return {
        "type": doc.type,
        "number": doc.number,
        "agency.code": doc.agency.code,
        "agency.name": doc.agency.name,
        "agency.superior": doc.agency.superior,
        "agency.superior_short": doc.agency.superior_short,
        "agency.name_lines": " / ".join(doc.agency.name_lines) or None,
        "agency.superior_lines": " / ".join(doc.agency.superior_lines) or None,
        "place": doc.place,
        "date": date_text(doc.date),
        "subject": doc.subject,
        "subject_lines": " / ".join(doc.subject_lines) or None,
        "signer.authority": signer.authority if signer else None,
        "signer.authority_lines": " / ".join(signer.authority_lines) or None if signer else None,
        "signer.title": signer.title if signer else None,
        "signer.name": signer.name if signer else None,
    }


def _document(old: Plan, new: Plan) -> list[Change]:
    a, b = document_fields(old), document_fields(new)
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


def part_key(part: Any) -> str:
    """A part's identity across revisions: its id, else the key it was written under."""
    return str(part.id or part.key)


def _parts(old: Plan, new: Plan) -> list[Change]:
    a = {part_key(p): p for p in old.all_parts()}
    out = []
    for p in new.all_parts():
        key = part_key(p)
        if key not in a:
            out.append(Change("part-added", "part", key, new=p.title))
        elif _words_of(a[key].title) != _words_of(p.title):
            out.append(
                Change(
                    "part-retitled",
                    "part",
                    key,
                    a[key].title,
                    p.title,
                    words=word_diff(a[key].title, p.title),
                )
            )
    keys = {part_key(p) for p in new.all_parts()}
    out += [Change("part-removed", "part", k, old=p.title) for k, p in a.items() if k not in keys]
    return out


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
        for i, o in enumerate(plan.objectives.items if plan.objectives else [], 1):
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


def node_keys(plan: Plan) -> list[tuple[str, Placed]]:
    """Every node of the outline (the fixed objectives aside, compared as objectives) with its
    identity: its id, else its place (`II.1.a/2`: the second node without id at II.1.a)."""
    out: list[tuple[str, Placed]] = []
    unnamed: dict[str, int] = {}
    for placed in plan.walk():
        if placed.part.key == "objectives":
            continue
        if placed.node.id:
            out.append((placed.node.id, placed))
        else:
            n = unnamed[placed.number] = unnamed.get(placed.number, 0) + 1
            out.append((f"{placed.number}/{n}", placed))
    return out


def _section_index(plan: Plan) -> dict[str, tuple[str, int, Section]]:
    """Node key -> (its part and parent, 1-based position among its siblings, node); first wins."""
    out: dict[str, tuple[str, int, Section]] = {}
    keys = node_keys(plan)
    parent: list[str] = []
    counts: dict[str, int] = {}
    for key, placed in keys:
        del parent[placed.depth - 1 :]
        where = "/".join([part_key(placed.part), *parent])
        counts[where] = counts.get(where, 0) + 1
        out.setdefault(key, (where, counts[where], placed.node))
        parent.append(key)
    return out


def _sections(old: Plan, new: Plan) -> list[Change]:
    a, b = _section_index(old), _section_index(new)
    out: list[Change] = []
    for key, (_, _, s) in a.items():
        if key not in b:
            out.append(
                Change("section-removed", "section", key, old=s.title or s.text, section=key)
            )
    moved: set[str] = set()
    for part in dict.fromkeys(p for p, _, _ in b.values()):
        stay = [k for k, (p, _, _) in a.items() if k in b and p == part and b[k][0] == part]
        staying = set(stay)
        moved |= _moved(stay, [k for k in b if k in staying])
    for key, (part, pos, s) in b.items():
        if key not in a:
            out.append(Change("section-added", "section", key, new=s.title or s.text, section=key))
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
                    words=word_diff(old_s.title or "", s.title or ""),
                )
            )
        if _words_of(old_s.text) != _words_of(s.text):
            out.append(
                Change(
                    "section-reworded",
                    "section",
                    key,
                    old_s.text,
                    s.text,
                    field="text",
                    section=key,
                    words=word_diff(old_s.text or "", s.text or ""),
                )
            )
        if old_s.unit != s.unit:
            out.append(Change("section-changed", "section", key, old_s.unit, s.unit, "unit", key))
    return out


def _task_index(plan: Plan) -> dict[str, tuple[str, int, Task]]:
    out: dict[str, tuple[str, int, Task]] = {}
    for key, placed in node_keys(plan):
        for i, task in enumerate(placed.node.tasks, 1):
            out.setdefault(task.id, (key, i, task))
    return out


def _tasks(old: Plan, new: Plan) -> list[Change]:
    a, b = _task_index(old), _task_index(new)
    out: list[Change] = []
    for key, (sec, _, t) in a.items():
        if key not in b:
            out.append(Change("task-removed", "task", key, old=t.text, section=sec))
    # Tasks that stay in their section, in old and in new order, grouped in one pass each (a scan
    # of every task for every section made diff quadratic in the size of the plan).
    stay_old: dict[str, list[str]] = {}
    stay_new: dict[str, list[str]] = {}
    for key, (sec, _, _) in a.items():
        if key in b and b[key][0] == sec:
            stay_old.setdefault(sec, []).append(key)
    for key, (sec, _, _) in b.items():
        if key in a and a[key][0] == sec:
            stay_new.setdefault(sec, []).append(key)
    moved: set[str] = set()
    for sec, keys in stay_new.items():
        moved |= _moved(stay_old[sec], keys)
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
        out += _list_changes("deadline", "task", key, sec, o.deadlines, t.deadlines)
        for name in ("cadence", "due", "deliverable"):
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
    order = [k for k, _ in node_keys(new)] + [k for k, _ in node_keys(old)]
    rank: dict[str, int] = {}
    for key in order:
        rank.setdefault(key, len(rank))
    return sorted(out, key=lambda c: rank.get(c.section or "", len(rank)))
