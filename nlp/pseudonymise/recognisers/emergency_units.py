"""Emergency care units as the public names them (VARDENHET): a children's hospital named after
a royal in the genitive, with the unit before it ("Barnakuten Kronprinsessan Victorias
barnsjukhus"); a unit of coordinated compounds and its hospital with no preposition ("Barn- och
ungdomsakuten Östra sjukhuset"); an ambulance service with its region ("Ambulanssjukvården
Region Jämtland"); a hospital's acronym after the unit there ("akuten på SÄS").

A royal's title is part of the hospital's name: without it the hospital is still readable, and
the title alone would be read as nothing. A coordinated compound's first part ends in a hyphen
("Barn-"), so the unit is read from its last part and the first stood alone as a place. An
ambulance service is a region's care unit, as "<X>teamet Region <Län>" is (clinic_sites.py),
not the region (ORGANISATION). A hospital's acronym is only read after a unit's word and "på"/
"vid": the care units' acronyms that are no hospital ("akuten på BB") stay.
Registered in ort.py: vardenhet.py is at the module size limit.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.hospital_names import CAPITALISED_HOSPITAL
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS

_UNIT_HEAD = r"(?:akuten|akutmottagningen|mottagningen|kliniken|avdelningen|psykiatrin|jouren)"
# "Barnakuten", "Akutmottagningen": a unit's own word before its hospital
_UNIT = r"[" + CAP + r"][" + LOW + r"]*" + _UNIT_HEAD
# "Barn- och ungdomsakuten", "Öron-, näs- och halskliniken": compounds sharing their last part
_COORDINATED = (
    r"[" + CAP + r"][" + LOW + r"]+-,?(?:" + WS + r"+[" + LOW + r"]+-,?)*" + WS + r"+och" + WS + r"+[" + LOW + r"]+"
    r"(?:akuten|akutmottagningen|mottagningen|kliniken|psykiatrin)"
)
# "Drottning Silvias", "Kronprinsessan Victorias": a royal's title and name in the genitive
_ROYAL = r"(?:Drottning|Drottningen|Kung|Konung|Prinsessan|Prins|Kronprinsessan|Kronprins)" + WS + r"+" + CAPWORD + r"s"
# "Kronprinsessan Victorias barnsjukhus", "… barn- och ungdomssjukhus", with the unit before it
_ROYAL_HOSPITAL = guarded(
    r"(?<![\w-])(?:(?:"
    + _UNIT
    + r"|"
    + _COORDINATED
    + r")"
    + WS
    + r"+)?"
    + _ROYAL
    + WS
    + r"+(?:barn|barn-"
    + WS
    + r"+och"
    + WS
    + r"+ungdoms)?sjukhus(?:et)?(?![\w-])"
)
# "Barn- och ungdomsakuten Östra sjukhuset": the unit and its hospital with no preposition
_COORDINATED_AT = guarded(
    r"(?<![\w-])" + _COORDINATED + r"(?:" + WS + r"+(?:på|vid))?" + WS + r"+" + CAPITALISED_HOSPITAL
)
# "Ambulanssjukvården Region Jämtland", "Ambulansen i Region Kronoberg"
_AMBULANCE_REGION = guarded(
    r"(?<![\w-])(?:["
    + CAP
    + r"]["
    + LOW
    + r"]*a|A)mbulans(?:sjukvården|en|enheten|verksamheten|dirigeringen)"
    + WS
    + r"+(?:i"
    + WS
    + r"+)?Region"
    + WS
    + r"+"
    + CAPWORD
    + r"(?![\w-])"
)
# "akuten på SÄS", "IVA vid CSK": a unit's word, "på"/"vid", a hospital's acronym
_ACRONYM_AFTER_UNIT = guarded(
    r"(?<![\w-])(?:[" + LOW + r"]*akuten|akutmottagningen|[" + LOW + r"]*avdelningen|[" + LOW + r"]+kliniken|"
    r"förlossningen|neonatalen|intensiven|röntgen|IVA|BB)"
    + WS
    + r"+(?:på|vid)"
    + WS
    + r"+(?P<acronym>[A-ZÅÄÖ]{2,5})(?![\w-])"
)
# acronyms that a unit's word is followed by and that are no hospital: units, laws, services
_NOT_HOSPITALS = CARE_ACRONYMS | frozenset("HIA KAD AVA MAVA KK ÖNH SOS LPT LRV LVM LVU SOL HSL AT ST".split())


def find_emergency_units(text: str) -> list[Span]:
    """VARDENHET spans for royal-named hospitals, coordinated units with their hospital, an
    ambulance service with its region and a hospital's acronym after a unit's word."""
    spans = [Span(m.start(), m.end(), "VARDENHET") for m in _ROYAL_HOSPITAL.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _COORDINATED_AT.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _AMBULANCE_REGION.finditer(text)]
    for m in _ACRONYM_AFTER_UNIT.finditer(text):
        if m.group("acronym") not in _NOT_HOSPITALS:
            spans.append(Span(m.start("acronym"), m.end(), "VARDENHET"))
    return spans
