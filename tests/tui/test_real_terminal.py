"""The real `claimmark` command in a real terminal (tmux), annotated by keys."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from claimmark.store.models import Attribution, Claim, ClaimStatus, Confidence
from claimmark.store.store import Store

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

STORY = (
    "Harbour council approves new sea wall\n"
    "The council approved a new sea wall on Tuesday, the mayor said.\n"
    "Engineers told the meeting that work could start in spring.\n"
    "By A. Reporter\n"
)


def _terminal_env() -> dict[str, str]:
    """The environment minus COLUMNS/LINES (pytest-xdist workers set them, and Textual
    would size itself by them instead of by the tmux window)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return {**env, "TERM": "xterm-256color"}


class Tmux:
    """One program in a private tmux server."""

    def __init__(self, command: str, cols: int = 110, rows: int = 32) -> None:
        self.socket = f"cm-test-{uuid.uuid4().hex[:8]}"
        self.run(
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(cols),
            "-y",
            str(rows),
            "bash",
            "-c",
            f"cd {shlex.quote(str(ROOT))} && {command}; sleep 60",
        )

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=_terminal_env(),
        ).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        """Type `keys` in order, all at once (tmux writes them to the terminal in one go,
        as a fast typist or a paste would; callers then `wait_for` what they show)."""
        self.run("send-keys", "-t", "t", *keys)

    def close(self) -> None:
        self.run("kill-server")


def test_annotate_by_keys_in_tmux(tmp_path: Path) -> None:
    """Every key typed at once, with no waiting for the tags dialog or the claim form to
    open: each lands where the focus is after the keys before it."""
    story = tmp_path / "wall.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "lib.db"
    command = shlex.join(
        [sys.executable, "-m", "claimmark.tui", "--db", str(db), "open", str(story)]
    )
    term = Tmux(command)
    try:
        term.wait_for("Harbour council approves")
        term.keys(
            *("s", "t", "council-vote", "Enter"),  # tag the first sentence
            *(")", "s", "c"),  # a claim on the second, every field:
            *("Engineers", "Enter", "Harbour Gazette > engineers", "Enter"),
            *("d", "Enter", "d", "Enter", "h", "Enter"),  # direct quote, disputed, high
            *("https://example.org/wall", "Enter", "sea-wall", "Enter", "Ask about costs"),
            "C-s",
        )
        term.wait_for("disputed  Engineer")  # the claim, saved, in the pane
        term.keys("q")
    finally:
        term.close()
    with Store(db) as store:
        annotations = store.list_annotations(1)
    assert [a.tags for a in annotations] == [("council-vote",), ("sea-wall",)]
    assert annotations[0].quote == "The council approved a new sea wall on Tuesday, the mayor said."
    assert annotations[1].quote == "Engineers told the meeting that work could start in spring."
    assert annotations[1].claim == Claim(
        claimant="Engineers",
        sources=("Harbour Gazette", "engineers"),
        status=ClaimStatus.DISPUTED,
        confidence=Confidence.HIGH,
        attribution=Attribution.DIRECT_QUOTE,
        evidence=("https://example.org/wall",),
    )
    assert annotations[1].note == "Ask about costs"
