"""The command line: a thin skin of Typer commands over the library (one module per command).

`main` starts nothing it does not need: `dvcq --version` and an ordinary `dvcq check` line run
inside the error boundary without typer, click or rich (`cli.checking.plain`); everything else
goes to the Typer application, which imports only the module of the command being run."""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

__all__ = ["COMMANDS", "app", "load_commands", "main"]

# Command name -> module that registers it. Only the command being run is imported, so that a
# quick `dvcq check` in CI does not pay for building every other command (click's "lazy group").
COMMANDS = {
    "check": "check",
    "show": "show",
    "rules": "rules_list",
    "render": "render",
    "progress": "progress",
    "status": "status",
    "report": "report",
    "urge": "urge",
    "export": "export",
    "form": "form",
    "tasks": "tasks",
    "diff": "diff",
    "schema": "schema",
    "init": "init",
    "plan": "plan",
    "fmt": "fmt",
}


def load_commands(name: str | None = None) -> None:
    """Import the module of command `name`, or of every command when it is unknown or None."""
    modules = [COMMANDS[name]] if name in COMMANDS else list(COMMANDS.values())
    for module in modules:
        import_module(f"dvcq.cli.{module}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: the plain path when the line allows it, else the Typer application."""
    from dvcq.cli import boundary

    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        boundary.run(args, _version)
    from dvcq.cli.checking import plain

    body = plain(args)
    if body is not None:
        boundary.run(args, body)
    from dvcq.cli.app import main as typer_main

    typer_main(args)


def console() -> None:
    """The `dvcq` program (console script and `python -m dvcq`): one command, then the process
    ends, so what the command keeps need not be walked by the garbage collector again."""
    from dvcq import collector

    collector.one_command()
    main()


def _version(_: list[str]) -> int:
    from dvcq import __version__

    sys.stdout.write(f"dvcq {__version__}\n")
    return 0


class _Package(ModuleType):
    """`dvcq.cli.app` is the Typer application, loaded when first asked for. The import system
    would name the submodule of the same name here once it is loaded: that assignment is ignored."""

    @property
    def app(self) -> Any:
        return import_module("dvcq.cli.app").app

    @app.setter
    def app(self, value: Any) -> None:
        pass


sys.modules[__name__].__class__ = _Package
