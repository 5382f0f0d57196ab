"""Names a letter's own layout gives away: the whole line under a closing greeting when it
starts with a first name ("Med vänlig hälsning⏎Britt-Inger Ek Lind", a last name that is also
a word included), and two name-like words opening a contact line before "tel", "tfn",
"mobil" or "e-post" ("Oksana Kovalenko, tel +380 …"), and a first name signing a message before
its phone number at the very end ("… svarat? Sanna 0739-112233")."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import namelike
from nlp.pseudonymise.recognisers.patterns import CAPWORD
from nlp.pseudonymise.recognisers.words import ROLE_SUFFIXES, TITLES

_CLOSING_LINE = re.compile(
    r"(?im)^[ \t]*(?:med[ \t]+vänlig[a]?[ \t]+hälsning(?:ar)?|vänliga[ \t]+hälsningar|hälsningar|mvh)[ \t,.!]*\n"
    r"[ \t]*(?P<name>" + CAPWORD + r"(?:[ \t]+" + CAPWORD + r"){1,3})[ \t]*$"
)
_CONTACT_LINE = re.compile(
    r"(?m)^[ \t]*(?P<name>" + CAPWORD + r"[ \t]+" + CAPWORD + r")[ \t]*,?[ \t]*"
    r"(?i:tel|tfn|telefon|mobil|mob|e-post|epost|mejl)\b"
)


# a message signed on its own last line with a first name and an age, as chats and forms
# are: "…bestäm er.⏎linnea 19", "⏎/omar, 16" (a lowercase name, even one that is also a word)
# (possessive runs of spaces: a line of blanks must not be tried every way)
_NAME_AGE_LAST_LINE = re.compile(
    r"\n[ \t]*+(?:/[ \t]*+)?(?P<name>[A-Za-zåäöÅÄÖé]{2,}+)(?:[ \t]*+,[ \t]*+|[ \t]++)(?P<age>\d{1,3})[ \t.!]*+$"
)

# a message signed at its very end with a first name and a phone number, the name one that is
# also a word: "…varför har ingen svarat? Sanna 0739-112233" (after a sentence or on its own line)
_NAME_PHONE_END = re.compile(
    r"(?:[.!?]|\n)[ \t]*+(?P<name>" + CAPWORD + r")[ \t]*+,?[ \t]*+\+?[0-9][0-9 -]{6,14}[0-9][ \t.!]*+$"
)


def _first_name(word: str) -> bool:
    info = lists.names().get(word.split("-")[0].lower())
    return info is not None and bool(info.first_sv or info.first_other)


def _role(word: str) -> bool:
    low = word.lower()
    return low in TITLES or low.endswith(ROLE_SUFFIXES) or low.endswith(("are", "aren"))


def find_signature_lines(text: str) -> list[Span]:
    """The signature line under a closing greeting, and a contact line's name."""
    spans = []
    m = _NAME_PHONE_END.search(text[-60:])
    if m and _first_name(m.group("name")):
        offset = max(0, len(text) - 60)
        spans.append(Span(offset + m.start("name"), offset + m.end("name"), "PERSON"))
    if "\n" not in text:
        return spans
    for m in _CLOSING_LINE.finditer(text):
        words = m.group("name").split()
        if _first_name(words[0]) and not any(_role(w) for w in words[1:]):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    m = _NAME_AGE_LAST_LINE.search(text)
    if m and _first_name(m.group("name")) and 5 <= int(m.group("age")) <= 110:
        spans += [Span(m.start("name"), m.end("name"), "PERSON"), Span(m.start("age"), m.end("age"), "ALDER")]
    for m in _CONTACT_LINE.finditer(text):
        words = m.group("name").split()
        if all(namelike(w, False) and w not in lists.places() for w in words):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans
