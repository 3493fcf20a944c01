"""Agreement between two labellers (`benchmarks/label_agreement.py`), on a page written for the
test and labelled twice."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from benchmarks.extra_dev import load_extra
from benchmarks.extra_dev import main as extra_dev
from benchmarks.label_agreement import agreement, main, paired
from tests.test_extra_dev import TEXT  # the page the extra-set tools are tested on


def _label(find: str, claimant: str, **more: object) -> dict[str, object]:
    return {"find": find, "claimant": claimant, "cue": "said", "attribution": "named",
            "sources": [], **more}  # fmt: skip


FIRST = [
    _label("the council said", "the council"),
    _label("We had no choice", "Mara Quill"),
    _label("The pier is unsafe.", "Mara Quill", inherited=True),
    _label("Engineers say", "Engineers", attribution="anonymous"),
]
SECOND = [
    _label("the council said", "the council"),
    _label("We had no choice", "the harbour master"),  # a description, not the name
    _label("Engineers say", "Engineers", attribution="anonymous"),
    # the inherited sentence left out
]


def labelled(folder: Path, draft: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    args = ["import", str(folder), "ferry", "--repo", "o/r", "--path", "p.txt", "--commit", "c"]
    assert extra_dev(args) == 0
    (folder / "ferry" / "labels.draft.json").write_text(json.dumps(draft), encoding="utf-8")
    assert extra_dev(["draft", str(folder), "ferry"]) == 0
    return folder


def test_the_second_labelling_is_scored_as_suggestions_against_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = labelled(tmp_path / "a", FIRST, monkeypatch)
    b = labelled(tmp_path / "b", SECOND, monkeypatch)
    scores = agreement(paired(load_extra(a), load_extra(b)), keep_errors=True)
    assert (scores.sentences, scores.sentences_found) == (4, 3)
    assert (scores.claimants, scores.claimants_found) == (4, 2)
    assert (scores.suggestions, scores.suggestions_right) == (3, 2)
    assert any("want 'Mara Quill', got 'the harbour master'" in line for line in scores.errors)
    same = agreement(paired(load_extra(a), load_extra(a)))
    assert same.claimant_precision == same.claimant_recall == 1.0


def test_the_command_prints_both_directions_and_refuses_different_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a = labelled(tmp_path / "a", FIRST, monkeypatch)
    b = labelled(tmp_path / "b", SECOND, monkeypatch)
    assert main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "claimant P 0.667 R 0.500" in out  # B against A
    assert "claimant P 0.500 R 0.667" in out  # A against B
    assert "the engine against labeller B:" in out
    page = b / "ferry" / "page.json"
    data = json.loads(page.read_text(encoding="utf-8"))
    data["paragraphs"][2] = "Engineers say the pier can be mended."
    page.write_text(json.dumps(data), encoding="utf-8")
    (b / "ferry" / "labels.draft.json").write_text(json.dumps(SECOND[:2]), encoding="utf-8")
    assert extra_dev(["draft", str(b), "ferry"]) == 0
    assert main([str(a), str(b)]) == 1
    assert "hold different texts" in capsys.readouterr().err
    assert main([str(a), str(tmp_path / "nowhere")]) == 1
