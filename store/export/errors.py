"""Errors raised while exporting and importing annotations. Each message is one line."""

from __future__ import annotations

from claimmark.store.errors import ClaimmarkError


class ExportError(ClaimmarkError):
    """An export cannot be written: the target exists and is not ours, a folder is missing
    or read-only, the disk is full, or the arguments do not make sense together."""


class ImportFormatError(ClaimmarkError):
    """A file given to import is not a claimmark annotation collection, or is damaged.

    Raised before anything is written to the store."""
