"""Care units named by a specialty's short form, and hearing care's own centres (VARDENHET).

Ear, nose and throat care goes by its letters, "ÖNH" (also "onh" typed without the dots), alone
or compounded with whom it treats ("Barn-ÖNH"), and a patient writes it as the unit: with its
town after "i/på" ("ÖNH i <Ort>", "onh i <ort>"), right before its town ("ÖNH <Ort>"), before its
hospital ("avdelning 5, ÖNH <X>sjukhuset") and after the private provider that runs it ("<Vårdgivare>
ÖNH <Ort>"). Without a place the letters are the specialty, any clinic, and stay.

Hearing and sight care's centres and services with their town are units wherever they stand in
the sentence ("att hörcentralen i <Ort> inte …"), not only after a preposition, as the generic
units with "i <Ort>" are in categories/vardenhet.py ("öronmottagningen i <Ort>"). The town must be
one the place list knows. Registered in ort.py: vardenhet.py is at the module size limit.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import CARE_PROVIDERS

_TOWN = r"[" + CAP + LOW + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?"
# "ÖNH", "Barn-ÖNH", "onh": the specialty's letters, compounded with whom it treats
_SPECIALTY = r"(?:[" + CAP + r"][" + LOW + r"]+-)?(?:ÖNH|ONH)|önh|onh"
# a hospital's own name after the letters: "<X>sjukhuset", "<X> lasarett", the three named alone
_HOSPITAL = (
    r"[" + CAP + r"][" + LOW + r"]+(?:sjukhuset|lasarettet)|[" + CAP + r"][" + LOW + r"]+s?" + WS + r"+"
    r"(?:sjukhus|lasarett)(?:et)?|Sahlgrenska|Karolinska|Akademiska"
)
_SPECIALTY_UNIT = guarded(
    r"(?<![\w-])(?:(?P<provider>" + CARE_PROVIDERS + r")" + WS + r"+)?(?:" + _SPECIALTY + r")"
    r"(?:" + WS + r"+(?:i|på|pa|vid)" + WS + r"+(?P<town>" + _TOWN + r")"
    r"|" + WS + r"+(?P<hospital>" + _HOSPITAL + r")"
    r"|" + WS + r"+(?P<site>[" + CAP + r"][" + LOW + r"]+))(?![\w-])"
)
# hearing and sight care's centres, services and workshops: "hörcentralen", "hörselvården",
# "syncentralen", "hjälpmedelscentralen", "hörselverkstaden" (not "tolkcentralen": an agency's)
_HEARING_CENTRE = guarded(
    r"(?<![\w-])(?i:(?:hör|hörsel|syn|hjälpmedels)centralen|hörselvården|(?:hörsel|hjälpmedels)verkstaden|"
    r"hörselmottagningen|hörselkliniken)" + WS + r"+(?:i|på|pa)" + WS + r"+(?P<town>" + _TOWN + r")(?![\w-])"
)


def _known_town(word: str) -> bool:
    """A town the place list has; in lower case one that is no ordinary word ("karlstad")."""
    places = lists.places()
    return word in places or (word.islower() and places.get(word.capitalize()) is False)


def find_specialty_units(text: str) -> list[Span]:
    spans = []
    for m in _SPECIALTY_UNIT.finditer(text):
        town, site = m.group("town"), m.group("site")
        if town is not None and not _known_town(town):
            continue
        if site is not None and not (site in lists.places() and not lists.places()[site]):
            continue  # "ÖNH Falun" is a unit; "ÖNH Remiss" a heading's next word
        spans.append(Span(m.start(), m.end(), "VARDENHET"))
    for m in _HEARING_CENTRE.finditer(text):
        if _known_town(m.group("town")):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans
