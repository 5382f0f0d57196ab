"""The tone and the breadth of a theme's name: what a coordinator reads first.

Tone. Every answer has a valence (the classification stage's: styrka, utmaning, blandad,
neutral). When a clear majority of a theme's answers (TONE_SHARE) are negative, its name
says so ("Missnöje med väntetiden"), when they are positive likewise ("Beröm för
sköterskorna"). A phrase that carries the tone by itself ("Långa väntetider", "Trevlig
personal") is named as it is, never doubled, and a phrase whose own polarity contradicts the
theme's ("Trevlig personal" over a theme of complaints) is never its name. A phrase's own
polarity is read from its words (POSITIVE_WORDS, NEGATIVE_WORDS, and a long wait or a high
cost, which is negative whatever it is about). Not from the valence head on the phrase's
vector: on bare nouns it is noise ("Mäklaren" 0.95, "Substitutionsbehandlingen" 0.01,
"Kall mat" 0.85 on the shipped head, 2026-11-29).

Feedback. The tone is said only of a theme whose answers are feedback: at least
EVALUATIVE_SHARE of them judge in their own words (an evaluative word of either polarity,
"trevlig", "dålig", "rekommenderar", or a long wait or a high cost). The valence head was fitted
on reviews; on argumentative text about a subject it reads the problems discussed as
complaints (debate paragraphs on immigration, Absabank-Imm: 59–96 % "utmaning" per theme, the
median P(positiv) of most themes below 0.03, 2026-11-30), so its confidence cannot tell the
two apart. Their words can: of the 10 000 reviews 91 % of the positive and 77 % of the negative
hold such a word, of those debate themes 5–40 % (blind reader, 2026-11-30: "Missnöje med
parti" over debate paragraphs fitted 8 names of 21). Such a theme is named by its subject.

Breadth. A name speaks for a theme only when a real share of its answers hold a variant of it:
every content lemma of the phrase, in any inflection and order. Half of them where any option
reaches that (NAME_SHARES), alone or as a pair of two phrases ("Telefontider och aktiviteter",
NameRule.pair), at the least COVER_SHARE. A side detail of a few answers does not name a theme
of many; then the theme's broadest noun does, and when no noun is that broad either the theme
is said to be mixed ("Blandade synpunkter om …").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from nlp.themes.phrases import EVALUATIVE_WORDS
from nlp.themes.representation import TOKEN_RE, swedish_tokens

# A theme is negative (positive) when ≥ 75 % of its answers are. Not 60 %: on the demo export,
# whose questions say the tone ("Vad fungerar bra?" / "Vad kan bli bättre?"), about one in
# five answers the valence head calls negative is praise ("Att jag fick börja i DBT fast jag
# också har ett beroende"; precision 0.81 for utmaning, 0.78 for styrka, 2026-11-30), and its
# errors come in groups of near-identical answers: of its four themes 69–72 % "utmaning", two
# were complaints and two were not (one of praise, one mostly answers without a tone).
# 75 % observed at that precision is still ≥ 60 % truly of the tone (0.75 × 0.81).
TONE_SHARE = 0.75
# A theme is feedback when at least half its answers hold an evaluative word (see above), or
# when its tone stands out from the rest of the corpus: its share of the tone at least
# TONE_CONTRAST × the rest's. Answers to "Vad kan bli bättre?" are complaints by the question,
# not by their words (13 % of the demo export's judge in their own words); a tone that most of the
# corpus reads as (83 % "utmaning" in the debate paragraphs) tells no theme apart.
EVALUATIVE_SHARE = 0.5
TONE_CONTRAST = 1.5
COVER_SHARE = 0.2  # a name is held by at least one answer in five, at the least
# A name is sought first among phrases held by half the theme's answers, then (alone or in a
# pair that together reaches half) among those held by COVER_SHARE: a reader shown five of its
# answers should find the name in them (blind reader, 2026-11-29: "Missnöje med kaffet" over
# answers of which one in five named coffee).
NAME_SHARES = (0.5, COVER_SHARE)
PAIR_GAIN = 0.15  # the second phrase of a pair name holds this share of answers the first does not
PAIR_JOIN = "och"  # "Telefontider och aktiviteter": the one function word a pair name holds
NEGATIVE_VALENCE, POSITIVE_VALENCE = "utmaning", "styrka"
NEGATIVE_LEAD, POSITIVE_LEAD = "Missnöje med", "Beröm för"
# A theme of many topics, by its tone: no noun is held by COVER_SHARE of its answers.
MIXED_LEADS = {0: "Blandade synpunkter om", -1: "Blandade klagomål på", 1: "Blandat beröm för"}
TONE_LEADS = (NEGATIVE_LEAD, POSITIVE_LEAD, *MIXED_LEADS.values())  # the words a name's tone adds

# Evaluative words that say something went wrong (lemmas and written forms); the rest of
# EVALUATIVE_WORDS that praise are positive. Neutral evaluations ("betyg", "upplevelse") are neither.
NEGATIVE_WORDS = frozenset(
    """dålig dåligt dåliga sämre sämst otrevlig otrevligt otrevliga ovänlig ovänligt krånglig krångligt
    svår svårt svåra missnöjd besviken sur arg ledsen negativ oprofessionell oseriös otrygg okunnig
    värdelös usel uselt hemsk fruktansvärd katastrof katastrofal skandal fel problem brist brister
    strul krångel klagomål missnöje misstag försening försenad försenade trasig trasiga trasigt
    oförskämd oförskämt nedlåtande otydlig otydligt stökig stökigt smutsig smutsigt ostädad dyr dyrt
    dyra missad missade missat inställd inställda stängd stängda""".split()
)
NEUTRAL_EVALUATIONS = frozenset(
    "rekommendation rekommendera betyg stjärna upplevelse erfarenhet helhet intryck allt rätt".split()
)
POSITIVE_WORDS = EVALUATIVE_WORDS - NEGATIVE_WORDS - NEUTRAL_EVALUATIONS
# A long wait or a high cost is a complaint whatever it is about ("långa väntetider", "lång
# kö", "höga priser"); a long opening time is not, so the head decides (its compound ending).
LONG, HIGH = frozenset("lång långa långt längre".split()), frozenset("hög höga högt högre".split())
WAIT_ENDINGS = ("väntetid", "väntetider", "väntan", "kö", "köer", "kön", "köerna", "handläggningstid", "svarstid")
COST_ENDINGS = ("pris", "priser", "priset", "priserna", "avgift", "avgifter", "avgiften", "kostnad", "kostnader")


def stands_out(valences: Sequence[str | None], corpus: Counter[str], tone: int) -> bool:
    """True when a theme's share of `tone` is at least TONE_CONTRAST × the share of the rest of
    the corpus (`corpus`: every answer's valence counted, the theme's included)."""
    label = NEGATIVE_VALENCE if tone < 0 else POSITIVE_VALENCE
    known = [v for v in valences if v]
    inside, rest = known.count(label), sum(corpus.values()) - len(known)
    rest_share = (corpus[label] - inside) / rest if rest > 0 else 1.0
    return bool(known) and inside / len(known) >= TONE_CONTRAST * rest_share


def theme_tone(valences: Sequence[str | None]) -> int:
    """-1 when a clear majority of the answers are negative, 1 when positive, else 0."""
    known = [v for v in valences if v]
    if not known:
        return 0
    counts = Counter(known)
    if counts[NEGATIVE_VALENCE] >= TONE_SHARE * len(known):
        return -1
    if counts[POSITIVE_VALENCE] >= TONE_SHARE * len(known):
        return 1
    return 0


def judges(text: str, lemmas: frozenset[str] | None = None) -> bool:
    """True when an answer judges in its own words: an evaluative word of either polarity, or a
    long wait or a high cost ("Trevligt bemötande", "aldrig dålig", "långa väntetider").
    `lemmas`: the answer's lemmas where the caller has them."""
    written = [w.lower() for w in TOKEN_RE.findall(text)]
    words = set(written) | (lemmas if lemmas is not None else set(swedish_tokens(text.lower())))
    return bool(words & (POSITIVE_WORDS | NEGATIVE_WORDS)) or _too_much(written)


def is_feedback(texts: Sequence[str], lemmas: Sequence[frozenset[str]] | None = None) -> bool:
    """True when at least EVALUATIVE_SHARE of a theme's answers judge (judges)."""
    each = lemmas if lemmas is not None else [None] * len(texts)
    return bool(texts) and sum(judges(t, w) for t, w in zip(texts, each)) >= EVALUATIVE_SHARE * len(texts)


def phrase_polarity(phrase: str) -> int:
    """-1 for a phrase that says by itself that something is wrong, 1 for praise, else 0."""
    written = phrase.lower().replace("–", " ").split()
    words = set(written) | set(swedish_tokens(phrase.lower()))
    if words & NEGATIVE_WORDS or _too_much(written):
        return -1
    return 1 if words & POSITIVE_WORDS else 0


def _too_much(written: list[str]) -> bool:
    for before, word in zip(written, written[1:]):
        if before in LONG and word.endswith(WAIT_ENDINGS) or before in HIGH and word.endswith(COST_ENDINGS):
            return True
    return False


def toned(phrase: str, tone: int) -> str | None:
    """The phrase as the name of a theme of `tone`: as it is when it carries that tone or the
    theme has none, led by the tone's words when it is neutral, None when it contradicts."""
    polarity = phrase_polarity(phrase)
    if tone == 0 or polarity == tone:
        return phrase
    if polarity == -tone:
        return None
    return f"{NEGATIVE_LEAD if tone < 0 else POSITIVE_LEAD} {lower_first(phrase)}"


def lower_first(phrase: str) -> str:
    """ "Personalen" → "personalen" after a lead; an abbreviation ("BVC") stays as written."""
    first = phrase.split(" ")[0]
    return phrase if first.isupper() and len(first) > 1 else phrase[:1].lower() + phrase[1:]


class Coverage:
    """The share of a theme's answers that hold a variant of a phrase: all its content lemmas."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.answers = [frozenset(swedish_tokens(t)) for t in texts]

    def share(self, phrase: str) -> float:
        """The smallest share over the parts of "X – Y" (each part is claimed for the theme)."""
        return min(self._one(part) for part in phrase.split(" – "))

    def _one(self, phrase: str) -> float:
        return len(self.holders(phrase)) / len(self.answers) if self.answers else 0.0

    def holders(self, phrase: str) -> set[int]:
        """The answers (by position) that hold every content lemma of the phrase."""
        lemmas = set(swedish_tokens(phrase.lower()))
        if not lemmas:
            return set()
        return {i for i, a in enumerate(self.answers) if lemmas <= a}


class NameRule:
    """What a theme's name must be: held by `floor` of its answers (one of NAME_SHARES, the
    highest any option reaches), in its tone: the tone most of its `valences` have, when its
    answers are feedback (is_feedback) or the tone stands out from the `corpus` (every answer's
    valence counted; stands_out), else none."""

    def __init__(
        self, texts: Sequence[str], valences: Sequence[str | None] | None, corpus: Counter[str] | None = None
    ) -> None:
        self.texts, self.cover = texts, Coverage(texts)
        tone = theme_tone(valences) if valences is not None else 0
        if tone and not is_feedback(texts, self.cover.answers):
            tone = tone if corpus is not None and stands_out(valences, corpus, tone) else 0  # type: ignore[arg-type]
        self.tone = tone
        self.floor = COVER_SHARE

    def name(self, option: str) -> str | None:
        """The option as the theme's name, or None: too narrow, or against its tone."""
        return toned(option, self.tone) if self.cover.share(option) >= self.floor else None

    def pair(self, first: str, others: Sequence[str], need: float = NAME_SHARES[0]) -> str | None:
        """ "first och other": the other phrase (itself held by COVER_SHARE) that, with `first`,
        is held by the most answers, when together they reach `need` and it adds
        PAIR_GAIN of them; else None.

        A theme of two subjects ("telefontider" and "aktiviteter" among suggestions) is named
        by both rather than by a word so broad it says nothing ("Förslag")."""
        n = max(len(self.cover.answers), 1)
        held = self.cover.holders(first)
        best, best_union = None, len(held)
        for other in others:
            theirs = self.cover.holders(other)
            union = len(held | theirs)
            # Each part is claimed for the theme: a side detail of a few answers is no part.
            if union > best_union and len(theirs) >= COVER_SHARE * n:
                best, best_union = other, union
        if best is None or best_union / n < need or (best_union - len(held)) / n < PAIR_GAIN:
            return None
        return toned(f"{first} {PAIR_JOIN} {lower_first(best)}", self.tone)

    def broad(self, noun: str) -> str | None:
        """A broad noun as the name ("Missnöje med personalen"); "Blandade synpunkter om …"
        ("Blandade klagomål på …", "Blandat beröm för …" in a theme of that tone) when even
        the theme's broadest noun is held by fewer than COVER_SHARE of its answers."""
        if self.cover.share(noun) >= COVER_SHARE:
            return toned(noun, self.tone)
        if self.tone != 0 and phrase_polarity(noun) == -self.tone:
            return None
        return f"{MIXED_LEADS[self.tone]} {lower_first(noun)}"
