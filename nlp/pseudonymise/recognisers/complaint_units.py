"""Care units as complaints, answers and decisions write them (VARDENHET): a ward by its specialty
and number ("Geriatrisk avdelning 14"), a unit named by what it treats ("Enheten för
smärtbehandling"), a ward number and specialty before the hospital ("Avd 12 Kirurgi Köpings
sjukhus"), an emergency or housing-support unit by its district ("Barnakuten Rosendal",
"Boendestödet Sala"), a named home's kind in the genitive ("Björklidens LSS-boende",
"Solhagens korttids"). A town after a comma stays a town of its own (unit_towns.py).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.unit_towns import with_district_after, with_town_after
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, plain_word, sentence_start, unknown_word

# "Psykiatrisk avdelning 22", "Medicinska avdelning 7": the ward of a specialty by its number
_SPECIALTY_WARD = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{3,}iska?" + WS + r"+avdelning" + WS + r"+\d{1,3}[A-Za-z]?(?![\w,.:/-]*\d)"
)
# "Mottagningen för ätstörningar", "Enheten för smärtbehandling": capitalised inside a sentence,
# the name of one unit (lowercase, or opening a sentence, any clinic's kind)
_UNIT_FOR = guarded(
    r"(?<![\w-])(?:Mottagningen|Kliniken|Enheten|Avdelningen|Centrum|Centret)"
    + WS
    + r"+för"
    + WS
    + r"+(?P<what>["
    + LOW
    + r"]{4,}(?:"
    + WS
    + r"+(?:och|&)"
    + WS
    + r"+["
    + LOW
    + r"]{4,})?)(?![\w-])"
)
# what a named unit "för …" treats; the municipality's units ("Enheten för ekonomiskt bistånd")
# are offices
CARE_STEM = re.compile(
    r"vård|sjuk|psyk|beroende|ätstör|smärt|rehab|diabet|hjärt|cancer|minne|demens|infektion|"
    r"habilit|medicin|kirurg|ortoped|neuro|geriatri|trauma|tortyr|ångest|depression|barn|unga|ungdom|"
    r"palliativ|transplant"
)
# "Avd 31 Kirurgi Köpings sjukhus": a ward number and its specialty before the hospital
_WARD_AT_HOSPITAL = guarded(
    r"(?<![\w-])(?:[Aa]vd\.?|[Aa]vdelning)"
    + WS
    + r"+\d{1,3}[A-Za-z]?"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+s?"
    + WS
    + r"+(?:sjukhus|sjukhuset|lasarett|lasarettet)(?![\w-])"
)
# "Närakuten Bergsjön", "Boendestödet Sala": an emergency unit or housing support by its
# district, which no list of towns need hold
_DISTRICT_UNIT = guarded(
    r"(?<![\w-])(?:["
    + CAP
    + r"]["
    + LOW
    + r"]*akuten|Boendestödet)"
    + WS
    + r"+(?P<name>"
    + CAPWORD
    # the district may name the hospital: "Barnakuten Norra sjukhuset"
    + r")(?:"
    + WS
    + r"+(?:sjukhuset|sjukhus|lasarettet|lasarett))?(?![\w-])"
)
# "Björklidens LSS-boende", "Solhagens korttids" (said short): a named home's kind
_GENITIVE_HOME = guarded(
    r"(?<![\w-])(?P<home>["
    + CAP
    + r"]["
    + LOW
    + r"]{3,}s)"
    + WS
    + r"+(?:LSS-boende[nt]?|LSS-bostad(?:en)?|korttids(?:boende[nt]?|hem(?:met)?)?|gruppbostad(?:en)?|"
    r"demensboende[nt]?|vårdboende[nt]?|äldreboende[nt]?|serviceboende[nt]?)(?![\w-])"
)


def name_like(text: str, start: int, word: str, *, unknown_at_start: bool = False) -> bool:
    """A district or town after the unit, not a word or a person: "Bergsjön", not "Men" or "Anna".
    At a sentence start, where a capital says nothing, none; with `unknown_at_start` a word no
    lexicon has."""
    if word in lists.places():
        return True
    return (
        word.lower() not in NOT_UNIT_WORDS
        and not lists.listed_first_name(word)
        and not function_words_or_calendar(word)
        and ((unknown_at_start and unknown_word(word)) or not sentence_start(text, start))
    )


def find_complaint_units(text: str) -> list[Span]:
    # the ward's town right after it belongs to it ("… avdelning 3 Karlstad"), as "BUP Karlstad" does
    spans = [Span(m.start(), with_town_after(text, m.end()), "VARDENHET") for m in _SPECIALTY_WARD.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _WARD_AT_HOSPITAL.finditer(text)]
    for m in _UNIT_FOR.finditer(text):
        if CARE_STEM.search(m.group("what")) and not sentence_start(text, m.start()):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    for m in _DISTRICT_UNIT.finditer(text):
        if name_like(text, m.start("name"), m.group("name")):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    for m in _GENITIVE_HOME.finditer(text):
        base = m.group("home")[:-1]
        # "Mammas korttids", "Kommunens LSS-boende", "Annas gruppbostad": anyone's home of that kind
        if base.lower() in NOT_UNIT_WORDS or plain_word(base.lower()) or sentence_start(text, m.start()):
            continue
        if not lists.listed_first_name(base) or base in lists.places():
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return [with_district_after(text, sp) for sp in spans]
