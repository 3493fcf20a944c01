"""Writing exports to disk: atomic writes that never clobber a file claimmark did not write,
the default export folder, and the one-call export of several articles that the CLI and the
TUI use."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from claimmark.store.errors import InvalidInput
from claimmark.store.export.errors import ExportError
from claimmark.store.export.markdown import (
    GROUP_BY,
    article_markdown,
    export_filename,
    export_marker,
    is_markdown_export,
)
from claimmark.store.export.webanno import collection_json, is_collection_export
from claimmark.store.models import Annotation, Article
from claimmark.store.store import Store

FORMATS: tuple[str, ...] = ("markdown", "json")
"""The export formats: one Markdown file per article, or one JSON collection."""

COLLECTION_NAME = "claimmark-export.json"
"""The JSON file's name when a folder is given for several articles."""

EXPORT_DIR_SETTING = "export_dir"
"""The setting that names the default export folder (`claimmark config export_dir PATH`)."""

_HEAD_BYTES = 8192


def _head(path: Path) -> str | None:
    try:
        with Path(path).open("rb") as file:
            return file.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None


def is_claimmark_file(path: Path) -> bool:
    """True when the file at `path` starts like an export claimmark wrote (Markdown front
    matter with the ``claimmark:`` marker, or a claimmark JSON collection)."""
    head = _head(path)
    return head is not None and (is_markdown_export(head) or is_collection_export(head))


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise ExportError(f"{path} is a folder, not a file")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    if (path.exists() or path.is_symlink()) and not force and not is_claimmark_file(path):
        raise ExportError(
            f"{path} exists and was not written by claimmark; not overwriting it "
            "(--force overwrites)"
        )


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str, *, force: bool = False) -> None:
    """Write `content` (UTF-8) to `path` so that a reader or a crash sees the old file or the
    new one, never half of one: a temporary file in the same folder, fsync, `os.replace`.

    Refuses (`ExportError`) to replace a file that claimmark did not write unless `force`.
    A replaced file keeps its permissions; a new one gets the usual ones (umask)."""
    path = Path(path)
    _check_target(path, force)
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ExportError(
            f"cannot write {path}: the text is not valid Unicode ({error.reason})"
        ) from None
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as file:
            if mode is not None:
                os.fchmod(file.fileno(), mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException as error:
        try:
            temp.unlink()
        except OSError:
            pass
        if isinstance(error, OSError):
            raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
        raise
    _sync_folder(path.parent)


def _check_options(fmt: str, group_by: str) -> None:
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown export format {fmt!r} (choose: {', '.join(FORMATS)})")
    if group_by not in GROUP_BY:
        raise InvalidInput(f"unknown grouping {group_by!r} (choose: {', '.join(GROUP_BY)})")


def _unique(article_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise ExportError("nothing to export: no articles were given")
    return ids


def export_text(
    store: Store,
    article_ids: Iterable[int],
    *,
    fmt: str = "markdown",
    group_by: str = "document",
    include_timestamp: bool = False,
) -> str:
    """The export as text, for standard output (``-``): the JSON collection of all the
    articles, or their Markdown documents one after the other (each with its front
    matter), separated by a blank line."""
    _check_options(fmt, group_by)
    ids = _unique(article_ids)
    if fmt == "json":
        return collection_json([pair for i in ids for pair in _with_versions(store, i)])
    return "\n".join(
        _markdown(store, store.get_article(i), group_by, include_timestamp) for i in ids
    )


def _markdown(store: Store, article: Article, group_by: str, include_timestamp: bool) -> str:
    """The Markdown of one article: the newest version with its notes and orphans, or an
    older version (asked for by id or number) with the notes where they sat on it."""
    versions = store.versions(article.id)
    number = next(v.number for v in versions if v.id == article.id)
    if number == len(versions):
        return article_markdown(
            article,
            store.list_annotations(article.id),
            group_by=group_by,
            include_timestamp=include_timestamp,
            orphans=store.orphans(article.id),
        )
    return article_markdown(
        article,
        store.version_annotations(article.id),
        group_by=group_by,
        include_timestamp=include_timestamp,
        version=(number, len(versions)),
    )


def _with_versions(store: Store, article_id: int) -> list[tuple[Article, list[Annotation]]]:
    """Every version of an article with the annotations on it (the older ones hold its
    orphans), for the JSON export: it keeps the history, so an import rebuilds it."""
    return [
        (store.get_article(version.id), store.list_annotations(version.id))
        for version in store.versions(article_id)
    ]


def export_articles(
    store: Store,
    article_ids: Iterable[int],
    out: Path | None = None,
    *,
    fmt: str = "markdown",
    group_by: str = "document",
    force: bool = False,
    include_timestamp: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Export articles to files and return the paths written.

    Markdown: one file per article, named by `export_filename`, in the folder `out` (made
    if missing; the current folder when None), or in the file `out` itself when it ends in
    ``.md`` and one article is asked for. Re-exporting an article replaces its own file; a
    file claimmark wrote for a different article is left alone and this one gets the next
    free name (``<slug>-<id>.md``). JSON: one collection of all the articles in the
    file `out`, or, when `out` is an existing folder (or None), in ``<title>.json`` for one
    article and ``claimmark-export.json`` for several.

    Every target is checked before anything is written: an existing file that claimmark
    did not write stops the export (`ExportError`) unless `force`. Each file is written
    atomically (`write_atomic`). `progress(done, total)` is called after each article."""
    _check_options(fmt, group_by)
    ids = _unique(article_ids)
    out = Path.cwd() if out is None else Path(out).expanduser()
    total = len(ids)
    articles = [store.get_article(i) for i in ids]

    if fmt == "json":
        target = out
        if out.is_dir():
            name = export_filename(articles[0], suffix=".json") if total == 1 else COLLECTION_NAME
            target = out / name
        _check_target(target, force)
        pairs = []
        for done, article in enumerate(articles, 1):
            pairs.extend(_with_versions(store, article.id))
            if progress is not None:
                progress(done, total)
        write_atomic(target, collection_json(pairs), force=force)
        return [target]

    targets = _markdown_targets(articles, out)
    for target in targets:
        _check_target(target, force)
    for done, (article, target) in enumerate(zip(articles, targets, strict=True), 1):
        text = _markdown(store, article, group_by, include_timestamp)
        write_atomic(target, text, force=force)
        if progress is not None:
            progress(done, total)
    return targets


def _markdown_targets(articles: list[Article], out: Path) -> list[Path]:
    if out.suffix.lower() == ".md" and not out.is_dir():
        if len(articles) != 1:
            raise ExportError(
                f"{out} is one file but {len(articles)} articles were asked for; "
                "give a folder instead"
            )
        return [out]
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder to export into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot make folder {out}: {error.strerror or error}") from None
    taken: set[str] = set()
    targets: list[Path] = []
    for article in articles:
        name = export_filename(article, taken)
        # A file that claimmark wrote for another article (say, an earlier version with
        # the same title) keeps its name; this article takes the next free one.
        while (marker := _marker(out / name)) is not None and marker != article.sha256:
            taken.add(name)
            name = export_filename(article, taken)
        taken.add(name)
        targets.append(out / name)
    return targets


def _marker(path: Path) -> str | None:
    """The article sha256 of the Markdown export at `path`, if claimmark wrote it."""
    head = _head(path) if path.is_file() else None
    return export_marker(head) if head is not None else None


def export_folder(store: Store) -> Path:
    """The default export folder: the `export_dir` setting (set it with
    `claimmark config export_dir PATH`), else `claimmark-exports` in the home folder."""
    configured = store.get_setting(EXPORT_DIR_SETTING)
    return Path(configured).expanduser() if configured else Path.home() / "claimmark-exports"


def export_article(store: Store, article_id: int) -> Path:
    """Export one article's notes to Markdown in the export folder (ctrl+e); the path."""
    [path] = export_articles(store, [article_id], export_folder(store))
    return path
