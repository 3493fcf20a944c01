"""How far two labellers agree on the same real-news pages, scored as the engine is scored.

The attribution goals are figures against one person's labels. Where two careful labellers
who never saw each other's work differ (one labels a sentence the other leaves out, one
gives "the ministry" where the other gives its name), no engine can match both, so their
agreement is the ceiling a figure can be read against. This script scores labelling B as if
it were suggestions, against labelling A, with the same strict rules as
`benchmarks/bench_suggest.py` (each claimant of a labelled sentence is one "suggestion" over
its sentence, or over its own clause when the label gives one), then the other way round,
then the engine against each labelling.

Both folders are made with `benchmarks/extra_dev.py` from the same source texts; pages are
paired by name and must hold the same text.

Run from the repository root::

    python benchmarks/label_agreement.py FOLDER_A FOLDER_B [--errors]

`--errors` lists where B differs from A (use it on development pages only: it shows the
pages' sentences).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.attribution_scoring import NewsPredicted, NewsScores, score_news_page  # noqa: E402
from benchmarks.bench_suggest import (  # noqa: E402
    label_views,
    labelled_range,
    news_predicted,
    report_strict,
)
from benchmarks.extra_dev import ExtraDevMissingError, load_extra  # noqa: E402
from benchmarks.news_labels import LabelError, PageLabels  # noqa: E402


def as_suggestions(page: PageLabels) -> list[NewsPredicted]:
    """A labelling read as suggestions: one per claimant, over its sentence or clause."""
    found: list[NewsPredicted] = []
    for label in page.labels:
        found.append(
            NewsPredicted(
                label.where,
                label.start,
                label.end,
                label.claimant,
                label.attribution == "anonymous",
                label.sources,
                label.inherited,
            )
        )
        for other in label.other_claimants:
            start = label.start if other.start is None else other.start
            end = label.end if other.end is None else other.end
            found.append(
                NewsPredicted(
                    label.where,
                    start,
                    end,
                    other.claimant,
                    other.attribution == "anonymous",
                    other.sources,
                )
            )
    return found


def paired(a: Sequence[PageLabels], b: Sequence[PageLabels]) -> list[tuple[PageLabels, PageLabels]]:
    """The pages both labellings hold, paired by name; raises `ValueError` when a pair's
    texts differ (the two folders were not imported from the same sources)."""
    by_name = {page.page.name: page for page in b}
    pairs = []
    for page in a:
        other = by_name.get(page.page.name)
        if other is None:
            continue
        if (page.page.body, page.page.title) != (other.page.body, other.page.title):
            raise ValueError(f"{page.page.name}: the two folders hold different texts")
        pairs.append((page, other))
    return pairs


def agreement(
    pairs: Sequence[tuple[PageLabels, PageLabels]], keep_errors: bool = False
) -> NewsScores:
    """The second labelling of each pair scored as suggestions against the first."""
    total = NewsScores()
    for reference, other in pairs:
        total.add(
            score_news_page(
                reference.page.name,
                label_views(reference),
                as_suggestions(other),
                labelled_range(reference),
                keep_errors=keep_errors,
            )
        )
    return total


def engine(pages: Sequence[PageLabels]) -> NewsScores:
    """The engine's strict scores against one labelling."""
    total = NewsScores()
    for page in pages:
        total.add(
            score_news_page(
                page.page.name,
                label_views(page),
                news_predicted(page.page.body, page.page.title),
                labelled_range(page),
                keep_errors=False,
            )
        )
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder_a", type=Path, help="the first labelling (the reference)")
    parser.add_argument("folder_b", type=Path, help="the second labelling of the same pages")
    parser.add_argument("--errors", action="store_true", help="list where B differs from A")
    args = parser.parse_args(argv)
    try:
        pairs = paired(load_extra(args.folder_a), load_extra(args.folder_b))
    except (ExtraDevMissingError, LabelError, ValueError, OSError) as exc:
        print(f"label_agreement: {exc}", file=sys.stderr)
        return 1
    if not pairs:
        print("label_agreement: the two folders share no page", file=sys.stderr)
        return 1
    print(f"{len(pairs)} pages labelled by both: {', '.join(a.page.name for a, _ in pairs)}")
    b_against_a = agreement(pairs, keep_errors=args.errors)
    print(f"labeller B scored against labeller A ({args.folder_b} against {args.folder_a}):")
    report_strict(b_against_a)
    for line in b_against_a.errors:
        print(f"    {line}")
    print("labeller A scored against labeller B:")
    report_strict(agreement([(b, a) for a, b in pairs]))
    print("the engine against labeller A:")
    report_strict(engine([a for a, _ in pairs]))
    print("the engine against labeller B:")
    report_strict(engine([b for _, b in pairs]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
