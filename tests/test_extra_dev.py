"""The extra development set's tools (`benchmarks/extra_dev.py`), on a page written for the test."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.extra_dev import ExtraDevMissingError, load_extra, main
from benchmarks.news_labels import LabelError

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "HARBOUR TOWN (Wire) - The ferry will stop on Sunday, the council said.\n"
    "\n"
    "“We had no choice,” said Mara Quill, the harbour master. “The pier is unsafe.”\n"
    "\n"
    "Engineers say the pier can be repaired.\n"
)

DRAFT = [
    {"find": "the council said", "claimant": "the council", "cue": "said",
     "attribution": "named", "sources": []},
    {"find": "We had no choice", "claimant": "Mara Quill", "cue": "said",
     "attribution": "named", "sources": []},
    {"find": "The pier is unsafe.", "claimant": "Mara Quill", "cue": "said",
     "attribution": "named", "sources": [], "inherited": True},
    {"find": "Engineers say", "claimant": "Engineers", "cue": "say",
     "attribution": "anonymous", "sources": []},
]  # fmt: skip


def make_page(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    args = ["import", str(folder), "ferry", "--repo", "o/r", "--path", "p.txt", "--commit", "c"]
    assert main(args) == 0
    (folder / "ferry" / "labels.draft.json").write_text(json.dumps(DRAFT), encoding="utf-8")
    assert main(["draft", str(folder), "ferry"]) == 0
    return folder / "ferry"


def test_a_page_imported_and_drafted_loads_with_every_label_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page_folder = make_page(tmp_path, monkeypatch)
    page = json.loads((page_folder / "page.json").read_text(encoding="utf-8"))
    assert page["paragraphs"][0].startswith("HARBOUR TOWN")
    assert len(page["paragraphs"]) == 3  # blank lines dropped
    (loaded,) = load_extra(tmp_path)
    texts = [label.text for label in loaded.labels]
    assert texts == [
        "HARBOUR TOWN (Wire) - The ferry will stop on Sunday, the council said.",
        "“We had no choice,” said Mara Quill, the harbour master.",
        "“The pier is unsafe.”",
        "Engineers say the pier can be repaired.",
    ]
    assert loaded.labels[2].inherited
    assert loaded.labels[3].attribution == "anonymous"


def test_a_label_whose_text_drifted_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page_folder = make_page(tmp_path, monkeypatch)
    page = json.loads((page_folder / "page.json").read_text(encoding="utf-8"))
    page["paragraphs"][2] = "Engineers doubt the pier can be repaired."
    (page_folder / "page.json").write_text(json.dumps(page), encoding="utf-8")
    with pytest.raises(LabelError, match="drifted"):
        load_extra(tmp_path)


def test_a_piece_that_is_not_unique_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page_folder = make_page(tmp_path, monkeypatch)
    draft = [{**DRAFT[0], "find": "said"}]
    (page_folder / "labels.draft.json").write_text(json.dumps(draft), encoding="utf-8")
    assert main(["draft", str(tmp_path), "ferry"]) == 1
    assert "occurs 2 times" in capsys.readouterr().err


def test_a_missing_folder_is_said_so(tmp_path: Path) -> None:
    with pytest.raises(ExtraDevMissingError):
        load_extra(tmp_path / "nowhere")


BENCH_SUGGEST = ROOT / "benchmarks" / "bench_suggest.py"


def bench_suggest(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`benchmarks/bench_suggest.py --no-speed ARGS`, run as a command."""
    return subprocess.run(
        [sys.executable, str(BENCH_SUGGEST), "--no-speed", *args],
        capture_output=True,
        text=True,
        check=check,
    )


def test_the_benchmark_scores_the_folder_and_says_when_it_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_page(tmp_path, monkeypatch)
    ran = bench_suggest("--set", "extra-dev", "--extra-dev", str(tmp_path))
    assert "1 pages: ferry" in ran.stdout
    assert "4 labelled sentences" in ran.stdout
    absent = bench_suggest("--set", "extra-dev", "--extra-dev", str(tmp_path / "nowhere"))
    assert "skipped: no extra development folder" in absent.stdout


def test_the_benchmark_pools_the_development_sets_and_refuses_a_blind_sets_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_page(tmp_path, monkeypatch)
    ran = bench_suggest("--extra-dev5", str(tmp_path))
    pooled = ran.stdout.split("real news, every development set above pooled (", 1)[1]
    assert "extra-dev5" in pooled.splitlines()[0]
    refused = bench_suggest(
        "--set", "extra-blind4", "--errors", "--extra-blind4", str(tmp_path), check=False
    )
    assert refused.returncode == 2
    assert "extra-blind4 is a blind set" in refused.stderr
