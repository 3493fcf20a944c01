"""The claimmark Textual app: the library, the reader and the claims view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from time import time
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import Notification, Notify, SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from claimmark.store.errors import ClaimmarkError
from claimmark.store.sanitize import visible
from claimmark.store.store import Store
from claimmark.tui.collector import IdleCollector
from claimmark.tui.key_order import OrderedKeysApp
from claimmark.tui.launch import settle_after_startup
from claimmark.tui.textual_private import drop_emptied_toast_holders
from claimmark.tui.writes import WriteQueue

if TYPE_CHECKING:  # made when first returned (see store.results)
    from claimmark.store.results import DeletedArticles, TagChange


MAX_NOTICES = 2
"""Notifications on screen at once, at most."""

NOTICE_SEEN_S = 1.0
"""A notification up this long has been seen: a newer one of its kind replaces it."""


def _notice_kind(severity: str) -> str:
    return "problem" if severity in ("warning", "error") else "news"


def _expire(notification: Notification) -> None:
    """Let `notification` go: Textual drops an expired one from its list (and its toast)
    when it adds the next."""
    notification.timeout = 0


@dataclass
class LibraryHistory:
    """Changes to the library as a whole that `u` undoes until the app closes: deleted
    articles (in the library) and tag renames, merges and deletes (on the tags screen)."""

    deleted: list[DeletedArticles] = field(default_factory=list)
    tag_changes: list[TagChange] = field(default_factory=list)


class ClaimmarkApp(OrderedKeysApp[None]):
    """Read news articles critically: highlight, tag, note and record claims.

    Keys are handled one at a time, each after the effects of the one before (see
    `tui.key_order`), so keys typed in a burst land where the focus is by then.
    """

    CSS_PATH = "app.tcss"
    TITLE = "claimmark"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]
    """App-wide keys (each screen adds its own)."""

    waiting_writes: reactive[int] = reactive(0)
    """Changes waiting for another process to let go of the write lock (see tui.writes);
    the key line says so while there are any."""

    OUTSIDE_CHANGES_EVERY_S = 0.5
    """How often the app asks SQLite whether another process changed the library."""

    def __init__(
        self, store: Store, article_id: int | None = None, *, exact_version: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.article_id = article_id
        self.exact_version = exact_version
        """Open `article_id` itself even when it is an older version (read as history)."""
        # Writes never wait for the lock on the UI thread: the queue retries instead.
        store.lock_wait = 0.0
        self.writes = WriteQueue(self)
        self._notices: list[Notification] = []
        """The notifications posted that may still be showing, oldest first."""
        self._data_version: int | None = None
        self.history = LibraryHistory()
        """What the library and tags screens can undo."""
        self.collector = IdleCollector(self)
        """Runs Python's full garbage collection between keys (see tui.collector)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.collector.input_arrived()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.collector.stop()

    def get_default_screen(self) -> Screen:
        """The library, or the reader when opened on one article (the library is then
        built only if the user goes back to it). As the first screen, rather than one
        pushed over an empty default screen, it is composed and drawn once (~15 ms
        sooner to the first frame)."""
        if self.article_id is None:
            from claimmark.tui.screens.library import LibraryScreen

            return LibraryScreen(self.store)
        from claimmark.tui.screens.reader import ReaderScreen

        return ReaderScreen(self.store, self.article_id, exact_version=self.exact_version)

    def on_mount(self) -> None:
        self.call_after_refresh(settle_after_startup)
        self.call_after_refresh(self.collector.start)
        self.call_after_refresh(self._check_for_damage)
        theme = self.store.get_setting("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self._data_version = self.store.data_version()
        self.set_interval(self.OUTSIDE_CHANGES_EVERY_S, self.check_outside_changes)

    @work(thread=True, exit_on_error=False)
    def _check_for_damage(self) -> None:
        """The library's damage check, put off until the first frame (see `Store`): a
        damaged file ends the app with one line and status 1, as opening it would."""
        try:
            self.store.check_for_damage()
        except ClaimmarkError as error:
            message = visible(" ".join(str(error).split()))
            self.call_from_thread(self.exit, None, 1, f"claimmark: error: {message}")

    def check_outside_changes(self) -> None:
        """If another process or window committed a change since the last look, let the
        screen show it (`refresh_from_store`). `PRAGMA data_version` costs microseconds and
        does not change for this app's own writes."""
        try:
            version = self.store.data_version()
        except ClaimmarkError:
            return
        if version == self._data_version:
            return
        # The top screen that shows the library (a dialog may be open over it).
        for screen in reversed(self.screen_stack):
            refresh = getattr(screen, "refresh_from_store", None)
            if refresh is not None:
                if not screen.is_mounted:
                    return  # a screen still being put up: look again on the next tick
                self._data_version = version
                refresh()
                return
        self._data_version = version

    async def action_quit(self) -> None:
        """Quit; with changes still waiting for the database, ask first."""
        waiting = self.writes.waiting
        if not waiting:
            self.exit()
            return
        from claimmark.tui.dialogs import ConfirmDialog

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        changes = "1 change is" if waiting == 1 else f"{waiting} changes are"
        self.push_screen(
            ConfirmDialog(
                f"{changes} still waiting for the database (another program is writing)."
                " Quit without saving them?"
            ),
            answered,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification without letting them pile up: at most two are on screen.
        A new one replaces those of its kind (news, or a problem: a warning or an error)
        that have been up for `NOTICE_SEEN_S`; if that still leaves more than two, the
        oldest of its kind goes, else the oldest. So the latest news and the latest
        problem stay, and two messages given together are both read. None shows over a
        dialog (see dialogs.tcss); one still due shows when the dialog closes.

        Every one of claimmark's may quote stored or typed text (a title, a query, an error
        naming a file), so none is read as markup, whatever the caller passes, and any
        control character in it is shown as U+FFFD. Safe from any thread, as Textual's."""
        notification = Notification(
            visible(message),
            visible(title),
            severity,
            self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=False,
        )
        kind = _notice_kind(severity)
        showing = [n for n in self._notices if not n.has_expired]
        for old in showing:
            if _notice_kind(old.severity) == kind and time() - old.raised_at >= NOTICE_SEEN_S:
                _expire(old)
        showing = [n for n in showing if not n.has_expired]
        while len(showing) >= MAX_NOTICES:
            same = [n for n in showing if _notice_kind(n.severity) == kind]
            oldest = (same or showing)[0]
            _expire(oldest)
            showing.remove(oldest)
        self._notices = [*showing, notification]
        # What the ones replaced before left behind (on the app's thread: call_later
        # posts a message, safe from any thread, as Notify is).
        self.call_later(drop_emptied_toast_holders, self)
        self.post_message(Notify(notification))

    def withdraw(self, message: str) -> None:
        """Take down the notifications showing `message` (advice that an action has made
        stale, such as "press u to undo" once undone). They go when the next notification
        is put up: the caller's, which says what the action did."""
        for notice in self._notices:
            if notice.message == visible(message):
                _expire(notice)

    def clear_notifications(self) -> None:
        """Clear every notification, and forget them as showing (so that a cleared one
        never makes room for itself by pushing out the next)."""
        self._notices = []
        super().clear_notifications()
        self.call_after_refresh(drop_emptied_toast_holders, self)

    def watch_theme(self, theme: str) -> None:
        try:
            if self.store.get_setting("theme") != theme:
                self.store.set_setting("theme", theme)
        except Exception:  # a read-only library keeps the theme for this session only
            pass

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen, as a command in the palette."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for node in (screen, *screen.query("*")):
            for binding in getattr(type(node), "BINDINGS", []):
                if not isinstance(binding, Binding) or binding.action in seen:
                    continue
                if binding.action.startswith(("cursor_", "app.")) or not binding.description:
                    continue
                seen.add(binding.action)
                key = self.get_key_display(binding)
                yield SystemCommand(
                    f"{binding.description} ({key})",
                    binding.tooltip or binding.description,
                    _runner(node, binding.action),
                )


def claimmark_app(node: DOMNode) -> ClaimmarkApp:
    """The claimmark app `node` (a screen or widget) runs in, where its queue of writes
    and its undo history are kept."""
    app = node.app
    assert isinstance(app, ClaimmarkApp)
    return app


def _runner(node: object, action: str):  # type: ignore[no-untyped-def]
    async def run() -> None:
        await node.run_action(action)  # type: ignore[attr-defined]

    return run
