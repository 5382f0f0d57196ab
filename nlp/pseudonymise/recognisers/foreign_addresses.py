"""Street addresses as they are written in the countries around us, with their postcode and town:
"Storgata 12, 0155 Oslo", "Nørrebrogade 45, 2200 København N", "Mannerheimintie 5 A 12, 00100
Helsinki", "ul. Długa 5/7, 00-238 Warszawa", "Hauptstraße 3, 10115 Berlin", "Calle Mayor 10,
28013 Madrid", "12 Baker Street, London NW1 6XE" (ADRESS, POSTNUMMER, ORT).

The Swedish rules (categories/adress.py, postnummer.py) know Swedish street words, Swedish
letters and the Swedish postcode "NNN NN". Care abroad, relatives abroad and people who moved
here bring three other kinds of construction:

- a street word of a neighbouring language ending the street's name ("-gate", "-gade", "-vej",
  "-katu", "-tie", "-straße", "-straat", "-iela") or standing after it as a word of its own
  ("Karl Johans gate", "Berliner Str.", "Baker Street", the English number first);
- a street word before the name ("ul.", "Calle", "Rue", "Via", "Rua"): the word that is also an
  ordinary word ("Via", "Place", "Corso", "Largo") only when a postcode and a town follow;
- house numbers with a staircase and a flat ("5 A 12"), a building and a flat ("5/7") or a floor
  and a door after a comma ("22, 1. th.", "15, 3º B"), and the
  postcode shapes of the countries' postal specifications next to their town: four digits
  (Norway, Denmark, Austria, Switzerland, Belgium), five (Finland, Germany, France, Italy,
  Spain, Estonia), "NN-NNN" (Poland), "NNNN AA" (the Netherlands), "NNNN-NNN" (Portugal),
  an optional country prefix ("D-", "DK-", "FI-") left outside, and the British postcode
  after its town. The town after the postcode is ORT, with a postal district letter
  ("København N").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import STREET_SUFFIX
from nlp.pseudonymise.recognisers.prefilter import PerText, guarded

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĢĪĮĶĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CAP = r"[" + _UP + r"][^\W\d_]+"
_S = r"[ \u00a0]"
# the name's last part ends in the street word, in the neighbouring languages' spellings; each
# with the space after it, so that the prefilter's strings are "tie " and "gate ", not the "tie"
# of "patient" (see prefilter.py)
_SUFFIX = "|".join(
    word + " "
    for word in (
        r"gate gata gaten gade vej vejen veien vei vegen veg allé katu tie kuja polku raitti straße strasse str\. "
        r"weg gasse allee platz ufer straat laan gracht plein iela gatvė prospektas tänav maantee puiestee utca"
        r" ulice"
    ).split()
)
_AFTER_WORD = "|".join(
    word + " "
    for word in (
        r"[Gg]ate [Gg]ade [Vv]ej [Vv]ei [Vv]eg [Aa]llé [Pp]lass [Tt]orv Straße Strasse Str\. Weg Platz Allee "
        r"Street Road Rd\. Avenue Ave\. Lane Square Gardens Crescent Terrace"
    ).split()
)
# words before the name that nothing else is written as ("C/Mayor" has no space)
_BEFORE_WORD = "C/ ?|" + "|".join(
    word + " "
    for word in (
        r"ul\. ulica ulicy (?<!et[ ])al\. aleja os\. pl\. plac Calle Avenida Avda\. Paseo Carrer Viale Piazza "
        r"Rue Boulevard Bd Chemin Allée Quai Rua Travessa Strada"
    ).split()
)
# before-words that are ordinary words too ("Via Skype 3 gånger"): only with a postcode after
_BEFORE_WORD_AMBIGUOUS = r"Via|Place|Corso|Largo|Plaza|Avenue|Av\."
_PARTICLE = r"(?:de|del|de la|di|da|dos|do|des|du|della|von|van|der)"
_NAME = r"(?:" + _PARTICLE + _S + r")?" + _CAP + r"(?:" + _S + r"(?:" + _PARTICLE + _S + r")?" + _CAP + r"){0,2}"
_HOUSE = (
    r"\d{1,4}[A-Za-z]?(?![\w])"
    r"(?:" + _S + r"?[-/]" + _S + r"?\d{1,4}[A-Za-z]?(?!\w))?"  # "5/7", "12-14"
    r"(?:" + _S + r"[A-H](?:" + _S + r"\d{1,3})?(?![\w]))?"  # "5 A 12": staircase and flat
    # the floor and the door after a comma: Danish "22, 1. th." ("st. tv.", "3. mf."), Spanish
    # "15, 3º B" ("2º 1ª", "1º izq.")
    r"(?:,?" + _S + r"(?:(?:\d{1,2}\.|st\.)" + _S + r"?(?:th|tv|mf)\.?"
    r"|\d{1,2}[ºª°](?:" + _S + r"?(?:[A-H]|\d{1,2}[ºª]|izq(?:da)?\.?|dcha\.?|der\.?))?)(?![\w]))?"
)
# a street's name up to its house number and the space before it, by where its street word stands
_STREET_NAME = (
    r"(?:"
    + _CAP
    + r"(?:"
    + _S
    + _CAP
    + r")?(?i:"
    + _SUFFIX
    + r")|(?:"
    + _CAP
    + _S
    + r"){1,2}(?:"
    + _AFTER_WORD
    + r")|(?:"
    + _BEFORE_WORD
    + r")"
    + _NAME
    + r" )"
)
_STREET_FIRST = _STREET_NAME + _S + r"*" + _HOUSE
_STREET_AMBIGUOUS = r"(?:" + _BEFORE_WORD_AMBIGUOUS + r")" + _S + r"+" + _NAME + _S + r"+" + _HOUSE
# the English order: the number, then the street ("12 Baker Street")
_NUMBER_FIRST = r"\d{1,4}[A-Za-z]?" + _S + r"+(?:" + _CAP + _S + r"){1,3}(?:" + _AFTER_WORD.replace(" ", "") + r")"
_POSTCODE = r"(?:\d\d-\d{3}|\d{4}" + _S + r"?[A-Z]{2}(?![\w])|\d{4}-\d{3}|\d{3}" + _S + r"\d\d|\d{4,5})"
_TOWN = _CAP + r"(?:" + _S + r"(?:am|an|der|de|del|la|sur|upon|on)" + _S + _CAP + r"|-" + _CAP + r")?"
# Copenhagen's and Aarhus' postal districts: "København N", "Aarhus C", "Frederiksberg C"
_DISTRICT = r"(?:" + _S + r"(?:NV|SV|NØ|SØ|N|S|Ø|V|K|C)(?![\w]))?"
_PLACE_AFTER = (
    r",?" + _S + r"+(?:[A-Z]{1,2}-)?(?P<postcode>" + _POSTCODE + r")" + _S + r"+(?P<town>" + _TOWN + _DISTRICT + r")"
)
_UK_PLACE_AFTER = (
    r",?"
    + _S
    + r"+(?P<uk_town>"
    + _CAP
    + r"),?"
    + _S
    + r"+(?P<uk_postcode>[A-Z]{1,2}\d[A-Z\d]?"
    + _S
    + r"?\d[A-Z]{2})(?!\w)"
)

# a second word that is itself a street ("Förenade Bil Aspögatan 3") or a box is the address
# alone, and the word before it something else
_NOT_STREET = r"(?![^\W\d_]*(?i:" + _SUFFIX + r"|" + STREET_SUFFIX + r")" + _S + r"|(?i:box)" + _S + r")"
# a street without a street word ("Nowy Świat 18") is one when a postcode and a town follow
# no literal every match holds (the street may have no street word), so not `guarded`: run
# only on a text with a number before a capitalised word, as a postcode before its town
_PLACE_SEEN = re.compile(r"\d" + _S + r"+[" + _UP + r"]")
_WITH_PLACE = re.compile(
    r"(?<![\w-])(?P<street>"
    + _STREET_FIRST
    + r"|"
    + _STREET_AMBIGUOUS
    + r"|"
    + _CAP
    + r"(?:"
    + _S
    + _NOT_STREET
    + _CAP
    + r")?"
    + _S
    + r"+"
    + _HOUSE
    + r")"
    + _PLACE_AFTER
    + r"(?![\w-])"
)
_ENGLISH = guarded(r"(?<![\w-])(?P<street>" + _NUMBER_FIRST + r")(?:" + _UK_PLACE_AFTER + r")?(?![\w-])")


# the end of a street's name just before a number: "ul. Długa 5/7", "Storgatan 5/7" (a building
# and a flat, not a day and a month)
_STREET_END = re.compile(r"(?:" + _STREET_NAME + r"|" + _CAP + r"(?i:" + STREET_SUFFIX + r") )" + _S + r"*\Z")
_FOREIGN_STREET_END = re.compile(r"(?<![\w-])(?:" + _STREET_NAME + r")" + _S + r"*\Z")
_HOUSE_AT = re.compile(_HOUSE)
# a number after a word and a space: where a house number may follow a street's name. The
# street itself is asked for only where the word before is a street word or a before-word stands
# shortly before (a regex with sixty street words, tried at every position, cost more than the
# rest of this module together)
_NUMBER_AFTER_WORD = re.compile(r"(?<=[^\W\d_.][ ])\d|(?<=\.[ ])\d")
# the street words as plain lower-case endings ("[Gg]ate" → "gate", "str\\." → "str.")
_STREET_WORDS = tuple(
    re.sub(r"\[(\w)\w\]", r"\1", w).replace("\\", "").lower()
    for w in (_SUFFIX + "|" + _AFTER_WORD).replace(" ", "").split("|")
)
_BEFORE_SEEN = re.compile(_BEFORE_WORD)


# whether the text holds a street end's words at all, read once per text and not in a window per
# number asked about (a cell of 25,000 grades "3/5" searched 25,000 windows for sixty street words)
_STREET_IN_TEXT = PerText(guarded(_STREET_END).may_match)


def street_before(text: str, start: int) -> bool:
    """A street's name ends just before `start`: what follows is its house number."""
    return _STREET_IN_TEXT(text) and _STREET_END.search(text[max(0, start - 60) : start]) is not None


# a Swedish word cut short after "-istr", as on an invoice's line ("Matdistr. 22 port.",
# "Registr. 4 st"): distribution, registration, no German street ("Hauptstr. 5")
_CUT_ISTR = re.compile(r"(?i:istr\.)$")


def _streets_alone(text: str) -> list[Span]:
    spans = []
    for m in _NUMBER_AFTER_WORD.finditer(text):
        word = text[text.rfind(" ", 0, m.start() - 1) + 1 : m.start() - 1]
        if _CUT_ISTR.search(word):
            continue
        if not (word.lower().endswith(_STREET_WORDS) or _BEFORE_SEEN.search(text, max(0, m.start() - 60), m.start())):
            continue
        street = _FOREIGN_STREET_END.search(text, max(0, m.start() - 60), m.start())
        house = _HOUSE_AT.match(text, m.start())
        if street is not None and house is not None:
            spans.append(Span(street.start(), house.end(), "ADRESS"))
    return spans


def find_foreign_addresses(text: str) -> list[Span]:
    """Foreign street addresses, their postcodes and towns (see the module's docstring)."""
    spans: list[Span] = []
    for m in _WITH_PLACE.finditer(text) if _PLACE_SEEN.search(text) else ():
        spans.append(Span(m.start("street"), m.end("street"), "ADRESS"))
        spans.append(Span(m.start("postcode"), m.end("postcode"), "POSTNUMMER"))
        spans.append(Span(m.start("town"), m.end("town"), "ORT"))
    spans.extend(_streets_alone(text))
    for m in _ENGLISH.finditer(text):
        spans.append(Span(m.start("street"), m.end("street"), "ADRESS"))
        if m.group("uk_town"):
            spans.append(Span(m.start("uk_town"), m.end("uk_town"), "ORT"))
            spans.append(Span(m.start("uk_postcode"), m.end("uk_postcode"), "POSTNUMMER"))
    return spans
