"""Speed and quality of the attribution suggestions (`store.suggest`) and sentence splitter.

Run from the repository root::

    python benchmarks/bench_suggest.py                  # speed, then quality on every set
    python benchmarks/bench_suggest.py --set news-dev --errors   # one set, with its errors
    python benchmarks/bench_suggest.py --no-speed --set news-blind
    python benchmarks/bench_suggest.py --no-speed --set news-blind2 \
        --extra-blind2 /work/devnews-blind2
    python benchmarks/bench_suggest.py --no-speed --set extra-dev --extra-dev /work/devnews --errors
    python benchmarks/bench_suggest.py --no-speed --set extra-dev4 \
        --extra-dev4 /work/devnews4 --errors
    python benchmarks/bench_suggest.py --no-speed --set extra-blind3 \
        --extra-blind3 /work/devnews-blind3
    python benchmarks/bench_suggest.py --no-speed --set extra-blind4 \
        --extra-blind4 /work/devnews5-blind

Speed: the median of N runs of `suggest_attributions` on a news-length article (the sample
whose body is closest to 6 KB), on the longest real news page of the development set, and
on a 1 MB text (the samples' paragraphs concatenated), and of `sentence_spans` on the 1 MB
text, each next to baselines timed in the same run over the same text (`text.split()`, and
counting `re.finditer(r"\\.")`), printed as ratios; and one run on a 15 MB text, which the
engine reads only up to `MAX_CHARS` (it says so). Targets: under 50 ms for a news article,
under 2 s for 1 MB, a few seconds for 15 MB.

Quality, set by set (which sets were tuned on is printed with each one):

- `samples`: `tests/fixtures/attributions/` and `tests/fixtures/heldout/`, invented articles.
  DEVELOPMENT sets: the rules were tuned on them and their errors were looked at.
- `heldout2`: `tests/fixtures/heldout2/`, invented articles written blind to the engine.
  Never tuned on; its errors have never been listed. Figures only.
- `news-dev`: `tests/fixtures/news/dev/`, real news pages (issue 11) labelled blind, then
  tuned on: a DEVELOPMENT set.
- `news-blind`: `tests/fixtures/news/blind/`, real news pages labelled blind and never tuned
  on: only aggregate figures are printed, never a label, a sentence or an error.
- `extra-dev` (with `--extra-dev FOLDER`): more real news pages kept outside the repository
  (`benchmarks/extra_dev.py` says how), labelled before the engine was run on them, then
  tuned on: a DEVELOPMENT set. Without the option, or when the folder is not there, it is
  skipped with a note.
- `extra-holdout` (with `--extra-holdout FOLDER`): pages kept the same way, labelled blind
  and never tuned on: aggregate figures only, like `news-blind`.
- `news-blind2`: `tests/fixtures/news/blind2/` (corpus pages) and, with `--extra-blind2
  FOLDER`, pages kept outside the repository the same way: real news labelled blind, before
  the engine ever ran on them, and never tuned on. Each part and their sum are printed, as
  aggregate figures only.
- `extra-dev4` (with `--extra-dev4 FOLDER`): a fourth batch of real news pages kept outside
  the repository, labelled before the engine ran on them, measured once as they came, then
  tuned on: a DEVELOPMENT set, printed apart from `extra-dev` so that its first figure and
  its later ones can be told from the older sets'.
- `extra-blind3` (with `--extra-blind3 FOLDER`): a third blind set kept outside the
  repository, labelled before the engine ran on it and never tuned on: aggregate figures
  only.
- `extra-dev5` and `extra-blind4` (`--extra-dev5`, `--extra-blind4`): the two parts of a
  fifth batch (devnews5), split by page before the engine first ran on it; the first part
  was then tuned on, the second never is. `extra-dev6` and `extra-blind5` (`--extra-dev6`,
  `--extra-blind5`): two further batches (devnews6, tuned on after its first measurement;
  devnews7, never tuned on), and `extra-dev7` and `extra-blind6` (`--extra-dev7`,
  `--extra-blind6`) two more made the same way (devnews8 tuned on after its first
  measurement; devnews9 never tuned on); `extra-dev8`, `extra-dev9` and `extra-dev10`
  (`--extra-dev8`, devnews10; `--extra-dev9`, devnews11; `--extra-dev10`, devnews12) three
  more development batches, tuned on after their first measurement. `extra-blind7` and
  `extra-blind8` (`--extra-blind7`, devnews13; `--extra-blind8`, devnews15) two blind sets
  from a source no earlier set used (Giveme5W1H's BBC and gold-standard data), never tuned
  on, and `extra-dev11` (`--extra-dev11`, devnews14) a development batch from the same BBC
  data, labelled twice by two labellers who never saw each other's labels
  (`benchmarks/label_agreement.py` compares them); `extra-blind9` and `extra-dev12`
  (`--extra-blind9`, devnews16-blind; `--extra-dev12`, devnews16) two more batches of the
  gold-standard data, one never tuned on, one tuned on after its first measurement; and
  two more pairs made the same way: `extra-dev13` and `extra-blind10` (devnews17,
  devnews18: the gold-standard data again) and `extra-dev14` and `extra-blind11`
  (devnews19, devnews20: newspaper3k's test texts of US and UK news pages), and
  `extra-dev15` and `extra-blind12` (devnews22, devnews21: more pages of scrapinghub's
  article-extraction-benchmark ground truth, each from a different outlet).

With `--set all` (the default) the real-news sets are also pooled: every development set
together, and every blind set together.

Sentence and claimant precision and recall are printed with STRICT claimant matching (the
rule is printed); the invented sets also show the older, lenient head-noun rule, so that
their figures compare with earlier runs. `--errors` lists the errors of a development set
(refused for the blind ones).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.attribution_scoring import (  # noqa: E402
    CLAIMANT_RULE,
    NEWS_SENTENCE_RULE,
    SENTENCE_RULE,
    STRICT_CLAIMANT_RULE,
    LabelledArticle,
    NewsLabelView,
    NewsPredicted,
    NewsScores,
    Predicted,
    Scores,
    article_text,
    label_span,
    load_labelled,
    score_all,
    score_news_page,
)
from benchmarks.extra_dev import ExtraDevMissingError, load_extra  # noqa: E402
from benchmarks.news_labels import PageLabels, load_set  # noqa: E402
from benchmarks.news_text import CorpusMissingError  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402
from claimmark.store.sentences import sentence_spans  # noqa: E402
from claimmark.store.suggest import MAX_CHARS, suggest_attributions  # noqa: E402

ARTICLES = ROOT / "articles"
SAMPLES = ROOT / "tests" / "fixtures" / "attributions"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2"


@dataclass(frozen=True)
class FolderSet:
    """A set of real news pages kept outside the repository, in a folder given by an option
    (`benchmarks/extra_dev.py` says how such a folder is made)."""

    name: str
    blind: bool
    """Never tuned on: aggregate figures only, its errors never listed."""
    about: str
    """What the set is and whether it was tuned on, printed with its figures."""
    help: str

    @property
    def option(self) -> str:
        return f"--{self.name}"


_DEV = "DEVELOPMENT set (tuned on after its first measurement, errors looked at)"
_BLIND = "NOT tuned on: aggregate figures only"
FOLDER_SETS = (
    FolderSet(
        "extra-dev",
        False,
        "real news kept outside the repository, labelled before the engine ran on it -"
        " DEVELOPMENT set (tuned on, errors looked at)",
        "a folder of extra development pages (see benchmarks/extra_dev.py)",
    ),
    FolderSet(
        "extra-holdout",
        True,
        f"real news kept outside the repository, labelled blind - {_BLIND}",
        "a folder of extra pages labelled blind and never tuned on (aggregate only)",
    ),
    FolderSet(
        "extra-dev4",
        False,
        f"real news kept outside the repository, labelled before the engine ran on it - {_DEV}",
        "a fourth folder of development pages (see benchmarks/extra_dev.py)",
    ),
    FolderSet(
        "extra-blind3",
        True,
        "real news kept outside the repository, labelled blind before the engine ran on it"
        f" - {_BLIND}",
        "a third blind set kept outside the repository (aggregate only)",
    ),
    FolderSet(
        "extra-dev5",
        False,
        "the development part of devnews5 (real news outside the repository, labelled before"
        f" the engine ran on it) - {_DEV}",
        "the development part of the fifth batch (devnews5)",
    ),
    FolderSet(
        "extra-blind4",
        True,
        "the blind part of devnews5 (real news outside the repository, labelled before the"
        f" engine ran on it) - {_BLIND}",
        "the blind part of the fifth batch (devnews5; aggregate only)",
    ),
    FolderSet(
        "extra-dev6",
        False,
        "devnews6, real news outside the repository, labelled before the engine ran on it -"
        f" {_DEV}",
        "a sixth batch of development pages (devnews6)",
    ),
    FolderSet(
        "extra-blind5",
        True,
        "devnews7, real news outside the repository, labelled before the engine ran on it -"
        f" {_BLIND}",
        "a fifth blind set (devnews7; aggregate only)",
    ),
    FolderSet(
        "extra-dev7",
        False,
        "devnews8, real news outside the repository, labelled before the engine ran on it -"
        f" {_DEV}",
        "a seventh batch of development pages (devnews8)",
    ),
    FolderSet(
        "extra-blind6",
        True,
        "devnews9, real news outside the repository, labelled before the engine ran on it -"
        f" {_BLIND}",
        "a sixth blind set (devnews9; aggregate only)",
    ),
    FolderSet(
        "extra-dev8",
        False,
        "devnews10, real news outside the repository (mozilla/readability test pages not in"
        f" the corpus), labelled before the engine ran on it - {_DEV}",
        "an eighth batch of development pages (devnews10)",
    ),
    FolderSet(
        "extra-dev9",
        False,
        "devnews11, real news outside the repository (mozilla/readability test pages not in"
        f" the corpus), labelled before the engine ran on it - {_DEV}",
        "a ninth batch of development pages (devnews11)",
    ),
    FolderSet(
        "extra-dev10",
        False,
        "devnews12, real news outside the repository (newspaper3k and goose3 test data),"
        f" labelled before the engine ran on it - {_DEV}",
        "a tenth batch of development pages (devnews12)",
    ),
    FolderSet(
        "extra-blind7",
        True,
        "devnews13, BBC News 2004-05 (Giveme5W1H's bbc data) outside the repository, labelled"
        f" before the engine ran on it - {_BLIND}",
        "a seventh blind set (devnews13; aggregate only)",
    ),
    FolderSet(
        "extra-blind8",
        True,
        "devnews15, news of 2016-17 from several outlets as news-please extracted it"
        " (Giveme5W1H's gold standard) outside the repository, labelled before the engine ran"
        f" on it - {_BLIND}",
        "an eighth blind set (devnews15; aggregate only)",
    ),
    FolderSet(
        "extra-dev11",
        False,
        "devnews14, BBC News 2004-05 (Giveme5W1H's bbc data) outside the repository, labelled"
        f" before the engine ran on it - {_DEV}",
        "an eleventh batch of development pages (devnews14)",
    ),
    FolderSet(
        "extra-blind9",
        True,
        "devnews16-blind, news of 2016-17 from several outlets as news-please extracted it"
        " (Giveme5W1H's gold standard) outside the repository, labelled before the engine ran"
        f" on it - {_BLIND}",
        "a ninth blind set (devnews16-blind; aggregate only)",
    ),
    FolderSet(
        "extra-dev12",
        False,
        "devnews16, news of 2016-17 from several outlets as news-please extracted it"
        " (Giveme5W1H's gold standard) outside the repository, labelled before the engine ran"
        f" on it - {_DEV}",
        "a twelfth batch of development pages (devnews16)",
    ),
    FolderSet(
        "extra-dev13",
        False,
        "devnews17, news of 2016-17 from several outlets as news-please extracted it"
        " (Giveme5W1H's gold standard) outside the repository, labelled before the engine ran"
        f" on it - {_DEV}",
        "a thirteenth batch of development pages (devnews17)",
    ),
    FolderSet(
        "extra-blind10",
        True,
        "devnews18, news of 2016-17 from several outlets as news-please extracted it"
        " (Giveme5W1H's gold standard) outside the repository, labelled before the engine ran"
        f" on it - {_BLIND}",
        "a tenth blind set (devnews18; aggregate only)",
    ),
    FolderSet(
        "extra-dev14",
        False,
        "devnews19, news pages of several US and UK outlets (newspaper3k's test texts)"
        f" outside the repository, labelled before the engine ran on it - {_DEV}",
        "a fourteenth batch of development pages (devnews19)",
    ),
    FolderSet(
        "extra-blind11",
        True,
        "devnews20, news pages of several US and UK outlets (newspaper3k's test texts)"
        f" outside the repository, labelled before the engine ran on it - {_BLIND}",
        "an eleventh blind set (devnews20; aggregate only)",
    ),
    FolderSet(
        "extra-dev15",
        False,
        "devnews22, news pages of many outlets (scrapinghub's article-extraction-benchmark"
        f" ground truth) outside the repository, labelled before the engine ran on it - {_DEV}",
        "a fifteenth batch of development pages (devnews22)",
    ),
    FolderSet(
        "extra-blind12",
        True,
        "devnews21, news pages of many outlets (scrapinghub's article-extraction-benchmark"
        " ground truth) outside the repository, labelled before the engine ran on it -"
        f" {_BLIND}",
        "a twelfth blind set (devnews21; aggregate only)",
    ),
)
"""The folder sets, in the order they were made (each blind one after its development
batch)."""

SETS = (
    "samples",
    "heldout2",
    "news-dev",
    "news-blind",
    "news-blind2",
    *(folder.name for folder in FOLDER_SETS),
)
BLIND_SETS = (
    "heldout2",
    "news-blind",
    "news-blind2",
    *(folder.name for folder in FOLDER_SETS if folder.blind),
)
"""Sets whose errors are never listed (their figures only are printed)."""
REAL_NEWS_SETS = frozenset(SETS) - {"samples", "heldout2"}


def sample_bodies() -> list[tuple[str, str]]:
    """(file name, stored body text) of every sample article."""
    paths = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md"))
    return [(p.name, article_text(p)) for p in paths]


def megabyte_text(bodies: list[str], size: int = 1_000_000) -> str:
    """The samples' paragraphs, concatenated (repeated) until `size` characters."""
    paragraphs = [line for body in bodies for line in body.split("\n")]
    out: list[str] = []
    total = 0
    while total < size:
        for paragraph in paragraphs:
            out.append(paragraph)
            total += len(paragraph) + 1
            if total >= size:
                break
    return "\n".join(out)


def count_dots(text: str) -> int:
    """Baseline: one regular-expression pass over the text."""
    return sum(1 for _ in re.finditer(r"\.", text))


def speed(runs: int) -> None:
    """Print the timing figures."""
    bodies = sample_bodies()
    name, article = min(bodies, key=lambda item: abs(len(item[1]) - 6000))
    big = megabyte_text([body for _, body in bodies])
    texts: list[tuple[str, str, str, int]] = [
        (f"{name} ({len(article):,} chars)", article, "", runs * 5),
    ]
    try:
        longest = max(load_set("dev"), key=lambda p: len(p.page.body))
        texts.append(
            (
                f"news page {longest.page.name} ({len(longest.page.body):,} chars)",
                longest.page.body,
                longest.page.title,
                runs * 5,
            )
        )
    except CorpusMissingError:
        print("(the saved news pages are not here: no news page timed)")
    texts.append((f"1 MB text ({len(big):,} chars)", big, "", runs))
    print("== speed (median of runs; ratio = time / baseline time in this run)")
    print("   targets: under 50 ms for a news article, under 2 s for 1 MB")
    for label, text, title, n in texts:
        t_suggest = median_seconds(
            lambda text=text, title=title: suggest_attributions(text, title), n
        )
        t_split = median_seconds(lambda text=text: text.split(), n)
        t_dots = median_seconds(lambda text=text: count_dots(text), n)
        print(
            f"{label}: suggest_attributions {t_suggest * 1000:8.1f} ms"
            f"   (x{t_suggest / t_split:6.1f} text.split() {t_split * 1000:.2f} ms,"
            f" x{t_suggest / t_dots:6.1f} re.finditer(r'\\.') {t_dots * 1000:.2f} ms)"
            f"   runs={n}"
        )
    t_spans = median_seconds(lambda: sentence_spans(big), runs)
    t_split = median_seconds(lambda: big.split(), runs)
    t_dots = median_seconds(lambda: count_dots(big), runs)
    print(
        f"1 MB text: sentence_spans {t_spans * 1000:8.1f} ms"
        f"   (x{t_spans / t_split:6.1f} text.split() {t_split * 1000:.2f} ms,"
        f" x{t_spans / t_dots:6.1f} re.finditer(r'\\.') {t_dots * 1000:.2f} ms)   runs={runs}"
    )
    suggestions = len(suggest_attributions(big))
    print(f"1 MB text: {len(sentence_spans(big)):,} sentences, {suggestions:,} suggestions")
    huge = "\n".join([big] * 15)
    t0 = time.perf_counter()
    found = suggest_attributions(huge)
    elapsed = time.perf_counter() - t0
    print(
        f"15 MB text ({len(huge):,} chars): suggest_attributions {elapsed:.2f} s once,"
        f" read {found.read:,} chars (MAX_CHARS {MAX_CHARS:,}), truncated={found.truncated}"
    )


# --------------------------------------------------------------------------------------------
# Quality


def predicted(text: str) -> list[Predicted]:
    """The engine's suggestions in the lenient scorer's terms."""
    return [
        Predicted(s.start, s.end, s.claimant, s.anonymous, s.sources)
        for s in suggest_attributions(text)
    ]


def news_predicted(text: str, title: str = "") -> list[NewsPredicted]:
    """The engine's suggestions (the headline's too) in the strict scorer's terms."""
    return [
        NewsPredicted(
            "title" if s.in_title else "body",
            s.start,
            s.end,
            s.claimant,
            s.anonymous,
            s.sources,
            s.inherited,
        )
        for s in suggest_attributions(text, title)
    ]


def report_lenient(scores: Scores) -> None:
    """Print the lenient figures of one invented set."""
    hits = max(1, scores.sentence_hits)
    print(
        f"  lenient   sentence P {scores.sentence_precision:.3f} R {scores.sentence_recall:.3f}"
        f"   claimant P {scores.claimant_precision:.3f} R {scores.claimant_recall:.3f}"
        f"   (anonymous/named agree {scores.anonymous_agree / hits:.3f},"
        f" sources agree {scores.sources_agree / hits:.3f})"
    )


def report_strict(scores: NewsScores) -> None:
    """Print the strict figures of one set."""
    print(
        f"  strict    sentence P {scores.sentence_precision:.3f} R {scores.sentence_recall:.3f}"
        f"   claimant P {scores.claimant_precision:.3f} R {scores.claimant_recall:.3f}"
        f"   ({scores.sentences} labelled sentences, {scores.claimants} claimants,"
        f" {scores.suggestions} suggestions)"
    )


def strict_invented(articles: Sequence[LabelledArticle], keep_errors: bool) -> NewsScores:
    """Strict scores of invented articles (labels with sentence text, not offsets)."""
    total = NewsScores()
    for article in articles:
        views = []
        for label in article.labels:
            start, end = label_span(article.text, label)
            views.append(
                NewsLabelView(
                    "body",
                    start,
                    end,
                    label.sentence,
                    (label.claimant, *label.other_claimants),
                    not label.cue_in_sentence,
                    None,
                    None,
                )
            )
        total.add(
            score_news_page(
                article.name,
                views,
                news_predicted(article.text),
                article.labelled_range,
                keep_errors=keep_errors,
            )
        )
    return total


def news_set(set_name: str, keep_errors: bool) -> NewsScores | None:
    """Strict scores of one real-news set (None when the saved pages are not here)."""
    try:
        pages = load_set(set_name)
    except CorpusMissingError as error:
        print(f"  skipped: {error}")
        return None
    return score_pages(pages, keep_errors)


def extra_set(
    folder: Path | None, keep_errors: bool, option: str = "--extra-dev"
) -> NewsScores | None:
    """Strict scores of the extra pages in `folder` (None when there are none)."""
    if folder is None:
        print(f"  skipped: no {option} FOLDER given")
        return None
    try:
        pages = load_extra(folder)
    except ExtraDevMissingError as error:
        print(f"  skipped: {error}")
        return None
    if not pages:
        print(f"  skipped: no labelled page in {folder}")
        return None
    return score_pages(pages, keep_errors)


def blind2_set(folder: Path | None) -> NewsScores | None:
    """Strict scores of the second blind set: its pages in the repository and, when a
    folder is given, its pages kept outside; each part is printed, the sum returned."""
    print(
        "news-blind2: tests/fixtures/news/blind2, real news labelled blind before the engine"
        " ran on it - NOT tuned on: aggregate figures only"
    )
    total = NewsScores()
    inside = news_set("blind2", False)
    if inside is not None:
        report_strict(inside)
        total.add(inside)
    print(
        f"news-blind2 (outside the repository): {folder or '(no folder)'}, labelled the same"
        " way - NOT tuned on: aggregate figures only"
    )
    outside = extra_set(folder, False, option="--extra-blind2")
    if outside is not None:
        report_strict(outside)
        total.add(outside)
    if inside is None and outside is None:
        return None
    print("news-blind2, both parts together:")
    return total


def label_views(page: PageLabels) -> list[NewsLabelView]:
    """A page's labels as the news scorer reads them."""
    return [
        NewsLabelView(
            label.where,
            label.start,
            label.end,
            label.text,
            label.claimants,
            label.inherited,
            label.pronoun,
            label.description,
        )
        for label in page.labels
    ]


def labelled_range(page: PageLabels) -> tuple[int, int] | None:
    """The part of the page's body that was labelled, when only a part was."""
    if page.label_range is None:
        return None
    return (page.label_range.start, page.label_range.end)


def score_pages(pages: Sequence[PageLabels], keep_errors: bool) -> NewsScores:
    """Strict scores of labelled real-news pages."""
    total = NewsScores()
    for page in pages:
        total.add(
            score_news_page(
                page.page.name,
                label_views(page),
                news_predicted(page.page.body, page.page.title),
                labelled_range(page),
                keep_errors=keep_errors,
            )
        )
    print(f"  {len(pages)} pages: {', '.join(p.page.name for p in pages)}")
    return total


def quality(
    which: str,
    errors: bool,
    folders: dict[str, Path | None],
    blind2: Path | None = None,
) -> None:
    """Print precision and recall on the chosen sets (`folders`: each folder set's folder,
    by set name), then, for every set, real news pooled: development and blind apart."""
    print("== quality")
    print(f"  {NEWS_SENTENCE_RULE}")
    print(f"  {STRICT_CLAIMANT_RULE}")
    print(f"  (lenient, invented sets only) {SENTENCE_RULE}; {CLAIMANT_RULE}")
    chosen = SETS if which == "all" else (which,)
    by_name = {folder.name: folder for folder in FOLDER_SETS}
    pooled = {False: NewsScores(), True: NewsScores()}
    pooled_names: dict[bool, list[str]] = {False: [], True: []}
    for name in chosen:
        keep = errors and name not in BLIND_SETS
        scores: NewsScores | None = None
        if name == "samples":
            print(
                "samples: tests/fixtures/attributions + tests/fixtures/heldout, invented -"
                " DEVELOPMENT sets (tuned on, errors looked at)"
            )
            articles = [
                *load_labelled(SAMPLES, [ARTICLES]),
                *load_labelled(HELDOUT, [ARTICLES]),
            ]
            report_lenient(score_all(articles, predicted))
            scores = strict_invented(articles, keep)
        elif name == "heldout2":
            print(
                "heldout2: tests/fixtures/heldout2, invented, written blind to the engine -"
                " NOT tuned on, errors never listed"
            )
            articles = load_labelled(HELDOUT2, [ARTICLES])
            report_lenient(score_all(articles, predicted))
            scores = strict_invented(articles, False)
        elif name == "news-dev":
            print(
                "news-dev: tests/fixtures/news/dev, real news labelled blind -"
                " DEVELOPMENT set (tuned on, errors looked at)"
            )
            scores = news_set("dev", keep)
        elif name == "news-blind":
            print(
                "news-blind: tests/fixtures/news/blind, real news labelled blind -"
                " NOT tuned on: aggregate figures only"
            )
            scores = news_set("blind", False)
        elif name == "news-blind2":
            scores = blind2_set(blind2)
        else:
            folder_set = by_name[name]
            folder = folders.get(name)
            print(f"{name}: {folder or '(no folder)'}, {folder_set.about}")
            scores = extra_set(folder, keep, option=folder_set.option)
        if scores is None:
            continue
        report_strict(scores)
        if keep:
            for line in scores.errors:
                print(f"    {line}")
        if name in REAL_NEWS_SETS:
            blind = name in BLIND_SETS
            pooled[blind].add(scores)
            pooled_names[blind].append(name)
    if which != "all":
        return
    for blind, label in ((False, "development"), (True, "blind")):
        if pooled_names[blind]:
            print(f"real news, every {label} set above pooled ({', '.join(pooled_names[blind])}):")
            report_strict(pooled[blind])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs for the 1 MB timings")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument(
        "--errors", action="store_true", help="list the errors of the development sets"
    )
    parser.add_argument(
        "--extra-blind2",
        type=Path,
        metavar="FOLDER",
        help="the part of the second blind set kept outside the repository (aggregate only)",
    )
    for folder_set in FOLDER_SETS:
        parser.add_argument(folder_set.option, type=Path, metavar="FOLDER", help=folder_set.help)
    args = parser.parse_args()
    if args.errors and args.set in BLIND_SETS:
        parser.error(f"{args.set} is a blind set: its errors are never listed")
    if not args.no_speed:
        speed(args.runs)
    folders = {f.name: getattr(args, f.name.replace("-", "_")) for f in FOLDER_SETS}
    quality(args.set, args.errors, folders, args.extra_blind2)


if __name__ == "__main__":
    main()
