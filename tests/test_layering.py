"""The house's layers (docs/DESIGN.md, "Layering"): who may import what, read from the source.

Every import counts, at the top of a module or inside a function: a lazy import still ties the
two modules together. The path of `dvcq check` is measured in a real process, since what Python
loads is the point there.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dvcq"
SUB_PACKAGES = ("rules", "progress", "documents", "review", "lifecycle", "cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it, as absolute dotted names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from dvcq.documents import layout` imports the module dvcq.documents.layout
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def importers_of(prefix: str) -> set[str]:
    return {
        name
        for name, imported in MODULES.items()
        if any(m == prefix or m.startswith(prefix + ".") for m in imported)
    }


def test_the_walk_sees_the_whole_package() -> None:
    assert {"dvcq.yamlio", "dvcq.rules.check", "dvcq.documents.layout", "dvcq.cli.app"} <= set(
        MODULES
    )
    assert "dvcq.documents.layout" in MODULES["dvcq.documents.render"]


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("typer", {"dvcq.cli"}),
        ("click", {"dvcq.cli"}),
        ("rich", {"dvcq.cli"}),
        ("docx", {"dvcq.documents.layout"}),
        ("openpyxl", {"dvcq.documents.spreadsheet"}),
        ("yaml", {"dvcq.yamlio"}),
        ("jinja2", {"dvcq.documents.templating"}),
    ],
)
def test_one_door_for_each_library(library: str, allowed: set[str]) -> None:
    outside = {
        name
        for name in importers_of(library)
        if not any(name == a or name.startswith(a + ".") for a in allowed)
    }
    assert outside == set()


def test_the_flat_core_imports_no_sub_package() -> None:
    core = {
        name
        for name in MODULES
        if name.count(".") == 1 and name.split(".")[1] not in (*SUB_PACKAGES, "__main__")
    }
    assert {"dvcq.model", "dvcq.schema", "dvcq.repository", "dvcq.dates"} <= core
    upward = {
        (name, m)
        for name in core
        for m in MODULES[name]
        if any(m.startswith(f"dvcq.{sub}") for sub in SUB_PACKAGES)
    }
    assert upward == set()


def test_only_the_command_line_imports_the_command_line() -> None:
    assert {n for n in importers_of("dvcq.cli") if not n.startswith("dvcq.cli")} == {
        "dvcq.__main__"
    }


def test_checking_and_recording_never_reach_documents_or_review() -> None:
    lower = [n for n in MODULES if not n.startswith(("dvcq.documents", "dvcq.review", "dvcq.cli"))]
    reach = {
        (name, m)
        for name in lower
        for m in MODULES[name]
        if m.startswith(("dvcq.documents", "dvcq.review", "dvcq.lifecycle"))
        and not name.startswith("dvcq.lifecycle")
    }
    assert reach == set()


PROBE = """
import json, sys
sys.argv = ["dvcq", *sys.argv[1:]]
from dvcq.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.write(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def probe(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    """The exit code of `dvcq ARGS` in a new process, and every module it loaded."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "DVCQ_LANG": "vi"},
    )
    report = json.loads(run.stderr[run.stderr.rindex('{"code"') :])
    return report["code"], set(report["modules"])


FRAMEWORK = {"typer", "click", "rich"}


@pytest.mark.slow
def test_the_path_of_check_loads_no_documents_review_or_heavy_library(tmp_path: Path) -> None:
    plan = Path(__file__).parent / "data" / "minimal.yaml"
    code, modules = probe(tmp_path, "check", str(plan))
    assert code == 0
    assert "dvcq.rules.check" in modules and "dvcq.cli.checking" in modules
    loaded = {
        m
        for m in modules
        if m.startswith(("dvcq.documents", "dvcq.review", "dvcq.lifecycle", "dvcq.progress"))
        or m.split(".")[0] in {"docx", "openpyxl", "jinja2", "lxml"}
    }
    assert loaded == set()
    # The plain path: no command line framework, no command module, no rich.
    assert {m for m in modules if m.split(".")[0] in FRAMEWORK} == set()
    assert {m for m in modules if m.startswith("dvcq.cli.")} == {
        "dvcq.cli.boundary",
        "dvcq.cli.options",
        "dvcq.cli.checking",
        "dvcq.cli.problem_text",
    }
    # No dataclass-driven stdlib chain (dvcq.record serves), and no progress or notes rules for
    # a plan without entries.
    assert {"dataclasses", "inspect", "ast", "dis", "tokenize"} & modules == set()
    assert {"dvcq.rules.progress", "dvcq.rules.reports"} & modules == set()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "github"])
def test_check_in_other_formats_stays_plain(tmp_path: Path, fmt: str) -> None:
    plan = Path(__file__).parent / "data" / "minimal.yaml"
    code, modules = probe(tmp_path, "check", "--format", fmt, "--lang", "en", str(plan))
    assert code == 0
    assert {m for m in modules if m.split(".")[0] in FRAMEWORK} == set()


@pytest.mark.slow
def test_an_unusual_check_line_goes_to_typer(tmp_path: Path) -> None:
    code, modules = probe(tmp_path, "check", "--format", "xml", "plans/x.yaml")
    assert code == 2  # click's own usage error, as before
    assert {"typer", "click", "dvcq.cli.check"} <= modules


@pytest.mark.slow
def test_version_loads_no_command_module(tmp_path: Path) -> None:
    code, modules = probe(tmp_path, "--version")
    assert code == 0
    assert {m for m in modules if m.split(".")[0] in FRAMEWORK} == set()
    assert {m for m in modules if m.startswith("dvcq.cli.")} <= {
        "dvcq.cli.boundary",
        "dvcq.cli.options",
        "dvcq.cli.checking",
    }


@pytest.mark.slow
@pytest.mark.parametrize(("command", "module"), [("check", "check"), ("status", "status")])
def test_help_of_one_command_loads_that_command_module_only(
    tmp_path: Path, command: str, module: str
) -> None:
    code, modules = probe(tmp_path, command, "--help")
    assert code == 0
    from dvcq.cli import COMMANDS

    commands = {f"dvcq.cli.{m}" for m in COMMANDS.values()}
    assert modules & commands == {f"dvcq.cli.{module}"}
