"""Sample articles shipped with claimmark: the library a first run starts with.

They are written for the project (no copied news text) in the shapes users bring: one
paragraph per line with a final ``By`` line, a file without a final newline, a Markdown
explainer with front matter, and a long live blog of more than 200 KB.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

SUFFIXES = (".txt", ".md")


def _folder() -> Path:
    folder = Path(str(resources.files(__package__ or "claimmark.articles")))
    if not folder.is_dir():  # pragma: no cover - a zipped install; fall back to this file
        folder = Path(__file__).parent
    return folder


def sample_paths() -> list[Path]:
    """The bundled article files, sorted by name."""
    return sorted(p for p in _folder().iterdir() if p.is_file() and p.suffix in SUFFIXES)


def sample_source(source: str) -> str:
    """How a sample article names its source: its file name ("coastal-flood-barrier.txt"),
    not where the package happens to be installed. Other sources are given back as they
    are (so a library that stored a sample by its installed path exports it by name)."""
    path = Path(source)
    if path.name not in _sample_names() or not path.is_absolute():
        return source  # the quick answer for every other article
    try:
        bundled = path.parent.resolve() == _folder().resolve()
    except (OSError, ValueError):
        return source
    return path.name if bundled else source


@cache
def _sample_names() -> frozenset[str]:
    return frozenset(path.name for path in sample_paths())
