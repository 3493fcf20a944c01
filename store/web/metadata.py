"""A web page's metadata: title, byline, site name, dates, canonical URL and language.

Publishers describe their articles for search engines and social sites, so the metadata
is read from what they publish for that, in this order of trust:

1. schema.org JSON-LD (``<script type="application/ld+json">``) of an article type:
   ``headline``/``name``, ``author``, ``publisher.name``, ``datePublished``,
   ``dateModified``, ``inLanguage``, ``url``;
2. meta tags: Dublin Core, OpenGraph (``og:``, ``article:``), Twitter cards, Parse.ly and
   plain ``author``/``title``/``date`` names;
3. the document itself: ``<title>`` with the site name cut off the way Mozilla Readability
   does (a separator ``|``, ``-``, ``»`` ... and a part of 3+ words), a byline element
   (``rel=author``, ``itemprop=author``, a class or id naming a byline or author) with
   short text, ``<html lang>``, ``<link rel=canonical>``;
4. for the published date only, htmldate, which also reads dates from URLs and markup.

Values are plain one-line text; nothing here is markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlparse

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_TITLE_CHARS = 300
MAX_BYLINE_CHARS = 200
MAX_SITE_CHARS = 120

_ARTICLE_TYPES = frozenset(
    """Article AdvertiserContentArticle NewsArticle AnalysisNewsArticle AskPublicNewsArticle
    BackgroundNewsArticle OpinionNewsArticle ReportageNewsArticle ReviewNewsArticle Report
    SatiricalArticle ScholarlyArticle MedicalScholarlyArticle SocialMediaPosting BlogPosting
    LiveBlogPosting DiscussionForumPosting TechArticle APIReference WebPage""".split()
)
_SEPARATORS = "|-–—\\/>»·•:"
_BYLINE_HINT = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
_BY_PREFIX = re.compile(r"^(?:by|par|por|von|di|door|av|af|przez|od)\s+", re.I)
_SPACE = re.compile(r"\s+")
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_POSTED_BY = re.compile(r"^(?:posted|written|words|story|text|reporting)\s+(?=by\s)", re.I)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_NOT_VISIBLE = frozenset(("script", "style", "noscript", "template", "svg", "head"))
_NAME_HINT = re.compile(r"name|\bfn\b", re.I)
_PERSON_KEYS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru.author")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.I)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about its article (each value "" when it says nothing)."""

    title: str = ""
    byline: str = ""
    """As claimmark stores bylines: ``By`` and the names (or the page's own byline line)."""
    site_name: str = ""
    published: str = ""
    """ISO 8601: a date (``2019-01-03``) or a date and time with its offset."""
    modified: str = ""
    canonical_url: str = ""
    language: str = ""


def read_metadata(doc: HtmlElement, url: str = "", html: str | None = None) -> PageMetadata:
    """The metadata of a parsed page (read before `extract.prune_page` removes scripts).

    `url` resolves a relative canonical link; `html`, the page's text, lets htmldate look
    for a published date when the page's metadata gives none.
    """
    ld = _json_ld(doc)
    meta = _meta_values(doc)
    site_name = _line(
        _first(ld.get("site_name"), meta.get("og:site_name"), meta.get("application-name")),
        MAX_SITE_CHARS,
    )
    title = _first(
        ld.get("title"),
        meta.get("dc:title"),
        meta.get("dcterm:title"),
        meta.get("og:title"),
        meta.get("title"),
        meta.get("twitter:title"),
        meta.get("parsely-title"),
    )
    title = _line(title or _document_title(doc), MAX_TITLE_CHARS)
    title = _without_site(title, site_name)
    article_author = meta.get("article:author", "")
    if _URL.match(article_author):
        article_author = ""
    names = _first(
        ld.get("byline"),
        meta.get("dc:creator"),
        meta.get("dcterm:creator"),
        meta.get("author"),
        meta.get("parsely-author"),
        meta.get("sailthru.author"),
        article_author,
    )
    byline = _as_byline(names) if names and not _URL.match(names) else ""
    published = _first(
        _iso(ld.get("published")),
        _iso(meta.get("article:published_time")),
        _iso(meta.get("og:published_time")),
        _iso(meta.get("parsely-pub-date")),
        _iso(meta.get("dc:date")),
        _iso(meta.get("dcterm:created")),
        _iso(meta.get("dc:date.issued")),
        _iso(meta.get("date")),
        _iso(meta.get("pubdate")),
        _iso(meta.get("sailthru.date")),
        _iso(_itemprop_date(doc, "datePublished")),
    )
    if not published and html is not None:
        published = _htmldate(html, url)
    modified = _first(
        _iso(ld.get("modified")),
        _iso(meta.get("article:modified_time")),
        _iso(meta.get("og:updated_time")),
        _iso(meta.get("dcterm:modified")),
        _iso(_itemprop_date(doc, "dateModified")),
    )
    if modified and published and modified[:19] <= published[:19]:
        modified = ""  # the same instant (or earlier): the page was not modified after
    return PageMetadata(
        title=title,
        byline=_line(byline, MAX_BYLINE_CHARS),
        site_name=site_name,
        published=published,
        modified=modified,
        canonical_url=_canonical(doc, meta, ld, url),
        language=_language(doc, meta, ld),
    )


# -- JSON-LD -------------------------------------------------------------------------------


def _json_ld(doc: HtmlElement) -> dict[str, str]:
    """The first schema.org article object's fields, as plain strings."""
    for script in doc.xpath("//script[@type='application/ld+json']"):
        source = _CDATA.sub("", script.text or "")
        try:
            data = json.loads(source, strict=False)
        except ValueError:
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if not any(isinstance(t, str) and t in _ARTICLE_TYPES for t in types):
                continue
            found = {
                "title": _text(item.get("headline")) or _text(item.get("name")),
                "byline": _ld_names(item.get("author")),
                "site_name": _ld_names(item.get("publisher")),
                "published": _text(item.get("datePublished")),
                "modified": _text(item.get("dateModified")),
                "language": _text(item.get("inLanguage")),
                "url": _text(item.get("url")) or _text(item.get("mainEntityOfPage")),
            }
            if "WebPage" in types and not any(t != "WebPage" for t in types):
                # A page description is weaker than an article's: its headline only.
                found = {"title": found["title"], "language": found["language"]}
                if not found["title"]:
                    continue
            return {key: value for key, value in found.items() if value}
    return {}


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry)]
    if not isinstance(data, dict):
        return []
    items = [data]
    graph = data.get("@graph")
    if isinstance(graph, list):
        items.extend(item for item in graph if isinstance(item, dict))
    # Article types first, then a WebPage.
    return sorted(items, key=lambda item: item.get("@type") == "WebPage")


def _ld_names(value: Any) -> str:
    """Names of a person, an organisation or a list of them, joined with commas."""
    if isinstance(value, str):
        return "" if _URL.match(value) else value
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list):
        names = [_ld_names(item) for item in value]
        return ", ".join(dict.fromkeys(name for name in names if name))
    return ""


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url") or value.get("name"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""


# -- meta tags and the document ------------------------------------------------------------


def _meta_values(doc: HtmlElement) -> dict[str, str]:
    """Meta tag contents by lower-case name or property (the first of each name wins);
    ``og:``/``dc.``/``dcterms.`` spellings are folded to one key each."""
    values: dict[str, str] = {}
    for element in doc.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            keys = element.get(attribute)
            if not keys:
                continue
            for key in keys.lower().split():
                key = re.sub(r"^dcterms?[.:]", "dcterm:", key)
                key = re.sub(r"^dc[.:]", "dc:", key)
                if key.startswith("og:article:"):
                    key = key[3:]
                if key in _PERSON_KEYS and key in values:
                    # Several authors are several tags of one name.
                    if content.strip() not in values[key].split("; "):
                        values[key] = f"{values[key]}; {content.strip()}"
                    continue
                values.setdefault(key, content.strip())
    for element in doc.iter("meta"):
        equiv = (element.get("http-equiv") or "").lower()
        if equiv == "content-language" and element.get("content"):
            values.setdefault("content-language", element.get("content", "").strip())
    return values


def _document_title(doc: HtmlElement) -> str:
    """The ``<title>`` with the site's name cut off, after Mozilla Readability's rules."""
    found = doc.find(".//title")
    original = _SPACE.sub(" ", found.text_content()).strip() if found is not None else ""
    title = original
    hierarchical = False
    if re.search(r" [|\-\\/>»] ", original):
        hierarchical = bool(re.search(r" [\\/>»] ", original))
        title = re.sub(r"(.*)[|\-\\/>»] .*", r"\1", original)
        if _word_count(title) < 3:
            title = re.sub(r"[^|\-\\/>»]*[|\-\\/>»](.*)", r"\1", original)
    elif ": " in original:
        headings = {_SPACE.sub(" ", h.text_content()).strip() for h in doc.iter("h1", "h2")}
        if original not in headings:
            title = original[original.rfind(":") + 1 :]
            if _word_count(title) < 3:
                title = original[original.find(":") + 1 :]
            elif _word_count(original[: original.find(":")]) > 5:
                title = original
    elif len(original) > 150 or len(original) < 15:
        h1s = list(doc.iter("h1"))
        if len(h1s) == 1:
            title = h1s[0].text_content()
    title = _SPACE.sub(" ", title).strip()
    count = _word_count(title)
    if count <= 4 and (
        not hierarchical or count != _word_count(re.sub(r"[|\-\\/>»]+", "", original)) - 1
    ):
        title = original
    if not title:
        h1s = list(doc.iter("h1"))
        if h1s:
            title = _SPACE.sub(" ", h1s[0].text_content()).strip()
    return title


def _without_site(title: str, site_name: str) -> str:
    """``Headline | Site`` becomes ``Headline`` when Site is the page's site name."""
    if not site_name or not title:
        return title
    site = site_name.casefold()
    for separator in _SEPARATORS:
        for joiner in (f" {separator} ", f"{separator} "):
            head, found, tail = title.rpartition(joiner)
            if found and head.strip() and tail.strip().casefold() == site:
                return head.strip()
            tail, found, head = title.partition(joiner)
            if found and head.strip() and tail.strip().casefold() == site:
                return head.strip()
    return title


def byline_in_page(doc: HtmlElement) -> str:
    """The byline an element of the page shows, for a page whose metadata names no
    author: the first visible element, in document order, that marks itself as one
    (``rel=author``, ``itemprop=author``, a class or id with byline/author/dateline) and
    has short text, as Mozilla Readability looks for it. A name element inside it
    (``itemprop=name``, ``rel=author``, a class with "name") is preferred to its whole
    text, which often carries a date; text that is mostly digits (a dateline) or holds a
    ``|`` (a menu) is not a byline."""
    body = doc.find("body")
    if body is None:
        return ""
    stack = [body]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _NOT_VISIBLE or _hidden(element):
            continue
        if _marks_byline(element):
            found = _byline_of(element)
            if found:
                return found
        stack.extend(reversed(element))
    return ""


def _byline_of(element: HtmlElement) -> str:
    """The byline text of a byline element: its most specific name inside (an
    ``itemprop=author``, then an ``itemprop=name``, ``rel=author`` or author-name class,
    then any name class), else its whole text."""
    best: tuple[int, str] | None = None
    for inner in element.iter():
        if inner is element or not isinstance(inner.tag, str):
            continue
        itemprop = (inner.get("itemprop") or "").lower()
        classes = (inner.get("class") or "").lower()
        if "author" in itemprop:
            rank = 0
        elif (
            "name" in itemprop
            or (inner.get("rel") or "").lower() == "author"
            or ("author" in classes and "name" in classes)
        ):
            rank = 1
        elif _NAME_HINT.search(classes):
            rank = 2
        else:
            continue
        if best is not None and rank >= best[0]:
            continue
        text = _byline_of(inner) if rank == 0 else _byline_text(inner)
        if text:
            best = (rank, text)
    if best is not None:
        return best[1] if best[0] == 0 else _as_byline(best[1])
    text = _byline_text(element)
    return _as_byline(text) if text else ""


def _hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _marks_byline(element: HtmlElement) -> bool:
    rel = (element.get("rel") or "").lower()
    itemprop = (element.get("itemprop") or "").lower()
    hint = f"{element.get('class') or ''} {element.get('id') or ''}"
    return rel == "author" or "author" in itemprop or bool(_BYLINE_HINT.search(hint))


def _byline_text(element: HtmlElement) -> str:
    """The element's text if it can be a byline, else ""."""
    text = _SPACE.sub(" ", element.text_content()).strip()
    if not (0 < len(text) < 100) or "|" in text:
        return ""
    letters = sum(ch.isalpha() for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    if letters < 2 or digits * 3 > letters:
        return ""
    return text


def _as_byline(names: str) -> str:
    """``By`` and the names, unless the text already starts with a "by" word."""
    names = _SPACE.sub(" ", names).strip().strip(",;|")
    names = _POSTED_BY.sub("", names)
    if not names:
        return ""
    if _BY_PREFIX.match(names):
        return names[0].upper() + names[1:]
    return f"By {names}"


def _itemprop_date(doc: HtmlElement, prop: str) -> str:
    for element in doc.xpath(f"//*[@itemprop='{prop}']"):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            return value.strip()
    return ""


def _canonical(doc: HtmlElement, meta: dict[str, str], ld: dict[str, str], url: str) -> str:
    candidates = [
        link.get("href") or ""
        for link in doc.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    candidates += [meta.get("og:url", ""), ld.get("url", "")]
    for candidate in candidates:
        candidate = candidate.strip()
        if not candidate:
            continue
        absolute = urljoin(url, candidate) if url else candidate
        parsed = urlparse(absolute)
        if parsed.scheme in ("http", "https") and parsed.netloc and " " not in absolute:
            return absolute
    return ""


def _language(doc: HtmlElement, meta: dict[str, str], ld: dict[str, str]) -> str:
    locale = meta.get("og:locale", "").replace("_", "-")
    for value in (
        doc.get("lang"),
        doc.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("content-language"),
        ld.get("language"),
        locale,
    ):
        if value and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value.strip()):
            return value.strip()
    return ""


# -- dates ---------------------------------------------------------------------------------


def _iso(value: str | None) -> str:
    """A date or date-time in ISO 8601 form, or "" when `value` is not one."""
    if not value:
        return ""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        pass
    else:
        if len(value) <= 10:
            return moment.date().isoformat()
        return moment.isoformat()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def _htmldate(html: str, url: str) -> str:
    """The published date htmldate finds in markup and the URL (no guessing from the
    text), or ""."""
    try:
        from htmldate import find_date  # type: ignore[import-untyped]

        found = find_date(html, original_date=True, extensive_search=False, url=url or None)
    except Exception:  # htmldate is a best-effort fallback; a failure means "no date"
        return ""
    return found or ""


# -- helpers -------------------------------------------------------------------------------


def _first(*values: str | None) -> str:
    for value in values:
        if value and value.strip():
            return value.strip()
    return ""


def _line(text: str, limit: int) -> str:
    """One line of plain text, at most `limit` characters."""
    import html

    text = _SPACE.sub(" ", html.unescape(text)).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _word_count(text: str) -> int:
    return len(text.split())
