"""Suggested attributions: the sentences of an article that report what someone said.

`suggest_attributions(text, title="")` reads claimmark's stored article text (body
paragraphs joined by ``\\n``) and returns, in document order, one `Suggestion` per
attributed sentence (or per clause, when a sentence has several claimants): who the
claimant is, the cue that attributes it to them, whether the claimant is anonymous, how
the sentence describes them when it does not name them, the chain of relays when the
sentence gives one, and whether the speaker was inherited from another sentence. With the
article's title, the headline comes first when it reports a claim (`in_title`). It is
rule-based and local (the standard library's `re`, no model).

The work is bounded: at most `MAX_CHARS` characters are read, a paragraph at a time, and the
result (`Suggestions`, a list) says when the article went on past them (`truncated`).

How a sentence (`store.sentences.sentence_spans`) is read:

1. Cues are looked for outside quotations: reporting verbs (`said`, `told`, `confirmed`,
   `has since indicated`, `privately acknowledged`, `writes`, `officials say` ...), verbs of
   speaking beside a quotation (`“...,” X responded`, `X continued: “...”`, `“...?” he
   asked`), stances (`is concerned the ...`, `it became clear to X that`), `according to`,
   `By most accounts`, `In X's words`, `X's notion that`, a name and a quotation after a
   colon, a purpose infinitive (`X turned to Twitter to describe ...`), `with X warning
   that`, `prompted X to argue that`, speakerless hedges (`It is understood that`, `We're
   told`), and relays (`citing`, `quoting an article by`, `told the Gazette`, `As X
   reports,`). Objects that are no statement are not cues (`agreed to a rescue`, `argues
   the government's cases`, `the Senate confirmed X`).
2. The claimant is the noun phrase before the verb, skipping adverbs, auxiliaries and party
   tags and looking through appositives and relative clauses ("the environment minister,
   Helen Achterberg, told" gives "Helen Achterberg"), or the phrase after the verb in an
   inversion ("..., said Joe Carbone, president of ..."). Names come out whole ("C. Eugene
   Steuerle", "Ursula von der Leyen"); role words before a name become its description.
3. Pronouns point back to the last person (of the same gender when titles, first names,
   roles or earlier pronouns tell it), organisation or group; "the company", "the
   airline" (the company named most), "the agency" (the public body), "the president",
   "the then prime minister", "her mother" and "the report" to the one the article names
   so (a document to whoever made it); an acronym to the name it abbreviates; "a
   programmer who ..." to the person named speaking in the next paragraph. Short names
   become the fuller name the text uses; employers, affiliations and descriptions around a
   name are cut off ("Morningstar's Karin Anderson", "X of the University of Y").
4. The claimant is the innermost origin ("Outlet A writes, quoting an article by Outlet B";
   "X told leaders ..., the Gazette writes" gives X, relayed by the Gazette); the relays,
   outermost first, go in `sources`. Clauses joined by "but"/"and" that name their own
   claimants give one suggestion each.
5. A sentence with no cue of its own inherits the nearest named speaker: the rest of a
   quotation (in the same paragraph or running on over paragraphs), a quote paragraph after
   an attributed quotation (after a quoted question: the other party's answer), a list or
   block quotation after "X said:", a first-person block after its author is named, a
   post embedded with a byline line after it ("— Name (@handle) date"), a quotation given
   again, "Additionally, ..." after a finding, a quotation right after a named speaker's
   paraphrase, reported speech going on ("... would also ..."). A digest's headline with
   its outlet in brackets is the outlet's; links in square brackets are nobody's.

The modules, in the order a sentence meets them:

- `suggestion`: `Suggestion` and `Suggestions` (the result) and the JSON form.
- `words`: the word lists (reporting verbs, function words, nouns for people, roles and
  organisations, titles, first names); `first_names`: common first names by gender
  (generated from the 1990 US Census lists by `docs/make_first_names.py`).
- `tokens`: tokens of a sentence and the quoted spans of a paragraph.
- `names`: the names of the whole article (people, outlets, organisations, genders, roles,
  who made which document).
- `phrases`: noun phrases read backwards or forwards, and what they say of a claimant.
- `referents`: what pronouns, short names and descriptions point back to.
- `sentence`: one sentence being read.
- `claimants`: from a cue's subject to its claimant (`Candidate`).
- `cues`: reporting verbs and their subjects (and the quick filter on sentences).
- `special_cues`: the other cues (stances, "In X's words", colon quotations, "X's notion
  that", messages, "has learned").
- `hedges` and `relays`: speakerless hedges; who passed a claim on.
- `choice`: which cue of a sentence (or of each clause) names the claimant.
- `headline`: the title's suggestion.
- `engine`: the walk through the article, inherited speakers, and the bound on the work.
"""

from claimmark.store.suggest.engine import MAX_CHARS, suggest_attributions
from claimmark.store.suggest.suggestion import (
    UNNAMED,
    Suggestion,
    Suggestions,
    suggestion_to_dict,
)

__all__ = [
    "MAX_CHARS",
    "UNNAMED",
    "Suggestion",
    "Suggestions",
    "suggest_attributions",
    "suggestion_to_dict",
]
