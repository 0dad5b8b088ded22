"""The command line: a thin skin of Typer commands over the library (one module per command)."""

from __future__ import annotations

from importlib import import_module

from dvcq.cli.app import app, main

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
    "export": "export",
    "form": "form",
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
