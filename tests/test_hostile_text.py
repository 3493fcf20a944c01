"""Hostile text stays text: one corpus of nasty strings (tests/hostile.py) fed through every
way text enters claimmark from a shell, and every output checked.

Entry points: an article file, `annotate` arguments, a JSON `import`, a web page when
`claimmark.store.web` exists, and rows an older claimmark may have stored raw. Outputs:
every command's text and JSON, Markdown and JSON exports. Nothing may reach the terminal
raw (no ESC, C1, BEL, CR or bidi control), no Rich markup may be read as markup (no
hyperlink, no style, no crash on a stray closing tag), and nothing may crash.
(The TUI's side is tests/tui/test_hostile_screen.py.)
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from pathlib import Path

import pytest

from claimmark.store.export import collection_json
from claimmark.store.models import Annotation, Article, Claim
from claimmark.store.store import Store
from tests.cli import Run, cli_runner
from tests.hostile import ALL, HOSTILE, assert_terminal_safe

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""Rich's own colours and bold (allowed when colour is forced): select graphic rendition."""


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(tmp_path / "lib.db"))
    monkeypatch.setenv("COLUMNS", "2000")  # Rich tables: one row per line

    invoke = cli_runner(capsys)

    def checked(*args: str) -> Run:
        result = invoke(*args)
        assert "Traceback" not in result.err, result.err
        return result

    return checked


def _body() -> str:
    """An article whose paragraphs hold the corpus, with attributions for `suggest`."""
    lines = [f"{value} the minister said, according to officials." for value in HOSTILE.values()]
    return "\n".join(["Plain opening sentence, the mayor said.", *lines])


def _hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    title = HOSTILE["markup-link"] + " " + HOSTILE["markup-close"] + " " + HOSTILE["bidi"]
    body = _body().replace("\x00", "")  # a NUL makes a file binary, refused as such
    path.write_text(f"{title}\n{body}\nBy {HOSTILE['markup-style']}", "utf-8", "surrogatepass")
    return path


def _hostile_collection(tmp_path: Path) -> Path:
    raw = "Imported first line.\n" + ALL + "\nImported target words, the mayor said."
    start = raw.index("target words")
    article = Article(
        id=1,
        title="Imported " + HOSTILE["markup-style"] + HOSTILE["osc8"],
        byline=HOSTILE["csi-c1"],
        source="/imported" + HOSTILE["osc0-title"],
        text=raw,
        sha256="1" * 64,
        imported_at="2026-01-02T00:00:00+00:00",
        encoding="utf-8",
    )
    mark = Annotation(
        id=1,
        article_id=1,
        start=start,
        end=start + 12,
        quote="target words",
        prefix="",
        suffix="",
        color=HOSTILE["csi-clear"],
        note=ALL,
        tags=(HOSTILE["markup-close"], HOSTILE["zero-width"]),
        claim=Claim(HOSTILE["markup-link"], (HOSTILE["osc52"], HOSTILE["bidi"])),
        created_at="2026-01-02T00:00:00+00:00",
        updated_at="2026-01-02T00:00:00+00:00",
    )
    path = tmp_path / "hostile.json"
    path.write_text(collection_json([(article, [mark])]), "utf-8", "surrogatepass")
    return path


def _legacy_rows(db: Path) -> None:
    """Rows as an older claimmark could have stored them: raw, unsanitised."""
    conn = sqlite3.connect(db, isolation_level=None)
    text = "Legacy paragraph, the mayor said.\n" + ALL.replace("\ud800", "").replace("\udcff", "")
    conn.execute(
        """INSERT INTO articles (title, byline, source, text, sha256, imported_at)
           VALUES (?, ?, '/legacy.txt', ?, ?, '2026-01-03T00:00:00+00:00')""",
        ["Legacy " + HOSTILE["osc52"] + HOSTILE["markup-close"], HOSTILE["bidi"], text, "2" * 64],
    )
    article_id = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    cursor = conn.execute(
        """INSERT INTO annotations (article_id, start, "end", quote, note, created_at,
               updated_at) VALUES (?, 0, 16, 'Legacy paragraph', ?, 't', 't')""",
        [article_id, HOSTILE["osc52"] + HOSTILE["csi-clear"] + HOSTILE["markup-close"]],
    )
    conn.execute(
        "INSERT INTO claims (annotation_id, claimant) VALUES (?, ?)",
        [cursor.lastrowid, HOSTILE["markup-close"] + HOSTILE["osc8"]],
    )
    conn.execute("INSERT INTO tags (name) VALUES (?)", [HOSTILE["csi-c1"]])
    conn.execute(
        "INSERT INTO annotation_tags SELECT ?, id FROM tags WHERE name = ?",
        [cursor.lastrowid, HOSTILE["csi-c1"]],
    )
    conn.close()


def _web_page(tmp_path: Path) -> Path | None:
    """An HTML page with the corpus, when claimmark reads web pages (another module)."""
    if importlib.util.find_spec("claimmark.store.web") is None:
        return None
    path = tmp_path / "hostile.html"
    paragraphs = "".join(f"<p>{value} the minister said.</p>" for value in HOSTILE.values())
    path.write_text(
        f"<html><head><title>{HOSTILE['markup-link']}{HOSTILE['osc52']}</title></head>"
        f"<body><article><h1>{HOSTILE['markup-close']}</h1>{paragraphs}</article></body></html>",
        "utf-8",
        "surrogatepass",
    )
    return path


def _check(text: str, where: str, *, forced_colour: bool = False) -> None:
    if forced_colour:
        assert "\x1b]" not in text, f"{where}: an OSC sequence (hyperlink, clipboard, title)"
        text = SGR.sub("", text)
    assert_terminal_safe(text.replace("\n", " ").replace("\t", " "), where)


def test_hostile_text_through_every_cli_entry_and_output(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("list")  # makes the library
    added = run("add", str(_hostile_file(tmp_path)))
    _check(added.out + added.err, "add")
    assert added.status == 0, added.err
    page = _web_page(tmp_path)
    if page is not None:
        web = run("add", str(page))
        _check(web.out + web.err, "add (web page)")
    imported = run("import", str(_hostile_collection(tmp_path)))
    assert imported.status == 0, imported.err
    _legacy_rows(tmp_path / "lib.db")
    articles = json.loads(run("list", "--json", "--all-versions").out)
    assert len(articles) >= 3
    for article in articles:
        ref = str(article["id"])
        quote = "Plain opening" if "Plain opening" in json.dumps(article) else None
        annotate = run(
            "annotate",
            ref,
            "--quote",
            quote or "the mayor said",
            "--occurrence",
            "1",
            "--note",
            ALL.replace("\x00", ""),
            "--tag",
            HOSTILE["osc52"],
            "--tag",
            HOSTILE["markup-close"],
            "--claimant",
            HOSTILE["markup-link"] + HOSTILE["bidi"],
            "--source",
            HOSTILE["csi-clear"],
            "--json",
        )
        _check(annotate.out + annotate.err, f"annotate {ref}")
    outputs = [
        ("list",),
        ("list", "--json", "--all-versions"),
        ("claims",),
        ("claims", "--json"),
        ("claims", "--claimant", HOSTILE["markup-close"]),
        ("export", "--all", "-o", "-"),
        ("export", "--all", "--format", "json", "-o", "-"),
        ("annotations", HOSTILE["markup-close"]),  # an ambiguous or missing name: an error
    ]
    for article in articles:
        ref = str(article["id"])
        outputs += [
            ("annotations", ref),
            ("annotations", ref, "--json"),
            ("suggest", ref),
            ("suggest", ref, "--json"),
        ]
    for args in outputs:
        result = run(*args)
        _check(result.out + result.err, " ".join(args))
    # Rich markup in titles and claimants is shown as it was written, never read.
    listed = run("list").out
    assert "[link=file:///etc/passwd]L[/link]" in listed
    assert "[/bold]" in listed
    assert "[/bold]" in run("claims").out
    # Forced colour (as on a terminal): Rich styles the table, but a title makes no link.
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run("list")
    assert coloured.status == 0
    _check(coloured.out, "list (colour)", forced_colour=True)
    assert "[link=file:///etc/passwd]L[/link]" in SGR.sub("", coloured.out)
    # Files written by export hold no raw escape either.
    folder = tmp_path / "out"
    for fmt in ("markdown", "json"):
        result = run("export", "--all", "--format", fmt, "-o", str(folder / fmt))
        assert result.status == 0, result.err
        _check(result.out + result.err, f"export {fmt}")
    for path in folder.rglob("*"):
        if path.is_file():
            _check(path.read_text("utf-8"), str(path.name))
    with Store(tmp_path / "lib.db") as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_list_and_claims_show_rich_markup_as_text(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "markup.txt"
    story.write_text(
        "[link=file:///etc/passwd]Linked[/link] title [/bold]\nBody text, the mayor said.\n"
    )
    assert run("add", str(story)).status == 0
    made = run("annotate", "1", "--quote", "Body text", "--claimant", "[/bold] [bold red]x[/]")
    assert made.status == 0, made.err
    listed = run("list")
    assert listed.status == 0 and "[link=file:///etc/passwd]Linked[/link] title [/bold]" in (
        listed.out
    )
    claims = run("claims")
    assert claims.status == 0 and "[/bold] [bold red]x[/]" in claims.out
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: no live link either
    coloured = run("list")
    assert coloured.status == 0 and "\x1b]8;" not in coloured.out


def test_annotate_arguments_never_reach_the_terminal_raw(run, tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("A title\nBody text, the mayor said.\n")
    run("add", str(story))
    result = run(
        "annotate",
        "1",
        "--quote",
        "Body text",
        "--note",
        HOSTILE["osc52"],
        "--claimant",
        HOSTILE["bidi"],
        "--tag",
        HOSTILE["csi-clear"],
    )
    assert result.status == 0, result.err
    for args in (("annotations", "1"), ("claims",), ("annotations", "1", "--json")):
        _check(run(*args).out, " ".join(args))
