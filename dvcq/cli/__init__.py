"""The command line: a thin skin of Typer commands over the library (one module per command)."""

from dvcq.cli.app import app, main

__all__ = ["app", "load_commands", "main"]


def load_commands() -> None:
    """Import the command modules, which register themselves on `app`."""
    from dvcq.cli import check, rules_list, show  # noqa: F401
