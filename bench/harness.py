"""Whole-process timing for the benchmarks: interleaved rounds, median wall time, peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def run_once(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss


def compare(
    commands: dict[str, list[str]], rounds: int, cwd: Path | None = None
) -> dict[str, tuple[float, int]]:
    """Run the commands in turn, round after round, so machine noise hits them all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peak: dict[str, int] = dict.fromkeys(commands, 0)
    for cmd in commands.values():  # warm the file cache and .pyc files first
        run_once(cmd, cwd)
    for _ in range(rounds):
        for name, cmd in commands.items():
            seconds, kib = run_once(cmd, cwd)
            times[name].append(seconds)
            peak[name] = max(peak[name], kib)
    return {name: (statistics.median(times[name]), peak[name]) for name in commands}


def table(rows: list[tuple[str, float, int, str]]) -> str:
    lines = ["| command | median wall time | peak memory | note |", "|---|---:|---:|---|"]
    for name, seconds, kib, note in rows:
        lines.append(f"| {name} | {seconds * 1000:.0f} ms | {kib / 1024:.1f} MiB | {note} |")
    return "\n".join(lines)
