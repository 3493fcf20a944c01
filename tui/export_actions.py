"""Export from the app and the CLI: where files go by default, and ctrl+e's one-article export."""

from __future__ import annotations

from pathlib import Path

from claimmark.store.export import export_articles
from claimmark.store.store import Store

EXPORT_DIR_SETTING = "export_dir"


def export_folder(store: Store) -> Path:
    """The default export folder: the `export_dir` setting (set it with
    `claimmark config export_dir PATH`), else `claimmark-exports` in the home folder."""
    configured = store.get_setting(EXPORT_DIR_SETTING)
    return Path(configured).expanduser() if configured else Path.home() / "claimmark-exports"


def export_article(store: Store, article_id: int) -> Path:
    """Export one article's notes to Markdown in the export folder; the path written."""
    [path] = export_articles(store, [article_id], export_folder(store))
    return path
