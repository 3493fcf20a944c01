"""What the damage check costs when the library is opened.

`Store()` runs SQLite's `PRAGMA quick_check` on every open (store/connection.py), so that
a damaged file is refused before anything reports success into it. This prints, measured
in the same run and interleaved:

1. opening the 1 MB / 5,000-annotation library of bench_reader in-process: `Store()` with
   the check against `Store()` without it, and the check alone (medians of --runs);
2. the same for a larger library (--big-mb of articles, several thousand annotations each),
   to show how the check grows with the file;
3. the reader's first frame on the 1 MB library in a real terminal (tmux), with and
   without the check (the check switched off by a wrapper script, not by claimmark).

    python benchmarks/bench_open.py [--runs 21] [--frames 7] [--big-mb 20]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_reader import Term, big_library, compile_sources  # noqa: E402
from claimmark.store import connection  # noqa: E402
from claimmark.store import store as store_module  # noqa: E402
from claimmark.store.store import Store  # noqa: E402

LAUNCH = """
import gc
import sys
gc.disable()  # as claimmark's own entry point does, before any import
from claimmark.store import store
if sys.argv.pop(1) == "off":
    store.check_integrity = lambda conn, path: None  # the benchmark's baseline only
from claimmark.tui.launch import main
sys.argv[0] = "claimmark"
main()
"""
"""Both runs start through the same script, so they differ only in the check."""


def _open(db: Path, check: bool) -> float:
    real = connection.check_integrity
    if not check:
        store_module.check_integrity = lambda conn, path: None  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        Store(db).close()
        return time.perf_counter() - start
    finally:
        store_module.check_integrity = real


def _check_alone(db: Path) -> float:
    with Store(db) as store:
        start = time.perf_counter()
        connection.check_integrity(store.conn, db)
        return time.perf_counter() - start


def open_costs(db: Path, runs: int, label: str) -> None:
    with_check: list[float] = []
    without: list[float] = []
    alone: list[float] = []
    for _ in range(runs):
        with_check.append(_open(db, True))
        without.append(_open(db, False))
        alone.append(_check_alone(db))
    size = db.stat().st_size / 1e6
    w, wo, a = (statistics.median(x) * 1000 for x in (with_check, without, alone))
    print(f"{label} ({size:.1f} MB file, {runs} runs each, interleaved)")
    print(f"   Store() without the check: median {wo:7.2f} ms")
    print(f"   Store() with the check:    median {w:7.2f} ms  (ratio {w / wo:.2f}x)")
    print(f"   PRAGMA quick_check alone:  median {a:7.2f} ms")


def larger_library(folder: Path, megabytes: int, source: Path) -> Path:
    db = folder / "larger.db"
    shutil.copy(source, db)
    with Store(db) as store:
        text = store.get_article(1).text
        rng = random.Random(3)
        for n in range(megabytes - 1):
            shuffled = text.split("\n")
            rng.shuffle(shuffled)
            article = store.add_article(f"Copy {n}", "", f"/copy{n}.txt", "\n".join(shuffled))
            body = article.article.text
            store.conn.execute("BEGIN IMMEDIATE")
            for start in sorted(rng.sample(range(0, len(body) - 200), 2000)):
                end = start + rng.randint(5, 150)
                store.conn.execute(
                    'INSERT INTO annotations (article_id, start, "end", quote, created_at, '
                    "updated_at) VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')",
                    [article.article.id, start, end, body[start:end]],
                )
            store.conn.execute("COMMIT")
    return db


def first_frames(db: Path, expect: str, runs: int, folder: Path) -> None:
    wrapper = folder / "launch.py"
    wrapper.write_text(LAUNCH)
    ours: list[float] = []
    base: list[float] = []
    args = ["--db", str(db), "open", "1"]
    checked = [sys.executable, str(wrapper), "on", *args]
    plain = [sys.executable, str(wrapper), "off", *args]
    for turn in range(runs):
        pairs = [(checked, ours), (plain, base)]
        for command, into in pairs if turn % 2 else pairs[::-1]:
            term = Term(command)
            try:
                into.append(term.wait_for(expect))
            finally:
                term.close()
    o, b = statistics.median(ours) * 1000, statistics.median(base) * 1000
    print(f"3. Reader's first frame, 1 MB / 5,000 annotations, tmux ({runs} runs each)")
    print(f"   without the check: median {b:7.1f} ms")
    print(f"   with the check:    median {o:7.1f} ms  (ratio {o / b:.3f}x)")


def main() -> None:
    compile_sources()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--frames", type=int, default=7)
    parser.add_argument("--big-mb", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, expect = big_library(folder)
        open_costs(db, args.runs, "1. Opening the 1 MB / 5,000-annotation library")
        larger = larger_library(folder, args.big_mb, db)
        open_costs(larger, max(5, args.runs // 3), f"2. Opening a {args.big_mb}-article library")
        if shutil.which("tmux"):
            first_frames(db, expect, args.frames, folder)


if __name__ == "__main__":
    main()
