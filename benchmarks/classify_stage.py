"""CPU seconds of the classification stage (zero-shot, built-in taxonomy) on real reviews, cold.

    python benchmarks/classify_stage.py [--n 2000] [--profil 25]

The answers' own "query:" vectors are the analysis's embedding stage: they are computed once
and kept under /tmp (not counted). The stage itself, `classify_texts` as a partition runs it,
then starts from an empty vector cache in a fresh data dir (as in a cold analysis) and its
CPU seconds (`time.process_time`, all threads) are measured; the machine is shared, so CPU
seconds are the comparable figure. Prints what the sentence pass embeds: answers with more than
one segment, segments per answer, distinct segments, token lengths, and the CPU seconds of the
embedding calls against the rest. --profil N prints the N most expensive functions (cProfile,
cumulative). Texts are the first N rows of the real reviews, pseudonymised first as in the
product (benchmarks/shared_texts.py), read from the shared data dir; nothing of them is written
outside /tmp.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.shared_texts import REVIEWS, require, reviews  # noqa: E402

VECTORS = Path(tempfile.gettempdir()) / "brukarrost-klassificeringssteg"


def _answer_vectors(texts: list[str]):  # noqa: ANN202 (numpy imported late, after the env is set)
    import hashlib

    import numpy as np

    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts, get_embedder

    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    path = VECTORS / f"{get_embedder().model_id.replace('/', '_')}-{digest}.npy"
    if path.exists():
        return np.load(path)
    VECTORS.mkdir(parents=True, exist_ok=True, mode=0o700)
    vectors = embed_texts(texts, kind=ANALYSIS_KIND, cache=False)
    np.save(path, vectors)
    return vectors


def _segment_stats(texts: list[str]) -> None:
    import numpy as np

    from nlp.classify.segments import segment_spans
    from nlp.embed import get_embedder

    spans = [segment_spans(t) for t in texts]
    multi = [i for i, s in enumerate(spans) if len(s) > 1]
    segs = [texts[i][a:b] for i in multi for a, b in spans[i]]
    counts = np.array([len(s) for s in spans])
    print(
        f"{len(texts)} svar, {len(multi)} med fler än ett segment ({len(multi) / len(texts):.0%}); "
        f"segment per svar: medel {counts.mean():.2f}, median {np.median(counts):.0f}, max {counts.max()}; "
        f"segment att bädda in {len(segs)}, distinkta {len(set(segs))}"
    )
    model = getattr(get_embedder(), "_model", None)
    if model is None or not segs:
        return
    seg_tok = np.array([len(w) for w in model.windows(segs, "query")[0]])
    ans_tok = np.array([len(w) for w in model.windows(texts, "query")[0]])
    multi_tok = np.array([len(w) for w in model.windows([texts[i] for i in multi], "query")[0]])
    print(
        f"token per fönster: svar medel {ans_tok.mean():.1f}; flersegmentssvar medel {multi_tok.mean():.1f} "
        f"(summa {multi_tok.sum()}); deras segment medel {seg_tok.mean():.1f}, median {np.median(seg_tok):.0f}, "
        f"summa {seg_tok.sum()}, under 8 token {np.mean(seg_tok < 8):.0%}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--profil", type=int, default=0, help="visa de N dyraste funktionerna (cProfile)")
    ap.add_argument("--ut", type=Path, help="skriv resultaten som JSON (för att jämföra två versioner)")
    args = ap.parse_args()
    require(REVIEWS)
    from nlp.modeller import model_dir

    # The built ONNX model is shared set-up, not part of a cold stage.
    os.environ.setdefault("BRUKARROST_MODEL_DIR", str(model_dir()))
    with tempfile.TemporaryDirectory(prefix="brukarrost-steg-") as tmp:
        os.environ["BRUKARROST_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BRUKARROST_KEY_FILE"] = str(Path(tmp) / "nyckel" / "pseudonym.key")
        _run(args.n, args.profil, args.ut)


def _run(n: int, top: int, out: Path | None) -> None:
    from nlp.classify import classify_texts, zero_shot_model
    from nlp.embed import cached_embedder, get_embedder
    from nlp.secret_key import load_or_create_key
    from nlp.taxonomy import load_taxonomy

    texts = reviews(n)
    vectors = _answer_vectors(texts)
    _segment_stats(texts)
    load_or_create_key()  # the cache works as in an analysis (the pseudonymiser made the key)
    tax = load_taxonomy("samsjuklighet")
    embedder = cached_embedder()
    inner = get_embedder()
    spent = {"inbäddning": 0.0, "texter": 0}
    embed = inner.embed

    def timed_embed(batch, kind="passage", **kw):  # noqa: ANN001, ANN202
        t0 = time.process_time()
        try:
            return embed(batch, kind, **kw)
        finally:
            spent["inbäddning"] += time.process_time() - t0
            spent["texter"] += len(batch)

    inner.embed = timed_embed  # type: ignore[method-assign]
    t0 = time.process_time()
    model = zero_shot_model(tax, embedder)  # label phrases: part of a cold stage
    t_model = time.process_time() - t0
    prof = cProfile.Profile() if top else None
    t0 = time.process_time()
    if prof:
        prof.enable()
    results = classify_texts(texts, vectors, tax, embedder=embedder, model=model)
    if prof:
        prof.disable()
    cpu = time.process_time() - t0
    print(
        f"Klassificering av {len(results)} svar: {cpu:.1f} CPU-s (+ {t_model:.1f} för nollskottsmodellen); "
        f"inbäddning i steget {spent['inbäddning']:.1f} CPU-s för {spent['texter']} texter, "
        f"resten {cpu + t_model - spent['inbäddning']:.1f} CPU-s; last {os.getloadavg()[0]:.1f}"
    )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    if out:
        out.write_text(json.dumps([dataclasses.asdict(r) for r in results], ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
