"""The plain path of `dvcq check` (cli.checking): the Typer command is built from the same option
declarations, an ordinary line is read by them, and anything unusual is left to Typer."""

from __future__ import annotations

import click
import pytest
import typer

from dvcq.cli import app, load_commands
from dvcq.cli.checking import OPTIONS
from dvcq.cli.options import parse_plain


def test_the_typer_command_is_built_from_the_declarations() -> None:
    load_commands("check")
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    command = group.commands["check"]
    params = {p.name: p for p in command.params if p.name != "debug"}
    assert set(params) == set(OPTIONS)
    for name, opt in OPTIONS.items():
        param = params[name]
        if opt.kind == "arguments":
            assert isinstance(param, click.Argument) and param.nargs == -1
            assert param.metavar == opt.metavar
            continue
        assert isinstance(param, click.Option) and param.help == opt.help
        assert tuple(param.opts) == opt.flags
        assert param.multiple == (opt.kind == "multiple")
        assert param.is_flag == (opt.kind == "flag")
        choices = tuple(param.type.choices) if isinstance(param.type, click.Choice) else ()
        assert tuple(str(c) for c in choices) == opt.choices


def test_an_ordinary_line_is_read_by_the_declarations() -> None:
    line = ["a.yaml", "-p", "b.yaml", "--plan=c.yaml", "-f", "json", "--strict", "--as-of"]
    line += ["2026-05-01", "--progress=progress", "--lang", "en", "--debug", "d.yaml"]
    assert parse_plain(OPTIONS, line) == {
        "paths": ["a.yaml", "d.yaml"],
        "plan": ["b.yaml", "c.yaml"],
        "format": "json",
        "strict": True,
        "progress": "progress",
        "as_of": "2026-05-01",
        "lang": "en",
        "debug": True,
    }
    assert parse_plain(OPTIONS, []) == {
        "paths": [],
        "plan": [],
        "format": None,
        "strict": False,
        "progress": None,
        "as_of": None,
        "lang": None,
    }


@pytest.mark.parametrize(
    "line",
    [
        ["--help"],
        ["-h"],
        ["--format", "xml"],
        ["--as-of"],
        ["--lang", "en", "--lang", "vi"],
        ["-pa.yaml"],
        ["--", "a.yaml"],
        [""],
        ["--strict=1"],
        ["--plan", "-"],
        ["--unknown"],
    ],
)
def test_anything_unusual_is_left_to_typer(line: list[str]) -> None:
    assert parse_plain(OPTIONS, line) is None
