"""Benchmark of the ingest stage: stream a large export through read_answers.

Generates a ~200 MB export in a temporary directory (Swedish-looking answers, three open
questions, metadata, `;`-separated CSV as Swedish Excel writes it), then reads it in a
child process and prints rows/s, answers/s, MB/s and the child's peak memory (ru_maxrss),
so the figure shows whether memory stays flat instead of growing with the file.

    python benchmarks/ingest.py                   # 200 MB CSV
    python benchmarks/ingest.py --mb 50 --format jsonl
    python benchmarks/ingest.py --mb 20 --format xlsx     # xlsx is slow to generate
    python benchmarks/ingest.py --tracemalloc --mb 20     # Python-heap peak (slower run)

The machine is shared: timings include other people's load.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = [
    "Respondent-ID",
    "Datum",
    "Verksamhet",
    "Källa",
    "Kön",
    "Åldersgrupp",
    "Vad fungerar bra?",
    "Vad kan bli bättre?",
    "Övriga synpunkter",
]
WORDS = (
    "personalen väntetiden telefon läkaren kontaktperson boendet behandlingen samtal "
    "bemötande lyssnar hjälp tid vecka månader ångest beroende socialtjänsten psykiatrin "
    "aktiviteter anhöriga information planen mottagningen kö svårt bra dåligt alltid aldrig "
    "ibland mycket lite mer inte jag vi de det och men att för på i med till har är"
).split()
UNITS = ["Allmänpsykiatrin", "Beroendemottagningen", "Socialtjänsten", "Rättspsykiatrin", "Boendestöd"]


def _rows(target_bytes: int, seed: int = 1):
    rng = random.Random(seed)
    start = date(2024, 7, 1)
    written, i = 0, 0
    while written < target_bytes:
        texts = [
            " ".join(rng.choices(WORDS, k=rng.randint(3, 60))).capitalize() + "." if rng.random() < 0.8 else ""
            for _ in range(3)
        ]
        row = [
            f"R{i}",
            (start + timedelta(days=rng.randrange(540))).isoformat() + " 10:31",
            rng.choice(UNITS),
            rng.choice(["enkät", "patientforum", "berättelse"]),
            rng.choice(["Kvinna", "Man", "Annat", ""]),
            rng.choice(["18-24", "25-34", "35-44", "65+"]),
            *texts,
        ]
        written += sum(len(c) for c in row) + 12
        i += 1
        yield row


def generate(path: Path, fmt: str, mb: float) -> int:
    target = int(mb * 1024 * 1024)
    n = 0
    if fmt == "csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            w.writerow(HEADER)
            for row in _rows(target):
                w.writerow(row)
    elif fmt in ("jsonl", "json"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("[\n" if fmt == "json" else "")
            for n, row in enumerate(_rows(target), start=1):
                sep = ",\n" if fmt == "json" and n > 1 else ("" if fmt == "json" else "")
                fh.write(
                    sep + json.dumps(dict(zip(HEADER, row)), ensure_ascii=False) + ("\n" if fmt == "jsonl" else "")
                )
            fh.write("\n]\n" if fmt == "json" else "")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Svar")
        ws.append(HEADER)
        for row in _rows(target):
            ws.append(row)
        wb.save(path)
    else:
        raise SystemExit(f"okänt format: {fmt}")
    return n


def read(path: Path, use_tracemalloc: bool) -> None:
    """Child process: stream the file and print one JSON line of figures."""
    sys.path.insert(0, str(ROOT))
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    from nlp.ingest import IngestStats, read_answers

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stats = IngestStats()
    t0 = time.perf_counter()
    chars = 0
    for answer in read_answers(path, stats=stats):
        chars += len(answer.text)
    seconds = time.perf_counter() - t0
    out = {
        "seconds": seconds,
        "rows": stats.n_rows,
        "answers": stats.n_answers,
        "text_columns": stats.text_columns,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_read_mb": base_rss / 1024,
    }
    if use_tracemalloc:
        out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=200.0, help="filens storlek i MB (ungefär)")
    parser.add_argument("--format", default="csv", choices=["csv", "jsonl", "json", "xlsx"])
    parser.add_argument("--tracemalloc", action="store_true", help="mät även Pythons heap-topp")
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        read(args.read, args.tracemalloc)
        return
    with tempfile.TemporaryDirectory(prefix="brukarrost-ingest-") as tmp:
        path = Path(tmp) / f"stor_export.{args.format}"
        t0 = time.perf_counter()
        n = generate(path, args.format, args.mb)
        size_mb = path.stat().st_size / 1024 / 1024
        print(f"Genererade {path.name}: {size_mb:.1f} MB, {n} rader på {time.perf_counter() - t0:.1f} s")
        cmd = [sys.executable, __file__, "--read", str(path)] + (["--tracemalloc"] if args.tracemalloc else [])
        res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        s = res["seconds"]
        print(f"Läste {res['rows']} rader, {res['answers']} svar ur {res['text_columns']} på {s:.1f} s")
        print(f"  {res['rows'] / s:,.0f} rader/s, {res['answers'] / s:,.0f} svar/s, {size_mb / s:.1f} MB/s")
        print(
            f"  Toppminne (ru_maxrss) i läsprocessen: {res['peak_rss_mb']:.0f} MB "
            f"(varav {res['rss_before_read_mb']:.0f} MB innan läsningen började); filen är {size_mb:.0f} MB"
        )
        if "tracemalloc_peak_mb" in res:
            print(f"  Pythons heap-topp (tracemalloc): {res['tracemalloc_peak_mb']:.1f} MB")
        print("Obs: maskinen delas med andra; tiderna påverkas av deras last.")


if __name__ == "__main__":
    main()
