"""Suggestions on a user's own taxonomy and real, long answers (issue 11), blind labelled sets.

    python benchmarks/classify_own_taxonomy.py [--mangd vardupplevelse forum_invandring]
        [--upprepningar 3] [--antal 25 50 100] [--utan-meningar] [--transduktiv]
        [--kalibrering 10 25 50] [--alla-kalibreringar] [--mangd-svar]
        [--utan-etikettskift] [--tak [K]] [--andra-annotator FIL]

The sets (benchmarks/data/README_taxonomier.md) were labelled by a separate author who never
saw classifier output; use them to measure, not to tune. For each set this prints, in one run:
- zero-shot on all answers: macro/micro F1, ECE on the answers, coverage of the 90 % prediction
  sets in both senses (all of an answer's true labels in its set; per label: share of true
  labels inside their answer's set, and the lowest label's share), their mean size and how many
  labels beyond the true ones they hold, share "osäker" (with reasons) and how right the
  decisions are on the answers that are not osäker (all labels exactly; Jaccard) and on those
  that are (--mangd-svar: the sets as before 2026-11-29, all of an answer's labels);
- the nearest-label-prototype baseline (mean "query:" vector of title, description and
  examples; top-1 label only, nothing tuned);
- zero-shot calibrated on k validated answers (nlp/classify/answer_calibration.py; --kalibrering,
  empty = none): the k drawn at random, tested on the answers not among the first max(k) of
  the draw; and the k first in the validator page's queue (most uncertain first) among 100
  random answers, tested outside those 100; each beside today's zero-shot and the prototype
  baseline on the same test answers (--alla-kalibreringar: every map and threshold choice);
- a learning curve: few-shot with 25/50/100 validated answers drawn at random, tested on the
  answers not among the first 100 of the same draw (so every point shares one test set), with
  the balanced one-vs-rest logistic baseline and the prototype baseline on that test set; the
  mean over --upprepningar draws, and the per-label F1 at the largest size;
- --tak [K] (the ceiling): the same learning curve in K-fold cross-validation (default 5;
  folds stratified label by label, benchmarks/answer_splits.py), 25/50/100/200 answers and
  all of the other folds, tested on the held-out fold; the errors at the largest size sorted
  into label-boundary errors (the answer's other labels decided right) and whole misses;
- --andra-annotator FIL (with --tak): a second annotator's labels of a sample, made without
  seeing the first's (benchmarks/data/README_taxonomier.md): how the two annotators agree,
  beside how the out-of-fold model agrees with each — how much of the gap is in the labels.
Texts: the reviews are read by row index from the real reviews file (not in the project, no
licence), the forum paragraphs from Absabank-Imm (CC BY 4.0: "Absabank-Imm, Språkbanken Text,
University of Gothenburg"); both are pseudonymised before they are embedded, as in the product
(benchmarks/shared_texts.py; the row checksums are checked on the raw text, in memory). Vectors
are cached in a temporary data dir removed at exit, or in the one BRUKARROST_DATA_DIR names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.answer_splits import ALL, error_kinds, fold_splits, pool_sizes, random_splits  # noqa: E402
from benchmarks.shared_texts import FORUM, REVIEWS, load, scratch_data_dir  # noqa: E402

scratch_data_dir()  # before anything embeds: the vector cache is not the checkout's data dir

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import nlp.classify.answer_calibration  # noqa: E402
import nlp.classify.calibration  # noqa: E402
import nlp.classify.model  # noqa: E402
import nlp.classify.predict  # noqa: E402
import nlp.classify.training  # noqa: E402
from nlp.classify import (  # noqa: E402
    Example,
    classify_texts,
    evaluate,
    labels_matrix,
    train_classifier,
    zero_shot_model,
)
from nlp.classify.answer_calibration import MAP, THRESHOLD, fit_answer_calibration  # noqa: E402
from nlp.classify.predict import answer_scores, unsure_reason  # noqa: E402
from nlp.config import PROJECT_ROOT  # noqa: E402
from nlp.core import ANALYSIS_KIND  # noqa: E402
from nlp.embed import cached_embedder, embed_texts  # noqa: E402
from nlp.taxonomy import Taxonomy, load_taxonomy  # noqa: E402

DATA = PROJECT_ROOT / "benchmarks" / "data"
SETS = {
    "vardupplevelse": ("taxonomi_vardupplevelse.yaml", "etiketter_vardupplevelse.jsonl"),
    "forum_invandring": ("taxonomi_forum_invandring.yaml", "etiketter_forum_invandring.jsonl"),
    # The third set, kept from the classifier's author until the work was done (README_taxonomier.md).
    "tjanster": ("taxonomi_tjanster.yaml", "etiketter_tjanster.jsonl"),
}


def _read_labels(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_set(name: str) -> tuple[Taxonomy, list[str], list[list[str]]]:
    """The taxonomy, the answers' texts and their gold labels."""
    tax_file, label_file = SETS[name]
    tax = load_taxonomy(DATA / tax_file)
    rows = _read_labels(DATA / label_file)
    if "rad" in rows[0]:
        wanted = {r["rad"] for r in rows}
        got = load(REVIEWS, keep=lambda i, _row: i in wanted, label=lambda row: _checksum(row["text"]))
        by_row = dict(zip(got.rows, zip(got.texts, got.labels)))
        texts = []
        for r in rows:
            text, checksum = by_row[r["rad"]]
            if checksum != r["sha1"]:
                raise SystemExit(f"rad {r['rad']}: texten stämmer inte med kontrollsumman")
            texts.append(text)
    else:
        ids = {r["id"] for r in rows}
        got = load(FORUM, keep=lambda _i, row: row["id"] in ids, label=lambda row: row["id"])
        by_id = dict(zip(got.labels, got.texts))
        texts = [by_id[r["id"]] for r in rows]
    return tax, texts, [r["etiketter"] for r in rows]


def _checksum(raw: str) -> str:
    """The labelled sets' check that row r is still the review they labelled (of the raw text)."""
    return hashlib.sha1(raw.encode()).hexdigest()[:10]


def prototype_top1(tax: Taxonomy, F: np.ndarray, embedder) -> np.ndarray:
    """Baseline: one-hot of the nearest label prototype (query vectors), nothing tuned."""
    P = []
    for lab in tax.labels:
        V = np.asarray(embedder.embed([lab.title, lab.description, *lab.examples], "query"), np.float64)
        m = (V / np.linalg.norm(V, axis=1, keepdims=True)).mean(0)
        P.append(m / np.linalg.norm(m))
    S = F @ np.array(P).T
    out = np.zeros(S.shape, dtype=int)
    out[np.arange(len(S)), S.argmax(1)] = 1
    return out


def logistic_baseline(F: np.ndarray, Y: np.ndarray, tr: np.ndarray, te: np.ndarray) -> np.ndarray:
    """Balanced one-vs-rest logistic regression on the training answers' query vectors."""
    out = np.zeros((len(te), Y.shape[1]), dtype=int)
    with threadpool_limits(limits=1):
        for j in range(Y.shape[1]):
            if Y[tr, j].min() == Y[tr, j].max():
                out[:, j] = Y[tr, j].max()
                continue
            lr = LogisticRegression(max_iter=3000, class_weight="balanced").fit(F[tr] * 10, Y[tr, j])
            out[:, j] = lr.predict(F[te] * 10)
    return out


def _predict(texts, E, tax, embedder, model=None):
    res = classify_texts(texts, E, tax, model=model, embedder=embedder, valence=False)
    L = tax.label_ids
    prob = np.array([[r.probabilities[lab] for lab in L] for r in res])
    dec = np.array([[lab in r.labels for lab in L] for r in res], dtype=int)
    sets = np.array([[lab in r.prediction_set for lab in L] for r in res])
    return prob, dec, sets, [r.unsure_reason for r in res]


def _fmt(m: dict) -> str:
    return (
        f"makro-F1 {m['macro_f1']:.3f}  micro-F1 {m['micro_f1']:.3f}  ECE {m['ece']:.3f}  "
        f"täckning svar {m['coverage']:.3f} per etikett {m['label_coverage']:.3f} (sämsta {m['min_label_coverage']:.3f})  "
        f"mängdstorlek {m['mean_set_size']:.2f} (utöver facit {m['extra']:.2f})  osäker {m['unsure']:.2f} "
        f"(ej osäkra: exakt rätt {m['sure_exact']:.2f}, Jaccard {m['sure_jaccard']:.2f}; osäkra: Jaccard {m['unsure_jaccard']:.2f})"
    )


METRIC_KEYS = ("macro_f1", "micro_f1", "ece", "coverage", "label_coverage", "min_label_coverage", "mean_set_size")
METRIC_KEYS += ("extra", "unsure", "sure_exact", "sure_jaccard", "unsure_jaccard")


def _metrics(out, Y) -> dict:
    """evaluate()'s figures, plus "osäker": its share, and how right the decisions are on the
    answers that are not osäker (all labels exactly right; Jaccard of decided and true labels)
    and on those that are."""
    prob, dec, sets, reasons = out
    m = evaluate(prob, dec, Y, sets)
    unsure = np.array([r is not None for r in reasons])
    exact = (dec > 0) == (Y > 0)
    union = ((dec > 0) | (Y > 0)).sum(1)
    jac = np.where(union > 0, ((dec > 0) & (Y > 0)).sum(1) / np.maximum(union, 1), 1.0)
    m["unsure"] = float(unsure.mean())
    m["sure_exact"] = float(exact.all(1)[~unsure].mean()) if (~unsure).any() else float("nan")
    m["sure_jaccard"] = float(jac[~unsure].mean()) if (~unsure).any() else float("nan")
    m["unsure_jaccard"] = float(jac[unsure].mean()) if unsure.any() else float("nan")
    m["extra"] = float((sets & (Y == 0)).sum(1).mean())  # labels in the set beyond the true ones
    m["reasons"] = Counter(r for r in reasons if r)
    m["per_label"] = f1_score(Y, dec, average=None, zero_division=0)
    return m


def _macro(Y: np.ndarray, D: np.ndarray) -> float:
    return float(f1_score(Y, D, average="macro", zero_division=0))


CAL_VARIANTS = (("shift", "f1"), ("shift", "same"), ("platt", "f1"), ("platt", "same"))


def _outputs(model, raw: np.ndarray, L: list[str]):
    """What classify_texts gives for these raw answer scores (the same arithmetic: the
    benchmark checks it against classify_texts on the uncalibrated zero-shot)."""
    prob = model.calibrate(raw)
    dec = (prob >= model.threshold).astype(int)
    sets = model.prediction_sets(prob, 0.9)
    reasons = [unsure_reason(p, d, st) for p, d, st in zip(prob, dec, sets)]
    return prob, dec, sets, reasons


def calibration_curve(tax, texts, E, Y, embedder, proto, zs_prob, ks: list[int], repeats: int, variants) -> None:
    """Zero-shot calibrated on the first k validated answers (nlp/classify/answer_calibration.py),
    tested on the answers not among the first max(k) of the same draw, beside the current
    zero-shot and the prototype baseline on that test set (mean over draws)."""
    zs = zero_shot_model(tax, embedder)
    L = tax.label_ids
    raw = answer_scores(zs, texts, E, embedder=embedder)  # once; every calibration maps it
    assert np.allclose(_outputs(zs, raw, L)[0], zs_prob, atol=1e-4), "benchmark arithmetic differs from classify_texts"
    examples = [
        Example(t, tuple(lab for lab, y in zip(L, row) if y), str(i)) for i, (t, row) in enumerate(zip(texts, Y))
    ]
    rows: dict[str, list[dict]] = {}
    for r in range(repeats):
        perm = np.random.default_rng(r).permutation(len(texts))
        te = np.sort(perm[max(ks) :])
        m = _metrics(_outputs(zs, raw[te], L), Y[te])
        m["proto"] = _macro(Y[te], proto[te])
        rows.setdefault("zero-shot i dag (frasernas kalibrering)", []).append(m)
        for k in ks:
            cal_idx = perm[:k]
            for mapping, thr in variants:
                nlp.classify.answer_calibration.MAP = mapping
                nlp.classify.answer_calibration.THRESHOLD = thr
                cal = fit_answer_calibration(zs, [examples[i] for i in cal_idx], E[cal_idx], embedder=embedder)
                model = cal.apply(zs) if cal is not None else zs
                m = _metrics(_outputs(model, raw[te], L), Y[te])
                m["proto"] = _macro(Y[te], proto[te])
                rows.setdefault(f"kalibrerad på {k:>2} svar ({mapping}, gräns {thr})", []).append(m)
    nlp.classify.answer_calibration.MAP, nlp.classify.answer_calibration.THRESHOLD = MAP, THRESHOLD  # the defaults
    _print_rows(rows)
    print(f"Samma, men svaren valideras i granskningskön (osäkrast först) bland {QUEUE_POOL} slumpade svar:")
    _print_rows(queue_curve(tax, raw, E, Y, examples, proto, zs, ks, repeats, embedder))


QUEUE_POOL = 100


def queue_curve(tax, raw, E, Y, examples, proto, zs, ks: list[int], repeats: int, embedder) -> dict[str, list[dict]]:
    """As calibration_curve, but the validated answers are the first k of the validator
    page's queue (api/services/validation.py: the smallest |p − 0.5| of the suggestions first)
    among QUEUE_POOL random answers: not a random sample, so the conformal promise need not
    hold; tested on the answers outside the pool."""
    L = tax.label_ids
    rows: dict[str, list[dict]] = {}
    for r in range(repeats):
        perm = np.random.default_rng(r).permutation(len(raw))
        pool, te = perm[:QUEUE_POOL], np.sort(perm[QUEUE_POOL:])
        prob, dec, sets, _ = _outputs(zs, raw[pool], L)
        shown = (dec > 0) | sets  # the labels the page shows (suggestions)
        margin = np.where(shown, np.abs(prob - 0.5), np.inf).min(1)
        queue = pool[np.argsort(margin, kind="stable")]
        m = _metrics(_outputs(zs, raw[te], L), Y[te])
        m["proto"] = _macro(Y[te], proto[te])
        rows.setdefault("zero-shot i dag (frasernas kalibrering)", []).append(m)
        for k in ks:
            cal = fit_answer_calibration(zs, [examples[i] for i in queue[:k]], E[queue[:k]], embedder=embedder)
            m = _metrics(_outputs(cal.apply(zs) if cal else zs, raw[te], L), Y[te])
            m["proto"] = _macro(Y[te], proto[te])
            rows.setdefault(f"kalibrerad på de {k:>2} första i kön", []).append(m)
    return rows


def _print_rows(rows: dict[str, list[dict]]) -> None:
    for label, ms in rows.items():
        mean = {k: float(np.nanmean([x[k] for x in ms])) for k in (*METRIC_KEYS, "proto")}
        spread = " ".join(f"{x['macro_f1']:.3f}/{x['ece']:.3f}" for x in ms)
        print(f"  {label}: {_fmt(mean)} | prototyp {mean['proto']:.3f}  (F1/ECE per dragning {spread})")


def run_set(
    name: str,
    repeats: int,
    sizes: list[int],
    embedder,
    cal_ks: list[int] | None = None,
    variants=(),
    folds=None,
    second: Path | None = None,
) -> dict:
    tax, texts, gold = load_set(name)
    L = tax.label_ids
    Y = labels_matrix(gold, L, name)
    t0 = time.time()
    # The pipeline's one pass: the classifier reads answer vectors of ANALYSIS_KIND (it used to
    # get "passage" vectors here while scoring them as "query" ones).
    E = embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND)
    F = np.asarray(E, np.float64)
    print(f"\n== {name}: {len(texts)} svar, {len(L)} etiketter; inbäddade på {time.time() - t0:.0f} s")
    proto = prototype_top1(tax, F, embedder)
    print(f"Prototypbaslinje (närmaste etikett, topp-1), alla svar: makro-F1 {_macro(Y, proto):.3f}")
    t0 = time.time()
    out_zs = _predict(texts, E, tax, embedder)
    m_zs = _metrics(out_zs, Y)
    print(f"Zero-shot, alla svar: {_fmt(m_zs)}  [{time.time() - t0:.0f} s]")
    print(f"  osäker efter skäl: {dict(m_zs['reasons'])}")
    print("  F1 per etikett: " + "  ".join(f"{lab} {f:.2f}" for lab, f in zip(L, m_zs["per_label"])))
    if cal_ks:
        print(
            f"Zero-shot kalibrerad på validerade svar (test: svaren utanför de första {max(cal_ks)} i varje dragning):"
        )
        calibration_curve(tax, texts, E, Y, embedder, proto, out_zs[0], cal_ks, repeats, variants)
    sizes = [n for n in sizes if n != 0] if folds is None else sizes
    if not sizes:
        return {"zero_shot": m_zs}
    if folds is None:
        splits = random_splits(len(texts), repeats, max(sizes))
        print(f"Few-shot (test: svaren utanför de första {max(sizes)} i varje dragning):")
    else:
        splits = fold_splits(Y, folds)
        print(f"Few-shot, {folds}-faldig korsvalidering (test: vecket; svar ur övriga veck):")
    curve = few_shot_curve(texts, E, F, Y, gold, tax, embedder, proto, splits, sizes)
    for n, ms in curve.items():
        mean = {k: float(np.nanmean([x[k] for x in ms])) for k in (*METRIC_KEYS, "logistic", "proto", "n")}
        spread = " ".join(f"{x['macro_f1']:.3f}/{x['ece']:.3f}" for x in ms)
        print(
            f"Few-shot {'alla' if n == ALL else n:>4} ({mean['n']:.0f} svar): {_fmt(mean)} | logistisk baslinje "
            f"{mean['logistic']:.3f}  prototyp {mean['proto']:.3f}  (F1/ECE per dragning {spread}; "
            f"{ms[0]['seconds']:.0f} s)"
        )
    last = list(curve)[-1]
    per = np.mean([x["per_label"] for x in curve[last]], axis=0)
    print(
        f"  F1 per etikett, {'alla' if last == ALL else last} svar: "
        + "  ".join(f"{lab} {f:.2f}" for lab, f in zip(L, per))
    )
    if second is not None and last == ALL:
        second_annotator(name, L, Y, out_zs[1], curve, second)
    kinds = sum((Counter(x["errors"]) for x in curve[last]), Counter())
    total = sum(v for k, v in kinds.items() if not k.startswith("därav"))  # "därav": a subset of a kind
    print(
        f"  fel (svar, etikett), alla test: {total}; "
        + ", ".join(f"{k} {v} ({v / max(total, 1):.0%})" for k, v in kinds.items())
    )
    return {"zero_shot": m_zs, "curve": curve}


def label_keys(name: str) -> list:
    """Each labelled answer's key in the set's label file (row index or paragraph id), in order."""
    rows = _read_labels(DATA / SETS[name][1])
    return [r["rad"] if "rad" in r else r["id"] for r in rows]


def second_annotator(name: str, L: list[str], Y: np.ndarray, zs_dec: np.ndarray, curve: dict, path: Path) -> None:
    """Agreement of a second, independent annotator with the first (gold) on its sample, beside
    the model's agreement with each: how much of the gap to gold is in the labels themselves.
    The model's decisions are out-of-fold (each answer decided by a model trained on the other
    folds, with every answer of them: the ceiling run's largest size)."""
    index = {k: i for i, k in enumerate(label_keys(name))}
    rows = [r for r in _read_labels(path) if r["mängd"] == name]
    if not rows:
        return
    unknown = sorted({lab for r in rows for lab in r["etiketter"]} - set(L))
    if unknown:
        raise SystemExit(f"{path.name}: okända etiketter för {name}: {unknown}")
    idx = np.array([index[r["nyckel"]] for r in rows])
    A = np.array([[lab in r["etiketter"] for lab in L] for r in rows], dtype=int)
    oof = np.full(Y.shape, -1)
    for m in curve[ALL]:
        oof[m["test"]] = m["decisions"]
    M, G, Z = oof[idx], Y[idx], zs_dec[idx]
    agree = (A == G).all(1)

    def row(title: str, X: np.ndarray, R: np.ndarray) -> str:
        per = f1_score(R, X, average=None, zero_division=0)
        return (
            f"  {title:<44} makro-F1 {_macro(R, X):.3f}  micro-F1 {f1_score(R, X, average='micro', zero_division=0):.3f}"
            f"  exakt {float((X == R).all(1).mean()):.2f}  per etikett "
            + " ".join(f"{lab} {f:.2f}" for lab, f in zip(L, per))
        )

    print(f"Andra annotatorn ({path.name}), {len(rows)} av {len(Y)} svar:")
    print(row("annotator 2 mot facit (annotator 1)", A, G))  # F1 is symmetric: no reverse row
    print(row("modellen, alla svar (utanför vecket), mot facit", M, G))
    print(row("modellen mot annotator 2", M, A))
    print(row("zero-shot mot facit", Z, G))
    if agree.sum() >= 10:
        print(row(f"modellen mot facit där annotatorerna är eniga ({agree.sum()})", M[agree], G[agree]))
    # Where the two annotators differ on a label, whom the model sides with.
    diff = A != G
    sides_gold = int(((M == G) & diff).sum())
    print(
        f"  etikettbeslut där annotatorerna skiljer sig: {int(diff.sum())}; modellen håller med facit i {sides_gold}, "
        f"med annotator 2 i {int(diff.sum()) - sides_gold}"
    )


def few_shot_curve(texts, E, F, Y, gold, tax, embedder, proto, splits, sizes: list[int]) -> dict[int, list[dict]]:
    """Few-shot trained on the first n answers of each split's pool (ALL: the whole pool),
    tested on the split's test answers, beside the logistic and prototype baselines."""
    examples = [Example(t, tuple(g), str(i)) for i, (t, g) in enumerate(zip(texts, gold))]
    curve: dict[int, list[dict]] = {}
    for pool, te in splits:
        for size, n in pool_sizes(sizes, len(pool)):
            tr = np.sort(pool[:n])
            t0 = time.time()
            model, _ = train_classifier([examples[i] for i in tr], tax, embeddings=E[tr], embedder=embedder)
            out = _predict([texts[i] for i in te], E[te], tax, embedder, model)
            m = _metrics(out, Y[te])
            m["logistic"] = _macro(Y[te], logistic_baseline(F, Y, tr, te))
            m["proto"] = _macro(Y[te], proto[te])
            m["errors"] = error_kinds(Y[te], out[1], out[0])
            m["seconds"] = time.time() - t0
            m["n"] = n
            m["test"], m["decisions"] = te, out[1]  # out-of-fold decisions, for --andra-annotator
            curve.setdefault(size, []).append(m)
            print(
                f"    [{'alla' if size == ALL else size}: makro-F1 {m['macro_f1']:.3f} ECE {m['ece']:.3f}]", flush=True
            )
    return curve


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mangd", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--upprepningar", type=int, default=3)
    ap.add_argument("--transduktiv", action="store_true", help="zero-shot kalibrerad på svarens egen fördelning")
    ap.add_argument("--utan-klassvikter", action="store_true", help="few-shot utan balanserade exempelvikter")
    ap.add_argument(
        "--utan-meningar", action="store_true", help="few-shot utan meningsrader och meningspoäng (som före issue 11)"
    )
    ap.add_argument(
        "--antal", type=int, nargs="+", help="0 = bara zero-shot (förval 25 50 100; med --tak 25 50 100 200)"
    )
    ap.add_argument(
        "--tak",
        type=int,
        nargs="?",
        const=5,
        metavar="K",
        help="inlärningskurva till alla svar, K-faldig korsvalidering",
    )
    ap.add_argument(
        "--kalibrering", type=int, nargs="*", default=[10, 25, 50], help="zero-shot kalibrerad på k validerade svar"
    )
    ap.add_argument("--alla-kalibreringar", action="store_true", help="jämför avbildningar och beslutsgränser")
    ap.add_argument(
        "--mangd-svar", action="store_true", help="prediktionsmängder med alla svarets etiketter (som före 2026-11-29)"
    )
    ap.add_argument("--utan-etikettskift", action="store_true", help="ingen etikettvis förskjutning av kalibreringen")
    ap.add_argument(
        "--andra-annotator",
        type=Path,
        help="jsonl med en andra annotators etiketter ({mängd, nyckel, etiketter}); kräver --tak",
    )
    args = ap.parse_args()
    if args.andra_annotator and args.tak is None:
        ap.error("--andra-annotator kräver --tak")
    nlp.classify.calibration.LABEL_SHIFT = not args.utan_etikettskift
    nlp.classify.model.SET_COVERAGE = "svar" if args.mangd_svar else "etikett"
    nlp.classify.training.BALANCED = not args.utan_klassvikter
    nlp.classify.training.SEGMENTS = not args.utan_meningar
    nlp.classify.predict.TRANSDUCTIVE = args.transduktiv
    print("Obs: maskinen delas med andra; tider kan vara uppblåsta av deras last.")
    embedder = cached_embedder()
    print(f"Inbäddningsmodell {embedder.model_id}")
    for name in args.mangd:
        variants = CAL_VARIANTS if args.alla_kalibreringar else ((MAP, THRESHOLD),)
        if args.tak is None:
            sizes = sorted(args.antal or [25, 50, 100])
        else:  # every fold's pool to the last answer: ALL comes last
            sizes = [*sorted(n for n in args.antal or [25, 50, 100, 200] if n > 0), ALL]
        run_set(
            name,
            args.upprepningar,
            sizes,
            embedder,
            sorted(args.kalibrering),
            variants,
            folds=args.tak,
            second=args.andra_annotator,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
