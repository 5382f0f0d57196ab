"""Schools named in ways the school rules (named_with_place.py) did not read (ORGANISATION, one span).

- after a person, with the first name before the compound: "Anna Lindhgymnasiet", "Olof
  Rudbeckskolan". The first name was read as a PERSON and the rest as the school; it is the
  school's name, and no one is named. Only a listed first name, capitalised, right before a
  capitalised compound on "-skolan"/"-gymnasiet" (one space between);
- by an adjective or a genitive before the school word: "Rudbeckianska gymnasiet", "Norrtullska
  gymnasiet", "Sollentunas samskola". The adjective ("-ianska") was read as a hospital's
  ("Sahlgrenska"); a genitive is a school only when it is a place or no lexicon explains it, so
  "Hennes skola", "Barnens skola" and "Svenska skolan" stay as they are;
- a compound of two names with a hyphen: "Vretsta-Eklundagymnasiet", "Sankt-Eriksskolan";
- in capitals, as forms write it: "LÖNNBACKASKOLAN", "NORRSTRANDSGYMNASIET" (not the kinds,
  "GRUNDSKOLAN", "FÖRSKOLAN", "HÖGSKOLAN").
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import plain_word, sentence_start, unknown_word

_SP = r"[ \u00a0]"
_AFTER_PERSON = guarded(
    r"(?<![\w-])(?P<first>[" + CAP + r"][" + LOW + r"]+)" + _SP + r"(?P<school>[" + CAP + r"][" + LOW + r"]{2,}"
    r"(?:skolan|gymnasiet))(?![\w-])"
)
_ADJECTIVE = guarded(
    r"(?<![\w-])(?P<name>[" + CAP + r"][" + LOW + r"]{3,}(?:ianska|eanska|ska|s))" + _SP + r"+"
    r"(?:gymnasiet|gymnasium|samskola|samskolan|läroverket|läroverk|realskola|friskola)(?![\w-])"
)
_HYPHENED = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{2,}-[" + CAP + r"][" + LOW + r"]{2,}(?:skolan|gymnasiet)(?![\w-])"
)
_SHOUTED = guarded(r"(?<![\w-])(?P<name>[" + CAP + r"]{3,})(?:SKOLAN|GYMNASIET)(?![\w-])")
_KIND_STEMS = frozenset("GRUND FÖR HÖG FOLKHÖG SÄR GRUNDSÄR GYMNASIESÄR FRI SOMMAR KÖR RID TRAFIK MUSIK".split())


def _first_name(word: str) -> bool:
    return lists.listed_first_name(word) and word not in lists.places()


def _named(word: str) -> bool:
    """A place or a word no lexicon explains, in the genitive or the adjective's form."""
    stem = word[:-1] if word.endswith("s") else word
    if stem in lists.places():
        return True
    if word.endswith("ianska") or word.endswith("eanska"):
        return unknown_word(word)
    return not plain_word(word.lower()) and unknown_word(word) and unknown_word(stem)


def find_school_names(text: str) -> list[Span]:
    if "skol" not in text and "gymnasi" not in text and "SKOLAN" not in text and "GYMNASIET" not in text:
        return []
    out = [
        Span(m.start(), m.end(), "ORGANISATION") for m in _AFTER_PERSON.finditer(text) if _first_name(m.group("first"))
    ]
    out += [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in _ADJECTIVE.finditer(text)
        if _named(m.group("name")) and not sentence_start(text, m.start())
    ]
    out += [Span(m.start(), m.end(), "ORGANISATION") for m in _HYPHENED.finditer(text)]
    out += [
        Span(m.start(), m.end(), "ORGANISATION")
        for m in _SHOUTED.finditer(text)
        if m.group("name") not in _KIND_STEMS and not plain_word(m.group(0).lower())
    ]
    return out
