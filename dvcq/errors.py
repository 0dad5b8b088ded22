"""Conditions that stop dvcq: one exception family, turned into a message and exit code by the CLI."""

from __future__ import annotations


class DvcqError(Exception):
    """An expected failure: the message says what is wrong and what to do, in both languages."""

    exit_code = 1

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = {"vi": vi, "en": en}


class UsageError(DvcqError):
    """The command was called in a way that cannot work (exit code 2)."""

    exit_code = 2
