"""Errors the store raises. Each carries a one-line message fit to show a user as is."""

from __future__ import annotations


class ClaimmarkError(Exception):
    """Base class: `str(error)` is a one-line message for the user."""

    def __rich__(self) -> object:
        """The error as Rich shows it: the one line, as plain text (never markup).

        Textual ends an app on an unhandled exception; one that Rich can render is shown
        this way instead of as a traceback (so the reader, finding a damaged library,
        exits with this line and status 1)."""
        from rich.text import Text

        from claimmark.store.sanitize import visible

        return Text(visible(f"claimmark: error: {' '.join(str(self).split())}"))


class IngestError(ClaimmarkError):
    """A file cannot be imported (missing, binary, empty, too large, unreadable)."""


class FetchError(ClaimmarkError):
    """A web page cannot be fetched: a refused URL, no network, a timeout, an HTTP error
    status, too large, or not HTML or text."""


class NotFound(ClaimmarkError):
    """No article or annotation matches what was asked for."""


class Ambiguous(ClaimmarkError):
    """More than one article matches what was asked for."""


class StoreError(ClaimmarkError):
    """The database cannot be used: not SQLite, corrupt, read-only, locked or newer."""


class InvalidInput(ClaimmarkError):
    """A value given to the store is out of range or malformed."""


class Conflict(ClaimmarkError):
    """An annotation is not as the caller last saw it (another window or process changed
    it): the change is refused rather than overwrite what someone else wrote."""


class Busy(StoreError):
    """Another process holds the write lock: try again in a moment (nothing was written)."""


class Damaged(StoreError):
    """The database file is damaged: nothing is read from or written to it."""


class DiskFull(StoreError):
    """The disk is full, or the file size limit is reached: nothing was written."""


class Interrupted(StoreError):
    """A query was stopped from another thread (`Store.interrupt`): a search typed past."""
