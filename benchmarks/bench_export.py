"""How long exporting a large library takes: Markdown and JSON for 10,000 annotations
across 100 articles (tags, notes, some claims), with a baseline from the same run.

Run: cd /work/main && /work/venv/bin/python benchmarks/bench_export.py [--runs N]

Prints the median of N runs of:
- baseline: `json.dumps` of the raw annotation dicts (`annotation_to_dict`), the least any
  export of the same data can cost;
- Markdown: `article_markdown` for all 100 articles (annotations already loaded), and the
  whole `export_articles` to a folder (store reads, rendering, atomic writes with fsync);
- JSON: `collection_json` of all (annotations already loaded), and `export_articles` with
  ``fmt="json"``;
- the store reads alone, and (once) importing the JSON into an empty database;
- the JSON writer (`store.export.webanno.dumps`) against `json.dumps(indent=2)` of the same
  document.
Target: under 1 s each for the Markdown and JSON exports of all.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_seconds  # noqa: E402
from claimmark.store.export import (  # noqa: E402
    article_markdown,
    collection_json,
    export_articles,
    import_collection,
)
from claimmark.store.export.webanno import dumps  # noqa: E402
from claimmark.store.models import (  # noqa: E402
    AnnotationDraft,
    Attribution,
    Claim,
    ClaimStatus,
    Confidence,
    annotation_to_dict,
)
from claimmark.store.store import Store  # noqa: E402

ARTICLES = 100
PER_ARTICLE = 100
WORDS = (
    "minister",
    "officials",
    "said",
    "barrier",
    "flood",
    "the",
    "report",
    "according",
    "to",
    "a",
    "decision",
    "is",
    "close",
    "engineers",
    "2029",
    "“quoted”",
    "Kyiv’s",
    "#1",
    "*stars*",
    "under_score",
    "<b>",
    "$5m",
    "—",
    "漢字",
    "data",
    "budget",
)
TAGS = (
    "flood",
    "climate policy",
    "budget",
    "2029",
    "follow up",
    "weak sourcing",
    "Kyiv",
    "numbers",
    "quote",
    "context/background",
)


def build(store: Store, rng: random.Random) -> list[int]:
    """Fill the store; returns the article ids."""
    ids = []
    for n in range(ARTICLES):
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60))) + "." for _ in range(20)
        ]
        text = "\n".join(paragraphs)
        article = store.add_article(
            f"Article {n}: flood plan # {rng.random():.6f}",
            "By Jane Example",
            f"/tmp/bench/{n}.txt",
            text,
        ).article
        ids.append(article.id)
        for k in range(PER_ARTICLE):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randint(10, 180)
            claim = None
            if k % 5 == 0:
                claim = Claim(
                    claimant=rng.choice(("the minister", "officials", "Harbour Gazette")),
                    sources=("Harbour Gazette", "anonymous officials")[: rng.randint(0, 2)],
                    status=rng.choice(list(ClaimStatus)),
                    confidence=rng.choice(list(Confidence)),
                    attribution=rng.choice(list(Attribution)),
                    evidence=("https://example.org/evidence/" + str(k),) if k % 10 == 0 else (),
                )
            note = ""
            if k % 3 == 0:
                note = f"Note {k}: check *this* against the report.\n\n- point one\n- point two"
            store.create_annotation(
                AnnotationDraft(
                    article.id,
                    start,
                    end,
                    color=rng.choice((None, "yellow", "red")),
                    note=note,
                    tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
                    claim=claim,
                )
            )
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = Store(root / "bench.db")
        started = time.perf_counter()
        ids = build(store, random.Random(1))
        setup = time.perf_counter() - started
        pairs = [(store.get_article(i), store.list_annotations(i)) for i in ids]
        count = sum(len(anns) for _, anns in pairs)
        print(
            f"library: {len(ids)} articles, {count} annotations "
            f"(built in {setup:.1f} s); median of {args.runs} runs"
        )

        every = [a for _, anns in pairs for a in anns]
        baseline = median_seconds(
            lambda: json.dumps([annotation_to_dict(a) for a in every], ensure_ascii=False),
            args.runs,
        )
        reads = median_seconds(
            lambda: [(store.get_article(i), store.list_annotations(i)) for i in ids], args.runs
        )
        markdown = median_seconds(
            lambda: [article_markdown(a, anns) for a, anns in pairs], args.runs
        )
        by_tag = median_seconds(
            lambda: [article_markdown(a, anns, group_by="tag") for a, anns in pairs], args.runs
        )
        collection = median_seconds(lambda: collection_json(pairs), args.runs)
        md_files = median_seconds(lambda: export_articles(store, ids, root / "md"), args.runs)
        json_file = median_seconds(
            lambda: export_articles(store, ids, root / "all.json", fmt="json"), args.runs
        )

        text = collection_json(pairs)
        document = json.loads(text)
        assert dumps(document) == text
        writer = median_seconds(lambda: dumps(document), args.runs)
        stdlib = median_seconds(
            lambda: json.dumps(document, indent=2, ensure_ascii=False), args.runs
        )
        other = Store(root / "import.db")
        started = time.perf_counter()
        summary = import_collection(other, text)
        imported = time.perf_counter() - started
        assert (
            collection_json(
                [(other.get_article(i), other.list_annotations(i)) for i in summary.article_ids]
            )
            == text
        )
        other.close()
        store.close()

    def row(label: str, seconds: float) -> None:
        print(f"  {label:<52} {seconds * 1000:8.1f} ms   {seconds / baseline:6.1f}x baseline")

    row("baseline: json.dumps(annotation_to_dict) of all", baseline)
    row("store reads (get_article + list_annotations) x100", reads)
    row("Markdown: article_markdown x100 (document order)", markdown)
    row("Markdown: article_markdown x100 (grouped by tag)", by_tag)
    row("Markdown: export_articles to 100 files (reads+fsync)", md_files)
    row("JSON: collection_json of all", collection)
    row("JSON: export_articles to one file (reads+fsync)", json_file)
    print(
        f"  {'import of the JSON into an empty database (once)':<52} {imported:8.2f} s"
        f"    ({summary.annotations_added} annotations)"
    )
    print(f"  JSON size: {len(text.encode('utf-8')) / 1e6:.1f} MB")
    print(
        f"  JSON writer: store.export.webanno.dumps {writer * 1000:.1f} ms against "
        f"json.dumps(indent=2) {stdlib * 1000:.1f} ms of the same document "
        f"({stdlib / writer:.1f}x faster)"
    )


if __name__ == "__main__":
    main()
