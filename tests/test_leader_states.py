"""The four states a leader reads (hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện
trong hạn, quá hạn) on a plan whose tasks carry deadlines as plans write them
(tests/data/plans/so-deliverables.yaml): the report's state is the board's deadline standing."""

from __future__ import annotations

import shutil
from pathlib import Path

from dvcq.progress.states import DONE_LATE, DONE_ON_TIME, IN_TIME, OVERDUE, leader_state

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "data" / "plans" / "so-deliverables.yaml"
ENV = {"DVCQ_TODAY": "2025-07-10"}
ENTRIES = [  # (task, unit, day, status) and the deadline each is held against
    ("ra-soat-thu-tuc", "HCTP", "2025-07-03", "hoan-thanh"),  # Quý II/2025: done after 30/6
    ("hoan-thanh-truoc-ngay", "VP", "2025-04-20", "hoan-thanh"),  # trước ngày 30/4: in time
    ("tiep-cong-dan", "TTr", "2025-05-10", "dang-thuc-hien"),  # Thường xuyên: never overdue
    ("hoi-nghi-so-ket", "VP", "2025-06-20", "dang-thuc-hien"),  # Tháng 6/2025 passed, not done
    ("pho-bien-phap-luat", "PBGDPL", "2025-03-25", "hoan-thanh"),  # Q1 done, Q2 missed
]


def test_leader_state_from_the_board_flags() -> None:
    assert leader_state("hoan-thanh", overdue=False, done_late=True) == DONE_LATE
    assert leader_state("hoan-thanh", overdue=False, done_late=False) == DONE_ON_TIME
    assert leader_state("hoan-thanh", overdue=True, done_late=False) == OVERDUE
    assert leader_state("dang-thuc-hien", overdue=False, done_late=False) == IN_TIME
    assert leader_state(None, overdue=True, done_late=False) == OVERDUE


def test_report_states_follow_the_deadlines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(PLAN, repo / "plans" / "2025.yaml")
    for task, unit, day, status in ENTRIES:
        run = cli(
            "progress", "add", task, "-u", unit, "-d", day, "-s", status,
            "-r", "Đã thực hiện.", "--author", "Nguyễn An", "-y", cwd=repo, env=ENV,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
    run = cli("report", "2025", "--as-of", "2025-07-10", "-f", "md", cwd=repo, env=ENV)
    assert run.returncode == 0, run.stderr
    assert (
        "5/6 nhiệm vụ (83,3 %) có kết quả được cập nhật; trong đó 1 nhiệm vụ hoàn thành đúng "
        "hạn, 1 nhiệm vụ hoàn thành quá hạn, 1 nhiệm vụ đang thực hiện trong hạn, 3 nhiệm vụ "
        "quá hạn."
    ) in run.stdout.replace("\u00a0", " ")
    table = [
        line for line in run.stdout.splitlines() if line.startswith("| ") and "/2025 |" in line
    ]
    states = {line.split(" | ")[0][2:]: line.split(" | ")[3] for line in table}
    assert states == {
        "1": "Quá hạn",  # pho-bien-phap-luat: the second quarter is unmet
        "2": "Quá hạn",  # hoi-nghi-so-ket
        "3": "Hoàn thành quá hạn",  # ra-soat-thu-tuc, done on 03/7 against 30/6
        "4": "Đang thực hiện trong hạn",  # tiep-cong-dan
        "6": "Hoàn thành đúng hạn",  # hoan-thanh-truoc-ngay
    }
    board = cli("status", "--period", "2025", "--as-of", "2025-07-10", cwd=repo, env=ENV)
    assert (
        "5/6 nhiệm vụ có báo cáo (83,3 %), 3 hoàn thành (50,0 %), 3 quá hạn, 1 hoàn thành muộn. "
        "Đơn vị chưa báo cáo: không."
    ) in " ".join(board.stdout.replace("\u00a0", " ").split())
    args = ("--lang", "en", "status", "--period", "2025", "--as-of", "2025-07-10")
    board = cli(*args, cwd=repo, env=ENV)
    assert (
        "5/6 tasks reported (83.3%), 3 done (50.0%), 3 overdue, 1 done late. Units silent: none."
    ) in " ".join(board.stdout.split())
