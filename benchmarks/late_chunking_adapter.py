"""A linear map from late-chunked sentence vectors to standalone ones (issue 18): fit and measure.

    python benchmarks/late_chunking_adapter.py [--stycken 1500] [--recensioner 300]
    python benchmarks/late_chunking_adapter.py --klassificera classify_own_taxonomy.py [its options]

Late chunking (nlp/modeller/late_chunking.py) gives an answer's sentence vectors from the
answer's own pass, but those vectors lie elsewhere in the space than the vectors of the same
sentences embedded alone, which the label prototypes and heads were made for. This fits, in
closed form, a map from the first to the second on sentences that belong to no evaluation set:
- forum paragraphs of Absabank-Imm (CC BY 4.0: "Absabank-Imm, Språkbanken Text, University of
  Gothenburg"), /work/shared/data/real/forum_invandring_absabank.jsonl, leaving out every
  paragraph of benchmarks/data/etiketter_forum_invandring.jsonl (by id and by text), the
  first --stycken in file order.
Not the dev set (/work/shared/data/dev/malbilder_dev.jsonl), so that benchmarks/classify.py,
which scores it, stays a held-out check too.
Only answers of more than one segment count (nlp/classify/segments.scored_spans), as in an
analysis. A tenth of the fitting answers (every tenth) is held out to choose between the
candidate maps (orthogonal Procrustes, ridge regression towards the identity); the real
reviews are never fitted on (no licence; two evaluation sets come from them): the mean cosine
of adapted vectors to the standalone ones is measured on --recensioner multi-sentence reviews
that are in neither review evaluation set. The chosen map, refitted on all the fitting
answers, is written beside the vector cache (BRUKARROST_DATA_DIR, else a temporary dir;
the texts come pseudonymised from benchmarks/shared_texts.py).

--klassificera BENCHMARK runs benchmarks/BENCHMARK (classify_own_taxonomy.py, classify.py) with
late chunking on and the classifier's sentence vectors mapped (fitting the map first if it is
not there); compare with the same benchmark under BRUKARROST_LATE_CHUNKING=0 and =1.
Measured 2026-11-29: the map does not bring late chunking near the separate pass, so it is not
part of the application (nlp/classify/embedding.py has the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from shared_texts import FORUM, REVIEWS, load, scratch_data_dir  # noqa: E402

from nlp.classify.segments import scored_spans  # noqa: E402
from nlp.config import get_settings  # noqa: E402
from nlp.core import ANALYSIS_KIND, SpanEmbedder  # noqa: E402
from nlp.embed import cached_embedder, embed_texts, embed_with_spans  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SOURCE = (
    "Absabank-Imm forum paragraphs (CC BY 4.0, 'Absabank-Imm, Språkbanken Text, University of Gothenburg') "
    "outside benchmarks/data/etiketter_forum_invandring.jsonl"
)


def adapter_file() -> Path:
    get_settings().data_dir.mkdir(parents=True, exist_ok=True)
    return get_settings().data_dir / "late_chunking_adapter.npz"


def fit_adapter(X: np.ndarray, Y: np.ndarray, method: str) -> np.ndarray:
    """dim × dim W with X @ W close to Y (rows: late-chunked, standalone vectors of a sentence).

    "procrustes": the rotation that fits best (orthogonal Procrustes, an SVD); "ridge": least
    squares pulled towards the identity, (XᵀX + λI)⁻¹(XᵀY + λI), λ a hundredth of XᵀX's mean
    eigenvalue (fixed, not tuned)."""
    if method == "procrustes":
        u, _, vt = np.linalg.svd(X.T @ Y)
        return u @ vt
    G, eye = X.T @ X, np.eye(X.shape[1])
    lam = 0.01 * np.trace(G) / X.shape[1]
    return np.linalg.solve(G + lam * eye, X.T @ Y + lam * eye)


def adapt(vectors: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Late-chunked unit vectors mapped by W, as float32 unit vectors again."""
    V = np.asarray(vectors, np.float64) @ W
    return (V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def fitting_texts(n_forum: int) -> list[str]:
    """Forum paragraphs outside the forum evaluation set, the first n_forum, pseudonymised."""
    held_ids = {json.loads(line)["id"] for line in (DATA / "etiketter_forum_invandring.jsonl").open(encoding="utf-8")}
    forum = [json.loads(line) for line in FORUM.open(encoding="utf-8")]
    held_texts = {o["text"] for o in forum if o["id"] in held_ids}
    return load(FORUM, n_forum, keep=lambda _, o: o["id"] not in held_ids and o["text"] not in held_texts).texts


def review_texts(n: int) -> list[str]:
    """n multi-sentence real reviews in neither review evaluation set (never fitted on)."""
    used = set()
    for name in ("etiketter_vardupplevelse.jsonl", "etiketter_tjanster.jsonl"):
        used |= {json.loads(line)["rad"] for line in (DATA / name).open(encoding="utf-8")}
    return load(REVIEWS, n, keep=lambda i, r: i not in used and bool(scored_spans(r["text"]))).texts


def pairs(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(late-chunked sentence vectors, standalone sentence vectors, answer index of each row)."""
    texts = [t for t in texts if scored_spans(t)]
    spans = [scored_spans(t) for t in texts]
    embedder = cached_embedder()
    _, late = embed_with_spans(texts, spans, embedder=embedder, kind=ANALYSIS_KIND)
    flat = [t[a:b] for t, sp in zip(texts, spans) for a, b in sp]
    alone = embed_texts(flat, embedder=embedder, kind=ANALYSIS_KIND)
    owner = np.repeat(np.arange(len(texts)), [len(sp) for sp in spans])
    return np.vstack(late).astype(np.float64), np.asarray(alone, np.float64), owner


def mean_cos(A: np.ndarray, B: np.ndarray) -> float:
    A = A / np.linalg.norm(A, axis=1, keepdims=True)
    B = B / np.linalg.norm(B, axis=1, keepdims=True)
    return float((A * B).sum(1).mean())


def with_adapter(benchmark: str, argv: list[str]) -> None:
    """Run a classifier benchmark with late chunking on and the sentence vectors mapped."""
    os.environ["BRUKARROST_LATE_CHUNKING"] = "1"
    get_settings.cache_clear()
    with np.load(adapter_file(), allow_pickle=False) as z:
        if str(z["model_id"]) != cached_embedder().model_id:
            raise SystemExit("kartan är anpassad för en annan inbäddningsmodell: kör skriptet utan --klassificera")
        W = np.asarray(z["W"], np.float64)
    import nlp.classify.embedding as emb
    import nlp.classify.model
    import nlp.classify.training

    plain = emb.span_vectors_with

    def mapped(embedder, texts, spans, kind):  # noqa: ANN001, ANN202 (span_vectors_with's own)
        out = plain(embedder, texts, spans, kind)
        if not isinstance(embedder, SpanEmbedder):  # sentences embedded alone: nothing to map
            return out
        return [adapt(v, W) if len(v) else v for v in out]

    for module in (emb, nlp.classify.model, nlp.classify.training):
        module.span_vectors_with = mapped  # type: ignore[attr-defined]
    sys.argv = [benchmark, *argv]
    runpy.run_path(str(ROOT / "benchmarks" / benchmark), run_name="__main__")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stycken", type=int, default=1500)
    ap.add_argument("--recensioner", type=int, default=300)
    ap.add_argument("--klassificera", metavar="BENCHMARK")
    args, rest = ap.parse_known_args()
    scratch_data_dir()  # the vector cache and the map in a temporary dir unless BRUKARROST_DATA_DIR names one
    if args.klassificera:
        if not adapter_file().is_file():
            fit(args.stycken, args.recensioner)
        with_adapter(args.klassificera, rest)
        return
    fit(args.stycken, args.recensioner)


def fit(n_forum: int, n_reviews: int) -> None:
    """Fit both maps, print the cosines, save the one better on the held-out paragraphs."""
    t0 = _cpu()
    X, Y, owner = pairs(fitting_texts(n_forum))
    Xr, Yr, _ = pairs(review_texts(n_reviews))
    print(
        f"anpassning: {len(X)} meningar ur {owner.max() + 1} svar; recensioner: {len(Xr)} meningar ({_cpu() - t0:.0f} CPU-s)"
    )
    test = owner % 10 == 9
    methods = {m: fit_adapter(X[~test], Y[~test], m) for m in ("procrustes", "ridge")}
    print(f"{'':12} {'hållna stycken':>15} {'recensioner':>12}")
    print(f"{'ingen':12} {mean_cos(X[test], Y[test]):15.3f} {mean_cos(Xr, Yr):12.3f}")
    for m, W in methods.items():
        print(f"{m:12} {mean_cos(X[test] @ W, Y[test]):15.3f} {mean_cos(Xr @ W, Yr):12.3f}")
    best = max(methods, key=lambda m: mean_cos(X[test] @ methods[m], Y[test]))
    print(f"vald (på hållna stycken): {best}")
    W = fit_adapter(X, Y, best)
    note = np.array(f"{best}; {len(X)} sentence pairs; {SOURCE}")
    np.savez(adapter_file(), W=W.astype(np.float32), model_id=np.array(cached_embedder().model_id), note=note)
    print(f"sparad: {adapter_file()} ({best}, {len(X)} par)")


if __name__ == "__main__":
    main()
