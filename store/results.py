"""What queries about the library as a whole return: the library's rows, search hits,
tag counts and changes, the versions of an article and what a new one carried, what an
import did, the journal of changes, and the claims across the library.

Apart from `store.models` (the article, annotation and claim themselves) because opening
an article needs none of these: the reader's first frame does without creating them (each
frozen dataclass costs about half a millisecond to define).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimmark.store.models import Annotation, Article


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article as the library lists it: no text, with counts and the reading position.

    The counts are named as everywhere else (the export's front matter, `claimmark list`):
    `annotation_count` counts every annotation, of which `claim_count` are claims and
    `note_count` are notes (annotations with a note that are not claims)."""

    id: int
    title: str
    byline: str
    source: str
    imported_at: str
    last_opened_at: str | None
    length: int
    """Characters of text."""
    annotation_count: int
    claim_count: int
    previous_id: int | None = None
    site_name: str = ""
    published: str = ""
    note_count: int = 0
    paragraph_count: int = 1
    position: int | None = None
    """The saved reading position (a character offset), or None if never read."""
    version_count: int = 1
    """How many texts of this article are stored (1 = never changed)."""
    changed_count: int = 0
    """Annotations flagged by a new version: their words changed since they were marked,
    or they moved (`Annotation.flagged`)."""
    orphan_count: int = 0
    """Annotations whose words are gone from this (the newest) version."""
    unseen_version: bool = False
    """The newest version arrived and has not been opened since."""

    @property
    def read_percent(self) -> int | None:
        """How far through the article the saved position is (0-100), or None."""
        if self.position is None:
            return None
        if self.length <= 0:
            return 100
        return min(100, max(0, round(100 * self.position / self.length)))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match of a library search: where it is and a snippet of it.

    `kind` is what matched: `title` or `text` of an article, or an annotation's kind
    (`highlight`, `note` or `claim`); `field` the column (title, text, quote, note,
    claimant, sources, tags). `start`/`end` are offsets into the article text of the match
    (for a match in an annotation's quote) or of the annotation (for its note, claimant,
    sources or tags); a title match is at 0-0."""

    article_id: int
    title: str
    kind: str
    field: str
    paragraph: int | None
    snippet: str
    marks: tuple[tuple[int, int], ...]
    """Spans of `snippet` (start, end) that matched."""
    start: int
    end: int
    annotation_id: int | None
    score: float
    """bm25: lower is better."""

    @property
    def where(self) -> str:
        """Where the hit is, e.g. `title`, `¶4`, `¶4 note` or `¶2 claim (claimant)`."""
        if self.kind == "title":
            return "title"
        place = f"¶{self.paragraph}" if self.paragraph is not None else ""
        if self.kind == "text":
            return place
        detail = f" ({self.field})" if self.field not in ("quote", "note") else ""
        return f"{place} {self.kind}{detail}".strip()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits of a search, best first, and how the query was read."""

    query: str
    """The query as it was run (the user's, or their words quoted when FTS5 refused it)."""
    hits: tuple[SearchHit, ...]
    plain_words: bool
    """True when the query was not valid FTS5 syntax and was searched as plain words."""
    more: bool
    """True when there were more hits than the limit."""


@dataclass(frozen=True, slots=True)
class DeletedArticles:
    """What one deletion removed: enough to put it back, with the same ids.

    `rows` holds every removed row (articles, annotations and everything that refers to
    them) as (table, ((column, value), ...)), parents before children."""

    article_ids: tuple[int, ...]
    """Every version removed."""
    titles: tuple[str, ...]
    annotation_count: int
    rows: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = field(repr=False)
    tags: tuple[tuple[int, str], ...] = field(repr=False, default=())
    """(id, name) of the tags the removed annotations used."""


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag and how much it is used."""

    name: str
    annotations: int
    articles: int


@dataclass(frozen=True, slots=True)
class TagChange:
    """A rename, merge or delete of a tag across the library, with what each annotation's
    tags were before it (for undo)."""

    action: str
    """`rename`, `merge` or `delete`."""
    tag: str
    """The tag renamed, merged away or deleted (as it was spelt)."""
    into: str | None
    """The new name, or the tag merged into; None for a delete."""
    before: tuple[tuple[int, tuple[str, ...]], ...] = field(repr=False)
    """(annotation id, its tags before the change) for every annotation changed."""

    @property
    def annotation_count(self) -> int:
        """How many annotations the change touched."""
        return len(self.before)


@dataclass(frozen=True, slots=True)
class CarryReport:
    """What became of the annotations when a new version arrived."""

    exact: int = 0
    """Carried onto the same words."""
    changed: int = 0
    """Carried, but the words under them changed (flagged "changed since marked")."""
    orphaned: int = 0
    """Not placed: their words are gone. They stay on the version where they last fitted
    and are listed as orphans of the newest version."""
    moved: int = 0
    """Carried onto the same words found elsewhere (flagged "moved": check the place)."""

    @property
    def carried(self) -> int:
        return self.exact + self.changed + self.moved

    def summary(self) -> str:
        """One line for a user, e.g. "4 notes carried (1 changed), 1 orphan"."""
        total = self.carried + self.orphaned
        if not total:
            return "no notes to carry"
        parts = [f"{self.carried} note{'s' if self.carried != 1 else ''} carried"]
        flags = [
            f"{n} {what}" for n, what in ((self.changed, "changed"), (self.moved, "moved")) if n
        ]
        if flags:
            parts[0] += f" ({', '.join(flags)})"
        if self.orphaned:
            parts.append(f"{self.orphaned} orphan{'s' if self.orphaned != 1 else ''}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One stored text of an article, as `Store.versions` lists them (oldest first)."""

    id: int
    number: int
    """1 for the first text, counting up."""
    title: str
    imported_at: str
    length: int
    sha256: str
    annotation_count: int
    """Annotations that sit on this text (on an older version: orphans)."""
    newest: bool
    same_as: int | None = None
    """For a revert: the number of the first version with the very same text."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `Store.import_file` did."""

    article: Article
    status: str
    """`new`, `existing` (same content already stored) or `new-version`."""
    encoding: str
    carried: CarryReport | None = None
    """For a new version: what became of the annotations of the earlier ones."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One change to an annotation, for undo and audit."""

    id: int
    at: str
    action: str
    """`create`, `update`, `delete`, `restore`, `reanchor` (carried to a new version:
    before on the old text, after on the new) or `orphan` (not placed in the new version
    `article_id`; it stays where `after` says)."""
    annotation_id: int
    article_id: int
    before: dict | None = field(default=None, hash=False, compare=False)
    after: dict | None = field(default=None, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim as the claims view lists it, across the library."""

    annotation: Annotation
    article_id: int
    article_title: str
    orphan: bool = False
    """The claim's words are gone from the newest version (it sits on an older one)."""
    newest_id: int | None = None
    """The newest version of its article (where the reader opens)."""
