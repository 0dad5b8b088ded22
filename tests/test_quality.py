"""The code stays lint-clean and typed, and the docs cannot drift from the commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run as dvcq

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "args",
    [
        ["ruff", "check", "dvcq", "tests", "bench"],
        ["ruff", "format", "--check", "dvcq", "tests", "bench"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_linters_pass(args: list[str]) -> None:
    run = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _commands() -> list[str]:
    from typer.main import get_command

    from dvcq.cli import app, load_commands

    load_commands()
    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert re.search(rf"`dvcq {name}\b", readme), f"README does not mention `dvcq {name}`"
        run = dvcq(name, "--help")
        assert run.returncode == 0 and len(run.stdout) > 100, run.stderr


def test_readme_opens_with_the_two_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert "dvcq check plans/2026.yaml" in blocks[0]
    assert "pytest -m 'slow or not slow'" in blocks[1]  # the whole suite, slow tests too
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_module_is_in_the_design_module_map() -> None:
    design = (ROOT / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    package = ROOT / "dvcq"
    missing = [
        str(p.relative_to(package))
        for p in sorted(package.rglob("*.py"))
        if f"`{p.name}`" not in design
    ]
    assert missing == []
