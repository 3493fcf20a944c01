"""The library at scale, measured from outside as a person meets it.

A generated library of 30,000 news-length articles with 100,000 annotations against the
same generator's library of 10 articles, in the same run (generation is not timed; the
libraries are cached in the temp folder, see benchmarks/library_data.py):

1. First frame of the library from launch, in tmux (median of N interleaved launches).
2. Keys in the list on a bare pseudo-terminal, from the key written to the last byte of
   the frame that answers it: `j`/`k` (next/previous row) and `pagedown`/`pageup`,
   beside a bare Textual app.
3. Sorting: `s` (the next order) and `S` (reversed), key to frame.
4. Search: a fixed set of queries (words, phrases, prefixes, boolean, rare and common
   terms) pasted into the search line, from the paste to the last byte of the frame
   that shows their hits; p95. The store's own time for each is printed too.
5. The size of the database per 1,000 articles, and what takes the room.
6. `claimmark add` of 3,000 article files into each library.

    python benchmarks/bench_library.py [--runs 7] [--presses 40] [--rounds 3]
        [--articles 30000] [--annotations 100000]

Needs tmux. Figures only: nothing here asserts a target (the machines are shared).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_reader import BARE_KEYS_APP, Pty, Term, compile_sources  # noqa: E402
from benchmarks.library_data import ArticleMaker, cached, working_copy  # noqa: E402
from claimmark.store.store import Store  # noqa: E402

_CSI = re.compile(rb"\x1b\[[0-9;:?<>=]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"


def library(db: Path) -> list[str]:
    return [sys.executable, "-m", "claimmark.tui", "--db", str(db)]


def first_row(db: Path) -> str:
    """Text of the first row of the library as it is drawn at 120 columns."""
    with Store(db) as store:
        [summary] = store.article_summaries(store.library_ids()[:1])
    return summary.title[:24]


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f} ms"


def summary(times: list[float]) -> str:
    return (
        f"median {ms(statistics.median(times))}, p90 {ms(percentile(times, 0.9))}, "
        f"max {ms(max(times))}"
    )


class Screen(Pty):
    """A pseudo-terminal that can wait for text written after a point, styles ignored."""

    def since(self, index: int) -> bytes:
        with self.lock:
            return b"".join(data for _, data in self.chunks[index:])

    def mark(self) -> int:
        with self.lock:
            return len(self.chunks)

    def write_and_wait(self, data: bytes, marker: str, timeout: float = 10.0) -> float:
        """Seconds from writing `data` to the last byte of the output burst in which
        `marker` appears (styles and cursor moves between its letters ignored)."""
        self.settle(0.05)
        seen = self.mark()
        start = time.perf_counter()
        os.write(self.master, data)
        wanted = marker.encode()
        while time.perf_counter() - start < timeout:
            if wanted in _CSI.sub(b"", self.since(seen)):
                while True:
                    with self.lock:
                        last = self.chunks[-1][0]
                    if time.perf_counter() - last >= self.QUIET:
                        return last - start
                    time.sleep(0.0005)
            time.sleep(0.0005)
        raise TimeoutError(f"{marker!r} never written after {data!r}")


def first_frames(runs: int, small: Path, big: Path) -> None:
    expect = {small: first_row(small), big: first_row(big)}
    times: dict[Path, list[float]] = {small: [], big: []}
    for _ in range(runs):
        for db in (small, big):
            term = Term(library(db))
            try:
                times[db].append(term.wait_for(expect[db]))
            finally:
                term.close()
    a, b = statistics.median(times[small]), statistics.median(times[big])
    print(f"1. First frame of the library from launch ({runs} launches each, interleaved, tmux)")
    print(f"   10 articles:      median {ms(a)}  (min {ms(min(times[small]))})")
    print(f"   30,000 articles:  median {ms(b)}  (min {ms(min(times[big]))})")
    print(
        f"   ratio: {b / a:.2f}x of the medians (target <= 1.3x); "
        f"{min(times[big]) / min(times[small]):.2f}x of the fastest launches"
    )


def list_keys(presses: int, small: Path, big: Path, folder: Path) -> None:
    print("2. Keys in the list (pseudo-terminal: key to the last byte of its frame)")
    bare_script = folder / "bare_keys.py"
    bare_script.write_text(BARE_KEYS_APP)
    bare = Pty([sys.executable, str(bare_script)])
    try:
        bare.wait_for("ready")
        bare.settle(0.5)
        floor = [bare.press_and_time(b"j") for _ in range(presses)]
        print(f"   bare Textual app, one Static per key: {summary(floor)}")
    finally:
        bare.close()
    for label, db in (("10 articles", small), ("30,000 articles", big)):
        screen = Screen(library(db))
        try:
            screen.wait_for(first_row(db))
            screen.settle(0.5)
            # Down and back up, so that every key moves the cursor (10 rows run out).
            down = [screen.press_and_time(key) for key in [b"j", b"k"] * (presses // 2)]
            pages = [
                screen.press_and_time(key) for key in [b"\x1b[6~", b"\x1b[5~"] * (presses // 4)
            ]
            print(f"   {label:16s} j/k:             {summary(down)}  (target p90 < 16.7 ms)")
            print(f"   {label:16s} pagedown/pageup: {summary(pages)}")
        finally:
            screen.close()


def sorting(small: Path, big: Path) -> None:
    print("3. Sorting: s (the next order, 6 of them, twice) and S (reversed), key to frame")
    for label, db in (("10 articles", small), ("30,000 articles", big)):
        screen = Screen(library(db))
        try:
            screen.wait_for(first_row(db))
            screen.settle(0.5)
            cycle = [screen.write_and_wait(b"s", "by ") for _ in range(12)]
            flips = [screen.write_and_wait(b"S", "by ") for _ in range(6)]
            print(
                f"   {label:16s} s: median {ms(statistics.median(cycle))}, max "
                f"{ms(max(cycle))};  S: median {ms(statistics.median(flips))}, max "
                f"{ms(max(flips))}  (target < 100 ms)"
            )
        finally:
            screen.close()


def queries() -> list[str]:
    """The fixed query set: words, phrases, prefixes, boolean, rare and common terms."""
    maker = ArticleMaker()
    rare = maker.names[-1]  # the Zipf tail: in a handful of articles
    middling = maker.names[40]
    return [
        "minister",  # a word in most articles
        "said",  # common
        "the",  # the commonest
        "sediment",  # a word of one sample article
        rare,  # rare
        middling,  # a name in a few hundred articles
        '"environment minister"',  # phrase
        '"the government"',  # phrase of common words
        "minist*",  # prefix
        "gov*",  # prefix
        rare[:5] + "*",  # rare prefix
        "flood AND budget",  # boolean
        "minister NOT energy",  # boolean
        "claimant:officials",  # a column
        "health",  # a tag and a word
    ]


def search(rounds: int, small: Path, big: Path) -> None:
    print(
        f"4. Search: {len(queries())} queries x {rounds} rounds, pasted into the search line, "
        "paste to the last byte of the frame with their hits"
    )
    for label, db in (("10 articles", small), ("30,000 articles", big)):
        screen = Screen(library(db))
        drawn: list[float] = []
        stored: list[float] = []
        slowest: tuple[float, str] = (0.0, "")
        try:
            screen.wait_for(first_row(db))
            screen.settle(0.5)
            screen.write_and_wait(b"/", "Search everything")
            for _ in range(rounds):
                for query in queries():
                    seen = screen.mark()
                    took = screen.write_and_wait(
                        PASTE_START + query.encode() + PASTE_END, f"for {query}"
                    )
                    screen.write_and_wait(b"\x15", "Sorted by")  # ctrl+u: empty the line
                    drawn.append(took)
                    slowest = max(slowest, (took, query))
                    found = re.search(rb"for .*? in (\d+) ms", _CSI.sub(b"", screen.since(seen)))
                    if found:
                        stored.append(int(found.group(1)) / 1000)
        finally:
            screen.close()
        print(
            f"   {label:16s} drawn: median {ms(statistics.median(drawn))}, p95 "
            f"{ms(percentile(drawn, 0.95))}, max {ms(max(drawn))} ({slowest[1]})  "
            "(target p95 < 50 ms)"
        )
        if stored:
            print(
                f"   {label:16s} of which the store's search: median "
                f"{ms(statistics.median(stored))}, p95 {ms(percentile(stored, 0.95))}"
            )


def adding(count: int, small: Path, big: Path, folder: Path) -> None:
    files = folder / "to-add"
    files.mkdir()
    maker = ArticleMaker(seed=99)
    for number in range(count):
        title, byline, text = maker.article(100_000 + number)
        (files / f"article-{number:05d}.txt").write_text(f"{title}\n{text}\n{byline}\n")
    print(f"6. claimmark add of {count:,} files (one command)")
    for label, db in (("10 articles", small), ("30,000 articles", big)):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "claimmark.tui", "--db", str(db), "add", str(files)],
            capture_output=True,
            text=True,
        )
        took = time.perf_counter() - started
        added = done.stdout.count("\tadded\t")
        print(
            f"   into {label:16s} {took:6.1f} s ({took / count * 1000:.1f} ms a file, "
            f"{added:,} added, exit {done.returncode})"
        )


def sizes(small: Path, big: Path) -> None:
    print("5. Database size")
    for label, db, articles in (("10 articles", small, 10), ("30,000 articles", big, 30_000)):
        size = db.stat().st_size
        print(
            f"   database of {label:16s} {size / 1e6:8.1f} MB, "
            f"{size / 1e6 / articles * 1000:8.1f} MB per 1,000 articles"
        )
    try:
        with Store(big) as store:
            rows = store.conn.execute(
                """SELECT CASE
                       WHEN name LIKE 'articles_fts%' THEN 'search index of articles'
                       WHEN name LIKE 'annotation%fts%' THEN 'search index of annotations'
                       WHEN name = 'articles' THEN 'article texts'
                       WHEN name = 'journal' THEN 'journal'
                       ELSE 'annotations, tags, claims and indexes' END AS part,
                       sum(pgsize) FROM dbstat GROUP BY part ORDER BY 2 DESC"""
            ).fetchall()
        total = sum(row[1] for row in rows)
        for part, size in rows:
            print(f"      {part:40s} {size / 1e6:7.1f} MB  {100 * size / total:4.0f}%")
    except Exception as error:  # dbstat is an optional SQLite module
        print(f"      (no breakdown: {error})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=3_000, help="files for claimmark add")
    args = parser.parse_args()
    compile_sources()
    print(
        f"(load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        "figures from a busy machine vary from run to run)"
    )
    small_cached = cached(10, 33)
    big_cached = cached(args.articles, args.annotations)
    random.seed(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = working_copy(small_cached, folder)
        big = working_copy(big_cached, folder)
        first_frames(args.runs, small, big)
        list_keys(args.presses, small, big, folder)
        sorting(small, big)
        search(args.rounds, small, big)
        sizes(small, big)
        adding(args.add, small, big, folder)
    print(f"(load average at the end: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
