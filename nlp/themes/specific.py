"""Names that set a theme apart in a corpus about one subject: its distinctive keyphrases.

Coverage first (nlp.themes.tone) names a theme after what many of its answers hold; in a corpus
about one subject (debate on immigration) that is what every theme holds: "Invandring",
"Flyktingar", "Människor – samhälle", "Europa och människor", or "Blandade synpunkter om land"
when not even such a word reaches a fifth of the answers. A reader shown five answers learns the
corpus's subject, not the theme's (blind reader of the forum paragraphs, seed 17: 6 of 19 names
fitted; kinds: the mixed construction over a word few answers hold, abstract nouns and pairs of
them, a group named instead of the content, names as broad as the whole forum).

Such a name is replaced by the theme's own keyphrases: the two or three best-ranked phrases of
nlp.themes.naming._ranked (distinctiveness against the corpus × closeness to the theme's
centroid, with diversity) that are specific to it (its answers use them at least GENERIC_LIFT
times as often as the rest), each held by LIST_SHARE of its answers and together by COVER_SHARE:
"Europa, gränser och rättigheter". A name is broad when none of its words is specific to the
theme, or when it is the mixed construction. Only names of themes that are not feedback
(nlp.themes.tone.is_feedback: fewer than half the answers judge in their own words) and without a
tone: feedback is named by what it judges. In the reviews "personal" is as wide as "Sverige" in
the forum, and "Mat – personal" over a restaurant theme gave way to "Restaurangen, sällskap och
bord" (seed 15) when feedback was not set aside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from nlp.themes.phrases import Key
from nlp.themes.representation import swedish_tokens
from nlp.themes.subjects import GENERIC_LIFT, overlaps
from nlp.themes.tone import COVER_SHARE, MIXED_LEADS, PAIR_JOIN, NameRule, is_feedback

LIST_SHARE = 0.05  # each keyphrase of a listed name: held by one answer in twenty
LIST_PARTS = 3  # at most three keyphrases ("Europa, gränser och rättigheter")
LIST_DEPTH = 8  # … among the theme's best-ranked candidates
# A word held by more answers outside the theme that uses it most than an average theme has
# answers is the corpus's own subject ("invandring", "Sverige", "människor" in the forum).
WIDE = 0.8


def broad_name(named: str, unspecific: frozenset[str]) -> bool:
    """True when a name does not set its theme apart: the mixed construction, or a part of it
    ("A – B", "A och B") whose content lemmas are all `unspecific` to the theme (its candidates'
    words below GENERIC_LIFT or of the whole corpus; a word it has no lift for is its own)."""
    if named.startswith(MIXED_LEADS[0]):
        return True
    parts = re.split(rf" – |, | {PAIR_JOIN} ", named.lower())
    lemmas = [set(swedish_tokens(part)) for part in parts]
    return any(part and part <= unspecific for part in lemmas)


def listed(
    ranked: Sequence[tuple[Key, str]],
    rule: NameRule,
    specific: Callable[[Key], bool],
    taken: Callable[[str], bool],
) -> tuple[str, str] | None:
    """ "A, B och C": the theme's best-ranked keyphrases specific to it, or None."""
    parts: list[tuple[Key, str]] = []
    for key, form in ranked[:LIST_DEPTH]:
        if not specific(key) or any(overlaps(key, f) or overlaps(k, form) for k, f in parts):
            continue
        if rule.cover.share(form) < LIST_SHARE:
            continue
        parts.append((key, form))
        if len(parts) == LIST_PARTS:
            break
    if len(parts) < 2:
        return None
    held = set().union(*(rule.cover.holders(form) for _, form in parts))
    if len(held) < COVER_SHARE * max(len(rule.cover.answers), 1):
        return None
    forms = [form for _, form in parts]
    name = ", ".join(forms[:-1]) + f" {PAIR_JOIN} " + forms[-1]
    name = name[0].upper() + name[1:]
    return None if taken(name) else (name, forms[0])


def sharpened(
    chosen: tuple[str, str],
    ranked: Sequence[tuple[Key, str]],
    rule: NameRule,
    lifts: Mapping[Key, float],
    taken: Callable[[str], bool],
    least: float = GENERIC_LIFT,
) -> tuple[str, str]:
    """A name without a tone that sets its theme apart by none of its words gives way to the
    theme's keyphrases (listed); `lifts`: each candidate's lift, `least`: the lift of a
    specific one."""
    if rule.tone != 0 or is_feedback(rule.texts, rule.cover.answers):  # feedback is named by what it judges
        return chosen
    unspecific = frozenset(key[0] for key, lift in lifts.items() if len(key) == 1 and lift < least)
    if not broad_name(chosen[0], unspecific):
        return chosen
    better = listed(ranked, rule, lambda key: lifts.get(key, 0.0) >= least, taken)
    return better or chosen


def theme_lifts(df: Mapping[Key, int], n_theme: int, corpus_df: Mapping[Key, int], n_corpus: int) -> dict[Key, float]:
    """Each candidate's lift: the share of the theme's answers holding it over the rest's share
    (half an answer where the rest has none); drop_wide sets the corpus's own words to 0."""
    rest = max(n_corpus - n_theme, 1)
    out = {}
    for key, inside in df.items():
        everywhere = corpus_df.get(key, inside)
        lift = (inside / max(n_theme, 1)) / (max(everywhere - inside, 0.5) / rest)
        out[key] = lift
    return out


def drop_wide(lifts: Sequence[dict[Key, float]], answers: Sequence[Sequence[frozenset[str]]], mean_size: float) -> None:
    """Set to 0 the lift of every word that more answers outside the theme holding it most hold (in
    any phrase; `answers`: each theme's answers' lemmas) than WIDE × an average theme has answers:
    the corpus's own subject, not the theme's, however much that theme uses it."""
    per_theme = [Counter(w for a in theme for w in a) for theme in answers]
    held: Counter[str] = sum(per_theme, Counter())
    most: Counter[str] = Counter()
    for counts in per_theme:
        most |= counts
    wide = {w for w, c in held.items() if c - most[w] >= WIDE * mean_size}
    for theme in lifts:
        for key in theme:
            if len(key) == 1 and key[0] in wide:
                theme[key] = 0.0
