"""Errors the store raises. Each carries a one-line message fit to show a user as is."""

from __future__ import annotations


class ClaimmarkError(Exception):
    """Base class: `str(error)` is a one-line message for the user."""


class IngestError(ClaimmarkError):
    """A file cannot be imported (missing, binary, empty, too large, unreadable)."""


class NotFound(ClaimmarkError):
    """No article or annotation matches what was asked for."""


class Ambiguous(ClaimmarkError):
    """More than one article matches what was asked for."""


class StoreError(ClaimmarkError):
    """The database cannot be used: not SQLite, corrupt, read-only, locked or newer."""


class InvalidInput(ClaimmarkError):
    """A value given to the store is out of range or malformed."""


class Interrupted(StoreError):
    """A query was stopped from another thread (`Store.interrupt`): a search typed past."""
