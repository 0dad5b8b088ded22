"""The status cache is keyed on content: it is never stale, whatever happens to the files."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, run


def status(folder: Path, cache: Path, **env: str) -> dict[str, object]:
    done = run(
        "status",
        "--format",
        "json",
        "--period",
        "2026-H1",
        cwd=folder,
        env={"DVCQ_LANG": None, "DVCQ_CACHE_DIR": str(cache), **env},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_cache_is_used_and_never_stale(tmp_path: Path) -> None:
    folder, cache = tmp_path / "ws", tmp_path / "cache"
    (folder / "plans").mkdir(parents=True)
    shutil.copy(SAMPLE_PLAN, folder / "plans")
    shutil.copytree(SAMPLE_PROGRESS, folder / "progress")
    first = status(folder, cache)
    assert len(list(cache.glob("status-*.json"))) == 1
    assert status(folder, cache) == first  # served from the cache
    assert status(folder, cache, DVCQ_NO_CACHE="1") == first  # and equal to a fresh computation

    # Same size, same modification time, one figure changed: the content key still sees it.
    month = folder / "progress" / "2026" / "2026-03.yaml"
    before = month.stat()
    text = month.read_text(encoding="utf-8")
    found = re.search(r'"luot-tiep-cong-dan": (\d),', text)
    assert found
    digit = "7" if found[1] != "7" else "8"
    changed = text[: found.start(1)] + digit + text[found.end(1) :]
    assert len(changed.encode()) == len(text.encode()) and changed != text
    month.write_text(changed, encoding="utf-8")
    os.utime(month, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = status(folder, cache)
    assert after != first
    assert after == status(folder, cache, DVCQ_NO_CACHE="1")

    # A new entry through the tool is seen at once.
    add = run(
        "progress",
        "add",
        "theo-doi-don-doc-bao-cao",
        "--unit",
        "VP",
        "--date",
        "2026-06-01",
        "--status",
        "hoan-thanh",
        "--result",
        "Báo cáo tháng 6.",
        "--author",
        "Văn thư",
        "--yes",
        cwd=folder,
        env={"DVCQ_LANG": None},
    )
    assert add.returncode == 0, add.stderr
    newest = status(folder, cache)
    row = next(r for r in newest["tasks"] if r["task"] == "theo-doi-don-doc-bao-cao")  # type: ignore[index]
    assert row["last_update"] == "2026-06-01"
