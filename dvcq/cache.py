"""A small on-disk cache for results that are slow to recompute from large progress folders.

Keys are hashes of everything the result depends on: dvcq's version, the caller's arguments, and
the name and full content of every input file. A changed byte anywhere gives a new key, so a
cached result can never be stale; old entries are simply never read again. The cache lives in
$DVCQ_CACHE_DIR, else $XDG_CACHE_HOME/dvcq, else ~/.cache/dvcq; DVCQ_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import dvcq
from dvcq.files import Refused, read_input, replace_atomically
from dvcq.yamlio import MAX_CHARS


def cache_dir() -> Path | None:
    if os.environ.get("DVCQ_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("DVCQ_CACHE_DIR"):
        return Path(os.environ["DVCQ_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dvcq"


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    # dvcq.__version__ reads the installed metadata on first use (see dvcq/__init__.py).
    digest = hashlib.sha1(dvcq.__version__.encode(), usedforsecurity=False)  # fastest here (SHA-NI)
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    for path in files:
        digest.update(b"\0" + str(path).encode("utf-8") + b"\0")
        try:  # under the readers' policy: a FIFO or a link out of the repository is not read
            digest.update(read_input(path, MAX_CHARS))
        except Refused as refused:  # a folder named *.yaml, a vanished file: the reader reports it
            digest.update(f"unreadable: {refused.rule} {sorted(refused.params.items())}".encode())
    return digest.hexdigest()


def cached(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """The JSON value stored under `key`, or `compute()` stored there now."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / f"{name}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # missing or unreadable: recompute
    value = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only home is no reason to fail the command
    return value
