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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stdnum import luhn  # noqa: E402

DIRECT = ("PERSONNUMMER", "TELEFON", "EPOST", "KONTONUMMER")


def _pnr(nine: str, valid: bool = True) -> str:
    check = int(luhn.calc_check_digit(nine))
    return nine + str(check if valid else (check + 3) % 10)


@dataclass(frozen=True)
class Value:
    """One invented identifier: its digits in their usual groups, and how it is introduced."""

    category: str
    name: str
    groups: tuple[str, ...]  # digit groups of the usual writing (e-mail: the address whole)
    seps: tuple[str, ...]  # the usual separator after each group but the last
    prefix: str = ""  # "+46 ", "+47 ": kept before the groups
    lead: str = ""  # words before it in a sentence: "ring mig på"
    label: str = ""  # its label in a field: "Tel"
    needs_label: bool = False  # a bankgiro alone is any number: never shown free

    @property
    def usual(self) -> str:
        out = self.groups[0]
        for sep, group in zip(self.seps, self.groups[1:], strict=True):
            out += sep + group
        return self.prefix + out


def _p(name: str, digits: str, split: int, sep: str = "-") -> Value:
    return Value(
        "PERSONNUMMER", name, (digits[:split], digits[split:]), (sep,), lead="mitt personnummer är", label="Pnr"
    )


def _t(name: str, groups: str, prefix: str = "", first_sep: str = "-") -> Value:
    parts = tuple(groups.split())
    seps = (first_sep,) + (" ",) * (len(parts) - 2)
    return Value("TELEFON", name, parts, seps, prefix=prefix, lead="ring mig på", label="Tel")


def _k(name: str, groups: str, seps: str, lead: str, label: str, needs_label: bool = False) -> Value:
    return Value("KONTONUMMER", name, tuple(groups.split()), tuple(seps.split("|")), "", lead, label, needs_label)


def _e(name: str, address: str) -> Value:
    return Value("EPOST", name, (address,), (), lead="mejla mig på", label="E-post")


_CARD = "457122064410377" + luhn.calc_check_digit("457122064410377")  # passes Luhn
VALUES: tuple[Value, ...] = (
    _p("pnr 10 siffror", _pnr("811218987"), 6),
    _p("pnr 12 siffror", _pnr("19640823331"), 8),
    _p("pnr fel kontrollsiffra", _pnr("750614223", valid=False), 6),
    _p("samordningsnr", _pnr("920375446"), 6),
    _p("pnr 100+", _pnr("190228432"), 6, "+"),
    _p("pnr 2000-tal 12", _pnr("20050917551"), 8),
    _t("mobil", "070 174 06 05"),
    _t("mobil 073", "073 652 19 88"),
    _t("fast 08", "08 465 004 12"),
    _t("fast 031", "031 390 06 06"),
    _t("+46 mobil", "70 174 06 07", prefix="+46 ", first_sep="-"),
    _t("0046 fast", "8 465 004 18", prefix="0046 ", first_sep="-"),
    _t("+47 norsk", "912 34 567", prefix="+47 ", first_sep=" "),
    _t("+45 dansk", "20 12 34 56", prefix="+45 ", first_sep=" "),
    _t("+358 finsk", "40 123 4567", prefix="+358 ", first_sep=" "),
    _t("+49 tysk", "171 1234567", prefix="+49 ", first_sep=" "),
    _e("e-post", "lena.holmqvist77@exempelpost.se"),
    _e("e-post bindestreck", "karl-erik.nyman@kommunmail.com"),
    _e("e-post kort", "bo_ek@telia.nu"),
    _k("clearing+konto", "8327-9 123 456 789-0", ", | | ", "sätt in pengarna på", "Konto"),
    _k("clearing+konto tätt", "6789 123456789", "-", "sätt in pengarna på", "Kontonr"),
    _k("bankgiro", "5431 1234", "-", "betala till bankgiro", "Bankgiro", needs_label=True),
    _k("plusgiro", "48 33 12 6", " | |-", "betala till plusgiro", "Plusgiro", needs_label=True),
    _k("IBAN", "SE45 5000 0000 0583 9825 7466", " | | | | ", "mitt IBAN är", "IBAN"),
    _k("kort", " ".join(_CARD[i : i + 4] for i in range(0, 16, 4)), " | | ", "kortnumret var", "Kortnr"),
)
_UNITS = "noll ett två tre fyra fem sex sju åtta nio".split()
_TEENS = "tio elva tolv tretton fjorton femton sexton sjutton arton nitton".split()
_TENS = "_ _ tjugo trettio fyrtio femtio sextio sjuttio åttio nittio".split()


def _pair_word(pair: str) -> str:
    """ "73" -> "sjuttiotre", "05" -> "noll fem", "12" -> "tolv"."""
    if pair[0] == "0":
        return f"noll {_UNITS[int(pair[1])]}"
    if pair[0] == "1":
        return _TEENS[int(pair[1])]
    return _TENS[int(pair[0])] + ("" if pair[1] == "0" else _UNITS[int(pair[1])])


def _digit_words(group: str) -> str:
    return " ".join(_UNITS[int(d)] for d in group if d.isdigit())


def _tens_words(group: str) -> str:
    group = "".join(d for d in group if d.isdigit())
    words = [_pair_word(group[i : i + 2]) for i in range(0, len(group) - 1, 2)]
    if len(group) % 2:
        words.append(_UNITS[int(group[-1])])
    return " ".join(words)


def _regroup(groups: tuple[str, ...], sizes: tuple[int, ...]) -> tuple[str, ...] | None:
    digits = "".join(groups)
    if sum(sizes) != len(digits):
        return None
    out, at = [], 0
    for size in sizes:
        out.append(digits[at : at + size])
        at += size
    return tuple(out)


def _joined(v: Value, sep: str) -> str | None:
    if v.category == "EPOST":
        return None
    if v.category == "PERSONNUMMER" and "+" in v.seps:
        return v.prefix + v.groups[0] + ("+" if sep.strip() in "-–—" and sep.strip() else sep) + v.groups[1]
    return v.prefix + sep.join(v.groups)


# separators no one puts in such a number: an IBAN or a giro number with dots or slashes
_UNWRITTEN = {"KONTONUMMER": "./", "IBAN": "-–—./"}


def _swap_sep(sep: str) -> Callable[[Value], str | None]:
    def shape(v: Value) -> str | None:
        odd = _UNWRITTEN.get(v.name, _UNWRITTEN.get(v.category, ""))
        return None if any(ch in odd for ch in sep) else _joined(v, sep)

    return shape


def _main_break(brk: str) -> Callable[[Value], str | None]:
    """A line break where the usual writing parts the first group from the rest."""

    def shape(v: Value) -> str | None:
        if v.category == "EPOST":
            user, domain = v.groups[0].split("@")
            return f"{user}@{brk}{domain}"
        rest = v.usual[len(v.prefix) + len(v.groups[0]) + len(v.seps[0]) :]
        return v.prefix + v.groups[0] + v.seps[0].rstrip() + brk + rest

    return shape


def _inner_break(v: Value) -> str | None:
    """A wrap inside a group, as a narrow column cuts a number: "070-174 0⏎6 05"."""
    if v.category == "EPOST" or len(v.groups) < 2 or len(v.groups[1]) < 3:
        return None
    head = v.prefix + v.groups[0] + v.seps[0] + v.groups[1][:2]
    return head + "\n" + v.usual[len(head) :]


def _grouping(
    category: str, sizes: tuple[int, ...], sep: str = " ", last_sep: str | None = None
) -> Callable[[Value], str | None]:
    def shape(v: Value) -> str | None:
        if v.category != category or "+" in v.seps:
            return None
        if v.category == "TELEFON" and v.prefix:
            return None
        groups = _regroup(v.groups, sizes)
        if groups is None:
            return None
        seps = [sep] * (len(groups) - 1)
        if last_sep is not None:
            seps[-1] = last_sep
        return groups[0] + "".join(s + g for s, g in zip(seps, groups[1:], strict=True))

    return shape


def _area_zero(v: Value) -> str | None:
    if v.category != "TELEFON" or v.prefix.strip() not in ("+46", "0046"):
        return None
    return v.prefix + "(0)" + v.usual[len(v.prefix) :]


def _words(tens: bool) -> Callable[[Value], str | None]:
    def shape(v: Value) -> str | None:
        if v.category in ("EPOST",) or v.name in ("IBAN",) or v.prefix:
            return None
        say = _tens_words if tens else _digit_words
        first = _digit_words(v.groups[0]) if v.category == "TELEFON" else say(v.groups[0])
        return first + ", " + ", ".join(say(g) for g in v.groups[1:])

    return shape


def _mixed(v: Value) -> str | None:
    """The first groups as digits, the rest in words: "070-174 noll sex noll fem"."""
    if v.category in ("EPOST",) or v.name == "IBAN" or len(v.groups) < 2:
        return None
    head = v.usual[: len(v.usual) - len(v.groups[-1]) - len(v.seps[-1])]
    return head + " " + _digit_words(v.groups[-1])


def _ocr(letter: str, digit: str) -> Callable[[Value], str | None]:
    """Two of the digit read as a letter, as a scanner does and a reader still reads."""

    def shape(v: Value) -> str | None:
        if v.category == "EPOST":
            return None
        s = v.usual
        head = len(v.prefix)
        body = s[head:].replace(digit, letter, 2)
        return None if body == s[head:] else s[:head] + body

    return shape


def _script(zero: int) -> Callable[[Value], str | None]:
    def shape(v: Value) -> str | None:
        if v.category == "EPOST":
            return None
        return "".join(chr(zero + int(c)) if c.isdigit() else c for c in v.usual)

    return shape


def _email(transform: Callable[[str, str], str]) -> Callable[[Value], str | None]:
    def shape(v: Value) -> str | None:
        if v.category != "EPOST":
            return None
        user, domain = v.groups[0].split("@")
        return transform(user, domain)

    return shape


def _spoken_dots(part: str) -> str:
    return part.replace(".", " punkt ")


# name -> renders a value in that shape (None: the shape does not apply to the value)
SHAPES: dict[str, Callable[[Value], str | None]] = {
    "vanlig": lambda v: v.usual,
    "mellanslag": _swap_sep(" "),
    "bindestreck": _swap_sep("-"),
    "tankstreck –": _swap_sep("–"),
    "långt streck —": _swap_sep("—"),
    "' - '": _swap_sep(" - "),
    "' – '": _swap_sep(" – "),
    "punkt": _swap_sep("."),
    "snedstreck": _swap_sep("/"),
    "flera mellanslag": _swap_sep("   "),
    "utan skiljetecken": _swap_sep(""),
    "hårt mellanslag": _swap_sep("\u00a0"),
    "smalt mellanslag": _swap_sep("\u2009"),
    "smalt hårt mellanslag": _swap_sep("\u202f"),
    "gruppering 2-2-2-4": _grouping("PERSONNUMMER", (2, 2, 2, 4), " ", "-"),
    "gruppering 4-2-2-4": _grouping("PERSONNUMMER", (4, 2, 2, 4), " ", "-"),
    "gruppering 4-4-4": _grouping("PERSONNUMMER", (4, 4, 4)),
    "gruppering 3-3-2-2": _grouping("TELEFON", (3, 3, 2, 2)),
    "gruppering 3-2-2-2": _grouping("TELEFON", (3, 2, 2, 2)),
    "gruppering 2-3-2-2": _grouping("TELEFON", (2, 3, 2, 2)),
    "gruppering 3-3-4": _grouping("TELEFON", (3, 3, 4)),
    "gruppering 3-7": _grouping("TELEFON", (3, 7), "-"),
    "gruppering 2-2-2-2-2": _grouping("TELEFON", (2, 2, 2, 2, 2)),
    "radbrytning": _main_break("\n"),
    "radbrytning \\r\\n": _main_break("\r\n"),
    "radbrytning i grupp": _inner_break,
    "riktnummer (0)": _area_zero,
    "siffror i ord": _words(tens=False),
    "tiotal i ord": _words(tens=True),
    "siffror och ord": _mixed,
    "OCR O för 0": _ocr("O", "0"),
    "OCR l för 1": _ocr("l", "1"),
    "OCR I för 1": _ocr("I", "1"),
    "helbreddssiffror": _script(0xFF10),
    "arabisk-indiska siffror": _script(0x0660),
    "versaler": _email(lambda u, d: f"{u}@{d}".upper()),
    "(at)": _email(lambda u, d: f"{u}(at){d}"),
    "[at]": _email(lambda u, d: f"{u} [at] {d}"),
    "' at '": _email(lambda u, d: f"{u} at {d}"),
    "snabel-a": _email(lambda u, d: f"{u} snabel-a {d}"),
    "punkt och snabel-a": _email(lambda u, d: f"{_spoken_dots(u)} snabel-a {_spoken_dots(d)}"),
    "punkt och at": _email(lambda u, d: f"{_spoken_dots(u)} at {_spoken_dots(d)}"),
    "' @ '": _email(lambda u, d: f"{u} @ {d}"),
    "<adress>": _email(lambda u, d: f"<{u}@{d}>"),
}
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
