"""Launching the reader without click: `claimmark [--db PATH] [open ARTICLE]` is read by
`tui.launch` and behaves exactly as the click CLI does; every other line goes to click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimmark.tui.launch as launch
from claimmark.store.store import Store
from claimmark.tui.cli import main as cli_main
from claimmark.tui.launch import DB_ENV, parse_launch

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The government has signalled it will fund a flood barrier, two officials said."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, None)),
        (["open", "3"], (None, "3")),
        (["open", "flood plan"], (None, "flood plan")),
        (["--db", "lib.db"], (Path("lib.db"), None)),
        (["--db", "lib.db", "open", "x.txt"], (Path("lib.db"), "x.txt")),
        (["--db=lib.db", "open", "3"], (Path("lib.db"), "3")),
        (["--db", "open"], (Path("open"), None)),  # click too takes "open" as the path
    ],
)
def test_launch_lines_are_read_here(args: list[str], expected: object) -> None:
    assert parse_launch(args, {}) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["-V"],
        ["list"],
        ["open"],
        ["open", "1", "2"],
        ["open", "-1"],
        ["open", ""],
        ["open", "--", "1"],
        ["open", "1", "--db", "x.db"],
        ["open", "--help"],
        ["--db"],
        ["--db", "-x"],
        ["--db="],
        ["--db", "a.db", "--db", "b.db"],
        ["--dbx", "a.db"],
        ["--", "open", "1"],
        ["OPEN", "1"],
    ],
)
def test_every_other_line_goes_to_click(args: list[str]) -> None:
    assert parse_launch(args, {}) is None


def test_the_environment_as_click_reads_it(tmp_path: Path) -> None:
    assert parse_launch([], {DB_ENV: "env.db"}) == (Path("env.db"), None)
    assert parse_launch(["--db", "opt.db"], {DB_ENV: "env.db"}) == (Path("opt.db"), None)
    assert parse_launch([], {DB_ENV: ""}) == (None, None)  # empty: unset
    # what click's path check refuses, click reports
    assert parse_launch([], {DB_ENV: str(tmp_path)}) is None
    assert parse_launch(["--db", str(tmp_path)], {}) is None
    assert parse_launch(["open", "1"], {"_CLAIMMARK_COMPLETE": "bash_complete"}) is None


class Outcome:
    """What one command line did: status, output, the reader it opened, the library."""

    def __init__(self, status: int, out: str, err: str, opened: list[object], db: Path) -> None:
        self.status, self.out, self.err, self.opened = status, out, err, opened
        self.titles = [a.title for a in Store(db).list_articles()] if db.exists() else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Outcome) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return repr(vars(self))


@pytest.fixture
def launch_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """Run a command line through `tui.launch.main` and through the click CLI, each on a
    library made afresh (one article) at the same path, with the reader replaced by a
    record of what it would have opened."""
    db = tmp_path / "lib.db"
    story = tmp_path / "story.txt"
    monkeypatch.setenv(DB_ENV, str(db))
    opened: list[object] = []
    monkeypatch.setattr(
        launch,
        "run_tui",
        lambda store, article_id, **options: opened.append((store.path.name, article_id, options)),
    )

    def afresh() -> None:
        for path in tmp_path.glob("*.db*"):
            path.unlink()
        with Store(db) as store:
            store.add_article("Flood plan backed", "By Jane", "/flood.txt", TEXT)
        story.write_text("A second story\nIt has one paragraph.\n", encoding="utf-8")

    def outcome(run) -> Outcome:  # type: ignore[no-untyped-def]
        afresh()
        opened.clear()
        capsys.readouterr()
        try:
            run()
            status = 0
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err, list(opened), db)

    def both(*args: str) -> tuple[Outcome, Outcome]:
        monkeypatch.setattr(sys, "argv", ["claimmark", *args])
        return outcome(launch.main), outcome(lambda: cli_main(list(args)))

    return both


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["open", "1"],
        ["open", "flood"],
        ["open", "STORY"],
        ["open", "999"],
        ["open", "no such title"],
        ["--db", "OTHER", "open", "1"],
        ["--db=OTHER"],
        ["--db", "DIR"],
        ["open"],
        ["--help"],
        ["open", "--help"],
        ["-V"],
        ["list"],
    ],
)
def test_the_same_as_the_click_cli(launch_both, tmp_path: Path, args: list[str]) -> None:
    names = {
        "STORY": str(tmp_path / "story.txt"),
        "OTHER": str(tmp_path / "other.db"),
        "DIR": str(tmp_path),
    }
    args = [names.get(a, a) for a in args]
    args = [a.replace("OTHER", names["OTHER"]) for a in args]
    fast, click = launch_both(*args)
    assert fast == click


def test_no_terminal_is_refused_the_same_way(launch_both, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launch, "run_tui", lambda store, article_id, **_: launch.require_terminal())
    for args in ([], ["open", "1"]):
        fast, click = launch_both(*args)
        assert fast == click
        assert fast.status == 1 and "the reader needs a terminal" in fast.err


def test_opening_the_reader_imports_no_click(tmp_path: Path) -> None:
    """The launch line runs without click or the other commands' modules."""
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.add_article("Flood plan backed", "", "/flood.txt", TEXT)
    probe = (
        "import sys\n"
        "import claimmark.tui.launch as launch\n"
        "launch.require_terminal = lambda: None\n"
        "launch.run_tui = lambda store, article_id, **_: print(article_id, sorted(\n"
        "    m for m in sys.modules if m.startswith(('click', 'claimmark.tui.cli'))\n"
        "))\n"
        "launch.main()\n"
    )
    for args, shown in (([], "None"), (["open", "1"], "1")):
        result = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            text=True,
            env={**os.environ, DB_ENV: str(db)},
            cwd=ROOT,
            check=True,
        )
        assert result.stdout.split() == [shown, "[]"]


def test_the_reader_runs_with_a_short_switch_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the reader runs, a thread waiting for the interpreter (Textual's writer of
    frames) gets it within 1 ms, not Python's default 5 ms (see `launch.run_tui`)."""
    from claimmark.tui.app import ClaimmarkApp

    seen: list[float] = []
    monkeypatch.setattr(launch, "require_terminal", lambda: None)
    monkeypatch.setattr(ClaimmarkApp, "run", lambda app: seen.append(sys.getswitchinterval()))
    default = sys.getswitchinterval()
    try:
        with Store(tmp_path / "lib.db") as store:
            launch.run_tui(store, None)
    finally:
        sys.setswitchinterval(default)
    assert seen == [pytest.approx(0.001)]
