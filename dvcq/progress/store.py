"""Progress entries: what each unit did against each task, stored so that git never conflicts.

Layout: `progress/<plan year>/<YYYY-MM>.yaml`, by the entry's date (a report window may begin in
December of the year before, so the folder follows the plan, the file name the date). Each file is a YAML list with one
entry per line, written as a JSON object (JSON is YAML), so:
- adding an entry adds one line and never touches another;
- two branches that each add entries merge with git's `union` driver (see `.gitattributes`), and
  since every line holds a unique id, the union can neither drop nor mix lines;
- the same entry always serialises to the same bytes (fixed key order, no timestamps).
Writes go through a temporary file and a rename, under a lock, so a killed process leaves every
file whole. Reading takes the fast path (one `json.loads` per line) and falls back to the YAML
reader for a file edited by hand, so positions are exact either way.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dvcq import collector
from dvcq.model import FIELDS, REQUIRED, STATUSES, Builder, Entry, Plan, Progress, value_pos
from dvcq.problems import Pos, Problem
from dvcq.repository import default_plan, files_in, progress_dir, progress_root_for
from dvcq.rules.check import open_plan
from dvcq.yamlio import NUMBER_LIMIT, SURROGATE, Node, kind_of, nfc, parse, read_text

if TYPE_CHECKING:
    from dvcq.progress.usable import Usable

HEADER = (
    "# Tiến độ thực hiện kế hoạch, do dvcq ghi (dvcq progress add): mỗi dòng một mục.\n"
    "# Không sửa hay xóa dòng đã có; muốn đính chính, thêm mục mới với `--supersedes <mã mục>`.\n"
)


def read_progress(paths: list[Path]) -> Progress:
    progress = Progress()
    with collector.paused():  # every entry read is kept: see dvcq.collector
        for path in paths:
            progress.files.append(str(path))
            _read_file(path, progress)
    return progress


def _read_file(path: Path, progress: Progress) -> None:
    text, problem = read_text(path)
    if text is None:
        if problem and problem.rule != "empty-file":  # an empty progress file is just empty
            progress.problems.append(problem)
        return
    file = str(path)
    text = one_line_ending(text)
    entries: list[Entry] = []
    problems: list[Problem] = []
    flawed: list[tuple[Entry, Problem]] = []
    for number, line in enumerate(nfc(text).split("\n"), 1):
        if not line or line[0] == "#" or not line.strip():
            continue
        data = json_line(line)
        if data is None:  # not the shape dvcq writes: let the YAML reader judge the whole file
            _read_yaml(text, file, progress)
            return
        before = len(problems)
        entry = entry_from_data(data, file, number, problems, text=line)
        if entry is not None:
            entries.append(entry)
            if len(problems) > before:
                flawed.append((entry, problems[before]))
    progress.entries += entries
    progress.problems += problems
    progress.flawed += flawed


def one_line_ending(text: str) -> str:
    """LF for CRLF and for a lone CR: a file whose line endings an editor or a transfer changed
    reads as the same lines (CR alone once read as one comment line, and its entries vanished).
    Only these two: YAML's other breaks (U+2028, NEL) may stand inside a JSON string."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def json_line(line: str) -> dict[str, Any] | None:
    """The entry on a line as dvcq writes it, or None to hand the file to the YAML reader."""
    if not line.startswith("- {") or "\r" in line:
        return None
    try:
        data, end = _scan(line, 2)
    except (ValueError, RecursionError, StopIteration):
        return None
    if end != len(line) and line[end:].strip(" \t\n\r"):  # JSON's own whitespace may follow
        return None
    # json.loads keeps the last of two equal keys silently: every key ends in `":`, so fewer keys
    # than `":` means a duplicate (or `":` inside a text), and the YAML reader, which reports
    # duplicates with their position, gets the file instead. The keys of the line and of its
    # values (no key can be counted twice) are counted first: when they alone make up every `":`,
    # there is no key more to count.
    if type(data) is not dict:
        return None
    marks, values = line.count('":'), data.get("values")
    if len(data) + (len(values) if type(values) is dict else 0) != marks and _keys(data) != marks:
        return None
    if "\\u" in line:  # escapes may spell decomposed letters: normalise what they produced
        if _ESCAPED_SURROGATE.search(line) and _lone_surrogate(data):
            return None  # `\\ud800` alone: the YAML reader refuses it, with its position
        data = {k: _nfc_deep(v) for k, v in data.items()}
    return data


# A lone surrogate can come only from an escape (the file was decoded as UTF-8): one is looked for
# only on a line with `\\ud800`-`\\udfff` escapes (a pair is one character, and fine).
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return SURROGATE.search(value) is not None
    if isinstance(value, list):
        return any(_lone_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_lone_surrogate(k) or _lone_surrogate(v) for k, v in value.items())
    return False


def _finite(text: str) -> float:
    value = float(text)
    if not abs(value) < NUMBER_LIMIT:  # 1e400 (inf), 1e20: the YAML reader refuses it, in place
        raise ValueError(text)
    return value


def _bounded(text: str) -> int:
    """An integer under the reader's bound; a longer one goes to the YAML reader, which refuses it
    with its position (json.loads alone would build a 4,300-digit int that cannot be printed)."""
    if len(text) > 16 or abs(value := int(text)) >= NUMBER_LIMIT:
        raise ValueError(text)
    return value


def _not_json(name: str) -> None:
    """NaN and Infinity are not JSON: such a line is read by the YAML reader, as text."""
    raise ValueError(name)


# One decoder for every line (json.loads with these hooks would build a new one per call); its
# scanner is called directly, from the `{` on, as `decode` would after slicing off the `- `.
_DECODER = json.JSONDecoder(parse_constant=_not_json, parse_float=_finite, parse_int=_bounded)
_scan = _DECODER.scan_once  # type: ignore[attr-defined]


def _keys(data: dict[str, Any]) -> int:
    """How many keys the object and the objects inside it hold."""
    count = len(data)
    for value in data.values():
        if type(value) is dict:
            count += _keys(value)
        elif type(value) is list:
            for item in value:  # a loop, not sum() over a generator: most lists are short
                if type(item) is dict:
                    count += _keys(item)
    return count


def _nfc_deep(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_deep(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): _nfc_deep(v) for k, v in value.items()}
    return value


def _read_yaml(text: str, file: str, progress: Progress) -> None:
    root, problems = parse(text, file)
    progress.problems += problems
    if root is None:
        return
    if not isinstance(root.value, list):
        progress.problems.append(
            Problem(
                file,
                root.pos,
                "wrong-type",
                {"key": file, "expected": "list", "got": kind_of(root.value)},
            )
        )
        return
    builder = Builder(file)
    built: list[tuple[int, Entry | None]] = []
    for node in root.value:
        entry = build_entry(builder, node)
        built.append((node.pos.line, entry))
        if entry is not None:
            progress.entries.append(entry)
    progress.problems += builder.problems
    # A problem inside an item (a duplicate key, a value of the wrong type) flaws the entry built
    # from it: each item runs from its first line to the next item's.
    starts = [line for line, _ in built]
    for problem in sorted([*problems, *builder.problems], key=lambda p: p.sort_key):
        at = bisect.bisect_right(starts, problem.pos.line) - 1
        entry = built[at][1] if at >= 0 else None
        if entry is not None and all(e is not entry for e, _ in progress.flawed):
            progress.flawed.append((entry, problem))


def build_entry(builder: Builder, node: Node, text: str | None = None) -> Entry | None:
    """An entry from its node through the plan's Builder (None when it cannot be used); its
    problems go to `builder`. `text`: the line it was read from, for the fast path's columns."""
    if not isinstance(node.value, dict):
        builder.problem(node.pos, "wrong-type", key="entry", expected="mapping", got="text")
        return None
    entry: Entry | None = builder.record(Entry, node, "progress", path="")
    if entry is not None:
        entry.file = builder.file
        entry.text = text
        entry.evidence = [nfc(e) for e in entry.evidence]
        for name in REQUIRED:
            setattr(entry, name, nfc(getattr(entry, name)))
    return entry


def entry_from_data(
    data: dict[str, Any], file: str, line: int, problems: list[Problem], text: str | None = None
) -> Entry | None:
    """One entry from the data of a line as dvcq writes it; None when it cannot be used.

    The common case, a line exactly as dvcq writes it, is checked cheaply and built directly;
    anything else goes through the Builder, as a YAML file's entries do."""
    if _well_formed(data):
        # Built without the dataclass's __init__ (its keyword handling is most of an entry's cost
        # over 100,000 lines); the short texts many entries repeat are shared, not one copy each.
        entry: Entry = _new_entry(Entry)
        entry.id = data["id"]
        entry.task = _shared(data["task"])
        entry.date = _shared(data["date"])
        entry.unit = _shared(data["unit"])
        entry.status = _shared(data["status"])  # type: ignore[assignment]  # one of STATUSES
        entry.result = data["result"]
        entry.author = _shared(data["author"])
        entry.evidence = data.get("evidence") or []
        entry.values = data.get("values") or {}
        entry.supersedes = data.get("supersedes")
        entry.file = file
        entry.text = text
        entry.pos = Pos(line, 3)
        entry.at = {}
        return entry
    builder = Builder(file)
    built = build_entry(builder, _node_of(data, Pos(line, 3), text or ""), text)
    problems += builder.problems
    return built


def _node_of(data: Any, pos: Pos, text: str) -> Node:
    """Nodes for the data of one line, each key and value placed where the line has it."""
    if not isinstance(data, dict):
        return Node(_scalar_nodes(data, pos), pos.line, pos.col)
    values: dict[str, Node] = {}
    key_pos: dict[str, Pos] = {}
    for key, value in data.items():
        at = text.find(f'"{key}":')
        key_pos[key] = Pos(pos.line, at + 2) if at >= 0 else pos
        where = value_pos(text, key, pos)
        values[key] = Node(_scalar_nodes(value, where), where.line, where.col)
    return Node(values, pos.line, pos.col, key_pos)


def _scalar_nodes(value: Any, pos: Pos) -> Any:
    if isinstance(value, list):
        return [Node(_scalar_nodes(v, pos), pos.line, pos.col) for v in value]
    if isinstance(value, dict):
        return {k: Node(_scalar_nodes(v, pos), pos.line, pos.col) for k, v in value.items()}
    return value


_new_entry = object.__new__
_shared = sys.intern

_FIELD_SET = frozenset(FIELDS)
_STR = {str}


def _well_formed(data: dict[str, Any]) -> bool:
    evidence = data.get("evidence", [])
    supersedes = data.get("supersedes")
    return (
        data.keys() <= _FIELD_SET
        and set(map(type, map(data.get, REQUIRED))) == _STR  # map: no Python frame per key
        and data["status"] in STATUSES
        and type(evidence) is list
        and (not evidence or set(map(type, evidence)) == _STR)
        and type(data.get("values", {})) is dict
        and (supersedes is None or type(supersedes) is str)
    )


# --- a plan with its progress -------------------------------------------------------------------


def load(plan_path: Path | None, root: Path | None) -> tuple[Plan, Progress, Path]:
    plan, files, root = _open_plan_and_files(plan_path, root)
    return plan, read_progress(files), root


def load_usable(plan_path: Path | None, root: Path | None) -> tuple[Plan, Usable]:
    """The plan and the entries readers count (`progress.usable`), with those left out."""
    from dvcq.dates import today
    from dvcq.progress.usable import usable

    with collector.paused():  # the read and the rules over it: see dvcq.collector
        plan, progress, _ = load(plan_path, root)
        return plan, usable(plan, progress, today())


def open_workspace(plan_path: Path | None, root: Path | None) -> tuple[Plan, list[Path]]:
    """The plan, and its progress files without reading them (for cached commands)."""
    plan, files, _ = _open_plan_and_files(plan_path, root)
    return plan, files


def _open_plan_and_files(
    plan_path: Path | None, root: Path | None
) -> tuple[Plan, list[Path], Path]:
    path = plan_path or default_plan()
    plan = open_plan(path)
    root = root or progress_root_for(path)
    return plan, files_in(progress_dir(root, plan.document.date.year)), root
