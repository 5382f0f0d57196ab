"""EPOST: e-mail addresses, also the writings that dodge spam harvesters."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.mail_named import find_mail_named  # PERSON before its own address
from nlp.pseudonymise.recognisers.patterns import WS
from nlp.pseudonymise.recognisers.spoken_emails import find_spoken_emails
from nlp.pseudonymise.recognisers.written_out import find_written_email

# Also the "(at)" writings people use to dodge spam harvesters.
_EMAIL = re.compile(
    # a stray space after "@" from a scanner or a copied form ("namn@ gmail.com"), or before it
    # when the first part is no word ("k.berg77 @hotmail .com"; "tack @karin.holm" is a handle)
    r"(?<![\w.+-])(?:[\w.+-]+@" + WS + r"?|(?=[\w.+-]*[^\W\d_])[\w+-]*[._\d][\w.+-]*" + WS + r"@" + WS + r"?|"
    r"[\w.+-]+" + WS + r"?(?:\(at\)|\[at\])" + WS + r"?|"
    # the at sign cut to its letter in brackets, glued to both parts: "namn.efternamn[a]forening.se"
    r"[\w.+-]+(?:\(a\)|\[a\])(?=[\w-]))[\w-]+(?:\.[\w-]+)*"
    # a scanner's stray space before the ending: "namn@example .se"
    r"(?:\.[A-Za-z]{2,}|[ ]\.(?:se|com|nu|net|org|fi|no|dk)\b)(?![\w-])",
    re.IGNORECASE,
)


# The first part of an address a line break cut ("helena.w⏎estberg@…", "<ann-britt.⏎persson@…"):
# a lowercase piece with a dot, dash or underscore, glued to the break, is no word of the text.
# The break may already read as a space (recognisers/line_breaks.py: "kerstin.lo fgren@…"); a
# sentence's last word ("oss.⏎info@…") or an abbreviation ("t.ex") has no such inner piece.
_CUT_BEFORE = re.compile(r"(?:^|(?<=[\s<(:;,\"']))(?=[a-z0-9._-]*[a-z])[a-z0-9]{3,}(?:[._-][a-z0-9]+)+[._-]?\r?[\n ]$")


def _joined_across_break(text: str, start: int) -> int:
    """Where an address found at a line's start really begins, when a break cut it."""
    if start == 0 or text[start - 1] not in "\n ":
        return start
    cut = _CUT_BEFORE.search(text, max(0, start - 40), start)
    return cut.start() if cut else start


def find_email(text: str) -> list[Span]:
    written = find_written_email(text)  # "lena punkt berg at gmail punkt com"
    if "@" not in text and "at)" not in text and "at]" not in text and "[a]" not in text and "(a)" not in text:
        return written
    return [Span(_joined_across_break(text, m.start()), m.end(), "EPOST") for m in _EMAIL.finditer(text)] + written


CATEGORY = Category(
    label="EPOST", priority=10, recognisers=(find_email, find_spoken_emails, find_mail_named), description="e-post"
)
