"""`dvcq urge` with unit groups (tests/data/groups): a silent member of PCM is urged on the
group's tasks, which it reports its part of, not sent a letter with an empty list."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_run import ROOT, run


def test_a_silent_member_is_urged_on_its_groups_tasks(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "data" / "groups", tmp_path / "ws")
    done = run(
        "urge", "2026-H1", "--format", "md", cwd=tmp_path / "ws", env={"DVCQ_TODAY": "2026-05-01"}
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = lines.index("- Phòng Lãnh sự:")
    tasks = []
    for line in lines[at + 1 :]:
        if line.startswith("- "):
            break  # the next unit
        if line.startswith("+ "):
            tasks.append(line.split(":")[0] + " " + line.rsplit("(", 1)[1])
    assert tasks == [
        "+ Mục II.1 phối hợp).",
        "+ Mục II.1 phối hợp).",
        "+ Mục II.2 chủ trì).",
        "+ Mục II.3 chủ trì).",
        "+ Mục II.3 chủ trì).",
        "+ Mục II.4 phối hợp).",
        "+ Mục II.4 phối hợp).",
        "+ Mục III.1 phối hợp).",
        "+ Mục III.2 chủ trì).",
    ]
