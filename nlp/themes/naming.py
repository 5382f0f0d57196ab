"""Theme names a person understands: Swedish phrases of 2–4 words from the theme's own answers.

Candidates are the noun phrases and "noun + preposition + noun" phrases written in the
theme's answers (nlp.themes.phrases: "långa väntetider", "bemötande i receptionen"), so a
name is always written as someone wrote it; a bare adjective, adverb or verb is never a name,
and no stop word, filler, greeting, sign-off or thanks is part of one (a preposition only
between two nouns). The plainest evaluative words ("bra", "dålig", "toppen") never are.

Candidates are counted by lemmas ("långa väntetider", "lång väntetid"), shown as most often
written, and scored twice:
- distinctiveness, class-based TF-IDF as in BERTopic: the theme's share of answers using the
  phrase × log(1 + average theme size / answers using it), so a phrase every theme uses ranks low;
- closeness to the theme's centroid (the phrases are embedded like the answers).
Relevance is their product (a phrase few answers use is not named for sounding like the theme);
maximal marginal relevance picks a few close to the theme and different from each other. The name is built on the first one, by kind of
construction, never a bare noun where the answers write more: a phrase of several words with
the modifier most of its mentions carry; a bare noun ("Kaffet", "Mening") by the construction
most of its mentions in the theme carry ("kaffet i väntrummet"), else "noun – the theme's
next phrase that is not a generic word" (generic for the theme: its answers use it less than
three times as often as the rest do, "bemötande", "service"; nlp.themes.subjects), and only else a construction of the theme's
next phrases: those name a side detail ("Par glasögon" for a theme of treatments). Only a theme with a single phrase of its own is named by one word; one of
short answers without a phrase ("vet ej", "Nej") is "Korta svar", quoting them in its phrase.

Every option must suit the theme (nlp.themes.tone): held by enough of its answers, and in the
tone most of its answers have ("Missnöje med …", "Beröm för …"; praise never names a theme of
complaints), said only where half its answers judge in their own words (not of debate). Coverage before distinctiveness: the best-ranked option that half the theme's
answers hold names it (a reader shown five of them should find the name in them), and a single
word so held ("Mat") is joined by the phrase that covers most of the rest ("Mat och service");
else the theme's first phrase a fifth hold, paired with a phrase of its own that a fifth hold
and that adds a sixth of its answers ("Telefontider och aktiviteter": two subjects speak for a
broad theme better than one narrow phrase); else the constructions above at a fifth (a side
detail of a few answers never names a theme of many). When no option is held by a fifth, the
noun most of its answers use names it, with the next such noun when that adds a sixth of them
("Bemötande och service"), or it is said to be mixed ("Blandade synpunkter om …").

Names are unique, and no two read as the same (nlp.themes.subjects: "Trevlig mäklare" and
"Beröm för mäklare"); of two themes named by one subject, the one whose answers hold it more often
keeps it, the other is told apart ("Behandling – naprapat"). A name without a tone that sets its
theme apart by none of its words gives way to its keyphrases (nlp.themes.specific). A taxonomy
label most answers carry leads: "Label – phrase" (majority_label, phrase_name).

Stop words: stopwords-iso's Swedish list, spaCy's and the theme stage's own; fillers are measured:
words no theme uses much more than the corpus does say nothing about any theme.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from nlp.themes.phrases import (
    EVALUATIVE_WORDS,
    MAX_WORDS,
    PREPOSITIONS,
    Key,
    Words,
    answer_phrases,
    content,
    written,
)
from nlp.themes.representation import PLACEHOLDER_RE, TOKEN_RE, stop_words, swedish_tokens
from nlp.themes.specific import drop_wide, sharpened, theme_lifts
from nlp.themes.subjects import (
    Angle,
    Claim,
    angled,
    as_written,
    broadest,
    claim,
    clashes,
    distinguished,
    generic_in_theme,
    overlaps,
    paired_name,
    subject,
    theme_angles,
)
from nlp.themes.tone import COVER_SHARE, NAME_SHARES, PAIR_JOIN, TONE_LEADS, NameRule

Embed = Callable[[list[str]], np.ndarray]

N_CANDIDATES = 25  # candidates embedded per theme (by distinctiveness)
MMR_LAMBDA = 0.7  # relevance vs. diversity
RELEVANCE_WEIGHT = 0.5  # closeness to the centroid vs. distinctiveness in a phrase's score
MODIFIER_SHARE = 0.35  # a phrase is named with a modifier that ≥ 35 % of its mentions carry
# A bare noun is named by its construction (modifier or prepositional phrase) that the most
# of its mentions carry, when at least this share of them (and two answers) do.
CONSTRUCTION_SHARE = 0.1
NAME_DEPTH = 5  # the theme's best phrases whose constructions may name it
# Verbs, adverbs and fillers people write in every kind of answer ("mår", "alldeles", "via"):
# not in the stop-word lists, and never what a theme is about.
NAME_STOP_WORDS = frozenset(
    """alldeles både all alla allt via mår må mådde måste skulle skall ska behöver behövde finns fanns
    känns kändes går gick gått blir bra dålig dåligt bättre sämre bäst mycket mer mest många flera
    gärna inte aldrig alltid ofta ibland kanske nog bara precis faktiskt absolut nästan tyvärr
    igen tillbaka hela heller sedan innan efter väl ganska lagom superbra toppen stort stor
    dessutom därför fortfarande återigen överhuvudtaget iallafall
    tycker tyckte tror trodde vill ville verkar sig själv själva annan andra sätt saker sak
    person personer folk man vi ni de hen varandra trots""".split()
)
# Greetings, sign-offs and thanks: how an answer opens or closes, never what it is about.
# Matched on lemmas and written forms.
COURTESY_WORDS = frozenset(
    """hej hejsan hallå tjena tja hälsning hälsningar hälsningen mvh vh tack tacka tackar
    grattis välkommen välkomna""".split()
)
FILLER_LIFT = 1.6  # a word no theme uses ≥ 1.6 × as often as the corpus is a filler
FILLER_MIN_SHARE = 0.02  # … judged only for words in at least 2 % of answers


@lru_cache(maxsize=1)
def name_stop_words() -> frozenset[str]:
    """Every word that may never be part of a theme name (lower case)."""
    import stopwordsiso  # the stopwords-iso lists, shipped in the package (no download)

    return frozenset(stopwordsiso.stopwords("sv")) | stop_words() | NAME_STOP_WORDS | COURTESY_WORDS


def is_evaluative(word: str) -> bool:
    """A praise or complaint word ("trevligt", "smidigt", "bra"), by its lemma."""
    low = word.lower()
    lemmas = swedish_tokens(low)
    return low in EVALUATIVE_WORDS or bool(lemmas) and lemmas[0] in EVALUATIVE_WORDS


def measured_fillers(texts: Sequence[str], main: Sequence[Any]) -> frozenset[str]:
    """Words common in the corpus that no theme uses much more than the corpus does."""
    n = len(texts)
    if n == 0:
        return frozenset()
    df: Counter[str] = Counter()
    by_theme: dict[Any, Counter[str]] = defaultdict(Counter)
    sizes = Counter(main)
    for text, t in zip(texts, main):
        words = {w.lower() for w in TOKEN_RE.findall(PLACEHOLDER_RE.sub(" ", text))}
        df.update(words)
        by_theme[t].update(words)
    out = set()
    for w, c in df.items():
        if c < FILLER_MIN_SHARE * n:
            continue
        rate = c / n
        # Judged on themes of ten answers or more; with none, no word is a measured filler.
        lift = max((by_theme[t][w] / sizes[t] for t in sizes if sizes[t] >= 10), default=np.inf)
        if lift < FILLER_LIFT * rate:
            out.add(w)
    return frozenset(out)


def _mmr(keys: list[Key], vecs: np.ndarray, relevance: np.ndarray, k: int) -> list[int]:
    chosen: list[int] = []
    while len(chosen) < min(k, len(keys)):
        best, best_score = None, -np.inf
        for i in range(len(keys)):
            if i in chosen or any(content(keys[i]) & content(keys[j]) for j in chosen):
                continue
            redundancy = max((float(vecs[i] @ vecs[j]) for j in chosen), default=0.0)
            score = MMR_LAMBDA * float(relevance[i]) - (1 - MMR_LAMBDA) * redundancy
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
    return chosen


def _ranked(
    found: Mapping[Key, Counter[str]],
    n_theme: int,
    corpus_df: Mapping[Key, int],
    mean_size: float,
    centroid: np.ndarray,
    embed: Embed,
    k: int,
) -> tuple[list[tuple[Key, str]], dict[Key, int]]:
    """(the theme's phrases best first — MMR's picks, then the other candidates — as
    (key, written form); the count of every candidate key in the theme)."""
    floor = max(2, round(0.03 * n_theme))
    df = {key: sum(c.values()) for key, c in found.items()}

    def distinct(key: Key) -> float:
        share = df[key] / max(n_theme, 1)
        return share * math.log(1 + mean_size / max(corpus_df.get(key, df[key]), df[key]))

    scored = sorted(((distinct(key), key) for key in df if df[key] >= floor), key=lambda kv: (-kv[0], kv[1]))
    scored = scored[:N_CANDIDATES]
    if not scored:
        return [], df
    keys = [key for _, key in scored]
    forms = [found[key].most_common(1)[0][0] for key in keys]
    vecs = embed(forms)
    cos = vecs @ centroid
    spread = float(cos.max() - cos.min())
    closeness = (cos - cos.min()) / spread if spread > 1e-9 else np.ones_like(cos)
    dist = np.array([s for s, _ in scored])
    # Both at once: a phrase few of the theme's answers use is not made a name by sounding
    # like the theme (closeness is stretched over the candidates, so it never decides alone).
    relevance = dist / max(float(dist.max()), 1e-12) * ((1 - RELEVANCE_WEIGHT) + RELEVANCE_WEIGHT * closeness)
    chosen = _mmr(keys, vecs, relevance, k)
    rest = sorted((i for i in range(len(keys)) if i not in chosen), key=lambda i: -relevance[i])
    return [(keys[i], forms[i]) for i in [*chosen, *rest]], df


def _with_modifier(
    key: Key, found: Mapping[Key, Counter[str]], df: Mapping[Key, int], share: float = MODIFIER_SHARE
) -> Key:
    """The phrase ending in `key` with the modifier most of its mentions carry (at least
    `share` of them and two answers), else `key`."""
    longer = [
        other
        for other in found
        if len(other) > len(key) and other[-len(key) :] == key and df[other] >= max(2, share * df[key])
    ]
    return max(longer, key=lambda o: (df[o], -len(o)), default=key)


MAX_LABEL_IN_NAME = 40  # a longer taxonomy title (a whole goal statement) goes in the phrase
# A label of at most two words besides "och", within a short title's length (nlp.taxonomy
# SHORT_TITLE_MAX), is a heading: it leads as written even with a word the stop-word lists
# hold ("Tidig hjälp"); a sentence is longer.
HEADING_WORDS, HEADING_CHARS = 2, 30


def phrase_name(phrases: Sequence[str], taxonomy_label: str | None = None) -> tuple[str, str]:
    """(name, phrase): "Tillgänglighet – långa väntetider" and "Svar om långa väntetider, …".

    The taxonomy label (its short title where the taxonomy has one) leads the name when it is
    a heading, or short and without function words; a long title (many taxonomies' labels
    are whole sentences) is named in the phrase instead."""
    short = bool(taxonomy_label) and len(taxonomy_label) <= MAX_LABEL_IN_NAME  # type: ignore[arg-type]
    # A title's "och" joins two of its subjects ("Personal och kompetens"), as in a pair name.
    words = re.findall(r"[^\W\d_]+", (taxonomy_label or "").lower())
    label_words = set(words) - {PAIR_JOIN}
    heading = len(taxonomy_label or "") <= HEADING_CHARS and len([w for w in words if w != PAIR_JOIN]) <= HEADING_WORDS
    short = short and (heading or not label_words & name_stop_words())
    tail = f" – oftast etiketten ”{taxonomy_label}”" if taxonomy_label and not short else ""
    if not phrases:
        return (taxonomy_label if short else "Blandade svar"), "Svar som saknar tydliga gemensamma uttryck" + tail  # type: ignore[return-value]
    first = phrases[0]
    if short and first.startswith(TONE_LEADS):  # "Utestängning – missnöje med …": one name, one capital
        first = first[0].lower() + first[1:]
    # After a label a phrase's own dash becomes a comma: one dash per name ("Tillgänglighet –
    # läkare, väntetiden", not "Tillgänglighet – läkare – väntetiden").
    name = f"{taxonomy_label} – {first.replace(' – ', ', ')}" if short else first[0].upper() + first[1:]
    listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " och " + phrases[-1]
    return name, f"Svar om {listed}{tail}"


def name_themes(
    texts: Sequence[str],
    emb: np.ndarray,
    main: Sequence[Any],
    embed: Embed,
    *,
    label_titles: Mapping[Any, str] | None = None,
    valence: Sequence[str | None] | None = None,
    k: int = 3,
) -> dict[Any, tuple[str, str, list[str]]]:
    """theme → (name, phrase, keyphrases) for every theme in `main` (row-aligned with texts);
    None in `main` (övrigt) is skipped. `label_titles`: theme → taxonomy label title;
    `valence`: each answer's valence (styrka, utmaning …, row-aligned), so a theme of
    complaints or praise is named as one (nlp.themes.tone). No two themes get the same name."""
    banned = name_stop_words() | measured_fillers(texts, main)
    words = Words(banned)
    rows: dict[Any, list[int]] = defaultdict(list)
    per_theme: dict[Any, dict[Key, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    corpus_df: Counter[Key] = Counter()
    for i, (text, t) in enumerate(zip(texts, main)):
        phrases = answer_phrases(text, words)
        corpus_df.update(phrases.keys())
        if t is not None:
            rows[t].append(i)
            for key, form in phrases.items():
                per_theme[t][key][form] += 1
    if not rows:
        return {}
    mean_size = sum(len(idx) for idx in rows.values()) / len(rows)
    # Larger themes choose first: a smaller theme that would share a name gets its own modifier.
    order = sorted(rows, key=lambda t: (-len(rows[t]), str(t)))
    tones = Counter(v for v in valence if v) if valence is not None else None
    setting = {}
    for t in order:
        idx = rows[t]
        centroid = emb[idx].mean(axis=0)
        centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
        found = per_theme[t]
        ranked, df = _ranked(found, len(idx), corpus_df, mean_size, centroid, embed, k)
        rule = NameRule([texts[i] for i in idx], [valence[i] for i in idx] if valence is not None else None, tones)
        generic = generic_in_theme(found, len(idx), corpus_df, len(texts))
        angles = theme_angles(found, rule.cover.answers, corpus_df, len(texts))
        lifts = theme_lifts(df, len(idx), corpus_df, len(texts))
        setting[t] = (ranked, found, df, (label_titles or {}).get(t), generic, rule, angles, lifts)
    drop_wide([s[7] for s in setting.values()], [s[5].cover.answers for s in setting.values()], mean_size)
    reserved = _reserved(order, setting)
    used: set[str] = set()
    claims: list[Claim] = []
    out = {}
    for t in order:
        ranked, found, df, label, generic, rule, angles, lifts = setting[t]
        chosen = _unique_head(
            ranked, found, df, used, label, generic, rule, claims + reserved.get(t, []), angles, lifts
        )
        head = chosen[0] if chosen else None
        phrases = [form for _, form in ranked[:k]]
        if chosen is not None:
            plain = chosen[1].split(" – ")[0]
            phrases = [plain] + [p for p in phrases if p.lower() != plain.lower()][: k - 1]
        name = as_written(phrase_name([head] if head else [], label)[0], rule.texts)  # proper names' capitals
        phrase = phrase_name(phrases, label)[1]
        short = _short_answers([texts[i] for i in rows[t]]) if head is None else []
        if short:  # "vet ej", "Nej", "Allt": said as such, quoted in the phrase (not the name: stop words)
            name, phrase = "Korta svar", "Korta svar som " + " och ".join(f"”{a}”" for a in short)
        if _name_key(name) in used:  # nothing of its own to tell it apart: number it
            name = next(f"{name} ({n})" for n in range(2, len(rows) + 2) if _name_key(f"{name} ({n})") not in used)
        used.add(_name_key(name))
        claims.append(claim(name))
        out[t] = (name, phrase, phrases)
    return out


def _reserved(order: list[Any], setting: Mapping[Any, tuple[Any, ...]]) -> dict[Any, list[Claim]]:
    """theme → the claims of smaller themes it must leave to them: where two themes would be
    named by one subject (subjects.clashes), the theme whose answers hold that subject more
    often keeps it, the other is told apart by its own words. Size alone decided before: a
    theme of praise for estate agents' sales took "mäklare" from a theme of nothing but
    praise for the agent."""
    preferred = {}
    for t in order:
        ranked, found, df, label, generic, rule, angles, lifts = setting[t]
        chosen = _unique_head(ranked, found, df, set(), label, generic, rule, (), angles, lifts)
        if chosen is not None:
            name = phrase_name([chosen[0]], label)[0]
            preferred[t] = (name, rule.cover.share(" ".join(sorted(subject(chosen[0])))))
    out: dict[Any, list[Claim]] = defaultdict(list)
    for i, t in enumerate(order):
        for u in order[i + 1 :]:
            if t in preferred and u in preferred and preferred[u][1] > preferred[t][1]:
                if clashes(preferred[t][0], [claim(preferred[u][0])]):
                    out[t].append(claim(preferred[u][0]))
    return out


SHORT_ANSWER_WORDS = 3  # a theme whose answers have at most this many words (median) is of short answers


def _short_answers(texts: Sequence[str]) -> list[str]:
    """The two commonest answers of a theme of short answers, as written; else []."""
    lengths = sorted(len(TOKEN_RE.findall(t)) for t in texts)
    if not lengths or lengths[len(lengths) // 2] > SHORT_ANSWER_WORDS:
        return []
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for t in texts:
        words = " ".join(TOKEN_RE.findall(PLACEHOLDER_RE.sub(" ", t))).lower()
        if words:
            forms[words][" ".join(t.split())] += 1
    common = sorted(forms.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:2]
    return [c.most_common(1)[0][0] for _, c in common]


def _name_key(name: str) -> str:
    """Names that differ only in inflection or case ("Mäklare", "mäklaren") are the same."""
    return " ".join(swedish_tokens(name) or [name.lower()]) + "|" + " ".join(re.findall(r"\d+", name))


def _constructions(key: Key, found: Mapping[Key, Counter[str]], df: Mapping[Key, int]) -> list[Key]:
    """The theme's phrases of 2–MAX_WORDS words built on `key`, best first.

    A phrase of several words comes first with the modifier most of its mentions carry, then
    as it is. A bare noun never names alone: its constructions written in the theme's answers
    (a modifier before it, a prepositional phrase after it: the same head noun, all of its
    words), used by CONSTRUCTION_SHARE of its mentions and two answers, most used first."""
    out = [_with_modifier(key, found, df), key] if len(content(key)) >= 2 else []
    head = _head(key)
    least = max(2, CONSTRUCTION_SHARE * df[key])
    longer = [
        other
        for other in found
        if len(other) > len(key)
        and len(other) <= MAX_WORDS
        and _head(other) == head
        and content(key) <= content(other)
        and df[other] >= least
    ]
    out += sorted(longer, key=lambda o: (-df[o], len(o), o))
    return list(dict.fromkeys(out))


def _head(key: Key) -> str:
    """The head noun of a candidate: before its preposition, else its last word."""
    at = next((i for i, w in enumerate(key) if w in PREPOSITIONS), len(key))
    return key[at - 1]


def _options(
    ranked: list[tuple[Key, str]], found: Mapping[Key, Counter[str]], df: Mapping[Key, int], generic: frozenset[Key]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """A theme's name options, each list best first: (the constructions of its best phrase;
    "best – next phrase" with a next phrase not generic; those constructions and the ones of
    its next best phrases; the head nouns of those and its further candidates)."""
    best = ranked[0][0]
    first = written(_with_modifier(best, found, df), found)
    own = [written(k, found) for k in _constructions(best, found, df)]
    combined = [f"{first} – {form}" for key, form in ranked[1:] if key not in generic and not overlaps(key, first)]
    # Only when the best phrase cannot name the theme: a lower phrase's construction names
    # a side detail of the theme (blind reader, 2026-11-29: "Par glasögon" for treatments).
    options = own + [written(k, found) for key, _ in ranked[1:NAME_DEPTH] for k in _constructions(key, found, df)]
    # Too narrow, all of them: the head noun of the best phrases ("Kaffet" for "kaffet i
    # väntrummet"), then the theme's further candidates (all distinctive: _ranked keeps the
    # N_CANDIDATES of highest c-TF-IDF) and their heads; never a word generic to the theme.
    heads = [(_head(key),) for key, _ in ranked[:NAME_DEPTH]]
    further = [written(k, found) for key, _ in ranked[NAME_DEPTH:] for k in _constructions(key, found, df)]
    further += [written((_head(key),), found) for key, _ in ranked[NAME_DEPTH:] if (_head(key),) in found]
    wide = [written(h, found) for h in heads if h in found and h not in generic] + further
    return own, combined, options, wide


def _unique_head(
    ranked: list[tuple[Key, str]],
    found: Mapping[Key, Counter[str]],
    df: Mapping[Key, int],
    used: set[str],
    label: str | None,
    generic: frozenset[Key] = frozenset(),
    rule: NameRule | None = None,
    claims: Sequence[Claim] = (),
    angles: Sequence[Angle] = (),
    lifts: Mapping[Key, float] | None = None,
) -> tuple[str, str] | None:
    """(the theme's name phrase, the phrase it is built on), not yet taken by a larger theme.

    Options, best first: the constructions of its best phrase (_constructions), those of its
    next best phrases (NAME_DEPTH), the head nouns of those, its further candidates. With a
    `rule` (nlp.themes.tone), the first option half its answers hold names it; a single word
    so held is joined by the phrase covering most of the rest ("Mat och service") or else by
    "– next phrase" ("Bilen – verkstad"). Else the first option a fifth hold, paired with a
    phrase that adds PAIR_GAIN of its answers ("Telefontider och aktiviteter", subjects.paired_name); else "best – next phrase" or an
    option a fifth hold; else the theme's broadest noun, or "Blandade synpunkter om" it. A
    pair's partner is specific to the theme where one will do. Every name is in the theme's
    tone (led by its words where the phrase carries none). A phrase whose words all lie in a
    larger theme's name counts as taken ("Bemötande" beside "Trevligt bemötande"): a reader
    could not tell the two apart; a more specific one ("Byta mäklare" beside "Mäklare") not.
    Nor is a name whose subject another theme `claims` in a tone not opposite to its own
    ("Trevlig mäklare" beside "Beröm för mäklare"; nlp.themes.subjects)."""
    if not ranked:
        return None
    used_words = [set(u.split("|")[0].split()) for u in used]

    def taken(phrase: str, nested: bool = True) -> bool:
        full = phrase_name([phrase], label)[0]
        key = _name_key(full)
        words = set(key.split("|")[0].split())
        return key in used or nested and any(words <= u for u in used_words) or clashes(full, list(claims))

    def first_free(options: list[str], nested: bool = True) -> tuple[str, str] | None:
        for option in options:
            named = rule.name(option) if rule else option
            if named is not None and not taken(named, nested):
                return named, option
        return None

    first = written(_with_modifier(ranked[0][0], found, df), found)
    own, combined, options, wide = _options(ranked, found, df, generic)
    if rule is None:
        chosen = first_free(own) or first_free(combined, nested=False) or first_free(options)
        chosen = chosen or first_free([form for _key, form in ranked])
        return chosen or ((options[0], options[0]) if options else (first, first))
    # Coverage first, then rank: a phrase half the answers hold before a more distinctive one
    # that a fifth hold.
    rule.floor = NAME_SHARES[0]
    chosen = first_free(own) or first_free(options) or first_free(wide)
    if chosen is None or " " not in chosen[1]:
        # No phrase half the answers hold, or only a single word ("Mat"): the theme's first
        # phrase, with the distinctive phrase that covers most of the rest ("Telefontider
        # och aktiviteter", "Maten och servicen").
        rule.floor = COVER_SHARE
        single = chosen or first_free(own) or first_free(options) or first_free(wide)
        chosen = single if chosen is not None else None
        if single is not None:
            plain = single[1]
            paired = paired_name(plain, ranked, found, generic, rule)
            if paired is not None and not taken(paired):
                chosen = paired, plain
            elif chosen is not None:
                # One word half the answers hold and no pair: with the theme's next phrase
                # when it is its best one ("Bilen – verkstad").
                details = [f"{plain} – {f}" for k, f in ranked if k not in generic and not overlaps(k, plain)]
                chosen = first_free(details, nested=False) or chosen
    if chosen is None:
        chosen = first_free(own) or first_free(combined, nested=False) or first_free(options) or first_free(wide)
    chosen = (
        chosen or distinguished(ranked, found, df, rule, taken, generic) or broadest(found, df, rule, taken, generic)
    )
    chosen = chosen and angled(chosen, list(angles), rule, taken, generic)  # a bare word with its angle
    return chosen and (sharpened(chosen, ranked, rule, lifts, taken) if lifts else chosen)  # nlp.themes.specific
