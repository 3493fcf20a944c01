"""The real `claimmark` in a real terminal (tmux): the library opens before its damage check
has run, and a damaged file still ends it with one line and status 1."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from claimmark.store.models import AnnotationDraft
from claimmark.store.store import Store
from tests.tui.test_real_terminal import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def test_a_damaged_library_found_after_the_first_frame_ends_the_tui(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Store(db) as store:
        article = store.add_article("Harbour plan", "", "/h.txt", "Some text. " * 2000).article
        for i in range(300):
            store.create_annotation(AnnotationDraft(article.id, i, i + 5, note=f"n{i}"))
        store.set_setting("theme", "textual-dark")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    # A failing disk, far from the schema: the library opens, the check finds it.
    for offset in range(len(data) - 6 * 4096, len(data) - 4096, 2 * 4096):
        data[offset + 8 : offset + 2000] = bytes(range(256)) * 7 + bytes(200)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    line = shlex.join([sys.executable, "-m", "claimmark.tui", "--db", str(db)])
    term = Tmux(f"{line}; echo EXIT=$?")
    try:
        screen = term.wait_for("EXIT=")
    finally:
        term.close()
    assert "EXIT=1" in screen, screen
    assert "damaged" in screen and ".recover" in screen and "Traceback" not in screen
    assert db.read_bytes() == before  # nothing was written into it
