"""The status cache can never change a result: a truncated, crafted or misplaced cache file is
ignored and the board recomputed; a cache folder that cannot be used never fails the command; a
folder others may write is not used; and the key changes with dvcq's own code."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import SAMPLE_PLAN, SAMPLE_PROGRESS, run, time_limit

from dvcq import cache

ARGS = ("status", "--format", "json", "--period", "2026-H1")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    (folder / "plans").mkdir(parents=True)
    shutil.copy(SAMPLE_PLAN, folder / "plans")
    shutil.copytree(SAMPLE_PROGRESS, folder / "progress")
    return folder


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """A read that blocks (a FIFO in the cache) must fail the test, not hang it."""
    with time_limit(10):
        yield


def status(ws: Path, cache_dir: Path | str, **env: str) -> tuple[dict[str, object], str]:
    done = run(*ARGS, cwd=ws, env={"DVCQ_CACHE_DIR": str(cache_dir), **env})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def fresh(ws: Path) -> dict[str, object]:
    return status(ws, "/nonexistent", DVCQ_NO_CACHE="1")[0]


def only_file(folder: Path) -> Path:
    (found,) = folder.glob("status-*.json")
    return found


def false_board(board: dict[str, object]) -> dict[str, object]:
    crafted = json.loads(json.dumps(board))
    crafted["summary"] = {"total": 999, "crafted": True}
    crafted["tasks"] = []
    return crafted  # type: ignore[no-any-return]


def test_truncated_cache_file_is_recomputed_and_rewritten(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    truth = fresh(ws)
    assert status(ws, folder)[0] == truth
    path = only_file(folder)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert status(ws, folder) == (truth, "")
    assert path.read_bytes() == whole  # written again, whole
    path.write_bytes(b"")
    assert status(ws, folder) == (truth, "")


def test_crafted_cache_files_are_not_shown(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    truth = fresh(ws)
    status(ws, folder)
    path = only_file(folder)
    header, _, payload = path.read_bytes().partition(b"\n")
    lie = json.dumps(false_board(truth), ensure_ascii=False).encode()
    crafted = [
        lie,  # the old form: the bare value
        header + b"\n" + lie,  # the right header over another payload: the digest differs
        b'{"format": "x"}\n' + payload,  # a header of another shape
        b"[1, 2]\n" + payload,
        json.dumps({**json.loads(header), "key": "0" * 40}).encode() + b"\n" + payload,
    ]
    for data in crafted:
        path.write_bytes(data)
        assert status(ws, folder) == (truth, ""), data[:80]


def test_a_cache_file_under_another_key_is_not_served(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    truth = fresh(ws)
    status(ws, folder)
    right = only_file(folder)
    h1 = ws / "h1.json"
    shutil.copy(right, h1)
    other = status(ws, folder, DVCQ_TODAY="2026-03-01")[0]  # another as-of day: another key
    assert other != truth
    (wrong,) = set(folder.glob("status-*.json")) - {right}
    shutil.copy(wrong, right)  # a whole, well-formed file of another key under this name
    assert status(ws, folder) == (truth, "")


def test_a_fifo_in_the_cache_does_not_block(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    truth = fresh(ws)
    status(ws, folder)
    path = only_file(folder)
    path.unlink()
    os.mkfifo(path)
    assert status(ws, folder) == (truth, "")


@pytest.mark.parametrize("kind", ["file", "proc", "file-in-the-way"])
def test_an_unusable_cache_folder_never_fails_status(ws: Path, tmp_path: Path, kind: str) -> None:
    # Tests run as root here, for whom a chmod'ed folder stays writable: a file in place of the
    # folder, and /proc (which no one may create files in), stand for an unwritable folder.
    if kind == "file":
        target = tmp_path / "not-a-folder"
        target.write_text("x", encoding="utf-8")
    elif kind == "proc":
        target = Path("/proc")
    else:
        (tmp_path / "parent").write_text("x", encoding="utf-8")
        target = tmp_path / "parent" / "cache"
    truth = fresh(ws)
    assert status(ws, target) == (truth, "")
    assert status(ws, target) == (truth, "")  # and again, with nothing cached


def test_a_folder_others_may_write_is_not_used(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    truth = fresh(ws)
    status(ws, folder)
    path = only_file(folder)
    # Plant a false board with a sound header and digest, as someone sharing the folder could.
    header = json.loads(path.read_bytes().partition(b"\n")[0])
    lie = json.dumps(false_board(truth), ensure_ascii=False).encode()
    header["sha256"] = hashlib.sha256(lie).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + lie)
    folder.chmod(0o777)
    assert status(ws, folder) == (truth, "")
    assert len(list(folder.glob("status-*.json"))) == 1  # nothing written there either
    folder.chmod(0o700)
    assert status(ws, folder)[0] == false_board(truth)  # the limit: a private folder is trusted


def test_the_cache_folder_is_created_private(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cache"
    status(ws, folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert only_file(folder).stat().st_mode & 0o777 == 0o600


def test_the_code_key_follows_the_source(tmp_path: Path) -> None:
    package = Path(cache.__file__).parent
    copy = tmp_path / "dvcq"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = cache.source_digest(copy)
    assert cache.source_digest(copy) == first
    assert cache.source_digest(package) == first  # the copy is the installed code
    module = copy / "progress" / "board.py"
    data = module.read_bytes()
    stat = module.stat()
    module.write_bytes(data.replace(b"STATUS_FORMAT", b"STATUS_FORMAX", 1))  # same size
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time
    assert cache.source_digest(copy) != first
    module.write_bytes(data)
    assert cache.source_digest(copy) == first
    (copy / "extra.py").write_text("", encoding="utf-8")  # a module added
    assert cache.source_digest(copy) != first


def test_the_status_key_uses_the_code_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    base = cache.fingerprint(["a"], [])
    monkeypatch.setattr(cache, "code_key", lambda: "other code")
    assert cache.fingerprint(["a"], []) != base
