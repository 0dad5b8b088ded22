"""The one YAML door: read files into position-keeping nodes, and write progress entries.

Only this module imports PyYAML. Reading composes nodes (never constructs Python objects), so no
tag can run code; every node keeps its line and column, text is normalised to NFC, and anything
unusual (duplicate keys, non-standard tags, aliases, bad encodings) becomes a problem, not a crash.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

try:  # the C parser is many times faster; fall back quietly where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from dvcq.problems import Pos, Problem

if TYPE_CHECKING:
    from dvcq.yamlsyntax import Token

Scalar = str | int | float | bool | None

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
MAX_NODES = 500_000  # about 350 MB once composed; no real plan or hand-edited file comes close
MAX_DEPTH = 200
MAX_CHARS = 64 * 1024 * 1024  # refused unread; dvcq's own progress files are read line by line


def _too_big(text: str) -> Problem | None:
    """Depth and size measured on the flat event stream, before anything is composed.

    libyaml's composer recurses in C and crashes the process on very deep nesting (about 100,000
    levels), and composes a whole file in memory: both are bounded here first, for about 1 ms per
    plan. What is refused: aliases, more than MAX_DEPTH levels, more than MAX_NODES values.
    """
    loader = _Loader(text)
    depth = nodes = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):  # refused: the way to a billion laughs
                return _at(event, "yaml-alias", "")
            if isinstance(event, yaml.ScalarEvent):
                nodes += 1
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                nodes += 1
                if depth > MAX_DEPTH:
                    return _at(event, "yaml-too-deep", MAX_DEPTH)
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
            if nodes > MAX_NODES:
                return _at(event, "yaml-too-large", f"{MAX_NODES:_} values".replace("_", " "))
    finally:
        loader.dispose()
    return None


def _at(event: yaml.Event, rule: str, limit: object) -> Problem:
    mark = event.start_mark
    pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
    return Problem("", pos, rule, {"limit": limit, "reason": ""})


class Node:
    """A YAML value with its position. `value` is a scalar, a list of nodes or a dict of nodes."""

    # A plain slotted class: the reader makes one per value (hundreds of thousands for a large
    # file), and a dataclass here would cost its generated code at every `dvcq check` start.
    __slots__ = ("col", "key_pos", "line", "value")

    def __init__(
        self,
        value: Scalar | Refused | list[Node] | dict[str, Node],
        line: int,
        col: int,
        key_pos: dict[str, Pos] | None = None,
    ) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.key_pos: dict[str, Pos] = {} if key_pos is None else key_pos  # where each key was

    @property
    def pos(self) -> Pos:
        return Pos(self.line, self.col)


def nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def read_text(path: Path, root: Path | None = None) -> tuple[str | None, Problem | None]:
    """Read a file as UTF-8 (a BOM is fine); explain anything else as one problem. Only a regular
    file inside the repository (`root`, default: the file's) is read (`files.read_input`)."""
    data, problem = read_bytes(path, root)
    if data is None:
        return None, problem
    return decode(data, str(path))


def read_bytes(path: Path, root: Path | None = None) -> tuple[bytes | None, Problem | None]:
    """The file's bytes under `files.read_input`'s policy, or why they were not read."""
    from dvcq.files import Refused, read_input

    try:
        return read_input(path, MAX_CHARS, root), None
    except Refused as refused:
        return None, Problem(str(path), Pos(1, 1), refused.rule, dict(refused.params))


def decode(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    """The text of a file's bytes: UTF-8 (a BOM is fine); anything else as one problem."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 0:
        guess = (
            "UTF-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4] else ""
        )
        if guess or b"\x00" in data[:2000]:
            return None, Problem(file, Pos(1, 1), "bad-encoding", {"encoding": guess or "binary"})
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(file, Pos(line, col), "bad-encoding", {"encoding": "legacy-8bit"})
    if not text.strip():
        return None, Problem(file, Pos(1, 1), "empty-file", {})
    return text, None


def parse(text: str, file: str) -> tuple[Node | None, list[Problem]]:
    problems: list[Problem] = []
    text = text.replace("\r\n", "\n")
    if len(text) > MAX_CHARS:
        return None, [Problem(file, Pos(1, 1), "yaml-too-large", {"limit": "64 MiB"})]
    loader = _Loader(text)
    try:
        refused = _too_big(text)
        if refused is not None:
            refused.file = file
            return None, [refused]
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        reason = " ".join(str(exc.problem or exc.context or "").split())
        if "invalid Unicode character escape" in reason and mark:  # libyaml: \ud800, \U00110000
            return None, [_bad_escape(text, file, mark.line, mark.column)]
        if "alias" in reason:
            return None, [Problem(file, pos, "yaml-alias", {"reason": reason})]
        return None, [_syntax(exc, text, file)]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, e.g. pasted from a PDF
        before = text[: exc.position]
        if _Loader.__name__.startswith("C"):  # libyaml counts bytes of UTF-8, not characters
            before = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
        line, col = before.count("\n") + 1, len(before) - before.rfind("\n")
        params = {"code": exc.character if isinstance(exc.character, int) else 0, "column": col}
        return None, [Problem(file, Pos(line, col), "control-character", params)]
    except yaml.YAMLError as exc:  # e.g. "expected a single document"
        return None, [Problem(file, Pos(1, 1), "yaml-syntax", {"reason": str(exc)})]
    except RecursionError:
        return None, [Problem(file, Pos(1, 1), "yaml-too-deep", {"limit": MAX_DEPTH})]
    finally:
        loader.dispose()
    if root is None:
        return None, [Problem(file, Pos(1, 1), "empty-file", {})]
    return _Walker(file, problems).convert(root), problems


class _Walker:
    """Turns PyYAML nodes into `Node`s, refusing what a plan never needs."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def convert(self, node: yaml.Node) -> Node:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                return self._bad_tag(node, line, col)
            if node.style in ('"', "'"):
                col += 1  # point at the text itself, not its opening quote
            value = _scalar(node)
            if isinstance(value, Refused):
                self.problems.append(
                    Problem(self.file, Pos(line, col), "number-too-large", {"number": value.text})
                )
            elif node.style == '"' and isinstance(value, str) and SURROGATE.search(value):
                value = self._surrogates(value, line, col)
            return Node(value, line, col)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                return self._bad_tag(node, line, col)
            return Node([self.convert(item) for item in node.value], line, col)
        if isinstance(node, yaml.MappingNode):
            if node.tag != f"{_TAG}map":
                return self._bad_tag(node, line, col)
            return self._mapping(node, line, col)
        raise TypeError(f"unknown YAML node {node!r}")  # PyYAML has only the three kinds above

    def _mapping(self, node: yaml.MappingNode, line: int, col: int) -> Node:
        values: dict[str, Node] = {}
        result = Node(values, line, col)
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            kpos = key.pos
            if isinstance(key.value, Refused):  # number-too-large is reported already
                continue
            if key_node.tag == f"{_TAG}merge" or key.value == "<<":
                self.problems.append(Problem(self.file, kpos, "yaml-alias", {"reason": "<<"}))
                continue
            if not isinstance(key.value, str | int | float | bool) or key.value is None:
                self.problems.append(
                    Problem(self.file, kpos, "wrong-type", {"key": "?", "expected": "text"})
                )
                continue
            name = str(key.value)
            if name in values:
                first = result.key_pos[name]
                self.problems.append(
                    Problem(self.file, kpos, "duplicate-key", {"key": name, "first": first.line})
                )
                continue
            values[name] = self.convert(value_node)
            result.key_pos[name] = kpos
        return result

    def _surrogates(self, value: str, line: int, col: int) -> str:
        """A lone surrogate (from a `\\ud800` escape; only the pure-Python parser lets one
        through) can be neither printed nor written as UTF-8: reported, and replaced by U+FFFD."""
        found = SURROGATE.search(value)
        assert found is not None
        escape = f"\\u{ord(found.group()):04x}"
        self.problems.append(
            Problem(self.file, Pos(line, col), "invalid-escape", {"escape": escape})
        )
        return SURROGATE.sub("\ufffd", value)

    def _bad_tag(self, node: yaml.Node, line: int, col: int) -> Node:
        tag = node.tag.replace(_TAG, "!!")
        self.problems.append(Problem(self.file, Pos(line, col), "forbidden-tag", {"tag": tag}))
        return Node(None, line, col)


def _mark(mark: yaml.Mark | None) -> Pos | None:
    return Pos(mark.line + 1, mark.column + 1) if mark else None


def _syntax(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A syntax error as its cause in a clerk's terms (`yamlsyntax`), at the cause's place."""
    from dvcq.yamlsyntax import cause

    at = exc.problem_mark or exc.context_mark
    found = cause(
        str(exc.problem or ""),
        str(exc.context or ""),
        _mark(exc.problem_mark),
        _mark(exc.context_mark),
        text,
        _tokens_before(text, at) if at else [],
    )
    return Problem(file, found.pos, "yaml-syntax", {"cause": found.code, **found.params})


def _tokens_before(text: str, mark: yaml.Mark) -> list[Token]:
    """The tokens the scanner reads before `mark` (only after an error: it scans again)."""
    from dvcq.yamlsyntax import Token

    kinds = {
        yaml.ScalarToken: "scalar",
        yaml.FlowSequenceStartToken: "flow-start",
        yaml.FlowMappingStartToken: "flow-start",
        yaml.FlowSequenceEndToken: "flow-end",
        yaml.FlowMappingEndToken: "flow-end",
    }
    found: list[Token] = []
    loader = _Loader(text)
    try:
        while (token := loader.get_token()) is not None:
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) >= (mark.line, mark.column):
                break
            style = getattr(token, "style", None) or ""
            found.append(
                Token(
                    kinds.get(type(token), "other"),
                    Pos(start.line + 1, start.column + 1),
                    Pos(end.line + 1, end.column + 1),
                    style if style in ('"', "'") else "",
                )
            )
    except yaml.YAMLError:
        pass  # a scanner error: the tokens before it are all there is
    finally:
        loader.dispose()
    return found


def _bad_escape(text: str, file: str, line: int, column: int) -> Problem:
    """libyaml's refusal of an escape that is no character, placed at its backslash."""
    row = text.split("\n")[line] if line < text.count("\n") + 1 else ""
    start = row.rfind("\\", 0, column)
    start = column if start < 0 else start
    found = _ESCAPE.match(row, start)
    escape = found.group() if found else row[start : start + 6]
    return Problem(file, Pos(line + 1, start + 1), "invalid-escape", {"escape": escape})


# Numbers are read only below this bound (a million billion): far above any figure a plan or a
# report holds, it keeps every sum finite and exact enough, and refuses the 4,300-digit integers
# that Python cannot even print (sys.get_int_max_str_digits) before they reach a rule or a writer.
NUMBER_LIMIT = 10**15
_DIGITS = 40  # longer spellings (0x + 3,700 hex digits) are refused without being converted
SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\(?:U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4})")


class Refused:
    """A number the reader refused (too large): the problem is reported once, where it was
    written, and the builder takes the value as unusable without another word."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text if len(text) <= 24 else f"{text[:20]}…"


_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _scalar(node: yaml.ScalarNode) -> Scalar | Refused:
    text: str = node.value
    tag = node.tag
    if tag == f"{_TAG}str" or tag == f"{_TAG}timestamp":
        return nfc(text)  # dates stay text: the model parses and checks them itself
    if tag == f"{_TAG}null":
        return None
    if tag == f"{_TAG}bool":
        return _BOOL[text.lower()]
    if tag == f"{_TAG}int":
        digits = text.replace("_", "")
        for base in (10, 0):  # plain decimal first, then 0x / 0o / 0b forms
            try:
                number = int(digits, base) if len(digits) <= _DIGITS else NUMBER_LIMIT
            except ValueError:
                continue
            return number if abs(number) < NUMBER_LIMIT else Refused(text)
        return nfc(text)
    try:
        real = float(text.replace("_", ""))
    except ValueError:
        return nfc(text)
    return real if abs(real) < NUMBER_LIMIT else Refused(text)  # 1.0e+400 is inf: refused too


def kind_of(value: object) -> str:
    """The kind of a YAML value as messages name it: mapping, list, null, boolean, number, text."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, int | float) else "text"
