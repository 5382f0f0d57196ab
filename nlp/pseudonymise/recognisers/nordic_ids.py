"""Our neighbours' personal identity numbers, read as PERSONNUMMER.

People who live near a border, came from Finland or Norway, or get care on both sides write
their Finnish henkilötunnus ("131052-308T"), Norwegian fødselsnummer ("151086 95088") or Danish
CPR number ("211062-5629"). Each points at one person as surely as a Swedish personnummer.
python-stdnum validates all three (date part and check characters): a valid Finnish or
Norwegian number is found on its shape alone, since its check characters make a chance match
rare (1 in 31, 1 in 121, on top of a real date). A Danish number has had no check digit since
2007 and its shape is the Swedish one read backwards, so it is found only after a word naming
it ("CPR-nr", "dansk personnummer"); the same label word also admits a Finnish or Norwegian
number whose check fails (a typo is still that person's number).
"""

from __future__ import annotations

import re

from stdnum.fi import hetu
from stdnum.no import fodselsnummer

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import before, says_other_number

# DDMMYY, the century sign (-, + or A; since 2023 also B–F and U–Y), three digits, a check character
_HETU = re.compile(r"(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![\w-])", re.IGNORECASE)
# DDMMYY and five digits, one space or a dash allowed after the date part ("151086-95088")
_FODSELSNUMMER = re.compile(r"(?<![\w-])\d{6}[ \u00a0-]?\d{5}(?![\w-])")
# DDMMYY-SSSS
_CPR = re.compile(r"(?<![\w-])\d{6}-?\d{4}(?![\w-])")
# Norway's own short forms count: "fnr" (fødselsnummer) and "D-nummer", the number a foreign
# worker gets (its day plus 40); and a neighbour's nationality before a plain "nummer" or
# "D-nummer" ("mitt norska nummer …"), since no phone of theirs has these shapes.
_LABEL = re.compile(
    r"(?i:henkilötunnu\w*|hetu\b|sotu\b|fødsels(?:nummer|nr)|fødselsnumm\w*|födelsenummer|cpr\b|cpr-n\w*|"
    r"\bfnr\b|\bd-?nummer\w*|\bd-nr\b|"
    r"(?:finsk|finländsk|norsk|dansk)\w*\s+(?:personnummer|person-?nr|id-?nummer|(?:d-)?nummer\b))"
)


def _labelled(text: str, start: int) -> bool:
    return bool(_LABEL.search(before(text, start, 50)))


def _valid_here(valid: bool, text: str, start: int) -> bool:
    # a number the sentence calls an order or case number is that, even when its checks pass
    return _labelled(text, start) or (valid and not says_other_number(text, start))


def find_nordic_ids(text: str) -> list[Span]:
    """Finnish, Norwegian and Danish personal identity numbers (see the module's docstring)."""
    spans: list[Span] = []
    for m in _HETU.finditer(text):
        if _valid_here(hetu.is_valid(m.group(0).upper()), text, m.start()):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    for m in _FODSELSNUMMER.finditer(text):
        if _valid_here(fodselsnummer.is_valid(m.group(0).replace("\u00a0", " ")), text, m.start()):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    for m in _CPR.finditer(text):
        if _labelled(text, m.start()):
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    return spans
