"""SetFit-style contrastive linear map on the frozen vectors (issue 11 experiment): W = I + A
fitted so that cos(W x_i, W x_k) approaches the Jaccard similarity of the two answers' labels
(validated answers and the taxonomy's phrases), then prototype mixing (fewshot_methods) on the
mapped vectors; the map is refitted inside every cross-validation fold."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.fewshot_methods import CACHE, SIZES, Data, best_t, macro, run_proto, unit  # noqa: E402
from nlp.classify.metrics import expected_calibration_error  # noqa: E402

torch.set_num_threads(1)


def fit_map(X: np.ndarray, Y: np.ndarray, epochs: int = 150, wd: float = 1e-2) -> np.ndarray:
    Xt = torch.tensor(X, dtype=torch.float32)
    Yb = torch.tensor(Y, dtype=torch.float32)
    inter = Yb @ Yb.T
    union = Yb.sum(1, keepdim=True) + Yb.sum(1) - inter
    target = torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(inter))
    A = torch.zeros(X.shape[1], X.shape[1], requires_grad=True)
    opt = torch.optim.Adam([A], lr=1e-3, weight_decay=wd)
    eye = torch.eye(X.shape[1])
    for _ in range(epochs):
        Z = torch.nn.functional.normalize(Xt @ (eye + A), dim=1)
        loss = ((Z @ Z.T - target) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return (eye + A).detach().numpy().astype(np.float64)


class Mapped(Data):
    def __init__(self, base: Data, W: np.ndarray):
        self.Y = base.Y
        self.A = unit(base.A @ W)
        self.S = [unit(s @ W) if len(s) else s for s in base.S]
        self.T = [unit(t @ W) for t in base.T]
        self.Tp = unit(np.array([t.mean(0) for t in self.T]))


def training_rows(base: Data, tr: np.ndarray):
    K = base.Y.shape[1]
    X = [base.A[tr]] + [t for t in base.T]
    Y = [base.Y[tr]] + [np.tile(np.eye(K, dtype=int)[j], (len(t), 1)) for j, t in enumerate(base.T)]
    return np.vstack(X), np.vstack(Y)


def main():
    for name in sys.argv[1:] or ["vardupplevelse"]:
        d = pickle.loads((CACHE / f"{name}_data.pkl").read_bytes())
        cur = pickle.loads((CACHE / f"{name}_current.pkl").read_bytes())
        base = Data(d, d["E"].mean(0))
        Y = d["Y"]
        rows = {}
        for r in range(3):
            perm = np.random.default_rng(r).permutation(len(Y))
            te = np.sort(perm[100:])
            for n in SIZES:
                tr = np.sort(perm[:n])
                # the map from the training answers only (run_proto's folds then see a map fitted
                # on their held-out fold too: optimistic for the choice of λ, not for the test)
                W = fit_map(*training_rows(base, tr))
                data = Mapped(base, W)
                p, t, p_oof, _ = run_proto(data, tr, te)
                rows.setdefault(("contrastive proto", n), []).append(
                    (macro(Y[te], p >= t), expected_calibration_error(p, Y[te]))
                )
                c = cur[(r, n)]
                best = None
                for wgt in (0.0, 0.25, 0.5, 0.75):
                    po = wgt * p_oof + (1 - wgt) * c["oof"]
                    tt = best_t(po, Y[tr])
                    f = macro(Y[tr], po >= tt)
                    if best is None or f > best[0] + 1e-9:
                        best = (f, wgt, tt)
                _, wgt, tt = best
                pe = wgt * p + (1 - wgt) * c["prob"]
                rows.setdefault(("ens contrastive cv-w", n), []).append(
                    (macro(Y[te], pe >= tt), expected_calibration_error(pe, Y[te]))
                )
                print(name, r, n, {k[0]: round(v[-1][0], 3) for k, v in rows.items() if k[1] == n}, flush=True)
        print(f"== {name}")
        for (k, n), v in sorted(rows.items()):
            v = np.array(v)
            print(
                f"  {k:24s} n={n:3d}  F1 {v[:, 0].mean():.3f}  ECE {v[:, 1].mean():.3f}  ({' '.join(f'{x:.3f}' for x in v[:, 0])})"
            )


if __name__ == "__main__":
    main()
