"""Suggested attributions: the sentences of an article that report what someone said.

`suggest_attributions(text)` reads claimmark's stored article text (body paragraphs joined by
``\\n``) and returns, in document order, one `Suggestion` per attributed sentence: who the
claimant is, the cue that attributes the sentence to them, whether the claimant is anonymous,
and the chain of relays when the sentence gives one. It is rule-based and local (the standard
library's `re`, no model), and fast enough to run while the user types.

How a sentence (`store.sentences.sentence_spans`) is read:

1. Cues are looked for outside quotations: reporting verbs (`said`, `told`, `confirmed`,
   `has since indicated`, `privately acknowledged`, `writes`, `officials say` ...),
   `according to`, and relays (`citing`, `quoting an article by`, `seen by`, `which cites`,
   `told the Gazette`).
2. The claimant is the noun phrase before the verb, skipping adverbs and auxiliaries and
   looking through appositives and relative clauses ("the environment minister, Helen
   Achterberg, told" gives "Helen Achterberg"; "A broker, who asked ..., said" gives
   "a broker"), or the phrase after the verb in an inversion ("...,” said Frank Doyle").
3. Pronouns (`He described ...`, `she said`, `It said`) point back to the last person (of
   the same gender when titles, first names or earlier pronouns tell it) or organisation;
   "the company", "the group" and "the paper" to the last one named. Short names
   ("Ms. Achterberg", "the Gazette") become the fuller name the text uses elsewhere.
4. The claimant is the innermost origin ("X writes, quoting an article by Y" -> Y); the
   relays, outermost first, go in `sources`.
5. A sentence that is all quotation continues the quotation attributed just before it in
   the same paragraph (or the one whose attribution closes it in the next sentence).

The modules, in the order a sentence meets them:

- `suggestion`: `Suggestion` (the result) and its JSON form.
- `words`: the word lists (reporting verbs, function words, nouns for people and
  organisations, titles, first names).
- `tokens`: tokens of a sentence and the quoted spans of a paragraph.
- `names`: the names of the whole article (people, outlets, organisations, genders).
- `phrases`: noun phrases read backwards or forwards, and what they say of a claimant.
- `referents`: what pronouns, short names and "the company" point back to.
- `sentence`: one sentence being read.
- `claimants`: from a cue's subject to its claimant (`Candidate`).
- `cues`: the attribution cues of a sentence, hedges and relays.
- `engine`: the walk through the article and the choice among a sentence's cues.
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
