"""Adding articles from anything a user names: URLs, files and folders, one at a time,
each failure on its own; and refreshing articles from where they came from.

The command line (`claimmark add`, `open`, `refresh`) and the TUI's add worker share
these functions, so they add and report the same way. Nothing here prints: progress is a
callback, and each item ends as an `AddOutcome`.

A page that fails (no network, HTTP error, not HTML, no article text, ...) is one
outcome with a one-line message; it never stops the others. A database that cannot be
written (read-only, locked, damaged) is not an item's failure: `StoreError` propagates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimmark.store.errors import FetchError, IngestError, InvalidInput, NotFound
from claimmark.store.web.fetch import check_url, is_web_url, looks_like_url

if TYPE_CHECKING:
    from claimmark.store.ingest import ParsedArticle
    from claimmark.store.models import Article
    from claimmark.store.results import ImportResult
    from claimmark.store.store import Store

ITEM_ERRORS = (FetchError, IngestError, InvalidInput, NotFound)
"""The failures that belong to one item (and do not stop the others)."""


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What became of one thing to add (or refresh)."""

    item: str
    """The URL or path as the user named it."""
    result: ImportResult | None = None
    error: str = ""
    """The one-line reason it failed ("" on success)."""
    previous: Article | None = None
    """For a refresh: the text it was compared with."""

    @property
    def status(self) -> str:
        """``added``, ``unchanged``, ``new-version`` or ``failed``."""
        if self.result is None:
            return "failed"
        if self.result.status == "new":
            return "added"
        if self.result.status == "existing":
            return "unchanged"
        return "new-version"


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to add: a URL, or a file (found directly or in a folder)."""

    item: str
    url: str = ""
    path: Path | None = None
    error: str = ""
    """Set when the item cannot be added at all (a missing path, an empty folder)."""


Progress = Callable[[int, int, AddOutcome], None]
"""Called after each item with (items done, items in all, its outcome)."""


def expand(items: Sequence[str]) -> list[Target]:
    """The targets for what the user named, in order: a URL as is (a non-http scheme is
    a failed target), a file as is, a folder's article files (see
    `ingest.find_article_files`); a missing path or a folder with no article files is a
    failed target. A file named twice is added once."""
    from claimmark.store.ingest import find_article_files

    targets: list[Target] = []
    seen: set[Path] = set()
    for item in items:
        if looks_like_url(item):
            try:
                targets.append(Target(item, url=check_url(item)))
            except FetchError as error:
                targets.append(Target(item, error=str(error)))
            continue
        path = Path(item).expanduser()
        if not path.exists():
            from claimmark.store.ingest import path_problem

            problem = path_problem(path) or "no such file or folder"
            hint = ""
            looks_like_host = "." in item.split("/", 1)[0] and not item.startswith((".", "/", "~"))
            if problem == "no such file or folder" and looks_like_host:
                hint = " (for a web page, give its whole URL: https://...)"
            targets.append(Target(item, error=f"{_display(item)}: {problem}{hint}"))
            continue
        files = find_article_files([path])
        if path.is_dir() and not files:
            targets.append(
                Target(item, error=f"{_display(item)}: no .txt, .md or .html files in this folder")
            )
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                targets.append(Target(str(file), path=file))
    return targets


def add_targets(
    store: Store,
    targets: Sequence[Target],
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[AddOutcome]:
    """Add each target; one outcome per target, in order. `cancelled` is asked before
    each item (the TUI's worker stops early when the screen goes away)."""
    outcomes: list[AddOutcome] = []
    for target in targets:
        if cancelled is not None and cancelled():
            break
        if target.error:
            outcome = AddOutcome(target.item, error=target.error)
        else:
            try:
                if target.url:
                    result = add_url(store, target.url, timeout=timeout)
                else:
                    assert target.path is not None
                    result = store.import_file(target.path)
                outcome = AddOutcome(target.item, result)
            except ITEM_ERRORS as error:
                outcome = AddOutcome(target.item, error=str(error))
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), len(targets), outcome)
    return outcomes


def read_url(url: str, *, timeout: float | None = None) -> ParsedArticle:
    """Fetch `url` and read its article (HTML through the page extractor, plain text as a
    ``.txt`` file is read); `FetchError` or `IngestError` with a one-line message."""
    from claimmark.store.ingest import (
        ParsedArticle,
        content_sha256,
        parse_article_text,
        parse_html_bytes,
    )
    from claimmark.store.models import ArticleMetadata
    from claimmark.store.store import now
    from claimmark.store.web.decode import decode_page
    from claimmark.store.web.fetch import fetch_page

    page = fetch_page(url, timeout=timeout)
    fetched_at = now()
    if page.kind == "html":
        parsed = parse_html_bytes(
            page.body, _display(url), charset=page.charset, url=page.final_url
        )
        from dataclasses import replace

        return replace(
            parsed,
            metadata=replace(parsed.metadata, fetched_from=page.final_url, fetched_at=fetched_at),
        )
    if not page.body.strip():
        raise IngestError(f"{_display(url)}: the page is empty")
    text, encoding = decode_page(page.body, page.charset, html=False)
    try:
        title, byline, body = parse_article_text(text, markdown=False)
    except IngestError as error:
        raise IngestError(f"{_display(url)}: {error}") from None
    return ParsedArticle(
        title,
        byline,
        body,
        encoding,
        content_sha256(title, byline, body),
        ArticleMetadata(fetched_from=page.final_url, fetched_at=fetched_at),
    )


def add_url(
    store: Store, url: str, *, timeout: float | None = None, source: str | None = None
) -> ImportResult:
    """Fetch `url` and store its article (its source is `source`, else the URL)."""
    url = check_url(url)
    parsed = read_url(url, timeout=timeout)
    return store.add_article(
        parsed.title,
        parsed.byline,
        source or url,
        parsed.text,
        encoding=parsed.encoding,
        metadata=parsed.metadata,
    )


def refresh_source(article: Article) -> str:
    """Where `article` is fetched (or read) again from: its source URL, else the URL it
    was fetched from, else its canonical URL, else its source file; `NotFound` if none
    of these is there."""
    for url in (article.source, article.fetched_from, article.canonical_url):
        if url and is_web_url(url):
            return url
    if Path(article.source).is_file():
        return article.source
    raise NotFound(
        f"#{article.id} {article.title[:60]}: came from {_display(article.source)}, "
        "which is neither a URL nor a file that exists"
    )


def refresh_articles(
    store: Store,
    articles: Sequence[Article],
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> list[AddOutcome]:
    """Fetch (or re-read) each article from its source; the same text changes nothing,
    a changed text is a new version of it."""
    outcomes: list[AddOutcome] = []
    for article in articles:
        label = f"#{article.id}"
        try:
            where = refresh_source(article)
            label = where
            if is_web_url(where):
                result = add_url(store, where, timeout=timeout, source=article.source)
            else:
                result = store.import_file(where)
            outcome = AddOutcome(label, result, previous=article)
        except ITEM_ERRORS as error:
            outcome = AddOutcome(label, error=str(error), previous=article)
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), len(articles), outcome)
    return outcomes


def _display(name: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in name)
