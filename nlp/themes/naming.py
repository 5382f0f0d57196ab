"""Theme names a person understands: keyphrases from the theme's own answers.

Candidates are runs of content words inside a clause of an answer (1–4 words; a stop word,
a filler or punctuation ends a run), so a phrase is always written as someone wrote it.
They are counted by lemmas (so "långa väntetider" and "lång väntetid" are one candidate)
and shown in their most common written form. The most frequent candidates are embedded and
scored against the theme's centroid; MMR (maximal marginal relevance) picks a few that are
close to the theme and different from each other.

Stop words: the Swedish list of stopwords-iso (package stopwordsiso) together with spaCy's
and the theme stage's own; fillers are measured on the corpus: words spread evenly over all
themes (no theme uses them much more than the corpus does) say nothing about any theme.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from nlp.themes.representation import PLACEHOLDER_RE, TOKEN_RE, stop_words, swedish_tokens

Embed = Callable[[list[str]], np.ndarray]

N_CANDIDATES = 25  # candidates embedded per theme (by frequency)
MMR_LAMBDA = 0.7  # relevance vs. diversity
MIN_WORD = 3  # shorter words are never a name on their own
# Verbs, adverbs and fillers people write in every kind of answer ("mår", "alldeles", "via"):
# not in the stop-word lists, and never what a theme is about.
NAME_STOP_WORDS = frozenset(
    """alldeles både all alla allt via mår må mådde måste skulle skall ska behöver behövde finns fanns
    känns kändes går gick gått blir bra dålig dåligt bättre sämre bäst mycket mer mest många flera
    gärna inte aldrig alltid ofta ibland kanske nog bara precis faktiskt absolut nästan tyvärr
    igen tillbaka hela heller sedan innan efter väl ganska lagom superbra toppen stort stor
    dessutom därför fortfarande återigen överhuvudtaget iallafall
    tycker tyckte tror trodde vill ville verkar sig själv själva annan andra sätt saker sak
    person personer folk man vi ni de hen""".split()
)
CLAUSE_RE = re.compile(r"[.,;:!?()\"“”…\n\r\t/–—]+")
FILLER_LIFT = 1.6  # a word no theme uses ≥ 1.6 × as often as the corpus is a filler
FILLER_MIN_SHARE = 0.02  # … judged only for words in at least 2 % of answers


@lru_cache(maxsize=1)
def name_stop_words() -> frozenset[str]:
    """Every word that may never be part of a theme name (lower case)."""
    import stopwordsiso  # the stopwords-iso lists, shipped in the package (no download)

    return frozenset(stopwordsiso.stopwords("sv")) | stop_words() | NAME_STOP_WORDS


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
        lift = max(by_theme[t][w] / sizes[t] for t in sizes if sizes[t] >= 10) if sizes else 0.0
        if lift < FILLER_LIFT * rate:
            out.add(w)
    return frozenset(out)


def candidates(texts: Sequence[str], banned: frozenset[str]) -> dict[tuple[str, ...], Counter[str]]:
    """Lemma key → counter of written forms, one count per answer."""
    found: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    lemma_of: dict[str, str | None] = {}
    for text in texts:
        seen: dict[tuple[str, ...], str] = {}
        for clause in CLAUSE_RE.split(PLACEHOLDER_RE.sub(" | ", text)):
            run: list[tuple[str, str]] = []
            for tok in [*TOKEN_RE.findall(clause), ""]:
                low = tok.lower()
                if low and low not in banned and len(low) >= 2:
                    if low not in lemma_of:
                        lemmas = swedish_tokens(low)
                        lemma_of[low] = lemmas[0] if len(lemmas) == 1 and lemmas[0] not in banned else None
                    if lemma_of[low] is not None:
                        run.append((low, lemma_of[low]))  # type: ignore[arg-type]
                        continue
                _grams(run, seen)
                run = []
        for key, form in seen.items():
            found[key][form] += 1
    return found


# A past tense or present of a verb ("köpte", "ringde", "fungerar") whose lemma is the
# infinitive ("köpa"): never a name on its own, though it may be part of a phrase.
VERB_ENDINGS = ("te", "de", "dde", "tte", "ar", "er", "ir")


def _verb_form(word: str, lemma: str) -> bool:
    return word != lemma and lemma.endswith("a") and word.endswith(VERB_ENDINGS)


def _grams(run: list[tuple[str, str]], seen: dict[tuple[str, ...], str]) -> None:
    for size in range(1, 5):
        for i in range(len(run) - size + 1):
            part = run[i : i + size]
            if size == 1 and (len(part[0][0]) < MIN_WORD or _verb_form(*part[0])):
                continue
            seen.setdefault(tuple(lemma for _, lemma in part), " ".join(w for w, _ in part))


def keyphrases(
    texts: Sequence[str], centroid: np.ndarray, embed: Embed, banned: frozenset[str], k: int = 3
) -> list[str]:
    """Up to k phrases from the answers: near the centroid (MMR), as people wrote them."""
    found = candidates(texts, banned)
    floor = max(2, round(0.03 * len(texts)))
    # Frequency with a small bonus per extra word: "långa väntetider" over "väntetider" when
    # it is almost as common.
    scored = sorted(
        ((sum(c.values()) * (1 + 0.25 * (len(key) - 1)), key) for key, c in found.items() if sum(c.values()) >= floor),
        key=lambda kv: (-kv[0], kv[1]),
    )[:N_CANDIDATES]
    if not scored:
        return []
    keys = [key for _, key in scored]
    forms = [found[key].most_common(1)[0][0] for key in keys]
    vecs = embed(forms)
    relevance = vecs @ centroid
    chosen: list[int] = []
    while len(chosen) < min(k, len(keys)):
        best, best_score = None, -np.inf
        for i in range(len(keys)):
            if i in chosen or any(set(keys[i]) & set(keys[j]) for j in chosen):
                continue
            redundancy = max((float(vecs[i] @ vecs[j]) for j in chosen), default=0.0)
            score = MMR_LAMBDA * float(relevance[i]) - (1 - MMR_LAMBDA) * redundancy
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
    return [forms[i] for i in chosen]


MAX_LABEL_IN_NAME = 40  # a longer taxonomy title (a whole goal statement) goes in the phrase


def phrase_name(phrases: Sequence[str], taxonomy_label: str | None = None) -> tuple[str, str]:
    """(name, phrase): "Tillgänglighet – långa väntetider" and "Svar om långa väntetider, …".

    The taxonomy label leads the name when it is short and has no function words; a long
    title (many taxonomies' labels are whole sentences) is named in the phrase instead."""
    short = bool(taxonomy_label) and len(taxonomy_label) <= MAX_LABEL_IN_NAME  # type: ignore[arg-type]
    short = short and not set(re.findall(r"[^\W\d_]+", taxonomy_label.lower())) & name_stop_words()  # type: ignore[union-attr]
    tail = f" – oftast etiketten ”{taxonomy_label}”" if taxonomy_label and not short else ""
    if not phrases:
        return (taxonomy_label if short else "Blandade svar"), "Svar som saknar tydliga gemensamma uttryck" + tail  # type: ignore[return-value]
    first = phrases[0]
    name = f"{taxonomy_label} – {first}" if short else first[0].upper() + first[1:]
    listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " och " + phrases[-1]
    return name, f"Svar om {listed}{tail}"


def majority_label(labels: Sequence[Sequence[str]], min_share: float = 0.4) -> str | None:
    """The taxonomy label most of a theme's answers carry, when at least min_share of them do."""
    counts = Counter(lab for labs in labels for lab in set(labs))
    if not counts or not labels:
        return None
    lab, c = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return lab if c / len(labels) >= min_share else None


def name_themes(
    texts: Sequence[str],
    emb: np.ndarray,
    main: Sequence[Any],
    embed: Embed,
    *,
    label_titles: Mapping[Any, str] | None = None,
    k: int = 3,
) -> dict[Any, tuple[str, str, list[str]]]:
    """theme → (name, phrase, keyphrases) for every theme in `main` (row-aligned with texts);
    None in `main` (övrigt) is skipped. `label_titles`: theme → taxonomy label title."""
    banned = name_stop_words() | measured_fillers(texts, main)
    rows: dict[Any, list[int]] = defaultdict(list)
    for i, t in enumerate(main):
        if t is not None:
            rows[t].append(i)
    out = {}
    for t, idx in rows.items():
        centroid = emb[idx].mean(axis=0)
        centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
        phrases = keyphrases([texts[i] for i in idx], centroid, embed, banned, k)
        name, phrase = phrase_name(phrases, (label_titles or {}).get(t))
        out[t] = (name, phrase, phrases)
    return out
