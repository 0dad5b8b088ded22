"""Running the real `dvcq` command in a test: a fixed day, Vietnamese, no terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def env() -> dict[str, str]:
    return {**os.environ, "DVCQ_TODAY": "2026-11-27", "DVCQ_LANG": "vi"}


def dvcq(
    cwd: Path, *args: str, environ: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dvcq", *args],
        cwd=cwd,
        env=environ or env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


ROOT = Path(__file__).resolve().parents[1]


def dvcq_as_is(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`dvcq` as a clerk runs it: the real day, Vietnamese messages, in this repository."""
    environ = {k: v for k, v in os.environ.items() if k != "DVCQ_LANG"}
    return subprocess.run(
        [sys.executable, "-m", "dvcq", *map(str, args)],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def add_args(
    task: str = "quy-che-tiep-cong-dan",
    *,
    date: str = "2026-03-10",
    status: str = "dang-thuc-hien",
    result: str | None = "Tiếp dân.",
    unit: str = "VP",
    author: str = "A",
) -> list[str]:
    """The words of a `dvcq progress add … --yes` (leave `result` None to leave it out)."""
    words = ["progress", "add", task, "--unit", unit, "--date", date, "--status", status]
    if result is not None:
        words += ["--result", result]
    return [*words, "--author", author, "--yes"]
