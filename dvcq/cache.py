"""A small on-disk cache for results that are slow to recompute from large progress folders.

Keys are hashes of everything the result depends on: dvcq's own code (the content of every module
of the package, hashed once per process), its version, the caller's arguments, and the name and
full content of every input file. A changed byte anywhere gives a new key, so a cached result can
never be stale; old entries are simply never read again. The cache lives in $DVCQ_CACHE_DIR, else
$XDG_CACHE_HOME/dvcq, else ~/.cache/dvcq; DVCQ_NO_CACHE=1 turns it off.

The cache can never change a result, and never fails a command:
- each file is a header line (format, key, SHA-256 of the payload) and the JSON payload; a file
  whose header, key or digest does not match, or that does not parse, is ignored and rewritten;
- only a regular file is read (no FIFO, no link), at most `MAX_BYTES`;
- a folder that someone else owns or that group or others may write is not used at all (on a
  shared runner another user could plant a board with a sound digest there); the folder is created
  0700 and files 0600;
- any failure to read or write (no such folder, a file in its place, read-only, full disk) falls
  back to computing the result, silently: the cache is only ever a shortcut.
Whoever can write the user's own private cache folder can change the user's dvcq install as well;
that is outside what the cache defends against.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dvcq
from dvcq.files import Refused, read_input
from dvcq.yamlio import MAX_CHARS

FORMAT = "dvcq-cache/2"
MAX_BYTES = 64 * 1024 * 1024  # far above any board; a bigger file is not ours


def cache_dir() -> Path | None:
    if os.environ.get("DVCQ_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("DVCQ_CACHE_DIR"):
        return Path(os.environ["DVCQ_CACHE_DIR"])
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no HOME and no password entry: no cache
        return None
    return Path(base) / "dvcq"


def source_digest(package: Path) -> str:
    """A hash of the names and contents of every module under `package` (about 2 ms)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def code_key() -> str:
    """The code running now: an edited install never gets a result an older code computed."""
    try:
        return source_digest(Path(dvcq.__file__).parent)
    except OSError:  # an unreadable module (a zip import…): the cache is simply not shared
        return secrets.token_hex(16)


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    # dvcq.__version__ reads the installed metadata on first use (see dvcq/__init__.py).
    digest = hashlib.sha1(dvcq.__version__.encode(), usedforsecurity=False)  # fastest here (SHA-NI)
    digest.update(b"\0" + code_key().encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    for path in files:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogatepass") + b"\0")
        try:  # under the readers' policy: a FIFO or a link out of the repository is not read
            digest.update(read_input(path, MAX_CHARS))
        except Refused as refused:  # a folder named *.yaml, a vanished file: the reader reports it
            digest.update(f"unreadable: {refused.rule} {sorted(refused.params.items())}".encode())
    return digest.hexdigest()


def _private(folder: Path) -> bool:
    """Whether the folder is the user's own and no one else may write in it."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path, key: str) -> tuple[bool, Any]:
    """(True, value) for a sound file of this key; (False, None) for anything else."""
    try:  # the readers' policy: a regular file in the cache folder, never a FIFO or a link out
        data = read_input(path, MAX_BYTES, root=path.parent)
    except Refused:
        return False, None
    head, newline, payload = data.partition(b"\n")
    try:
        header = json.loads(head)
        sound = (
            newline == b"\n"
            and isinstance(header, dict)
            and header.get("format") == FORMAT
            and header.get("key") == key
            and header.get("sha256") == hashlib.sha256(payload).hexdigest()
        )
        return (True, json.loads(payload)) if sound else (False, None)
    except (ValueError, RecursionError):
        return False, None


def _write(folder: Path, path: Path, key: str, value: Any) -> None:
    payload = json.dumps(value, ensure_ascii=False).encode("utf-8")
    header = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
    data = json.dumps(header).encode() + b"\n" + payload
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(folder):
        return
    temp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)  # a reader sees the old file or the new one, never half
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def cached(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """The JSON value stored under `key`, or `compute()` stored there now."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / f"{name}-{key}.json"
    if _private(folder):
        found, value = _read(path, key)
        if found:
            return value
    value = compute()
    with contextlib.suppress(OSError, ValueError):  # read-only, full, a file in the way
        _write(folder, path, key, value)
    return value
