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
    done = run("status", "--period", "2026-H1", cwd=root, env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "Lượt tiếp công dân: 1.234.567" in done.stdout
    assert "e+" not in done.stdout
