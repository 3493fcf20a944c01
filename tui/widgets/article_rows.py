"""The library's articles as rows of a `RowList`: 30,000 rows cost what 30 do.

The screen gives the rows the ids in order (`load`) and a function that fetches the
summaries of some ids from the store; the rows fetch them a block at a time as they come
on screen, and fit their columns to the width: the title takes what the others leave and
is cut with "…"; at 80 columns every count fits, wider screens add the byline, the site,
the published date and both dates of the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from rich.style import Style
from textual.strip import Strip

from claimmark.store.models import LibrarySort
from claimmark.store.results import ArticleSummary
from claimmark.tui.article_info import date_label, site_label
from claimmark.tui.textfit import safe_line
from claimmark.tui.widgets.row_list import Column, RowList, cells_line, fit_cell

BLOCK = 60
"""Summaries fetched at a time."""

GAP = 2
"""Cells between columns."""

MIN_TITLE = 24
"""The fewest cells the title keeps before other columns give way."""


def when(stamp: str | None, now: datetime | None = None) -> str:
    """A stored UTC timestamp in the local time zone, briefly: `14:03` today, `29 Nov`
    this year, `2025-11-29` before, `—` for never."""
    if not stamp:
        return "—"
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.year == today.year:
        return f"{local.day} {local.strftime('%b')}"
    return local.strftime("%Y-%m-%d")


def orphans_label(summary: ArticleSummary) -> str:
    """The annotation count, with the orphans a new version left: `2 +1 orphan`."""
    orphans = summary.orphan_count
    if not orphans:
        return str(summary.annotation_count)
    return f"{summary.annotation_count} +{orphans} orphan{'s' if orphans != 1 else ''}"


def read_cell(summary: ArticleSummary) -> str:
    """How far through the article the reader got: `37%`, or `—` if never opened."""
    percent = summary.read_percent
    return "—" if percent is None else f"{percent}%"


_SORTED_COLUMN = {
    LibrarySort.OPENED: "opened",
    LibrarySort.ADDED: "added",
    LibrarySort.TITLE: "title",
    LibrarySort.ANNOTATIONS: "annotations",
    LibrarySort.NOTES: "notes",
    LibrarySort.CLAIMS: "claims",
}


def layout(
    width: int, sort: LibrarySort, web: bool = True, versions: bool = False
) -> list[tuple[str, Column]]:
    """The columns for a list `width` cells wide (one cell of padding and the scroll
    indicator's column included), as (key, column) in the order shown. The title takes
    what the others leave, at least `MIN_TITLE` cells (and a third of the width, up to 40); as the
    width shrinks the second date goes first, then the published date, the site, the
    byline and the counts. Without `web` articles there is no site or published column;
    with `versions` (some article has several), a versions column before the date."""
    room = width - 2
    date_key, other_key = ("added", "opened") if sort is LibrarySort.ADDED else ("opened", "added")
    columns: list[tuple[str, Column]] = [
        ("byline", Column("Byline", min(24, max(14, (room - 70) // 3)))),
        ("site", Column("Site", 20)),
        ("published", Column("Published", 10)),
        ("annotations", Column("Annotations", 11, "right")),
        ("notes", Column("Notes", 5, "right")),
        ("claims", Column("Claims", 6, "right")),
        ("read", Column("Read", 4, "right")),
        *((("versions", Column("Versions", 8)),) if versions else ()),
        (date_key, Column(date_key.capitalize(), 10)),
    ]
    if room >= 175:  # the second date only where the title is long anyway
        columns.append((other_key, Column(other_key.capitalize(), 10)))
    if not web:
        columns = [(k, c) for k, c in columns if k not in ("site", "published")]
    drop_order = [
        other_key,
        "published",
        "site",
        "byline",
        "versions",
        "notes",
        "read",
        "claims",
        date_key,
        "annotations",
    ]
    least = max(MIN_TITLE, min(40, room // 3))
    while columns and sum(c.width + GAP for _, c in columns) + least > room:
        keys = {k for k, _ in columns}
        victim = next(k for k in drop_order if k in keys)
        columns = [(k, c) for k, c in columns if k != victim]
    title_width = max(4, room - sum(c.width + GAP for _, c in columns))
    return [("title", Column("Title", title_width)), *columns]


class ArticleRows:
    """The library's articles as rows of a `RowList`, in the order the screen gives."""

    def __init__(self, fetch: Callable[[Sequence[int]], list[ArticleSummary]]) -> None:
        self._fetch = fetch
        self.ids: list[int] = []
        """The article ids, in the order shown."""
        self._total = 0
        self._summaries: dict[int, ArticleSummary] = {}
        self.sort = LibrarySort.OPENED
        """The order the ids are in (the header marks its column)."""
        self.reverse = False
        """Whether the order is turned round."""
        self._layout: list[tuple[str, Column]] = []
        self._layout_key: tuple[int, LibrarySort, bool, bool] | None = None
        self.web = True
        """Whether any article has a site or a date (the site and published columns)."""
        self.versions = False
        """Whether any article has several versions (the versions column)."""
        self._now = datetime.now().astimezone()

    def load(
        self,
        ids: list[int],
        sort: LibrarySort,
        reverse: bool,
        total: int | None = None,
        *,
        web: bool = True,
        versions: bool = False,
    ) -> None:
        """Take new ids (in `sort` order), forgetting every summary fetched. `total` says
        how many rows there are when `ids` holds only the first of them (the rest come
        with another `load`; until then their rows are blank)."""
        self.ids = ids
        self._total = len(ids) if total is None else max(total, len(ids))
        self.web = web
        self.versions = versions
        self.sort, self.reverse = sort, reverse
        self._summaries.clear()
        self._layout_key = None
        self._now = datetime.now().astimezone()

    def index_of(self, article_id: int | None) -> int | None:
        """The row of an article, if it is listed."""
        if article_id is None:
            return None
        try:
            return self.ids.index(article_id)
        except ValueError:
            return None

    def id_at(self, index: int | None) -> int | None:
        """The article on row `index`."""
        return self.ids[index] if index is not None and 0 <= index < len(self.ids) else None

    def row_count(self) -> int:
        return self._total

    def summary(self, index: int) -> ArticleSummary | None:
        """The summary of row `index` (its block is fetched if it was not yet)."""
        if not 0 <= index < len(self.ids):
            return None
        article_id = self.ids[index]
        found = self._summaries.get(article_id)
        if found is None:
            first = index - index % BLOCK
            block = [i for i in self.ids[first : first + BLOCK] if i not in self._summaries]
            if len(self._summaries) > 20 * BLOCK:
                self._summaries.clear()
            for summary in self._fetch(block):
                self._summaries[summary.id] = summary
            found = self._summaries.get(article_id)
        return found

    def columns(self, width: int) -> list[tuple[str, Column]]:
        """The columns at `width` (kept until the width or the order changes)."""
        key = (width, self.sort, self.web, self.versions)
        if self._layout_key != key:
            self._layout = layout(width, self.sort, self.web, self.versions)
            self._layout_key = key
        return self._layout

    def header_strip(self, rows: RowList, width: int) -> Strip:
        """Column titles; the sorted one carries ▼ or ▲ (the way it runs)."""
        style = rows.style_of("row-list--header")
        sorted_key = _SORTED_COLUMN[self.sort]
        descending = self.sort is not LibrarySort.TITLE
        arrow = "▲" if descending == self.reverse else "▼"
        texts: list[str] = []
        for key, column in self.columns(width):
            title = column.title
            if key == sorted_key and column.align == "left":
                title = f"{title} {arrow}"
            elif key == sorted_key and texts:  # a number column: the arrow in the gap before
                texts[-1] = texts[-1][:-1] + arrow
            texts += [fit_cell(title, column.width, column.align), " " * GAP]
        return cells_line([(text, style) for text in texts], width, style)

    def row_strip(self, rows: RowList, index: int, width: int, selected: bool) -> Strip:
        """One article: title, (byline), counts, how far read, dates."""
        base, dim = rows.row_styles(selected)
        summary = self.summary(index)
        if summary is None:
            return cells_line([], width, base)
        values = {
            "title": safe_line(summary.title),
            "byline": safe_line(summary.byline),
            "site": safe_line(site_label(summary)),
            "published": date_label(summary.published) or "—",
            "annotations": orphans_label(summary),
            "versions": f"{summary.version_count}" + (" ● new" if summary.unseen_version else ""),
            "notes": str(summary.note_count),
            "claims": str(summary.claim_count),
            "read": read_cell(summary),
            "opened": when(summary.last_opened_at, self._now),
            "added": when(summary.imported_at, self._now),
        }
        pieces: list[tuple[str, Style]] = []
        for key, column in self.columns(width):
            value = values[key]
            faint = key in ("byline", "site") or value in ("0", "—")
            pieces.append((fit_cell(value, column.width, column.align), dim if faint else base))
            pieces.append((" " * GAP, base))
        return cells_line(pieces, width, base)
