"""Care units as waiting-list stories, booking letters and clinic comparisons name them
(VARDENHET): a private clinic with an English head word and its town ("Nova Knee Center Uppsala",
"Malmö Knee Center", "Nova Clinic Vasastan"), a specialty with its own name before or after
it ("Ortopedi Väst", "Balans Ortopedi"), a specialist clinic or a clinic with its town and its
part of town ("Ryggspecialisten Umeå", "Ögonkliniken Växjö City"), a health centre's
abbreviation in lowercase with its town or its name ("vc i mora", "vc Gamlestan"), a hospital
and its site after a slash ("Skånes universitetssjukhus/Lund"), a hospital named by an
adjective in "-ska" ("på Lindqvistska", "Bergerska i Kalmar") and a chain's clinic or shop by its
town in a sentence about a visit ("synundersökning hos Linsbolaget Västerås").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.complaint_units import name_like
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import sentence_start, unknown_word

# "Nova Knee Center Uppsala", "Malmö Knee Center", "Nova Clinic Vasastan": one or two capitalised
# words and the English head word, a known town or district after it
_FOREIGN_HEAD = guarded(
    r"(?<![\w-])(?P<words>(?:"
    + CAPWORD
    + WS
    + r"+){1,2})(?P<head>Center|Centre|Clinic|Clinics)(?![\w-])(?:"
    + WS
    + r"+(?P<town>"
    + CAPWORD
    + r"))?"
)
# what a "Center" treats, so a shopping or bowling centre stays out ("Clinic" is care itself)
_CARE_WORD = re.compile(
    r"(?i:ortho|orto|spine|rygg|knä|knee|hip|höft|ögon|eye|vision|health|hälsa|medic|care|vård|sleep|heart|hjärt|"
    r"derm|hud|skin|plastik|plastic|surgery|kirurg|fertil|ivf|rehab|physio|fysio|dental|tand|laser|hand|fot|foot)"
)
# "Ortopedi Väst", "Kirurgi Fjällbygden", "Balans Ortopedi": a specialty with its own name
_SPECIALTY = (
    r"(?=[" + CAP + r"])(?i:[a-zåäö]*(?:ortopedi|kirurgi|urologi|gynekologi|kardiologi|dermatologi|neurologi|"
    r"onkologi|fysioterapi|naprapati|kiropraktik|osteopati))"
)
_NAMED_SPECIALTY = guarded(
    r"(?<![\w-])(?:(?P<before>"
    + CAPWORD
    + r")"
    + WS
    + r"+)?(?P<spec>"
    # two specialties under one name: "Kiropraktik & Naprapati Umeå", "Ortopedi och Kirurgi Norr"
    + r"(?:"
    + _SPECIALTY
    + WS
    + r"+(?:&|och)"
    + WS
    + r"+)?"
    + _SPECIALTY
    + r")(?![\w-])(?:"
    + WS
    + r"+(?P<after>"
    + CAPWORD
    + r"))?"
)
# a part of town or a direction naming a unit's site: "Ortopedi Norr", "Ögonkliniken Växjö City"
_DISTRICT = frozenset("Norr Nord Syd Söder Öst Väst City Centrum".split())
_DISTRICT_AFTER = re.compile(WS + r"+(" + CAPWORD + r")(?![\w-])")
_SITE_DIRECTIONS = frozenset("Norra Södra Östra Västra".split())
# "Ryggspecialisten Umeå", "Ögonkliniken Växjö City", "Handkirurgen Lund Syd", "Hudläkarna Visby": a clinic, its
# known town and the part of town after it (the town alone other patterns read)
_CLINIC_TOWN = guarded(
    r"(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}(?:specialisten|specialisterna|kliniken|mottagningen|kirurgen|centret|läkarna)"
    + WS
    + r"+(?P<town>"
    + CAPWORD
    + r")(?:"
    + WS
    + r"+(?P<district>"
    + CAPWORD
    + r"))?(?![\w-])"
)
# "vc i mora", "hc på Tranås", "vc Gamlestan": a health centre's abbreviation, its town or name
_HEALTH_CENTRE = guarded(
    r"(?<![\w-])(?:vc|hc|Vc|Hc|VC|HC)"
    + WS
    + r"+(?:(?:i|på)"
    + WS
    + r"+(?P<town>[^\W\d_][\w-]*)|(?P<name>"
    + CAPWORD
    + r"))(?![\w-])"
)
# "Skånes universitetssjukhus/Lund", "Ortopedkliniken, Norra Älvsborgs länssjukhus/Trollhättan":
# a hospital and its site after a slash, with the clinic and a comma before it
_HOSPITAL_SITE = guarded(
    r"(?<![\w-])(?:["
    + CAP
    + r"]["
    + LOW
    + r"]+kliniken,?"
    + WS
    + r"+)?(?:"
    + CAPWORD
    + WS
    + r"+){0,2}(?:["
    + CAP
    + r"]["
    + LOW
    + r"]*|[a-zåäö]*)(?:sjukhuset|sjukhus|lasarettet|lasarett)/(?P<site>"
    + CAPWORD
    + r")(?![\w-])"
)
# "på Lindqvistska", "Bergerska i Kalmar": a hospital named by an adjective in "-ska", a word no
# lexicon has (not "på Engelska"); after a preposition or with its town
_SKA_HOSPITAL = guarded(
    r"(?<![\w-])(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]{4,}ska)(?![\w-])(?:"
    + WS
    + r"+i"
    + WS
    + r"+(?P<town>"
    + CAPWORD
    + r"))?"
)
_SCHOOL_AFTER = re.compile(WS + r"+(?:gymnasiet|gymnasium|skolan|skola|samskola|läroverket)(?![\w-])")
_PREPOSITION_BEFORE = re.compile(r"(?:på|till|från|vid)" + WS + r"+$")


def _own_name(text: str, start: int, word: str) -> bool:
    """A name of a unit's own, not a word or a person: "Fjällbygden", "Balans", not "Anna" or "Men";
    at a sentence start, where a capital says nothing, only a word no lexicon has."""
    return word in _DISTRICT or name_like(text, start, word, unknown_at_start=True)


def _foreign_heads(text: str) -> list[Span]:
    out = []
    for m in _FOREIGN_HEAD.finditer(text):
        words = m.group("words").split()
        start = m.start()
        # "Tack Nova Center", "Vårt Center": a sentence's everyday first word is no part of the name
        while words and function_words_or_calendar(words[0]) and words[0] not in lists.places():
            start = text.index(words[1], start) if len(words) > 1 else m.start("head")
            words = words[1:]
        if m.group("head").startswith("Cent") and not _CARE_WORD.search(text, start, m.end("head")):
            continue
        if not words:
            continue
        town = m.group("town")
        end = m.end() if town and (town in lists.places() or town in _DISTRICT) else m.end("head")
        out.append(Span(start, end, "VARDENHET"))
    return out


def _named_specialties(text: str) -> list[Span]:
    out = []
    for m in _NAMED_SPECIALTY.finditer(text):
        before, after = m.group("before"), m.group("after")
        start = m.start() if before and _own_name(text, m.start(), before) else m.start("spec")
        end = m.end() if after and _own_name(text, m.start("after"), after) else m.end("spec")
        district = _DISTRICT_AFTER.match(text, end) if after and end == m.end() else None
        if district and district.group(1) in _DISTRICT:
            end = district.end()  # "Fysioterapi Mölndal Centrum": the town and its part
        if start == m.start("spec") and end == m.end("spec"):
            continue  # "Ortopedi" alone is the specialty
        out.append(Span(start, end, "VARDENHET"))
    return out


def _clinic_towns(text: str) -> list[Span]:
    out = []
    for m in _CLINIC_TOWN.finditer(text):
        if m.group("town") not in lists.places():
            continue
        end = m.end() if m.group("district") in _DISTRICT else m.end("town")
        out.append(Span(m.start(), end, "VARDENHET"))
    return out


def _health_centres(text: str) -> list[Span]:
    out = []
    places = lists.places()
    for m in _HEALTH_CENTRE.finditer(text):
        town, name = m.group("town"), m.group("name")
        if town is not None and (town in places or places.get(town.capitalize()) is not None):
            out.append(Span(m.start(), m.end(), "VARDENHET"))
        elif name is not None and _own_name(text, m.start("name"), name):
            out.append(Span(m.start(), m.end(), "VARDENHET"))
    return out


def _hospital_sites(text: str) -> list[Span]:
    out = []
    for m in _HOSPITAL_SITE.finditer(text):
        # the site a known town, or the hospital's part of its city: "Sahlgrenska Universitetssjukhuset/Östra"
        site = m.group("site")
        if site not in lists.places() and not (site in _SITE_DIRECTIONS and text[m.start()].isupper()):
            continue
        start = m.start()
        first = re.match(r"[^\W\d_]+", text[start:]).group(0)
        if function_words_or_calendar(first) and not first.endswith("kliniken"):
            start = text.index(" ", start) + 1  # "Igår Skånes universitetssjukhus/Lund"
        out.append(Span(start, m.end(), "VARDENHET"))
    return out


def _ska_hospitals(text: str) -> list[Span]:
    out = []
    for m in _SKA_HOSPITAL.finditer(text):
        name, town = m.group("name"), m.group("town")
        if not unknown_word(name) or sentence_start(text, m.start("name")):
            continue
        if _SCHOOL_AFTER.match(text, m.end("name")):
            continue  # "Rudbeckianska gymnasiet": a school's (recognisers/school_names.py)
        if town is not None and town in lists.places():
            out.append(Span(m.start("name"), m.end(), "VARDENHET"))
        elif _PREPOSITION_BEFORE.search(text, max(0, m.start("name") - 6), m.start("name")):
            out.append(Span(m.start("name"), m.end("name"), "VARDENHET"))
    return out


# "tid hos Linsbolaget Västerås", "optiker på Brillkedjan Uppsala": a chain's own name (a word no
# lexicon or name list has) and a known town after a visiting preposition (not "från": "intyg
# från <arbetsgivare> <Ort>", "<Namn> från <förening> <Ort>")
_CHAIN_TOWN = guarded(
    r"(?<![\w-])(?i:hos|på|till|vid)"
    + WS
    + r"+(?P<chain>["
    + CAP
    + r"][A-Za-zåäöÅÄÖ]{2,})"
    + WS
    + r"+(?P<town>"
    + CAPWORD
    + r")(?![\w-])"
)
# what makes the sentence one about care, not about a shop or an employer ("till Ikea Uppsala")
_VISIT_WORD = re.compile(
    r"(?i:undersök|optiker|ögon|syn(?:test|prov|fält|intyg)|glasögon|linser|kontaktlins|intyg|remiss|läkar|"
    r"vård|klinik|mottagning|behandl|operation|opererad|tandläk|bokning|bokad|\btid\b|besök|recept)"
)
_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _sentence_around(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in _SENTENCE_EDGE.finditer(text, max(0, start - 120), start)), default=0)
    after = _SENTENCE_EDGE.search(text, end)
    return text[before : after.start() if after else len(text)]


def _chain_towns(text: str) -> list[Span]:
    out = []
    places = lists.places()
    for m in _CHAIN_TOWN.finditer(text):
        chain, town = m.group("chain"), m.group("town")
        if places.get(town) is not False or chain in places or not unknown_word(chain):
            continue
        info = lists.names().get(chain.lower())
        if info is not None and (info.first_sv or info.first_other or info.last):
            continue  # "hos Anna Lund": a person
        if not _VISIT_WORD.search(_sentence_around(text, m.start(), m.end())):
            continue
        district = _DISTRICT_AFTER.match(text, m.end())
        end = district.end() if district and district.group(1) in _DISTRICT else m.end()
        out.append(Span(m.start("chain"), end, "VARDENHET"))
    return out


def find_private_clinics(text: str) -> list[Span]:
    return (
        _chain_towns(text)
        + _foreign_heads(text)
        + _named_specialties(text)
        + _clinic_towns(text)
        + _health_centres(text)
        + _hospital_sites(text)
        + _ska_hospitals(text)
    )
