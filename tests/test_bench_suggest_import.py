"""The end-to-end attribution benchmark (`benchmarks/bench_suggest_import.py`): saved pages
through claimmark's own web import, then the suggestion engine, on the real-news labels."""

from __future__ import annotations

import pytest

from benchmarks.bench_suggest_import import locate, main
from tests.test_news_labels import needs_corpus


def test_a_labelled_sentence_is_found_whatever_the_whitespace() -> None:
    text = "The pier shut.\nThe council said  the pier\nwas unsafe. The council said so."
    assert locate(text, "The council said the pier was unsafe.") == (15, 53)
    assert locate(text, "The council said so.", after=20) == (54, 74)
    assert locate(text, "The mayor said nothing.") is None
    assert locate(text, "") is None


def test_errors_are_listed_for_the_development_set_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--set", "news-blind", "--errors"]) == 2
    assert main(["--errors"]) == 2
    assert "development set's errors only" in capsys.readouterr().out


@needs_corpus
def test_the_import_keeps_every_labelled_sentence_of_the_development_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--set", "news-dev"]) == 0
    out = capsys.readouterr().out
    assert "baseline: Readability's text" in out
    assert "(0 of 194 labelled sentences not in the imported text)" in out
    assert out.count("strict    sentence P") == 2
