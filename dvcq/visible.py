"""Text from the files, made safe to print on a terminal or in a CI log: controls made visible.

A plan or a progress file may hold characters a terminal obeys rather than shows: ESC starts a
sequence that can set the window title, move the cursor or rewrite a line (`\\x1b]0;pwned\\x07`),
CR returns to the start of the line, and the bidirectional overrides and isolates (U+202A–U+202E,
U+2066–U+2069) reorder what follows ("trojan source"). Every text printer (check, progress list,
show, status, diff, textconv and the stops that quote the data) passes the data through `visible`,
which writes each such character as its escape (`\\x1b`, `\\u202e`), the way Python's repr does.
JSON outputs need none of this: JSON escapes controls itself and tools read it, not people.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates, and
# surrogate halves (which no terminal encoding can write).
_HIDDEN = "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff"
_CONTROL = re.compile(f"[{_HIDDEN}]")
_CONTROL_OR_NEWLINE = re.compile(f"[\\n{_HIDDEN}]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, *, newlines: bool = True) -> str:
    """`text` with every control and bidi character written as its escape; with
    `newlines=False` a newline too (a one-line message, where it would start a forged line)."""
    if text.isprintable():  # the common case, in C: letters, digits, punctuation, spaces
        return text
    return (_CONTROL if newlines else _CONTROL_OR_NEWLINE).sub(_escape, text)
