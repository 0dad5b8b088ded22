"""The cyclic garbage collector, paused while a bulk read or check only allocates.

Reading and checking a year of entries keeps nearly everything it makes (the entries, each rule's
keys, the problems found) and makes no cycles: every full collection would walk the whole growing
heap again for nothing (a fifth of `dvcq check` over 100,000 entries). Refcounting still frees what
is dropped; the collector runs again, as before, once the block ends.

In the `dvcq` process itself (`one_command()`, called by the console script, not by a library
caller or the tests), what a block made is then frozen (`gc.freeze`): the first collection after
the block would otherwise walk every object it made once more, and the interpreter's last one, at
exit, the whole heap again (each ~6 % of `dvcq status` over 100,000 entries). Frozen objects are
still freed by refcounting; only cyclic garbage among them waits for the process to end, one
command later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_FREEZE = False


def one_command() -> None:
    """This process runs one command and ends: freeze what bulk blocks made, and all at exit."""
    import atexit

    global _FREEZE
    _FREEZE = True
    atexit.register(gc.freeze)  # atexit runs before the interpreter's final collection


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; a collector the caller had paused stays paused."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZE:
            gc.freeze()
        if enabled:
            gc.enable()
