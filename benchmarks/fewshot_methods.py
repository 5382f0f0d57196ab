"""Alternative few-shot scorers on the frozen vectors (issue 11 experiments); reads the
caches fewshot_lab.py writes. Every choice is made inside the training answers."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
from scipy.special import expit, logit
from sklearn.model_selection import KFold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nlp.classify.metrics import expected_calibration_error  # noqa: E402

CACHE = Path("/tmp/i11few_lab")
SIZES = (25, 50, 100)


def unit(X):
    return X / np.linalg.norm(X, axis=-1, keepdims=True)


class Data:
    def __init__(self, d, center=None):
        self.Y = d["Y"]
        E, S, T = d["E"], d["S"], d["T"]
        mu = np.zeros(E.shape[1]) if center is None else center
        self.A = unit(E - mu)
        self.S = [unit(s - mu) if len(s) else s for s in S]
        self.T = [unit(t - mu) for t in T]
        self.Tp = unit(np.array([t.mean(0) for t in self.T]))


def proto_fit(data: Data, tr, lam: float):
    """Per label: positive prototype (taxonomy prototype with weight lam + the sum of its
    answers' vectors), negative prototype (other labels' taxonomy prototypes + the answers
    without the label)."""
    Y, A, Tp = data.Y[tr], data.A[tr], data.Tp
    K = Y.shape[1]
    P, Q = [], []
    for j in range(K):
        pos = A[Y[:, j] == 1].sum(0)
        neg = A[Y[:, j] == 0].sum(0)
        P.append(unit(lam * Tp[j] + pos))
        others = np.delete(Tp, j, 0).mean(0)
        Q.append(unit(lam * others + neg))
    return np.array(P), np.array(Q)


def proto_score(data: Data, idx, PQ, pool: str):
    P, Q = PQ
    W = P - Q
    own = data.A[idx] @ W.T
    if pool == "answer":
        return own
    out = own.copy()
    for k, i in enumerate(idx):
        s = data.S[i]
        if len(s):
            best = (s @ W.T).max(0)
            out[k] = (own[k] + best) / 2 if pool == "mean" else np.maximum(own[k], best)
    return out


def oof_scores(fit, score, data, tr, seed=0, folds=5):
    out = np.zeros((len(tr), data.Y.shape[1]))
    for a, b in KFold(folds, shuffle=True, random_state=seed).split(tr):
        m = fit(tr[a])
        out[b] = score(tr[b], m)
    return out


def logreg1(z, y, l2=1.0, iters=25):
    """1-D logistic regression (slope, intercept) by Newton steps, L2 on the slope."""
    a, b = 0.0, 0.0
    for _ in range(iters):
        p = expit(a * z + b)
        w = p * (1 - p) + 1e-9
        g = np.array([((p - y) * z).sum() + l2 * a, (p - y).sum()])
        H = np.array([[(w * z * z).sum() + l2, (w * z).sum()], [(w * z).sum(), w.sum()]])
        step = np.linalg.solve(H, g)
        a, b = a - step[0], b - step[1]
    return float(a), float(b)


def per_label_platt(s, Y, C=1.0):
    """Per label a Platt map on standardised scores (slope with an L2 prior 1/C)."""
    maps = []
    for j in range(Y.shape[1]):
        mu, sd = s[:, j].mean(), s[:, j].std() + 1e-9
        z = (s[:, j] - mu) / sd
        if Y[:, j].min() == Y[:, j].max():
            maps.append((mu, sd, 0.0, logit(np.clip(Y[:, j].mean(), 0.02, 0.98))))
            continue
        maps.append((mu, sd, *logreg1(z, Y[:, j].astype(float), 1.0 / C)))
    return maps


def apply_platt(s, maps):
    return np.column_stack([expit(a * (s[:, j] - mu) / sd + b) for j, (mu, sd, a, b) in enumerate(maps)])


GRID = np.arange(0.1, 0.71, 0.025)


def label_f1(Y, D):
    """Per-label F1 (0 where a label has neither gold nor decisions), numpy only."""
    Y, D = np.asarray(Y) > 0, np.asarray(D) > 0
    tp = (Y & D).sum(0)
    den = Y.sum(0) + D.sum(0)
    return np.where(den > 0, 2 * tp / np.maximum(den, 1), 0.0)


def best_t(prob, Y, grid=GRID):
    f = [label_f1(Y, prob >= t).mean() for t in grid]
    return float(grid[int(np.argmax(f))])


def label_thresholds(prob, Y, grid=GRID):
    F = np.array([label_f1(Y, prob >= t) for t in grid])  # grid × labels
    return grid[F.argmax(0)]


def macro(Y, D):
    return float(label_f1(Y, D).mean())


def run_proto(data, tr, te, lams=(0.5, 1, 2, 4, 8), pools=("mean",), per_label_t=False):
    """Choose (lam, pool) by 5-fold OOF macro F1 in tr; fit; Platt on OOF; threshold on OOF."""
    best = None
    for lam in lams:
        for pool in pools:
            s = oof_scores(
                lambda idx, lam=lam: proto_fit(data, idx, lam),
                lambda idx, m, pool=pool: proto_score(data, idx, m, pool),
                data,
                tr,
            )
            maps = per_label_platt(s, data.Y[tr])
            p = apply_platt(s, maps)
            t = label_thresholds(p, data.Y[tr]) if per_label_t else best_t(p, data.Y[tr])
            f = macro(data.Y[tr], p >= t)
            if best is None or f > best[0]:
                best = (f, lam, pool, maps, t, p)
    _, lam, pool, maps, t, p_oof = best
    m = proto_fit(data, tr, lam)
    p = apply_platt(proto_score(data, te, m, pool), maps)
    return p, t, p_oof, (lam, pool)


def main():
    names = sys.argv[1:] or ["vardupplevelse", "forum_invandring", "tjanster"]
    for name in names:
        d = pickle.loads((CACHE / f"{name}_data.pkl").read_bytes())
        cur = (
            pickle.loads((CACHE / f"{name}_current.pkl").read_bytes())
            if (CACHE / f"{name}_current.pkl").exists()
            else {}
        )
        variants = {
            "raw": Data(d),
            "center_all": Data(d, d["E"].mean(0)),
        }
        Y = d["Y"]
        rows = {}
        for r in range(3):
            perm = np.random.default_rng(r).permutation(len(Y))
            te = np.sort(perm[100:])
            for n in SIZES:
                tr = np.sort(perm[:n])
                c = cur.get((r, n))
                if c is not None:
                    rows.setdefault(("current", n), []).append(
                        (macro(Y[te], c["dec"]), expected_calibration_error(c["prob"], Y[te]))
                    )
                for vn, data in {**variants, "center_tr": Data(d, d["E"][tr].mean(0))}.items():
                    for plt in (False, True):
                        p, t, p_oof, ch = run_proto(data, tr, te, per_label_t=plt)
                        rows.setdefault((f"proto {vn} {'tl' if plt else 't1'}", n), []).append(
                            (macro(Y[te], p >= t), expected_calibration_error(p, Y[te]))
                        )
                        if c is not None and vn == "center_all":
                            Ytr = Y[tr]
                            # ensemble with today's model: weighted mean of probabilities, weight and
                            # threshold(s) chosen on the training answers' out-of-fold probabilities
                            best = None
                            for wgt in (0.0, 0.25, 0.5, 0.75):
                                po = wgt * p_oof + (1 - wgt) * c["oof"]
                                tt = label_thresholds(po, Ytr) if plt else best_t(po, Ytr)
                                f = macro(Ytr, po >= tt)
                                if best is None or f > best[0] + 1e-9:
                                    best = (f, wgt, tt)
                            _, wgt, tt = best
                            pe = wgt * p + (1 - wgt) * c["prob"]
                            key = f"ens cv-w {'tl' if plt else 't1'}"
                            rows.setdefault((key, n), []).append(
                                (macro(Y[te], pe >= tt), expected_calibration_error(pe, Y[te]))
                            )
                            po = (p_oof + c["oof"]) / 2
                            tt = label_thresholds(po, Ytr) if plt else best_t(po, Ytr)
                            pe = (p + c["prob"]) / 2
                            rows.setdefault((f"ens 0.5 {'tl' if plt else 't1'}", n), []).append(
                                (macro(Y[te], pe >= tt), expected_calibration_error(pe, Y[te]))
                            )
                if c is not None:
                    tt = label_thresholds(c["oof"], Y[tr])
                    rows.setdefault(("current tl", n), []).append(
                        (macro(Y[te], c["prob"] >= tt), expected_calibration_error(c["prob"], Y[te]))
                    )
        print(f"== {name}")
        for (k, n), v in sorted(rows.items(), key=lambda x: (x[0][0], x[0][1])):
            v = np.array(v)
            print(
                f"  {k:28s} n={n:3d}  F1 {v[:, 0].mean():.3f}  ECE {v[:, 1].mean():.3f}   ({' '.join(f'{x:.3f}' for x in v[:, 0])})"
            )


if __name__ == "__main__":
    main()
