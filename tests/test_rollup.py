"""`dvcq.progress.rollup.boards`: the boards of many repositories in one process, each the one
`dvcq status --format json` prints for the same repository and period."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_run import SAMPLE, TODAY

from dvcq.errors import UsageError
from dvcq.progress.rollup import boards

AS_OF = dt.date(2026, 11, 27)


def repository(folder: Path, months: int) -> Path:
    """A copy of the sample workspace keeping the progress files of its first `months` months."""
    shutil.copytree(SAMPLE / "plans", folder / "plans")
    shutil.copytree(SAMPLE / "progress", folder / "progress")
    for path in (folder / "progress" / "2026").glob("*.yaml"):
        if int(path.stem[5:]) > months:
            path.unlink()
    return folder


def test_one_board_per_repository_and_period_as_status_prints_it(
    tmp_path: Path, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DVCQ_TODAY", TODAY)
    full, spring = repository(tmp_path / "so-a", 12), repository(tmp_path / "so-b", 3)
    got = boards([full, spring], ["2026-H1", "2026"], AS_OF)
    assert [(b["repository"], b["period"]) for b in got] == [
        (str(full), "2026-H1"),
        (str(full), "2026"),
        (str(spring), "2026-H1"),
        (str(spring), "2026"),
    ]
    assert [b["summary"]["done"] for b in got] == [9, 8, 4, 4]
    assert {b["summary"]["tasks"] for b in got} == {11}
    assert got[0]["plan"] == str(full / "plans" / "2026.yaml")
    for board in got:
        run = cli(
            "status",
            "--period",
            board["period"],
            "--format",
            "json",
            "--as-of",
            "2026-11-27",
            cwd=Path(board["repository"]),
        )
        assert run.returncode == 0, run.stderr
        assert {
            "repository": board["repository"],
            "plan": board["plan"],
            **json.loads(run.stdout),
        } == board


def test_one_period_or_the_whole_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DVCQ_TODAY", TODAY)
    repo = repository(tmp_path / "so-a", 12)
    assert [b["period"] for b in boards([repo], None, AS_OF)] == ["2026"]
    assert [b["period"] for b in boards([repo], "2026-Q1", AS_OF)] == ["2026-Q1"]


def test_a_repository_without_its_one_plan_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty" / "plans").mkdir(parents=True)
    with pytest.raises(UsageError) as caught:
        boards([tmp_path / "empty"], None, AS_OF)
    assert caught.value.text["vi"] == (
        f"Kho {tmp_path / 'empty'}: thư mục plans/ phải có đúng một tệp kế hoạch (đang có 0)."
    )
