"""The web page reader's parts on their own: metadata rules, charset decoding, and the
merge of the two extractors' paragraphs."""

from __future__ import annotations

import pytest

from claimmark.store.web.blocks import Block
from claimmark.store.web.decode import decode_page
from claimmark.store.web.extract import merge_blocks, parse_page
from claimmark.store.web.metadata import byline_in_page, read_metadata


def meta(html: str, url: str = "https://news.example.org/a/b.html"):
    return read_metadata(parse_page(html), url, html)


def test_json_ld_in_a_graph_and_in_cdata() -> None:
    html = """<html><head><title>Ignored | Site</title>
    <script type="application/ld+json">
    //<![CDATA[
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Example News"},
      {"@type": ["NewsArticle"], "headline": "Ferry fares to rise in May",
       "author": {"@type": "Person", "name": "Lee Park"},
       "publisher": {"@type": "Organization", "name": "Example News"},
       "datePublished": "2026-04-01", "inLanguage": "en-GB",
       "url": "https://news.example.org/ferry"}]}
    //]]>
    </script></head><body><p>x</p></body></html>"""
    found = meta(html)
    assert found.title == "Ferry fares to rise in May"
    assert found.byline == "By Lee Park"
    assert found.site_name == "Example News"
    assert found.published == "2026-04-01"
    assert found.language == "en-GB"
    assert found.canonical_url == "https://news.example.org/ferry"


def test_meta_tags_several_authors_and_a_url_author() -> None:
    html = """<html lang="fr"><head>
    <meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, M. de">
    <meta property="article:author" content="https://example.org/people/x">
    <meta property="og:title" content="Le port s'agrandit — Exemple">
    <meta property="og:site_name" content="Exemple">
    <meta property="article:published_time" content="2026-05-02T08:00:00Z">
    <meta property="article:modified_time" content="2026-05-02T08:00:00Z">
    <link rel="canonical" href="/port"></head><body></body></html>"""
    found = meta(html)
    assert found.byline == "By Kooman, F.; Jong, M. de"
    assert found.title == "Le port s'agrandit"  # "— Exemple" is the site's name
    assert found.published == "2026-05-02T08:00:00+00:00"
    assert found.modified == ""  # not after publication
    assert found.canonical_url == "https://news.example.org/port"
    assert found.language == "fr"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferry fares to rise in May | Example News", "Ferry fares to rise in May"),
        # A breadcrumb before the headline: cutting the last part would leave the site's
        # name, so (Readability's rule) the whole title stays.
        (
            "Example News » World » Ferry fares to rise in May",
            "Example News » World » Ferry fares to rise in May",
        ),
        ("Sport: Harbour rowers win the regatta again", "Harbour rowers win the regatta again"),
        ("Short | Site", "Short | Site"),
    ],
)
def test_title_tag_rules(title: str, expected: str) -> None:
    assert meta(f"<html><head><title>{title}</title></head><body></body></html>").title == expected


def test_byline_element_is_visible_named_and_not_a_date_or_menu() -> None:
    html = """<html><body>
    <div class="author-menu" style="display:none">Hidden Person</div>
    <div class="authorbar">Sign in | Subscribe | Account</div>
    <p class="byline">21.04.2026 10:55</p>
    <div class="byline">By <span class="author-name">Ana Lima</span>, 3 April 2026</div>
    </body></html>"""
    assert byline_in_page(parse_page(html)) == "By Ana Lima"


def test_published_date_from_the_url_by_htmldate() -> None:
    html = "<html><head><title>Ferry fares rise</title></head><body><p>x</p></body></html>"
    assert meta(html, "https://news.example.org/2026/04/01/ferry").published == "2026-04-01"


@pytest.mark.parametrize(
    ("data", "header", "text", "encoding"),
    [
        ("\ufeffcafé".encode(), "iso-8859-1", "café", "utf-8"),  # a BOM wins
        (b'<?xml version="1.0" encoding="windows-1252"?><p>caf\xe9</p>', None, "café", "cp1252"),
        (b'<meta charset="utf-16"><p>caf\xc3\xa9</p>', None, "café", "utf-8"),
        (b"<p>caf\xe9</p>", "latin1", "café", "cp1252"),
        (b"<p>\xd0\xbf\xd1\x80\xd0\xb8</p>", None, "при", "utf-8"),
    ],
)
def test_decoding(data: bytes, header: str | None, text: str, encoding: str) -> None:
    decoded, used = decode_page(data, header)
    assert text in decoded and used == encoding


def test_merge_keeps_readability_order_and_adds_what_it_missed() -> None:
    lead = "A lead paragraph that only trafilatura found, long enough to be prose here."
    shared = [
        f"Paragraph {n} about the harbour, the barrier and the council vote {n}." for n in "ABCD"
    ]
    missed = "A middle paragraph readability dropped between the second and third ones."
    related = [f"Related story {n}: something else entirely" for n in range(6)]
    primary = [Block(t, "p") for t in [shared[0], shared[1], shared[2], shared[3], *related]]
    secondary = [Block(t, "p") for t in [lead, shared[0], shared[1], missed, shared[2], shared[3]]]
    merged = [b.text for b in merge_blocks(primary, secondary)]
    assert merged == [lead, shared[0], shared[1], missed, shared[2], shared[3]]


def test_merge_when_the_extractors_disagree_takes_the_one_with_more_prose() -> None:
    prose = [
        Block(f"Sentence number {n} of a real article, which goes on a while.", "p")
        for n in range(8)
    ]
    menu = [Block(w, "p") for w in ("Home", "News", "Sport", "Weather")]
    assert merge_blocks(menu, prose) == prose
    assert merge_blocks(prose, menu) == prose
