"""The values and shapes of the direct identifier shape matrix (direct_identifier_shapes.py).

Invented base values per direct category, and the writings people give them: separators,
groupings, line breaks, odd spaces, "(0)", digits as words, OCR slips, other scripts' digits,
the e-mail dodges. A shape renders a value or says it does not apply (None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stdnum import luhn


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
