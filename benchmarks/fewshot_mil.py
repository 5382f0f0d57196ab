"""Multiple-instance few-shot heads for issue 11 (an experiment beside the benchmark, not the
product): a per-label linear head on an answer's sentence vectors, fitted on the answers'
labels as bags, its answer score a pooling of its sentences' scores; measured against
today's model in the --tak folds of benchmarks/classify_own_taxonomy.py, in the same run.

    python benchmarks/fewshot_mil.py [--mangd vardupplevelse] [--veck 5] [--antal 25 50 100]

A long answer is about several things, each label carried by one or two of its sentences. The
bag of an answer is its own vector and its sentences' vectors (benchmarks and product split
them alike, nlp/classify/segments.py); a bag is positive for a label when the answer has it.
Two ways to fit the head, per label, on the "query:" vectors:
- "lse r": bag logit = log-mean-exp of the instances' logits at sharpness r (r → ∞ is the
  max, r → 0 the mean), fitted by L-BFGS on the balanced bag log loss with an L2 penalty;
- "mi": mi-logistic (MI-SVM with a logistic loss): every instance of a negative bag is a
  negative, a positive bag's highest-scoring instance is its positive (the answer itself at
  the start), refitted until the choice settles; the bag's score is its best instance's.
The taxonomy's phrases are one-instance bags (positive for their label, negative for the
others). The bag logits get one Platt map pooled over labels; the probability that is
reported mixes it with today's model's: (1 − m)·today + m·MIL. Sharpness, m and the
threshold are chosen together by macro F1 on the training answers' out-of-fold scores (the
same five folds train_classifier uses for today's out-of-fold probabilities), never on the
test fold. Vectors are cached in BRUKARROST_DATA_DIR when it is set.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.shared_texts import scratch_data_dir  # noqa: E402

scratch_data_dir()

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from scipy.special import expit  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import nlp.classify.training as training  # noqa: E402
from benchmarks.answer_splits import fold_splits  # noqa: E402
from benchmarks.classify_own_taxonomy import SETS, _predict, load_set  # noqa: E402
from nlp.classify import Example, labels_matrix, train_classifier  # noqa: E402
from nlp.classify.calibration import best_threshold, macro_f1  # noqa: E402
from nlp.classify.embedding import span_vectors_with  # noqa: E402
from nlp.classify.heads import EMB_SCALE  # noqa: E402
from nlp.classify.metrics import expected_calibration_error  # noqa: E402
from nlp.classify.segments import scored_spans  # noqa: E402
from nlp.core import ANALYSIS_KIND  # noqa: E402
from nlp.embed import cached_embedder, embed_texts  # noqa: E402

MIX_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
SHARPNESS = (1.0, 4.0, 16.0)
C = 3.0  # as the embedding head's (nlp/classify/heads.py EMB_C), on vectors scaled by EMB_SCALE
INNER_FOLDS, INNER_SEED = 5, 42  # train_classifier's own folds for out-of-fold scores


class Bags:
    """Instances (rows of X) and the bag each belongs to; bags are numbered 0..n-1."""

    def __init__(self, vectors: list[np.ndarray]):
        self.X = np.vstack(vectors).astype(np.float64) * EMB_SCALE
        self.owner = np.concatenate([np.full(len(v), i) for i, v in enumerate(vectors)])
        self.n = len(vectors)
        self.count = np.bincount(self.owner, minlength=self.n).astype(float)

    def max_per_bag(self, s: np.ndarray) -> np.ndarray:
        out = np.full(self.n, -np.inf)
        np.maximum.at(out, self.owner, s)
        return out

    def lse(self, s: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray]:
        """Log-mean-exp per bag at sharpness r, and each instance's share of its bag (softmax)."""
        m = self.max_per_bag(s)
        e = np.exp(r * (s - m[self.owner]))
        tot = np.bincount(self.owner, weights=e, minlength=self.n)
        return m + np.log(tot / self.count) / r, e / tot[self.owner]


def balanced(y: np.ndarray) -> np.ndarray:
    pos = max(int(y.sum()), 1)
    neg = max(int(len(y) - y.sum()), 1)
    return np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))


def fit_lse(bags: Bags, y: np.ndarray, w: np.ndarray, r: float) -> np.ndarray:
    """(v, b) of one label's instance logit x·v + b, bag logit = log-mean-exp at sharpness r."""
    d = bags.X.shape[1]

    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        v, b = theta[:d], theta[d]
        s = bags.X @ v + b
        z, share = bags.lse(s, r)
        p = expit(z)
        loss = -(w * (y * np.log(np.clip(p, 1e-12, 1)) + (1 - y) * np.log(np.clip(1 - p, 1e-12, 1)))).sum()
        dz = w * (p - y)
        ds = dz[bags.owner] * share
        grad = np.concatenate([bags.X.T @ ds + v / C, [ds.sum()]])
        return float(loss + 0.5 * v @ v / C), grad

    res = minimize(f, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x


def fit_mi(bags: Bags, y: np.ndarray, w: np.ndarray, rounds: int = 6) -> np.ndarray:
    """mi-logistic: negative bags' instances negative, each positive bag's best instance
    positive (its first instance, the answer's own vector, to start)."""
    first = np.r_[0, np.cumsum(bags.count.astype(int))[:-1]]
    witness = first[y > 0]
    neg = np.flatnonzero(y[bags.owner] == 0)
    theta = None
    for _ in range(rounds):
        rows = np.concatenate([witness, neg])
        lab = np.r_[np.ones(len(witness)), np.zeros(len(neg))]
        sw = np.r_[w[y > 0], w[bags.owner[neg]] / bags.count[bags.owner[neg]]]
        lr = LogisticRegression(C=C, max_iter=3000).fit(bags.X[rows], lab, sample_weight=sw)
        theta = np.r_[lr.coef_[0], lr.intercept_[0]]
        s = bags.X @ theta[:-1] + theta[-1]
        new = np.array([first[i] + int(np.argmax(s[bags.owner == i])) for i in np.flatnonzero(y > 0)])
        if np.array_equal(new, witness):
            break
        witness = new
    assert theta is not None
    return theta


def score(bags: Bags, theta: np.ndarray, how: str, r: float) -> np.ndarray:
    s = bags.X @ theta[:-1] + theta[-1]
    return bags.max_per_bag(s) if how == "mi" else bags.lse(s, r)[0]


def fit_score(train: Bags, Y: np.ndarray, w: np.ndarray, test: Bags, how: str, r: float) -> np.ndarray:
    """Bag logits of the test bags, label by label (a label without both kinds of bag: its rate)."""
    out = np.zeros((test.n, Y.shape[1]))
    with threadpool_limits(limits=1):
        for j in range(Y.shape[1]):
            y = Y[:, j].astype(float)
            if y.min() == y.max():
                out[:, j] = 10.0 if y[0] else -10.0
                continue
            ww = balanced(y) * w
            theta = fit_mi(train, y, ww) if how == "mi" else fit_lse(train, y, ww, r)
            out[:, j] = score(test, theta, how, r)
    return out


def platt_logits(z: np.ndarray, Y: np.ndarray) -> tuple[float, float]:
    lr = LogisticRegression(C=100.0, max_iter=2000).fit(z.reshape(-1, 1), Y.ravel())
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def prepare(name: str, embedder) -> dict:
    tax, texts, gold = load_set(name)
    Y = labels_matrix(gold, tax.label_ids, name)
    E = np.asarray(embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND), np.float32)
    spans = [scored_spans(t) for t in texts]
    longer = [i for i, sp in enumerate(spans) if sp]
    vecs = span_vectors_with(embedder, [texts[i] for i in longer], [spans[i] for i in longer], ANALYSIS_KIND)
    seg = {i: np.asarray(v) for i, v in zip(longer, vecs)}
    bags = [np.vstack([E[i : i + 1], seg[i]]) if i in seg else E[i : i + 1] for i in range(len(texts))]
    phrases, plabels = training.taxonomy_rows(tax)
    P = np.asarray(embedder.embed(phrases, ANALYSIS_KIND), np.float32)
    YP = labels_matrix(plabels, tax.label_ids, tax.id)
    return {"tax": tax, "texts": texts, "gold": gold, "Y": Y, "E": E, "bags": bags, "P": P, "YP": YP}


def today(d: dict, tr: np.ndarray, te: np.ndarray, embedder, segment_labels: str = "best") -> dict:
    """Today's few-shot model trained on tr: test probabilities and decisions, and the
    out-of-fold probabilities on tr that its own calibration was chosen on. segment_labels
    "mi": each label's sentence picked again by the few-shot heads (training.SEGMENT_LABELS)."""
    captured = {}
    orig = training._fit_few_shot
    training.SEGMENT_LABELS = segment_labels  # type: ignore[assignment]

    def wrap(*a, **k):
        out = orig(*a, **k)
        captured["oof"] = out[3]
        return out

    training._fit_few_shot = wrap
    try:
        examples = [Example(d["texts"][i], tuple(d["gold"][i]), str(i)) for i in tr]
        model, _ = train_classifier(examples, d["tax"], embeddings=d["E"][tr], embedder=embedder)
    finally:
        training._fit_few_shot = orig
        training.SEGMENT_LABELS = "best"
    prob, dec, _sets, _r = _predict([d["texts"][i] for i in te], d["E"][te], d["tax"], embedder, model)
    return {"prob": prob, "dec": dec, "oof": captured["oof"], "threshold": model.threshold}


def mil_variants(d: dict, tr: np.ndarray, te: np.ndarray, phrases: bool) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per variant (how, r): the training answers' out-of-fold MIL probabilities (inner folds
    as train_classifier's) and the test answers' probabilities from the head fitted on all of tr."""
    Y = d["Y"]
    all_bags = [d["bags"][i] for i in tr]
    test = Bags([d["bags"][i] for i in te])
    extra = [d["P"][k : k + 1] for k in range(len(d["P"]))] if phrases else []
    YP = d["YP"] if phrases else np.zeros((0, Y.shape[1]), int)
    out = {}
    for how, r in [("mi", 0.0)] + [("lse", r) for r in SHARPNESS]:
        oof = np.zeros((len(tr), Y.shape[1]))
        for a, b in KFold(INNER_FOLDS, shuffle=True, random_state=INNER_SEED).split(tr):
            train = Bags([all_bags[k] for k in a] + extra)
            Yt = np.vstack([Y[tr[a]], YP])
            w = np.r_[np.ones(len(a)), np.full(len(extra), 0.5)]
            oof[b] = fit_score(train, Yt, w, Bags([all_bags[k] for k in b]), how, r)
        train = Bags(all_bags + extra)
        w = np.r_[np.ones(len(tr)), np.full(len(extra), 0.5)]
        z_te = fit_score(train, np.vstack([Y[tr], YP]), w, test, how, r)
        ab = platt_logits(oof, Y[tr])
        out[f"{how} {r:g}" if how == "lse" else how] = (expit(ab[0] * oof + ab[1]), expit(ab[0] * z_te + ab[1]))
    return out


def choose(cands: dict[str, tuple[np.ndarray, np.ndarray]], cur: dict, Ytr: np.ndarray, mixes) -> tuple:
    """(variant, m, threshold, test probabilities) with the best out-of-fold macro F1 on tr."""
    best = None
    for name, (oof, test) in cands.items():
        for m in mixes:
            po = (1 - m) * cur["oof"] + m * oof
            t = best_threshold(po, Ytr)
            f = macro_f1(po, Ytr, t)
            if best is None or f > best[0] + 1e-9:
                best = (f, name, m, t, (1 - m) * cur["prob"] + m * test)
    assert best is not None
    return best[1:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mangd", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--veck", type=int, default=5)
    ap.add_argument("--antal", type=int, nargs="+", default=[100])
    ap.add_argument("--utan-fraser", action="store_true", help="taxonomins fraser inte som påsar")
    ap.add_argument(
        "--mi-i-dag", action="store_true", help="också dagens modell med meningarna valda om av few-shot-huvudena"
    )
    args = ap.parse_args()
    embedder = cached_embedder()
    for name in args.mangd:
        t0 = time.process_time()
        d = prepare(name, embedder)
        Y = d["Y"]
        nseg = sum(len(b) - 1 for b in d["bags"])
        print(f"\n== {name}: {len(Y)} svar, {nseg} meningar i svar med flera  [{time.process_time() - t0:.0f} CPU-s]")
        rows: dict[str, list] = {}
        for f, (pool, te) in enumerate(fold_splits(Y, args.veck)):
            for n in args.antal:
                tr = np.sort(pool[:n])
                cur = today(d, tr, te, embedder)
                cands = mil_variants(d, tr, te, not args.utan_fraser)
                Yte, Ytr = Y[te], Y[tr]
                res = {"i dag": (cur["prob"], cur["threshold"], "")}
                for v, (oof, test) in cands.items():  # each variant alone, threshold by its OOF
                    t = best_threshold(oof, Ytr)
                    res[f"MIL {v} ensam"] = (test, t, "")
                v, m, t, p = choose(cands, cur, Ytr, (1.0,))
                res["MIL ensam, variant vald i CV"] = (p, t, v)
                v, m, t, p = choose(cands, cur, Ytr, MIX_GRID)
                res["i dag + MIL, variant och andel valda i CV"] = (p, t, f"{v} m={m:g}")
                v, m, t, p = choose({k: x for k, x in cands.items() if k == "lse 4"}, cur, Ytr, (0.5,))
                res["i dag + MIL lse 4, hälften var"] = (p, t, "")
                if args.mi_i_dag:
                    mi = today(d, tr, te, embedder, "mi")
                    res["i dag, meningarna valda om (mi)"] = (mi["prob"], mi["threshold"], "")
                    dec_mi = mi["dec"]
                for k, (p, t, note) in res.items():
                    dec = p >= t
                    if k == "i dag":
                        dec = cur["dec"].astype(bool)
                    elif k.startswith("i dag, meningarna"):
                        dec = dec_mi.astype(bool)
                    rows.setdefault(f"{n:>3} {k}", []).append(
                        (macro_f1(dec.astype(float), Yte, 0.5), expected_calibration_error(p, Yte), note)
                    )
                print(
                    f"  veck {f} n={n}: i dag {rows[f'{n:>3} i dag'][-1][0]:.3f}, blandad "
                    f"{rows[f'{n:>3} i dag + MIL, variant och andel valda i CV'][-1][0]:.3f} "
                    f"({rows[f'{n:>3} i dag + MIL, variant och andel valda i CV'][-1][2]})  "
                    f"[{time.process_time() - t0:.0f} CPU-s]",
                    flush=True,
                )
        for k, v in rows.items():
            f1 = np.array([x[0] for x in v])
            ece = np.array([x[1] for x in v])
            notes = ", ".join(x[2] for x in v if x[2])
            print(
                f"  {k:<52} makro-F1 {f1.mean():.3f} (±{f1.std():.3f})  ECE {ece.mean():.3f}  "
                f"per veck {' '.join(f'{x:.3f}' for x in f1)}{'  [' + notes + ']' if notes else ''}"
            )
        print(f"  [{time.process_time() - t0:.0f} CPU-s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
