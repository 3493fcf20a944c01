"""The reader measured from outside, in a real terminal (tmux), as a person meets it.

Prints:
1. First frame of a news-length article with 30 annotations, against a bare Textual app
   showing the same text in a `Static` (median of N runs each, interleaved, and the ratio).
2. A generated 1 MB article with 5,000 annotations: first frame; key-to-screen latency
   (median and p90) for j, w, ), ]; time for the screen to change after a resize; peak
   memory (VmHWM) of the claimmark process.
3. The same keys on a bare pseudo-terminal, which resolves what tmux cannot: from the key
   written to the last byte of the frame that answers it, beside a bare Textual app; then
   the edit keys on an annotation: h (cycle its colour), x (delete) and u (undo), then x
   and u again on the fifth annotation, near the top of the pane (every row below it moves).

    python benchmarks/bench_reader.py [--runs 7] [--presses 40] [--parts 1,2,3]

Needs tmux. Figures only: nothing here asserts a target (the machines are shared).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import re
import shlex
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimmark.store.models import AnnotationDraft  # noqa: E402
from claimmark.store.store import Store  # noqa: E402

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import Static

text = open(sys.argv[1], encoding="utf-8").read()

class Bare(App):
    def compose(self):
        yield Static(text)

Bare().run()
"""


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
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            str(cols),
            "-y",
            str(rows),
            "bash",
            "-c",
            f"cd {shlex.quote(str(ROOT))} && {shlex.join(command)}; sleep 3600",
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "TERM": "xterm-256color"},
        ).stdout

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
        out = subprocess.run(
            ["pgrep", "-f", "-P", shell, "python"], capture_output=True, text=True
        ).stdout.split()
        return int(out[0]) if out else None

    def close(self) -> None:
        self.tmux("kill-server")


class Pty:
    """A program on a pseudo-terminal of its own, with nothing between it and us.

    tmux (above) is what a person sees, but each `capture-pane` takes ~5 ms, so it cannot
    resolve a key that is answered in 3 ms (its own floor, a bare app, is ~12 ms). Here a
    thread reads every byte the program writes, time-stamped: a key's latency is the time
    from writing the key to the last byte of the frame that answers it (the burst of
    output that follows, ended by `QUIET` seconds of silence, which are not counted).
    """

    QUIET = 0.004

    def __init__(self, command: list[str], cols: int = 120, rows: int = 40) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            start_new_session=True,
            env={**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"},
        )
        os.close(slave)
        self.chunks: list[tuple[float, bytes]] = []
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append((time.perf_counter(), data))

    def output(self) -> bytes:
        with self.lock:
            return b"".join(data for _, data in self.chunks)

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Wait until `text` has been written (styles between its letters ignored)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text.encode() in re.sub(rb"\x1b\[[0-9;:?<>=]*[A-Za-z]", b"", self.output()):
                return
            time.sleep(0.01)
        raise TimeoutError(f"{text!r} never written")

    def settle(self, seconds: float) -> None:
        """Wait until the program has written nothing for `seconds`."""
        while True:
            with self.lock:
                last = self.chunks[-1][0] if self.chunks else 0.0
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(seconds / 4)

    def press_and_time(self, key: bytes, timeout: float = 5.0) -> float:
        """Seconds from writing `key` to the last byte of the output it caused."""
        self.settle(0.03)
        with self.lock:
            seen = len(self.chunks)
        start = time.perf_counter()
        os.write(self.master, key)
        while time.perf_counter() - start < timeout:
            with self.lock:
                if len(self.chunks) > seen:
                    last = self.chunks[-1][0]
                    if time.perf_counter() - last >= self.QUIET:
                        return last - start
            time.sleep(0.0005)
        raise TimeoutError(f"no output after {key!r}")

    def press_until(self, key: bytes, text: str, timeout: float = 5.0) -> float:
        """Seconds from writing `key` to the output that draws `text` (styles between its
        letters ignored)."""
        self.settle(0.03)
        with self.lock:
            seen = len(self.chunks)
        start = time.perf_counter()
        os.write(self.master, key)
        wanted = text.encode()
        while time.perf_counter() - start < timeout:
            with self.lock:
                chunks = self.chunks[seen:]
            written = b""
            for at, data in chunks:
                written += data
                if wanted in re.sub(rb"\x1b\[[0-9;:?<>=]*[A-Za-z]", b"", written):
                    return at - start
            time.sleep(0.0005)
        raise TimeoutError(f"{text!r} never drawn after {key!r}")

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sample_paragraphs() -> list[str]:
    from claimmark.store.ingest import read_article_file

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
        article = store.add_article(
            "Benchmark: a news-length story", "By Bench", "/b.txt", text
        ).article
        rng = random.Random(1)
        for i in range(30):
            start = rng.randrange(0, len(text) - 60)
            store.create_annotation(
                AnnotationDraft(
                    article.id,
                    start,
                    start + rng.randint(10, 60),
                    tags=(f"tag{i % 4}",),
                    note="note" if i % 3 == 0 else "",
                )
            )
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
        article = store.add_article("Benchmark: one megabyte", "By Bench", "/big.txt", text).article
        starts = sorted(rng.sample(range(0, len(text) - 200), 5000))
        store.conn.execute("BEGIN IMMEDIATE")  # bulk set-up only: one transaction
        for i, start in enumerate(starts):
            end = start + rng.randint(5, 150)
            store.conn.execute(
                'INSERT INTO annotations (article_id, start, "end", quote, created_at, '
                "updated_at, color, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id,
                    start,
                    end,
                    text[start:end],
                    "2026-01-01",
                    "2026-01-01",
                    ["yellow", "green", "blue"][i % 3],
                    "n" if i % 5 == 0 else "",
                ],
            )
        store.conn.execute("COMMIT")
    return db, chunks[0][:30]


def claimmark(db: Path, article: str = "1") -> list[str]:
    return [sys.executable, "-m", "claimmark.tui", "--db", str(db), "open", article]


def first_frames(runs: int, folder: Path) -> None:
    db, plain, expect = short_library(folder)
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE_APP)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for command, into in (
            (claimmark(db), ours),
            ([sys.executable, str(bare_script), str(plain)], bare),
        ):
            term = Term(command)
            try:
                into.append(term.wait_for(expect))
            finally:
                term.close()
    print(
        f"1. First frame, news-length article with 30 annotations ({runs} runs each, interleaved)"
    )
    print(f"   bare Textual Static: median {statistics.median(bare) * 1000:7.1f} ms")
    print(f"   claimmark reader:    median {statistics.median(ours) * 1000:7.1f} ms")
    print(f"   ratio: {statistics.median(ours) / statistics.median(bare):.2f}x (target <= 1.3x)")


def big_article(presses: int, db: Path, expect: str, bare_script: Path) -> None:
    term = Term([sys.executable, str(bare_script)])
    try:
        term.wait_for("ready 0")
        time.sleep(0.5)
        floor = sorted(term.press_and_time("j") for _ in range(presses))
    finally:
        term.close()
    print("2. 1 MB article, 5,000 annotations")
    floor_p90 = floor[int(len(floor) * 0.9) - 1]
    print(
        f"   baseline: a bare Textual app whose one Static changes on each key: median "
        f"{statistics.median(floor) * 1000:.1f} ms, p90 {floor_p90 * 1000:.1f} ms"
        " (the floor of this measurement: tmux, capture and Textual's own frame)"
    )
    frames = []
    for _ in range(3):
        term = Term(claimmark(db))
        try:
            frames.append(term.wait_for(expect))
        finally:
            term.close()
    print(
        f"   first frame: median {statistics.median(frames) * 1000:.0f} ms of 3 (target < 1500 ms)"
    )
    term = Term(claimmark(db))
    try:
        term.wait_for(expect)
        time.sleep(2.5)  # let the suggestion worker finish: measure steady-state typing
        captures = []
        for _ in range(20):
            start = time.perf_counter()
            term.screen_styled()
            captures.append(time.perf_counter() - start)
        print(
            f"   (one tmux capture-pane takes {statistics.median(captures) * 1000:.1f} ms: "
            "the resolution of the latencies below)"
        )
        for key in ("j", "w", ")", "]"):
            times = []
            for _ in range(presses):
                times.append(term.press_and_time(key))
                time.sleep(0.03)
            times.sort()
            p90 = times[int(len(times) * 0.9) - 1]
            print(
                f"   key {key!r}: median {statistics.median(times) * 1000:5.1f} ms, "
                f"p90 {p90 * 1000:5.1f} ms over {presses} presses (target p90 < 16.7 ms)"
            )
        resize = []  # (the pty figures for these keys follow the resize)
        for cols in (100, 120, 90, 120):
            before = term.screen_styled()
            start = time.perf_counter()
            term.tmux("resize-window", "-t", "b", "-x", str(cols))
            while term.screen_styled() == before and time.perf_counter() - start < 5:
                pass
            time.sleep(0.3)  # let the final frame settle before the next resize
            resize.append(time.perf_counter() - start - 0.3)
        print(
            f"   resize to new width until the screen changes: median "
            f"{statistics.median(resize) * 1000:.0f} ms (includes tmux's own redraw)"
        )
        pid = term.app_pid()
        if pid:
            print(f"   peak memory (VmHWM): {peak_rss_mb(pid):.0f} MB (target < 150 MB)")
    finally:
        term.close()


def pty_latencies(presses: int, db: Path, expect: str, bare_script: Path) -> None:
    """Key to the last byte of the answering frame, on a bare pseudo-terminal."""

    def summary(times: list[float]) -> str:
        times = sorted(times)
        p90 = times[int(len(times) * 0.9) - 1]
        return f"median {statistics.median(times) * 1000:5.1f} ms, p90 {p90 * 1000:5.1f} ms"

    print(
        "3. The same keys timed on a bare pseudo-terminal (no tmux): key written to the "
        "last byte of the frame that answers it"
    )
    bare = Pty([sys.executable, str(bare_script)])
    try:
        bare.wait_for("ready")
        bare.settle(0.5)
        print(
            f"   baseline, bare Textual app (one Static changes per key): "
            f"{summary([bare.press_and_time(b'j') for _ in range(presses)])}"
        )
    finally:
        bare.close()
    ours = Pty(claimmark(db))
    try:
        ours.wait_for(expect.split()[0])
        time.sleep(2.5)  # the suggestion worker, as above
        ours.settle(0.5)
        for key in ("j", "w", ")", "]"):
            times = [ours.press_and_time(key.encode()) for _ in range(presses)]
            print(f"   key {key!r}: {summary(times)} over {presses} presses (target p90 < 16.7 ms)")
        # Edits, on the annotation the last `]` reached: h cycles its colour (one mark and
        # one pane entry replaced), x deletes it and u brings it back (one removed, one
        # inserted), each written to the library and answered with a notification.
        edits: dict[str, list[float]] = {"h": [], "x": [], "u": []}
        for _ in range(presses):
            edits["h"].append(ours.press_and_time(b"h"))
        for _ in range(presses):
            edits["x"].append(ours.press_and_time(b"x"))
            edits["u"].append(ours.press_and_time(b"u"))
        for key, what in (("h", "colour"), ("x", "delete"), ("u", "undo")):
            print(
                f"   key {key!r} ({what}): {summary(edits[key])} over {presses} presses "
                "(target p90 < 16.7 ms)"
            )
        # The same near the top of the pane: the fifth annotation of the article, so that
        # deleting it (and bringing it back) moves, and redraws, nearly every row below it.
        ours.press_and_time(b"g")
        for _ in range(5):
            ours.press_and_time(b"]")
        top: dict[str, list[float]] = {"x": [], "u": []}
        for _ in range(presses):
            top["x"].append(ours.press_and_time(b"x"))
            top["u"].append(ours.press_and_time(b"u"))
        for key, what in (("x", "delete"), ("u", "undo")):
            print(
                f"   key {key!r} ({what}) near the top of the pane: {summary(top[key])} "
                f"over {presses} presses (target p90 < 16.7 ms)"
            )
        # Each edit also says what it did in a notification, drawn in a frame after the
        # edit's own (so as not to hold it back): the key to that text on the terminal,
        # each pressed once the notification before it is gone (shown for up to 4 s).
        told: dict[str, list[float]] = {"h": [], "x": [], "u": []}
        for _ in range(max(1, presses // 8)):
            for key, text in (("h", "Colour:"), ("x", "Annotation deleted"), ("u", "Undid")):
                told[key].append(ours.press_until(key.encode(), text))
                time.sleep(4.2)
        for key, what in (("h", "colour"), ("x", "delete"), ("u", "undo")):
            print(f"   key {key!r} ({what}) to its notification drawn: {summary(told[key])}")
    finally:
        ours.close()


def compile_sources() -> None:
    """Byte-compile claimmark as `pip install` does, so that both programs start from
    bytecode (PYTHONDONTWRITEBYTECODE, set on some machines, would otherwise make every
    start of a source checkout recompile it, while Textual's own files are compiled)."""
    import compileall

    for package in ("tui", "store", "articles"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def main() -> None:
    compile_sources()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument(
        "--parts",
        default="1,2,3",
        help="which parts to run, e.g. 1 (first frame) or 3 (keys on a pseudo-terminal)",
    )
    args = parser.parse_args()
    parts = {part.strip() for part in args.parts.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        if "1" in parts:
            first_frames(args.runs, Path(tmp))
        if parts & {"2", "3"}:
            db, expect = big_library(Path(tmp))
            bare_script = Path(tmp) / "bare_keys.py"
            bare_script.write_text(BARE_KEYS_APP)
            if "2" in parts:
                big_article(args.presses, db, expect, bare_script)
            if "3" in parts:
                pty_latencies(args.presses, db, expect, bare_script)


if __name__ == "__main__":
    main()
