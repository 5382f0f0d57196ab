"""Sports clubs and local associations named by their form (ORGANISATION): "Mora IK",
"Kalmar Södra IK", "Umeå IK FF", "IFK Norrköping", "BK Häcken", "Sandvikens AIK Bandy", and an
association named by its town and its compound head ("Göteborgs Schackförbund").

A Swedish club's name is its place (or its own name) and the abbreviation of its legal form:
"IF" idrottsförening, "IK" idrottsklubb, "SK" sportklubb, "FF" fotbollsförening and so on. The
abbreviations are a closed class, as "AB" is for companies; the club points at its members,
a child's team, its coach. The team's class after it ("P09", "U16", "F12") is no part of the name.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar

# the forms of Swedish sports associations, written as their abbreviations (case matters:
# "if" and "ok" are words; "FK" is Försäkringskassan's and "SSK" a nurse's, so neither is here)
_FORM = r"(?:IF|IK|SK|FF|BK|FC|HC|HF|HK|IBK|IBF|GIF|AIK|AIF|IFK|BoIS|GoIF|SoIK|BIK|DIF|KIF|BTK|FBK|HBK|GIK)"
# a club's section after its name: "Sandvikens AIK Bandy", "Hammarby IF Fotboll"
_SECTION = r"(?:Bandy|Fotboll|Hockey|Ishockey|Handboll|Innebandy|Friidrott|Basket|Volleyboll|Simning|Brottning)"
_AFTER = r"(?:" + WS + r"+" + _FORM + r")?(?:" + WS + r"+" + _SECTION + r")?(?![\w-])"
# "Mora IK", "Kalmar Södra IK", "Hovås Billdal IF": one to three capitalised words, then the form
_FORM_AFTER = guarded(
    r"(?<![\w-])(?P<words>" + CAPWORD + r"(?:" + WS + r"+" + CAPWORD + r"){0,2})" + WS + r"+" + _FORM + _AFTER
)
# "IFK Norrköping", "BK Häcken", "IK Sirius": the form first, then one or two capitalised words
_FORM_BEFORE = guarded(
    r"(?<![\w-])" + _FORM + WS + r"+(?P<words>" + CAPWORD + r"(?:" + WS + r"+" + CAPWORD + r")?)" + _AFTER
)
# "Göteborgs Schackförbund", "Malmö Kanotklubb": a known town (or its genitive) before a
# capitalised compound whose head is an association's
_TOWN_ASSOCIATION = guarded(
    r"(?<![\w-])(?P<town>[" + CAP + r"][" + LOW + r"]+)" + WS + r"+[" + CAP + r"][" + LOW + r"]{2,}"
    r"(?:förbund|förbundet|förening|föreningen|klubb|klubben|sällskap|sällskapet|allians)(?![\w-])"
)


def _words_kept(words: list[str]) -> list[str]:
    """The club's own words: a sentence's first word ("Vi", "Tack") is no part of the name."""
    while words and function_words_or_calendar(words[0]) and words[0] not in lists.places():
        words = words[1:]
    return words


def find_sports_clubs(text: str) -> list[Span]:
    out = []
    for m in _FORM_AFTER.finditer(text):
        tokens = list(re.finditer(r"\S+", m.group("words")))
        kept = _words_kept([t.group(0) for t in tokens])
        if kept:
            out.append(Span(m.start("words") + tokens[len(tokens) - len(kept)].start(), m.end(), "ORGANISATION"))
    for m in _FORM_BEFORE.finditer(text):
        words = m.group("words").split()
        info = lists.names().get(words[0].lower())
        first = info is not None and (info.first_sv or info.first_other) and words[0] not in lists.places()
        # "USK Ingrid" is a title and a name; "IK Viking", "IFK Göteborg" are clubs (a town as
        # frequent as a word is still the club's town, as in `_words_kept`)
        common = function_words_or_calendar(words[0]) and words[0] not in lists.places()
        if not common and not first:
            out.append(Span(m.start(), m.end(), "ORGANISATION"))
    for m in _TOWN_ASSOCIATION.finditer(text):
        town = m.group("town")
        if town in lists.places() or (town.endswith("s") and town[:-1] in lists.places()):
            out.append(Span(m.start(), m.end(), "ORGANISATION"))
    return out
