"""Zero-shot calibration on the import's own answers (issue 11 experiments): prior
adjustment by EM (Saerens, Latinne & Decaestecker 2002) on the phrase-calibrated
probabilities, per label; no gold label is read until the metrics."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from scipy.optimize import brentq  # noqa: E402
from scipy.special import expit, logit  # noqa: E402

from benchmarks.classify_own_taxonomy import SETS, load_set  # noqa: E402
from nlp.classify import labels_matrix, zero_shot_model  # noqa: E402
from nlp.classify.metrics import expected_calibration_error  # noqa: E402
from nlp.classify.predict import answer_scores  # noqa: E402
from nlp.classify.training import taxonomy_rows  # noqa: E402
from nlp.core import ANALYSIS_KIND  # noqa: E402
from nlp.embed import cached_embedder, embed_texts  # noqa: E402

CACHE = Path("/tmp/i11few_lab")


def scores(name, embedder):
    f = CACHE / f"{name}_zs.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    tax, texts, gold = load_set(name)
    Y = labels_matrix(gold, tax.label_ids, name)
    E = embed_texts(texts, embedder=embedder, kind=ANALYSIS_KIND)
    zs = zero_shot_model(tax, embedder)
    raw = answer_scores(zs, texts, E, embedder=embedder)
    _, tl = taxonomy_rows(tax)
    prior = np.array([sum(lab in t for t in tl) for lab in tax.label_ids]) / len(tl)
    d = {"raw": raw, "Y": Y, "prob": zs.calibrate(raw), "t": zs.threshold, "prior": prior}
    f.write_bytes(pickle.dumps(d))
    return d


def em_prior(p, prior, iters=100):
    """Per label: the share of answers about it in this import by EM, and the probabilities
    adjusted from the training prior to that share (a logit shift per label)."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    pi = p.mean(0)
    for _ in range(iters):
        shift = logit(pi) - logit(prior)
        q = expit(logit(p) + shift)
        pi = q.mean(0)
    return q, pi


def f1(Y, D):
    Y, D = Y > 0, D > 0
    tp = (Y & D).sum(0)
    den = Y.sum(0) + D.sum(0)
    return float(np.where(den > 0, 2 * tp / np.maximum(den, 1), 0).mean())


def main():
    embedder = cached_embedder()
    for name in sys.argv[1:] or list(SETS):
        d = scores(name, embedder)
        Y, p, t = d["Y"], d["prob"], d["t"]
        print(f"== {name}: threshold {t:.3f} prior {np.round(d['prior'], 3)} gold share {np.round(Y.mean(0), 3)}")
        print(f"  today: F1 {f1(Y, p >= t):.3f} ECE {expected_calibration_error(p, Y):.3f} mean p {p.mean(0).round(3)}")
        q, pi = em_prior(p, d["prior"])
        print(
            f"  EM prior: F1@t {f1(Y, q >= t):.3f} F1@0.5 {f1(Y, q >= 0.5):.3f} ECE {expected_calibration_error(q, Y):.3f} pi {pi.round(3)}"
        )
        # pooled: one shift for all labels
        if True:
            pr = np.full(Y.shape[1], d["prior"].mean())
            q2, pi2 = em_prior(p, pr)
            print(
                f"  EM prior (pooled prior): F1@t {f1(Y, q2 >= t):.3f} ECE {expected_calibration_error(q2, Y):.3f} pi {pi2.round(3)}"
            )
        # one logit shift c of the phrase calibration (decisions and sets unchanged when the
        # threshold moves with it): the threshold moved to 0.5, or c count-matched on the import
        # (Σ σ(logit p + c) = number decided), pooled or per label
        z = logit(np.clip(p, 1e-6, 1 - 1e-6))
        q = expit(z - logit(t))
        print(f"  shift -logit(t) = {-logit(t):.2f}: ECE {expected_calibration_error(q, Y):.3f}")
        n_dec = (p >= t).sum()
        c1 = brentq(lambda c, z=z, n=n_dec: expit(z + c).sum() - n, -10, 10)
        print(f"  count-matched pooled c = {c1:.2f}: ECE {expected_calibration_error(expit(z + c1), Y):.3f}")
        cs = [
            brentq(lambda c, j=j, z=z, n=max((p[:, j] >= t).sum(), 0.5): expit(z[:, j] + c).sum() - n, -15, 15)
            for j in range(Y.shape[1])
        ]
        print(
            f"  count-matched per label c = {np.round(cs, 2)}: ECE {expected_calibration_error(expit(z + np.array(cs)), Y):.3f}"
        )
        # reliability of today's probabilities
        bins = np.linspace(0, 1, 11)
        idx = np.clip(np.digitize(p.ravel(), bins) - 1, 0, 9)
        rel = [
            (
                round(float(p.ravel()[idx == b].mean()), 2),
                round(float(Y.ravel()[idx == b].mean()), 2),
                int((idx == b).sum()),
            )
            for b in range(10)
            if (idx == b).any()
        ]
        print(f"  reliability today (mean p, share true, n): {rel}")


if __name__ == "__main__":
    main()
