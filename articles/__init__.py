"""Sample articles shipped with claimmark: the library a first run starts with.

They are written for the project (no copied news text) in the shapes users bring: one
paragraph per line with a final ``By`` line, a file without a final newline, a Markdown
explainer with front matter, and a long live blog of more than 200 KB.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SUFFIXES = (".txt", ".md")


def sample_paths() -> list[Path]:
    """The bundled article files, sorted by name."""
    folder = Path(str(resources.files(__package__ or "claimmark.articles")))
    if not folder.is_dir():  # pragma: no cover - a zipped install; fall back to this file
        folder = Path(__file__).parent
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES)
