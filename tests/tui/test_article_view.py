"""Pilot tests of the article view, in a tiny host app that composes just the view."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.style import Style
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.message import Message

from claimmark.tui.colors import contrast_ratio
from claimmark.tui.widgets.article_view import ArticleView
from claimmark.tui.widgets.marks import Mark
from claimmark.tui.widgets.wrapping import display_text, is_simple, wrap_paragraph
from tests.tui.screen import screen_text

TITLE = "Ministers signal backing for coastal flood plan"
BYLINE = "By Jane Example"
P1 = (
    "The government has signalled it will fund a regional flood barrier, two officials said. "
    "Speaking on Monday, the minister told reporters that “a decision is close”, according "
    "to a report in the Harbour Gazette."
)
P2 = "Senior engineers have since indicated the barrier could be ready by 2029. Critics disagree."
P3 = "Kyiv’s council, it said, will vote—soon. Then (maybe) not."
TEXT = "\n".join([P1, P2, P3])

WORDS = " ".join(["word"] * 40)  # 199 chars: lines of 90, 90 and 19 at 90 columns
GRID = "\n".join([WORDS, "short one", WORDS])
"""Paragraphs start at 0, 200 and 210."""

GUTTER = 5  # "¶N" + " ✎ " for fewer than ten paragraphs
HEADER = 3  # title, byline, blank


class Host(App[None]):
    """Composes only the article view and records what it posts."""

    BINDINGS = [Binding("escape", "escaped", "Escaped")]

    def __init__(
        self, text: str, marks: Sequence[Mark] = (), title: str = TITLE, byline: str = BYLINE
    ) -> None:
        super().__init__()
        self.article = (title, byline, text)
        self.marks = list(marks)
        self.messages: list[Message] = []
        self.escapes = 0

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        view = self.query_one(ArticleView)
        view.set_article(*self.article)
        view.set_marks(self.marks)
        view.focus()

    @on(ArticleView.CursorMoved)
    @on(ArticleView.SelectionChanged)
    def record(self, event: Message) -> None:
        self.messages.append(event)

    def action_escaped(self) -> None:
        self.escapes += 1


def rows(view: ArticleView) -> list[str]:
    """The text of every visible row (without the last column: the scroll indicator)."""
    return [
        strip.crop(0, strip.cell_length - 1).text
        for strip in (view.render_line(y) for y in range(view.scrollable_content_region.height))
    ]


def indicator(view: ArticleView) -> str:
    """The last column of every visible row: the scroll indicator."""
    return "".join(
        view.render_line(y).text[-1] for y in range(view.scrollable_content_region.height)
    )


def text_rows(view: ArticleView) -> list[str]:
    """The text part (after the gutter) of every visible row, trailing spaces removed."""
    return [row[GUTTER:].rstrip() for row in rows(view)]


def cells(view: ArticleView, y: int) -> list[tuple[int, str, Style]]:
    """(cell column, text, style) of every segment of visible row `y`."""
    found = []
    column = 0
    for segment in view.render_line(y):
        found.append((column, segment.text, segment.style or Style()))
        column += cell_len(segment.text)
    return found


def style_at(view: ArticleView, y: int, x: int) -> Style:
    """The style of the cell at column `x` of visible row `y`."""
    for column, text, style in cells(view, y):
        if column <= x < column + max(1, cell_len(text)):
            return style
    raise AssertionError(f"no cell at {x},{y}")


def cursor_cell(view: ArticleView) -> tuple[int, int, str]:
    """(row, column, text) of the cell drawn as the cursor (reverse video)."""
    found = []
    for y in range(view.scrollable_content_region.height):
        for column, text, style in cells(view, y):
            if style.reverse:
                found.append((y, column, text))
    assert len(found) == 1, found
    return found[0]


# -- layout ------------------------------------------------------------------------------


async def test_title_byline_paragraph_numbers_and_wrapping() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        shown = rows(view)
        assert shown[0].strip() == TITLE
        assert shown[1].strip() == BYLINE
        assert shown[2].strip() == ""
        assert shown[3].startswith("¶1 ")
        assert shown[3][GUTTER:].startswith("The government")
        numbered = [row[:2] for row in shown if row.startswith("¶")]
        assert numbered == ["¶1", "¶2", "¶3"]
        # paragraph 1 wraps within 90 cells, at spaces, and loses nothing
        wrapped = [row[GUTTER:] for row in shown[3:6]]
        assert all(cell_len(line.rstrip()) <= 90 for line in wrapped)
        assert "".join(line.rstrip() + " " for line in wrapped).strip() == P1
        assert len(wrapped) == 3
        # one blank line between paragraphs
        p2_row = next(y for y, row in enumerate(shown) if row.startswith("¶2"))
        assert shown[p2_row - 1].strip() == ""
        assert all(style_at(view, 0, x).bold for x in range(GUTTER, GUTTER + len(TITLE)))
        assert style_at(view, 1, GUTTER).italic


async def test_text_width_is_capped_at_90_columns_on_a_wide_terminal() -> None:
    app = Host(WORDS + " " + WORDS)
    async with app.run_test(size=(160, 20)):
        view = app.query_one(ArticleView)
        lines = [row for row in text_rows(view)[HEADER:] if row]
        assert max(cell_len(line) for line in lines) == 89  # 18 words, no trailing space
        assert len(lines) == 5


async def test_long_url_breaks_hard_at_the_width() -> None:
    url = "https://example.com/" + "a" * 180
    app = Host(f"See {url} now.")
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        lines = [row for row in text_rows(view)[HEADER:] if row]
        assert lines == ["See", url[:90], url[90:180], url[180:] + " now."]


async def test_narrow_terminal_wraps_to_the_space_left() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(40, 12)) as pilot:
        view = app.query_one(ArticleView)
        width = 40 - 1 - GUTTER - 1  # indicator, paragraph gutter, cursor cell
        lines = [row for row in text_rows(view)[HEADER:] if row]
        assert lines and all(cell_len(line) <= width for line in lines)
        for _ in range(25):
            await pilot.press("j")
            row, _column, _text = cursor_cell(view)  # always visible while moving down
            assert 0 <= row < 12
        assert view.cursor >= TEXT.index("Kyiv")


async def test_resize_rewraps_and_keeps_the_cursor_in_view() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(TEXT.index("Critics"))
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        width = 50 - 1 - GUTTER - 1  # indicator, gutter, cursor cell
        lines = [row for row in text_rows(view)[HEADER:] if row]
        assert max(cell_len(line) for line in lines) <= width
        assert len(lines) > 5
        row, column, text = cursor_cell(view)
        assert text == "C"
        assert rows(view)[row][column:].startswith("Critics")


async def test_note_marker_on_lines_holding_a_noted_annotation() -> None:
    marks = [
        Mark(1, 4, 14, "#5e5200", None, True),
        Mark(2, len(P1) + 1, len(P1) + 7, "#1c3a63", None, False),
    ]
    app = Host(TEXT, marks)
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        shown = rows(view)
        assert shown[HEADER][:GUTTER] == "¶1 ✎ "
        assert shown[HEADER + 1][:GUTTER].strip() == ""
        p2 = next(row for row in shown if row.startswith("¶2"))
        assert p2[:GUTTER] == "¶2   "


async def test_one_mark_put_moved_and_removed_redraws_its_old_and_new_rows() -> None:
    """An edit patches one mark: what is on screen afterwards is what the view draws."""
    p2 = len(P1) + 1
    app = Host(TEXT, [Mark(1, 4, 14, "#5e5200", None, True)])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()

        def on_screen() -> list[str]:
            lines = screen_text(app).splitlines()
            return [line[:GUTTER] for line in lines[HEADER : HEADER + len(rows(view))]]

        def gutters() -> list[str]:
            return [row[:GUTTER] for row in rows(view)[HEADER:]]

        assert on_screen()[0] == "¶1 ✎ "
        view.put_mark(Mark(1, p2, p2 + 6, "#5e5200", None, True))  # moved to ¶2
        await pilot.pause()
        assert view.marks_at(5) == [] and [m.annotation_id for m in view.marks_at(p2)] == [1]
        assert on_screen() == gutters()
        assert on_screen()[0] == "¶1   " and "¶2 ✎ " in on_screen()
        view.put_mark(Mark(2, 0, 3, "#1c3a63", None, True))  # a second one, on ¶1
        await pilot.pause()
        assert on_screen() == gutters() and on_screen()[0] == "¶1 ✎ "
        view.remove_mark(1)
        view.remove_mark(7)  # none: nothing happens
        await pilot.pause()
        assert on_screen() == gutters() and "✎" not in "".join(on_screen()[1:])
        assert view.next_mark(0) is None and view.previous_mark(len(TEXT)) == view.marks_at(0)[0]


# -- keys: motions ------------------------------------------------------------------------


async def test_up_down_by_visual_line_keep_the_goal_column() -> None:
    app = Host(GRID)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press(*["right"] * 7)
        assert view.cursor == 7
        visited = []
        for key in ["j", "j", "j", "down", "k", "up", "k", "k"]:
            await pilot.press(key)
            visited.append(view.cursor)
        assert visited == [97, 187, 207, 217, 207, 187, 97, 7]
        view.move_cursor(50)
        visited = []
        for key in ["j", "j", "j", "j", "k", "k", "k", "k"]:
            await pilot.press(key)
            visited.append(view.cursor)
        # 199 and 209 are paragraph ends (short lines); column 50 comes back after them
        assert visited == [140, 199, 209, 260, 209, 199, 140, 50]
        await pilot.press("k")
        assert view.cursor == 50  # no line above: stays


async def test_left_right_by_character_across_paragraphs() -> None:
    app = Host(GRID)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("left")
        assert view.cursor == 0
        view.move_cursor(198)
        await pilot.press("right")
        assert view.cursor == 199  # the paragraph end (the newline)
        row, column, text = cursor_cell(view)
        assert text == " " and column == GUTTER + 19  # drawn after the last character
        await pilot.press("right")
        assert view.cursor == 200
        await pilot.press("left", "left")
        assert view.cursor == 198


async def test_word_motions() -> None:
    app = Host(P3)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        seen = []
        for _ in range(11):
            await pilot.press("w")
            seen.append(P3[view.cursor : view.cursor + 5])
        # punctuation, dashes and brackets are not words: w passes over them
        assert seen == [
            "counc",
            "it sa",
            "said,",
            "will ",
            "vote—",
            "soon.",
            "Then ",
            "maybe",
            "not.",
            "",
            "",
        ]
        back = []
        for _ in range(4):
            await pilot.press("b")
            back.append(P3[view.cursor : view.cursor + 4])
        assert back == ["not.", "mayb", "Then", "soon"]
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("b")
        assert view.cursor == 0
        view.move_cursor(len(P3) - 2)
        await pilot.press("w", "w")
        assert view.cursor == len(P3)


async def test_word_motions_cross_paragraphs() -> None:
    app = Host(GRID)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(195)
        await pilot.press("w")
        assert view.cursor == 200
        await pilot.press("b")
        assert view.cursor == 195
        await pilot.press("b")
        assert view.cursor == 190


async def test_sentence_motions() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        starts = []
        for _ in range(6):
            await pilot.press(")")
            starts.append(view.cursor)
        assert starts == [
            TEXT.index("Speaking"),
            TEXT.index("Senior"),
            TEXT.index("Critics"),
            TEXT.index("Kyiv"),
            TEXT.index("Then"),
            len(TEXT),
        ]
        await pilot.press("(")
        assert view.cursor == TEXT.index("Then")
        view.move_cursor(TEXT.index("engineers"))
        await pilot.press("(")
        assert view.cursor == TEXT.index("Senior")
        await pilot.press("(")
        assert view.cursor == TEXT.index("Speaking")


async def test_paragraph_motions() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        p2, p3 = TEXT.index(P2), TEXT.index(P3)
        view.move_cursor(5)
        seen = []
        for key in ["}", "}", "}", "{", "{", "{", "{"]:
            await pilot.press(key)
            seen.append(view.cursor)
        assert seen == [p2, p3, len(TEXT), p3, p2, 0, 0]


async def test_start_end_and_pages() -> None:
    text = "\n".join([WORDS] * 30)
    app = Host(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("G")
        assert view.cursor == len(text)
        assert view.scroll_y == view.max_scroll_y > 0
        cursor_cell(view)
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_y == 0
        await pilot.press("end")
        assert view.cursor == len(text)
        await pilot.press("home")
        assert view.cursor == 0
        await pilot.press("pagedown")
        assert view.scroll_y == 29
        first_page = view.cursor
        assert first_page > 0
        row, _, _ = cursor_cell(view)
        assert row == HEADER  # the cursor keeps its place on the screen
        await pilot.press("space")
        assert view.scroll_y == 58 and view.cursor > first_page
        await pilot.press("pageup", "pageup")
        assert view.scroll_y == 0 and view.cursor == 0


# -- keys: selection -------------------------------------------------------------------------


async def test_v_mode_extends_with_every_motion() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(4)
        await pilot.press("v")
        assert view.selecting and view.selection is None
        await pilot.press("w", "w")  # a selection made by words ends at a word's end
        assert view.selection == (4, TEXT.index(" signalled"))
        await pilot.press("j")
        assert view.selection is not None and view.selection[0] == 4
        await pilot.press("b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "g")
        assert view.selection == (0, 3)  # "The", without the space before the anchor
        await pilot.press("escape")
        assert view.selection is None and not view.selecting
        assert app.escapes == 0
        await pilot.press("v", "right", "right", "v")
        assert view.selection is None and not view.selecting
        await pilot.press("right")
        assert view.selection is None


async def test_shift_arrows_extend_and_a_plain_motion_clears() -> None:
    app = Host(GRID)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("shift+right", "shift+right", "shift+right")
        assert view.selection == (0, 3)
        await pilot.press("shift+down")
        assert view.selection == (0, 93)
        await pilot.press("shift+up", "shift+left")
        assert view.selection == (0, 2)
        await pilot.press("right")
        assert view.selection is None and view.cursor == 3
        view.move_cursor(10)
        await pilot.press("shift+left", "shift+left")
        assert view.selection == (8, 9)  # "d", never the space after it


async def test_s_and_p_select_sentence_and_paragraph() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(TEXT.index("minister"))
        await pilot.press("s")
        start = TEXT.index("Speaking")
        assert view.selection == (start, len(P1))
        assert TEXT[start : len(P1)].endswith("Gazette.")
        view.move_cursor(TEXT.index("engineers"))
        await pilot.press("s")
        assert view.selection == (len(P1) + 1, TEXT.index(" Critics"))
        await pilot.press("p")
        assert view.selection == (len(P1) + 1, len(P1) + 1 + len(P2))
        await pilot.press("shift+right")  # over the line break: not part of a selection
        assert view.selection == (len(P1) + 1, len(P1) + 1 + len(P2))
        await pilot.press("shift+right")
        assert view.selection == (len(P1) + 1, len(P1) + 3 + len(P2))


async def test_escape_clears_selection_else_bubbles() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("escape")
        assert app.escapes == 1
        await pilot.press("s", "escape")
        assert view.selection is None and app.escapes == 1
        await pilot.press("escape")
        assert app.escapes == 2


async def test_messages_are_posted_on_change() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        app.messages.clear()
        await pilot.press("j")
        assert [type(m) for m in app.messages] == [ArticleView.CursorMoved]
        moved = app.messages[0]
        assert isinstance(moved, ArticleView.CursorMoved)
        assert moved.offset == view.cursor and moved.control is view
        app.messages.clear()
        await pilot.press("shift+right")
        changed = [m for m in app.messages if isinstance(m, ArticleView.SelectionChanged)]
        assert [m.selection for m in changed] == [(view.cursor - 1, view.cursor)]
        app.messages.clear()
        await pilot.press("escape")
        assert [(type(m), getattr(m, "selection", 0)) for m in app.messages] == [
            (ArticleView.SelectionChanged, None)
        ]
        app.messages.clear()
        await pilot.press("k")
        await pilot.press("k")  # already on the first line: nothing changes, nothing posted
        assert len(app.messages) == 1


# -- mouse -------------------------------------------------------------------------------------


async def test_click_moves_the_cursor_and_drag_selects() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.click(view, offset=(GUTTER + 4, HEADER))
        assert view.cursor == 4 and view.selection is None
        second_row = text_rows(view)[HEADER + 1]
        await pilot.click(view, offset=(GUTTER + 2, HEADER + 1))
        assert TEXT[view.cursor :].startswith(second_row[2:])
        first_row = text_rows(view)[HEADER]
        await pilot.click(view, offset=(GUTTER + 91, HEADER))  # right of a line: its end
        assert view.cursor == len(first_row) and TEXT[view.cursor] == " "
        await pilot.mouse_down(view, offset=(GUTTER + 4, HEADER))
        await pilot.hover(view, offset=(GUTTER + 14, HEADER))
        assert view.selection == (4, 14)
        await pilot.hover(view, offset=(GUTTER, HEADER))
        assert view.selection == (0, 3)  # "The": a selection never ends with a space
        await pilot.mouse_up(view, offset=(GUTTER + 3, HEADER + 1))
        end = view.cursor
        assert view.selection == (4, end) and TEXT[end:].startswith(second_row[3:])
        await pilot.click(view, offset=(GUTTER + 1, 0))  # the title: start of the text
        assert view.cursor == 0 and view.selection is None


# -- wide characters, combining marks, emoji -------------------------------------------------------


async def test_wide_characters_keep_columns_aligned() -> None:
    text = "中文中文中文\nabcdefghijkl"
    app = Host(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(2)
        row, column, shown = cursor_cell(view)
        assert (row, column, shown) == (HEADER, GUTTER + 4, "中")
        await pilot.press("j")
        assert view.cursor == 7 + 4
        assert cursor_cell(view) == (HEADER + 2, GUTTER + 4, "e")
        view.move_cursor(7 + 5)
        await pilot.press("k")
        assert view.cursor == 2  # column 5 is the second cell of the third character
        await pilot.press("right", "right")
        assert view.cursor == 4 and cursor_cell(view)[1] == GUTTER + 8
        await pilot.click(view, offset=(GUTTER + 3, HEADER))
        assert view.cursor == 1


async def test_wide_characters_never_split_across_lines() -> None:
    text = "中文" * 40
    app = Host(text)
    async with app.run_test(size=(40, 30)):
        view = app.query_one(ArticleView)
        width = 40 - 1 - GUTTER - 1  # 33: an odd width
        lines = [row for row in text_rows(view)[HEADER:] if row]
        assert all(cell_len(line) == 32 for line in lines[:-1])
        assert "".join(lines) == text
        assert max(cell_len(line) for line in lines) <= width


async def test_emoji_and_combining_marks_move_as_one_character() -> None:
    family = "👨\u200d👩\u200d👧"
    text = f"I 😀 you, Cafe\u0301 {family} ok"
    app = Host(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        positions = []
        for _ in range(len(text)):
            await pilot.press("right")
            positions.append(view.cursor)
        cafe = text.index("Cafe")
        fam = text.index(family)
        assert positions[:5] == [1, 2, 3, 4, 5]
        assert cafe + 3 in positions and cafe + 4 not in positions  # the e and its accent
        assert fam in positions and not any(fam < p < fam + len(family) for p in positions)
        view.move_cursor(cafe + 3)
        assert cursor_cell(view)[2] == "e\u0301"
        view.move_cursor(cafe + 4)  # inside the grapheme: snapped to its start
        assert view.cursor == cafe + 3
        view.move_cursor(fam)
        row, column, shown = cursor_cell(view)
        assert shown == family
        await pilot.press("right")
        assert view.cursor == fam + len(family)
        assert cursor_cell(view)[1] == column + 2  # the family is two cells wide
        await pilot.click(view, offset=(GUTTER + 3, HEADER))  # second cell of 😀
        assert view.cursor == 2
        view.move_cursor(cafe)
        await pilot.press("w")  # emoji are not words: on to "ok"
        assert view.cursor == text.index("ok")
        await pilot.press("b")
        assert view.cursor == cafe
        # every row is as wide as the view: nothing misaligned
        for y in range(view.scrollable_content_region.height):
            strip = view.render_line(y)
            assert strip.cell_length == cell_len(strip.text) == view.scrollable_content_region.width


# -- marks, suggestions, search, selection drawing ----------------------------------------------


async def test_marks_at_next_and_previous() -> None:
    marks = [
        Mark(1, 0, 40, "#1c3a63", None, False),
        Mark(2, 4, 14, "#5e5200", "supported", False),
        Mark(3, 4, 14, "#1d4d2b", None, True),
        Mark(4, 60, 70, "#5f1d47", None, False),
        Mark(5, len(P1) + 1, len(P1) + 20, "#5e5200", None, False),
    ]
    app = Host(TEXT, marks)
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        assert [m.annotation_id for m in view.marks_at(5)] == [3, 2, 1]
        assert [m.annotation_id for m in view.marks_at(20)] == [1]
        assert view.marks_at(14) == [marks[0]]
        assert view.marks_at(50) == []
        assert view.marks_at(len(P1) + 1)[0].annotation_id == 5
        first = view.next_mark(0)
        assert first is not None and first.start == 4 and first.annotation_id == 2
        assert view.next_mark(4) == marks[3]
        assert view.next_mark(60) == marks[4]
        assert view.next_mark(len(P1) + 1) is None
        before = view.previous_mark(60)
        assert before is not None and before.start == 4 and before.annotation_id == 2
        assert view.previous_mark(4) == marks[0]
        assert view.previous_mark(0) is None


async def test_marks_are_cleaned_and_replaced() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        view.set_marks(
            [
                Mark(1, -5, 3, "yellow", None, False),
                Mark(2, 10, 10, "yellow", None, False),
                Mark(3, len(TEXT) - 2, len(TEXT) + 50, "yellow", None, False),
            ]
        )
        assert [(m.start, m.end) for m in view.marks_at(0)] == [(0, 3)]
        assert view.marks_at(10) == []
        assert view.marks_at(len(TEXT) - 1)[0].end == len(TEXT)
        view.set_marks([])
        assert view.marks_at(0) == [] and view.next_mark(0) is None


async def test_mark_drawing_innermost_wins_edges_tinted_claims_underlined() -> None:
    text = "alpha beta gamma delta epsilon"
    outer = Mark(1, 0, 22, "#1c3a63", None, False)
    inner = Mark(2, 6, 16, "#5e5200", None, False)
    tie_old = Mark(3, 23, 30, "#5f1d47", "false", False)
    tie_new = Mark(4, 23, 30, "#0d4d4a", None, False)
    app = Host(text, [outer, inner, tie_old, tie_new])
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        view.move_cursor(len(text))
        y = HEADER

        def bg(offset: int) -> str | None:
            color = style_at(view, y, GUTTER + offset).bgcolor
            return None if color is None else Color.from_rich_color(color).hex

        assert bg(3) == "#1C3A63"  # outer interior
        assert bg(8) == "#5E5200"  # inner interior wins
        assert bg(6) not in (None, "#5E5200", "#1C3A63")  # inner's first cell: tinted edge
        assert bg(15) not in (None, "#5E5200", "#1C3A63")  # inner's last cell
        assert bg(0) not in ("#1C3A63", None) and bg(21) not in ("#1C3A63", None)
        assert bg(17) == "#1C3A63"  # outer shows again after the inner mark
        assert bg(22) != bg(21)  # unmarked space
        assert bg(26) == "#0D4D4A"  # same span: the most recent wins
        claim = style_at(view, y, GUTTER + 26)
        plain = style_at(view, y, GUTTER + 3)
        assert claim.underline and not plain.underline
        assert claim.color != plain.color  # drawn in the status colour
        for offset in (3, 8, 26):
            style = style_at(view, y, GUTTER + offset)
            assert style.color is not None and style.bgcolor is not None
            assert (
                contrast_ratio(
                    Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
                )
                >= 3.0
            )


async def test_suggestions_search_and_selection_are_drawn() -> None:
    text = "alpha beta gamma Beta delta"
    app = Host(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(len(text))
        y = HEADER
        plain = style_at(view, y, GUTTER + 1)
        view.set_suggestions([(0, 5)])
        await pilot.pause()
        assert not style_at(view, y, GUTTER + 1).italic
        view.show_suggestions = True
        await pilot.pause()
        assert style_at(view, y, GUTTER + 1).italic
        assert style_at(view, y, GUTTER + 1).underline
        assert not style_at(view, y, GUTTER + 6).italic
        assert view.set_search("beta") == 2
        await pilot.pause()
        found = style_at(view, y, GUTTER + 7)
        assert found.bgcolor is not None and found.bgcolor != plain.bgcolor
        assert style_at(view, y, GUTTER + 18).bgcolor == found.bgcolor
        assert style_at(view, y, GUTTER + 12).bgcolor == plain.bgcolor
        view.select_range(11, 16)
        await pilot.pause()
        selected = style_at(view, y, GUTTER + 12)
        assert selected.bgcolor not in (plain.bgcolor, found.bgcolor)
        assert style_at(view, y, GUTTER + 16).reverse  # the cursor sits at the end
        assert style_at(view, y, GUTTER + 10).bgcolor == plain.bgcolor
        assert view.set_search(None) == 0
        await pilot.pause()
        assert style_at(view, y, GUTTER + 7).bgcolor == plain.bgcolor


async def test_search_matches_wrap_around() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        count = view.set_search("THE")
        starts = [i for i in range(len(TEXT)) if TEXT[i : i + 3].lower() == "the"]
        assert count == len(starts) and count >= 4
        assert starts[0] == 0 == view.cursor
        seen = [view.next_match() for _ in range(count)]
        assert seen == [*starts[1:], starts[0]]  # from a match, "next" is the one after it
        assert view.cursor == starts[0]
        assert view.previous_match() == starts[-1]
        assert view.previous_match() == starts[-2]
        await pilot.pause()
        assert view.set_search("zebra") == 0
        assert view.next_match() is None and view.previous_match() is None


async def test_move_cursor_far_centres_and_select_range() -> None:
    text = "\n".join(f"Paragraph {n} " + WORDS for n in range(1, 60))
    app = Host(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        target = text.index("Paragraph 40 ")
        view.move_cursor(target)
        await pilot.pause()
        row, column, _ = cursor_cell(view)
        assert 10 <= row <= 20 and column == len("¶59 ✎ ")
        assert rows(view)[row].startswith("¶40 ")
        view.select_range(target, target + 12)
        assert view.selection == (target, target + 12) and view.cursor == target + 12
        view.clear_selection()
        assert view.selection is None and view.cursor == target + 12


async def test_light_and_dark_themes_stay_readable() -> None:
    from claimmark.tui.colors import background

    for theme, dark in (("textual-dark", True), ("textual-light", False)):
        marks = [
            Mark(1, 0, 10, background("yellow", dark), None, False),
            Mark(2, 20, 30, background("green", dark), "supported", False),
        ]
        app = Host(TEXT, marks)
        async with app.run_test(size=(100, 30)) as pilot:
            app.theme = theme
            await pilot.pause()
            view = app.query_one(ArticleView)
            view.move_cursor(12)
            for offset, minimum in ((3, 4.5), (15, 4.5), (25, 3.0)):
                style = style_at(view, HEADER, GUTTER + offset)
                assert style.color is not None and style.bgcolor is not None
                ratio = contrast_ratio(
                    Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
                )
                assert ratio >= minimum, (theme, offset, ratio)
            assert style_at(view, HEADER, GUTTER + 12).reverse


async def test_theme_switch_redraws_with_the_new_colours() -> None:
    app = Host(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        before = style_at(view, HEADER, GUTTER + 3).bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        after = style_at(view, HEADER, GUTTER + 3).bgcolor
        assert before != after


async def test_every_key_on_an_empty_article_and_without_a_header() -> None:
    app = Host("", title="", byline="")
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ArticleView)
        assert rows(view)[0].startswith("¶1 ")
        keys = [
            "j",
            "k",
            "left",
            "right",
            "w",
            "b",
            ")",
            "(",
            "}",
            "{",
            "g",
            "G",
            "pagedown",
            "pageup",
            "space",
            "v",
            "shift+right",
            "s",
            "p",
            "escape",
            "escape",
        ]
        await pilot.press(*keys)
        assert view.cursor == 0 and view.selection is None
        assert cursor_cell(view) == (0, GUTTER, " ")
        assert view.set_search("x") == 0 and view.marks_at(0) == []


async def test_set_article_resets_state_and_move_cursor_can_extend() -> None:
    app = Host(TEXT, [Mark(1, 0, 5, "#5e5200", None, False)])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.move_cursor(10)
        view.move_cursor(20, select=True)
        assert view.selection == (10, 20)
        view.move_cursor(30)
        assert view.selection is None and view.cursor == 30
        view.select_range(3, 8)
        view.set_search("the")
        view.set_article("Another", "", "Tabs\tand a bell\x07 stay one cell.\nSecond.")
        await pilot.pause()
        assert (view.cursor, view.selection, view.marks_at(2)) == (0, None, [])
        assert view.next_match() is None
        shown = rows(view)
        assert shown[0].strip() == "Another" and shown[1].strip() == ""
        assert shown[2][GUTTER:].startswith("Tabs and a bell\ufffd stay one cell.")
        await pilot.press("w", "w")
        assert view.cursor == len("Tabs\tand ")


class JumpingHost(Host):
    """Moves the cursor far down as soon as it mounts, before the view has a size."""

    def load(self) -> None:
        super().load()
        view = self.query_one(ArticleView)
        assert view.size.width == 0  # not laid out yet
        view.move_cursor(self.article[2].index("Paragraph 50 "))
        view.select_range(view.cursor, view.cursor + 9)


async def test_cursor_moved_before_the_first_layout_is_shown() -> None:
    text = "\n".join(f"Paragraph {n} " + WORDS for n in range(1, 60))
    app = JumpingHost(text)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        row, _, shown = cursor_cell(view)
        assert rows(view)[row].startswith("¶50 ") or rows(view)[row - 1].startswith("¶50 ")
        assert view.selection == (text.index("Paragraph 50 "), view.cursor)


# -- pure helpers -------------------------------------------------------------------------------


def test_display_text_keeps_offsets() -> None:
    assert display_text("a\tb\x07c\nd") == "a b\ufffdc\nd"
    assert display_text("plain") == "plain"
    assert is_simple("Kyiv’s “quote” — dash…")
    assert not is_simple("中") and not is_simple("e\u0301") and not is_simple("a\tb")


PIECES = [
    "a",
    "bb",
    "word",
    " ",
    " ",
    "中",
    "😀",
    "e\u0301",
    "👨\u200d👩\u200d👧",
    "—",
    "“x”",
    "https://x.y/zzzzzzzz",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(min_value=1, max_value=30))
def test_wrapping_invariants(pieces: list[str], width: int) -> None:
    text = "".join(pieces)
    starts = wrap_paragraph(text, 0, len(text), width, is_simple(text))
    assert starts[0] == 0
    assert all(a < b for a, b in zip(starts, starts[1:], strict=False))
    spans, _ = split_graphemes(text)
    boundaries = {start for start, _, _ in spans} | {len(text)}
    assert set(starts) <= boundaries  # never inside a grapheme (wide chars stay whole)
    ends = [*starts[1:], len(text)]
    for index, (a, b) in enumerate(zip(starts, ends, strict=True)):
        line = text[a:b]
        last = index == len(starts) - 1
        if not last and line.endswith(" "):
            line = line[:-1]  # the break space may use the spare cell
        size = cell_len(line)
        single = len(split_graphemes(line)[0]) == 1  # one grapheme wider than the width
        assert size <= width or single, (line, width)


def reference_wrap(text: str, width: int) -> list[int]:
    """The wrapping rules, walked grapheme by grapheme over the whole paragraph."""
    spans, total = split_graphemes(text)
    starts = [0]
    index = column = first = 0
    breakable = -1
    while index < len(spans):
        start, end, size = spans[index]
        if end - start == 1 and text[start] == " ":
            column += 1
            index += 1
            if index - 1 > first:
                breakable = index
            if column > width:
                starts.append(spans[index][0] if index < len(spans) else len(text))
                column, first, breakable = 0, index, -1
            continue
        if column + size <= width or column == 0:
            column += size
            index += 1
            if size == 2:
                breakable = index
            continue
        if breakable > first:
            index = breakable
        starts.append(spans[index][0])
        column, first, breakable = 0, index, -1
    return starts


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "中文字", "한국어", "ab cd ef", "\u0301"]), max_size=80),
    st.integers(min_value=1, max_value=30),
)
def test_fast_wrapping_matches_the_grapheme_walk(pieces: list[str], width: int) -> None:
    text = "".join(pieces)
    expected = reference_wrap(text, width)
    assert wrap_paragraph(text, 0, len(text), width, is_simple(text)) == expected
    assert wrap_paragraph(text, 0, len(text), width, False) == expected
    padded = "xx\n" + text + "\nyy"  # a paragraph inside a longer text
    shifted = wrap_paragraph(padded, 3, 3 + len(text), width, False)
    assert shifted == [3 + start for start in expected]


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=1))
def test_simple_means_one_cell_per_character(character: str) -> None:
    if is_simple(character):
        assert get_character_cell_size(character) == 1


async def test_scroll_indicator_shows_where_the_view_is() -> None:
    """A long text gets a thumb in the last column: at the top, then at the bottom after
    `G`; a text that fits gets none."""
    long_text = "\n".join(f"Paragraph {n} says something worth reading." for n in range(200))
    app = Host(long_text)
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ArticleView)
        column = indicator(view)
        assert column[0] == "▐" and column.count("▐") == 1 and set(column[1:]) == {" "}
        await pilot.press("G")
        await pilot.pause()
        column = indicator(view)
        assert column[-1] == "▐" and column.count("▐") == 1
    app = Host(TEXT)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "▐" not in indicator(app.query_one(ArticleView))
