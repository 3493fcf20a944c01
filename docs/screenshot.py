"""Regenerate docs/screenshot.svg: the reader on a sample article with a few annotations.

python docs/screenshot.py [--theme textual-light] [--out docs/screenshot.svg]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimmark.store.models import AnnotationDraft, Attribution, Claim, ClaimStatus  # noqa: E402
from claimmark.store.store import Store  # noqa: E402
from claimmark.tui.app import ClaimmarkApp  # noqa: E402


def annotate(store: Store, article_id: int, text: str) -> None:
    def span(fragment: str) -> tuple[int, int]:
        start = text.index(fragment)
        return start, start + len(fragment)

    sentences = [
        (
            "The government will fund a £1.4bn tidal barrier across the mouth of the Wenn "
            "estuary, two officials said on Tuesday",
            dict(
                claim=Claim(claimant="two officials", attribution=Attribution.ANONYMOUS),
                tags=("funding",),
            ),
        ),
        (
            "the Treasury had “no objection in principle” to the scheme",
            dict(
                claim=Claim(
                    claimant="Helen Achterberg, environment minister",
                    status=ClaimStatus.DISPUTED,
                    attribution=Attribution.DIRECT_QUOTE,
                    sources=("Harbour Gazette",),
                ),
                tags=("cost",),
            ),
        ),
        (
            "first proposed in 2016",
            dict(note="Check the 2016 consultation papers.", tags=("history",)),
        ),
        ("softer and deeper than anyone modelled in 2016", dict(color="green")),
    ]
    for fragment, fields in sentences:
        if fragment in text:
            start, end = span(fragment)
            store.create_annotation(AnnotationDraft(article_id, start, end, **fields))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="textual-dark")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.svg"))
    parser.add_argument("--keys", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "shot.db")
        article = store.import_file(ROOT / "articles" / "coastal-flood-barrier.txt").article
        annotate(store, article.id, article.text)
        app = ClaimmarkApp(store, article_id=article.id)
        async with app.run_test(size=(120, 34)) as pilot:
            app.theme = args.theme
            await pilot.pause(0.3)
            if args.keys:
                await pilot.press(*args.keys.split())
                await pilot.pause(0.3)
            Path(args.out).write_text(app.export_screenshot(title="claimmark"))
        store.close()
    print(args.out)


if __name__ == "__main__":
    asyncio.run(main())
