"""A task's short title: the one name boards, prompts, forms and report lists give a task.

A plan may write `title:` for a task. Without one, the title is the task's first sentence; when
that is long, it ends at the last clause boundary inside the limit, so a title never stops inside
a phrase and never carries "…". A sentence with no boundary inside the limit is kept whole.

What is a boundary, in the prose of Vietnamese plans: a semicolon; the space before a linking word
that opens the next clause ("và", "nhằm", "để", "đồng thời", "trong đó", "gắn với") or a
complement ("về", "theo", "của", "tại", "đến", "trong", "cho"); a comma only when it closes a
clause, not when it separates the items of a list. "tiếp nhận, xử lý phản ánh, kiến nghị" and
"các Kết luận, Chỉ thị, Quyết định" are lists: the group after such a comma is short and is
followed by another comma or "và"; or the group before it is one or two words ("Đổi mới, nâng
cao"). A list after "và" ("công chức, viên chức và người lao động") is no boundary either, nor
two nouns sharing a complement ("quyền và nghĩa vụ của công dân").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dvcq.model import Task

TITLE_CHARS = 100  # about one line and a half of a board at 80 columns
_MIN_CHARS = 30  # a boundary closer to the start than this leaves too little to name the task
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")
_LINKS = ("và", "nhằm", "để", "đồng thời", "trong đó", "gắn với")
_COMPLEMENTS = ("về", "theo", "của", "tại", "đến", "trong", "cho")
_BEFORE_WORD = re.compile(r"\s(?=(" + "|".join(_LINKS + _COMPLEMENTS) + r")\s)")
# A word group ends at a comma, a semicolon, a linking word or a complement, or the sentence end.
_GROUP_END = re.compile(r"[,;]|\s(?:" + "|".join(_LINKS + _COMPLEMENTS) + r")\s")
_LIST_ITEM_WORDS = 4  # a group after "và" this short ends a list
_HEAD_WORDS = 2
_OVER = 1.25  # without a boundary within the limit, one this much past it still makes a title  # "Đổi mới, nâng cao …": two verbs sharing what follows


def _words(text: str) -> int:
    return len(text.split())


def _next_group(sentence: str, start: int) -> tuple[str, str]:
    """The word group from `start` and what ends it (",", ";", a word, or "" at the end)."""
    m = _GROUP_END.search(sentence, start)
    if m is None:
        return sentence[start:], ""
    return sentence[start : m.start()], m.group().strip()


def _in_a_list(sentence: str, comma: int) -> bool:
    """Whether the comma at `comma` separates items of a list rather than clauses: the group
    before it is a word or two, or the group after it is as short or ends at another comma."""
    before = sentence[:comma]
    previous = max(before.rfind(","), before.rfind(";"))
    if _words(before[previous + 1 :]) <= _HEAD_WORDS:
        return True
    group, end = _next_group(sentence, comma + 1)
    return _words(group) <= _HEAD_WORDS or end in (",", "và")


def _boundaries(sentence: str) -> tuple[list[int], list[int]]:
    """Where the sentence may end (the index of the comma, semicolon or space that is cut):
    clause boundaries, then the weaker ones before a complement."""
    clauses = [m.start() for m in re.finditer(r";\s", sentence)]
    lists = [m.start() for m in re.finditer(r",\s", sentence) if _in_a_list(sentence, m.start())]
    clauses += [m.start() for m in re.finditer(r",\s", sentence) if m.start() not in lists]
    complements: list[int] = []
    for m in _BEFORE_WORD.finditer(sentence):
        word = m.group(1)
        if word == "và":  # "A, B và C": the last item of a list, not a new clause
            group, end = _next_group(sentence, m.end() + len(word))
            # "quyền và nghĩa vụ của công dân": two nouns sharing their complement
            if _words(group) < _LIST_ITEM_WORDS and (end in (",", "") or end in _COMPLEMENTS):
                continue
        # Inside a list item ("đường lối, chủ trương của Đảng"): its complement is no boundary.
        if any(_words(sentence[c + 1 : m.start()]) <= _HEAD_WORDS for c in lists if c < m.start()):
            continue
        (clauses if word in _LINKS else complements).append(m.start())
    return sorted(clauses), sorted(complements)


def derived_title(text: str, limit: int = TITLE_CHARS) -> str:
    """The first sentence of `text`, ended at its last clause boundary within `limit`."""
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    sentence = (text[: m.start()] if m else text).strip()
    if len(sentence) <= limit:
        return sentence
    for cuts in _boundaries(sentence):  # a clause boundary first; a complement else
        inside = [c for c in cuts if _MIN_CHARS <= c <= limit]
        if inside:
            return sentence[: inside[-1]].rstrip(" ,;")
    # None inside the limit: the first boundary a little past it, rather than the whole sentence.
    past = [c for cuts in _boundaries(sentence) for c in cuts if limit < c <= limit * _OVER]
    return sentence[: min(past)].rstrip(" ,;") if past else sentence


def short_title(task: Task) -> str:
    """The title a plan gives the task, else one derived from its text."""
    return task.title.strip() if task.title and task.title.strip() else derived_title(task.text)
