"""Theme names of the 10 000 real reviews: every name, figures, and a sample for a blind reader.

Fits the project themes of the shared reviews (../shared/data/real/recensioner_sv_10k.csv)
as one import (nlp.pipeline.update_project_themes) and names them as the product does
(nlp.pipeline.project.theme_names). Prints every name with its theme's size, then:
- the share of names containing a stop word (stopwords-iso's and spaCy's Swedish lists and
  the theme stage's own: function words and fillers);
- the share that is a bare evaluative word or has no noun at all ("Trevligt", "Smidigt");
- the share with a greeting, sign-off or thanks;
- duplicate names (same words, case and inflection aside);
- the share of names that say the theme's tone or that it is mixed ("Missnöje med …");
- the CPU seconds and peak memory of naming.

And writes, for a separate reader who judges whether each name fits, a JSON file with
each theme's name and five of its answers drawn at random (seeded), nothing else: no key,
size, keyphrase or score. The reviews are pseudonymised before anything embeds them, as in the
product (benchmarks/shared_texts.py), so the sample shows them as the product would. The file
holds review text, so it goes outside the repository (default /work/blind/namn_sample.json);
the licence of the reviews forbids copying them into the repository.

    python benchmarks/theme_names_sample.py [OUT.json] [--n 3000] [--vectors V.npy]

--vectors: the reviews' saved "query:" vectors (row for row, e.g. from
`python benchmarks/themes.py --save-vectors V.npy --embed-only` with the same kind), so a
loaded machine need not embed them again.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from benchmarks.shared_texts import FORUM, REVIEWS, load_in_child, require  # noqa: E402

DEFAULT_OUT = Path("/work/blind/namn_sample.json")
N_ANSWERS = 5


def name_figures(names: list[str]) -> dict[str, Any]:
    """Shares of names with a stop word, bare evaluations or no noun, courtesy words; duplicates."""
    import stopwordsiso

    from nlp.themes.naming import COURTESY_WORDS, is_evaluative
    from nlp.themes.phrases import PREPOSITIONS
    from nlp.themes.representation import stop_words, swedish_tokens
    from nlp.themes.tone import MIXED_LEADS, NEGATIVE_LEAD, POSITIVE_LEAD
    from nlp.themes.wordclass import is_noun

    stops = frozenset(stopwordsiso.stopwords("sv")) | stop_words()
    words_of = {n: re.findall(r"[^\W\d_]+", n.lower()) for n in names}
    with_stop = [n for n, w in words_of.items() if any(x in stops for x in w)]
    # The same, not counting a preposition between two content words: the one function word
    # a name may hold, in its construction "noun + preposition + noun" ("bemötande i receptionen").
    glue = [
        n
        for n, w in words_of.items()
        if any(x in stops and not (x in PREPOSITIONS and 0 < i < len(w) - 1) for i, x in enumerate(w))
    ]
    bare = [n for n, w in words_of.items() if w and (all(is_evaluative(x) for x in w) or not any(map(is_noun, w)))]
    courtesy = [n for n, w in words_of.items() if any(x in COURTESY_WORDS for x in w)]
    by_words = Counter(" ".join(swedish_tokens(n)) or n.lower() for n in names)
    dupes = [n for n in names if by_words[" ".join(swedish_tokens(n)) or n.lower()] > 1]
    # One word ("Personal", "Företag"): too general unless the theme is about nothing else.
    one_word = [n for n, w in words_of.items() if len(w) == 1]
    leads = (NEGATIVE_LEAD, POSITIVE_LEAD, *MIXED_LEADS.values())
    toned = [n for n in names if any(lead in n for lead in leads)]
    total = max(len(names), 1)
    return {
        "names": len(names),
        "with_stop_word": (len(with_stop) / total, with_stop),
        "with_stop_word_besides_a_preposition": (len(glue) / total, glue),
        "one_word": (len(one_word) / total, one_word),
        "bare_evaluative_or_no_noun": (len(bare) / total, bare),
        "courtesy": (len(courtesy) / total, courtesy),
        "duplicates": dupes,
        "toned": (len(toned) / total, toned),
    }


def as_markdown(sample: list[dict[str, Any]]) -> str:
    """The blind reader's sheet: per theme its name and answers, a line to mark."""
    lines = [
        "# Passar namnet?",
        "",
        "Läs varje temas namn och fem av dess svar. Skriv **ja** om namnet säger vad svaren handlar om, "
        "annars **nej** (gärna med ett ord om varför).",
        "",
    ]
    for s in sample:
        lines += [f"## {s['nr']}. {s['namn']}", ""]
        lines += [f"- {' '.join(a.split())}" for a in s["svar"]]
        lines += ["", "Passar: ", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out", nargs="?", default=str(DEFAULT_OUT), help="the JSON file for the blind reader")
    ap.add_argument("--n", type=int, default=10_000, help="the first N reviews")
    ap.add_argument("--vectors", help="saved query vectors of the reviews (.npy, row for row)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--forum", action="store_true", help="the forum paragraphs (Absabank-Imm) instead of the reviews")
    ap.add_argument("--themes", type=int, help="only this many themes, drawn at random (seeded), in the sample")
    args = ap.parse_args()
    # The forum paragraphs: Absabank-Imm, Språkbanken Text, University of Gothenburg; CC BY 4.0.
    corpus = FORUM if args.forum else REVIEWS
    require(corpus)

    from nlp.classify import predict_valence
    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts
    from nlp.pipeline.project import theme_names, update_project_themes

    def embed(batch: list[str]) -> np.ndarray:
        return embed_texts(batch, kind=ANALYSIS_KIND)

    texts = load_in_child(corpus, args.n).texts  # the pseudonymiser's memory not in the peak below
    t0 = time.perf_counter()
    vectors = np.load(args.vectors)[: len(texts)] if args.vectors else embed(texts)
    print(f"vectors of {len(texts)} reviews: {time.perf_counter() - t0:.1f} s", flush=True)
    ids = list(range(len(texts)))
    t0 = time.perf_counter()
    state = update_project_themes(texts, vectors, ids, state=None)
    print(f"themes: {time.perf_counter() - t0:.1f} s", flush=True)
    # Each answer's valence, as the product's classification gives it: the names say the tone.
    valence = [v.label for v in predict_valence(texts, vectors)]
    r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    names = theme_names(state, texts, vectors, ids, embed, valence=valence)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    print(
        f"naming {len(names)} themes: {time.perf_counter() - t0:.1f} s wall, {cpu:.1f} s CPU, "
        f"peak RSS of the process {r1.ru_maxrss / 1024:.0f} MB"
    )
    members: dict[str, list[int]] = {}
    for i in ids:
        key = state.main.get(i)
        if key is not None:
            members.setdefault(key, []).append(i)
    order = sorted(names, key=lambda k: -len(members.get(k, [])))
    outliers = sum(state.main.get(i) is None for i in ids) / len(ids)
    print(f"\n{len(order)} themes, outliers {outliers:.1%}; every name (size, name | keyphrases):")
    for key in order:
        name, _phrase, phrases = names[key]
        print(f"  {len(members.get(key, [])):5d}  {name}  | {' · '.join(phrases)}")
    fig = name_figures([names[k][0] for k in order])
    print(f"\nnames with a stop word: {fig['with_stop_word'][0]:.1%} {fig['with_stop_word'][1][:8]}")
    glue = fig["with_stop_word_besides_a_preposition"]
    print(f"… besides a preposition between two nouns: {glue[0]:.1%} {glue[1][:8]}")
    print(
        f"bare evaluative word or no noun: {fig['bare_evaluative_or_no_noun'][0]:.1%} {fig['bare_evaluative_or_no_noun'][1][:8]}"
    )
    print(f"one-word names: {fig['one_word'][0]:.1%} {fig['one_word'][1][:8]}")
    print(f"greeting, sign-off or thanks: {fig['courtesy'][0]:.1%} {fig['courtesy'][1][:8]}")
    print(f"duplicate names: {len(fig['duplicates'])} {fig['duplicates'][:8]}")
    print(f"names saying the tone or a mix: {fig['toned'][0]:.1%} {fig['toned'][1][:8]}")

    rng = random.Random(args.seed)
    sample = []
    picked = sorted(order, key=lambda k: rng.random())  # no order by size: no hint
    for key in picked[: args.themes] if args.themes else picked:
        rows = members.get(key, [])
        chosen = rng.sample(rows, min(N_ANSWERS, len(rows)))
        sample.append({"namn": names[key][0], "svar": [texts[i] for i in chosen]})
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    numbered = [{"nr": i + 1, **s} for i, s in enumerate(sample)]
    out.write_text(as_markdown(numbered) if out.suffix == ".md" else json.dumps(numbered, ensure_ascii=False, indent=1))
    print(f"\nblind sample: {len(sample)} themes × {N_ANSWERS} answers → {out}")


if __name__ == "__main__":
    main()
