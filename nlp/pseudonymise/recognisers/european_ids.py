"""Personal identity numbers of the countries people in Sweden come from, commute to or get care
in, read as PERSONNUMMER (the Nordic neighbours' are in nordic_ids.py).

python-stdnum validates each (date part, check digits). A format is found on its shape and validity
alone when a chance match is rare: measured as the share of random strings of its writing that
pass the validator (200,000 drawn per format), about 1 in 250 or rarer for a plain run of
digits, or a writing nothing else in our texts shares (fixed letters, a fixed prefix, a slash
after a date) with a check on top; and on the 10,000 real reviews and the dev set the rule
found nothing. Those formats are (1 in N random strings of the writing pass):

- Estonian isikukood and Lithuanian asmens kodas (11 digits, century digit, date, mod 11): 272;
- Romanian CNP (13 digits, date, mod 11): 469; Belgian national number (date, mod 97): 595;
- French NIR (15 digits: sex, year, month, place, key mod 97): 97 of those led by 1 or 2,
  about 500 of random 15 digits;
- Czech and Slovak rodné číslo written with its slash ("710319/2745", mod 11): 50, on a
  writing nothing else shares;
- Italian codice fiscale (16 letters and digits in a fixed order): 33; Spanish NIE ("X2482300W",
  a series letter, 7 digits, a check letter): 26; Swiss AHV number ("756." and an EAN-13
  check): 10 of those led by 756.

The others need a word naming them just before ("PESEL", "NHS number", "BSN", "DNI",
"kennitala", "Steuer-ID", "polskt personnummer", "personnummer från Polen" …): their checks are
weak on a plain run of digits or their shape is a common number's: Polish PESEL (54), Turkish
T.C. kimlik (104), Spanish DNI (26), Dutch BSN (11), UK NHS number (11, a Swedish phone's or
personnummer's length), Latvian personas kods (17: since 2017 without a date), German
Steuer-IdNr (263: at the limit, with no date), Icelandic kennitala (784, but the Danish and Swedish shape), the
UK National Insurance number (no check at all) and a rodné číslo without its slash. A label
word also admits a number whose check fails (a typo is still the person's number), and a
number the sentence calls an order, invoice or case number stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.be import nn
from stdnum.ch import ssn
from stdnum.cz import rc
from stdnum.de import idnr
from stdnum.ee import ik
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.is_ import kennitala
from stdnum.it import codicefiscale
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.ro import cnp
from stdnum.tr import tckimlik

from nlp.core import Span
from nlp.pseudonymise.recognisers.foreign_number_words import FOREIGN_OTHER_NUMBER
from nlp.pseudonymise.recognisers.patterns import OTHER_NUMBER, says_other_number


@dataclass(frozen=True)
class _Format:
    name: str
    shape: re.Pattern[str]
    valid: Callable[[str], bool]
    shape_only: bool  # found on shape and validity alone (see the module's docstring)


def _shape(body: str) -> re.Pattern[str]:
    # not inside a longer number, code or phone number ("+48 …", "3.1.1-04521", "12/34")
    return re.compile(r"(?<![\w.,/+-])(?:" + body + r")(?![\w-]|[.,/]\d)")


def _nino(number: str) -> bool:
    # HMRC's rules of the prefix (no D, F, I, Q, U, V; O not second; some pairs never issued)
    compact = re.sub(r"\s", "", number).upper()
    return compact[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


_FORMATS = (
    _Format("isikukood/asmens kodas", _shape(r"[1-6]\d{10}"), lambda n: ik.is_valid(n) or asmens.is_valid(n), True),
    _Format("CNP", _shape(r"[1-8]\d{12}"), cnp.is_valid, True),
    _Format("rodné číslo", _shape(r"\d{6}[ ]?/[ ]?\d{4}"), rc.is_valid, True),
    _Format(
        "codice fiscale",
        _shape(r"(?i:[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPR-T][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z])"),
        lambda n: codicefiscale.is_valid(n.upper()),
        True,
    ),
    _Format("NIE", _shape(r"[XYZ][ -]?\d{7}[ -]?[A-Z]"), nie.is_valid, True),
    _Format("NIR", _shape(r"[12][ ]?\d\d[ ]?[0-9]\d[ ]?(?:\d\d|2[AB])[ ]?\d{3}[ ]?\d{3}[ ]?\d\d"), nir.is_valid, True),
    _Format("AHV", _shape(r"756[.]?\d{4}[.]?\d{4}[.]?\d\d"), ssn.is_valid, True),
    _Format("rijksregisternummer", _shape(r"\d\d[.]\d\d[.]\d\d[-.]\d{3}[.]\d\d|\d{11}"), nn.is_valid, True),
    _Format("PESEL", _shape(r"\d{11}"), pesel.is_valid, False),
    _Format("T.C. kimlik", _shape(r"[1-9]\d{10}"), tckimlik.is_valid, False),
    _Format("DNI", _shape(r"\d{8}[ -]?[A-Z]|\d\d[.]\d{3}[.]\d{3}[ -]?[A-Z]"), dni.is_valid, False),
    _Format("BSN", _shape(r"\d{9}|\d{4}[. ]\d\d[. ]\d{3}"), bsn.is_valid, False),
    _Format("Steuer-IdNr", _shape(r"[1-9]\d(?:[ ]?\d{3}){3}"), idnr.is_valid, False),
    _Format("NHS number", _shape(r"\d{3}[ -]?\d{3}[ -]?\d{4}"), nhs.is_valid, False),
    _Format(
        "National Insurance number",
        _shape(r"(?i:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ ]?\d\d[ ]?\d\d[ ]?\d\d[ ]?(?i:[A-D])"),
        _nino,
        False,
    ),
    _Format("kennitala", _shape(r"[0-7]\d[01]\d{3}-?\d{4}"), kennitala.is_valid, False),
    _Format("rodné číslo", _shape(r"\d{10}|\d{6}[ ]?/[ ]?\d{3}"), rc.is_valid, False),
    _Format("personas kods", _shape(r"\d{6}-?\d{5}"), pvn.is_valid, False),
)

# The number's own name, in Swedish or its country's language, ending the label: the label is
# read by `says_other_number`, which allows a few small words between it and the number
# ("PESEL: …", "numer PESEL …", "mitt polska personnummer är …"). Lower case: matched lowered.
_NATIONALITY = (
    r"polsk|estnisk|estländsk|lettisk|litauisk|tysk|holländsk|nederländsk|tjeckisk|slovakisk|italiensk|"
    r"spansk|fransk|brittisk|engelsk|isländsk|rumänsk|turkisk|schweizisk|belgisk|utländsk"
)
# "id-kod" (Estonian isikukood, Latvian personas kods read word for word) is one of them
_ID_WORD = (
    r"person-?n(?:umme)?r|personnumret|id-?nummer|id-?numret|id-?nr|identitetsnummer|personkod|personbeteckning|"
    r"id-?kod\w*|identitetskod\w*"
)
_LABEL = re.compile(
    r"(?:pesel|isikukood|asmens\s+kod\w*|personas\s+kod\w*|steuer-?id\w*|steuerliche\s+identifikationsnummer|"
    r"identifikationsnummer|\bidnr|\bbsn|burgerservicenummer|rodné\s+číslo|rodne\s+cislo|rodného\s+čísla|"
    r"codice\s+fiscale|\bdni\b|\bnie\b|\bnir\b|sécurité\s+sociale|securite\s+sociale|\binsee\b|"
    r"nhs(?:\s+|-)?(?:number|no\b\.?|nr\b\.?|nummer|numret)|national\s+insurance(?:\s+number|\s+no\b\.?)?|\bnino\b|"
    r"\bni\s+number|kennitala|kennitölu|\bcnp\b|cod\s+numeric\s+personal|kimlik(?:\s+no\b\.?|\s+numarası)?|"
    r"\bahv(?:-?nummer|-?nr)?|\bavs\b|rijksregisternummer|numéro\s+national|"
    r"(?:" + _NATIONALITY + r")\w*\s+(?:" + _ID_WORD + r")|"
    r"(?:" + _ID_WORD + r")\s+(?:från|i)\s+\w+"
    # the verb after the name in the languages it is written in ("My NHS number is …", "BSN is …")
    r")(?:\s+(?:is|was|ist|war|est|es|jest|er|on|è))?"
)
_OTHER = re.compile(OTHER_NUMBER.pattern + "|" + FOREIGN_OTHER_NUMBER)
# what every format's writing holds: six digits in a row, three pairs or two triples of digits
# with separators, or the codice fiscale's six letters and two digits. Most texts hold none,
# and the eighteen shapes are not tried on them.
_PAIR = re.compile(r"\d\d")
_DIGITS = re.compile(r"\d{6}|\d\d[ .\-/]?\d\d[ .\-/]\d\d|\d{3}[ .\-/]\d{3}|\d{3,4}[ .]\d\d[ .]|[A-Za-z]{6}\d\d")


def _labelled(text: str, start: int) -> bool:
    return says_other_number(text, start, _LABEL)


def _valid(fmt: _Format, number: str) -> bool:
    try:
        return bool(fmt.valid(number))
    except Exception:  # a validator's own error on an odd writing is a failed check
        return False


def find_european_ids(text: str) -> list[Span]:
    """Foreign personal identity numbers (see the module's docstring)."""
    if not (_PAIR.search(text) and _DIGITS.search(text)):  # the cheap test first
        return []
    spans: list[Span] = []
    for fmt in _FORMATS:
        for m in fmt.shape.finditer(text):
            if _labelled(text, m.start()) or (
                fmt.shape_only and _valid(fmt, m.group(0)) and not says_other_number(text, m.start(), _OTHER)
            ):
                spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    return spans
