"""Forms and interviewers' notes: "Ålder: 74", "IP är 81.", "[68 år, änka]", "IP Hedda Lundin (83)",
"Ort och datum: Filipstad 3/4 -24", "/greta (79)".

A paper form asks for the age in a field of its own ("Ålder: 74", "ÅLDER: 88 år"); a number
there is an age, unless it is a range ticked in a box ("Ålder: 75-84 [X]"). An interviewer who
types up a phone call calls the person interviewed "IP" (intervjuperson): "IP är 81." is an age
the way "hon är 81." is, and "IP Hedda Lundin (83)" or "IP Greta (dotter …)" opens with the
person's name. The interviewer's own remarks stand in square brackets, where "[68 år, änka]" is
an age as "(68 år)" is. A form's place-and-date field opens with the town ("Ort och datum:
Filipstad 3/4 -24"), and a short note may be signed with a slash, a name in lower case and the
age ("/greta (79)"): a first name there is a name even when it is also a word ("/sten (79)").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import COUNTRIES

# "Ålder: 74", "ÅLDER: 88 år"; not a range ("75-84") nor a decimal. The field may say at what
# event ("Ålder vid diagnos: 54", "Ålder vid donation: 38") or in what unit ("Ålder (år): 45")
_AGE_FIELD = guarded(
    r"(?<![\w-])(?i:ålder|alder)(?:"
    + WS
    + r"+(?i:vid|när|då|vid tiden för)"
    + WS
    + r"+["
    + LOW
    + r"]+|"
    + WS
    + r"*\((?i:år)\))?"
    + WS
    + r"*:"
    + WS
    + r"*(\d{1,3}(?:"
    + WS
    + r"+(?i:år))?)(?![\w,.-]|"
    + WS
    + r"*[-–]\d)"
)
# "IP är 81.", "IP var 79 år när …": a bare number ends the thought
_IP_AGE = re.compile(
    r"(?<![\w-])IP" + WS + r"+(?:är|var|fyller|fyllde)" + WS + r"+(?:(?:nu|snart|ca|cirka)" + WS + r"+)?"
    r"(\d{1,3}(?:" + WS + r"+år(?![\w-]))?)(?=" + WS + r"*(?:[.,;!?)\]]|och\b|$))",
    re.MULTILINE,
)
# "[68 år, änka]", "[ca 70 år]"
_BRACKET_AGE = re.compile(
    r"\[" + WS + r"*(?:(?:ca|cirka|ungefär)" + WS + r"+)?(\d{1,3}" + WS + r"+år)(?=" + WS + r"*[,\]])"
)
# "IP Hedda Lundin (83)", "IP Greta (dotter …)", "IP: Kalle, 78 år": one or two capitalised words
_IP_NAME = re.compile(
    r"(?<![\w-])IP:?" + WS + r"+(" + CAP_NAME + r")"
    r"((?:" + WS + r"+" + CAP_NAME + r")?)(?=" + WS + r"*[(,])"
)

# "Ort och datum: Filipstad 3/4 -24", "Ort/datum: Hjo 2024-05-02": the town before the date
_PLACE_DATE_FIELD = re.compile(
    r"(?im:^[ \t]*(?:ort[ \t]+och[ \t]+datum|ort[ \t]*/[ \t]*datum|ort,[ \t]*datum)[ \t]*:[ \t]*)"
    r"([" + CAP + r"][" + LOW + r"]+(?:[ -][" + CAP + r"][" + LOW + r"]+)?)(?=[ \t,]+\d)"
)
# "/greta (79)": a slash, a lowercase first name and an age closing a line
_SLASH_SIGNED = re.compile(
    r"(?m:(?<![^\s])/[ \t]?([" + LOW + r"]{2,}))" + WS + r"*\(" + WS + r"*\d{1,3}" + WS + r"*\)(?=[ \t.]*$)",
    re.MULTILINE,
)


def _age(value: str) -> bool:
    return 1 <= int(value.split()[0]) <= 120


def find_form_ages(text: str) -> list[Span]:
    spans: list[Span] = []
    if ":" in text:
        spans += [Span(m.start(1), m.end(1), "ALDER") for m in _AGE_FIELD.finditer(text) if _age(m.group(1))]
    if "IP" in text:
        spans += [Span(m.start(1), m.end(1), "ALDER") for m in _IP_AGE.finditer(text) if _age(m.group(1))]
    if "[" in text:
        spans += [Span(m.start(1), m.end(1), "ALDER") for m in _BRACKET_AGE.finditer(text) if _age(m.group(1))]
    return spans


def find_ip_names(text: str) -> list[Span]:
    """The name after "IP": the first word must be a first name the lists know (not an everyday
    word alone: "IP Tycker, …" stays)."""
    spans: list[Span] = []
    if "IP" not in text and "/" not in text:
        return spans
    for m in _IP_NAME.finditer(text):
        info = lists.names().get(m.group(1).split("-")[0].lower())
        # a first name that is also a word ("Viola") counts with a surname after it
        if info is not None and (info.first_sv or info.first_other) and (not info.common or m.group(2)):
            spans.append(Span(m.start(1), m.end(2) if m.group(2) else m.end(1), "PERSON"))
    for m in _SLASH_SIGNED.finditer(text) if "/" in text else ():
        info = lists.names().get(m.group(1))
        if info is not None and (info.first_sv or info.first_other):
            spans.append(Span(m.start(1), m.end(1), "PERSON"))
    return spans


def find_form_places(text: str) -> list[Span]:
    if "atum" not in text:
        return []
    return [Span(m.start(1), m.end(1), "ORT") for m in _PLACE_DATE_FIELD.finditer(text) if m.group(1) not in COUNTRIES]
