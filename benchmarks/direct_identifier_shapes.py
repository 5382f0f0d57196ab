"""A shape matrix for the direct identifiers: every value × every writing × every carrier.

    python benchmarks/direct_identifier_shapes.py [--kategori TELEFON] [--visa-missar]

Blind sets find one odd writing of a personnummer, a phone number, an e-mail address or an
account at a time. This builds them all at once: invented base values per category (valid and
invalid check digits, 10 and 12 digits, "+" for 100+, samordningsnummer; mobiles, landlines,
+46/0046, foreign numbers; e-mails with written-out "punkt"/"at"/"snabel-a"; clearing and
account, bankgiro, plusgiro, IBAN, card) × the shapes people type (separators, groupings, line
breaks, odd spaces, "(0)", digits as words, OCR slips, other scripts' digits, punctuation and
brackets around, start and end of the text, labels in fields or none) × five carriers (survey
answer, sms, form line, mail signature, OCR line). A cell's recall is the share of its texts
where every letter and digit of the value lies inside a direct identifier's find (the label
column says how many had the right label). The clean side puts lookalikes (order numbers,
times, prices, doses, dates, codes, lab values, serial numbers, series) into the same carriers
and counts how many no direct identifier touches. Deterministic; every value is invented.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.direct_identifier_values import SHAPES, VALUES, Value  # noqa: E402

DIRECT = ("PERSONNUMMER", "TELEFON", "EPOST", "KONTONUMMER")
# where the value stands and what introduces it: (prefix, value, suffix) around the usual writing
PLACEMENTS: tuple[str, ...] = (
    "punkt efter",
    "komma efter",
    "citattecken",
    "parentes",
    "hakparentes",
    "textens början",
    "textens slut",
    "fält",
    "fält gemener",
    "fält versaler",
    "fritt i mening",
    "mailto:",
)

# carriers: {lead} is the value's words or label, {x} the value
CARRIERS: dict[str, str] = {
    "enkätsvar": "Jag väntade länge på svar från handläggaren, {lead} {x} om ni vill veta mer. Bemötandet var ändå bra.",
    "sms": "hej! {lead} {x} ses imorn vid 3",
    "formulärrad": "Synpunkt gäller: bemötande\n{lead} {x}\nÖnskar återkoppling: ja",
    "mejlsignatur": "Tack för hjälpen med ansökan.\n\nMed vänlig hälsning\nundersköterska, hemtjänsten\n{lead} {x}\n",
    "OCR-rad": "SYNPUNKTSBLANKETT   sid 1 av 2\n{lead} {x}    Inkom: vecka 12\n",
}
_FIELD_CARRIERS = ("formulärrad", "mejlsignatur", "OCR-rad")


def _lead(v: Value, carrier: str, placement: str) -> str:
    if placement == "fritt i mening":
        return ""
    field = carrier in _FIELD_CARRIERS or placement.startswith("fält")
    if not field:
        return v.lead
    label = v.label + ":"
    if placement == "fält gemener":
        return label.lower()
    if placement == "fält versaler":
        return label.upper()
    return label


def build(v: Value, carrier: str, rendered: str, placement: str = "") -> tuple[str, int, int]:
    """The text, and where the value (without its brackets or punctuation) stands in it."""
    template = CARRIERS[carrier]
    lead = _lead(v, carrier, placement)
    head, tail = template.split("{x}")
    head = head.replace("{lead}", lead).replace("  ", " ").replace("\n ", "\n")
    before, after = {
        "punkt efter": ("", ". Tack"),
        "komma efter": ("", ", tack"),
        "citattecken": ('"', '"'),
        "parentes": ("(", ")"),
        "hakparentes": ("[", "]"),
        "mailto:": ("mailto:", ""),
    }.get(placement, ("", ""))
    if placement == "textens början":
        return rendered + tail, 0, len(rendered)
    if placement == "textens slut":
        return head + rendered, len(head), len(head) + len(rendered)
    start = len(head) + len(before)
    return head + before + rendered + after + tail, start, start + len(rendered)


@dataclass(frozen=True)
class Case:
    category: str
    shape: str
    value: str  # the Value's name
    carrier: str
    text: str
    start: int
    end: int


def cases() -> list[Case]:
    out = []
    for v in VALUES:
        for shape, render in SHAPES.items():
            rendered = render(v)
            if rendered is None or (shape != "vanlig" and rendered == v.usual):
                continue
            for carrier in CARRIERS:
                text, start, end = build(v, carrier, rendered)
                out.append(Case(v.category, shape, v.name, carrier, text, start, end))
        for placement in PLACEMENTS:
            if placement in ("fritt i mening", "textens början") and v.needs_label:
                continue  # a bankgiro without its word is any number
            if placement == "mailto:" and v.category != "EPOST":
                continue
            for carrier in CARRIERS:
                text, start, end = build(v, carrier, v.usual, placement)
                out.append(Case(v.category, placement, v.name, carrier, text, start, end))
    return out


# lookalikes that are no direct identifier: each with the words it comes with
LOOKALIKES: tuple[str, ...] = (
    "ordernummer 4471-220913",
    "ärendenr 2024-0311-17",
    "artikelnr 100-234-56",
    "fakturanr 81121898",
    "bokningsnummer 7721 0934 18",
    "kl 13.45–14.30",
    "kl. 08:15 - 09:00",
    "mellan 9.00 och 11.30",
    "1 250 kr",
    "12 450:-",
    "3 495,00 kr",
    "Alvedon 500 mg 2x3",
    "Waran 2,5 mg 1+1+½",
    "0,5 ml 2 ggr/dag",
    "2024-03-05",
    "5/3 2024",
    "2024-03-05 – 2024-03-19",
    "diagnos F32.1 och J45.9",
    "vecka 12",
    "v. 12–14",
    "1177",
    "ringde 112",
    "Hb 132 g/l",
    "CRP 45",
    "blodtryck 145/90",
    "P-glukos 6,2 mmol/l",
    "serienr 1204-5567-8812",
    "serienummer SN 4471 2209 13",
    "vikt 72,4 71,9 71,2 kg",
    "mätvärden 120 118 125 130 122",
    "år 1998–2004",
    "rum 214, plan 3",
    "version 2.4.11",
    "lot 220913-04",
    "journalen sid 12–15",
    # the odd separators and words the shapes above read in identifiers
    "kl 13.45—14.30",
    "12 450 kr",
    "beställning 811218/9876",
    "artikelnr 1204.5567",
    "två tabletter tre gånger om dagen i 14 dagar",
    "rum 12, 14 och sexton",
    "mätvärden 5,2 – 5,8 – 6,1 – 5,9",
    "vecka 12 — vecka 14",
    "+ 3 kg på 2 veckor",
)


@dataclass(frozen=True)
class Result:
    rows: dict[tuple[str, str], tuple[int, int, int]]  # (category, shape) -> (covered, labelled, total)
    misses: list[Case]
    clean: tuple[int, int]  # untouched by a direct identifier, total
    clean_touched: list[tuple[str, str, str]]  # (lookalike, carrier, what was found)


def _covered(spans: list, c: Case, labels: tuple[str, ...]) -> bool:
    inside = [s for s in spans if s.label in labels]
    return all(any(s.start <= i < s.end for s in inside) for i in range(c.start, c.end) if c.text[i].isalnum())


def run(category: str | None = None) -> Result:
    from nlp.pseudonymise import SpanFinder
    from nlp.pseudonymise.categories import CATEGORIES

    finder = SpanFinder(frozenset(CATEGORIES))
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for c in cases():
        if category and c.category != category:
            continue
        spans = finder.find(c.text)
        row = rows[(c.category, c.shape)]
        row[2] += 1
        if _covered(spans, c, DIRECT):
            row[0] += 1
            row[1] += _covered(spans, c, (c.category,))
        else:
            misses.append(c)
    untouched, touched = 0, []
    for look in LOOKALIKES:
        for carrier in CARRIERS:
            head, tail = CARRIERS[carrier].replace("{lead} ", "").split("{x}")
            text, start, end = head + look + tail, len(head), len(head) + len(look)
            hits = [s for s in finder.find(text) if s.label in DIRECT and s.start < end and start < s.end]
            if hits:
                touched.append((look, carrier, ", ".join(f"{s.label} {text[s.start : s.end]!r}" for s in hits)))
            else:
                untouched += 1
    total = len(LOOKALIKES) * len(CARRIERS)
    return Result({k: tuple(v) for k, v in rows.items()}, misses, (untouched, total), touched)


def failing_cells(result: Result) -> list[tuple[str, str, float]]:
    return [(cat, shape, cov / tot) for (cat, shape), (cov, _, tot) in sorted(result.rows.items()) if cov < tot]


def report(result: Result, show_misses: bool = False) -> None:
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'kategori':<13} {'form':<26} {'täckt':>7} {'rätt etikett':>13}")
    for (cat, shape), (cov, lab, tot) in sorted(result.rows.items()):
        by_cat[cat][0] += cov
        by_cat[cat][1] += tot
        mark = "" if cov == tot else "  <--"
        print(f"{cat:<13} {shape:<26} {cov / tot:>7.3f} {lab / tot:>13.3f}{mark}")
    print()
    for cat, (cov, tot) in sorted(by_cat.items()):
        print(f"{cat:<13} täckning {cov / tot:.3f} ({cov} av {tot})")
    cells = failing_cells(result)
    print(f"\nCeller under 1.0: {len(cells)} av {len(result.rows)}")
    for cat, shape, share in cells:
        print(f"  {cat:<13} {shape:<26} {share:.3f}")
    untouched, total = result.clean
    print(f"\nRen sida: {untouched} av {total} orörda ({untouched / total:.3f})")
    for look, carrier, found in result.clean_touched:
        print(f"  rörd: {look!r} i {carrier}: {found}")
    if show_misses:
        for c in result.misses:
            print(f"MISS {c.category} {c.shape} [{c.value}/{c.carrier}] {c.text[c.start : c.end]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kategori", choices=DIRECT, help="bara en kategori")
    parser.add_argument("--visa-missar", action="store_true", help="skriv ut varje miss (påhittade värden)")
    args = parser.parse_args(argv)
    report(run(args.kategori), args.visa_missar)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
