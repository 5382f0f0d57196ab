"""Names as people say them in interviews: a name that is also a word, said to be someone's name
("Bo var hans namn", "Stig hette han"); a capitalised genitive of such a name inside a sentence,
before what was theirs ("en hylla med Rosas böcker"); a patient's initials after a journal's
"Pat." ("Pat. B.N., f. …").

A first name that is also a word ("bo", "stig", "rosa") needs what is said around it: here the
saying of the name, or a capital letter where a word would have none, before a noun.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import sentence_start

_NAME_SAID = re.compile(
    r"(?<![\w-])([" + CAP + r"][" + LOW + r"]+)" + WS + r"+(?:(?:var|är)" + WS + r"+(?:hans|hennes|hens|mitt|deras)"
    r"" + WS + r"+(?:namn|förnamn)|(?:hette|heter)" + WS + r"+(?:han|hon|hen|jag))(?![\w-])"
)
_GENITIVE_BEFORE_NOUN = re.compile(
    r"(?<![\w-])([" + CAP + r"][" + LOW + r"]+)s" + WS + r"+([" + LOW + r"]{3,})(?![\w-])"
)
_PATIENT_INITIALS = guarded(
    r"(?<![\w.])(?i:pat|pt)\." + WS + r"+([" + CAP + r"]\.(?:" + WS + r"?[" + CAP + r"]\.){1,2})(?![\w])"
)


def find_spoken_names(text: str) -> list[Span]:
    out: list[Span] = []
    if "namn" in text or "het" in text:
        out.extend(
            Span(m.start(1), m.end(1), "PERSON")
            for m in _NAME_SAID.finditer(text)
            if lists.listed_first_name(m.group(1))
        )
    for m in _GENITIVE_BEFORE_NOUN.finditer(text):
        name, noun = m.group(1), m.group(2)
        info = lists.names().get(name.lower())
        if (
            info is not None
            and info.first_sv
            and info.word
            and name.lower() not in SWEDISH_STOP_WORDS
            and not sentence_start(text, m.start())
            and noun not in SWEDISH_STOP_WORDS
        ):
            out.append(Span(m.start(), m.end(1) + 1, "PERSON"))
    if "." in text:
        out.extend(Span(m.start(1), m.end(1), "PERSON") for m in _PATIENT_INITIALS.finditer(text))
    return out
