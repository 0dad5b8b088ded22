"""`--lang en` for the help too: every option's and argument's help, and every command's line in
its group's list, in the reader's language (the brief: `--lang en` for all of it)."""

from __future__ import annotations

import re
from typing import Any

import click
import pytest
import typer.main
from cli_run import dvcq_as_is

from dvcq.cli import load_commands
from dvcq.cli.help_en import HELP_EN
from dvcq.cli.parser_words import _english, install

VIETNAMESE = re.compile("[ăâđêôơưạảãáàầấẩẫậằắẳẵặẹẻẽéèềếểễệịỉĩíìọỏõóòồốổỗộờớởỡợụủũúùừứửữựỵỷỹýỳ]")


def every_help() -> dict[str, list[str]]:
    """Each parameter help text of the whole command tree -> where it is declared."""
    install()  # the argument help fix is part of the app as run
    load_commands()
    from dvcq.cli.app import app

    found: dict[str, list[str]] = {}

    def walk(command: Any, path: list[str]) -> None:
        for param in command.params:
            if getattr(param, "help", None):
                found.setdefault(param.help, []).append(" ".join([*path, param.name]))
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), ["dvcq"])
    return found


def has_own_english(text: str) -> bool:
    return any(_english(s) for s in re.split(r"(?<=[.!?])\s+(?=\S)", text.strip()))


def test_every_option_and_argument_help_has_english() -> None:
    missing = {h: w for h, w in every_help().items() if h not in HELP_EN and not has_own_english(h)}
    assert missing == {}


def test_the_catalogue_holds_no_help_that_is_not_declared() -> None:
    assert set(HELP_EN) - set(every_help()) == set()


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["check"],
        ["status"],
        ["report"],
        ["urge"],
        ["init"],
        ["diff"],
        ["progress"],
        ["progress", "add"],
        ["progress", "import"],
        ["plan", "new-year"],
        ["render", "plan"],
    ],
)
def test_help_in_english_has_no_vietnamese_sentence_of_its_own(words: list[str]) -> None:
    run = dvcq_as_is(*words, "--help", "--lang", "en")
    assert run.returncode == 0
    # What Vietnamese is left is names and examples inside English sentences (“Sở Ngoại vụ”, the
    # BÁO CÁO, Nghị định 30/2020, công văn đôn đốc), never a Vietnamese sentence.
    text = re.sub(r"“[^”]*”", "", " ".join(run.stdout.split()))
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        words_ = re.findall(r"[^\W\d_]+", sentence)
        foreign = [w for w in words_ if VIETNAMESE.search(w.lower())]
        assert len(foreign) <= len(words_) // 3, sentence


def test_one_option_in_both_languages() -> None:
    en = dvcq_as_is("check", "--help", "--lang", "en").stdout
    vi = dvcq_as_is("check", "--help", "--lang", "vi").stdout
    assert "Treat warnings as errors too." in en and "Coi cảnh báo" not in en
    assert "Coi cảnh báo cũng là lỗi." in vi and "Treat warnings" not in vi
    assert "The plan files to check (default: plans/*.yaml)." in en
    # click's extra is kept after the English
    assert "Output form: text, json or github. [default: text]" in " ".join(en.split())
    root = dvcq_as_is("--help", "--lang", "en").stdout
    assert "check     Check plans: owners, references, symbols and dates." in root
    assert "check     Kiểm tra kế hoạch" in dvcq_as_is("--help", "--lang", "vi").stdout


def test_no_english_sentence_of_a_command_help_is_taken_for_vietnamese() -> None:
    """A command's docstring is Vietnamese, then English (CONTRIBUTING.md); each reader is shown
    the sentences of their language. An English sentence heavy with Vietnamese names (“a KẾ HOẠCH
    in the Nghị định 30/2020 layout”) was once read as Vietnamese: `--lang en` lost it and
    `dvcq render --help` listed the next sentence instead. English function words give it away."""
    install()
    load_commands()
    from dvcq.cli.app import app

    english_words = {"the", "a", "as", "of", "and", "with", "for", "from", "its", "is", "when"}

    def helps(command: Any, path: str) -> list[tuple[str, str]]:
        found = [(path, command.help)] if command.help else []
        for name, sub in getattr(command, "commands", {}).items():
            found += helps(sub, f"{path} {name}")
        return found

    misread = []
    for path, text in helps(typer.main.get_command(app), "dvcq"):
        for sentence in re.split(r"(?<=[.!?])\s+(?=\S)", " ".join(text.split())):
            words = {w.lower() for w in re.findall(r"[^\W\d_]+", sentence)}
            if len(words & english_words) >= 2 and not _english(sentence):
                misread.append((path, sentence))
    assert misread == []
