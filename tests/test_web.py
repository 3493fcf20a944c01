"""Articles from the web, end to end through the `claimmark` command and the store, against
a local HTTP server on 127.0.0.1 (never the internet): pages, metadata, redirects, HTTP
errors, timeouts, size caps, compression, content types and charsets."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimmark.store.errors import IngestError
from claimmark.store.ingest import normalise_text
from claimmark.store.store import Store
from claimmark.store.web.page import read_html_article
from tests.cli import Run, cli_runner
from tests.web_server import PageServer, Route, page

PARAGRAPHS = [
    "The regional council voted on Tuesday to fund a flood barrier across the harbour mouth, "
    "ending a decade of argument over how to protect the low-lying eastern wards.",
    "“We have waited long enough,” said the council leader, Maria Okafor, who told reporters "
    "that the first contracts would be signed before the end of the year.",
    "Engineers have estimated that the barrier will cost £240m and take four years to build, "
    "according to a report published by the council’s infrastructure committee.",
    "Opponents argued that the money would be better spent on raising homes and restoring "
    "salt marshes, which absorb storm surges without blocking the harbour to shipping.",
    "The harbour master, who has been consulted on the design, said the gates would stay open "
    "except during the highest spring tides and forecast storms.",
]
TITLE = "Council backs harbour flood barrier after decade of debate"
JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org",
"@type": "NewsArticle", "headline": "Council backs harbour flood barrier after decade of debate",
"author": [{"@type": "Person", "name": "Sam Rivers"}, {"@type": "Person", "name": "Ana Lima"}],
"publisher": {"@type": "Organization", "name": "The Harbour Gazette"},
"datePublished": "2026-03-03T09:30:00+00:00", "dateModified": "2026-03-04T11:00:00+00:00"}
</script>
<meta property="og:site_name" content="The Harbour Gazette">
<link rel="canonical" href="/news/flood-barrier">"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lib.db"


@pytest.fixture
def run(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(db))
    monkeypatch.delenv("CLAIMMARK_TIMEOUT", raising=False)

    return cli_runner(capsys)


@pytest.fixture
def server() -> Iterator[PageServer]:
    web = PageServer()
    yield web
    web.close()


def articles(db: Path) -> list:
    with Store(db) as store:
        return [store.get_article(a.id) for a in store.list_articles(all_versions=True)]


def failed_with(result: Run, *phrases: str) -> None:
    """One error line on stderr naming the problem, exit status 1."""
    assert result.status == 1, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("claimmark: ") and "Traceback" not in result.err
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


# -- a page and its metadata ---------------------------------------------------------------


def test_add_url_stores_article_and_metadata(run, server: PageServer, db: Path) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    result = run("add", url)
    assert result.status == 0, result.err
    assert "added" in result.out and TITLE in result.out
    [article] = articles(db)
    assert article.title == TITLE
    assert article.byline == "By Sam Rivers, Ana Lima"
    assert article.text.split("\n") == PARAGRAPHS  # no nav, footer, related or script
    assert article.site_name == "The Harbour Gazette"
    assert article.published == "2026-03-03T09:30:00+00:00"
    assert article.modified == "2026-03-04T11:00:00+00:00"
    assert article.canonical_url == server.url("/news/flood-barrier")
    assert article.fetched_from == url
    assert article.fetched_at.startswith("20")
    assert article.language == "en"
    assert article.source == url
    path, headers = server.requests[-1]
    assert headers["User-Agent"].startswith("claimmark/")


def test_page_without_metadata_uses_title_tag_and_byline_element(
    run, server: PageServer, db: Path
) -> None:
    url = server.add("/plain", page(TITLE, PARAGRAPHS, byline="By Jo Marsh"))
    assert run("add", url).status == 0
    [article] = articles(db)
    assert article.title == TITLE  # "| The Harbour Gazette" cut off
    assert article.byline == "By Jo Marsh"
    assert "By Jo Marsh" not in article.text  # the byline is stored apart, not in the text
    assert article.text.split("\n") == PARAGRAPHS


def test_structure_and_entities(run, server: PageServer, db: Path) -> None:
    html = page(
        "Storm &amp; tide: what the barrier changes",
        [
            PARAGRAPHS[0],
            "Caf&eacute; owners &ldquo;welcomed&rdquo; the plan &#8212; mostly.",
            PARAGRAPHS[2],
        ],
    ).replace(
        "</div>\n</article>",
        "<h2>What happens next</h2><blockquote><p>“It will be built,” she said.</p>"
        "</blockquote><ul><li>Contracts in May</li><li>Work from June</li></ul>"
        f"<figure><img src='x.jpg'><figcaption>The harbour at dusk.</figcaption></figure>"
        "<p>Read more: <a href='/tides'>Tide tables revised for the spring</a></p>"
        f"<p>{PARAGRAPHS[3]}</p><p><a href='/more'>Read more</a></p></div>\n</article>",
    )
    assert run("add", server.add("/s", html)).status == 0
    [article] = articles(db)
    lines = article.text.split("\n")
    assert article.title == "Storm & tide: what the barrier changes"
    assert "Café owners “welcomed” the plan — mostly." in lines
    for own_line in ("What happens next", "“It will be built,” she said.", "Contracts in May"):
        assert own_line in lines
    assert "The harbour at dusk." not in article.text  # image captions are dropped
    assert "Read more" not in article.text and "Tide tables" not in article.text
    assert lines[-1] == PARAGRAPHS[3]
    assert "<" not in article.text and "&" not in article.text.replace("£", "")


def test_same_page_twice_and_same_canonical_url(run, server: PageServer, db: Path) -> None:
    html = page(TITLE, PARAGRAPHS, head=JSON_LD)
    first = server.add("/news/flood", html)
    second = server.add("/news/flood?utm_source=feed", html)
    assert run("add", first).status == 0
    again = run("add", first, second)
    assert again.status == 0
    assert again.out.count("already in library") == 2
    assert "0 added, 2 unchanged, 0 failed" in again.err
    # The same canonical URL with a changed text is a version, not a second article.
    server.add(
        "/amp/flood", page(TITLE, PARAGRAPHS + ["Update: the vote was 31 to 9."], head=JSON_LD)
    )
    result = run("add", server.url("/amp/flood"))
    assert "new version of #1" in result.out
    stored = articles(db)
    assert len(stored) == 2 and stored[0].previous_id == stored[1].id
    assert len(json.loads(run("list", "--json").out)) == 1


def test_refresh_unchanged_then_changed(run, server: PageServer, db: Path) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    run("add", url)
    same = run("refresh", "1")
    assert same.status == 0 and "unchanged" in same.out
    assert len(articles(db)) == 1
    server.add("/news/flood", page(TITLE, PARAGRAPHS[:4], head=JSON_LD))
    changed = run("refresh", url)
    assert changed.status == 0 and "new version of #1" in changed.out
    stored = articles(db)
    assert len(stored) == 2
    assert stored[0].previous_id == 1 and stored[0].text == "\n".join(PARAGRAPHS[:4])
    everything = run("refresh", "--all")
    assert everything.status == 0 and "unchanged" in everything.out
    listed = json.loads(run("list", "--json").out)
    assert [a["id"] for a in listed] == [2]


def test_refresh_of_a_page_back_to_its_first_text_is_a_new_version(
    run, server: PageServer, db: Path
) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    run("add", url)
    server.add("/news/flood", page(TITLE, PARAGRAPHS[:4], head=JSON_LD))
    run("refresh", url)
    server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))  # the edit undone
    back = run("refresh", url)
    assert back.status == 0 and "new version of #2, back to an earlier text" in back.out
    stored = articles(db)
    assert len(stored) == 3 and stored[0].text == "\n".join(PARAGRAPHS)
    assert [a["id"] for a in json.loads(run("list", "--json").out)] == [3]
    again = run("refresh", url)
    assert again.status == 0 and "unchanged" in again.out and len(articles(db)) == 3


def test_refresh_reports_failures(run, server: PageServer, tmp_path: Path) -> None:
    url = server.add("/gone", page(TITLE, PARAGRAPHS))
    run("add", url)
    server.add("/gone", "<h1>Gone</h1>", status=410)
    failed_with(run("refresh", "1"), "HTTP 410")
    note = tmp_path / "note.txt"
    note.write_text("A note\nJust text.\n")
    run("add", str(note))
    note.unlink()
    failed_with(run("refresh", "2"), "neither a URL nor a file")
    empty = run("--db", str(tmp_path / "other.db"), "refresh", "--all")
    failed_with(empty, "nothing to refresh")


def test_text_plain_is_added_like_a_txt_file(run, server: PageServer, db: Path) -> None:
    body = "Tide tables revised\nThe harbour office revised its tables.\nBy Kim Dale\n"
    assert run("add", server.add("/t.txt", body, "text/plain; charset=utf-8")).status == 0
    [article] = articles(db)
    assert (article.title, article.byline) == ("Tide tables revised", "By Kim Dale")
    assert article.text == "The harbour office revised its tables."


def test_gzip_and_redirects(run, server: PageServer, db: Path) -> None:
    server.add("/final", page(TITLE, PARAGRAPHS), compress=True)
    for hop in range(5):
        server.redirect(f"/hop{hop}", f"/hop{hop + 1}" if hop < 4 else "/final")
    result = run("add", server.url("/hop0"))
    assert result.status == 0, result.err
    [article] = articles(db)
    assert article.text.split("\n") == PARAGRAPHS
    assert article.fetched_from == server.url("/final")
    assert article.source == server.url("/hop0")
    assert "gzip" in server.requests[-1][1].get("Accept-Encoding", "")


def test_redirect_loop_and_too_many(run, server: PageServer, db: Path) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    failed_with(run("add", server.url("/a")), "redirect loop")
    for hop in range(7):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")
    server.add("/r7", page(TITLE, PARAGRAPHS))
    failed_with(run("add", server.url("/r0")), "more than 5 redirects")
    server.redirect("/evil", "file:///etc/passwd")
    failed_with(run("add", server.url("/evil")), "not http(s)")
    assert articles(db) == []


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors(run, server: PageServer, db: Path, status: int) -> None:
    server.add("/x", "<h1>Oops</h1>", status=status)
    failed_with(run("add", server.url("/x")), f"HTTP {status}")
    assert articles(db) == []


def test_slow_server_times_out(run, server: PageServer, db: Path, monkeypatch) -> None:
    url = server.add("/slow", page(TITLE, PARAGRAPHS), delay=30)
    failed_with(run("add", "--timeout", "0.3", url), "timed out after 0.3 s")
    monkeypatch.setenv("CLAIMMARK_TIMEOUT", "0.2")
    failed_with(run("add", url), "timed out after 0.2 s")
    assert articles(db) == []


def test_oversized_bodies_are_refused(run, server: PageServer, db: Path) -> None:
    megabyte = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"

    def endless():  # no Content-Length: the cap is found while reading
        yield b"<html><body>"
        for _ in range(12):
            yield megabyte

    server.stream("/huge", endless, "text/html")
    failed_with(run("add", server.url("/huge")), "larger than 10 MB")
    # The header alone says too large: refused before reading.
    server.routes["/declared"] = Route(
        200,
        {"Content-Type": "text/html", "Content-Length": str(11 * 1024 * 1024)},
        chunks=lambda: iter([b"<html>"]),
    )
    result = run("add", server.url("/declared"))
    assert result.status == 1 and "larger than 10 MB" in result.err
    assert articles(db) == []


@pytest.mark.parametrize(
    ("content_type", "named"),
    [("application/pdf", "application/pdf"), ("image/png", "image/png")],
)
def test_not_html_or_text(run, server: PageServer, db: Path, content_type, named) -> None:
    server.add("/file", b"%PDF-1.7\n\x00\x01binary", content_type)
    failed_with(run("add", server.url("/file")), "not a web page or text", named)
    assert articles(db) == []


def test_page_with_no_article_text(run, server: PageServer, db: Path) -> None:
    server.add("/empty", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body>")
    failed_with(run("add", server.url("/empty")), "no article text")
    assert articles(db) == []


def test_refused_urls_and_no_network(run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failed_with(run("add", "file:///etc/passwd"), "only http and https", "file:")
    failed_with(run("add", "javascript:alert(1)"), "only http and https")
    failed_with(run("add", "ftp://example.org/a.html"), "only http and https")
    failed_with(run("add", "example.org/news"), "no such file", "https://")
    # A closed port: nothing listens.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    failed_with(run("add", f"http://127.0.0.1:{port}/a"), "connection refused")

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    failed_with(run("add", "https://news.example.invalid/story"), "host not found")
    assert articles(db) == []


CHARSET_TEXT = "Café crème à la française: “déjà vu” — naïve façade"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        # Declared right in the header.
        (CHARSET_TEXT.encode("cp1252"), "text/html; charset=windows-1252"),
        # No header charset: the meta tag.
        (b'<meta charset="windows-1252">' + CHARSET_TEXT.encode("cp1252"), "text/html"),
        # Declared UTF-8 but the bytes are cp1252: detection.
        (CHARSET_TEXT.encode("cp1252"), "text/html; charset=utf-8"),
        # Declared Latin-1 but the bytes are UTF-8.
        (CHARSET_TEXT.encode("utf-8"), "text/html; charset=iso-8859-1"),
        # Nothing declared, UTF-8 bytes.
        (CHARSET_TEXT.encode("utf-8"), "text/html"),
    ],
)
def test_charsets(run, server: PageServer, db: Path, body: bytes, content_type: str) -> None:
    html = (
        b"<html><head><title>Charset test page for the reader</title></head><body><article>"
        + b"".join(b"<p>" + body + b" " + p.encode("ascii", "ignore") + b"</p>" for p in PARAGRAPHS)
        + b"</article></body></html>"
    )
    result = run("add", server.add("/c", html, content_type))
    assert result.status == 0, result.err
    [article] = articles(db)
    assert CHARSET_TEXT in article.text
    assert "\ufffd" not in article.text and "Ã" not in article.text


def test_many_items_one_failure_does_not_stop_the_rest(
    run, server: PageServer, db: Path, tmp_path: Path
) -> None:
    good = server.add("/good", page(TITLE, PARAGRAPHS))
    server.add("/bad", "nope", status=404)
    note = tmp_path / "note.txt"
    note.write_text("Harbour note\nA short note on the tides.\n")
    saved = tmp_path / "saved.html"
    saved.write_text(page("Saved page on the harbour dredging plan", PARAGRAPHS[1:]))
    result = run("add", good, server.url("/bad"), str(note), str(saved), "missing.txt")
    assert result.status == 1
    assert "3 added" in result.err and "2 failed" in result.err
    errors = [line for line in result.err.splitlines() if "HTTP 404" in line or "missing" in line]
    assert len(errors) == 2
    assert len(articles(db)) == 3


def test_html_files_and_folders_offline(run, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "one.html").write_text(page(TITLE, PARAGRAPHS, head=JSON_LD))
    (folder / "two.htm").write_bytes(
        page("Second saved harbour story about tides", PARAGRAPHS[2:])
        .replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
        .encode("cp1252", errors="replace")
    )
    (folder / "three.xhtml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + page("Third saved story, in XHTML, on the harbour", PARAGRAPHS[:3])
    )
    (folder / "notes.txt").write_text("Plain note\nSome text.\n")
    result = run("add", str(folder))
    assert result.status == 0, result.err
    stored = {a.title: a for a in articles(db)}
    assert set(stored) == {
        TITLE,
        "Second saved harbour story about tides",
        "Third saved story, in XHTML, on the harbour",
        "Plain note",
    }
    first = stored[TITLE]
    assert first.text.split("\n") == PARAGRAPHS and "<" not in first.text
    assert first.byline == "By Sam Rivers, Ana Lima" and first.fetched_from == ""
    assert first.canonical_url == "/news/flood-barrier" or first.canonical_url == ""
    assert "Engineers have estimated" in stored["Second saved harbour story about tides"].text


def test_normalisation_of_page_text(run, server: PageServer, db: Path) -> None:
    odd = "Cafe\u0301 prices\u00a0rose\x07 again\r\nsharply, traders said in the market hall."
    assert run("add", server.add("/n", page(TITLE, [odd, *PARAGRAPHS]))).status == 0
    [article] = articles(db)
    first = article.text.split("\n")[0]
    assert first.startswith("Café prices\u00a0rose again sharply")  # NFC, no control
    assert "\r" not in article.text and "\x07" not in article.text


def test_markup_in_metadata_is_stored_as_text(run, server: PageServer, db: Path) -> None:
    head = '<meta property="og:title" content="[bold]Not markup[/bold] &lt;b&gt;">'
    assert run("add", server.add("/m", page(TITLE, PARAGRAPHS, head=head))).status == 0
    [article] = articles(db)
    assert article.title == "[bold]Not markup[/bold] <b>"
    listed = run("list")
    assert "[bold]Not markup[/bold]" in listed.out


def test_exports_carry_the_metadata(run, server: PageServer, db: Path, tmp_path: Path) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    run("add", url)
    run("annotate", "1", "--quote", "We have waited long enough", "--claimant", "Maria Okafor")
    markdown = run("export", "1", "-o", "-").out
    front = markdown.split("---\n")[1]
    assert 'site: "The Harbour Gazette"' in front
    assert 'published: "2026-03-03T09:30:00+00:00"' in front
    assert 'modified: "2026-03-04T11:00:00+00:00"' in front
    assert f'url: "{server.url("/news/flood-barrier")}"' in front
    assert 'language: "en"' in front and 'fetched: "20' in front
    assert "By Sam Rivers, Ana Lima · The Harbour Gazette · 2026-03-03" in markdown
    exported = run("export", "1", "-o", "-", "--format", "json").out
    other = tmp_path / "other.db"
    saved = tmp_path / "all.json"
    saved.write_text(exported, encoding="utf-8")
    assert run("--db", str(other), "import", str(saved)).status == 0
    again = run("--db", str(other), "export", "1", "-o", "-", "--format", "json").out
    assert again == exported
    with Store(other) as store:
        copy = store.get_article(1)
    assert copy.site_name == "The Harbour Gazette" and copy.fetched_from == url


# -- the extractor on arbitrary input --------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<h2>",
        "</h2>",
        "<li>",
        "<script>x=1</script>",
        "<!-- c -->",
        "&amp;",
        "&#0;",
        "&nbsp;",
        "<pre>",
        "</pre>",
        "<a href='/x'>",
        "</a>",
        "<![CDATA[",
        "]]>",
        "<table><tr><td>",
        "</td></tr></table>",
        "\r\n",
        "\t",
        "\x00",
        "\x1b",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=40))
def test_any_html_gives_normalised_text_or_one_clear_error(parts: list[str]) -> None:
    html = "<html><body>" + "".join(parts) + "</body></html>"
    try:
        article = read_html_article(html)
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert article.text.strip() and article.title.strip()
    for line in article.text.split("\n"):
        assert line.strip()
        assert normalise_text(line) == line
    assert "\n" not in article.title and "\n" not in article.byline


def test_open_url_adds_then_opens_and_needs_a_terminal(
    run, server: PageServer, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.add("/news/flood", page(TITLE, PARAGRAPHS, head=JSON_LD))
    # No terminal (as under pytest): one line, and nothing fetched or added.
    failed_with(run("open", url), "needs a terminal")
    assert server.requests == [] and articles(db) == []
    opened: list[int] = []
    import claimmark.tui.launch as launch  # where `open` runs (with or without click)

    monkeypatch.setattr(launch, "require_terminal", lambda: None)
    monkeypatch.setattr(launch, "run_tui", lambda store, article_id, **_: opened.append(article_id))
    assert run("open", url).status == 0
    assert opened == [1] and len(server.requests) == 1
    # Already in the library (by its URL or its canonical URL): opened without fetching.
    assert (
        run("open", url).status == 0 and run("open", server.url("/news/flood-barrier")).status == 0
    )
    assert opened == [1, 1, 1] and len(server.requests) == 1
    server.add("/gone", "<h1>Gone</h1>", status=404)
    failed_with(run("open", server.url("/gone")), "HTTP 404")
