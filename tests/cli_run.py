"""Running the real `dvcq` command in a test: a fixed day, Vietnamese, no terminal.

`run` calls `dvcq.cli.main` in the test's own process, the way a clerk's shell would run it (no
terminal, so rich prints plain text; stdin empty), and puts back everything it touched: the
environment, the working folder, the standard streams, the language and rich's console. A
subprocess costs ~0.2 s of start-up; this costs only the command. Tests where the process itself
is the point (kills, concurrent writers, imports at start-up, git or pre-commit starting dvcq) still
start one, and are marked `slow`.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.models import DefaultPlaceholder

ROOT = Path(__file__).resolve().parents[1]
# The tool's own sample workspace: a copy of the 2026 plan, its sample progress data and report
# notes, so that the agency editing plans/2026.yaml cannot break a tool test. Read-only: a test that
# writes copies it into tmp_path first (conftest checks that nothing under tests/data changes).
SAMPLE = ROOT / "tests" / "data" / "sample"
SAMPLE_PLAN = SAMPLE / "plans" / "2026.yaml"
SAMPLE_PROGRESS = SAMPLE / "progress"
SAMPLE_NOTES = SAMPLE / "reports" / "2026-H1.yaml"

TODAY = "2026-11-27"
DEFAULTS = {"DVCQ_TODAY": TODAY, "DVCQ_LANG": "vi", "COLUMNS": "80"}
# Variables of the machine running the tests that would change what dvcq or rich print: every
# DVCQ_ one, and those that make rich colour or size a non-terminal.
_UNSET_PREFIX = "DVCQ_"
_UNSET = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "LINES")
_cache: tempfile.TemporaryDirectory[str] | None = None


@dataclass
class Result:
    """What `subprocess.run(..., capture_output=True, text=True)` gave the tests, in-process."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def _cache_dir() -> str:
    """One status cache for the session, not the cache of the user running the tests."""
    global _cache
    if _cache is None:
        _cache = tempfile.TemporaryDirectory(prefix="dvcq-test-cache-")
    return _cache.name


def environment(
    env: Mapping[str, str | None] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """`environ` (default: this process's, without DVCQ_ and colour variables) + DEFAULTS + `env`.

    A None value in `env` removes that variable (e.g. {"DVCQ_TODAY": None}: the real day)."""
    if environ is None:
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(_UNSET_PREFIX) and k not in _UNSET
        }
        base.update(DEFAULTS, DVCQ_CACHE_DIR=_cache_dir())
    else:
        base = dict(environ)
    for key, value in (env or {}).items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


def _stream(data: bytes = b"") -> io.TextIOWrapper:
    """A UTF-8 text stream that is not a terminal, like a pipe."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return str(raw.decode("utf-8")).replace("\r\n", "\n")


def _fresh_module_state() -> None:
    """Module state in dvcq that a new process would not carry over from the previous call."""
    from dvcq import i18n

    i18n.reset()  # --lang of the previous call (main resets it too, since 1bb89bb)
    display = sys.modules.get("dvcq.cli.display")
    if display is not None:  # its module-level Console fixed COLUMNS and colours at import
        from rich.console import Console

        display.console = Console(highlight=False)  # type: ignore[attr-defined]


def _module_of(info: Any) -> str:
    """The dvcq.cli module that registered a command (CommandInfo) or a sub-app (TyperInfo)."""
    if info.callback is not None and not isinstance(info.callback, DefaultPlaceholder):
        return str(info.callback.__module__)
    return _module_of(info.typer_instance.registered_commands[0])


@contextmanager
def _only_commands_loaded_for(words: list[str]) -> Iterator[None]:
    """Register on the app only what a new process would: the command named, or every command.

    A process imports just the module of the command it runs (dvcq.cli.load_commands); here the
    earlier calls have imported others, and Typer rebuilds every registered command on each call
    (about 20 ms with all of them, against 4 for one). The lists are put back afterwards."""
    from dvcq.cli import COMMANDS, app, load_commands
    from dvcq.cli.app import _command_in

    name = _command_in(words)
    load_commands(name)  # so that main's own call imports nothing, and registers nothing new
    order = [f"dvcq.cli.{module}" for module in COMMANDS.values()]
    wanted = set(order) if name not in COMMANDS else {f"dvcq.cli.{COMMANDS[name]}"}
    commands, groups = app.registered_commands, app.registered_groups

    def chosen(infos: list[Any]) -> list[Any]:
        mine = [info for info in infos if _module_of(info) in wanted]
        return sorted(mine, key=lambda info: order.index(_module_of(info)))  # as imported

    app.registered_commands, app.registered_groups = chosen(commands), chosen(groups)
    try:
        yield
    finally:
        app.registered_commands, app.registered_groups = commands, groups


def run(
    *args: str | Path,
    cwd: Path | str | None = None,
    env: Mapping[str, str | None] | None = None,
    environ: Mapping[str, str] | None = None,
    input: str = "",
) -> Result:
    """`dvcq ARGS` in folder `cwd` (default: SAMPLE), in this process; see `environment`."""
    from dvcq.cli import main

    words = [str(a) for a in args]
    saved_environ = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_argv = sys.argv
    out, err = _stream(), _stream()
    try:
        os.environ.clear()
        os.environ.update(environment(env, environ))
        os.chdir(SAMPLE if cwd is None else cwd)
        sys.stdin, sys.stdout, sys.stderr = _stream(input.encode("utf-8")), out, err
        sys.argv = ["dvcq", *words]
        _fresh_module_state()
        try:
            with _only_commands_loaded_for(words):
                main(words)
            code: int = 0
        except SystemExit as exc:
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:  # sys.exit("message"): Python prints it and exits 1
                err.write(f"{exc.code}\n")
                code = 1
        return Result(words, code, _text(out), _text(err))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environ)
        _fresh_module_state()


def dvcq(cwd: Path, *args: str, environ: dict[str, str] | None = None) -> Result:
    return run(*args, cwd=cwd, environ=environ)


def dvcq_as_is(*args: str | Path, cwd: Path = ROOT) -> Result:
    """`dvcq` as a clerk runs it: the real day, Vietnamese messages, in this repository (for its
    templates/); name the plan (SAMPLE_PLAN), or plans/2026.yaml would be found."""
    return run(*args, cwd=cwd, env={"DVCQ_TODAY": None, "DVCQ_LANG": None})


# The words of a `dvcq init` for an agency other than the sample's (another province, another Sở).
AGENCY = [
    "--agency",
    "Sở Tư pháp",
    "--code",
    "STP",
    "--superior",
    "Ủy ban nhân dân tỉnh Lạng Sơn",
    "--year",
    "2027",
]


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


class Hung(BaseException):
    """Raised when a test runs past its time limit. Not an OSError (as TimeoutError is) nor an
    Exception, so that no `except` in dvcq, nor its error boundary, can swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, a test whose in-process command blocks (a FIFO, a template that
    loops): SIGALRM in the main thread, the earlier handler put back after."""

    def stop(signum: int, frame: object) -> None:
        raise Hung(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
