"""Problems found in the user's files: plain data, collected and never raised."""

from __future__ import annotations

from typing import Any, NamedTuple

from dvcq.record import field, record


class Pos(NamedTuple):
    line: int
    col: int


@record(slots=True)
class Problem:
    """One problem in a file: where, which rule, and the words for its message."""

    file: str
    pos: Pos
    rule: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.pos.line, self.pos.col, self.rule)


def suggest(word: str, known: list[str], cutoff: float = 0.6) -> str:
    """The closest known word, for "did you mean …" hints ("" when nothing is close)."""
    close = closest(word, known, 1, cutoff)
    return close[0] if close else ""


def closest(word: str, known: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    """The `n` known words closest to `word`, closest first."""
    import difflib  # only needed once a problem is found

    return difflib.get_close_matches(word, known, n=n, cutoff=cutoff)
