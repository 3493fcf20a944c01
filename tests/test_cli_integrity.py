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
from tests.cli import cli_runner

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "Ministers signal backing for coastal flood plan\n"
    "The government has signalled it will fund a regional flood barrier, two officials said.\n"
    "Senior engineers have since indicated the barrier could be ready by 2029.\n"
    "By Jane Example"
)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMMARK_DB", str(tmp_path / "lib.db"))

    return cli_runner(capsys)


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


# -- files that are not ours, or not sound ---------------------------------------------------


def test_a_refused_foreign_sqlite_file_is_left_byte_identical(
    run, tmp_path: Path, story: Path
) -> None:
    foreign = tmp_path / "app" / "other-app.db"
    foreign.parent.mkdir()
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('bread')")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback journal, not WAL
    for args in (("list",), ("add", str(story)), ("annotations", "1")):
        message = run("--db", str(foreign), *args).one_line_error()
        assert "not a claimmark database" in message
    assert foreign.read_bytes() == before
    assert [p.name for p in foreign.parent.iterdir()] == ["other-app.db"]  # no -wal, -shm


def _library(db: Path, story: Path, notes: int = 300) -> None:
    with Store(db) as store:
        article = store.import_file(story).article
        from claimmark.store.models import AnnotationDraft

        for i in range(notes):
            store.create_annotation(AnnotationDraft(article.id, i % 50, i % 50 + 5, note=f"n{i}"))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage(db: Path) -> None:
    """Overwrite the middle pages of the file with garbage, as a failing disk would."""
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(2 * page, len(data) - page, 3 * page):
        data[offset + 8 : offset + 2000] = bytes(range(256)) * 7 + bytes(200)
    db.write_bytes(bytes(data))


def test_a_damaged_library_is_refused_on_open_naming_recover(
    run, tmp_path: Path, story: Path
) -> None:
    db = tmp_path / "damaged.db"
    _library(db, story)
    _damage(db)
    before = db.read_bytes()
    for args in (("annotate", "1", "--quote", "two officials said"), ("list",)):
        message = run("--db", str(db), *args).one_line_error()
        assert "damaged" in message and ".recover" in message and "sqlite3" in message
    assert db.read_bytes() == before  # nothing was written into it


def _undecodable_text(db: Path) -> None:
    """Damage SQLite's checks cannot see: a text column that is no longer UTF-8."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE articles SET text = CAST(X'5365637265742074657874ff206d6f7265' AS TEXT)")
    conn.close()


def test_add_on_a_damaged_library_names_no_article_text(run, tmp_path: Path, story: Path) -> None:
    db = tmp_path / "lib.db"
    assert run("--db", str(db), "add", str(story)).status == 0
    _undecodable_text(db)
    for args in (("add", str(story)), ("annotations", "1"), ("export", "1", "-o", "-")):
        message = run("--db", str(db), *args).one_line_error()
        assert "damaged" in message and ".recover" in message
        assert "Secret" not in message and "decode" not in message


# -- full disks and file size limits -------------------------------------------------------


def _big_article(path: Path, megabytes: float) -> None:
    words = ["harbour", "council", "barrier", "minister", "engineers", "spring", "flood"]
    lines = ["A very long article"]
    size, i = 0, 0
    while size < megabytes * 1024 * 1024:
        line = " ".join(f"{words[(i + k) % 7]}{(i * 7 + k) % 99991}" for k in range(40)) + "."
        lines.append(line)
        size += len(line) + 1
        i += 1
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MiB tmpfs (needs root and mount; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small disk needs root to mount a tmpfs")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_disk_full_during_add_says_so_in_one_line(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "lib.db"
    assert claimmark("list", db=db).returncode == 0
    big = tmp_path / "big.txt"
    _big_article(big, 4)
    result = claimmark("add", str(big), db=db)
    message = one_line(result)
    assert "disk full: nothing was saved" in message
    listed = claimmark("list", "--json", db=db)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return apply


def test_a_file_size_limit_is_named_not_a_disk_io_error(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    assert claimmark("list", db=db).returncode == 0
    big = tmp_path / "big.txt"
    _big_article(big, 4)
    result = claimmark("add", str(big), db=db, preexec=_limit_file_size(2 * 1024 * 1024))
    message = one_line(result)
    assert "file size limit" in message and "ulimit -f" in message, message
    assert "nothing was saved" in message and "disk I/O" not in message
    listed = claimmark("list", "--json", db=db)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


# -- messages --------------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder with a library in it that this process cannot write: chmod 555, or, for
    root (who may write anywhere), a read-only bind mount of it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, lambda: folder.chmod(0o555)
        folder.chmod(0o755)
        return
    view = tmp_path / "view"
    view.mkdir()
    mounted = False

    def protect() -> None:
        nonlocal mounted
        made = subprocess.run(
            ["mount", "--bind", "-o", "ro", str(folder), str(view)], capture_output=True
        )
        if made.returncode != 0:
            pytest.skip(f"cannot make a read-only mount here: {made.stderr.decode().strip()}")
        mounted = True

    try:
        yield view, protect
    finally:
        if mounted:
            subprocess.run(["umount", str(view)], capture_output=True)


def test_a_library_in_a_read_only_folder_can_still_be_read(
    read_only_folder, tmp_path: Path, story: Path
) -> None:
    folder, protect = read_only_folder
    db = folder / "lib.db"
    assert claimmark("add", str(story), db=tmp_path / "shared" / "lib.db").returncode == 0
    assert not (tmp_path / "shared" / "lib.db-wal").exists()  # closed cleanly
    protect()
    listed = claimmark("list", "--json", db=db)
    assert listed.returncode == 0, listed.stderr
    assert [a["title"] for a in json.loads(listed.stdout)] == [STORY.splitlines()[0]]
    shown = claimmark("annotations", "1", db=db)
    assert shown.returncode == 0, shown.stderr
    refused = claimmark("annotate", "1", "--quote", "two officials said", db=db)
    assert "read-only" in one_line(refused)


def test_a_symlink_loop_is_reported_as_one(run, tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    for args in (("add", str(loop)), ("annotations", str(loop)), ("import", str(loop))):
        message = run(*args).one_line_error()
        assert "symlink loop" in message, message
        assert "no such file" not in message


def test_open_without_a_terminal_adds_nothing(tmp_path: Path, story: Path) -> None:
    db = tmp_path / "lib.db"
    result = claimmark("open", str(story), db=db)
    assert "needs a terminal" in one_line(result)
    listed = claimmark("list", "--json", db=db)
    assert json.loads(listed.stdout) == []


def test_import_refuses_an_oversized_file_before_reading_it(run, tmp_path: Path) -> None:
    from claimmark.store.sanitize import MAX_IMPORT_BYTES

    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk used, no time spent
    message = run("import", str(huge)).one_line_error()
    assert "larger than 128 MiB" in message


def test_the_damage_check_is_bounded_in_time(tmp_path: Path, story: Path) -> None:
    from claimmark.store.connection import check_integrity

    db = tmp_path / "lib.db"
    _library(db, story, notes=2000)
    with Store(db) as store:
        assert check_integrity(store.conn, db) is True
        assert check_integrity(store.conn, db, budget=-1) is False  # stopped, not failed
        assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 2000
