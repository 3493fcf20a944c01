"""Article extraction from web pages: claimmark's extractor beside trafilatura and
readability-lxml, each on its own, over a folder of Mozilla Readability test pages.

Run from the repository root::

    python benchmarks/bench_extract.py ../shared/corpus/web-pages
    python benchmarks/bench_extract.py ../shared/corpus/web-pages --pages   # per page too

Each page folder holds ``source.html``, ``expected.html`` (Readability's article) and
``expected-metadata.json``. For each extractor it prints: text token F1 against
``expected.html``, title exact and loose, byline containment, and the median time to
extract a page (the median over pages of each page's median over ``--runs`` runs, after
one untimed warm-up page; claimmark's time includes decoding the page's bytes). The
scoring rules are printed with the figures (`benchmarks/extract_scoring.py`).

The 45 pages in ``../shared/corpus/web-pages`` are claimmark's development set: the
extractor was tuned while looking at them, so its figures there are not a measure of how
it does on pages it has not seen.

The libraries on their own, with their defaults: trafilatura ``bare_extraction(
with_metadata=True)`` (text, title, author; timed: ``extract()``); readability-lxml
``Document``: ``summary()`` (text; timed), ``short_title()`` and ``author()``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_scoring import (  # noqa: E402
    BYLINE_RULE,
    TEXT_RULE,
    TITLE_RULE,
    Page,
    byline_match,
    html_text,
    load_pages,
    title_exact,
    title_loose,
    token_f1,
)

Extracted = tuple[str, str, str]
"""(text, title, byline)"""


def claimmark_extract(page: Page) -> Extracted:
    from claimmark.store.web.decode import decode_page
    from claimmark.store.web.page import read_html_article

    html, _ = decode_page(page.source)
    try:
        article = read_html_article(html)
    except Exception:
        return "", "", ""
    return article.text, article.title, article.byline


def trafilatura_extract(page: Page) -> Extracted:
    import trafilatura

    html = page.source.decode("utf-8", errors="replace")
    document = trafilatura.bare_extraction(html, with_metadata=True)
    if document is None or isinstance(document, dict):
        return "", "", ""
    return document.text or "", document.title or "", document.author or ""


def trafilatura_time(page: Page) -> None:
    import trafilatura

    trafilatura.extract(page.source.decode("utf-8", errors="replace"))


def readability_extract(page: Page) -> Extracted:
    from readability import Document

    html = page.source.decode("utf-8", errors="replace")
    document = Document(html)
    title = document.short_title()
    author = document.author()
    text = html_text(Document(html).summary(html_partial=True))
    return text, title if title != "[no-title]" else "", author if author != "[no-author]" else ""


def readability_time(page: Page) -> None:
    from readability import Document

    Document(page.source.decode("utf-8", errors="replace")).summary(html_partial=True)


EXTRACTORS: dict[str, tuple[Callable[[Page], Extracted], Callable[[Page], object]]] = {
    "claimmark": (claimmark_extract, claimmark_extract),
    "trafilatura": (trafilatura_extract, trafilatura_time),
    "readability-lxml": (readability_extract, readability_time),
}
"""Each extractor: what is scored, and what is timed. claimmark is timed doing everything
it stores (decoding, metadata, text); each library is timed extracting the text alone
(``extract()``, ``summary()``), its fastest fair figure."""


@dataclass
class Result:
    page: str
    f1: float
    title_exact: bool
    title_loose: bool
    byline: bool | None
    ms: float
    cpu_ms: float


def run(name: str, pages: list[Page], runs: int) -> list[Result]:
    extract, timed = EXTRACTORS[name]
    extract(pages[0])  # imports and caches warm
    results = []
    for page in pages:
        times, cpu_times = [], []
        for _ in range(runs):
            start, cpu_start = time.perf_counter(), time.process_time()
            timed(page)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
        text, title, byline = extract(page)
        results.append(
            Result(
                page.name,
                token_f1(text, page.expected_text),
                title_exact(title, page.title),
                title_loose(title, page.title),
                byline_match(byline, page.byline) if page.byline.strip() else None,
                statistics.median(times),
                statistics.median(cpu_times),
            )
        )
    return results


def summary(results: list[Result]) -> dict[str, float]:
    scored = [r.byline for r in results if r.byline is not None]
    return {
        "f1": statistics.fmean(r.f1 for r in results),
        "title_exact": statistics.fmean(r.title_exact for r in results),
        "title_loose": statistics.fmean(r.title_loose for r in results),
        "byline": statistics.fmean(scored) if scored else 0.0,
        "bylines": len(scored),
        "ms": statistics.median(r.ms for r in results),
        "cpu_ms": statistics.median(r.cpu_ms for r in results),
    }


def _load() -> str:
    try:
        import os

        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of test page folders")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per page (median)")
    parser.add_argument("--pages", action="store_true", help="print per-page figures too")
    parser.add_argument(
        "--only", choices=sorted(EXTRACTORS), action="append", help="run only these"
    )
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    pages = load_pages(args.folder)
    if not pages:
        parser.error(f"no page folders (source.html, expected.html, ...) in {args.folder}")
    names = args.only or list(EXTRACTORS)
    print(f"{len(pages)} pages in {args.folder}")
    if args.folder.resolve().name == "web-pages":
        print(
            "note: ../shared/corpus/web-pages is claimmark's DEVELOPMENT set (the extractor "
            "was tuned looking at these pages); figures on unseen pages will be lower."
        )
    print("rules: " + TEXT_RULE)
    print("       " + TITLE_RULE)
    print("       " + BYLINE_RULE)
    print(f"       time: median over pages of the median of {args.runs} runs per page")
    print("       (ms/page is wall-clock time; cpu ms is this process's CPU time, which other")
    print(f"       work on the machine does not inflate; load average now {_load()})")
    all_results = {name: run(name, pages, args.runs) for name in names}
    if args.pages:
        for name, results in all_results.items():
            print(f"\n{name}")
            for r in results:
                byline = "-" if r.byline is None else ("y" if r.byline else "n")
                print(
                    f"  {r.page:20} F1 {r.f1:.3f}  title {'y' if r.title_loose else 'n'}"
                    f"{'=' if r.title_exact else ' '}  byline {byline}  {r.ms:6.1f} ms"
                )
    print()
    header = (
        f"{'extractor':18} {'text F1':>8} {'title =':>8} {'title ~':>8} {'byline':>8} "
        f"{'ms/page':>8} {'cpu ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, results in all_results.items():
        s = summary(results)
        print(
            f"{name:18} {s['f1']:8.3f} {s['title_exact']:8.0%} {s['title_loose']:8.0%} "
            f"{s['byline']:8.0%} {s['ms']:8.1f} {s['cpu_ms']:8.1f}"
        )
    counted = summary(next(iter(all_results.values())))["bylines"]
    print(
        f"(byline over the {int(counted)} pages with an expected byline; goal: text F1 >= "
        "0.975, title ~ >= 92%, byline >= 85%, <= 60 ms)"
    )


if __name__ == "__main__":
    main()
