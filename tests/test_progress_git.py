"""Progress files under real git: two branches that each add entries merge without conflict.

Everything runs through the real CLI (in-process through cli_run, without a terminal) inside a
fresh repository in a temporary folder, with the sample plan and the real `.gitattributes`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import ROOT, SAMPLE_PLAN, add_args
from cli_run import dvcq as run_dvcq

from dvcq.model import Entry
from dvcq.progress.store import read_progress

PLAN = SAMPLE_PLAN
TODAY = "2026-11-27"
WROTE = re.compile(r"Đã ghi mục (\d{8}-[0-9a-f]{8})")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    out.update(
        DVCQ_TODAY=TODAY,
        DVCQ_LANG="vi",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_DATE="2026-11-27T00:00:00",
        GIT_COMMITTER_DATE="2026-11-27T00:00:00",
    )
    return out


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(
        ["git", *args], cwd=cwd, env=env(), capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, (args, run.stdout, run.stderr)
    return run


def dvcq(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_dvcq(cwd, *args, environ=env())  # without the caller's GIT_ variables


def add(cwd: Path, task: str, date: str, result: str, *extra: str) -> str:
    run = dvcq(cwd, *add_args(task, date=date, result=result), *extra)
    assert run.returncode == 0, (run.stdout, run.stderr)
    m = WROTE.search(run.stdout)
    assert m, run.stdout
    return m[1]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / "plans" / "2026.yaml")
    shutil.copy(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Tester")
    git(tmp_path, "config", "user.email", "tester@example.com")
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "plan")
    return tmp_path


def progress_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]


def test_parallel_branches_merge_without_conflict(repo: Path) -> None:
    march = repo / "progress" / "2026" / "2026-03.yaml"
    april = repo / "progress" / "2026" / "2026-04.yaml"
    # The month file exists on main before the branches split: both append to it.
    base = add(repo, "quy-che-tiep-cong-dan", "2026-03-10", "Khởi đầu")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base entry")

    ids: dict[str, list[str]] = {"a": [], "b": []}
    git(repo, "branch", "a")
    git(repo, "branch", "b")
    for branch, day in (("a", "11"), ("b", "12")):
        git(repo, "checkout", "-q", branch)
        ids[branch] += [
            add(repo, "quy-che-tiep-cong-dan", f"2026-03-{day}", f"Nhánh {branch} lần 1"),
            add(repo, "nghi-dinh-phan-anh-kien-nghi", f"2026-03-{day}", f"Nhánh {branch} lần 2"),
            add(repo, "theo-doi-don-doc-bao-cao", f"2026-03-1{day[-1]}", f"Nhánh {branch} lần 3"),
            # A month file neither side had: both branches create it (add/add).
            add(repo, "quy-che-tiep-cong-dan", "2026-04-02", f"Nhánh {branch} tháng 4"),
        ]
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"progress on {branch}")

    git(repo, "checkout", "-q", "a")
    merge = subprocess.run(
        ["git", "merge", "--no-edit", "b"],
        cwd=repo,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert merge.returncode == 0, (merge.stdout, merge.stderr)
    status = git(repo, "status", "--porcelain").stdout
    assert status == "", status

    for path in (march, april):
        text = path.read_text(encoding="utf-8")
        for marker in ("<<<<<<<", "=======", ">>>>>>>"):
            assert marker not in text, (path, text)
        # Every line is a whole entry or a comment: the union never splices two lines.
        for line in text.splitlines():
            assert line.startswith(("- {", "#")), line

    progress = read_progress([march, april])
    assert progress.problems == []
    got = [e.id for e in progress.entries]
    expected = [base, *ids["a"], *ids["b"]]
    assert sorted(got) == sorted(expected)
    assert len(set(got)) == len(got)
    in_march = {e.id for e in read_progress([march]).entries}
    assert in_march == {base, *ids["a"][:3], *ids["b"][:3]}
    in_april = {e.id for e in read_progress([april]).entries}
    assert in_april == {ids["a"][3], ids["b"][3]}

    check = dvcq(repo, "check", "--format", "json")
    assert check.returncode == 0, (check.stdout, check.stderr)
    data = json.loads(check.stdout)
    assert data["errors"] == 0
    assert not [p for p in data["problems"] if p["level"] == "error"]
    assert any(f.endswith("2026-03.yaml") for f in data["files"])


def test_missing_result_without_terminal_is_a_usage_error(repo: Path) -> None:
    run = dvcq(repo, *add_args(result=None))
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "--result" in run.stdout + run.stderr
    assert not (repo / "progress").exists() or not list((repo / "progress").rglob("*.yaml"))


def test_unknown_task_is_refused(repo: Path) -> None:
    run = dvcq(repo, *add_args("quy-che-tiep-cong-dann", result="x"))
    assert run.returncode == 1, (run.stdout, run.stderr)
    assert "quy-che-tiep-cong-dann" in run.stdout + run.stderr
    assert not (repo / "progress").exists() or not list((repo / "progress").rglob("*.yaml"))


def test_same_entry_same_bytes(tmp_path: Path) -> None:
    entry = Entry(
        id="20260310-0123abcd",
        task="quy-che-tiep-cong-dan",
        date="2026-03-10",
        unit="VP",
        status="dang-thuc-hien",
        result='Tiếp 12 lượt công dân; “trích dẫn” \\ và "nháy"',
        author="Nguyễn Văn A",
        evidence=["123/SNgV-VP"],
        values={"luot-tiep-cong-dan": 12, "don-thu-tiep-nhan": 1.5},
        supersedes="20260301-deadbeef",
    )
    first = entry.to_line()
    assert first == entry.to_line()
    assert first.endswith("\n") and first.count("\n") == 1
    path = tmp_path / "2026-03.yaml"
    path.write_bytes(first.encode("utf-8"))
    progress = read_progress([path])
    assert progress.problems == []
    (back,) = progress.entries
    assert back.to_line() == first
    assert back.to_line().encode("utf-8") == path.read_bytes()


def test_written_line_round_trips(repo: Path) -> None:
    add(repo, "quy-che-tiep-cong-dan", "2026-03-10", "Kết quả", "--value", "luot-tiep-cong-dan=3")
    path = repo / "progress" / "2026" / "2026-03.yaml"
    (line,) = progress_lines(path)
    (entry,) = read_progress([path]).entries
    assert entry.to_line() == line + "\n"
