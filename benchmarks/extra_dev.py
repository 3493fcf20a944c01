"""An extra development set of real news kept OUTSIDE the repository, and its tools.

The suggestion engine was tuned on `tests/fixtures/news/dev`; a second, more varied set of
real news pages, labelled by hand before the engine was run on them, tells whether a rule
generalises or only fits the pages it was tuned on. The pages are other publishers' text,
so they never enter the repository: they live in a folder of their own (by convention
`/work/devnews/`), one sub-folder per page:

    <folder>/<name>/source.txt   the text as fetched (an extraction library's test fixture
                                  or a benchmark's ground-truth text), unchanged
    <folder>/<name>/page.json    {"name", "title", "paragraphs": [...], "source": {...}}
    <folder>/<name>/labels.json  the labels, in the format of `tests/fixtures/news/dev`
                                  (`tests/fixtures/news/README.md`) with "text": "page.json"
    <folder>/SOURCES.md          where each page came from (repository, path, commit)

The paragraphs are the source text cut at line breaks, each cleaned as
`benchmarks/news_text.py` cleans a paragraph (control characters dropped, whitespace runs
collapsed, NFC); the body is the paragraphs joined by ``\\n``, as claimmark stores an
article. The set is a DEVELOPMENT set: it is tuned on and its errors are looked at, and so
is a fourth batch made the same way (`/work/devnews4/`, scored with `--extra-dev4`, measured
once as it came before it was tuned on). Folders of the same layout also hold three sets that
are never tuned on (`/work/devnews-holdout/`, scored with `--extra-holdout`,
`/work/devnews-blind2/`, with `--extra-blind2`, and `/work/devnews-blind3/`, with
`--extra-blind3`): for those, only aggregate figures are printed.

Making a set, in this order: choose pages no other set holds (check every `SOURCES.md` and
`tests/fixtures/news/README.md`); import them; write each `labels.draft.json` by hand from
`show` (the sentence splitter only, never the engine) following the conventions in
`tests/fixtures/news/README.md`; `draft`; write `SOURCES.md` (where each page came from,
whether the set is tuned on); only then run `bench_suggest.py` on it.

Commands (run from the repository root)::

    python benchmarks/extra_dev.py import FOLDER NAME --repo R --path P --commit C \\
        [--title T] [--note N] < text      # save a page's text and page.json
    python benchmarks/extra_dev.py show FOLDER NAME        # paragraphs and sentences
    python benchmarks/extra_dev.py draft FOLDER NAME       # labels.draft.json -> labels.json
    python benchmarks/extra_dev.py counts FOLDER           # check every label, count them

`labels.draft.json` is how the labels are written by hand: a list of objects like
``{"find": "a unique piece of the sentence", "claimant": ..., "cue": ..., "attribution":
..., "sources": [...]}`` (optional: "inherited", "pronoun", "description", "title": true,
"occurrence": which one (0-based) when the piece recurs, "to": a piece of a later span
when the splitter cut the true sentence in two, "exact": the whole sentence when the
splitter joined it to another, "other_claimants": [{..., "clause": the exact clause}]).
`draft` finds each sentence, computes its offsets, paragraph and SHA-1, and writes
`labels.json`, refusing a piece that is missing or not unique.

`benchmarks/bench_suggest.py --extra-dev FOLDER` scores the engine on the folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.news_labels import (  # noqa: E402
    LabelError,
    PageLabels,
    counts,
    read_label_file,
    resolve_labels,
    sha1_12,
)
from benchmarks.news_text import NewsPage, clean_inline  # noqa: E402
from claimmark.store.sentences import sentence_spans  # noqa: E402

SET_NAME = "extra-dev"
TEXT_FIELD = "page.json"


class ExtraDevMissingError(FileNotFoundError):
    """The folder of extra development pages is not there."""


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a fetched text: its lines, cleaned, empty ones dropped."""
    out = []
    for line in text.split("\n"):
        cleaned = clean_inline(line)
        if cleaned:
            out.append(cleaned)
    return out


def load_page(folder: Path) -> NewsPage:
    """The page saved in `folder` (its `page.json`)."""
    path = folder / "page.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LabelError(f"{path}: cannot read the page: {error}") from error
    paragraphs = data.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise LabelError(f"{path}: 'paragraphs' must be a list of strings")
    title = str(data.get("title", ""))
    return NewsPage(name=folder.name, title=title, paragraphs=tuple(paragraphs))


def page_folders(folder: Path) -> list[Path]:
    """The page folders (those with a `labels.json`), sorted by name."""
    if not folder.is_dir():
        raise ExtraDevMissingError(f"no extra development folder at {folder}")
    return sorted(p.parent for p in folder.glob("*/labels.json"))


def load_extra(folder: Path) -> list[PageLabels]:
    """Every labelled page of the folder, each label located and checked."""
    pages = []
    for page_folder in page_folders(folder):
        path = page_folder / "labels.json"
        data = read_label_file(path)
        if data.get("text") != TEXT_FIELD:
            raise LabelError(f"{path}: 'text' must be {TEXT_FIELD!r}")
        pages.append(resolve_labels(path, data, SET_NAME, load_page(page_folder)))
    return pages


# --------------------------------------------------------------------------------------------
# Commands


def import_page(folder: Path, name: str, text: str, title: str, source: dict[str, str]) -> Path:
    """Save `text` as page `name` in `folder` (source.txt and page.json)."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    (target / "source.txt").write_text(text, encoding="utf-8")
    page = {
        "name": name,
        "title": clean_inline(title),
        "paragraphs": paragraphs_of(text),
        "source": source,
    }
    (target / "page.json").write_text(
        json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return target


def show(page: NewsPage) -> str:
    """The page with numbered paragraphs and, inside them, its sentence spans."""
    lines = [f"title: {page.title}"]
    spans = sentence_spans(page.body)
    for number, (start, paragraph) in enumerate(
        zip(page.paragraph_starts, page.paragraphs, strict=True), 1
    ):
        lines.append(f"\n¶{number} @{start}")
        end = start + len(paragraph)
        for s, e in spans:
            if start <= s < end:
                lines.append(f"  [{s}-{e}] {page.body[s:e]}")
    return "\n".join(lines)


def _unique(haystack: str, needle: str, where: str, occurrence: int | None = None) -> int:
    """Where `needle` is in `haystack`: its only occurrence, or the given one (0-based)."""
    found = []
    at = haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    if not found:
        raise LabelError(f"{where}: {needle[:60]!r} is not in the text")
    if occurrence is not None:
        if occurrence >= len(found):
            raise LabelError(f"{where}: {needle[:60]!r} occurs only {len(found)} times")
        return found[occurrence]
    if len(found) > 1:
        raise LabelError(f"{where}: {needle[:60]!r} occurs {len(found)} times")
    return found[0]


def _span_at(spans: list[tuple[int, int]], offset: int, where: str) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    raise LabelError(f"{where}: offset {offset} is in no sentence")


def draft_to_labels(page: NewsPage, draft: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The labels of a hand-written draft (see the module docstring), located in `page`."""
    spans = sentence_spans(page.body)
    labels = []
    for index, item in enumerate(draft):
        where = f"{page.name} draft {index}"
        in_title = bool(item.get("title"))
        text = page.title if in_title else page.body
        disagrees = False
        if "exact" in item:
            start = _unique(text, item["exact"], where)
            end = start + len(item["exact"])
            disagrees = not in_title and (start, end) not in spans
        elif in_title:
            start = _unique(text, item["find"], where)
            start, end = 0, len(text)
        else:
            found = _unique(text, item["find"], where, item.get("occurrence"))
            start, end = _span_at(spans, found, where)
            if "to" in item:
                end = _span_at(spans, _unique(text, item["to"], where), where)[1]
                disagrees = True
        label: dict[str, Any] = {
            "in": "title" if in_title else "body",
            "paragraph": 0 if in_title else page.paragraph_of(start),
            "start": start,
            "end": end,
            "sha1": sha1_12(text[start:end]),
            "claimant": item["claimant"],
            "cue": item["cue"],
            "attribution": item["attribution"],
            "sources": item.get("sources", []),
        }
        for key in ("inherited", "pronoun", "description"):
            if key in item:
                label[key] = item[key]
        others = []
        for other in item.get("other_claimants", []):
            entry = {k: v for k, v in other.items() if k != "clause"}
            entry.setdefault("sources", [])
            if "clause" in other:
                clause_start = _unique(text, other["clause"], where)
                entry["start"] = clause_start
                entry["end"] = clause_start + len(other["clause"])
            others.append(entry)
        if others:
            label["other_claimants"] = others
        if disagrees:
            label["splitter_disagrees"] = True
        labels.append(label)
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="save a page's text (read from stdin)")
    imp.add_argument("folder", type=Path)
    imp.add_argument("name")
    for option in ("--repo", "--path", "--commit"):
        imp.add_argument(option, required=True)
    imp.add_argument("--title", default="")
    imp.add_argument("--note", default="")
    for command in ("show", "draft"):
        one = sub.add_parser(command)
        one.add_argument("folder", type=Path)
        one.add_argument("name")
    cnt = sub.add_parser("counts")
    cnt.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "import":
            source = {"repo": args.repo, "path": args.path, "commit": args.commit}
            if args.note:
                source["note"] = args.note
            target = import_page(args.folder, args.name, sys.stdin.read(), args.title, source)
            print(f"{target}: {len(load_page(target).paragraphs)} paragraphs")
        elif args.command == "show":
            print(show(load_page(args.folder / args.name)))
        elif args.command == "draft":
            page_folder = args.folder / args.name
            page = load_page(page_folder)
            draft = json.loads((page_folder / "labels.draft.json").read_text(encoding="utf-8"))
            labels = draft_to_labels(page, draft)
            data = {"page": args.name, "text": TEXT_FIELD, "coverage": "full", "labels": labels}
            path = page_folder / "labels.json"
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
            resolve_labels(path, data, SET_NAME, page)  # the checks the loader makes
            print(f"{path}: {len(labels)} labels")
        else:
            pages = load_extra(args.folder)
            figures = counts(pages)
            print(", ".join(f"{k} {v}" for k, v in vars(figures).items()))
            for page in pages:
                print(f"  {page.page.name}: {len(page.labels)}")
    except (LabelError, ExtraDevMissingError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
