"""Attribution suggestions on real news as a user gets them: the saved page's HTML through
claimmark's own web import, then the engine, scored on the real-news labels.

Run from the repository root::

    python benchmarks/bench_suggest_import.py              # news-dev, news-blind, news-blind2
    python benchmarks/bench_suggest_import.py --set news-dev --errors

`bench_suggest.py` scores the engine on a fixed plain text of each saved page (Mozilla
Readability's extraction, `benchmarks/news_text.py`), so that the label offsets hold. A user
imports the page's HTML with claimmark instead, whose extraction keeps other paragraphs
(it drops captions, keeps a code block's lines, splits some blocks differently). This
benchmark runs both in the same run and prints them side by side:

- **baseline**: the engine on Readability's text, exactly as `bench_suggest.py` scores it;
- **import**: `source.html` read by `store.ingest.parse_html_bytes`, as `claimmark add`
  reads a saved page, then the engine on that text. Each labelled sentence is found in
  the imported text by its words (whitespace aside); one that is not there counts as missed
  and is reported as lost by the import.

Sets and honesty are as in `bench_suggest.py`: `news-dev` was tuned on; `news-blind` and
`news-blind2` (the part in the repository) never were, and only their aggregate figures are
printed (`--errors` is refused for them). The saved pages live in `../shared/corpus/`; the
script says so and exits 0 when they are not there.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from attribution_scoring import (  # noqa: E402
    NewsLabelView,
    NewsScores,
    score_news_page,
)
from bench_suggest import news_predicted, report_strict, score_pages  # noqa: E402
from news_labels import PageLabels, load_set  # noqa: E402
from news_text import CorpusMissingError, corpus_dir  # noqa: E402

from claimmark.store.errors import IngestError  # noqa: E402
from claimmark.store.ingest import parse_html_bytes  # noqa: E402

SETS = {"news-dev": ("dev", True), "news-blind": ("blind", False), "news-blind2": ("blind2", False)}
"""Option -> (label folder, whether it was tuned on: only then may its errors be listed)."""
_NOT_FOUND = (-2, -1)
"""Where a label lies when its sentence is not in the imported text (no suggestion there)."""


def locate(text: str, sentence: str, after: int = 0) -> tuple[int, int] | None:
    """Where `sentence` is in `text`, its words matched whatever the whitespace between
    them (the first place at or after `after`, else the first anywhere); None when absent."""
    words = sentence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    match = pattern.search(text, after) or pattern.search(text)
    return (match.start(), match.end()) if match else None


def imported_scores(page: PageLabels, keep_errors: bool) -> tuple[NewsScores, int]:
    """Strict scores of one page read through claimmark's web import, and how many of its
    labelled sentences the imported text does not hold."""
    html_file = corpus_dir() / page.page.name / "source.html"
    try:
        article = parse_html_bytes(html_file.read_bytes(), page.page.name)
    except IngestError:
        body, title = "", ""
    else:
        body, title = article.text, article.title
    views: list[NewsLabelView] = []
    lost = 0
    after = 0
    for label in page.labels:
        where_text = title if label.where == "title" else body
        found = locate(where_text, label.text, after if label.where == "body" else 0)
        if found is None:
            lost += 1
            found = _NOT_FOUND
        elif label.where == "body":
            after = found[0]
        views.append(
            NewsLabelView(
                label.where,
                found[0],
                found[1],
                label.text,
                label.claimants,
                label.inherited,
                label.pronoun,
                label.description,
            )
        )
    labelled: tuple[int, int] | None = None
    if page.label_range is not None:
        # the labelled part of a long page, found by its first and last words
        source = page.page.body
        first = locate(body, source[page.label_range.start :][:80].rsplit(" ", 1)[0])
        last = locate(body, source[: page.label_range.end][-80:].split(" ", 1)[-1])
        labelled = (first[0], last[1]) if first and last else (0, len(body))
    scores = score_news_page(
        page.page.name, views, news_predicted(body, title), labelled, keep_errors=keep_errors
    )
    return scores, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="list a tuned-on set's errors")
    args = parser.parse_args(argv)
    chosen = list(SETS) if args.set == "all" else [args.set]
    if args.errors and any(not SETS[name][1] for name in chosen):
        print("--errors lists a development set's errors only: use --set news-dev")
        return 2
    try:
        corpus_dir()
    except CorpusMissingError as error:
        print(f"skipped: {error}")
        return 0
    for name in chosen:
        folder, tuned = SETS[name]
        pages = load_set(folder)
        kind = "DEVELOPMENT set (tuned on)" if tuned else "NOT tuned on: aggregate figures only"
        print(f"{name}: tests/fixtures/news/{folder}, {kind}")
        print("  baseline: Readability's text of each page (as bench_suggest.py scores it)")
        report_strict(score_pages(pages, keep_errors=False))
        total = NewsScores()
        lost = 0
        for page in pages:
            scores, page_lost = imported_scores(page, keep_errors=args.errors)
            total.add(scores)
            lost += page_lost
        print(
            "  import: source.html through claimmark's web import"
            f" ({lost} of {total.sentences} labelled sentences not in the imported text)"
        )
        report_strict(total)
        for error in total.errors:
            print("    " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
