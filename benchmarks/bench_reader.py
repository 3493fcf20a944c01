"""The reader measured from outside, in a real terminal (tmux), as a person meets it.

Prints:
1. First frame of a news-length article with 30 annotations, against a bare Textual app
   showing the same text in a `Static` (median of N runs each, interleaved, and the ratio).
2. A generated 1 MB article with 5,000 annotations: first frame; key-to-screen latency
   (median and p90) for j, w, ), ]; time for the screen to change after a resize; peak
   memory (VmHWM) of the claimmark process.

    python benchmarks/bench_reader.py [--runs 7] [--presses 40]

Needs tmux. Figures only: nothing here asserts a target (the machines are shared).
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.models import AnnotationDraft  # noqa: E402
from store.store import Store  # noqa: E402

BARE_APP = '''
import sys
from textual.app import App
from textual.widgets import Static

text = open(sys.argv[1], encoding="utf-8").read()

class Bare(App):
    def compose(self):
        yield Static(text)

Bare().run()
'''


BARE_KEYS_APP = '''
from textual.app import App
from textual.widgets import Static

class Counter(App):
    """The floor for key-to-screen latency: one Static that changes on every key."""
    BINDINGS = [("j", "bump")]
    count = 0
    def compose(self):
        yield Static("ready 0", id="n")
    def action_bump(self):
        self.count += 1
        self.query_one("#n", Static).update(f"ready {self.count}")

Counter().run()
'''


class Term:
    """A program in a private tmux server (like ../shared/tools/tui_probe.py's Terminal)."""

    def __init__(self, command: list[str], cols: int = 120, rows: int = 40) -> None:
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        self.started = time.perf_counter()
        self.tmux("new-session", "-d", "-s", "b", "-x", str(cols), "-y", str(rows),
                  "bash", "-c", f"cd {shlex.quote(str(ROOT))} && {shlex.join(command)}; sleep 3600")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True,
                              env={**os.environ, "TERM": "xterm-256color"}).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "b")

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.screen():
                return time.perf_counter() - self.started
            time.sleep(0.003)
        raise TimeoutError(f"{text!r} not on screen:\n{self.screen()}")

    def screen_styled(self) -> str:
        """The screen with its styles: a cursor move changes only styles, not text."""
        return self.tmux("capture-pane", "-p", "-e", "-t", "b")

    def press_and_time(self, key: str, timeout: float = 5.0) -> float:
        before = self.screen_styled()
        start = time.perf_counter()
        self.tmux("send-keys", "-t", "b", key)
        while time.perf_counter() - start < timeout:
            if self.screen_styled() != before:
                return time.perf_counter() - start
        raise TimeoutError(f"screen did not change after {key!r}")

    def app_pid(self) -> int | None:
        shell = self.tmux("list-panes", "-t", "b", "-F", "#{pane_pid}").strip()
        out = subprocess.run(["pgrep", "-f", "-P", shell, "python"], capture_output=True,
                             text=True).stdout.split()
        return int(out[0]) if out else None

    def close(self) -> None:
        self.tmux("kill-server")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sample_paragraphs() -> list[str]:
    from store.ingest import read_article_file

    paragraphs: list[str] = []
    for path in sorted((ROOT / "articles").glob("*.*")):
        if path.suffix in (".txt", ".md"):
            paragraphs += read_article_file(path).text.split("\n")
    return paragraphs


def short_library(folder: Path) -> tuple[Path, Path, str]:
    """A library with one news-length article and 30 annotations, and the text file."""
    paragraphs = sample_paragraphs()[:14]
    text = "\n".join(paragraphs)
    db = folder / "short.db"
    with Store(db) as store:
        article = store.add_article("Benchmark: a news-length story", "By Bench", "/b.txt",
                                    text).article
        rng = random.Random(1)
        for i in range(30):
            start = rng.randrange(0, len(text) - 60)
            store.create_annotation(AnnotationDraft(article.id, start, start + rng.randint(
                10, 60), tags=(f"tag{i % 4}",), note="note" if i % 3 == 0 else ""))
    plain = folder / "short.txt"
    plain.write_text("Benchmark: a news-length story\n\n" + "\n\n".join(paragraphs))
    return db, plain, paragraphs[0][:30]


def big_library(folder: Path) -> tuple[Path, str]:
    """A generated 1 MB article with 5,000 annotations."""
    paragraphs = sample_paragraphs()
    rng = random.Random(7)
    chunks: list[str] = []
    size = 0
    while size < 1_000_000:
        paragraph = rng.choice(paragraphs)
        chunks.append(paragraph)
        size += len(paragraph) + 1
    text = "\n".join(chunks)
    db = folder / "big.db"
    with Store(db) as store:
        article = store.add_article("Benchmark: one megabyte", "By Bench", "/big.txt",
                                    text).article
        starts = sorted(rng.sample(range(0, len(text) - 200), 5000))
        store.conn.execute("BEGIN IMMEDIATE")  # bulk set-up only: one transaction
        for i, start in enumerate(starts):
            end = start + rng.randint(5, 150)
            store.conn.execute(
                'INSERT INTO annotations (article_id, start, "end", quote, created_at, '
                "updated_at, color, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, start, end, text[start:end], "2026-01-01", "2026-01-01",
                 ["yellow", "green", "blue"][i % 3], "n" if i % 5 == 0 else ""],
            )
        store.conn.execute("COMMIT")
    return db, chunks[0][:30]


def claimmark(db: Path, article: str = "1") -> list[str]:
    return [sys.executable, "-m", "tui", "--db", str(db), "open", article]


def first_frames(runs: int, folder: Path) -> None:
    db, plain, expect = short_library(folder)
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE_APP)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for command, into in ((claimmark(db), ours),
                              ([sys.executable, str(bare_script), str(plain)], bare)):
            term = Term(command)
            try:
                into.append(term.wait_for(expect))
            finally:
                term.close()
    print("1. First frame, news-length article with 30 annotations "
          f"({runs} runs each, interleaved)")
    print(f"   bare Textual Static: median {statistics.median(bare) * 1000:7.1f} ms")
    print(f"   claimmark reader:    median {statistics.median(ours) * 1000:7.1f} ms")
    print(f"   ratio: {statistics.median(ours) / statistics.median(bare):.2f}x (target <= 1.3x)")


def big_article(presses: int, folder: Path) -> None:
    db, expect = big_library(folder)
    bare_script = folder / "bare_keys.py"
    bare_script.write_text(BARE_KEYS_APP)
    term = Term([sys.executable, str(bare_script)])
    try:
        term.wait_for("ready 0")
        time.sleep(0.5)
        floor = sorted(term.press_and_time("j") for _ in range(presses))
    finally:
        term.close()
    print("2. 1 MB article, 5,000 annotations")
    floor_p90 = floor[int(len(floor) * 0.9) - 1]
    print(f"   baseline: a bare Textual app whose one Static changes on each key: median "
          f"{statistics.median(floor) * 1000:.1f} ms, p90 {floor_p90 * 1000:.1f} ms"
          " (the floor of this measurement: tmux, capture and Textual's own frame)")
    frames = []
    for _ in range(3):
        term = Term(claimmark(db))
        try:
            frames.append(term.wait_for(expect))
        finally:
            term.close()
    print(f"   first frame: median {statistics.median(frames) * 1000:.0f} ms of 3 "
          "(target < 1500 ms)")
    term = Term(claimmark(db))
    try:
        term.wait_for(expect)
        time.sleep(2.5)  # let the suggestion worker finish: measure steady-state typing
        captures = []
        for _ in range(20):
            start = time.perf_counter()
            term.screen_styled()
            captures.append(time.perf_counter() - start)
        print(f"   (one tmux capture-pane takes {statistics.median(captures) * 1000:.1f} ms: "
              "the resolution of the latencies below)")
        for key in ("j", "w", ")", "]"):
            times = []
            for _ in range(presses):
                times.append(term.press_and_time(key))
                time.sleep(0.03)
            times.sort()
            p90 = times[int(len(times) * 0.9) - 1]
            print(f"   key {key!r}: median {statistics.median(times) * 1000:5.1f} ms, "
                  f"p90 {p90 * 1000:5.1f} ms over {presses} presses (target p90 < 16.7 ms)")
        resize = []
        for cols in (100, 120, 90, 120):
            before = term.screen_styled()
            start = time.perf_counter()
            term.tmux("resize-window", "-t", "b", "-x", str(cols))
            while term.screen_styled() == before and time.perf_counter() - start < 5:
                pass
            time.sleep(0.3)  # let the final frame settle before the next resize
            resize.append(time.perf_counter() - start - 0.3)
        print(f"   resize to new width until the screen changes: median "
              f"{statistics.median(resize) * 1000:.0f} ms (includes tmux's own redraw)")
        pid = term.app_pid()
        if pid:
            print(f"   peak memory (VmHWM): {peak_rss_mb(pid):.0f} MB (target < 150 MB)")
    finally:
        term.close()


def compile_sources() -> None:
    """Byte-compile claimmark as `pip install` does, so that both programs start from
    bytecode (PYTHONDONTWRITEBYTECODE, set on some machines, would otherwise make every
    start of a source checkout recompile it, while Textual's own files are compiled)."""
    import compileall

    for package in ("tui", "store", "articles"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def main() -> None:
    compile_sources()
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first_frames(args.runs, Path(tmp))
        big_article(args.presses, Path(tmp))


if __name__ == "__main__":
    main()
