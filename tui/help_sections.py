"""The help screen's contents, built from the bindings themselves so it never drifts."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType
from textual.screen import Screen

Section = tuple[str, list[tuple[str, str]]]


def _rows(screen: Screen, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) rows; bindings with the same action are merged onto one row."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        for key in binding.key.split(","):
            key = key.strip()
            display = screen.app.get_key_display(Binding(key, binding.action))
            keys, description = rows.setdefault(
                binding.action, ([], binding.tooltip or binding.description)
            )
            if display not in keys:
                keys.append(display)
            if binding.tooltip and len(binding.tooltip) > len(description):
                rows[binding.action] = (keys, binding.tooltip)
    return [(" ".join(keys), description) for keys, description in rows.values()]


GENERAL: list[tuple[str, str]] = [
    ("tab shift+tab", "Move focus between the article and the annotation pane"),
    ("ctrl+p", "Command palette: every action by name"),
    ("?", "This help"),
]


def help_sections(screen: Screen) -> list[Section]:
    """The key sections for `screen`: its own keys and those of the widgets on it."""
    sections: list[Section] = []
    for widget_class, title in _widget_sections(screen):
        sections.append((title, _rows(screen, getattr(widget_class, "BINDINGS", []))))
    sections.append((_screen_section_title(screen), _rows(screen, type(screen).BINDINGS)))
    sections.append(("Everywhere", GENERAL))
    return sections


def _screen_section_title(screen: Screen) -> str:
    """The heading of a screen's own keys: a name for what they do, never the screen's
    title (the reader's is the article's headline)."""
    from claimmark.tui.screens.claims import ClaimsScreen
    from claimmark.tui.screens.library import LibraryScreen
    from claimmark.tui.screens.reader import ReaderScreen

    titles: list[tuple[type[Screen], str]] = [
        (ReaderScreen, "Annotating, searching and suggestions"),
        (ClaimsScreen, "In the claims view"),
        (LibraryScreen, "In the library"),
    ]
    return next((title for kind, title in titles if isinstance(screen, kind)), "This screen")


def _widget_sections(screen: Screen) -> list[tuple[type, str]]:
    from claimmark.tui.screens.library import LibraryScreen
    from claimmark.tui.screens.reader import ReaderScreen
    from claimmark.tui.screens.tags import TagsScreen

    if isinstance(screen, LibraryScreen):
        from claimmark.tui.screens.library import SearchInput
        from claimmark.tui.widgets.row_list import RowList

        return [(RowList, "Moving in the list"), (SearchInput, "While typing a search")]
    if isinstance(screen, TagsScreen):
        from claimmark.tui.widgets.row_list import RowList

        return [(RowList, "Moving in the list")]

    if isinstance(screen, ReaderScreen):
        from claimmark.tui.widgets.annotation_pane import AnnotationPane
        from claimmark.tui.widgets.article_view import ArticleView

        return [
            (ArticleView, "Moving and selecting in the article"),
            (AnnotationPane, "In the annotation pane"),
        ]
    return []
