"""Ingest: real bytes written to files, decoded, normalised and split into paragraphs."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimmark.store.ingest as ingest
from claimmark.articles import sample_paths
from claimmark.store.errors import IngestError
from claimmark.store.ingest import (
    ParsedArticle,
    content_sha256,
    decode_bytes,
    find_article_files,
    normalise_text,
    parse_article_bytes,
    parse_article_text,
    read_article_file,
)
from claimmark.store.sentences import sentence_spans

FIXTURES = Path(__file__).parent / "fixtures"

LONG_LINE_1 = (
    "The government will fund a regional flood barrier, two officials said on Tuesday, "
    "ending a decade of uncertainty for the town."
)
LONG_LINE_2 = "The minister told reporters that “a decision is close”, according to the Gazette."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def paragraphs(parsed: ParsedArticle) -> list[str]:
    return parsed.text.split("\n")


def assert_one_line_naming(error: pytest.ExceptionInfo[IngestError], path: Path) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message
    return message


# -- decoding ------------------------------------------------------------------------------


def test_decode_plain_utf8() -> None:
    assert decode_bytes("Kyiv’s “plan” — 東京 😀".encode()) == ("Kyiv’s “plan” — 東京 😀", "utf-8")


def test_decode_utf8_bom_is_dropped() -> None:
    assert decode_bytes(b"\xef\xbb\xbfHello") == ("Hello", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    text = "Título “quoted” 😀"
    data = ("\ufeff" + text).encode(codec)
    assert decode_bytes(data) == (text, "utf-16")


def test_decode_cp1252_curly_quotes_and_dash() -> None:
    data = b"\x93Close\x94 \x97 Kyiv\x92s caf\xe9 \x85"
    assert decode_bytes(data) == ("“Close” — Kyiv’s café …", "cp1252")


def test_decode_falls_back_to_latin1_for_bytes_cp1252_leaves_undefined() -> None:
    text, encoding = decode_bytes(b"caf\xe9 \x81 na\xefve")
    assert encoding == "latin-1"
    assert text == "café \x81 naïve"


# -- normalising ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
        ("\ufeffTitle\ufeff here", "Title here"),
        ("bell\x07 esc\x1b[0m del\x7f c1\x9f nul\x00", "bell esc[0m del c1 nul"),
        ("a\tb", "a   b"),
        ("abcd\te", "abcd    e"),
        ("nbsp\u00a0and zero\u200bwidth stay", "nbsp\u00a0and zero\u200bwidth stay"),
        ("Cafe\u0301 Ame\u0301lie", "Café Amélie"),
        ("東京 😀 ok", "東京 😀 ok"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


_TRICKY = st.sampled_from(
    list("\r\n\t\x00\x07\x0b\x0c\x1b\x7f\x85\x9f\ufeff\u2028\u2029\u00a0\u0301\u0308 #-“”’—…")
    + ["\r\n", "e\u0301", "東京", "😀", "By ", "## "]
)
_TEXT = st.lists(st.one_of(st.characters(), _TRICKY)).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalise_text_is_idempotent_and_clean(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert "\r" not in once
    assert "\ufeff" not in once
    assert "\t" not in once
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in once)
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_parse_article_text_gives_clean_paragraphs_or_a_clear_refusal(
    raw: str, markdown: bool
) -> None:
    try:
        title, byline, text = parse_article_text(raw, markdown=markdown)
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert title and title == title.strip() and "\n" not in title
    assert "\n" not in byline
    assert text
    for paragraph in text.split("\n"):
        assert paragraph and paragraph == paragraph.strip()
    assert normalise_text(text) == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_bytes_accepts_any_bytes(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert encoding in {"utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"}
    assert isinstance(text, str)


# -- files: line ends, encodings, bylines ---------------------------------------------------


def test_crlf_file(tmp_path: Path) -> None:
    body = f"Headline\r\n{LONG_LINE_1}\r\n{LONG_LINE_2}\r\nBy Jane Example\r\n"
    parsed = read_article_file(write(tmp_path, "a.txt", body.encode()))
    assert parsed.title == "Headline"
    assert parsed.byline == "By Jane Example"
    assert paragraphs(parsed) == [LONG_LINE_1, LONG_LINE_2]
    assert parsed.encoding == "utf-8"


def test_cr_only_file(tmp_path: Path) -> None:
    body = f"Headline\r{LONG_LINE_1}\r{LONG_LINE_2}\rBy Jane Example"
    parsed = read_article_file(write(tmp_path, "a.txt", body.encode()))
    assert paragraphs(parsed) == [LONG_LINE_1, LONG_LINE_2]
    assert parsed.byline == "By Jane Example"


def test_utf8_bom_file(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + f"Headline\n{LONG_LINE_1}\n".encode()
    parsed = read_article_file(write(tmp_path, "a.txt", data))
    assert parsed.title == "Headline"
    assert parsed.encoding == "utf-8-sig"
    assert paragraphs(parsed) == [LONG_LINE_1]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_bom_file(tmp_path: Path, codec: str) -> None:
    text = f"\ufeff東京 report 😀\r\n{LONG_LINE_2}\r\nBy Aiko Tanaka\r\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode(codec)))
    assert parsed.encoding == "utf-16"
    assert parsed.title == "東京 report 😀"
    assert paragraphs(parsed) == [LONG_LINE_2]
    assert parsed.byline == "By Aiko Tanaka"


def test_cp1252_file(tmp_path: Path) -> None:
    data = b"Minister\x92s plan\r\nShe said it was \x93close\x94 \x97 very close.\r\nBy Jo Smith"
    parsed = read_article_file(write(tmp_path, "a.txt", data))
    assert parsed.encoding == "cp1252"
    assert parsed.title == "Minister’s plan"
    assert paragraphs(parsed) == ["She said it was “close” — very close."]
    assert parsed.byline == "By Jo Smith"


def test_latin1_only_bytes_file(tmp_path: Path) -> None:
    data = b"Caf\xe9 society\nThe na\xefve \x81plan was d\xe9j\xe0 vu.\n"
    parsed = read_article_file(write(tmp_path, "a.txt", data))
    assert parsed.encoding == "latin-1"
    assert parsed.title == "Café society"
    assert paragraphs(parsed) == ["The naïve plan was déjà vu."]


def test_byline_without_final_newline(tmp_path: Path) -> None:
    text = f"Headline\n{LONG_LINE_1}\nBy Ewan McLeish and Niamh Gallagher"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert parsed.byline == "By Ewan McLeish and Niamh Gallagher"
    assert paragraphs(parsed) == [LONG_LINE_1]


def test_byline_with_trailing_blank_lines(tmp_path: Path) -> None:
    text = f"Headline\n{LONG_LINE_1}\nBy Rosalind Mayhew, Environment Correspondent\n\n\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert parsed.byline == "By Rosalind Mayhew, Environment Correspondent"
    assert paragraphs(parsed) == [LONG_LINE_1]


@pytest.mark.parametrize(
    "last",
    [
        "By then it was too late.",
        "By comparison, prices rose 20%",
        "By the end of the week the barrier was closed",
    ],
)
def test_a_final_sentence_starting_with_by_is_not_a_byline(tmp_path: Path, last: str) -> None:
    text = f"Headline\n{LONG_LINE_1}\n{last}"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert parsed.byline == ""
    assert paragraphs(parsed) == [LONG_LINE_1, last]


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (
            ["By Sam Okafor, Transport correspondent", LONG_LINE_1, LONG_LINE_2],
            "By Sam Okafor, Transport correspondent",
        ),
        (["By Jane Doe, political editor", LONG_LINE_1], "By Jane Doe, political editor"),
        (["By Jane Doe, BBC News", LONG_LINE_1], "By Jane Doe, BBC News"),
        ([LONG_LINE_1, "Words by Sam Okafor"], "Words by Sam Okafor"),
        (
            [LONG_LINE_1, "Reporting by Jane Doe in London; Editing by Sam Roe"],
            "Reporting by Jane Doe in London; Editing by Sam Roe",
        ),
        (
            ["By Sam Okafor", LONG_LINE_1, "Additional reporting by Jane Doe"],
            "By Sam Okafor; Additional reporting by Jane Doe",
        ),
        (["By Sam Okafor", LONG_LINE_1, "By Sam Okafor"], "By Sam Okafor"),
        (["*By Sam Okafor*", LONG_LINE_1], "By Sam Okafor"),
    ],
)
def test_a_byline_under_the_headline_or_at_the_end(
    tmp_path: Path, lines: list[str], byline: str
) -> None:
    markdown = lines[0].startswith("*")
    name = "a.md" if markdown else "a.txt"
    text = "Headline\n" + "\n".join(lines) + "\n"
    parsed = read_article_file(write(tmp_path, name, text.encode()))
    assert parsed.byline == byline
    assert paragraphs(parsed)[0] == LONG_LINE_1  # the byline is never ¶1


@pytest.mark.parametrize(
    "first",
    [
        "By the end of the year, the barrier will be finished.",
        "By the end of the year the barrier will be finished",
        "By Tuesday the council had voted",
        "By March, prices had risen 4%",
        "By comparison, Harbour Council spent £2m",
        "By Friday, officials said the barrier would close",
        "Reporting by the Harbour Gazette showed the costs had doubled",
        "Words by themselves cannot stop the sea",
        "By 2030 emissions must fall",
    ],
)
def test_a_first_paragraph_starting_like_a_byline_stays_a_paragraph(
    tmp_path: Path, first: str
) -> None:
    text = f"Headline\n{first}\n{LONG_LINE_1}\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert parsed.byline == ""
    assert paragraphs(parsed) == [first, LONG_LINE_1]


def test_no_byline(tmp_path: Path) -> None:
    parsed = read_article_file(write(tmp_path, "a.txt", f"Headline\n{LONG_LINE_1}\n".encode()))
    assert parsed.byline == ""


# -- paragraphs ----------------------------------------------------------------------------


def test_single_line_paragraphs_keep_one_paragraph_per_line(tmp_path: Path) -> None:
    lines = [f"Paragraph {n} says something long enough, officials said." for n in range(12)]
    parsed = read_article_file(write(tmp_path, "a.txt", ("Title\n" + "\n".join(lines)).encode()))
    assert paragraphs(parsed) == lines


def test_a_stray_blank_line_does_not_merge_single_line_paragraphs(tmp_path: Path) -> None:
    lines = [f"Paragraph {n} ends with a full stop." for n in range(6)]
    text = "Title\n" + "\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:]) + "\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert paragraphs(parsed) == lines


def test_blank_line_paragraphs_with_hard_wrapped_lines_are_joined(tmp_path: Path) -> None:
    text = (
        "Title\n\n"
        "The government will fund a regional\n"
        "flood barrier, two officials said on\n"
        "Tuesday.\n\n"
        "The minister told reporters that\n"
        "“a decision is close”.\n\n"
        "By Jane Example\n"
    )
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert paragraphs(parsed) == [
        "The government will fund a regional flood barrier, two officials said on Tuesday.",
        "The minister told reporters that “a decision is close”.",
    ]
    assert parsed.byline == "By Jane Example"


def test_tabs_and_space_runs_inside_a_paragraph_collapse(tmp_path: Path) -> None:
    parsed = read_article_file(
        write(tmp_path, "a.txt", b"\tTitle\twith tab\n\tIndented\tparagraph  here.\t\n")
    )
    assert parsed.title == "Title with tab"
    assert paragraphs(parsed) == ["Indented paragraph here."]


def test_control_characters_and_stray_boms_are_removed(tmp_path: Path) -> None:
    text = "Title\x07\nA\x01 sentence\x1b with \x9fcontrols\ufeff and\u00a0NBSP.\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert parsed.title == "Title"
    assert paragraphs(parsed) == ["A sentence with controls and\u00a0NBSP."]


def test_emoji_cjk_and_combining_marks(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Café Zoë in 東京 😀 says “ok”.")
    parsed = read_article_file(write(tmp_path, "a.txt", f"Re\u0301sume\u0301\n{nfd}\n".encode()))
    assert parsed.title == "Résumé"
    assert paragraphs(parsed) == ["Café Zoë in 東京 😀 says “ok”."]
    assert unicodedata.is_normalized("NFC", parsed.text)


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_front_matter_and_headings(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Explainer: the strike"\n'
        "author: Ana Lucía Ferreira\n"
        "date: 2026-11-20\n"
        "---\n\n"
        "# Explainer: the strike\n\n"
        "About 2,300 dockers will stop work.\n\n"
        "## What do they want?\n\n"
        "A rise of 11%, the union says.\n"
    )
    parsed = read_article_file(write(tmp_path, "a.md", text.encode()))
    assert parsed.title == "Explainer: the strike"
    assert parsed.byline == "By Ana Lucía Ferreira"
    assert paragraphs(parsed) == [
        "About 2,300 dockers will stop work.",
        "What do they want?",
        "A rise of 11%, the union says.",
    ]


def test_markdown_title_from_first_heading_and_hard_wrapped_blocks(tmp_path: Path) -> None:
    text = (
        "# The strike, explained #\n\n"
        "Dockers will stop work for ten days from\n"
        "Monday, the union said.\n"
        "## Why now?\n"
        "Pay has fallen by 14% in real\n"
        "terms since 2021.\n\n"
        "The operator has offered 6.5% now and a\n"
        "further 3% next year.\n\n"
        "*By Kenny Abara*\n"
    )
    parsed = read_article_file(write(tmp_path, "a.markdown", text.encode()))
    assert parsed.title == "The strike, explained"
    assert parsed.byline == "By Kenny Abara"
    assert paragraphs(parsed) == [
        "Dockers will stop work for ten days from Monday, the union said.",
        "Why now?",
        "Pay has fallen by 14% in real terms since 2021.",
        "The operator has offered 6.5% now and a further 3% next year.",
    ]


def test_one_block_without_blank_lines_is_one_paragraph_per_line(tmp_path: Path) -> None:
    text = "Title\nwrapped line one\nwrapped line two\n"
    parsed = read_article_file(write(tmp_path, "a.txt", text.encode()))
    assert paragraphs(parsed) == ["wrapped line one", "wrapped line two"]


def test_markdown_front_matter_author_list(tmp_path: Path) -> None:
    text = "---\ntitle: Port news\nauthor:\n  - Ana Ferreira\n  - Tom Hale\n---\nBody text.\n"
    parsed = read_article_file(write(tmp_path, "a.md", text.encode()))
    assert parsed.title == "Port news"
    assert parsed.byline == "By Ana Ferreira, Tom Hale"
    assert paragraphs(parsed) == ["Body text."]


def test_front_matter_escapes_in_double_quotes_are_read(tmp_path: Path) -> None:
    text = '---\ntitle: "Minister says \\"no\\""\n---\nBody text.\n'
    parsed = read_article_file(write(tmp_path, "a.md", text.encode()))
    assert parsed.title == 'Minister says "no"'


def test_front_matter_folded_title_is_read_as_one_line(tmp_path: Path) -> None:
    text = "---\ntitle: >\n  Minister says\n  no to the plan\nauthor: Ana\n---\nBody text.\n"
    parsed = read_article_file(write(tmp_path, "a.md", text.encode()))
    assert parsed.title == "Minister says no to the plan"
    assert parsed.byline == "By Ana"


@pytest.mark.parametrize(
    ("front", "title", "byline"),
    [
        ("title: 1984\nauthor: [Ana Ferreira, Tom Hale]", "1984", "By Ana Ferreira, Tom Hale"),
        ("title: Yes\nbyline: By Our Correspondent", "Yes", "By Our Correspondent"),
        ("title: 3.10 and counting\ndate: 2026-11-20", "3.10 and counting", ""),
        ("title: 'It''s here'  # a comment\nauthor:", "It's here", ""),
        (
            "Title: Upper-case key\nauthors:\n  - name: Ana\n  - name: Tom",
            "Upper-case key",
            "By Ana, Tom",
        ),
        (
            "title: ~\nauthor: {name: Ana Ferreira, email: a@example.org}",
            "Body text.",
            "By Ana Ferreira",
        ),
    ],
)
def test_front_matter_values_are_text_as_written(
    tmp_path: Path, front: str, title: str, byline: str
) -> None:
    text = f"---\n{front}\n---\nBody text.\nMore text.\n"
    parsed = read_article_file(write(tmp_path, "a.md", text.encode()))
    assert (parsed.title, parsed.byline) == (title, byline)


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ('title: "unclosed', "not valid YAML"),
        ("title: a: b", "not valid YAML: mapping values are not allowed here (line 2)"),
        ("title: [A, B\nauthor: C", "not valid YAML"),
        ("- just\n- a list", "the front matter is a list, not `key: value` lines"),
        ("just some words", "the front matter is plain text, not `key: value` lines"),
    ],
)
def test_front_matter_yaml_refuses_is_refused_in_one_line(
    tmp_path: Path, front: str, problem: str
) -> None:
    path = write(tmp_path, "bad.md", f"---\n{front}\n---\nBody text.\n".encode())
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert problem in assert_one_line_naming(error, path)


def test_yaml_is_imported_only_for_front_matter(tmp_path: Path) -> None:
    plain = write(tmp_path, "plain.md", b"# Title\n\nBody text.\n")
    fronted = write(tmp_path, "front.md", b"---\ntitle: T\n---\nBody text.\n")
    code = (
        "import sys\nfrom claimmark.store.ingest import read_article_file\n"
        f"read_article_file({str(plain)!r})\nprint('yaml' in sys.modules)\n"
        f"read_article_file({str(fronted)!r})\nprint('yaml' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_a_txt_file_keeps_hashes_as_text(tmp_path: Path) -> None:
    parsed = read_article_file(write(tmp_path, "a.txt", b"# Not markdown\n## Still text.\n"))
    assert parsed.title == "# Not markdown"
    assert paragraphs(parsed) == ["## Still text."]


# -- the record ----------------------------------------------------------------------------


def test_sha256_identifies_title_byline_and_text(tmp_path: Path) -> None:
    parsed = read_article_file(write(tmp_path, "a.txt", f"T\n{LONG_LINE_1}\nBy A B".encode()))
    expected = hashlib.sha256(f"T\nBy A B\n{LONG_LINE_1}".encode()).hexdigest()
    assert parsed.sha256 == expected == content_sha256("T", "By A B", LONG_LINE_1)
    assert content_sha256("T", "By A C", LONG_LINE_1) != expected


def test_same_article_in_different_encodings_gives_the_same_content(tmp_path: Path) -> None:
    text = "Kyiv’s “plan”\r\nIt was close — very close.\r\nBy Jo Smith\r\n"
    utf8 = read_article_file(write(tmp_path, "a.txt", text.encode()))
    cp1252 = read_article_file(write(tmp_path, "b.txt", text.encode("cp1252")))
    utf16 = read_article_file(write(tmp_path, "c.txt", ("\ufeff" + text).encode("utf-16-le")))
    assert utf8.sha256 == cp1252.sha256 == utf16.sha256
    assert (utf8.encoding, cp1252.encoding, utf16.encoding) == ("utf-8", "cp1252", "utf-16")


def test_parse_article_bytes_uses_the_name_for_markdown() -> None:
    data = b"---\ntitle: T\n---\n## Heading\nText.\n"
    assert parse_article_bytes(data, "x.md").text == "Heading\nText."
    assert parse_article_bytes(data, "x.txt").title == "---"


# -- refusals ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "no such file" in assert_one_line_naming(error, path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_article_file(tmp_path)
    assert "folder" in assert_one_line_naming(error, tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n", b"\x01\x02\x03"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "empty" in assert_one_line_naming(error, path)


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "binary" in assert_one_line_naming(error, path)


def test_nul_after_the_sniffed_prefix_is_removed_not_refused(tmp_path: Path) -> None:
    data = b"Title\n" + b"x" * 9000 + b".\x00 More.\n"
    parsed = read_article_file(write(tmp_path, "a.txt", data))
    assert "\x00" not in parsed.text


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    path = write(tmp_path, "big.txt", b"Title\n" + b"word " * 40)
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "larger than 100 bytes" in assert_one_line_naming(error, path)
    exactly = write(tmp_path, "fits.txt", b"Title\n" + b"x" * 94)
    assert len(exactly.read_bytes()) == 100
    assert read_article_file(exactly).text == "x" * 94


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read mode 000")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"Title\nBody.\n")
    path.chmod(0)
    try:
        with pytest.raises(IngestError) as error:
            read_article_file(path)
        assert "permission denied" in assert_one_line_naming(error, path)
    finally:
        path.chmod(0o600)


def test_not_a_regular_file(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "not a regular file" in assert_one_line_naming(error, path)


@pytest.mark.parametrize("data", [b"Only a title\n", b"Only a title\nBy Jane Example\n"])
def test_no_body_after_title(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "short.txt", data)
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "no article text after the title" in assert_one_line_naming(error, path)


def test_markdown_with_only_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "fm.md", b"---\ntitle: Just a title\n---\n\n")
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "no article text" in assert_one_line_naming(error, path)


def test_file_name_with_newline_stays_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "odd\nname.txt", b"")
    with pytest.raises(IngestError) as error:
        read_article_file(path)
    assert "\n" not in str(error.value)
    assert "odd\\nname.txt" in str(error.value)


# -- finding files -------------------------------------------------------------------------


def test_find_article_files(tmp_path: Path) -> None:
    (tmp_path / "lib" / "sub").mkdir(parents=True)
    (tmp_path / "lib" / ".git").mkdir()
    for name in [
        "lib/b.txt",
        "lib/a.md",
        "lib/sub/c.markdown",
        "lib/sub/D.TXT",
        "lib/notes.pdf",
        "lib/.hidden.txt",
        "lib/.git/x.txt",
        "single.html",
    ]:
        (tmp_path / name).write_text("Title\nBody.\n")
    lib = tmp_path / "lib"
    found = find_article_files([tmp_path / "single.html", lib, lib / "b.txt"])
    assert found == [
        tmp_path / "single.html",
        tmp_path / "lib" / "a.md",
        tmp_path / "lib" / "b.txt",
        tmp_path / "lib" / "sub" / "D.TXT",
        tmp_path / "lib" / "sub" / "c.markdown",
    ]


def test_find_article_files_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "gone"
    with pytest.raises(IngestError) as error:
        find_article_files([path])
    assert "no such file or folder" in assert_one_line_naming(error, path)


# -- the bundled sample articles -----------------------------------------------------------


def test_sample_paths_are_the_bundled_articles() -> None:
    names = [path.name for path in sample_paths()]
    assert names == sorted(names)
    assert {
        "coastal-flood-barrier.txt",
        "hospital-waiting-times.txt",
        "port-strike-explainer.md",
        "grid-inquiry-live.txt",
    } <= set(names)
    assert all(path.is_file() for path in sample_paths())


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_each_sample_article_parses(path: Path) -> None:
    parsed = read_article_file(path)
    assert parsed.title
    assert parsed.byline.startswith("By ")
    assert len(paragraphs(parsed)) >= 10
    assert parsed.encoding == "utf-8"
    assert any(ch in parsed.text for ch in "“”’—–")


def test_the_long_sample_is_over_200_kb() -> None:
    long = next(p for p in sample_paths() if p.name == "grid-inquiry-live.txt")
    assert long.stat().st_size >= 200 * 1024
    assert len(paragraphs(read_article_file(long))) >= 300


def test_a_sample_ends_without_a_final_newline() -> None:
    data = next(p for p in sample_paths() if p.name == "hospital-waiting-times.txt").read_bytes()
    assert not data.endswith(b"\n")


def _label_files() -> list[Path]:
    return sorted((FIXTURES / "attributions").glob("*.json")) + sorted(
        (FIXTURES / "heldout").glob("*.json")
    )


@pytest.mark.parametrize("label_file", _label_files(), ids=lambda p: p.name)
def test_attribution_labels_match_the_stored_text(label_file: Path) -> None:
    """Every labelled sentence is in the stored text, in the paragraph the label names."""
    labels = json.loads(label_file.read_text(encoding="utf-8"))
    folder = Path(__file__).parent.parent / "articles"
    article = folder / labels["article"]
    if not article.exists():
        article = label_file.parent / labels["article"]
    parsed = read_article_file(article)
    paras = paragraphs(parsed)
    sentences = {parsed.text[a:b] for a, b in sentence_spans(parsed.text)}
    assert labels["labels"]
    for label in labels["labels"]:
        assert label["attribution"] in {"named", "anonymous"}
        assert label["claimant"] and label["cue"]
        assert isinstance(label["sources"], list)
        assert label["sentence"] in paras[label["paragraph"] - 1]
        assert label["sentence"] in sentences
    if labels.get("coverage") == "partial":
        span = labels["range"]
        assert parsed.text[span["start"] : span["end"]] == "\n".join(
            paras[span["first_paragraph"] - 1 : span["last_paragraph"]]
        )
        assert len(labels["labels"]) >= 60


def test_heldout_articles_do_not_ship() -> None:
    shipped = {path.name for path in sample_paths()}
    assert not shipped & {path.name for path in (FIXTURES / "heldout").glob("*.txt")}
