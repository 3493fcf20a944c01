"""A read-only preview of the quoted text: dim, at most a few lines, ellipsised."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from claimmark.store.sanitize import visible


class QuotePreview(Widget):
    """The quote an annotation is about, word-wrapped to at most `max_lines` lines.

    Whitespace (including paragraph breaks) is collapsed to single spaces; when the quote
    does not fit, the last line ends with an ellipsis.
    """

    DEFAULT_CSS = """
    QuotePreview {
        height: auto;
        color: $text-muted;
    }
    """

    def __init__(
        self,
        quote: str,
        *,
        max_lines: int = 3,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.quote = visible(" ".join(quote.split()))
        """The quote, whitespace collapsed."""
        self.max_lines = max(1, max_lines)
        """How many lines at most."""

    def lines(self, width: int) -> list[Content]:
        """The quote wrapped to `width` cells, clipped to `max_lines` with an ellipsis."""
        width = max(width, 2)
        wrapped = Content(f"“{self.quote}”").wrap(width)
        if len(wrapped) <= self.max_lines:
            return wrapped
        kept = wrapped[: self.max_lines]
        last = kept[-1].rstrip()
        if last.cell_length >= width:
            last = last.truncate(width - 1)
        kept[-1] = last + "…"
        return kept

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped quote needs, up to `max_lines`."""
        return len(self.lines(width))

    def render(self) -> Content:
        """The clipped quote."""
        return Content("\n").join(self.lines(self.content_size.width))
