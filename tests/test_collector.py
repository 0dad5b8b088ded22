"""Issue 15: the cyclic garbage collector is paused through a bulk check or read of entries.

Reading and checking 100,000 entries only allocates (the entries, each rule's keys, the problems
found), and every full collection walks the whole growing heap again: pausing it took a fifth of
`dvcq check --progress`. These tests count the collector's runs with `gc.callbacks` while the real
check and the real readers go over 20,000 entries of the sample plan, each with its copy (a
duplicate-entry warning each, so the rules allocate as the benchmark's do).
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from cli_run import SAMPLE_PLAN

from dvcq import collector
from dvcq.progress.store import load_usable
from dvcq.rules.check import check, read_plan
from dvcq.yamlio import parse

COUNT = 10_000
NOV_27 = dt.date(2026, 11, 27)


def line(number: int) -> str:
    return (
        f'- {{"id": "20260310-{number:08d}", "task": "quy-che-tiep-cong-dan", '
        f'"date": "2026-03-10", "unit": "VP", "status": "dang-thuc-hien", '
        f'"result": "Tiếp dân lần {number // 2}.", "values": {{"luot-tiep-cong-dan": 4}}, '
        f'"author": "A"}}\n'
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("collector")
    (root / "plans").mkdir()
    shutil.copy(SAMPLE_PLAN, root / "plans" / "2026.yaml")
    month = root / "progress" / "2026" / "2026-03.yaml"
    month.parent.mkdir(parents=True)
    month.write_text("".join(line(n) for n in range(2 * COUNT)), encoding="utf-8")
    return root


# The functions that read entries and run the rules over them: no collection may start while one
# of them is on the stack (reading the plan and sorting the problems may collect, as ever).
BULK = {"read_progress", "progress_findings", "usable"}


@contextmanager
def collections_in_bulk_work(bulk: frozenset[str] = frozenset(BULK)) -> Iterator[list[str]]:
    """The bulk function on the stack for each collection that starts inside the block."""
    runs: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        frame = sys._getframe(1)
        while phase == "start" and frame is not None:
            code = frame.f_code
            if code.co_name in bulk and "dvcq" in Path(code.co_filename).parts:
                runs.append(frame.f_code.co_name)
                return
            frame = frame.f_back

    gc.collect()  # start from a clean heap, so the counting starts at the same place each time
    gc.callbacks.append(count)
    try:
        yield runs
    finally:
        gc.callbacks.remove(count)


def test_check_runs_no_collection_and_finds_every_copy(repo: Path) -> None:
    assert gc.isenabled()
    with collections_in_bulk_work() as runs:
        result = check([repo / "plans" / "2026.yaml"], as_of=NOV_27)
    assert runs == []
    assert [p.rule for p in result.problems].count("duplicate-entry") == COUNT
    assert gc.isenabled()  # given back as it was


def test_readers_run_no_collection_and_count_every_entry(repo: Path) -> None:
    with collections_in_bulk_work() as runs:
        _, usable = load_usable(repo / "plans" / "2026.yaml", None)
    assert runs == []
    assert len(usable.progress.entries) == 2 * COUNT
    assert usable.left_out == []
    assert gc.isenabled()


def test_reading_a_plan_runs_no_collection(tmp_path: Path) -> None:
    """A plan's nodes and records all live until it is built, and the rules' findings pile up:
    diff and render read plans of thousands of tasks through this (issue 15: growth <= 1.05)."""
    # parse and build_plan: the reader and the model; run: the plan rules (dvcq.rules.run)
    with collections_in_bulk_work(frozenset({"parse", "build_plan", "run"})) as runs:
        plan, problems = read_plan(SAMPLE_PLAN)
    assert runs == []
    assert plan is not None and len(plan.units) == 3
    assert [p.rule for p in problems] == ["citation-type-mismatch"]  # the sample's one warning
    assert gc.isenabled()
    # The rules over a bigger plan (each task 30 times): their keys and findings pile up too.
    data = yaml.safe_load(SAMPLE_PLAN.read_text(encoding="utf-8"))
    for section in data["contents"]["sections"]:
        section["tasks"] = [  # copies, so the dump writes no aliases
            {**copy.deepcopy(t), "id": f"{t['id']}-{k}"}
            for t in section["tasks"]
            for k in range(30)
        ]
    big = tmp_path / "2026.yaml"
    big.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with collections_in_bulk_work(frozenset({"run"})) as runs:
        plan, problems = read_plan(big)
    assert runs == []
    assert plan is not None and sum(len(s.tasks) for s in plan.contents.sections) == 30 * 8
    # The same reader called bare, outside plan_from_text's pause, does collect.
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    with collections_in_bulk_work(frozenset({"parse"})) as control:
        parse(text, str(SAMPLE_PLAN))
    assert control != []


def test_a_collector_the_caller_paused_stays_paused(repo: Path) -> None:
    gc.disable()
    try:
        check([repo / "plans" / "2026.yaml"], as_of=NOV_27)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError), collector.paused():
        assert not gc.isenabled()
        1 / 0  # noqa: B018  # the error a rule could raise
    assert gc.isenabled()


# What the `dvcq` process (console script, python -m dvcq) left to the collector at exit: the
# frozen count, after the atexit freeze it registers and a library call would not.
AT_EXIT = """
import atexit, gc, sys
atexit.register(lambda: sys.stderr.write(f"frozen={gc.get_freeze_count()}\\n"))
from dvcq.cli import {entry}
sys.argv = ["dvcq", "check", sys.argv[1]]
{entry}()
"""


@pytest.mark.parametrize(("entry", "frozen"), [("console", True), ("main", False)])
def test_only_the_dvcq_process_freezes_what_it_keeps(entry: str, frozen: bool) -> None:
    run = subprocess.run(
        [sys.executable, "-c", AT_EXIT.replace("{entry}", entry), str(SAMPLE_PLAN)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    count = int(run.stderr.rsplit("frozen=", 1)[1])
    assert (count > 10_000) is frozen  # the modules, the plan and its problems: all of it


def test_a_library_caller_keeps_its_collector_unfrozen(repo: Path) -> None:
    check([repo / "plans" / "2026.yaml"], as_of=NOV_27)
    assert gc.get_freeze_count() == 0


def test_the_console_script_is_the_one_command_entry() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"] == {"dvcq": "dvcq.cli:console"}
    main_module = Path(__file__).parents[1] / "dvcq" / "__main__.py"
    assert "console()" in main_module.read_text(encoding="utf-8")


def test_writing_a_document_runs_no_collection(tmp_path: Path) -> None:
    """The text, then the document's tree, live until the file is written (render plan of 5,000
    tasks: issue 15's growth target); layout.render and templating.render build them."""
    from dvcq.documents.render import render_plan

    plan, _ = read_plan(SAMPLE_PLAN)
    assert plan is not None
    with collections_in_bulk_work(frozenset({"render"})) as runs:
        render_plan(plan, tmp_path / "k.docx")
    assert runs == []
    assert (tmp_path / "k.docx").read_bytes()[:2] == b"PK"
    assert gc.isenabled()
