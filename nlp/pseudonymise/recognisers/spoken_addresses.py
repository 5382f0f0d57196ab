"""Addresses said aloud: a street with its house number in words, then perhaps the postcode
in words and the town ("Lindvägen nitton c sex åttiotre tolv Hova"), and a postcode said
after being asked for ("och postnumret? – fyra fyra tre trettioett").

The street is the usual street shape (a street word ends it); the house number is one
number word (1–999) and a house letter may follow; a postcode is the next number words
that make exactly five digits, not starting with 0, however they were grouped ("sex sex
fyra trettiotre", "sexhundrasextiofem trettio", "sex femtio elva"). A capitalised word or a
listed town straight after a spoken postcode is the town. Reports ADRESS, POSTNUMMER and ORT.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.number_words import Said, exact_prefix, read_run
from nlp.pseudonymise.recognisers.patterns import (
    CAP,
    LOW,
    QUANTITY_UNIT,
    STREET_SUFFIX,
)
from nlp.pseudonymise.recognisers.prefilter import guarded

_POSITION = r"(?:Stora|Lilla|Norra|Södra|Östra|Västra|Övre|Nedre|Gamla|Nya|stora|lilla|norra|södra|östra|västra)"
# "Sockerbruksvägen", "Norra Allén", "storgatan" (lowercase only with the common street words)
_STREET_PATTERN = (
    r"(?<![\w-])(?:(?:"
    + _POSITION
    + r"[ ]+)?["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + STREET_SUFFIX
    + r")|"
    + _POSITION
    + r"[ ]+(?:[Aa]llén|[Tt]orget|[Gg]atan|[Vv]ägen|[Gg]ränd|[Bb]acken|[Ss]tigen|[Pp]latsen)|["
    + LOW
    + r"]{2,}(?:gatan|vägen|gränd|torget|stigen|backen|allén))[ ]+"
)
# Searched in a window before each street word (below); the guard's test of the whole text is
# made once per text, not per window (per window it made a long cell quadratic).
_STREET = re.compile(_STREET_PATTERN)
_ANY_STREET = guarded(_STREET_PATTERN)
_STREET_WORD = re.compile(r"(?:" + STREET_SUFFIX + r"|Allén|Torget|Gatan|Vägen|Gränd|Backen|Stigen|Platsen)[ ]+")
# what a number after a street word may count instead of a house: "Storgatan tre gånger"
_NOT_HOUSE = re.compile(r"[ ]+" + QUANTITY_UNIT)
_LETTER = re.compile(r"[ ]?([a-hA-H])(?![\w-])")
_GAP = re.compile(r"[ ,]+")
_FLAT = re.compile(r"(?:lägenhet|lägenhetsnummer|lgh|lägenhetsnr)[ .]+", re.IGNORECASE)
_TOWN = re.compile(
    r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?(?![\w-])|[" + LOW + r"]{2,}(?![\w-])"
)
# a postcode asked for and given in the next turn: "postnumret\nIP: sex sex fyra trettiotre"
_ASKED = guarded(r"(?i:post\s?(?:nummer|numret|numren|nr))[ ?:.,]*(?:\n[^\n:]{0,25}:)?[ ]*")


def _postcode(text: str, pos: int) -> list[Span]:
    """A postcode in number words at `pos` and the town after it, if one is there."""
    words = read_run(text, pos, limit=5)
    n = exact_prefix(words, 5, 5)
    if not n or words[0].digits.startswith("0"):
        return []
    end = words[n - 1].end
    if n < len(words) and words[n].start - end < 3:
        return []  # more numbers follow: a longer number, not a postcode
    spans = [Span(words[0].start, end, "POSTNUMMER")]
    gap = _GAP.match(text, end)
    town = _TOWN.match(text, gap.end()) if gap else None
    if town is not None:
        word = town.group(0)
        known = lists.places().get(word.capitalize()) is not None
        if known or (word[0].isupper() and word.lower() not in SWEDISH_STOP_WORDS):
            spans.append(Span(town.start(), town.end(), "ORT"))
    return spans


def _after_flat(text: str, pos: int) -> int:
    """Past a flat number said after the house ("lägenhet elva noll två"): it is no part of
    the address, but the postcode may come after it."""
    flat = _FLAT.match(text, pos)
    if flat is None:
        return pos
    words = read_run(text, flat.end(), limit=4)
    n = exact_prefix(words, 4, 4)
    if not n:
        return pos
    gap = _GAP.match(text, words[n - 1].end)
    return gap.end() if gap else pos


def _house(words: list[Said]) -> bool:
    first = words[0].digits if words else ""
    return bool(first) and not first.startswith("0") and len(first) <= 3


def _streets(text: str) -> list[re.Match[str]]:
    """The street patterns's matches, looked for only where a street word and a space end
    before a number word: the pattern opens with a look-behind and would be tried at every
    character, the street word alone is found by a scan for its first letters."""
    out: list[re.Match[str]] = []
    if not _ANY_STREET.may_match(text):
        return out
    for hit in _STREET_WORD.finditer(text):
        if not read_run(text, hit.end(), limit=1):
            continue
        m = _STREET.search(text, max(0, hit.start() - 60), hit.end())
        while m is not None and m.end() != hit.end():
            m = _STREET.search(text, m.start() + 1, hit.end())
        if m is not None:
            out.append(m)
    return out


def find_spoken_addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _streets(text):
        words = read_run(text, m.end(), limit=6)
        if not _house(words) or text[words[0].start : words[0].end].lower() == "en":
            continue  # "på Storgatan en gång": the article
        end = words[0].end
        if _NOT_HOUSE.match(text, end) or re.match(r"\.\d+\.\d", text[end : end + 8]):
            continue  # "Uppdateringen 4.3.0": a version, "-ringen" a street's ending
        letter = _LETTER.match(text, end)
        if letter is not None:
            end = letter.end()
        spans.append(Span(m.start(), end, "ADRESS"))
        gap = _GAP.match(text, end)
        if gap is not None:
            spans.extend(_postcode(text, _after_flat(text, gap.end())))
    for m in _ASKED.finditer(text):
        spans.extend(s for s in _postcode(text, m.end()) if s.label == "POSTNUMMER")
    return spans
