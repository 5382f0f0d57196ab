"""Speed of the pseudonymiser's finding, in texts per CPU second, and a dump of every find.

    python benchmarks/pseudonymisation_speed.py [--delad ../shared] [--recensioner 2000]
        [--kod ANNAN_KATALOG] [--dump /tmp/spann.jsonl] [--jamfor /tmp/andra.jsonl]

Texts: every text of benchmarks/data/pii_blind*.jsonl and the first N real reviews of the
shared folder (read there, never copied). Each set is run once to warm up (lists loaded,
regex caches filled), then three times; the figure is the best of the three, in CPU time
(time.process_time), since other users' load on a shared machine inflates wall-clock time.
Per text-length band the cost per text is each text's best of its three timings.

`--kod` imports the pseudonymiser from another checkout (e.g. the base commit unpacked in
/tmp) so before and after run in the same session on the same machine. `--dump` writes every
span (set, text number, start, end, label) as JSON lines: offsets and labels only, never text,
so the file holds no personal data. `--jamfor` compares this run's spans with such a dump
and fails on any difference: the check that a speed change found exactly the same things.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND_SETS = sorted((ROOT / "benchmarks" / "data").glob("pii_blind*.jsonl"))
# text-length bands in characters: where the cost per text goes as texts grow
BANDS = (0, 100, 200, 400, 800, 1600, 10**9)


def blind_texts() -> list[tuple[str, str]]:
    """(set name, text) for every blind-set text, in file order."""
    out: list[tuple[str, str]] = []
    for path in BLIND_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path.stem, json.loads(line)["text"]))
    return out


def review_texts(path: Path, n: int) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh) if row.get("text")]
    return [("recensioner", t) for t in texts[:n]]


def timed_runs(find, texts: list[str], runs: int) -> tuple[float, list[float], list[list]]:
    """Best total CPU time over `runs` passes, each text's best time, the last pass's finds."""
    best_total = float("inf")
    per_text = [float("inf")] * len(texts)
    found: list[list] = []
    clock = time.process_time
    for _ in range(runs):
        found = []
        start = clock()
        for i, text in enumerate(texts):
            t0 = clock()
            found.append(find(text))
            t1 = clock()
            if t1 - t0 < per_text[i]:
                per_text[i] = t1 - t0
        best_total = min(best_total, clock() - start)
    return best_total, per_text, found


def band_report(texts: list[str], per_text: list[float]) -> None:
    print(f"  {'längd (tecken)':<16}{'texter':>8}{'ms/text':>10}{'µs/tecken':>11}{'andel av tiden':>16}")
    total = sum(per_text)
    for lo, hi in zip(BANDS, BANDS[1:]):
        idx = [i for i, t in enumerate(texts) if lo <= len(t) < hi]
        if not idx:
            continue
        cost = sum(per_text[i] for i in idx)
        chars = sum(len(texts[i]) for i in idx)
        label = f"{lo}–{hi - 1}" if hi < 10**9 else f"{lo}–"
        print(
            f"  {label:<16}{len(idx):>8}{1000 * cost / len(idx):>10.2f}"
            f"{1e6 * cost / max(chars, 1):>11.2f}{cost / total:>16.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="Mät pseudonymiseringens hastighet i processortid.")
    parser.add_argument("--delad", type=Path, default=ROOT.parent / "shared", help="den delade mappen")
    parser.add_argument("--recensioner", type=int, default=2000, help="antal riktiga recensioner")
    parser.add_argument("--kod", type=Path, default=ROOT, help="katalogen vars pseudonymiserare mäts")
    parser.add_argument("--korningar", type=int, default=3, help="mätta körningar (bästa räknas)")
    parser.add_argument("--dump", type=Path, help="skriv alla fynd (set, nr, start, slut, etikett) hit")
    parser.add_argument("--jamfor", type=Path, help="jämför fynden med en tidigare dump")
    args = parser.parse_args()

    sys.path.insert(0, str(args.kod.resolve()))
    from nlp.pseudonymise import Pseudonymiser

    print(f"Kod: {args.kod.resolve()}")
    t0 = time.process_time()
    pseudo = Pseudonymiser(b"benchmark-key-not-secret-000000000")
    pseudo.find("Uppvärmning: Anna i Karlstad.")  # loads the lists
    print(f"Start (laddar listor): {time.process_time() - t0:.2f} s processortid")

    real = args.delad / "data" / "real" / "recensioner_sv_10k.csv"
    sets = {"blinda": blind_texts()}
    if real.exists():
        sets["recensioner"] = review_texts(real, args.recensioner)
    else:
        print(f"{real} saknas: mäter bara de blinda seten.")

    rows: list[dict] = []
    for name, items in sets.items():
        texts = [t for _, t in items]
        for text in texts:  # warm-up pass
            pseudo.find(text)
        total, per_text, found = timed_runs(pseudo.find, texts, args.korningar)
        chars = sum(len(t) for t in texts)
        print(
            f"\n== {name}: {len(texts)} texter, {chars} tecken ==\n"
            f"Hastighet: {len(texts) / total:.0f} texter per processorsekund "
            f"({total:.2f} s, bästa av {args.korningar}; {1000 * total / len(texts):.2f} ms/text)"
        )
        band_report(texts, per_text)
        for k, ((set_name, _), spans) in enumerate(zip(items, found)):
            rows.append({"set": set_name, "nr": k, "spans": [[s.start, s.end, s.label] for s in spans]})

    n_spans = sum(len(r["spans"]) for r in rows)
    print(f"\nFynd: {n_spans} spann i {len(rows)} texter")
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"Dump: {args.dump}")
    if args.jamfor:
        earlier = [json.loads(line) for line in args.jamfor.read_text(encoding="utf-8").splitlines()]
        if len(earlier) != len(rows):
            sys.exit(f"OLIKA: {len(earlier)} texter i {args.jamfor}, {len(rows)} nu")
        differ = [(a["set"], a["nr"]) for a, b in zip(earlier, rows) if a != b]
        if differ:
            sys.exit(f"OLIKA fynd i {len(differ)} texter, t.ex. {differ[:10]}")
        print(f"Samma fynd som {args.jamfor}: {len(rows)} texter, {n_spans} spann jämförda")


if __name__ == "__main__":
    main()
