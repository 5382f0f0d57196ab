"""What a theme name is about (its subject), which words say nothing about a theme, and when two
names would read as the same to a person.

Generic, per theme. A word is generic *for a theme* when the theme's answers use it hardly
more often than the rest of the corpus does (GENERIC_LIFT): "bemötande", "service", "tid" in
a corpus of reviews of every kind of business. Such a word never names a theme where a word of
its own is held by enough answers. Not a count of themes that use it: a subject several
themes share because they are about the same thing in different tones ("mäklare" in praise and
in complaints of estate agents) is still what each of them is about (blind reader,
2026-11-30: "Missnöje med tid" over complaints about treatments, "behandling" having been set
aside as generic because three themes used it).

The angle. In a corpus about one subject (debate on immigration) the words every theme uses
("invandring", "Sverige", "svenskar") name no theme: a reader learns the corpus's subject, not what
sets the theme apart (blind reader, 2026-11-30). A theme's angle is a phrase of one or two words
of its own: held by many of its answers and at least GENERIC_LIFT times as often as by the rest,
best by share × ln(lift) (c-TF-IDF's product of frequency and distinctiveness). Only a bare
one-word name takes it (angled): a word generic to the theme gives way to an angle ANGLE_SHARE of
its answers hold; a word of its own, or a generic one without such an angle, is joined by a
more distinctive detail held by COVER_SHARE ("Parti – Sverigedemokraterna"). Not below: a word a
tenth of the answers hold named a whole theme after a minority ("… om svenskar" for a theme on
immigrants, an attempt of 2026-11-30 that was as often worse as better).

Subjects. A name's subject is its content lemmas without the words of its tone ("Beröm för",
"Missnöje med") and without evaluative words ("Trevlig"): "Trevlig mäklare" and "Beröm för
mäklare" are both about "mäklare", and a reader cannot tell the two themes apart (blind
reader, 2026-11-30: several praise themes with near-identical names). Two names clash when
their subjects are the same and their tones are not opposite ("Beröm för mäklare" beside
"Missnöje med mäklare" is two themes a reader can tell apart).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from nlp.themes.phrases import EVALUATIVE_WORDS, PREPOSITIONS, Key, content, written
from nlp.themes.representation import swedish_tokens
from nlp.themes.tone import (
    COVER_SHARE,
    MIXED_LEADS,
    NEGATIVE_LEAD,
    NEGATIVE_WORDS,
    PAIR_JOIN,
    POSITIVE_LEAD,
    TONE_LEADS,
    NameRule,
    phrase_polarity,
    toned,
)

# A theme's share of answers using a word must be ≥ 3 × the rest's share for the word to be
# its own. Measured on the 10 000 reviews (2026-11-30): the words of one kind of business
# have 5–200 × ("mäklare" 9–19, "behandling" 14–18, "bil" 8–24, "mat" 178), words every kind
# of business uses 0.4–2.8 × ("bemötande", "service", "personal", "tid", "kund").
GENERIC_LIFT = 3.0
# A phrase replaces a name's subject when nearly a third of the theme's answers hold it: more
# than COVER_SHARE, the least any part of a name is held by, since it stands for the whole theme.
ANGLE_SHARE = 0.3
DISTINGUISH_SHARE = 0.1  # a detail that tells a theme from one of the same subject: 1 answer in 10
_LEAD_WORDS = frozenset(w for lead in TONE_LEADS for w in lead.lower().split()) | {PAIR_JOIN}
_LEAD_LEMMAS = frozenset(
    w for lead in (NEGATIVE_LEAD, POSITIVE_LEAD, *MIXED_LEADS.values()) for w in swedish_tokens(lead.lower())
)


def generic_in_theme(
    found: Mapping[Key, Counter[str]], n_theme: int, corpus_df: Mapping[Key, int], n_corpus: int
) -> frozenset[Key]:
    """The single words of a theme's candidates that its answers use less than GENERIC_LIFT
    times as often as the rest of the corpus (`corpus_df`: answers using each key, of
    `n_corpus`)."""
    rest = max(n_corpus - n_theme, 1)
    out = set()
    for key, forms in found.items():
        if len(key) != 1:
            continue
        inside = sum(forms.values())
        share, rest_share = inside / max(n_theme, 1), max(corpus_df.get(key, inside) - inside, 0) / rest
        if share < GENERIC_LIFT * rest_share:
            out.add(key)
    return frozenset(out)


def name_tone(name: str) -> int:
    """-1 for a name of complaints, 1 for praise (by its lead or its own words), else 0."""
    if NEGATIVE_LEAD in name or MIXED_LEADS[-1] in name:
        return -1
    if POSITIVE_LEAD in name or MIXED_LEADS[1] in name:
        return 1
    return phrase_polarity(name)


def subject(name: str) -> frozenset[str]:
    """The content lemmas of a name without its tone's words and evaluative words."""
    lemmas = set(swedish_tokens(name.lower())) - _LEAD_LEMMAS - {PAIR_JOIN}
    return frozenset(w for w in lemmas if w not in EVALUATIVE_WORDS and w not in NEGATIVE_WORDS)


Claim = tuple[frozenset[str], int]  # (subject, tone) of a name another theme has


def claim(name: str) -> Claim:
    """What a name claims: its subject and its tone."""
    return subject(name), name_tone(name)


def clashes(name: str, claims: list[Claim]) -> bool:
    """True when a reader could not tell `name` from a name of `claims`: the same subject,
    tones not opposite."""
    mine, tone = claim(name)
    return bool(mine) and any(mine == theirs and tone * other != -1 for theirs, other in claims)


def distinguished(
    ranked: list[tuple[Key, str]],
    found: Mapping[Key, Counter[str]],
    df: Mapping[Key, int],
    rule: NameRule,
    taken: Callable[[str], bool],
    generic: frozenset[Key],
) -> tuple[str, str] | None:
    """ "subject – its own detail" for a theme whose subject another theme has: its broadest
    noun of its own (held by COVER_SHARE) with the best-ranked phrase that sets it apart (held
    by DISTINGUISH_SHARE), "Behandling – naprapat" beside "Beröm för behandling". The detail
    only tells two themes apart, so it need not be held by as many answers as a name."""
    nouns = sorted((k for k in found if len(k) == 1 and k not in generic), key=lambda k: (-df[k], k))
    for key in nouns:
        form = written(key, found)
        if rule.cover.share(form) < COVER_SHARE:
            break
        bare = rule.broad(form)
        if bare is not None and not taken(bare):
            return None  # the subject is free: the theme is named by it (broadest)
        for other, detail in ranked:
            if other in generic or overlaps(other, form) or rule.cover.share(detail) < DISTINGUISH_SHARE:
                continue
            named = toned(f"{form} – {detail}", rule.tone)
            if named is not None and not taken(named):
                return named, form
    return None


def overlaps(key: Key, plain: str) -> bool:
    """True when a candidate says again what `plain` says: a lemma in common, or a word that is
    a part of one of its compounds ("fönster" beside "fönsterputs"; "flyttstädning" beside
    "flytt" says more, so it does not overlap)."""
    lemmas = set(swedish_tokens(plain.lower()))
    return bool(content(key) & lemmas) or any(
        len(w) < len(p) and (p.startswith(w) or p.endswith(w)) or inflected(w, p) for w in content(key) for p in lemmas
    )


# The endings of Swedish nouns (definite, plural, genitive): a word that is another plus one of
# these is the same word, where the lemmatiser left one of them inflected ("massinvandringen").
INFLECTIONS = frozenset("n en et t na ne a r ar er or erna arna orna s ns ens ets nas ernas arnas".split())
_LONGEST_INFLECTION = max(map(len, INFLECTIONS))


def inflected(word: str, other: str) -> bool:
    """True when `word` is `other` with a noun ending ("massinvandringen", "massinvandring")."""
    return len(word) > len(other) >= 3 and word.startswith(other) and word[len(other) :] in INFLECTIONS


def broadest(
    found: Mapping[Key, Counter[str]],
    df: Mapping[Key, int],
    rule: NameRule,
    taken: Callable[[str], bool],
    generic: frozenset[Key] = frozenset(),
) -> tuple[str, str] | None:
    """The theme named by the noun most of its answers use (by the rule: "Missnöje med
    personalen", or "Blandade synpunkter om personalen" when even that noun is rare), with
    the next noun that covers PAIR_GAIN more of them ("Bemötande och service"): no single
    phrase speaks for a theme this broad, its two strongest subjects together do more."""
    # A noun of the theme's own held by COVER_SHARE of its answers first, then by use: a word
    # every theme uses ("Sverige" in debate on immigration) names only a theme without one.
    nouns = sorted((k for k in found if len(k) == 1), key=lambda k: (-df[k], k))
    n = len(rule.cover.answers)
    own = [k for k in nouns if k not in generic and df[k] >= COVER_SHARE * n]
    nouns = own + [k for k in nouns if k not in own]
    for key in nouns:
        form = written(key, found)
        named = rule.broad(form)
        if named is None or taken(named):
            continue
        if rule.cover.share(form) >= COVER_SHARE:
            others = [k for k in nouns if not overlaps(k, form)]
            # A partner specific to the theme; one generic to it only beside a generic word
            # ("Bemötande och service"), never joined to a subject of its own ("Flyktingar och
            # Sverige" said no more than "Flyktingar").
            specific = [written(k, found) for k in others if k not in generic]
            paired = rule.pair(form, specific, need=0.0)
            if paired is None and key in generic:
                paired = rule.pair(form, [written(k, found) for k in others], need=0.0)
            if paired is not None and not taken(paired):
                return paired, form
        return named, form
    return None


def paired_name(
    plain: str,
    ranked: list[tuple[Key, str]],
    found: Mapping[Key, Counter[str]],
    generic: frozenset[Key],
    rule: NameRule,
) -> str | None:
    """ "plain och partner" (NameRule.pair), or None. Held by half or not: two subjects that
    together speak for more of the theme than one, never one narrow phrase of a broad theme.
    A partner specific to the theme ("Mamma och mötet", not "… och psykiatrin"); a word
    generic to the theme only beside a generic word ("Bemötande och service")."""
    others = [k for k, _ in ranked if not overlaps(k, plain)]
    paired = rule.pair(plain, [written(k, found) for k in others if k not in generic], need=0.0)
    if paired is None and tuple(swedish_tokens(plain.lower())) in generic:
        paired = rule.pair(plain, [written(k, found) for k in others], need=0.0)
    return paired


Angle = tuple[Key, str, float, float]  # (key, written form, share of the theme's answers, lift)


def theme_angles(
    found: Mapping[Key, Counter[str]],
    answers: Sequence[frozenset[str]],
    corpus_df: Mapping[Key, int],
    n_corpus: int,
) -> list[Angle]:
    """The theme's phrases of one or two words (no preposition) held by COVER_SHARE of its
    `answers` (each one's lemmas), with their lift (the theme's share over the rest's), best
    first by share × ln(lift). A word counts with the forms the lemmatiser left inflected
    ("sverigedemokraterna", "sverigedemokraternas" with "sverigedemokrat"): one subject."""
    n_theme = max(len(answers), 1)
    rest = max(n_corpus - len(answers), 1)
    counts = {key: sum(forms.values()) for key, forms in found.items()}
    least = COVER_SHARE * n_theme
    families: dict[Key, set[Key]] = {}  # a word → its forms left inflected
    for key in found:
        if len(key) == 1:
            for cut in range(1, _LONGEST_INFLECTION + 1):
                base = (key[0][:-cut],)
                if base in counts and inflected(key[0], base[0]):
                    families.setdefault(base, {base}).add(key)
    scored = []
    for key, count in counts.items():
        family = families.get(key)
        # The answers using any of its forms: at most the sum of their counts, counted only then.
        if len(key) > 2 or (count if family is None else sum(counts[k] for k in family)) < least:
            continue
        family = family or {key}
        if len(content(key)) != len(key):
            continue
        lemmas = [set(k) for k in family]
        inside = sum(any(k <= a for k in lemmas) for a in answers)
        if inside < least:
            continue
        outside = sum(corpus_df.get(k, 0) - counts[k] for k in family)
        share = inside / n_theme
        lift = share / (max(outside, 0.5) / rest)  # half an answer where the rest has none
        forms = sum((found[k] for k in family), Counter())
        scored.append((share * math.log(max(lift, 1.0)), key, forms.most_common(1)[0][0], share, lift))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [(key, form, share, lift) for _, key, form, share, lift in scored]


def angled(
    chosen: tuple[str, str],
    angles: list[Angle],
    rule: NameRule,
    taken: Callable[[str], bool],
    generic: frozenset[Key],
) -> tuple[str, str]:
    """A bare one-word name with the theme's angle (see above): "Parti – Sverigedemokraterna";
    a word generic to the theme ("Sverige") replaced by an angle ANGLE_SHARE of its answers hold.
    The angle is more distinctive than the name's word and says nothing it says."""
    named, plain = chosen
    lemmas = tuple(swedish_tokens(plain.lower()))
    whole = " – " in named or f" {PAIR_JOIN} " in named or named.startswith(tuple(MIXED_LEADS.values()))
    if len(lemmas) != 1 or whole:  # a name of two parts, or of a mixed theme, says what it can
        return chosen
    mine = next((lift for key, _form, _share, lift in angles if key == lemmas), 0.0)
    for key, form, share, lift in angles:
        if lift < GENERIC_LIFT or lift <= mine or overlaps(key, plain):
            continue
        if lemmas in generic and share >= ANGLE_SHARE:
            named, plain = toned(form, rule.tone), form  # type: ignore[assignment]
        else:
            named = toned(f"{plain} – {form}", rule.tone)  # type: ignore[assignment]
        if named is not None and not taken(named):
            return named, plain
        named, plain = chosen
    return chosen


def as_written(name: str, texts: Sequence[str]) -> str:
    """`name` with each content word after its first as the texts most often write it inside
    their sentences, where that is with capitals (a proper name: "Sverigedemokraterna", "SD");
    as it is otherwise. A word at the start of a sentence says nothing of its case."""
    words = name.split(" ")
    joined = None
    for i, word in enumerate(words[1:], 1):
        if not word.isalpha() or not word.islower() or word in PREPOSITIONS or word in _LEAD_WORDS:
            continue
        joined = joined if joined is not None else ". ".join(texts)  # each text starts a sentence
        if word.capitalize() not in joined and word.upper() not in joined:
            continue
        seen: Counter[str] = Counter()
        for m in re.finditer(rf"\b{re.escape(word)}\b", joined, re.IGNORECASE):
            before = joined[max(0, m.start() - 8) : m.start()].rstrip()  # a sentence's end before it?
            if before and before[-1] not in '.!?:"”*-–':
                seen[m.group()] += 1
        written_most = seen.most_common(1)[0][0] if seen else word
        words[i] = word if written_most.islower() else written_most
    return " ".join(words)
