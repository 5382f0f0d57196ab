"""A ward or a clinic named with its hospital belongs to the unit ("Ystads lasarett, avd 7",
"avd 12 på Mora lasarett", "Kungälvs sjukhus, barnakuten").

A complaint names where it happened as closely as it can: the hospital, then the ward by its
number or its speciality, or the ward first and the hospital after "på". The hospital is found
as a unit; its ward, written before or after it, is part of the same place and is replaced
with it (a ward number with the hospital points at a handful of staff).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import LOW
from nlp.pseudonymise.recognisers.unit_constructions import CLINIC_COMMA_BEFORE

_NUMBER = r"(?:\d{1,3}[ ]?[A-Z]?|[A-Z][ ]?\d{1,3})(?![\w])"
# "avd 14", "avdelning 22", "medicinavdelning 3", "mottagning 2", "avd M5", "avd 70 C"
_WARD = r"(?:avd\.?|avdelning|[" + LOW + r"]+avdelning|mottagning|vårdavdelning)[ \t]*\n?[ \t]*" + _NUMBER
# a clinic by its speciality, perhaps with its ward: "akuten", "kvinnokliniken", "kirurgen avd 112"
_CLINIC = (
    r"[" + LOW + r"]*(?:kliniken|akuten|iatriken|iatrin|kirurgen|logen|avdelningen|avdelning|mottagningen|enheten)"
    r"(?![\w-])(?:[ \t]+" + _WARD + r")?"
)
_AFTER = re.compile(
    r"(?:,[ \t]*\n?[ \t]*(?:"
    + _WARD
    + r"|"
    + _CLINIC
    + r")|[ \t]*\n?[ \t]*"
    + _WARD
    # "Södersjukhuset akutvårdsavdelning": a compound ward without a number
    + r"|[ \t]+["
    + LOW
    + r"]+avdelning(?:en)?(?![\w-]))"
)
# "avd 34, Sahlgrenska …", "avd 10 Sollefteå sjukhus", "psykiatriska avd 5 på Norrlands …"
_BEFORE = re.compile(
    r"(?<![\w-])(?:["
    + LOW
    + r"]+(?:iska|ska)[ \t]+)?(?:avd\.?|avdelning)[ \t]+"
    + _NUMBER
    # its speciality after the number: "avd 14 medicin på Lasarettet i …"
    + r"(?:[ \t]+["
    + LOW
    + r"]{4,}(?=,|[ \t]+på[ \t]))?"
    + r"(?:,[ \t]*|[ \t]+(?:på[ \t]+)?)$"
)


# a clinic's word right before its hospital's name: "IVA Karolinska", "akutintaget Sahlgrenska",
# "akuten Sahlgrenska", "Hematologen Akademiska" (a signature writes the clinic with a capital),
# "Brännskadecentrum Uppsala akademiska"
_CLINIC_BEFORE = re.compile(
    r"(?<![\w-])(?:[A-ZÅÄÖ]?IVA|HIA|[Aa]kuten|[A-ZÅÄÖ]?[" + LOW + r"]{2,}(?:intaget|intensiven|akuten|kliniken|"
    r"mottagningen|iatriken|kirurgen|logen|centrum))[ \t]+$"
)


# a clinic's own word, at least a compound ("Barnonkologen", not "Kliniken"), before its town
_SPECIALITY = re.compile(r"[A-ZÅÄÖ][" + LOW + r"]{4,}")


def _clinic_with_town(text: str, sp: Span, prev_end: int) -> Span:
    """ "Barnonkologen, Uppsala", "Kardiologen, Lund": a listed town after a clinic and a comma is
    the clinic's site (read alone it was a town, or a surname), and the two are one unit."""
    if sp.label not in {"ORT", "PERSON"} or text[sp.start : sp.end] not in lists.places():
        return sp
    clinic = CLINIC_COMMA_BEFORE.search(text, max(prev_end, sp.start - 40), sp.start)
    if clinic is None or not _SPECIALITY.match(text, clinic.start()):
        return sp
    return Span(clinic.start(), sp.end, "VARDENHET")


def _joined_to_previous(text: str, out: list[Span], sp: Span) -> bool:
    """ "Barnkirurgiska avdelningen 3, Drottning Silvias barnsjukhus": two unit finds, the ward and
    its hospital, with the ward's number and a comma between (the hospital names the ward)."""
    if not out or out[-1].label != "VARDENHET" or sp.label != "VARDENHET":
        return False
    return CLINIC_COMMA_BEFORE.search(text, out[-1].start, sp.start) is not None and bool(
        _GAP.fullmatch(text, out[-1].end, sp.start)
    )


_GAP = re.compile(r"(?:[ \t]+\d{1,3}[A-Z]?)?,[ \t]*")


def extend_wards(text: str, spans: list[Span]) -> list[Span]:
    """Units grown over the ward written next to them, where no other find stands."""
    out: list[Span] = []
    for k, sp in enumerate(spans):
        sp = _clinic_with_town(text, sp, spans[k - 1].end if k else 0)
        if _joined_to_previous(text, out, sp):
            out[-1] = Span(out[-1].start, sp.end, "VARDENHET")
            continue
        if sp.label == "VARDENHET":
            start, end = sp.start, sp.end
            prev_end = spans[k - 1].end if k else 0
            before = _BEFORE.search(text, max(prev_end, start - 40), start)
            if before:
                start = before.start()
            clinic = _CLINIC_BEFORE.search(text, max(prev_end, start - 40), start)
            if clinic:
                start = clinic.start()
            after = _AFTER.match(text, end)
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            if after and after.end() <= next_start:
                end = after.end()
            sp = Span(start, end, sp.label)
        out.append(sp)
    return out
