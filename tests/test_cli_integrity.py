"""The command line when things go wrong: full disks, damaged or foreign files, read-only
folders, symlink loops, commands that fail half way, and backups with article versions.

Bugs that need a real process (a file size limit, a terminal that is not there) run the
command in a subprocess; the rest run it in-process."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimmark.store.store import Store
from claimmark.tui.cli import main

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "Ministers signal backing for coastal flood plan\n"
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "By Jane Example"
)


class Run:
    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def one_line_error(self, status: int = 1) -> str:
        assert self.status == status, (self.out, self.err)
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("claimmark: ") and "Traceback" not in self.err
        return lines[0]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(tmp_path / "lib.db"))

    def invoke(*args: str) -> Run:
        capsys.readouterr()
        try:
            main(list(args))
            status = 0
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else 1
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return invoke


def claimmark(
    *args: str, db: Path, stdin: int | None = subprocess.DEVNULL, preexec=None
) -> subprocess.CompletedProcess[str]:
    """The real command in its own process."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run(
        [sys.executable, "-m", "claimmark.tui", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=stdin,
        env=env,
        preexec_fn=preexec,
        timeout=60,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("claimmark: ")
    return lines[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# -- backups hold every version -------------------------------------------------------------


def _library_with_versions(run, story: Path) -> None:
    assert run("add", str(story)).status == 0
    assert run("annotate", "1", "--quote", "two officials said", "--note", "on v1").status == 0
    story.write_text(STORY.replace("2029", "2031"), encoding="utf-8")
    assert "new version of #1" in run("add", str(story)).out
    assert run("annotate", "2", "--quote", "by 2031", "--note", "on v2").status == 0


def test_export_all_json_holds_every_version_and_round_trips(
    run, story: Path, tmp_path: Path
) -> None:
    _library_with_versions(run, story)
    backup = tmp_path / "backup.json"
    assert run("export", "--all", "--format", "json", "-o", str(backup)).status == 0
    document = json.loads(backup.read_text())
    assert len(document["claimmark:articles"]) == 2
    notes = sorted(b["value"] for i in document["first"]["items"] for b in i.get("body", []))
    assert notes == ["on v1", "on v2"]
    stdout = run("export", "--all", "--format", "json", "-o", "-").out
    assert stdout == backup.read_text()
    other = tmp_path / "restored.db"
    assert run("--db", str(other), "import", str(backup)).status == 0
    restored = json.loads(run("--db", str(other), "list", "--json", "--all-versions").out)
    assert sorted(a["previous_id"] or 0 for a in restored) == [0, 1]  # v2 follows v1 again
    again = tmp_path / "again.json"
    run("--db", str(other), "export", "--all", "--format", "json", "-o", str(again))
    assert again.read_bytes() == backup.read_bytes()


def test_export_all_markdown_holds_every_version(run, story: Path, tmp_path: Path) -> None:
    _library_with_versions(run, story)
    out = tmp_path / "md"
    result = run("export", "--all", "-o", str(out))
    assert result.status == 0, result.err
    texts = [path.read_text() for path in sorted(out.iterdir())]
    assert len(texts) == 2
    assert any("on v1" in t for t in texts) and any("on v2" in t for t in texts)
    stdout = run("export", "--all", "-o", "-").out
    assert "on v1" in stdout and "on v2" in stdout
