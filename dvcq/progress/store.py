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

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dvcq.dates import DateError, parse_iso
from dvcq.model import Plan
from dvcq.problems import Pos, Problem, suggest
from dvcq.repository import default_plan, files_in, progress_dir, progress_root_for
from dvcq.rules.check import open_plan
from dvcq.yamlio import Node, kind_of, nfc, parse, read_text

# Status keys (ASCII, stable in files) and their Vietnamese and English labels.
STATUSES: dict[str, tuple[str, str]] = {
    "chua-trien-khai": ("Chưa triển khai", "Not started"),
    "dang-thuc-hien": ("Đang thực hiện", "In progress"),
    "hoan-thanh": ("Hoàn thành", "Done"),
}
DONE = "hoan-thanh"
FIELDS = (
    "id",
    "task",
    "date",
    "unit",
    "status",
    "result",
    "evidence",
    "values",
    "author",
    "supersedes",
)
REQUIRED = ("id", "task", "date", "unit", "status", "result", "author")
HEADER = (
    "# Tiến độ thực hiện kế hoạch, do dvcq ghi (dvcq progress add): mỗi dòng một mục.\n"
    "# Không sửa hay xóa dòng đã có; muốn đính chính, thêm mục mới với `--supersedes <mã mục>`.\n"
)


@dataclass(slots=True, eq=False)
class Entry:
    id: str
    task: str
    date: str
    unit: str
    status: str
    result: str
    author: str
    evidence: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    supersedes: str | None = None
    file: str = ""
    line: int = 0
    col: int = 1
    text: str | None = None  # the line as written (fast path), to find a field's column
    field_pos: dict[str, Pos] | None = None  # positions from the YAML reader (slow path)

    def where(self, name: str) -> Pos:
        if self.field_pos is not None:
            return self.field_pos.get(name, Pos(self.line, self.col))
        if self.text is not None:
            at = self.text.find(f'"{name}":')
            if at >= 0:
                value = at + len(name) + 3
                while value < len(self.text) and self.text[value] == " ":
                    value += 1
                if self.text[value : value + 1] == '"':
                    value += 1  # point at the text, not its opening quote, as the YAML reader does
                return Pos(self.line, value + 1)
        return Pos(self.line, self.col)

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
        data = {k: v for k, v in self.to_dict().items() if v or k in REQUIRED}
        text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
        return "- " + text + "\n"


@dataclass
class Progress:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def current(self) -> list[Entry]:
        """Entries that no later entry supersedes: what reports and the board use."""
        replaced = {e.supersedes for e in self.entries if e.supersedes}
        return [e for e in self.entries if e.id not in replaced]


def read_progress(paths: list[Path]) -> Progress:
    progress = Progress()
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
    entries: list[Entry] = []
    problems: list[Problem] = []
    for number, line in enumerate(nfc(text).split("\n"), 1):
        if not line or line[0] == "#" or not line.strip():
            continue
        data = json_line(line)
        if data is None:  # not the shape dvcq writes: let the YAML reader judge the whole file
            _read_yaml(text, file, progress)
            return
        entry = entry_from_data(data, file, number, 3, problems, text=line)
        if entry is not None:
            entries.append(entry)
    progress.entries += entries
    progress.problems += problems


def json_line(line: str) -> dict[str, Any] | None:
    """The entry on a line as dvcq writes it, or None to hand the file to the YAML reader."""
    if not line.startswith("- {") or "\r" in line:
        return None
    try:
        data = json.loads(line[2:], parse_constant=_not_json, parse_float=_finite)
    except (ValueError, RecursionError):
        return None
    # json.loads keeps the last of two equal keys silently: every key ends in `":`, so fewer keys
    # than `":` means a duplicate (or `":` inside a text), and the YAML reader, which reports
    # duplicates with their position, gets the file instead.
    if not isinstance(data, dict) or _keys(data) != line.count('":'):
        return None
    if "\\u" in line:  # escapes may spell decomposed letters: normalise what they produced
        data = {k: _nfc_deep(v) for k, v in data.items()}
    return data


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400: such a line is read by the YAML reader, as text
        raise ValueError(text)
    return value


def _not_json(name: str) -> None:
    """NaN and Infinity are not JSON: such a line is read by the YAML reader, as text."""
    raise ValueError(name)


def _keys(data: dict[str, Any]) -> int:
    """How many keys the object and the objects inside it hold."""
    count = len(data)
    for value in data.values():
        if type(value) is dict:
            count += _keys(value)
        elif type(value) is list:
            count += sum(_keys(item) for item in value if type(item) is dict)
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
    for node in root.value:
        if not isinstance(node.value, dict):
            progress.problems.append(
                Problem(
                    file,
                    node.pos,
                    "wrong-type",
                    {"key": "entry", "expected": "mapping", "got": "text"},
                )
            )
            continue
        data = {key: plain(value) for key, value in node.value.items()}
        positions = {key: value.pos for key, value in node.value.items()}
        entry = entry_from_data(
            data, file, node.line, node.col, progress.problems, field_pos=positions
        )
        if entry is not None:
            progress.entries.append(entry)


def plain(node: Node) -> Any:
    if isinstance(node.value, list):
        return [plain(item) for item in node.value]
    if isinstance(node.value, dict):
        return {key: plain(value) for key, value in node.value.items()}
    return node.value


def entry_from_data(
    data: dict[str, Any],
    file: str,
    line: int,
    col: int,
    problems: list[Problem],
    text: str | None = None,
    field_pos: dict[str, Pos] | None = None,
) -> Entry | None:
    """Build one entry, reporting schema problems; None when the entry cannot be used."""
    if not _well_formed(data):  # the common case is checked cheaply: a line as dvcq writes it
        probe = Entry(
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            file=file,
            line=line,
            col=col,
            text=text,
            field_pos=field_pos,
        )  # only to tell positions
        repaired = _repair(data, probe, problems)
        if repaired is None:
            return None
        data = repaired
    return Entry(
        data["id"],
        data["task"],
        data["date"],
        data["unit"],
        data["status"],
        data["result"],
        data["author"],
        data.get("evidence", []),
        data.get("values", {}),
        data.get("supersedes"),
        file=file,
        line=line,
        col=col,
        text=text,
        field_pos=field_pos,
    )


def _repair(data: dict[str, Any], probe: Entry, problems: list[Problem]) -> dict[str, Any] | None:
    """Report what is wrong with an entry; the usable fields, or None when it cannot be used."""
    file, line, col = probe.file, probe.line, probe.col
    bad = False
    for key in data:
        if key not in FIELDS:
            problems.append(
                Problem(
                    file,
                    probe.where(key),
                    "unknown-key",
                    {
                        "key": key,
                        "where": "progress",
                        "suggestion": suggest(key, list(FIELDS)),
                        "known": ", ".join(FIELDS),
                    },
                )
            )
    for key in REQUIRED:
        value = data.get(key)
        if value is None:
            problems.append(
                Problem(file, Pos(line, col), "missing-key", {"key": key, "where": "progress"})
            )
            bad = True
        elif not isinstance(value, str) or isinstance(value, bool):
            if isinstance(value, int | float) and not isinstance(value, bool) and key != "date":
                data[key] = str(value)
            else:
                problems.append(
                    Problem(
                        file,
                        probe.where(key),
                        "wrong-type",
                        {"key": key, "expected": "text", "got": kind_of(value)},
                    )
                )
                bad = True
        else:
            data[key] = nfc(value)
    evidence = data.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        problems.append(
            Problem(
                file,
                probe.where("evidence"),
                "wrong-type",
                {"key": "evidence", "expected": "list", "got": kind_of(evidence)},
            )
        )
        evidence = []
    values = data.get("values", {})
    if not isinstance(values, dict):
        problems.append(
            Problem(
                file,
                probe.where("values"),
                "wrong-type",
                {"key": "values", "expected": "mapping", "got": kind_of(values)},
            )
        )
        values = {}
    supersedes = data.get("supersedes")
    if supersedes is not None and not isinstance(supersedes, str):
        supersedes = str(supersedes)
    if bad:
        return None
    if data["status"] not in STATUSES:
        problems.append(
            Problem(
                file,
                probe.where("status"),
                "invalid-value",
                {"key": "status", "value": data["status"], "choices": ", ".join(STATUSES)},
            )
        )
        return None
    return {
        **data,
        "evidence": [nfc(e) for e in evidence],
        "values": values,
        "supersedes": supersedes,
    }


_FIELD_SET = frozenset(FIELDS)


def _well_formed(data: dict[str, Any]) -> bool:
    evidence = data.get("evidence", [])
    supersedes = data.get("supersedes")
    return (
        data.keys() <= _FIELD_SET
        and {type(data.get(key)) for key in REQUIRED} == {str}
        and data["status"] in STATUSES
        and type(evidence) is list
        and (not evidence or {type(e) for e in evidence} == {str})
        and type(data.get("values", {})) is dict
        and (supersedes is None or type(supersedes) is str)
    )


# --- a plan with its progress -------------------------------------------------------------------


def load(plan_path: Path | None, root: Path | None) -> tuple[Plan, Progress, Path]:
    plan, files, root = _open_plan_and_files(plan_path, root)
    return plan, read_progress(files), root


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
