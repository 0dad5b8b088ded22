"""Whole-process timing for the benchmarks: interleaved rounds, median wall time, peak memory."""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


# Each command is started from a tiny helper process. A child's peak memory (ru_maxrss) counts
# the memory of the process it was forked from, so measuring straight from this script would add
# this script's own size (and any test data it holds) to every figure; the helper is ~8 MB.
_SPAWN = """
import os, sys, time
out = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=out)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process."""
    helper = [sys.executable, "-S", "-c", _SPAWN, *cmd]
    report = subprocess.run(helper, cwd=cwd, capture_output=True, text=True, check=True).stdout
    seconds, kib, code = report.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return float(seconds), int(kib)


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
