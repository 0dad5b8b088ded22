"""Reporting periods and their data windows (Nghị định 09/2019/NĐ-CP, Điều 12), and the board's use
of them through `dvcq status --format json`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_run import SAMPLE_PLAN, dvcq

from dvcq.errors import UsageError
from dvcq.model import Reporting, Window
from dvcq.progress.periods import parse_period, year_window
from dvcq.rules.check import open_plan

PLAN = SAMPLE_PLAN
D = dt.date


def test_half_years() -> None:
    h1 = parse_period("2026-H1")
    assert (h1.start, h1.end) == (D(2025, 12, 15), D(2026, 6, 14))
    assert h1.contains(D(2025, 12, 15)) and h1.contains(D(2026, 6, 14))
    assert not h1.contains(D(2025, 12, 14)) and not h1.contains(D(2026, 6, 15))
    h2 = parse_period("2026-H2")
    assert (h2.start, h2.end) == (D(2026, 6, 15), D(2026, 12, 14))
    assert h2.contains(D(2026, 6, 15)) and h2.contains(D(2026, 12, 14))
    assert not h2.contains(D(2026, 12, 15)) and not h2.contains(D(2026, 6, 14))


def test_year_and_month() -> None:
    year = parse_period("2026")
    assert (year.start, year.end) == (D(2025, 12, 15), D(2026, 12, 14))
    assert year_window(2026) == year
    jan = parse_period("2026-01")
    assert (jan.start, jan.end) == (D(2025, 12, 15), D(2026, 1, 14))
    dec = parse_period("2026-12")
    assert (dec.start, dec.end) == (D(2026, 11, 15), D(2026, 12, 14))
    assert (jan.first_month, jan.last_month) == (1, 1)


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2026-Q1", D(2025, 12, 15), D(2026, 3, 14)),
        ("2026-Q2", D(2026, 3, 15), D(2026, 6, 14)),
        ("2026-Q3", D(2026, 6, 15), D(2026, 9, 14)),
        ("2026-Q4", D(2026, 9, 15), D(2026, 12, 14)),
    ],
)
def test_quarters(label: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(label)
    assert (period.start, period.end) == (start, end)
    assert period.contains(start) and period.contains(end)
    assert not period.contains(start - dt.timedelta(days=1))
    assert not period.contains(end + dt.timedelta(days=1))


def test_calendar_months_with_cutoff_31() -> None:
    calendar = Reporting(cutoff_day=31)
    feb = parse_period("2026-02", calendar)
    assert (feb.start, feb.end) == (D(2026, 2, 1), D(2026, 2, 28))
    leap = parse_period("2028-02", calendar)
    assert (leap.start, leap.end) == (D(2028, 2, 1), D(2028, 2, 29))
    year = parse_period("2026", calendar)
    assert (year.start, year.end) == (D(2026, 1, 1), D(2026, 12, 31))
    q2 = parse_period("2026-Q2", calendar)
    assert (q2.start, q2.end) == (D(2026, 4, 1), D(2026, 6, 30))
    h2 = parse_period("2026-H2", calendar)
    assert (h2.start, h2.end) == (D(2026, 7, 1), D(2026, 12, 31))
    mar = parse_period("2026-03", calendar)
    assert mar.start == D(2026, 3, 1)  # the day after 28 February, not 4 March


def test_explicit_window_override() -> None:
    reporting = Reporting(windows=[Window(period="2026-H1", start="2026-01-01", end="2026-06-20")])
    h1 = parse_period("2026-H1", reporting)
    assert (h1.start, h1.end) == (D(2026, 1, 1), D(2026, 6, 20))
    h2 = parse_period("2026-H2", reporting)  # other periods keep the default
    assert (h2.start, h2.end) == (D(2026, 6, 15), D(2026, 12, 14))


def test_explicit_window_from_plan_file(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    block = "reporting:\n  cutoff_day: 14\n"
    assert block in text
    text = text.replace(
        block,
        block + '  windows:\n    - period: 2026-Q2\n      start: "2026-03-20"\n'
        '      end: "2026-06-10"\n',
    )
    path = tmp_path / "2026.yaml"
    path.write_text(text, encoding="utf-8")
    plan = open_plan(path)
    q2 = parse_period("2026-Q2", plan.reporting)
    assert (q2.start, q2.end) == (D(2026, 3, 20), D(2026, 6, 10))
    q3 = parse_period("2026-Q3", plan.reporting)
    assert (q3.start, q3.end) == (D(2026, 6, 15), D(2026, 9, 14))


@pytest.mark.parametrize("label", ["2026-13", "2026-00", "2026-Q5", "2026-H3", "abc", "", "26"])
def test_invalid_labels(label: str) -> None:
    with pytest.raises(UsageError):
        parse_period(label)


# --- the board, through the CLI ------------------------------------------------------------------


@pytest.fixture(scope="module")
def board_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repo = tmp_path_factory.mktemp("board")
    (repo / "plans").mkdir()
    shutil.copy(PLAN, repo / "plans" / "2026.yaml")
    ids: dict[str, str] = {}

    def add(name: str, task: str, unit: str, date: str, status: str, *extra: str) -> None:
        run = dvcq(
            repo,
            "progress",
            "add",
            task,
            "--unit",
            unit,
            "--date",
            date,
            "--status",
            status,
            "--result",
            name,
            "--author",
            "A",
            "--yes",
            *extra,
        )
        assert run.returncode == 0, (run.stdout, run.stderr)
        ids[name] = re.search(r"Đã ghi mục (\S+) vào", run.stdout)[1]  # type: ignore[index]

    # Only VP reports; LDS and PCM stay silent.
    add("h1-edge", "quy-che-tiep-cong-dan", "VP", "2026-06-14", "dang-thuc-hien",
        "--value", "luot-tiep-cong-dan=5")  # fmt: skip
    add("h2-edge", "quy-che-tiep-cong-dan", "VP", "2026-06-15", "dang-thuc-hien",
        "--value", "luot-tiep-cong-dan=7")  # fmt: skip
    add("old", "theo-doi-don-doc-bao-cao", "VP", "2026-03-01", "dang-thuc-hien")
    add("new", "theo-doi-don-doc-bao-cao", "VP", "2026-03-02", "hoan-thanh",
        "--supersedes", ids["old"])  # fmt: skip
    return repo, ids


def status(repo: Path, *args: str) -> dict[str, Any]:
    run = dvcq(repo, "status", "--format", "json", *args)
    assert run.returncode == 0, (run.stdout, run.stderr)
    return json.loads(run.stdout)


def row(data: dict[str, Any], task: str) -> dict[str, Any]:
    (found,) = [r for r in data["tasks"] if r["task"] == task]
    return found


def test_board_half_year_edges(board_repo: tuple[Path, dict[str, str]]) -> None:
    repo, _ = board_repo
    h1 = status(repo, "--period", "2026-H1", "--as-of", "2026-11-27")
    assert h1["window"] == {"start": "2025-12-15", "end": "2026-06-14"}
    r = row(h1, "quy-che-tiep-cong-dan")
    assert (r["entries"], r["last_update"], r["indicators"]) == (
        1,
        "2026-06-14",
        {"luot-tiep-cong-dan": 5},
    )
    h2 = status(repo, "--period", "2026-H2", "--as-of", "2026-11-27")
    r = row(h2, "quy-che-tiep-cong-dan")
    assert (r["entries"], r["last_update"], r["indicators"]) == (
        1,
        "2026-06-15",
        {"luot-tiep-cong-dan": 7},
    )
    year = status(repo, "--period", "2026", "--as-of", "2026-11-27")
    assert row(year, "quy-che-tiep-cong-dan")["indicators"] == {"luot-tiep-cong-dan": 12}


def test_board_as_of_excludes_later_entries(board_repo: tuple[Path, dict[str, str]]) -> None:
    repo, _ = board_repo
    data = status(repo, "--period", "2026", "--as-of", "2026-06-14")
    r = row(data, "quy-che-tiep-cong-dan")
    assert (r["entries"], r["indicators"]) == (1, {"luot-tiep-cong-dan": 5})
    early = status(repo, "--period", "2026", "--as-of", "2026-02-01")
    assert all(r["no_entry"] for r in early["tasks"])
    assert early["summary"]["reported"] == 0


def test_board_superseding_entry_replaces_old(board_repo: tuple[Path, dict[str, str]]) -> None:
    repo, _ = board_repo
    data = status(repo, "--period", "2026-H1", "--as-of", "2026-11-27")
    r = row(data, "theo-doi-don-doc-bao-cao")
    assert (r["entries"], r["status"], r["last_update"]) == (1, "hoan-thanh", "2026-03-02")
    listed = dvcq(repo, "progress", "list", "--format", "json")
    assert listed.returncode == 0
    shown = {e["result"] for e in json.loads(listed.stdout)["entries"]}
    assert "old" not in shown and "new" in shown


def test_board_flags_and_summary(board_repo: tuple[Path, dict[str, str]]) -> None:
    repo, _ = board_repo
    data = status(repo, "--period", "2026-H1", "--as-of", "2026-11-27")
    tasks = data["tasks"]
    reported = {r["task"] for r in tasks if not r["no_entry"]}
    assert reported == {"quy-che-tiep-cong-dan", "theo-doi-don-doc-bao-cao"}
    assert all(r["entries"] == 0 and r["status"] is None for r in tasks if r["no_entry"])
    assert data["silent_units"] == ["PCM", "LDS"]
    total = len(tasks)
    assert total == 11  # 8 tasks in part II, 3 in part III
    assert data["summary"] == {
        "tasks": total,
        "reported": 2,
        "reported_percent": round(100 * 2 / total, 1),
        "done": 1,
        "done_percent": round(100 / total, 1),
        "overdue": 0,
        "due_soon": 0,
        "done_late": 0,
        "silent_units": 2,
    }
    # For one unit: only its tasks, and it is not silent.
    vp = status(repo, "--period", "2026-H1", "--unit", "VP", "--as-of", "2026-11-27")
    assert vp["silent_units"] == []
    vp_tasks = {r["task"] for r in vp["tasks"]}
    assert len(vp_tasks) == 10 and "quan-triet-long-ghep-ke-hoach" not in vp_tasks  # PCM's alone
    lds = status(repo, "--period", "2026-H1", "--unit", "LDS", "--as-of", "2026-11-27")
    assert lds["silent_units"] == ["LDS"]
    assert all(r["no_entry"] for r in lds["tasks"])
