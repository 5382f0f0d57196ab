"""Hostile cells for the pseudonymiser: CPU time of find and pseudonymise on one huge cell.

    python benchmarks/pseudonymisation_hostile.py [--tecken 40000 100000] [--grans 2.0]
        [--igenkannare] [--former "A " "070 "]

An upload may hold one cell of 100,000 characters of one repeated shape (a paste gone wrong, a
hostile file). A regular expression that backtracks over such a run costs time growing with the
square of its length or worse, and one cell then stalls an import. Each shape (spaces, breaks,
name and number tokens, brackets, long digit runs, runs of capitalised words, and a mix) is
repeated to each size; the figure is CPU seconds (time.process_time, since the machine is
shared), find and pseudonymise each timed once after a warm-up. The table is sorted worst
first; a cell over the limit (2 CPU s) is a bug, and `--igenkannare` times every recogniser on
it to name the one at fault. Exits non-zero when a cell is over the limit.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# repeated shapes: separators, name and number tokens, what the patterns repeat
SHAPES: dict[str, str] = {
    "mellanslag": " ",
    "radbrytning": "\n",
    "tabb": "\t",
    "hårt mellanslag": "\u00a0",
    "A_": "A ",
    "Anna_": "Anna ",
    "070_": "070 ",
    "|_": "| ",
    "a@": "a@",
    "1-": "1-",
    "19": "19",
    "punkt": ".",
    "Gatan 1_": "Gatan 1 ",
    "och_": "och ",
    "klamrar": "([{",
    "siffror": "1234567890",
    "versalord": "Anna Berg Lund Karlsson Ek ",
    "blandat": "Anna 070-12 ( Gatan 1, 19| a@b.se\u00a0och\t1-",
    # a row of phone-like cells without their zero: each candidate once searched its whole line
    "nollösa_celler": "7 0174 0063;",
    # a dictated address's words over and over: every word once started an e-mail match to the end
    "snabel_punkt": "snabel-a punkt ",
    "gata_i_ord": "Storgatan tolv b ",
    # a staff title and initials over and over: the title pattern's guard read the whole cell per search
    "titel_initialer": "usk AB ",
    # personnummer without a dash: each one's line was searched whole for a log's words
    "pnr_utan_streck": "198504121234 ",
    # grades or dates with a slash: each one searched its line for a log and the text for grades
    "betyg": "3/5 ",
    # names with their ages, addresses with their towns: each looked through all spans found
    "namn_ålder": "Anna (12) ",
    "adress_ort": "Storgatan 1, Mora. ",
    # capital words and no digit: a scanned plate's look-ahead read on to the next digit
    "regentnummer": "Karl XII ",
    # a nickname after each name, scores after names, a name before an acronym: list scans per name
    "smeknamn": 'Per ("Pelle") ',
    "skalor": "MNA 21 poäng, Norton 14, ",
    "namn_akronym": "Erika/MOHV ",
    # a name and an age in brackets over and over: each age once tested every name in the cell
    "namn_ålder_ord": "Ali (sextio) ",
    # digits of other scripts (read as 0-9) and right-to-left marks inside and around numbers,
    # names in Arabic and Cyrillic with their transliteration, years after a Cyrillic name
    "arabiska_siffror": "\u200f٠٧٠\u200f-١٧٤ ",
    "persiska_siffror": "۱۹۹۲۰۷۰۸۴۵۶۸۳۳",
    "rtl_tecken": "\u200f\u2066\u061c",
    "skrift_par": "Olena (Олена) علي (Ali) ",
    "kyrilliska_år": "Тимур 80 лет в Кируне ",
    # one word the whole cell long: an age after a name was tried at every letter of it to its end
    "ett_långt_ord": "X",
    "ett_långt_gement_ord": "x",
}


def cell(shape: str, size: int) -> str:
    """`shape` repeated to `size` characters; nested brackets are opened, then closed."""
    if shape == "([{":
        half = size // 2
        return ("(" * (half // 3) + "[" * (half // 3) + "{" * (half // 3)) + (
            "}" * (half // 3) + "]" * (half // 3) + ")" * (half // 3)
        )
    return (shape * (size // len(shape) + 1))[:size]


def cpu(fn, text: str) -> float:
    start = time.process_time()
    fn(text)
    return time.process_time() - start


def run(
    sizes: list[int], shapes: dict[str, str], limit: float, per_recogniser: bool
) -> list[tuple[str, int, float, float]]:
    """(shape, size, find CPU s, pseudonymise CPU s) for every cell, worst first; prints them."""
    sys.path.insert(0, str(ROOT))
    from nlp.pseudonymise import Pseudonymiser
    from nlp.pseudonymise.categories import RECOGNISERS

    pseudo = Pseudonymiser(b"hostile-benchmark-key-not-secret-00")
    pseudo.find("Uppvärmning: Anna i Karlstad, 070-123 45 67.")  # loads the lists
    # and the word-frequency tables of the other languages (recognisers/foreign_sentences.py), read
    # once per process on the first sentence that needs them: ~3 CPU s that fell on whichever cell
    # came first to need them ("skrift_par"), not a cost of the cell
    pseudo.find("Olena (Олена) علي (Ali)")
    rows = []
    for name, shape in shapes.items():
        for size in sizes:
            text = cell(shape, size)
            rows.append((name, size, cpu(pseudo.find, text), cpu(pseudo.pseudonymise, text)))
    rows.sort(key=lambda r: -max(r[2], r[3]))
    print(f"{'form':<18}{'tecken':>9}{'find (s)':>10}{'pseudonymise (s)':>18}")
    for name, size, found, replaced in rows:
        flag = "  ÖVER GRÄNSEN" if max(found, replaced) > limit else ""
        print(f"{name:<18}{size:>9}{found:>10.3f}{replaced:>18.3f}{flag}")
    name, size, found, replaced = rows[0]
    print(f"\nSämst: {name!r} med {size} tecken, {max(found, replaced):.3f} s processortid (gräns {limit} s)")
    if per_recogniser:
        text = cell(shapes[name], size)
        times = sorted(((cpu(r, text), f"{r.__module__}.{r.__name__}") for r in RECOGNISERS), reverse=True)
        print("Dyraste igenkännare på den cellen:")
        for seconds, label in times[:8]:
            print(f"  {seconds:8.3f} s  {label}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät pseudonymiseringen på fientliga, mycket långa celler.")
    parser.add_argument("--tecken", type=int, nargs="+", default=[40_000, 100_000], help="cellernas längder")
    parser.add_argument("--grans", type=float, default=2.0, help="högsta tillåtna processortid per cell (s)")
    parser.add_argument("--igenkannare", action="store_true", help="tidta varje igenkännare på den sämsta cellen")
    parser.add_argument("--former", nargs="+", help="bara dessa former (nycklar eller egna strängar)")
    args = parser.parse_args()
    shapes = SHAPES if not args.former else {f: SHAPES.get(f, f) for f in args.former}
    rows = run(args.tecken, shapes, args.grans, args.igenkannare)
    return 1 if max(max(r[2], r[3]) for r in rows) > args.grans else 0


if __name__ == "__main__":
    sys.exit(main())
