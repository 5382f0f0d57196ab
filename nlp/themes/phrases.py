"""Candidate names of a theme, by kind of construction, from the words of its own answers.

Every candidate is a stretch of one clause of an answer, so it is always written as someone
wrote it. Two constructions make a name (nlp.themes.naming picks among them):

- a noun phrase: a head noun with the adjectives, participles or nouns right before it
  ("långa väntetider", "personalens bemötande", "nya parkeringsavgiften");
- a noun phrase with a prepositional phrase after its head: head (with at most one modifier)
  + preposition + a noun (with at most one modifier): "bemötande i receptionen", "långa
  väntetider på telefon", "tid för samtal". The preposition is the only function word a name
  may hold, and only here, between two nouns.

At most MAX_WORDS words. A bare noun is a candidate too (it is what a theme is about), but
naming never shows one alone when a construction of it is written in the theme's answers.

Word classes come from the Swedish Hunspell lexicon (nlp.themes.wordclass): a bare adjective
("Trevligt"), adverb or verb is never a head. A stop word, filler, greeting or thanks ends a
phrase. Evaluative words ("trevlig", "smidig", "upplevelse") say how someone felt, not about
what: never a head, only a modifier, and not where a negation precedes them ("inte trevligt
bemötande"), so praise is not put on a theme of complaints.

Candidates are keyed by lemmas (so "långa väntetider" and "lång väntetid" are one; a
preposition is its own key part) and shown in a written form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from nlp.themes.representation import PLACEHOLDER_RE, TOKEN_RE, swedish_tokens
from nlp.themes.wordclass import is_modifier, is_noun

Key = tuple[str, ...]
Word = tuple[str, str, bool, bool, bool]  # written, lemma, head noun?, modifier?, evaluative?

MIN_WORD = 3  # shorter words are never a head
MAX_WORDS = 4
# Evaluative words: how someone felt about something, not what it was. Common Swedish
# praise and complaint words (lemmas; the lexicon classes some as nouns: "bra", "upplevelse"),
# never the head of a name.
EVALUATIVE_WORDS = frozenset(
    """bra dålig god gott fin fint toppen topp kanon super superbra jättebra grym grymt perfekt
    utmärkt fantastisk underbar härlig suverän strålande enastående fenomenal otrolig bäst
    bättre sämre sämst trevlig otrevlig vänlig ovänlig smidig krånglig enkel lätt svår
    nöjd missnöjd glad besviken sur arg ledsen tacksam positiv negativ proffsig professionell
    oprofessionell seriös oseriös hjälpsam trygg otrygg schysst snäll duktig kunnig okunnig
    värdelös usel hemsk fruktansvärd katastrof katastrofal skandal uselt okej ok fel rätt
    rekommendation rekommendera betyg stjärna upplevelse erfarenhet helhet intryck allt
    tillmötesgående noggrann effektiv punktlig flexibel pålitlig kompetent ärlig lyhörd
    prisvärd engagerad""".split()
)
# The infinitive marker and the Swedish modal verbs: the word after them is an infinitive.
VERB_BEFORE = frozenset(
    """att kan kunde kunna kunnat ska skall skulle vill ville velat måste må bör borde får fick fått
    brukar brukade lär tänker tänkte""".split()
)
NEGATIONS = frozenset("inte ej aldrig ingen inget inga icke utan".split())
# Prepositions that attach a noun to a noun in Swedish ("väntetid på telefon", "bemötande i
# receptionen", "svar från kommunen"): the closed class, not a list of words seen in themes.
PREPOSITIONS = frozenset("på i vid av för med om till från hos under efter mot kring inför över".split())
# Nouns of quantity and units of time: they say how many or how long, never of what ("Antalet och
# åren" named debate on how many asylum seekers came). Never a head; a noun of quantity stands
# before the noun it counts ("antalet asylsökande", "andelen invandrare").
QUANTITY_NOUNS = frozenset("antal andel mängd procent hälft majoritet minoritet flertal".split())
TIME_UNITS = frozenset("år månad vecka dygn timme minut sekund".split())
CLAUSE_RE = re.compile(r"[.,;:!?()\"“”…\n\r\t/–—]+")


class Words:
    """Per written word: its lemma and whether it can head a noun phrase, stand before one,
    or is evaluative; None when it can never be in a name (`banned`). Cached over a corpus."""

    def __init__(self, banned: frozenset[str]) -> None:
        self.banned = banned
        self.cache: dict[str, Word | None] = {}

    def get(self, low: str) -> Word | None:
        if low not in self.cache:
            self.cache[low] = self._look(low)
        return self.cache[low]

    def _look(self, low: str) -> Word | None:
        if low in self.banned or len(low) < 2:
            return None
        lemmas = swedish_tokens(low)
        if len(lemmas) != 1 or lemmas[0] in self.banned:
            return None
        evaluative = low in EVALUATIVE_WORDS or lemmas[0] in EVALUATIVE_WORDS
        quantity = lemmas[0] in QUANTITY_NOUNS
        head = is_noun(low) and not evaluative and not quantity and lemmas[0] not in TIME_UNITS
        return low, lemmas[0], head, quantity or is_modifier(low), evaluative


def written(key: Key, found: Mapping[Key, Counter[str]]) -> str:
    """A candidate as the theme's answers write it most often."""
    return found[key].most_common(1)[0][0]


def content(key: Key) -> set[str]:
    """The lemmas of a candidate without its preposition: what it is about."""
    return {w for w in key if w not in PREPOSITIONS}


def answer_phrases(text: str, words: Words) -> dict[Key, str]:
    """Candidates of one answer (both constructions): lemma key → written form (the first)."""
    seen: dict[Key, str] = {}
    for clause in CLAUSE_RE.split(PLACEHOLDER_RE.sub(" | ", text)):
        lows = [t.lower() for t in TOKEN_RE.findall(clause)]
        # After the infinitive marker or a modal verb a word is a verb ("att välja", "kunde
        # välja", "vill tillägga"), whatever else the lexicon lets it be (it has irregular
        # verbs such as "välja" with noun inflection only).
        infos = [words.get(low) if i == 0 or lows[i - 1] not in VERB_BEFORE else None for i, low in enumerate(lows)]
        runs: list[tuple[int, int, bool]] = []  # (start, end, negated) of runs of name words
        i = 0
        while i < len(infos):
            if infos[i] is None:
                i += 1
                continue
            j = i
            while j < len(infos) and infos[j] is not None:
                j += 1
            runs.append((i, j, bool(NEGATIONS & set(lows[max(0, i - 2) : i]))))
            i = j
        for start, end, negated in runs:
            _noun_phrases(infos[start:end], negated, seen)  # type: ignore[arg-type]
        for (s1, e1, neg1), (s2, e2, neg2) in zip(runs, runs[1:]):
            if s2 == e1 + 1 and lows[e1] in PREPOSITIONS:
                _with_prepositional_phrase(infos[s1:e1], neg1, lows[e1], infos[s2:e2], neg2, seen)  # type: ignore[arg-type]
    return seen


def _modifier_ok(word: Word, negated: bool) -> bool:
    # A noun stands before a head only in the genitive ("personalens bemötande"); a noun in
    # another form ends a phrase of its own ("massören" in "massören masserade ryggen",
    # "bostadsrätt" in "bostadsrätt trevligt bemötande": two phrases run together).
    genitive_or_not_noun = not word[2] or word[0].endswith("s")
    return word[3] and genitive_or_not_noun and not (negated and word[4])


def _after_subject(run: list[Word], at: int) -> bool:
    """True when the modifier at `at` ends like a past tense (-de, -te) and follows a noun not
    in the genitive: then it is the finite verb of a clause ("Verkstaden bytte däcken",
    "Massören masserade ryggen"), which the lexicon cannot tell from a participle or an
    adjective, and no phrase starts there. An adjective after a noun ("bostadsrätt
    trevligt bemötande") starts one."""
    word = run[at]
    return (
        at > 0
        and not word[2]
        and word[0].endswith(("de", "te"))
        and run[at - 1][2]
        and not run[at - 1][0].endswith("s")
    )


def _noun_phrases(run: list[Word], negated: bool, seen: dict[Key, str]) -> None:
    """Every phrase of the run that ends in a head noun and has only modifiers before it;
    an evaluative modifier only where no negation stands just before the run."""
    for end, (word, lemma, noun, _mod, _ev) in enumerate(run):
        if not noun:
            continue
        if len(word) >= MIN_WORD:
            seen.setdefault((lemma,), word)
        for start in range(end - 1, max(-1, end - MAX_WORDS), -1):
            if not _modifier_ok(run[start], negated) or _after_subject(run, start):
                break
            part = run[start : end + 1]
            seen.setdefault(tuple(p[1] for p in part), " ".join(p[0] for p in part))


def _with_prepositional_phrase(
    left: list[Word], neg_left: bool, prep: str, right: list[Word], neg_right: bool, seen: dict[Key, str]
) -> None:
    """Head noun ending `left` (with at most one modifier) + preposition + the first noun of
    `right` (with at most one modifier before it), at most MAX_WORDS words."""
    head = left[-1]
    if not head[2] or len(head[0]) < MIN_WORD:
        return
    obj = next((j for j, w in enumerate(right[:2]) if w[2] and len(w[0]) >= MIN_WORD), None)
    if obj is None or (obj == 1 and not _modifier_ok(right[0], neg_right)):
        return
    with_modifier = len(left) >= 2 and _modifier_ok(left[-2], neg_left) and not _after_subject(left, len(left) - 2)
    lefts = [left[-1:]] + ([left[-2:]] if with_modifier else [])
    for part in lefts:
        words = [*part, None, *right[: obj + 1]]
        if len(words) > MAX_WORDS:
            continue
        key = tuple(prep if w is None else w[1] for w in words)
        seen.setdefault(key, " ".join(prep if w is None else w[0] for w in words))
