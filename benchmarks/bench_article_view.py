"""Benchmark the article view on a 1 MB article with 5,000 marks, in-process (no terminal).

Prints:

- time to the first frame (app start, set_article, set_marks, first render) against a plain
  Textual `Static` holding the same text;
- median and p90 time per key for j, w, ), ] measured around `pilot.press`, next to a key
  nothing is bound to (Pilot's own waiting, about 60 ms, dominates these);
- the key-to-screen latency: from a key event to the frame that shows it, rendered to the
  bytes a terminal would get, next to Textual's `Log` scrolling one line per key;
- the edit path: the whole reader (view, pane, store) on the article with an annotation on
  each mark, from h, x and u to the frame showing the edit, and the screen's own work per
  edit (patching one mark and one pane entry) beside rebuilding every one of them;
- the view's own work per key (action + re-rendering every visible line);
- re-wrap time: a terminal resize to the re-wrapped frame, and the wrapper called directly,
  also on 1 MB with an emoji in every paragraph and on 1 MB of CJK text;
- peak traced memory (tracemalloc) of the app with the view and with the `Static`.

    python benchmarks/bench_article_view.py
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace as dataclass_replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from rich.console import RenderableType  # noqa: E402
from textual import events  # noqa: E402
from textual._compositor import CompositorUpdate  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.geometry import Size  # noqa: E402
from textual.keys import _character_to_key  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Log, Static  # noqa: E402

from claimmark.store.store import Store  # noqa: E402
from claimmark.store.text import paragraph_spans  # noqa: E402
from claimmark.tui.app import ClaimmarkApp  # noqa: E402
from claimmark.tui.screens.reader import ReaderScreen  # noqa: E402
from claimmark.tui.widgets.article_view import ArticleView  # noqa: E402
from claimmark.tui.widgets.marks import Mark  # noqa: E402
from claimmark.tui.widgets.wrapping import is_simple, wrap_paragraphs  # noqa: E402

SIZE = (120, 40)
TARGET_CHARS = 1_000_000
MARKS = 5_000
PRESSES = 100

_WORDS = (
    "the government has signalled it will fund a regional flood barrier officials said "
    "minister told reporters that decision is close according to report in Harbour Gazette "
    "senior engineers have since indicated could be ready by 2029 council budget million "
    "residents coastal plan inquiry evidence spokesperson confirmed privately acknowledged"
).split()
_COLORS = ("#5e5200", "#1d4d2b", "#1c3a63", "#5f1d47", "#5f3300", "#3b2763", "#0d4d4a")
_STATUSES = (
    None,
    None,
    "unverified",
    "supported",
    "disputed",
    "false",
    "misleading",
    "unverifiable",
)


def make_article(seed: int = 7) -> str:
    """About 1 MB of news-like prose: one paragraph per line, curly quotes and dashes."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < TARGET_CHARS:
        sentences = []
        for _ in range(rng.randint(1, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 30))]
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                words.insert(rng.randint(1, len(words) - 1), "“" + rng.choice(_WORDS) + "”")
            if rng.random() < 0.2:
                words.insert(rng.randint(1, len(words) - 1), "—")
            sentences.append(" ".join(words) + rng.choice(".!?."))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


def make_marks(text: str, count: int = MARKS, seed: int = 11) -> list[Mark]:
    """`count` marks spread over the text, some nested, some claims, some with notes."""
    rng = random.Random(seed)
    marks = []
    for number in range(1, count + 1):
        start = rng.randrange(0, len(text) - 400)
        end = start + rng.randint(5, 300)
        marks.append(
            Mark(number, start, end, rng.choice(_COLORS), rng.choice(_STATUSES), rng.random() < 0.2)
        )
    return marks


class ViewHost(App[None]):
    """Just the article view; `]` jumps to the next mark as the reader screen does."""

    BINDINGS = [Binding("right_square_bracket", "next_mark", "Next mark")]

    def __init__(self, text: str, marks: list[Mark]) -> None:
        super().__init__()
        self.text = text
        self.marks = marks

    def compose(self) -> ComposeResult:
        yield ArticleView()

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        start = time.perf_counter()
        view.set_article("A long article", "By Bench Mark", self.text)
        self.set_article_time = time.perf_counter() - start
        start = time.perf_counter()
        view.set_marks(self.marks)
        self.set_marks_time = time.perf_counter() - start
        view.focus()

    def action_next_mark(self) -> None:
        view = self.query_one(ArticleView)
        mark = view.next_mark(view.cursor)
        if mark is not None:
            view.move_cursor(mark.start)


class StaticHost(App[None]):
    """The baseline: the same text in a Static inside a VerticalScroll."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False)


class LogHost(App[None]):
    """A baseline for scrolling: Textual's own Line API `Log` holding the article."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Log()

    def on_mount(self) -> None:
        log = self.query_one(Log)
        log.write_lines(self.text.split("\n"), scroll_end=False)
        log.focus()


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def first_frame(app: App[None]) -> float:
    """Seconds from starting the app to its first frame being rendered."""
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return time.perf_counter() - start


async def key_latencies(text: str, marks: list[Mark]) -> dict[str, list[float]]:
    """Seconds per `pilot.press` for each key, from the top of the article."""
    app = ViewHost(text, marks)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for key in ("x", "j", "w", ")", "]"):
            view.move_cursor(0)
            await pilot.pause()
            times = []
            for _ in range(PRESSES):
                start = time.perf_counter()
                await pilot.press(key)
                times.append(time.perf_counter() - start)
            results[key] = times
    return results


class DisplayProbe:
    """Times from an input event to the frame that answers it (the update the app hands
    to its driver, rendered to the escape sequences a terminal would receive)."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.frame = asyncio.Event()
        self.original = app._display
        app._display = self._display  # type: ignore[method-assign]

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        self.original(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.app.console)
            self.frame.set()

    async def time(self, send: Callable[[], None]) -> float:
        """Seconds from `send()` to the next frame (after a pause so frames don't queue)."""
        await asyncio.sleep(0.03)
        self.frame.clear()
        start = time.perf_counter()
        send()
        await asyncio.wait_for(self.frame.wait(), timeout=5)
        return time.perf_counter() - start


def key_sender(app: App[None], key: str) -> Callable[[], None]:
    """A function that sends `key` through the driver, as a terminal would."""
    name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
    character = key if len(key) == 1 else None

    def send() -> None:
        event = events.Key(name, character)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)

    return send


async def key_to_frame(text: str, marks: list[Mark]) -> dict[str, list[float]]:
    """Seconds from a key event to the frame showing its effect, per key."""
    app = ViewHost(text, marks)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = DisplayProbe(app)
        view = app.query_one(ArticleView)
        for key in ("j", "w", ")", "]", "k", "b", "pagedown"):
            view.move_cursor(0 if key not in ("k", "b") else len(text) // 2)
            await pilot.pause()
            send = key_sender(app, key)
            results[key] = [await probe.time(send) for _ in range(PRESSES)]
    return results


async def log_scroll_to_frame(text: str) -> list[float]:
    """Seconds from a `down` key to the frame, in a `Log` (every key scrolls a line)."""
    app = LogHost(text)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = DisplayProbe(app)
        send = key_sender(app, "down")
        return [await probe.time(send) for _ in range(PRESSES)]


async def resize_to_frame(text: str, marks: list[Mark]) -> dict[str, float]:
    """Seconds from a terminal resize to the re-wrapped frame."""
    app = ViewHost(text, marks)
    results: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = DisplayProbe(app)
        for width in (60, 120, 80, 120):
            size = Size(width, SIZE[1])

            def send(size: Size = size) -> None:
                app._driver._size = size  # type: ignore[union-attr]
                app.post_message(events.Resize(size, size))

            results[f"resize to {width} cols -> frame"] = await probe.time(send)
            await pilot.pause()
    return results


async def view_work(text: str, marks: list[Mark]) -> dict[str, list[float]]:
    """Seconds the view itself spends per motion: the action plus re-rendering visible lines."""
    app = ViewHost(text, marks)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        height = view.scrollable_content_region.height
        actions: dict[str, Callable[[], None]] = {
            "j": view.action_cursor_down,
            "w": view.action_word_next,
            ")": view.action_sentence_next,
            "]": app.action_next_mark,
        }
        for key, action in actions.items():
            view.move_cursor(0)
            await pilot.pause()
            times = []
            for _ in range(PRESSES):
                start = time.perf_counter()
                action()
                for y in range(height):
                    view.render_line(y)
                times.append(time.perf_counter() - start)
                await pilot.pause()
            results[key] = times
    return results


async def resize_times(text: str, marks: list[Mark]) -> dict[str, float]:
    """Seconds to re-wrap: a terminal resize via Pilot, and direct calls to the wrapper."""
    app = ViewHost(text, marks)
    results: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for width in (60, 120, 60, 120):
            start = time.perf_counter()
            await pilot.resize_terminal(width, SIZE[1])
            await pilot.pause()
            results[f"pilot resize to {width} cols (incl. repaint)"] = time.perf_counter() - start
        for width in (55, 90, 115):
            samples = []
            for _ in range(5):
                start = time.perf_counter()
                view.rewrap(width)
                samples.append(time.perf_counter() - start)
            results[f"wrap at {width} text cols (median of 5)"] = statistics.median(samples)
    return results


async def peak_memory(text: str, marks: list[Mark]) -> tuple[float, float]:
    """Peak traced MB: the view with marks after a first frame, and the Static baseline."""
    peaks = []
    for make in (lambda: ViewHost(text, marks), lambda: StaticHost(text)):
        gc.collect()
        tracemalloc.start()
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if isinstance(app, ViewHost):
                await pilot.press(*"jjjjjwww)))]]]")
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    return peaks[0], peaks[1]


def wrap_variants(text: str) -> dict[str, float]:
    """Seconds to wrap 1 MB at 90 text columns: the article, the article with an emoji in
    every paragraph, and CJK text (two cells a character)."""
    rng = random.Random(3)
    emoji = "\n".join(p[:40] + " 😀 " + p[40:] for p in text.split("\n"))
    cjk_chars = "中文字符测试这是一个很长的段落用来宽的换行，。"
    cjk_paragraphs = []
    size = 0
    while size < TARGET_CHARS:
        paragraph = "".join(rng.choice(cjk_chars) for _ in range(rng.randint(100, 600)))
        cjk_paragraphs.append(paragraph)
        size += len(paragraph) + 1
    results = {}
    for label, variant in (
        ("article", text),
        ("article + an emoji per paragraph", emoji),
        ("CJK text", "\n".join(cjk_paragraphs)),
    ):
        spans = paragraph_spans(variant)
        simple = [is_simple(variant[start:end]) for start, end in spans]
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            wrap_paragraphs(variant, spans, simple, 90)
            samples.append(time.perf_counter() - start)
        results[f"wrap 1 MB {label} at 90 cols"] = statistics.median(samples)
    return results


def reader_library(folder: Path, text: str, marks: list[Mark]) -> Path:
    """A library holding the article with one annotation on each mark's span."""
    db = folder / "edit.db"
    with Store(db) as store:
        article = store.add_article("A long article", "By Bench Mark", "/long.txt", text).article
        store.conn.execute("BEGIN IMMEDIATE")  # bulk set-up only: one transaction
        for number, mark in enumerate(marks):
            store.conn.execute(
                'INSERT INTO annotations (article_id, start, "end", quote, created_at, '
                "updated_at, color, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id,
                    mark.start,
                    mark.end,
                    text[mark.start : mark.end],
                    "2026-01-01",
                    "2026-01-01",
                    ("yellow", "green", "blue")[number % 3],
                    "a note" if mark.has_note else "",
                ],
            )
        store.conn.execute("COMMIT")
    return db


async def edit_path(text: str, marks: list[Mark]) -> dict[str, list[float]]:
    """The reader on the article with an annotation per mark: seconds from an edit key to
    the frame showing it (h cycles the colour of the annotation under the cursor, x
    deletes it, u brings it back), and the screen's own work per edit: patching one mark
    and one pane entry, against rebuilding all of them (what every edit did before)."""
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        with Store(reader_library(Path(folder), text, marks)) as store:
            app = ClaimmarkApp(store, article_id=1)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                reader = app.screen
                assert isinstance(reader, ReaderScreen)
                while not reader._suggestions_ready:  # steady state: the worker is done
                    await asyncio.sleep(0.05)
                probe = DisplayProbe(app)
                await probe.time(key_sender(app, "right_square_bracket"))
                for key in ("h", "x", "u"):
                    results[key] = []
                for _ in range(PRESSES // 2):
                    for key in ("h", "x", "u"):
                        results[key].append(await probe.time(key_sender(app, key)))
                annotation = reader.annotation_here()
                assert annotation is not None
                patch, rebuild = [], []
                for number in range(PRESSES):
                    changed = dataclass_replace(annotation, color=("green", "blue")[number % 2])
                    start = time.perf_counter()
                    reader._show_change(annotation.id, changed)
                    patch.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    reader._refresh_marks()
                    rebuild.append(time.perf_counter() - start)
                    await pilot.pause()
                results["patch one mark and one pane entry"] = patch
                results["rebuild every mark and pane entry"] = rebuild
    return results


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for printing."""
    return f"{seconds * 1000:8.1f} ms"


async def main() -> None:
    """Run every measurement and print the figures."""
    text = make_article()
    marks = make_marks(text)
    paragraphs = text.count("\n") + 1
    print(
        f"article: {len(text):,} chars, {paragraphs:,} paragraphs, {len(marks):,} marks; "
        f"terminal {SIZE[0]}x{SIZE[1]}"
    )

    view_app = ViewHost(text, marks)
    view_first = await first_frame(view_app)
    static_first = await first_frame(StaticHost(text))
    print("\nfirst frame (app start -> first render)")
    print(f"  ArticleView + 5,000 marks {ms(view_first)}")
    print(
        f"  Static baseline           {ms(static_first)}   "
        f"(ArticleView / Static = {view_first / static_first:.3f})"
    )
    print(
        f"  of which set_article      {ms(view_app.set_article_time)}   "
        "(paragraphs, cell-width classes; wrapping waits for the first layout)"
    )
    print(f"  of which set_marks        {ms(view_app.set_marks_time)}")

    latencies = await key_latencies(text, marks)
    floor = statistics.median(latencies["x"])
    print("\nper key, around pilot.press (includes Pilot's own waiting)")
    for key, times in latencies.items():
        label = "unbound key (floor)" if key == "x" else key
        print(
            f"  {label:20} median {ms(statistics.median(times))}  "
            f"p90 {ms(percentile(times, 0.9))}  "
            f"(median / floor = {statistics.median(times) / floor:.2f})"
        )

    frames = await key_to_frame(text, marks)
    print("\nper key, key event -> frame rendered to terminal bytes (target p90 < 16.7 ms)")
    for key, times in frames.items():
        print(
            f"  {key:20} median {ms(statistics.median(times))}  "
            f"p90 {ms(percentile(times, 0.9))}  max {ms(max(times))}"
        )

    log_times = await log_scroll_to_frame(text)
    print(
        f"  {'Log baseline: down':20} median {ms(statistics.median(log_times))}  "
        f"p90 {ms(percentile(log_times, 0.9))}  max {ms(max(log_times))}"
        "   (scrolls one line per key: a full repaint every time)"
    )

    edits = await edit_path(text, marks)
    print(
        "\nedit path: the reader with an annotation on each mark, key event -> frame "
        "(target p90 < 16.7 ms)"
    )
    for key, label in (("h", "h (colour)"), ("x", "x (delete)"), ("u", "u (undo)")):
        times = edits.pop(key)
        print(
            f"  {label:20} median {ms(statistics.median(times))}  "
            f"p90 {ms(percentile(times, 0.9))}  max {ms(max(times))}"
        )
    print("  the screen's own work per edit, after the store's write:")
    for label, times in edits.items():
        print(f"    {label:34} median {ms(statistics.median(times))}")

    work = await view_work(text, marks)
    print("\nper key, the view's own work (action + re-render of all visible lines)")
    for key, times in work.items():
        print(f"  {key:20} median {ms(statistics.median(times))}  p90 {ms(percentile(times, 0.9))}")

    resize = await resize_times(text, marks)
    resize.update(await resize_to_frame(text, marks))
    resize.update(wrap_variants(text))
    print("\nre-wrap")
    for label, seconds in resize.items():
        print(f"  {label:44} {ms(seconds)}")

    view_peak, static_peak = await peak_memory(text, marks)
    print("\npeak traced memory (tracemalloc, whole app)")
    print(f"  ArticleView + marks {view_peak:8.1f} MB")
    print(f"  Static baseline     {static_peak:8.1f} MB")


if __name__ == "__main__":
    asyncio.run(main())
