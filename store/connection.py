"""Opening the library's SQLite file safely, and one-line messages for every SQLite failure.

`open_connection` connects without changing anything: a file that turns out not to be a
claimmark library (another program's SQLite file, a text file) is refused before the store
switches it to WAL or writes a byte, so it is left exactly as it was. A file that cannot be
written (read-only permissions, or a read-only folder where SQLite cannot make the WAL's
shared-memory file) is opened read-only, so reading still works.

`check_integrity` runs SQLite's `PRAGMA quick_check` (every page and index entry is read
once: ~8 ms for a library holding a 1 MB article with 5,000 annotations, not measurable in
the reader's first frame; bounded by `QUICK_CHECK_BUDGET_S`) so that a damaged file is
refused when it is opened, before anything reports success into it.

`translate` turns an `sqlite3.Error` into the `StoreError` to show, by SQLite's error code:
a full disk, a file size limit (``ulimit -f``), damage (which names the way out, ``sqlite3
.recover``), a lock held by another process, a read-only file. Messages never quote the
stored text SQLite may put in its own (a damaged text column comes with a chunk of it).
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import time
from pathlib import Path
from typing import Final

from claimmark.store.errors import Busy, Damaged, DiskFull, StoreError
from claimmark.store.sanitize import size_label

# SQLite's primary result codes (the low byte of the extended code).
_BUSY, _LOCKED, _READONLY, _INTERRUPT, _IOERR, _CORRUPT = 5, 6, 8, 9, 10, 11
_FULL, _CANTOPEN, _NOTADB = 13, 14, 26

QUICK_CHECK_BUDGET_S: Final = 0.25
"""The longest the damage check may take when a library is opened. It reads the whole
file once, about 3-8 ms for a library with a 1 MB article and 5,000 annotations and
~0.7 ms a MB beyond (benchmarks/bench_open.py); a library past ~300 MB is checked as far
as this allows."""

_NEAR_LIMIT: Final = 1024 * 1024
"""How close to the file size limit a file must be for a failed write to be blamed on it."""


def recover_hint(path: Path) -> str:
    """How to get the data out of a damaged library, as a shell command."""
    return f"sqlite3 {shlex.quote(str(path))} .recover | sqlite3 recovered.db"


def damaged(path: Path) -> Damaged:
    """The one-line error for a damaged library."""
    return Damaged(
        f"{path} is damaged (the database disk image is malformed): claimmark will not read "
        f"or write it. Recover what it holds with: {recover_hint(path)}"
    )


def _file_size_limit(path: Path) -> int | None:
    """The process's file size limit (``ulimit -f``) when one of the library's files is
    within reach of it, else None."""
    try:
        import resource
    except ImportError:  # not on this system
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft == resource.RLIM_INFINITY:
        return None
    for suffix in ("", "-wal", "-journal"):
        try:
            size = os.stat(f"{path}{suffix}").st_size
        except OSError:
            continue
        if size + _NEAR_LIMIT >= soft:
            return int(soft)
    return None


def _disk_is_full(path: Path) -> bool:
    try:
        info = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < _NEAR_LIMIT


def translate(error: sqlite3.Error, path: Path, *, writing: bool = False) -> StoreError:
    """The one-line `StoreError` for an SQLite failure on the library at `path`; `writing`
    says a write transaction failed (and was rolled back: nothing was saved)."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    saved = ": nothing was saved" if writing else ""
    if "Could not decode" in text:  # a text column that is not UTF-8: claimmark wrote UTF-8
        return damaged(path)
    if primary == _NOTADB or "not a database" in text or "file is encrypted" in text:
        return StoreError(f"{path} is not a claimmark database (not an SQLite file)")
    if primary == _CORRUPT or "malformed" in text or "corrupt" in text:
        return damaged(path)
    if primary in (_FULL, _IOERR) or "disk is full" in text or "disk I/O" in text:
        limit = _file_size_limit(path)
        if limit is not None:
            return DiskFull(
                f"the file size limit ({size_label(limit)}, ulimit -f) is reached: "
                f"nothing was saved to {path}"
            )
        if primary == _FULL or "disk is full" in text or _disk_is_full(path):
            return DiskFull(f"disk full: nothing was saved to {path}")
        return StoreError(f"cannot read or write {path} (disk I/O error){saved}")
    if primary == _READONLY or "readonly" in text or "read-only" in text:
        return StoreError(f"{path} is read-only: nothing can be saved to it")
    if primary in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return Busy(f"{path} is locked by another program; try again in a moment{saved}")
    if primary == _CANTOPEN or "unable to open" in text:
        return StoreError(f"cannot open database {path}")
    first = " ".join(text.split())
    first = first if len(first) <= 80 else first[:79] + "…"
    return StoreError(f"database error in {path}: {first}{saved}")


def is_read_only_file(path: Path) -> bool:
    """True when the file has no write permission bits at all (honoured even for root),
    or the process cannot write it or its folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not mode & 0o222:
        return True
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _connect(target: str | Path, *, uri: bool, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target, uri=uri, timeout=timeout, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    return conn


def open_connection(path: Path, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    """A connection to `path` that has changed nothing yet (no journal mode set, no table
    made). Read-only connections read a WAL library even from a read-only folder."""
    if not read_only:
        if not path.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
            if path.parent.exists():
                raise StoreError(f"cannot make {path}: the folder {path.parent} is read-only")
        path.parent.mkdir(parents=True, exist_ok=True)
        return _connect(path, uri=False, timeout=timeout)
    base = path.resolve().as_uri()
    conn = _connect(f"{base}?mode=ro", uri=True, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        code = getattr(error, "sqlite_errorcode", 0) or 0
        conn.close()
        if code & 0xFF not in (_READONLY, _CANTOPEN):
            raise
    # A WAL library in a folder we cannot write: SQLite cannot make its shared-memory
    # file. With no unsaved changes in a -wal file, the file is all there is: read it as
    # immutable (no locks, no shared memory). With some, they cannot be read from here.
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"{path} is in a read-only folder and has changes not yet merged into it "
            f"({wal.name}); open it once where it can be written"
        )
    return _connect(f"{base}?mode=ro&immutable=1", uri=True, timeout=timeout)


def check_integrity(
    conn: sqlite3.Connection, path: Path, budget: float = QUICK_CHECK_BUDGET_S
) -> bool:
    """Refuse a damaged file (`Damaged`, naming ``sqlite3 .recover``): SQLite's quick
    check of every page, run once when the library is opened. It stops after `budget`
    seconds (a library of several hundred MB); True if it checked the whole file."""
    deadline = time.monotonic() + budget

    def out_of_time() -> bool:
        return time.monotonic() > deadline

    conn.set_progress_handler(out_of_time, 10_000)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.OperationalError as error:
        if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF == _INTERRUPT:
            return False  # checked as far as the budget allowed
        raise translate(error, path) from None
    except sqlite3.DatabaseError as error:
        raise translate(error, path) from None
    finally:
        conn.set_progress_handler(None, 0)
    if result is None or result[0] != "ok":
        raise damaged(path)
    return True
