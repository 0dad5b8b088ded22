"""The reader's language: Vietnamese by default, English with `--lang en` or DVCQ_LANG=en."""

from __future__ import annotations

import os

LANGS = ("vi", "en")
_current: list[str] = []


def lang() -> str:
    if _current:
        return _current[-1]
    env = os.environ.get("DVCQ_LANG", "").strip().lower()[:2]
    return env if env in LANGS else "vi"


def set_lang(value: str | None) -> None:
    """Use `value` from now on; None keeps the language in force (an option left out)."""
    if value:
        _current[:] = [value]


def reset() -> None:
    """Back to the environment's language (DVCQ_LANG, else Vietnamese): each run starts here."""
    _current.clear()


def t(vi: str, en: str) -> str:
    """Pick the sentence for the current language."""
    return vi if lang() == "vi" else en
