"""How an article's origin reads on screen: the credit line under a title (byline, site,
date) and the short site and date the library lists. Plain strings: the widgets that show
them treat them as text, never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlparse

from claimmark.store.models import Article

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import ArticleSummary


def site_label(article: Article | ArticleSummary) -> str:
    """The site's name, else the host of its URL ("" for a file)."""
    if article.site_name:
        return article.site_name
    url = article.url if isinstance(article, Article) else article.source
    if url.startswith(("http://", "https://")):
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.")
    return ""


def date_label(stamp: str) -> str:
    """The date part of an ISO 8601 date or date-time ("" when there is none)."""
    return stamp[:10] if len(stamp) >= 10 and stamp[4:5] == "-" else stamp


def credit_line(article: Article) -> str:
    """``By Jane Example · The Harbour Gazette · 2026-03-03``: what is known of who wrote
    the article, where and when (just the byline for a text file)."""
    parts = [article.byline, site_label(article), date_label(article.published)]
    return " · ".join(part for part in parts if part)
