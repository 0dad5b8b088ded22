"""Shared fixtures: `cli` runs dvcq in-process (see cli_run.run); tests/data stays as committed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_run import ROOT, Result, run

DATA = ROOT / "tests" / "data"


@pytest.fixture
def cli() -> Callable[..., Result]:
    """`cli("check", "--format", "json", cwd=tmp_path)`: dvcq in this process, output captured."""
    return run


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True, scope="session")
def fixtures_stay_read_only() -> Iterator[None]:
    """The fixtures are shared by every test: one that wrote into them would leak into others."""
    before = _digest(DATA)
    yield
    assert _digest(DATA) == before, "a test changed tests/data; copy the fixture to tmp_path first"
