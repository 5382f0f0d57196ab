"""A municipality's body with its municipality ("Omsorgsnämnden i Lerums kommun", "Äldreomsorgen i
Mora kommun") as one ORGANISATION, so is an office after the municipality's genitive ("Sala
kommuns familjerätt"), a coordinated body in lower case ("kultur- och fritidsnämnden"),
and an association with its own name after its kind ("Pensionärsföreningen Solstrålen").

The body alone is any municipality's ("äldreomsorgen"); with "i <Ort>s kommun" after it, it is
one office, named as a whole the way "Försäkringskassan i Gällivare" is. organisation.py takes the
body and the municipality apart when the town is in the genitive ("Lerums kommun"), or the
municipality alone when the body is no proper name ("Äldreomsorgen"). An association named
after its kind is named by the word after it, an ordinary noun as often as not ("Kastanjen"),
so the kind's word is the evidence.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, CAP_NAME, LOW, WS, coordinated_first
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS

_BODY_IN_MUNICIPALITY = guarded(
    r"(?<![\w-])(?:(?:"
    + coordinated_first(conjunctions="och")
    + r")?["
    + CAP
    + LOW
    + r"]["
    + LOW
    + r"]*(?:nämnden|förvaltningen|omsorgen|tjänsten|enheten|kontoret|styrelsen)"
    # a department named by two fields, as municipalities call them: "Vård och omsorg i Kils
    # kommun", "Bygg och miljö i Arboga kommun": a field of the municipality's work first, capitalised
    # ("Sol och bad i Arboga kommun" names nothing)
    + r"|(?:Vård|Omsorg|Stöd|Bygg|Miljö|Kultur|Fritid|Barn|Utbildning|Arbete|Individ|Social|Teknik|Hälsa)"
    + WS
    + r"+och"
    + WS
    + r"+["
    + LOW
    + r"]{3,})"
    + WS
    + r"+i"
    + WS
    + r"+(?P<town>"
    + CAP_NAME
    + r")"
    + WS
    + r"+kommun(?![\w-])"
)
# "Sala kommuns familjerätt", "Lerums kommuns överförmyndare", "Malmö stads fastighetskontor": the
# municipality's own office after it in the genitive (not "Sala kommuns hemsida")
_MUNICIPALITY_OFFICE = guarded(
    r"(?<![\w-])(?P<town>"
    + CAP_NAME
    + r")"
    + WS
    + r"+(?:kommuns|stads)"
    + WS
    + r"+["
    + LOW
    + r"]*(?:familjerätt|socialtjänst|överförmyndare|nämnd|förvaltning|enhet|kontor|byrå)(?:en|n|et)?(?![\w-])"
)
_NAMED_ASSOCIATION = guarded(
    r"(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}föreningen"
    + WS
    + r"+(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{2,})(?![\w-])"
)


# "vård- och omsorgsförvaltningen": a coordinated name is one municipality's own, capitalised or
# not (organisation.py takes it capitalised); the single word ("socialförvaltningen") is every
# municipality's and needs its town
_COORDINATED_BODY = guarded(
    r"(?<![\w-])[" + LOW + r"]{2,}-" + WS + r"+och" + WS + r"+[" + LOW + r"]+(?:förvaltningen|nämnden)(?![\w-])"
)


def _town(word: str) -> bool:
    places = lists.places()
    return word in places or (word.endswith("s") and word[:-1] in places)


def find_municipal_bodies(text: str) -> list[Span]:
    spans = []
    if "kommun" in text or "stads " in text:
        for m in _BODY_IN_MUNICIPALITY.finditer(text):
            # "i <X> kommun" names the municipality even when no list has the town
            town = m.group("town")
            if _town(town) or (town.lower() not in NOT_UNIT_WORDS and m.group(0)[:1].isupper()):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
        spans += [
            Span(m.start(), m.end(), "ORGANISATION")
            for m in _MUNICIPALITY_OFFICE.finditer(text)
            if _town(m.group("town"))
        ]
    spans += [Span(m.start(), m.end(), "ORGANISATION") for m in _COORDINATED_BODY.finditer(text)]
    if "föreningen" in text:
        for m in _NAMED_ASSOCIATION.finditer(text):
            name = m.group("name")
            # "Anhörigföreningen Anna sa …": a person after the kind, or a word opening a clause
            if name.lower() in NOT_UNIT_WORDS or (lists.listed_first_name(name) and not _town(name)):
                continue
            spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    return spans
