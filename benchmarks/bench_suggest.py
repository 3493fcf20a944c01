"""Speed and quality of the attribution suggestions (`store.suggest`) and sentence splitter.

Run from the repository root::

    python benchmarks/bench_suggest.py            # speed, then quality on dev and held-out
    python benchmarks/bench_suggest.py --set dev  # quality on the shipped samples only

Speed: the median of N runs of `suggest_attributions` on a news-length article (the sample
whose body is closest to 6 KB) and on a 1 MB text (the samples' paragraphs concatenated),
and of `sentence_spans` on the 1 MB text, each next to baselines timed in the same run over
the same text (`text.split()`, and counting `re.finditer(r"\\.")`), printed as ratios.

Quality: precision and recall of sentences and of claimants against the hand labels in
`tests/fixtures/attributions/` (dev: the rules were tuned on these),
`tests/fixtures/heldout/` (measured once blind, then used for tuning: now dev too) and
`tests/fixtures/heldout2/` (written blind to the engine, never tuned on). The matching
rules are printed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.attribution_scoring import (  # noqa: E402
    CLAIMANT_RULE,
    SENTENCE_RULE,
    Predicted,
    Scores,
    article_text,
    load_labelled,
    score_all,
)
from claimmark.store.sentences import sentence_spans  # noqa: E402
from claimmark.store.suggest import suggest_attributions  # noqa: E402

ARTICLES = ROOT / "articles"
DEV = ROOT / "tests" / "fixtures" / "attributions"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2"


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of `fn()` over `runs` calls."""
    times: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def sample_bodies() -> list[tuple[str, str]]:
    """(file name, stored body text) of every sample article."""
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md"))
    return [(p.name, article_text(p)) for p in paths]


def megabyte_text(bodies: list[str], size: int = 1_000_000) -> str:
    """The samples' paragraphs, concatenated (repeated) until `size` characters."""
    paragraphs = [line for body in bodies for line in body.split("\n")]
    out: list[str] = []
    total = 0
    while total < size:
        for paragraph in paragraphs:
            out.append(paragraph)
            total += len(paragraph) + 1
            if total >= size:
                break
    return "\n".join(out)


def count_dots(text: str) -> int:
    """Baseline: one regular-expression pass over the text."""
    return sum(1 for _ in re.finditer(r"\.", text))


def speed(runs: int) -> None:
    """Print the timing figures."""
    bodies = sample_bodies()
    name, article = min(bodies, key=lambda item: abs(len(item[1]) - 6000))
    big = megabyte_text([body for _, body in bodies])
    print("== speed (median of runs; ratio = time / baseline time in this run)")
    for label, text, n in (
        (f"{name} ({len(article):,} chars)", article, runs * 5),
        (f"1 MB text ({len(big):,} chars)", big, runs),
    ):
        t_suggest = median_seconds(lambda text=text: suggest_attributions(text), n)
        t_split = median_seconds(lambda text=text: text.split(), n)
        t_dots = median_seconds(lambda text=text: count_dots(text), n)
        print(
            f"{label}: suggest_attributions {t_suggest * 1000:8.1f} ms"
            f"   (x{t_suggest / t_split:6.1f} text.split() {t_split * 1000:.2f} ms,"
            f" x{t_suggest / t_dots:6.1f} re.finditer(r'\\.') {t_dots * 1000:.2f} ms)"
            f"   runs={n}"
        )
    t_spans = median_seconds(lambda: sentence_spans(big), runs)
    t_split = median_seconds(lambda: big.split(), runs)
    t_dots = median_seconds(lambda: count_dots(big), runs)
    print(
        f"1 MB text: sentence_spans {t_spans * 1000:8.1f} ms"
        f"   (x{t_spans / t_split:6.1f} text.split() {t_split * 1000:.2f} ms,"
        f" x{t_spans / t_dots:6.1f} re.finditer(r'\\.') {t_dots * 1000:.2f} ms)   runs={runs}"
    )
    suggestions = len(suggest_attributions(big))
    print(f"1 MB text: {len(sentence_spans(big)):,} sentences, {suggestions:,} suggestions")


def predicted(text: str) -> list[Predicted]:
    """The engine's suggestions in the scorer's terms."""
    return [
        Predicted(s.start, s.end, s.claimant, s.anonymous, s.sources)
        for s in suggest_attributions(text)
    ]


def report(title: str, scores: Scores) -> None:
    """Print one set's figures."""
    hits = max(1, scores.sentence_hits)
    print(f"{title}: {scores.labels} labels, {scores.suggestions} suggestions in range")
    print(
        f"  sentence  precision {scores.sentence_precision:.3f}"
        f"  recall {scores.sentence_recall:.3f}"
    )
    print(
        f"  claimant  precision {scores.claimant_precision:.3f}"
        f"  recall {scores.claimant_recall:.3f}"
    )
    print(
        f"  on matched sentences: anonymous/named agrees {scores.anonymous_agree / hits:.3f},"
        f" sources agree {scores.sources_agree / hits:.3f}"
    )


def quality(which: str) -> None:
    """Print precision and recall on the dev and/or held-out labels."""
    print("== quality")
    print(f"  {SENTENCE_RULE}")
    print(f"  {CLAIMANT_RULE}")
    print("  partially labelled files: precision counts suggestions inside the labelled range")
    sets = []
    if which in ("dev", "both"):
        sets.append(("dev (shipped samples, tuned on)", DEV))
        sets.append(("held-out 1 (measured once, then used for tuning)", HELDOUT))
    if which in ("heldout", "both"):
        sets.append(("held-out 2 (written blind to the engine, never tuned on)", HELDOUT2))
    for title, folder in sets:
        if not folder.is_dir() or not any(folder.glob("*.json")):
            print(f"{title}: no labels in {folder.relative_to(ROOT)}")
            continue
        articles = load_labelled(folder, [ARTICLES])
        report(f"{title}, {len(articles)} articles", score_all(articles, predicted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs for the 1 MB timings")
    parser.add_argument("--set", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    if not args.no_speed:
        speed(args.runs)
    quality(args.set)


if __name__ == "__main__":
    main()
