"""A task's short title: the one name boards, prompts, forms and report lists give a task.

A plan may write `title:` for a task. Without one, the title is the task's first sentence; when
that is long, it ends at the last clause boundary inside the limit, so a title never stops inside
a phrase and never carries "…". A sentence with no boundary inside the limit is kept whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dvcq.model import Task

TITLE_CHARS = 100  # about one line and a half of a board at 80 columns
_MIN_CHARS = 30  # a boundary closer to the start than this leaves too little to name the task
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")
# Where a clause ends inside a sentence: a comma or semicolon, or before a linking word that
# opens the next clause ("và", "nhằm", "để", "đồng thời", "trong đó", "gắn với").
_CLAUSE = re.compile(r",\s|;\s|\s(?=(?:và|nhằm|để|đồng thời|trong đó|gắn với)\s)")


def derived_title(text: str, limit: int = TITLE_CHARS) -> str:
    """The first sentence of `text`, ended at its last clause boundary within `limit`."""
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    sentence = (text[: m.start()] if m else text).strip()
    if len(sentence) <= limit:
        return sentence
    cuts = [c.start() for c in _CLAUSE.finditer(sentence, 0, limit + 1) if c.start() >= _MIN_CHARS]
    if not cuts:
        return sentence
    return sentence[: cuts[-1]].rstrip(" ,;")


def short_title(task: Task) -> str:
    """The title a plan gives the task, else one derived from its text."""
    return task.title.strip() if task.title and task.title.strip() else derived_title(task.text)
