"""The status board as text: figures written as Vietnamese writes them, not in scientific notation."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_run import SAMPLE, run


def test_large_indicator_totals_are_written_in_full(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    month = root / "progress" / "2026" / "2026-03.yaml"
    for p in (root / "progress" / "2026").glob("*.yaml"):
        p.write_text("", encoding="utf-8")
    month.write_text(
        '- {"id": "20260310-00000001", "task": "quy-che-tiep-cong-dan", "date": "2026-03-10", '
        '"unit": "VP", "status": "dang-thuc-hien", "result": "Tiếp công dân.", '
        '"values": {"luot-tiep-cong-dan": 1234567}, "author": "A"}\n',
        encoding="utf-8",
    )
    done = run("status", "--period", "2026-H1", "--indicators", cwd=root, env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "Lượt tiếp công dân" in line)
    assert row.split()[-2:] == ["1.234.567", "lượt"]
    assert "e+" not in done.stdout


def test_list_all_in_a_period_keeps_the_corrected_entries(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    for p in (root / "progress" / "2026").glob("*.yaml"):
        p.write_text("", encoding="utf-8")
    line = (
        '- {{"id": "{id}", "task": "quy-che-tiep-cong-dan", "date": "2026-03-1{d}", '
        '"unit": "VP", "status": "dang-thuc-hien", "result": "Tiếp công dân {d}.", '
        '"author": "A"{more}}}\n'
    )
    (root / "progress" / "2026" / "2026-03.yaml").write_text(
        line.format(id="20260310-00000001", d=0, more="")
        + line.format(id="20260311-00000002", d=1, more=', "supersedes": "20260310-00000001"'),
        encoding="utf-8",
    )
    ids = [
        "20260310-00000001",
        "20260311-00000002",
    ]
    listed = run("progress", "list", "--all", "--period", "2026-H1", "--format", "csv", cwd=root)
    assert listed.returncode == 0, listed.stderr
    assert [row.split(",")[0] for row in listed.stdout.splitlines()[1:]] == ids
    current = run("progress", "list", "--period", "2026-H1", "--format", "csv", cwd=root)
    assert [row.split(",")[0] for row in current.stdout.splitlines()[1:]] == ids[1:]


def test_an_as_of_day_that_does_not_exist_is_named_as_such(tmp_path: Path) -> None:
    done = run("status", "--as-of", "2026-02-30")
    assert done.returncode == 2
    assert done.stderr == "Lỗi: Ngày “2026-02-30” không có thật (tháng 02/2026 không có ngày 30).\n"
    en = run("--lang", "en", "status", "--as-of", "2026-02-30")
    assert en.stderr == "Error: Date “2026-02-30” does not exist (month 02/2026 has no day 30).\n"


def test_summary_line_leaves_out_zero_deadline_flags_in_both_languages(tmp_path: Path) -> None:
    root = tmp_path / "w"
    shutil.copytree(SAMPLE, root)
    for p in (root / "progress" / "2026").glob("*.yaml"):
        p.write_text("", encoding="utf-8")
    (root / "progress" / "2026" / "2026-03.yaml").write_text(
        '- {"id": "20260310-00000001", "task": "quy-che-tiep-cong-dan", "date": "2026-03-10", '
        '"unit": "VP", "status": "hoan-thanh", "result": "Đã ban hành.", "author": "A"}\n',
        encoding="utf-8",
    )
    args = ("status", "--period", "2026-H1", "--as-of", "2026-03-31")
    done = run(*args, cwd=root, env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.replace("\u00a0", " ").splitlines()[-2:] == [
        "1/11 nhiệm vụ có báo cáo (9,1 %), 1 hoàn thành (9,1 %), 0 quá hạn.",
        "Đơn vị chưa báo cáo: PCM, LDS.",
    ]
    en = run("--lang", "en", *args, cwd=root, env={"COLUMNS": "200"})
    assert en.stdout.splitlines()[-2:] == [
        "1/11 tasks reported (9.1%), 1 done (9.1%), 0 overdue.",
        "Units silent: PCM, LDS.",
    ]
