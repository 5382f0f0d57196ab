"""Experiments for issue 11's few-shot model (not the benchmark): the benchmark's own draws
(seeds 0..2, test = answers outside the first 100 of the draw), the current model's test and
out-of-fold probabilities cached, and alternative scorers on the frozen vectors with every
choice made by cross-validation inside the training answers."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402

import nlp.classify.training as training  # noqa: E402
from benchmarks.classify_own_taxonomy import SETS, _predict, load_set, logistic_baseline  # noqa: E402
from nlp.classify import Example, labels_matrix, train_classifier  # noqa: E402
from nlp.classify.embedding import span_vectors_with  # noqa: E402
from nlp.classify.metrics import expected_calibration_error  # noqa: E402
from nlp.classify.segments import scored_spans  # noqa: E402
from nlp.core import ANALYSIS_KIND  # noqa: E402
from nlp.embed import cached_embedder, embed_texts  # noqa: E402

CACHE = Path("/tmp/i11few_lab")
CACHE.mkdir(exist_ok=True)
SIZES = (25, 50, 100)
REPEATS = 3


def prepare(name: str, embedder) -> dict:
    f = CACHE / f"{name}_data.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    tax, texts, gold = load_set(name)
    L = tax.label_ids
    Y = labels_matrix(gold, L, name)
    E = np.asarray(embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND), np.float64)
    spans = [scored_spans(t) for t in texts]
    longer = [i for i, sp in enumerate(spans) if sp]
    vecs = span_vectors_with(embedder, [texts[i] for i in longer], [spans[i] for i in longer], ANALYSIS_KIND)
    S = [np.zeros((0, E.shape[1]))] * len(texts)
    for i, v in zip(longer, vecs):
        S[i] = np.asarray(v, np.float64)
    T = []
    for lab in tax.labels:
        V = np.asarray(embedder.embed([lab.title, lab.description, *lab.examples], ANALYSIS_KIND), np.float64)
        T.append(V)
    d = {"tax": tax, "texts": texts, "gold": gold, "Y": Y, "E": E, "S": S, "T": T}
    f.write_bytes(pickle.dumps(d))
    return d


def current(name: str, d: dict, embedder) -> dict:
    """Today's few-shot model per draw and size: test probabilities/decisions/sets and the
    out-of-fold probabilities on its training answers."""
    f = CACHE / f"{name}_current.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    texts, gold, E = d["texts"], d["gold"], d["E"].astype(np.float32)
    examples = [Example(t, tuple(g), str(i)) for i, (t, g) in enumerate(zip(texts, gold))]
    captured = {}
    orig = training._fit_few_shot

    def wrap(*a, **k):
        out = orig(*a, **k)
        captured["oof"] = out[3]
        return out

    training._fit_few_shot = wrap
    res = {}
    for r in range(REPEATS):
        perm = np.random.default_rng(r).permutation(len(texts))
        te = np.sort(perm[max(SIZES) :])
        for n in SIZES:
            tr = np.sort(perm[:n])
            model, _ = train_classifier([examples[i] for i in tr], d["tax"], embeddings=E[tr], embedder=embedder)
            prob, dec, sets, reasons = _predict([texts[i] for i in te], E[te], d["tax"], embedder, model)
            res[(r, n)] = {
                "tr": tr,
                "te": te,
                "prob": prob,
                "dec": dec,
                "sets": sets,
                "reasons": reasons,
                "oof": captured["oof"],
                "threshold": model.threshold,
            }
            print(name, r, n, f"{f1_score(d['Y'][te], dec, average='macro', zero_division=0):.3f}", flush=True)
    training._fit_few_shot = orig
    f.write_bytes(pickle.dumps(res))
    return res


def main() -> None:
    embedder = cached_embedder()
    names = sys.argv[1:] or list(SETS)
    for name in names:
        d = prepare(name, embedder)
        cur = current(name, d, embedder)
        Y = d["Y"]
        for n in SIZES:
            f1 = [
                f1_score(Y[c["te"]], c["dec"], average="macro", zero_division=0) for (r, m), c in cur.items() if m == n
            ]
            ece = [expected_calibration_error(c["prob"], Y[c["te"]]) for (r, m), c in cur.items() if m == n]
            lg = [
                f1_score(Y[c["te"]], logistic_baseline(d["E"], Y, c["tr"], c["te"]), average="macro", zero_division=0)
                for (r, m), c in cur.items()
                if m == n
            ]
            print(f"{name} n={n}: current F1 {np.mean(f1):.3f} ECE {np.mean(ece):.3f} logistic {np.mean(lg):.3f}")


if __name__ == "__main__":
    main()
