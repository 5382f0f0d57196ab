"""Benchmark of the theme stage on the 10 000 real Swedish reviews (../shared/data/real).

Prints wall time and peak memory of embedding and of fitting, separately, cold (empty
vector cache) and warm (cache filled), and the quality figures of the themes: number of
themes, outlier share, topic diversity and NPMI coherence of each theme's top 10 words,
computed on the corpus itself (document co-occurrence of the same Swedish lemmas).

    python benchmarks/themes.py                  # all 10 000, cold + warm
    python benchmarks/themes.py --n 2000 --warm-only
    python benchmarks/themes.py --vectors /tmp/emb10k.npy   # fit only, on saved vectors
    python benchmarks/themes.py --imports        # four quarters imported one after another

--names (benchmarks/theme_names_sample.py) prints every theme name of the reviews, the share
with a stop word, the share that is a bare evaluative word, duplicates, and writes the sample
of names and answers for a blind reader.

--imports (benchmarks/theme_imports.py) splits the reviews into four quarters, imports them
into one project one after another and prints the time of each incremental import, the
share of earlier answers keeping their theme key, outliers, whether planted topics that
only occur in one quarter are flagged "ny" there (and no real answers' theme is), and how
many names contain a stop word; then
10 % more answers, imported and refitted: keys kept, refit time, CPU and peak RSS, the fresh
fit against the old themes (ARI) and NMI/ARI against known kinds of business; with
--refit-seeds 42,43,44 that refit once more per random state (keys kept, min and mean,
and the old themes whose answers lost their key most often).

Each stage runs in its own child process so its peak memory (ru_maxrss) is its own.
The reviews are pseudonymised before they are embedded, as in the product
(benchmarks/shared_texts.py), once, here, and handed to the stages in a temporary file, so
neither the time nor the memory of that is in a stage's figures. The cache lives in a
temporary data dir, so the cold run really is cold. The machine is shared: wall times
include other people's load; CPU seconds (all threads) do not.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from benchmarks.shared_texts import REVIEWS, load_in_child, require, reviews  # noqa: E402


def topic_diversity(topics: Sequence[Sequence[str]], k: int = 10) -> float:
    """Unique words among all themes' top k, divided by k × number of themes."""
    tops = [list(t)[:k] for t in topics if t]
    total = sum(len(t) for t in tops)
    return len({w for t in tops for w in t}) / total if total else 0.0


def npmi_coherence(topics: Sequence[Sequence[str]], texts: Sequence[str], k: int = 10) -> float:
    """Mean NPMI over word pairs of each theme's top k, from document co-occurrence.

    Words are the same lemmas (and bigrams) the theme stage uses, so a bigram counts as
    present in a document when both its lemmas are. Pairs never seen together score -1.
    Written here because gensim (which has this) is not a dependency.
    """
    from nlp.themes import swedish_tokens

    docs = [set(swedish_tokens(t)) for t in texts]
    n = len(docs)

    def present(word: str) -> set[int]:
        parts = word.split()
        return {i for i, d in enumerate(docs) if all(p in d for p in parts)}

    cache: dict[str, set[int]] = {}
    scores = []
    for topic in topics:
        words = list(topic)[:k]
        if len(words) < 2:
            continue
        for w in words:
            if w not in cache:
                cache[w] = present(w)
        pair_scores = []
        for a, b in combinations(words, 2):
            pa, pb = len(cache[a]) / n, len(cache[b]) / n
            pab = len(cache[a] & cache[b]) / n
            if pab == 0 or pa == 0 or pb == 0:
                pair_scores.append(-1.0)
            elif pab == 1.0:
                pair_scores.append(1.0)
            else:
                pair_scores.append(math.log(pab / (pa * pb)) / -math.log(pab))
        scores.append(sum(pair_scores) / len(pair_scores))
    return sum(scores) / len(scores) if scores else 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_texts(path: str) -> list[str]:
    """The pseudonymised reviews the parent wrote for the stages."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def stage_embed(texts_path: str, out: str) -> dict:
    import numpy as np

    from nlp.embed import embed_texts

    texts = _read_texts(texts_path)
    t0, c0 = time.perf_counter(), time.process_time()
    vectors = embed_texts(texts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    np.save(out, vectors)
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_mb": round(_peak_mb()), "n": len(texts)}


def stage_fit(texts_path: str, vectors_path: str) -> dict:
    import numpy as np

    from nlp.themes import OTHER_THEME, fit_themes

    texts = _read_texts(texts_path)
    vectors = np.load(vectors_path)[: len(texts)]
    t0, c0 = time.perf_counter(), time.process_time()
    result = fit_themes(texts, vectors, record_ids=list(range(len(texts))))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = _peak_mb()
    topics = [t.words for t in result.themes if t.id != OTHER_THEME]
    other = next((t.size for t in result.themes if t.id == OTHER_THEME), 0)
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "peak_mb": round(peak),
        "n": len(texts),
        "themes": len(topics),
        "outlier_share": round(other / len(texts), 4),
        "outlier_share_before_reduction": result.settings.get("outlier_share_before_reduction"),
        "diversity": round(topic_diversity(topics), 3),
        "npmi": round(npmi_coherence(topics, texts), 3),
        "multi_theme_texts": sum(len(p) > 1 for p in result.assignments.values()),
        "labels": [t.label for t in result.themes][:50],
    }


def _child(stage: str, texts_path: Path, path: str, env: dict[str, str]) -> dict:
    cmd = [sys.executable, __file__, "--stage", stage, "--texts", str(texts_path), "--path", path]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    res = json.loads(out.strip().splitlines()[-1])
    res["process_wall_s"] = round(time.perf_counter() - t0, 1)  # incl. imports, model load
    return res


def end_to_end() -> None:
    """The CLI as a user runs it, on the whole file, with a fresh cache then a warm one."""
    from nlp.embed import model_dir

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "BRUKARROST_DATA_DIR": str(Path(tmp) / "data"),
            "BRUKARROST_KEY_FILE": str(Path(tmp) / "nyckel" / "pseudonym.key"),
            "BRUKARROST_MODEL_DIR": str(model_dir()),
        }
        cli = Path(sys.executable).with_name("brukarrost")
        for label in ("cold", "warm"):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [str(cli), "teman", str(REVIEWS), "--textkolumn", "text", "--json"],
                env=env,
                capture_output=True,
                text=True,
            )
            wall = time.perf_counter() - t0
            if proc.returncode != 0:
                sys.exit(f"brukarrost teman misslyckades: {proc.stderr[-2000:]}")
            doc = json.loads(proc.stdout)
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # max over children so far
            other = next((t["size"] for t in doc["themes"] if t["id"] == -1), 0)
            print(
                f"end to end {label}: {wall:.1f} s wall, peak {usage.ru_maxrss / 1024:.0f} MB, "
                f"n={doc['n_texts']}, themes={sum(t['id'] != -1 for t in doc['themes'])}, "
                f"övrigt={other / doc['n_texts']:.1%}",
                flush=True,
            )


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--warm-only", action="store_true", help="fill the cache untimed first")
    ap.add_argument("--vectors", help="skip embedding: fit on these saved vectors (.npy)")
    ap.add_argument("--save-vectors", help="also save the embedded vectors here (.npy)")
    ap.add_argument("--embed-only", action="store_true", help="stop after embedding")
    ap.add_argument(
        "--end-to-end",
        action="store_true",
        help="time `brukarrost teman CSV --json` (ingest → pseudonymise → embed → "
        "themes), cold then warm, instead of the stages",
    )
    ap.add_argument("--imports", action="store_true", help="a project's themes over four imports")
    ap.add_argument(
        "--names",
        action="store_true",
        help="every theme name with figures, and a blind-reader sample (benchmarks/theme_names_sample.py)",
    )
    ap.add_argument("--kind", default="passage", help='--imports: "passage" or "query" (the kind of --vectors)')
    ap.add_argument(
        "--refit-seeds",
        default="",
        help="--imports: the first refit after +10 %% once more with each of these random states (42,43,...)",
    )
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    return ap.parse_args()


def main() -> None:
    args = _arguments()

    if args.stage == "embed":
        print(json.dumps(stage_embed(args.texts, args.path)))
        return
    if args.stage == "fit":
        print(json.dumps(stage_fit(args.texts, args.path), ensure_ascii=False))
        return

    require(REVIEWS)
    if args.end_to_end:
        end_to_end()
        return
    if args.names:
        sys.argv = [sys.argv[0], *(["--vectors", args.vectors] if args.vectors else []), "--n", str(args.n)]
        from theme_names_sample import main as names_main

        names_main()
        return
    if args.imports:
        from theme_imports import run_imports
        from theme_quality import business_of_row

        # The kind of business from the raw review: a company name the pseudonymiser replaces
        # may be the very word that names it. In a child: its memory is not the refit's peak.
        got = load_in_child(REVIEWS, args.n, label=business_of_row)
        seeds = [int(s) for s in args.refit_seeds.split(",") if s.strip()]
        run_imports(got.texts, got.labels, args.vectors, args.kind, seeds)
        return
    from nlp.embed import model_dir

    with tempfile.TemporaryDirectory() as tmp:
        # Fresh data dir (so the vector cache starts empty) but the usual built model files:
        # building the ONNX model once is set-up, not embedding.
        env = {**os.environ, "BRUKARROST_DATA_DIR": str(Path(tmp) / "data"), "BRUKARROST_MODEL_DIR": str(model_dir())}
        vec = args.vectors or str(Path(tmp) / "vectors.npy")
        texts = Path(tmp) / "svar.json"  # pseudonymised, never the raw reviews; removed with tmp
        texts.write_text(json.dumps(reviews(args.n), ensure_ascii=False), encoding="utf-8")
        if not args.vectors:
            runs = ["warm"] if args.warm_only else ["cold", "warm"]
            if args.warm_only:
                _child("embed", texts, vec, env)
            for label in runs:
                r = _child("embed", texts, vec, env)
                print(
                    f"embed {label}: {r['wall_s']} s wall, {r['cpu_s']} s CPU "
                    f"({r['process_wall_s']} s with start-up),"
                    f" peak {r['peak_mb']} MB, n={r['n']}",
                    flush=True,
                )
            if args.save_vectors:
                import shutil

                shutil.copy(vec, args.save_vectors)
            if args.embed_only:
                return
        r = _child("fit", texts, vec, env)
        print(
            f"fit: {r['wall_s']} s wall, {r['cpu_s']} s CPU ({r['process_wall_s']} s with start-up), "
            f"peak {r['peak_mb']} MB,"
            f" n={r['n']}"
        )
        print(
            f"themes: {r['themes']}, outlier share: {r['outlier_share']:.1%} "
            f"(before reduction {r['outlier_share_before_reduction']:.1%}), "
            f"diversity: {r['diversity']}, NPMI: {r['npmi']}, "
            f"texts in >1 theme: {r['multi_theme_texts']}"
        )
        print("labels:", "; ".join(r["labels"][:30]))


if __name__ == "__main__":
    main()
