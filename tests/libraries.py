"""New empty libraries for tests, made by copying one migrated library.

Making a library runs every migration step (about 17 ms of SQL); a suite that makes a
thousand of them spends a sixth of its time there. `new_store` migrates one empty library
per test process, then copies the file (well under a millisecond) and opens the copy, so
every test still gets its own real SQLite file, opened and checked as any library is.
Tests of the migrations themselves make their libraries with `Store(path)` directly.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from claimmark.store.store import Store


@cache
def _template() -> Path:
    """A migrated, empty, closed library in a temp folder removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix="claimmark-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "empty.db"
    Store(path).close()
    for suffix in ("-wal", "-shm"):  # closed: everything is in the main file
        assert not path.with_name(path.name + suffix).exists(), suffix
    return path


def new_store(path: Path) -> Store:
    """Open a new, empty library at `path` (which must not exist yet)."""
    if path.exists():
        raise FileExistsError(path)
    shutil.copyfile(_template(), path)
    return Store(path)
