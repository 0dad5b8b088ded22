"""`dvcq fmt`: progress files back in the one form dvcq writes, and nothing else touched.

Only progress files are the tool's own: one entry per line, each the bytes `Entry.to_line` gives.
A line edited by hand (keys reordered, spaces added, YAML flow style instead of JSON) is rewritten
in that form; comment lines, blank lines and the order of entries stay as they are. A line that is
not a sound entry (unknown key, missing field…) is left alone and reported: formatting never drops
data. Plans are written by people and are never formatted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dvcq.errors import UsageError
from dvcq.model import REQUIRED, plain
from dvcq.problems import Pos, Problem
from dvcq.progress.store import HEADER, entry_from_data, json_line, one_line_ending
from dvcq.record import field, record
from dvcq.yamlio import decode, parse, read_bytes


@record
class Note:
    """Why a line was left as it was."""

    file: str
    line: int
    vi: str
    en: str
    col: int = 0  # 0: the whole line


@record
class Formatted:
    path: Path
    old: str
    new: str
    notes: list[Note] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new != self.old


def _parts(path: Path) -> tuple[str, ...]:
    """The path's parts from the current folder (so a checkout under ~/plans/ is no plan)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).parts
    except ValueError:
        return path.parts


def refuse_plans(paths: list[Path]) -> None:
    for path in paths:
        if "plans" in _parts(path):
            raise _not_progress(path)


def _not_progress(path: Path) -> UsageError:
    return UsageError(
        f"{path} không phải tệp tiến độ. `dvcq fmt` chỉ định dạng tệp tiến độ (progress/) do dvcq "
        "ghi; kế hoạch do người viết, dvcq để nguyên (không đổi thứ tự khóa, không bỏ chú thích).",
        f"{path} is not a progress file. `dvcq fmt` formats only the progress files dvcq writes "
        "(progress/); plans are written by people and are left alone.",
    )


def progress_files(paths: list[Path]) -> list[Path]:
    """Files named on the line, and the *.yaml / *.yml files under folders named on the line."""
    refuse_plans(paths)
    out: list[Path] = []
    for path in paths:
        if path.is_dir():  # plans and hidden files met on the way are not ours: skipped
            out += sorted(
                p
                for p in path.rglob("*.y*ml")
                if p.suffix in (".yaml", ".yml")
                and not any(
                    part == "plans" or part.startswith(".") for part in p.relative_to(path).parts
                )
            )
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(
                f"Không có tệp hay thư mục {path}.", f"No such file or folder: {path}."
            )
    return out


def _message(problem: Problem, line: int, col: int = 0) -> Note:
    from dvcq import rules

    vi, en = rules.message(problem, "vi"), rules.message(problem, "en")
    return Note(problem.file, line, vi, en, col)


def format_text(text: str, file: str) -> tuple[str, list[Note]]:
    """The canonical text of one progress file, and the lines left alone (with why)."""
    lines = one_line_ending(text).split("\n")
    notes: list[Note] = []
    if any(line.strip() and not line.startswith(("- ", "#")) for line in lines):
        root, found = parse(text, file)
        if found:  # a YAML error: reported where it is, like `dvcq check`; the file is left alone
            return text, [_message(p, p.pos.line, p.pos.col) for p in found]
        if root is None or not isinstance(root.value, list):
            raise _not_progress(Path(file))  # a mapping: a plan, known by its content
        if not root.value:  # `[]`: no entries, written as YAML's empty list
            comments = [line for line in lines if line.startswith("#")]
            return "\n".join(comments) + "\n" if comments else HEADER, []
        return text, [
            Note(
                file,
                1,
                "Các mục viết trên nhiều dòng: tệp giữ nguyên. Mỗi mục phải nằm trên một dòng.",
                "Entries written over several lines: file left alone. Each entry takes one line.",
            )
        ]
    out = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("- "):
            out.append(line)
            continue
        data = json_line(line)
        problems: list[Problem] = []
        if data is None:
            if not line.rstrip().endswith("}"):  # a comment or more after the entry: keep it all
                notes.append(Note(file, number, _KEEP_VI, _KEEP_EN))
                out.append(line)
                continue
            data = _flow_entry(line, file, problems)
            if data is not None and not _texts_kept(data):
                notes.append(Note(file, number, _TEXT_VI, _TEXT_EN))
                out.append(line)
                continue
        entry = None
        if data is not None:
            entry = entry_from_data(data, file, number, problems, text=line)
        if entry is None or problems:
            notes += [_message(p, number) for p in problems]
            if not problems:
                notes.append(Note(file, number, "Không đọc được mục này.", "Unreadable entry."))
            out.append(line)
            continue
        out.append(entry.to_line().rstrip("\n"))
    new = "\n".join(out)
    if new and not new.endswith("\n"):
        new += "\n"
    return new, notes


_KEEP_VI = "Dòng có chú thích hoặc phần thừa sau mục: giữ nguyên."
_KEEP_EN = "The line has a comment or more after the entry: left alone."
_TEXT_VI = (
    "Có giá trị YAML đọc thành số hoặc đúng/sai (ví dụ 0123, 1.50, yes): giữ nguyên dòng; "
    "đặt giá trị trong dấu ngoặc kép để định dạng."
)
_TEXT_EN = (
    "Some values read as numbers or booleans in YAML (e.g. 0123, 1.50, yes): line left alone; "
    "quote them to format it."
)


def _texts_kept(data: dict[str, Any]) -> bool:
    """Whether every text field came through as text: YAML reads `0123` as 123, `1.50` as 1.5."""
    texts = [data.get(key) for key in (*REQUIRED, "supersedes")]
    evidence = data.get("evidence") or []
    return all(v is None or isinstance(v, str) for v in texts) and all(
        isinstance(e, str) for e in (evidence if isinstance(evidence, list) else [])
    )


def _flow_entry(line: str, file: str, problems: list[Problem]) -> dict[str, Any] | None:
    """A line written by hand in YAML rather than JSON, e.g. `- {id: x, task: y, …}`."""
    root, found = parse(line, file)
    problems += [Problem(p.file, Pos(1, p.pos.col), p.rule, p.params) for p in found]
    if root is None or not isinstance(root.value, list) or len(root.value) != 1:
        return None
    item = root.value[0]
    if not isinstance(item.value, dict):
        return None
    return {key: plain(value) for key, value in item.value.items()}


def format_file(path: Path) -> Formatted:
    data, problem = read_bytes(path)  # read once, under the one reading policy
    text, problem = (None, problem) if data is None else decode(data, str(path))
    if data is None or text is None:  # an empty file is fine; the rest is for `dvcq check`
        notes = []
        if problem is not None and problem.rule != "empty-file":
            notes.append(_message(problem, problem.pos.line))
        return Formatted(path, "", "", notes)
    raw = data.decode("utf-8-sig")
    new, notes = format_text(text, str(path))
    return Formatted(path, raw, new, notes)


def write(path: Path) -> Formatted:
    """Format one file in place, under the same lock as `dvcq progress add`, atomically; never
    through a link (the file or a folder below the progress root): such a file is left alone."""
    from dvcq.files import replace_atomically
    from dvcq.progress.writing import locked, progress_root_of, through_link

    root = progress_root_of(path)
    with locked(root) as real:
        result = format_file(path)
        if result.changed:
            if through_link(path, root, real):
                result.notes.append(Note(str(path), 1, _LINK_VI, _LINK_EN))
                result.new = result.old
            else:
                replace_atomically(path, result.new.encode("utf-8"))
    return result


_LINK_VI = "Tệp là liên kết (symlink) hoặc nằm trong thư mục liên kết: dvcq không ghi qua liên kết."
_LINK_EN = "The file is a link (symlink) or lies in a linked folder: dvcq writes through no link."
