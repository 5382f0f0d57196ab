"""Theme names measured on fixed themes: the same fit named before and after a naming change.

Naming is measured apart from clustering: `capture` fits the themes once and saves what
naming reads (the answers as pseudonymised, their vectors, each answer's theme, valence,
taxonomy label title per theme, and the answer's known tone where the data has one);
`measure` names those themes with the code checked out and prints, per set:

- coverage: the share of names whose head phrase (the name without its tone lead, its
  taxonomy label and its "– second phrase") is held, all its content lemmas, by ≥ 50 % of
  the theme's answers (a pair "A och B": either part); and the mean share held; and the
  same counting a lemma held as the last part of a compound ("flyttstädning" holds "städning");
- the share of names with a stop word (benchmarks/theme_names_sample.name_figures), with one
  besides a preposition between two nouns, and duplicate names;
- tone agreement: a name that says a tone ("Missnöje med …", "Långa väntetider", "Beröm för
  …") against the majority of the theme's answers, by the valence head (styrka/utmaning) and
  by the known tone (the reviews' sentiment labels; the demo export's question: "Vad
  fungerar bra?" is praise, "Vad kan bli bättre?" a complaint). A toned name agrees when
  the majority has its tone; an untoned one when no tone holds 60 % of the answers.

and writes the blind reader's sample (each theme's name and five of its answers, seeded, no
other hint), the same themes and answers for every naming, so two samples compare names only.

    python benchmarks/theme_names_figures.py capture demo /tmp/x/demo.pkl
    python benchmarks/theme_names_figures.py capture reviews /tmp/x/r3k.pkl --n 3000 [--vectors V.npy]
    python benchmarks/theme_names_figures.py measure /tmp/x/demo.pkl /tmp/x/r3k.pkl --sample OUT.json

The captured files hold pseudonymised answer texts: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from benchmarks.shared_texts import REVIEWS, load_in_child  # noqa: E402

DEMO = ROOT / "exempel" / "enkat_exempel.csv"
PRAISE_QUESTION, COMPLAINT_QUESTION = "Vad fungerar bra?", "Vad kan bli bättre?"
HELD = 0.5  # a head phrase covers its theme when this share of the answers hold it
ONE_SIDED = 0.6  # the share of answers that makes a theme's tone (nlp.themes.tone.TONE_SHARE)
N_ANSWERS = 5


def capture_demo() -> dict[str, Any]:
    """The demo export analysed as `brukarrost analysera` does, with what naming read."""
    import nlp.pipeline.analysis as analysis
    from nlp.pipeline.analysis import analyse_export
    from nlp.store import init_db, session_scope
    from nlp.store.models import RecordRow

    got: dict[str, Any] = {}
    real = analysis.name_result

    def keep(result, texts, vectors, embed, *, record_ids, labels=None, titles=None, valence=None):  # type: ignore[no-untyped-def]
        from nlp.core import OTHER_THEME
        from nlp.themes.named import label_titles

        of = result.main_theme()
        main = [of.get(r) for r in record_ids]
        main = [None if t is None or t == OTHER_THEME else t for t in main]
        got.update(
            texts=list(texts),
            vectors=np.asarray(vectors, dtype=np.float32),
            main=main,
            label_titles=label_titles(main, labels, titles),
            valence=list(valence) if valence is not None else None,
            record_ids=list(record_ids),
        )
        return real(result, texts, vectors, embed, record_ids=record_ids, labels=labels, titles=titles, valence=valence)

    analysis.name_result = keep  # a benchmark's probe on what naming reads; the product path is unchanged
    with tempfile.TemporaryDirectory() as out:
        analyse_export(DEMO, out)
    tone = {PRAISE_QUESTION: 1, COMPLAINT_QUESTION: -1}
    with session_scope(init_db()) as session:
        question = dict(session.query(RecordRow.id, RecordRow.question).filter(RecordRow.id.in_(got["record_ids"])))
    got["known_tone"] = [tone.get(question.get(r, ""), 0) for r in got["record_ids"]]
    return got


def capture_reviews(n: int, vectors_path: str | None) -> dict[str, Any]:
    """The first n real reviews fitted as one project import (as theme_names_sample.py does)."""
    from nlp.classify import predict_valence
    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts
    from nlp.pipeline.project import update_project_themes

    shared = load_in_child(REVIEWS, n)
    texts = shared.texts
    with REVIEWS.open(encoding="utf-8", newline="") as fh:
        sentiment = [r["sentiment"] for r in csv.DictReader(fh)]
    known = [{"positive": 1, "negative": -1}.get(sentiment[r], 0) for r in shared.rows]
    vectors = np.load(vectors_path)[shared.rows] if vectors_path else embed_texts(texts, kind=ANALYSIS_KIND)
    ids = list(range(len(texts)))
    state = update_project_themes(texts, vectors, ids, state=None)
    valence = [v.label for v in predict_valence(texts, vectors)]
    return {
        "texts": texts,
        "vectors": np.asarray(vectors, dtype=np.float32),
        "main": [state.main.get(i) for i in ids],
        "label_titles": {},
        "valence": valence,
        "known_tone": known,
    }


def name_tone(name: str) -> int:
    """The tone a name says: its lead ("Missnöje med", "Beröm för", "Blandade klagomål på")
    or its own words ("Långa väntetider"); 0 for a neutral or mixed name."""
    from nlp.themes.tone import MIXED_LEADS, NEGATIVE_LEAD, POSITIVE_LEAD, phrase_polarity

    if name.startswith((NEGATIVE_LEAD, MIXED_LEADS[-1])):
        return -1
    if name.startswith((POSITIVE_LEAD, MIXED_LEADS[1])):
        return 1
    if name.startswith(MIXED_LEADS[0]):
        return 0
    return phrase_polarity(name.split(" – ")[-1] if " – " in name else name)


def head_phrase(name: str, label: str | None) -> str:
    """The phrase a name claims for its theme: without its tone lead, taxonomy label and
    second part ("Tillgänglighet – långa väntetider, telefon" → "långa väntetider"; a label-led
    name writes the second part after a comma)."""
    from nlp.themes.tone import MIXED_LEADS, NEGATIVE_LEAD, POSITIVE_LEAD

    if label and name.startswith(f"{label} – "):
        name = name[len(label) + 3 :]
    for lead in (NEGATIVE_LEAD, POSITIVE_LEAD, *MIXED_LEADS.values()):
        if name.startswith(lead + " "):
            name = name[len(lead) + 1 :]
    name = name.split(" (")[0]  # "Korta svar (2)"
    return name.split(" – ")[0].split(", ")[0]


MIN_COMPOUND_HEAD, MIN_COMPOUND_FIRST = 3, 3  # "städning" in "flyttstädning", not "bil" in "mobil"


def compound_holds(lemma: str, answer: frozenset[str]) -> bool:
    """An answer holds a lemma as written or as the last part of a compound: Swedish compounds
    are right-headed, so a "flyttstädning" is a "städning" and a "fastighetsmäklare" a "mäklare"."""
    if lemma in answer:
        return True
    if len(lemma) < MIN_COMPOUND_HEAD:
        return False
    return any(len(w) - len(lemma) >= MIN_COMPOUND_FIRST and w.endswith(lemma) for w in answer)


def majority_tone(tones: list[int]) -> int:
    """-1 / 1 when ≥ ONE_SIDED of the answers with a tone have it, else 0."""
    known = [t for t in tones if t]
    if not known:
        return 0
    neg = sum(t < 0 for t in known) / len(known)
    return -1 if neg >= ONE_SIDED else 1 if 1 - neg >= ONE_SIDED else 0


def measure(data: dict[str, Any], sample_path: Path | None, seed: int = 14) -> dict[str, Any]:
    """Names of the captured themes by the code checked out, with figures and the sample."""
    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts
    from nlp.themes.naming import name_themes
    from nlp.themes.representation import swedish_tokens

    texts, main = data["texts"], data["main"]
    names = name_themes(
        texts,
        data["vectors"],
        main,
        lambda p: embed_texts(p, kind=ANALYSIS_KIND),
        label_titles=data["label_titles"],
        valence=data["valence"],
    )
    members: dict[Any, list[int]] = defaultdict(list)
    for i, t in enumerate(main):
        if t is not None:
            members[t].append(i)
    order = sorted(names, key=lambda k: (-len(members[k]), str(k)))
    # As nlp.themes.tone.Coverage reads an answer: all content lemmas of a part, any order.
    answer_lemmas = [frozenset(swedish_tokens(t)) for t in texts]

    def parts_of(head: str) -> list[set[str]]:
        return [set(swedish_tokens(part.lower())) for part in head.split(" och ")]

    head_valence = [{"styrka": 1, "utmaning": -1}.get(v or "", 0) for v in data["valence"] or [None] * len(texts)]
    rows = []
    for t in order:
        name = names[t][0]
        idx = members[t]
        head = head_phrase(name, data["label_titles"].get(t))
        # A pair name ("Telefontider och aktiviteter") is held by an answer holding either part.
        held = [any(lemmas <= answer_lemmas[i] for lemmas in parts_of(head)) for i in idx]
        cover = sum(held) / max(len(idx), 1) if head != "Korta svar" else 1.0
        in_compounds = [
            any(all(compound_holds(w, answer_lemmas[i]) for w in lemmas) for lemmas in parts_of(head)) for i in idx
        ]
        cover_compound = sum(in_compounds) / max(len(idx), 1) if head != "Korta svar" else 1.0
        rows.append(
            {
                "name": name,
                "size": len(idx),
                "cover": cover,
                "cover_compound": cover_compound,
                "tone": name_tone(name),
                "by_head": majority_tone([head_valence[i] for i in idx]),
                "known": majority_tone([data["known_tone"][i] for i in idx]),
            }
        )
    out = summary(rows)
    if sample_path is not None:
        out["sample"] = blind_sample(order, members, {t: names[t][0] for t in order}, texts, seed)
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures over a set's names (rows of measure)."""
    import stopwordsiso
    from theme_names_sample import name_figures

    from nlp.themes.phrases import PREPOSITIONS
    from nlp.themes.representation import stop_words
    from nlp.themes.tone import PAIR_JOIN

    stops = frozenset(stopwordsiso.stopwords("sv")) | stop_words()
    fig = name_figures([r["name"] for r in rows])
    total = max(len(rows), 1)
    toned = [r for r in rows if r["tone"]]
    return {
        "names": len(rows),
        "coverage_50": sum(r["cover"] >= HELD for r in rows) / total,
        "mean_cover": sum(r["cover"] for r in rows) / total,
        "coverage_50_compound": sum(r["cover_compound"] >= HELD for r in rows) / total,
        "stop_word": fig["with_stop_word"][0],
        "stop_word_besides_preposition": fig["with_stop_word_besides_a_preposition"][0],
        # Not counting the "och" of a pair name ("Telefontider och aktiviteter") either.
        "stop_word_besides_preposition_or_pair": sum(
            any(w in stops and not (w in PREPOSITIONS | {PAIR_JOIN} and 0 < i < len(ws) - 1) for i, w in enumerate(ws))
            for ws in (re.findall(r"[^\W\d_]+", r["name"].lower()) for r in rows)
        )
        / total,
        "duplicates": len(fig["duplicates"]),
        "one_word": fig["one_word"][0],
        "toned": len(toned),
        "tone_agrees_head": sum(r["tone"] == r["by_head"] for r in rows) / total,
        "tone_agrees_known": sum(r["tone"] == r["known"] for r in rows) / total,
        "toned_right_known": sum(r["tone"] == r["known"] for r in toned) / max(len(toned), 1),
        "toned_wrong_known": sum(r["tone"] == -r["known"] for r in toned),
        "rows": rows,
    }


def blind_sample(
    order: list[Any], members: dict[Any, list[int]], names: dict[Any, str], texts: list[str], seed: int
) -> list[dict[str, Any]]:
    """Each theme's name and N_ANSWERS of its answers drawn at random (seeded), in a seeded
    order (no order by size: no hint): the same themes and answers whatever the names."""
    rng = random.Random(seed)
    picked = sorted(order, key=str)
    rng.shuffle(picked)
    sample = []
    for t in picked:
        chosen = rng.sample(members[t], min(N_ANSWERS, len(members[t])))
        sample.append({"namn": names[t], "svar": [texts[i] for i in chosen]})
    return sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    cap = sub.add_parser("capture")
    cap.add_argument("set", choices=["demo", "reviews"])
    cap.add_argument("out")
    cap.add_argument("--n", type=int, default=3000)
    cap.add_argument("--vectors", help="saved query vectors of the reviews (.npy, row for row)")
    mea = sub.add_parser("measure")
    mea.add_argument("captured", nargs="+")
    mea.add_argument("--sample", help="the blind reader's JSON (every set's themes, numbered)")
    mea.add_argument("--figures", help="the figures as JSON")
    args = ap.parse_args()
    if args.cmd == "capture":
        data = capture_demo() if args.set == "demo" else capture_reviews(args.n, args.vectors)
        Path(args.out).write_bytes(pickle.dumps(data))
        print(
            f"{args.set}: {sum(t is not None for t in data['main'])} answers in {len(set(data['main']) - {None})} themes → {args.out}"
        )
        return
    sample, figures = [], {}
    for path in args.captured:
        got = measure(pickle.loads(Path(path).read_bytes()), Path(args.sample) if args.sample else None)
        figures[Path(path).stem] = {k: v for k, v in got.items() if k != "sample"}
        sample += got.get("sample", [])
        print(f"\n== {path}: {got['names']} names")
        for r in got["rows"]:
            print(
                f"  {r['size']:5d}  cover {r['cover']:.2f} {r['cover_compound']:.2f}  tone {r['tone']:+d} head {r['by_head']:+d} "
                f"known {r['known']:+d}  {r['name']}"
            )
        print(
            f"coverage ≥ {HELD:.0%}: {got['coverage_50']:.1%} (mean {got['mean_cover']:.2f}; counting compounds "
            f"{got['coverage_50_compound']:.1%}); "
            f"stop word {got['stop_word']:.1%} (besides a preposition {got['stop_word_besides_preposition']:.1%}, "
            f"or the och of a pair {got['stop_word_besides_preposition_or_pair']:.1%}); "
            f"duplicates {got['duplicates']}; one word {got['one_word']:.1%}; toned {got['toned']}; tone agrees with the head's majority "
            f"{got['tone_agrees_head']:.1%}, with the known majority {got['tone_agrees_known']:.1%}; "
            f"toned names right {got['toned_right_known']:.1%}, opposite {got['toned_wrong_known']}"
        )
    if args.sample:
        numbered = [{"nr": i + 1, **s} for i, s in enumerate(sample)]
        Path(args.sample).parent.mkdir(parents=True, exist_ok=True)
        Path(args.sample).write_text(json.dumps(numbered, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nblind sample: {len(numbered)} themes → {args.sample}")
    if args.figures:
        Path(args.figures).write_text(json.dumps(figures, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
