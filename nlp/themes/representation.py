"""How a theme is described: Swedish topic words, labels and example answers.

Swedish topic words: å/ä/ö kept, Swedish stop words, lemmas from spaCy's lookup lemmatiser
(spacy-lookups-data, offline), bigrams; pseudonym placeholders such as [PERSON_1] never
become words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

from nlp.core import OTHER_THEME
from nlp.lexicon import SWEDISH_STOP_WORDS, swedish_lemma_table
from nlp.stats import wilson_interval
from nlp.themes.result import OTHER_LABEL, ThemeInfo
from nlp.themes.topic_model import ClassTfidf, join_by_topic

N_WORDS = 10
N_EXAMPLES = 5
# Pseudonym placeholders ([PERSON_1], [TELEFON_2], [ORT] …): removed before tokenising.
PLACEHOLDER_RE = re.compile(r"\[[A-ZÅÄÖ]+(?:_[A-ZÅÄÖ]+)*(?:_\d+)?\]")
# Letters only (Unicode, so å/ä/ö stay), optionally hyphenated: "e-tjänst", "1177" dropped.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Informal and survey filler words missing from spaCy's Swedish list.
EXTRA_STOP_WORDS = frozenset(
    """ju typ ok okej nån nåt nåra dom iaf sen mkt pga osv etc dvs bl a t ex tex
    också lite liten fått få får fick ge gav gett tycka tycker tyckte tyckt känna kändes
    bli blev blivit vara är var varit ha har hade haft göra gör gjorde gjort kunna kan
    kunde kunnat säga sa sagt komma kom kommer kommit ta tog tagit se såg sett
    gång gånger väldigt jättebra jätte helt riktigt verkligen ändå även redan just
    vet ej inget annat tack hej""".split()
)
# English function words, since Swedish answers quote or switch to English now and then.
# Words that are also Swedish content words (is, by, and, not, full …) are left out.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of to in it for with on that this was are be you we they a an at or but have has
    my our your their very so from will would were been""".split()
)


# --- Swedish topic words ---------------------------------------------------------------


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set(SWEDISH_STOP_WORDS) | EXTRA_STOP_WORDS | ENGLISH_FUNCTION_WORDS
    # Answers typed without å/ä/ö ("pa", "ar", "nagon"): their stop words too.
    words |= {w.translate(_FOLD) for w in words}
    return frozenset(words)


_FOLD = str.maketrans("åäö", "aao")


@lru_cache(maxsize=1)
def _lemma_forms() -> frozenset[str]:
    """Every word the table uses as a lemma."""
    return frozenset(swedish_lemma_table().values())


@lru_cache(maxsize=200_000)
def _lemma(token: str) -> str:
    # A word that is itself a lemma stays: the table maps some base forms on to other
    # words ("företag" → "företa", "bemötande" → "bemöta") while their inflected forms
    # ("företaget", "bemötandet") map to the base form, which would split one word in two.
    if token in _lemma_forms():
        return token
    lemma = swedish_lemma_table().get(token, token)
    # Swedish inflection adds endings, so a "lemma" longer than the word is almost always
    # a wrong homograph in the table ("liv" → "liva", "lapp" → "lappa", "fick" → "ficka").
    if len(lemma) > len(token):
        return token
    return lemma


def swedish_tokens(text: str) -> list[str]:
    """Lemmas of the content words of a text, lower case, placeholders and stop words removed.

    A plain function (not a spaCy pipeline) so it pickles and is fast on 10 000 texts;
    the lemmas are spaCy's lookup table.
    """
    stops = stop_words()
    out = []
    for tok in TOKEN_RE.findall(PLACEHOLDER_RE.sub(" ", text).lower()):
        if len(tok) < 2 or tok in stops:
            continue
        lemma = _lemma(tok)
        if len(lemma) < 2 or lemma in stops:
            continue
        out.append(lemma)
    return out


def make_vectorizer(texts: Sequence[str]) -> Any:
    """CountVectorizer with Swedish lemmas and bigrams, for the class-based TF-IDF.

    The c-TF-IDF (nlp.themes.topic_model) feeds it one joined document per theme, so a min_df there would count themes
    and drop exactly the words that belong to one theme (and fail when there are fewer
    themes than min_df). The vocabulary is therefore fixed here from the single answers:
    words and bigrams in at least min_df answers (min_df grows with the corpus).
    """
    # heavy: loaded on first use, so importing the theme stage stays cheap
    from sklearn.feature_extraction.text import CountVectorizer

    n = len(texts)
    min_df = 1 if n < 100 else 2 if n < 2000 else 3
    common = dict(tokenizer=swedish_tokens, lowercase=False, token_pattern=None, ngram_range=(1, 2))
    # The words and bigrams in at least min_df answers: what CountVectorizer(min_df).fit keeps,
    # counted as document frequencies with its own analyzer, without building its count matrix
    # of every answer (most of the time of that fit). None when nothing is left (all stop
    # words, or too few answers for min_df), where that fit raised ValueError.
    analyze = CountVectorizer(**common).build_analyzer()
    df = Counter(chain.from_iterable(set(analyze(text)) for text in texts))
    vocab = [feature for feature, count in df.items() if count >= min_df]
    return CountVectorizer(vocabulary=sorted(vocab) if vocab else None, **common)


def topic_words(texts: list[str], labels: np.ndarray, n: int) -> dict[int, list[str]]:
    """Top words per theme from the class-based TF-IDF on the final assignment."""
    vec = make_vectorizer(texts)
    ids, joined = join_by_topic(texts, labels)
    try:
        counts = vec.fit_transform(joined)
    except ValueError:  # empty vocabulary
        return {t: [] for t in ids}
    return ranked_words(ids, ctfidf_model(n).fit_transform(counts), vec.get_feature_names_out())


def ranked_words(ids: Sequence[int], ctfidf: Any, vocab: Sequence[str]) -> dict[int, list[str]]:
    """Each theme's N_WORDS best words from its row of c-TF-IDF (rows in the order of `ids`)."""
    out: dict[int, list[str]] = {}
    ctfidf = ctfidf.toarray()
    for row, t in enumerate(ids):
        scores = ctfidf[row]
        # stable order: score desc, then the word itself
        order = sorted(np.flatnonzero(scores > 0), key=lambda j: (-scores[j], vocab[j]))
        out[t] = [str(vocab[j]) for j in order[:N_WORDS]]
    return out


def ctfidf_model(n_texts: int) -> ClassTfidf:
    """Class-based TF-IDF (BERTopic's, nlp.themes.topic_model). Damping frequent words makes themes' words more distinct on a
    large corpus, but on a few hundred answers it favours rare words: on the 200 dev
    answers NPMI fell from -0.36 to -0.60, so it is only used from 1 000 texts."""
    return ClassTfidf(reduce_frequent_words=n_texts >= 1000)


def nearest_examples(emb: np.ndarray, idx: np.ndarray, k: int) -> list[int]:
    """Up to k members nearest the theme's centre, skipping near-duplicates."""
    centre = emb[idx].mean(axis=0)
    sims = emb[idx] @ centre
    order = idx[np.argsort(-sims, kind="stable")]
    chosen: list[int] = []
    for i in order:
        if all(float(emb[i] @ emb[j]) < 0.97 for j in chosen):
            chosen.append(int(i))
        if len(chosen) == k:
            break
    return chosen


def make_label(words: Sequence[str]) -> tuple[str, str]:
    """(label, phrase) from the top words: 'väntetid · telefonkö · vårdcentral' and
    'Svar om väntetid, telefonkö och vårdcentral'."""
    picked: list[str] = []
    for w in words:
        # skip a word already covered by a picked bigram, and vice versa
        if any(w in p.split() or p in w.split() for p in picked):
            continue
        picked.append(w)
        if len(picked) == 3:
            break
    if not picked:
        # A real cluster whose words are all stop words ("vet ej", "inget att tillägga"):
        # not "övrigt", which is reserved for answers outside every theme.
        return "svar utan ämnesord", "Svar som saknar tydliga ämnesord, ofta korta svar"
    label = " · ".join(picked)
    phrase = "Svar om " + (picked[0] if len(picked) == 1 else ", ".join(picked[:-1]) + " och " + picked[-1])
    return label, phrase


def theme_info(
    tid: int,
    words: list[str],
    size: int,
    n: int,
    ex_ids: list[Any],
    ex_texts: list[str],
    *,
    word_label: bool = True,
) -> ThemeInfo:
    """A theme's description from its words, size and examples (id -1 is "övrigt").

    `word_label=False`: no label from the words (make_label); the caller names the theme
    itself (nlp.themes.naming), so label and phrase stay empty until it does."""
    if tid == OTHER_THEME:
        label, phrase = OTHER_LABEL, "svar som inte passar i något tema"
    elif word_label:
        label, phrase = make_label(words)
    else:
        label, phrase = "", ""
    return ThemeInfo(
        id=tid,
        label=label,
        phrase=phrase,
        words=list(words),
        size=size,
        share=size / n if n else 0.0,
        ci=wilson_interval(size, n),
        example_ids=list(ex_ids),
        examples=[{"id": rid, "text": t} for rid, t in zip(ex_ids, ex_texts)],
    )
