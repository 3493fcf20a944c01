"""Generated libraries for the library benchmark: news-length articles with annotations.

The text is made from the paragraphs of the bundled sample articles, shuffled, with names
drawn from a made-up vocabulary on a Zipf curve, so that a query can be a common word
(in nearly every article), a rare one (in a handful) or anything between. Libraries are
built through the `Store` API (the same triggers and indexes as a real one) and cached in
the temp folder, keyed by the schema, so that only the first run pays for them.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimmark.store.models import AnnotationDraft, Claim, ClaimStatus  # noqa: E402
from claimmark.store.schema import MIGRATION_NAMES  # noqa: E402
from claimmark.store.store import Store  # noqa: E402

GENERATOR_VERSION = 2
"""Bump when the generated content changes, so that cached libraries are rebuilt."""

SYLLABLES = "ka lo mi ne ru sa ti vo ze bra cle dri fo gul hen jor kes lan mor nat pel quin".split()
CLAIMANTS = [
    "the environment minister",
    "two officials",
    "a senior engineer",
    "the health board",
    "Harbour Gazette",
    "union leaders",
    "the finance ministry",
    "an unnamed adviser",
]
TAGS = ["flood", "budget", "health", "policy", "energy", "transport", "courts", "housing"]


def sample_paragraphs() -> list[str]:
    from claimmark.store.ingest import read_article_file

    paragraphs: list[str] = []
    for path in sorted((ROOT / "articles").glob("*.*")):
        if path.suffix in (".txt", ".md"):
            paragraphs += [p for p in read_article_file(path).text.split("\n") if len(p) > 60]
    return paragraphs


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """`size` made-up capitalised names (places, people), all different."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(words)


class ArticleMaker:
    """News-length article texts (about 4-6 KB, 8-14 paragraphs) and titles."""

    def __init__(self, seed: int = 12) -> None:
        self.rng = random.Random(seed)
        self.paragraphs = sample_paragraphs()
        self.names = vocabulary(5000, self.rng)
        # Zipf-like weights: the first names are common, most are rare.
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(self.names))))

    def name(self) -> str:
        return self.rng.choices(self.names, cum_weights=self.cumulative)[0]

    def article(self, number: int) -> tuple[str, str, str]:
        rng = self.rng
        title = f"{self.name()} {rng.choice(['council', 'ministers', 'court', 'port'])} " + (
            f"{rng.choice(['backs', 'delays', 'rejects', 'reviews'])} {self.name()} plan {number}"
        )
        paragraphs = []
        size = 0
        target = rng.randint(4000, 6000)
        while size < target:
            paragraph = rng.choice(self.paragraphs)
            words = paragraph.split(" ")
            for _ in range(2):
                words.insert(rng.randrange(len(words)), self.name())
            text = " ".join(words)
            paragraphs.append(text)
            size += len(text) + 1
        return title, f"By {self.name()} {self.name()}", "\n".join(paragraphs)


def build(path: Path, articles: int, annotations: int, seed: int = 12) -> None:
    """A library of `articles` generated articles and `annotations` annotations spread
    over them (a third notes, a fifth claims, most tagged)."""
    maker = ArticleMaker(seed)
    rng = random.Random(seed + 1)
    with Store(path) as store:
        ids: list[tuple[int, str]] = []
        batch = 2000
        for first in range(0, articles, batch):
            with store.transaction():
                for number in range(first, min(articles, first + batch)):
                    title, byline, text = maker.article(number)
                    stamp = (
                        f"2026-{1 + number * 11 // max(1, articles):02d}-01T00:00:{number % 60:02d}"
                    )
                    result = store.add_article(
                        title, byline, f"/bench/{number}.txt", text, imported_at=stamp
                    )
                    ids.append((result.article.id, text))
        for first in range(0, annotations, batch):
            with store.transaction():
                for number in range(first, min(annotations, first + batch)):
                    article_id, text = (
                        ids[number % len(ids)] if number < len(ids) else rng.choice(ids)
                    )
                    # Whole words, as a reader selects them.
                    start = text.find(" ", rng.randrange(0, len(text) - 100)) + 1
                    end = text.rfind(" ", start + 5, start + rng.randint(12, 80))
                    end = end if end > start else start + 5
                    kind = number % 15
                    claim = None
                    note = ""
                    if kind < 3:
                        claim = Claim(
                            claimant=rng.choice(CLAIMANTS),
                            sources=(rng.choice(CLAIMANTS),),
                            status=rng.choice(list(ClaimStatus)),
                        )
                    elif kind < 8:
                        note = f"Check this against the {maker.name()} report ({rng.choice(TAGS)})."
                    tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
                    store.create_annotation(
                        AnnotationDraft(article_id, start, end, note=note, tags=tags, claim=claim)
                    )
        for article_id, _ in rng.sample(ids, min(len(ids), 50)):
            store.mark_opened(article_id)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def cached(articles: int, annotations: int, folder: Path | None = None) -> Path:
    """The path of a generated library (built now if it is not cached yet)."""
    schema = (ROOT / "store" / "migrations.py").read_bytes()  # an edited step: a new library
    key = hashlib.sha256(
        f"{GENERATOR_VERSION} {MIGRATION_NAMES} {articles} {annotations}".encode() + schema
    ).hexdigest()[:12]
    folder = folder or Path(tempfile.gettempdir()) / "claimmark-bench-library"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"library-{articles}-{annotations}-{key}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for stale in folder.glob(partial.name + "*"):
            stale.unlink()
        started = time.perf_counter()
        print(f"   (generating {articles:,} articles, {annotations:,} annotations ...)", flush=True)
        build(partial, articles, annotations)
        shutil.move(partial, path)
        print(f"   (generated in {time.perf_counter() - started:.0f} s: {path})", flush=True)
    return path


def working_copy(source: Path, folder: Path) -> Path:
    """A copy of a cached library that a benchmark may write to."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target
