"""The in-process runner (cli_run.run) behaves like a fresh `dvcq` process each time."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE, Result


def test_the_language_of_one_call_does_not_leak_into_the_next(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    assert cli("check", "--lang", "en", cwd=tmp_path).stderr.startswith("Error: ")
    assert cli("check", cwd=tmp_path).stderr.startswith("Lỗi: ")
    assert cli("check", cwd=tmp_path, env={"DVCQ_LANG": "en"}).stderr.startswith("Error: ")


def test_environment_folder_and_streams_are_put_back(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    environ, folder, streams = dict(os.environ), os.getcwd(), (sys.stdin, sys.stdout, sys.stderr)
    done = cli("check", "--format", "xml", cwd=tmp_path, env={"DVCQ_EXTRA": "1"})
    assert done.returncode == 2 and done.stdout == "" and "xml" in done.stderr
    assert (dict(os.environ), os.getcwd()) == (environ, folder)
    assert (sys.stdin, sys.stdout, sys.stderr) == streams


def test_the_day_is_fixed_and_the_default_folder_is_the_sample(cli: Callable[..., Result]) -> None:
    done = cli("status", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert '"as_of": "2026-11-27"' in done.stdout
    assert cli("show", "plans/2026.yaml").returncode == 0  # found in tests/data/sample
    assert (SAMPLE / "plans" / "2026.yaml").is_file()


def test_rich_prints_plain_text_at_the_width_asked_each_time(cli: Callable[..., Result]) -> None:
    widths = {}
    for columns in ("40", "120", "40"):
        done = cli("show", "plans/2026.yaml", env={"COLUMNS": columns})
        assert done.returncode == 0 and "\x1b[" not in done.stdout
        widths[columns] = max(len(line) for line in done.stdout.splitlines())
    assert widths["40"] <= 40 < 80 < widths["120"] <= 120


def test_version_and_exit_code(cli: Callable[..., Result]) -> None:
    done = cli("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, "dvcq 0.1.0\n", "")
    assert cli("no-such-command").returncode == 2


def test_only_the_seed_fidelity_tests_read_the_agencys_plan() -> None:
    # The agency edits plans/2026.yaml; tool tests read the copy in tests/data/sample.
    readers = [
        p.name
        for p in sorted((ROOT / "tests").glob("*.py"))
        if re.search(r'ROOT / "(plans|examples)"', p.read_text(encoding="utf-8"))
    ]
    assert readers == ["test_plan_source.py"]


def test_only_the_command_run_is_registered_as_in_a_new_process(
    cli: Callable[..., Result],
) -> None:
    for args in (["status", "--help"], ["render", "plan", "--help"], ["check", "--help"]):
        assert cli(*args).returncode == 0  # imports, and registers, those commands first
    listed = cli("--help").stdout.split("Lệnh:\n")[1]
    assert re.findall(r"^  ([a-z]+) ", listed, re.M) == [
        *("check", "show", "rules", "status", "report", "urge", "form", "tasks", "diff"),
        *("schema", "init", "fmt"),
        *("render", "progress", "export", "plan"),
    ]
    usage = cli("check", "--nope").stderr
    assert usage.startswith("Cách dùng: dvcq check [TÙY_CHỌN] [TỆP]...\n")


def test_time_limit_stops_a_blocked_test_and_nothing_in_dvcq_can_swallow_it() -> None:
    import time

    from cli_run import Hung, time_limit

    started = time.monotonic()
    with pytest.raises(Hung), time_limit(0.2):
        try:
            time.sleep(5)
        except Exception:  # as dvcq's error boundary does: it must not catch the limit
            pytest.fail("the limit was caught as an Exception")
    assert time.monotonic() - started < 2
