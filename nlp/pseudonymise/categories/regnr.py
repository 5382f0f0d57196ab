"""REGNR: Swedish vehicle registrations, old (ABC 123) and new (ABC 12D) format.

Three letters (never I, Q, V; Å, Ä, Ö are not used) and three characters, the last a digit
or (new format, since 2019) a letter other than O. No library validates these. In capitals
the shape is enough, unless the letters are a common acronym ("LSS 123") or the number is a
quantity ("SOL 100 KR"); lowercase ("abc123") only with a vehicle word before it.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.patterns import (
    QUANTITY_UNIT,
    says_other_number,
)
from nlp.pseudonymise.recognisers.patterns import VEHICLE as _VEHICLE
from nlp.pseudonymise.recognisers.spoken_plates import find_spoken_plates
from nlp.pseudonymise.recognisers.words import unknown_word
from nlp.pseudonymise.recognisers.written_out import words_as_digits

_L = "A-HJ-PR-UW-Z"
_PLATE = re.compile(
    r"(?<![\w-])([" + _L + r"]{3})[ \u00a0-]?(\d{2}[" + _L.replace("O", "") + r"0-9])(?![\w-])", re.IGNORECASE
)
_MAKE = re.compile(r"(?i:bmw|kia|vw|gmc|mini|jeep)")
# capitals that are acronyms or words in this field, not plates
_ACRONYMS = frozenset(
    "BUP LSS KBT SFS ICD LVM LVU LPT HVB SOL SIS CSN IVO SOS SMS MVG EKG MRT DBT ADD BMI HLR IVA "
    "AVD NPF ASD PTSD OCD GAD PRO SPF DHR SRF HRF FUB PIN PUK ATT FAX TEL NYA TAR HAR FAR GER SER "
    "DET DEN SOM MED TRE SEX NIO ELVA KLM SAS SJ ABF VUX".split()
)
_QUANTITY_AFTER = re.compile(r"[ \u00a0]*" + QUANTITY_UNIT)
# a diagnosis code in ICD's shape ("J45.9", "K35.80") on the line: a line of a record's
# classification codes, where three capitals and a number are one more code, not a plate
_DIAGNOSIS_CODE = re.compile(r"(?<![\w.])[A-Z]\d\d\.\d{1,2}(?![\w.])")


# a plate spelled out sign by sign, as speech-to-text writes it: "K X P  4 0 7"
_SPELLED_PLATE = re.compile(
    r"(?<![\w-])["
    + _L
    + r"](?:[ \u00a0]{1,2}["
    + _L
    + r"]){2}(?:[ \u00a0]{1,3}\d){2}[ \u00a0]{1,2}[\d"
    + _L
    + r"](?![\w-])"
)


def _spelled_plates(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), "REGNR")
        for m in _SPELLED_PLATE.finditer(text)
        if _VEHICLE.search(re.split(r"[.!\n]", text[max(0, m.start() - 100) : m.start()])[-1])
    ]


# a scanned plate: an O among the letters read as 0 ("HX0 551"), the digits split by a space
# ("KPT 4 18"); in capitals and only right after a vehicle word, since codes take these shapes too.
# Two plate letters in a row within the first four signs: a digit follows them in every match
# (looked for up to the next digit, a text of capital words without one was quadratic).
_SCANNED_PLATE = re.compile(
    r"(?<![\w-])(?=[A-Z0]{3}\b)(?=\D{0,3}?[" + _L + r"]{2})[" + _L + r"0]{3}[ \u00a0-]?"
    r"(?:\d{2}[\dA-HJ-NPR-UW-Z]|\d[ \u00a0]\d\d|\d\d[ \u00a0]\d)(?![\w-])"
)


def _scanned_plates(text: str) -> list[Span]:
    spans = []
    for m in _SCANNED_PLATE.finditer(text):
        plate = m.group(0)
        if "0" not in plate[:3] and not re.search(r"\d[ \u00a0]\d", plate):
            continue  # the plain shape: find_regnr's own pattern
        before = re.split(r"[.!?\n]", text[max(0, m.start() - 40) : m.start()])[-1]
        if _VEHICLE.search(before) or re.search(r"(?i:\breg\b)", before):
            spans.append(Span(m.start(), m.end(), "REGNR"))
    return spans


# a place in a building after a preposition: "till rum 412", "på sal 3b", "i hus 103"
_PLACE_PREP_BEFORE = re.compile(r"(?i:(?<![\w-])(?:till|i|på|vid|från|mot|utanför|bredvid|in|ut)[ \t]+)$")


def _word_numbered(text: str, start: int, letters: str) -> bool:
    """An everyday Swedish word in lowercase after a preposition, before a number, names the room
    or building numbered ("till rum 412"); a plate after a vehicle word has none ("bilen abc 123")."""
    if unknown_word(letters) or _MAKE.fullmatch(letters):
        return False
    return _PLACE_PREP_BEFORE.search(text, max(0, start - 12), start) is not None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def find_regnr(text: str) -> list[Span]:
    spans = _spelled_plates(text) + _scanned_plates(text)
    for m in _PLATE.finditer(text):
        letters, rest = m.group(1), m.group(2)
        if letters.lower() in SWEDISH_STOP_WORDS or _MAKE.fullmatch(letters):
            continue  # "med 300", "BMW 530"
        # "… bil wpc 33u", "jsz19a är min bil"
        # the vehicle word may open a long sentence: "regnr på bilen som backade … var pzr 81a"
        sentence = re.split(r"[.!?\n]", text[max(0, m.start() - 100) : m.start()])[-1]
        context = bool(
            _VEHICLE.search(sentence)
            or _VEHICLE.search(text[max(0, m.start() - 50) : m.start()])
            or _VEHICLE.search(text[m.end() : m.end() + 25])
        )
        if letters.islower() and _word_numbered(text, m.start(), letters):
            continue  # "till rum 412", "hus 103": a room's or a building's number, not a plate
        if says_other_number(text, m.start()):
            continue  # "bokningsnummer KXR 448", "ordernr ABC 123": a code in a plate's shape
        if not context:
            if not (letters.isupper() and (rest.isdigit() or rest[-1].isupper())):
                continue
            if letters in _ACRONYMS or letters.lower() in SWEDISH_STOP_WORDS or _QUANTITY_AFTER.match(text, m.end()):
                continue
            # shouted text: the neighbours are capital words too ("RING SOS 112 NU")
            if re.search(r"[A-ZÅÄÖ]{2,}[ \u00a0]*$", text[max(0, m.start() - 12) : m.start()]):
                continue
            if _DIAGNOSIS_CODE.search(text, text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())):
                continue
        spans.append(Span(m.start(), m.end(), "REGNR"))
    return spans


def normalise(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", words_as_digits(value).upper())


CATEGORY = Category(
    label="REGNR",
    priority=35,
    recognisers=(find_regnr, find_spoken_plates),
    description="registreringsnummer",
    normalise=normalise,
)
