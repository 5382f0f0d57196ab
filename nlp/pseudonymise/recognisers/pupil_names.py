"""Names in school messages that the name rules left because the name is also a word, or written
in lower case (PERSON):

- a pupil before the class: "Bo i 6A har ont i knät", "lisa i 8B har varit hos mig", "Klara i
  NA22". A class code after "i" (a year and a letter, or a programme and a year) tells that a
  pupil is named; only a listed first name, at a sentence's or line's start or after a comma or
  "och", never a pronoun ("Vi i 9B");
- a first name that is also a word, capitalised inside a sentence, before "som" and a role at
  school or in care: "har Mina som kontaktperson och Dina som mentor", "Bo som är resurs";
  "Dina lärare" at a sentence's start and "mina tankar" stay words;
- an initial and a surname that is also a word: "Tack J. Berg", "ring K. Holm" (the initial
  rules take "J. Lindqvist" already); not after a word that takes a letter, "vitamin D. Berg";
- a form's name field in lower case, first name and surname, when the first name is also a
  pronoun: "Namn: dina björklund";
- a parent's child by a name no list has: "mamma till Oleksij (9)", "vårdnadshavare till
  Tesfamariam i 4B" (a place, "pappa till Mora-", or a word stays as it is).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import function_words, sentence_start

_SP = r"[ \u00a0]"
_CLASS = r"(?:\d{1,2}[A-ZÅÄÖa-zåäö]{1,2}|[A-ZÅÄÖ]{2}\d{2}[a-z]?)"
_PUPIL = re.compile(
    r"(?<![\w-])(?P<name>[" + CAP + LOW + r"][" + LOW + r"]+)" + _SP + r"i" + _SP + _CLASS + r"(?![\w-])"
)
_OPENS = re.compile(r"(?:^|[.!?:,;\n]|\boch)[ \t\u00a0]*$")
_ROLES = (
    r"mentor|kontaktperson|kurator|resurs|lärare|klasslärare|handledare|assistent|elevassistent|"
    r"specialpedagog|skolsköterska|stödperson|samtalskontakt|behandlare|socialsekreterare"
)
_AS_ROLE = guarded(
    r"(?<![\w-])(?P<name>[" + CAP + r"][" + LOW + r"]+)" + _SP + r"+som" + _SP + r"+(?:är" + _SP + r"+)?"
    r"(?:min" + _SP + r"+|hennes" + _SP + r"+|hans" + _SP + r"+|vår" + _SP + r"+)?(?:" + _ROLES + r")(?![\w-])"
)
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.-])[" + CAP + r"]\." + _SP + r"(?P<surname>[" + CAP + r"][" + LOW + r"]{2,})(?![\w-])"
)
_TAKES_LETTER = re.compile(
    r"(?i:vitamin|typ|nivå|plan|sal|rum|hus|avd|bilaga|grupp|klass|steg|fas|del|trappa|port|hepatit)" + _SP + r"+$"
)
_NAME_FIELD = re.compile(
    r"(?i:namn)" + _SP + r"*:" + _SP + r"*(?P<name>[" + LOW + r"]{2,}" + _SP + r"[" + LOW + r"]{3,})(?![\w-])"
)


_CHILD_OF = guarded(
    r"(?<![\w-])(?i:mamma|pappa|förälder|vårdnadshavare|mor|far|mamman|pappan)" + _SP + r"+till" + _SP + r"+"
    r"(?P<name>[" + CAP + r"][" + LOW + r"]{2,})(?![\w-])"
)


def _rare_sv(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return zipf_frequency(word.lower(), "sv") < 3.0


def _first(word: str) -> bool:
    return lists.listed_first_name(word) and word.lower() not in function_words()


def _surname(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and info.last


def find_pupil_names(text: str) -> list[Span]:
    out = []
    if " i " in text:
        for m in _PUPIL.finditer(text):
            name = m.group("name")
            if _first(name) and _OPENS.search(text, max(0, m.start() - 6), m.start()):
                out.append(Span(m.start(), m.end("name"), "PERSON"))
    for m in _AS_ROLE.finditer(text):
        if _first(m.group("name")) and not sentence_start(text, m.start()):
            out.append(Span(m.start(), m.end("name"), "PERSON"))
    if ". " in text:
        for m in _INITIAL_SURNAME.finditer(text):
            if _surname(m.group("surname")) and not _TAKES_LETTER.search(text, max(0, m.start() - 12), m.start()):
                out.append(Span(m.start(), m.end(), "PERSON"))
    for m in _CHILD_OF.finditer(text):
        name = m.group("name")
        if name not in lists.places() and name.lower() not in function_words() and _rare_sv(name):
            out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    if ":" in text:
        for m in _NAME_FIELD.finditer(text):
            first, last = re.split(_SP, m.group("name"), maxsplit=1)
            if lists.listed_first_name(first) and _surname(last):
                out.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return out
