"""Care units written the way letters, notices and mail signatures write them: a clinic word
and its hospital or town with no preposition between ("Reumatologen Falun", "Geriatriken SUS
Malmö", "Dagkirurgen Hudiksvalls sjukhus"), a saint's name in the unit ("S:t Eriks
Ögonsjukhus"), a provider's chain name with its service and site ("Aleris Röntgen
Liljeholmen"), a service and a district ("Psykiatri Nordväst"), a town's service in the
genitive ("Norra Stockholms psykiatri") and a named home after a compound home word
("jourboendet Tranan")."""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.hospital_names import CLINIC_HOSPITAL, SAINT
from nlp.pseudonymise.recognisers.patterns import (
    ACRONYM_HYPHEN,
    CAP,
    CAPWORD,
    LOW,
    QUANTITY_UNIT,
    WS,
    coordinated_first,
    named_after,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.public_offices import opens_with_custody, opens_with_social_unit
from nlp.pseudonymise.recognisers.unit_towns import with_district_after
from nlp.pseudonymise.recognisers.words import CARE_PRACTICE

# Care providers whose name stands before the unit: "Capio vårdcentral Gubbängen".
CARE_PROVIDERS = (
    r"Capio|Aleris|Praktikertjänst|Närhälsan|Achima Care|Kry|Min Doktor|Doktor\.se|Attendo|Vardaga|"
    r"Ambea|Nytida|Humana|Frösunda|Förenade Care|Forenade Care|Ersta|Stockholms stadsmission|Convictus"
)
# what stands before a unit word in its compound: a stem ("Barn-") or an acronym ("STI-", "PrEP-")
UNIT_STEM = r"(?:" + ACRONYM_HYPHEN + r"|[" + CAP + LOW + r"][" + LOW + r"]*)"
# a clinic by what it does, a compound ending in a clinic word: "Reumatologen", "LARO-mottagningen"
_CLINIC = (
    UNIT_STEM + r"(?:[" + LOW + r"]*(?:logen|iatriken|peden|kirurgen|"
    # a text message's short form of a compound clinic word: "Hudmott <sjukhus>", "Barnklin <Ort>"
    r"mottagningen|kliniken|avdelningen|akuten|enheten|medicinen|habiliteringen|(?<=[" + LOW + r"])(?:mott|klin)))"
    # a heading's clinic in the indefinite form, a compound ("Njurmedicin <Ort>", "Rättspsykiatri
    # <Ort>"), and "Psykiatrin <Ort>"
    r"|["
    + CAP
    + LOW
    + r"]["
    + LOW
    + r"]+medicin|["
    + CAP
    + r"]["
    + LOW
    + r"]{2,}vården|["
    + CAP
    + LOW
    + r"]["
    + LOW
    + r"]*psykiatrin?|Psykiatrin"
)
# "Barn- och ungdomsmedicinska mottagningen", "Psykiatriska akutmottagningen": what may stand before
_LEAD = (
    r"(?:" + coordinated_first() + r")?"
    r"(?:[" + CAP + LOW + r"][" + LOW + r"]{3,}(?:iska|ska|ala|ära)" + WS + r"+)?"
)
_CLINIC_AT = guarded(
    r"(?<![\w-])"
    + _LEAD
    + r"(?:"
    + _CLINIC
    + r"|[Mm]ottagningen)(?:"
    + WS
    + r"+för(?:"
    + WS
    + r"+["
    + LOW
    + r"]+){1,3}?)?(?:"
    + WS
    + r"+(?:på|vid))?"
    + WS
    + r"+(?:(?P<hospital>"
    + CLINIC_HOSPITAL
    + r")(?:"
    + WS
    + r"+(?P<town2>["
    + CAP
    + r"]["
    + LOW
    + r"]+))?|(?P<town>["
    + CAP
    + r"]["
    + LOW
    + r"]+)(?P<town_hospital>"
    # the town's hospital named by the town alone: "Ögonmott Karlskoga lasarett"
    + WS
    + r"+(?:lasarettet|lasarett|sjukhuset|sjukhus)"
    + r")?)(?![\w-])"
)
# "S:t Eriks Ögonsjukhus": a saint's hospital
_SAINT_HOSPITAL = guarded(
    r"(?<![\w-])" + SAINT + r"s?" + WS + r"+[" + CAP + r"][" + LOW + r"]*(?:sjukhus|sjukhuset|lasarett|lasarettet|"
    r"klinik|kliniken)(?![\w-])"
)
# "UMO Gävle", "bup lund": a unit's acronym with its town right after it
_ACRONYM_TOWN = guarded(
    r"(?<![\w-])(?:UMO|BUP|BVC|MVC|BUMM|umo|bup|bvc|mvc)"
    + WS
    + r"+(?P<town>["
    + CAP
    + LOW
    + r"]["
    + LOW
    + r"]+)(?![\w-])"
)
# "Aleris Specialistvård Sabbatsberg", "Frösunda Omsorg LSS-boende Bergsgatan" (not "… AB", a firm)
_PROVIDER_CHAIN = guarded(
    r"(?<![\w-])(?:"
    + CARE_PROVIDERS
    + r")(?:"
    + WS
    + r"+(?:[A-ZÅÄÖ]{2,4}-[a-zåäö]+|[a-zåäö]*boende|"
    + CAPWORD
    + r")){2,3}(?![\w-])(?!"
    + WS
    + r"+AB\b)"
)
# "Sophiahemmet Ortopedklinik": a named hospital and its clinic
_HOSPITAL_CLINIC = guarded(
    r"(?<![\w-])[" + CAP + r"][" + LOW + r"]+(?:hemmet|sjukhuset|lasarettet)" + WS + r"+[" + CAP + r"][" + LOW + r"]*"
    r"(?:klinik|kliniken|mottagning|mottagningen|avdelning|avdelningen)(?![\w-])"
)
_DIRECTION = r"(?:Nord|Syd|Öst|Väst|Norr|Söder|Nordväst|Nordost|Nordöst|Sydväst|Sydost|Sydöst|Mitt|Centrum|City)"
# "Psykiatri Nordväst", "Beroendevården Syd": a service and the district it serves
_SERVICE_DISTRICT = guarded(
    r"(?<![\w-])(?:Vuxen|Barn|Rätts|Äldre)?(?:[Pp]sykiatri|[Bb]eroendevård|[Pp]rimärvård|[Nn]ärsjukvård|"
    r"[Hh]abilitering)(?:en|n)?" + WS + r"+" + _DIRECTION + r"(?![\w-])"
)
# "Psykiatri Falun", "Psykiatri Norra Umeå", "Psykiatri Affektiva": a region's psychiatric division
# by its town (a listed one, checked below) or by its specialty's adjective, in the indefinite
# form with a capital, as the region names it; "Psykiatri Affektiva Öst" with its district
_PSYCHIATRY_NAMED = guarded(
    r"(?<![\w-])Psykiatri"
    + WS
    + r"+(?:(?:Norra|Södra|Östra|Västra)"
    + WS
    + r"+)?(?P<name>["
    + CAP
    + r"]["
    + LOW
    + r"]+)(?![\w-])(?:"
    + WS
    + r"+(?:"
    + _DIRECTION
    + r"|Norra|Södra|Östra|Västra)(?![\w-]))?"
)
_SPECIALTY_ADJECTIVE = re.compile(r"[" + CAP + r"][" + LOW + r"]{3,}(?:iva|iska)")
# "Akuten Västra", "AKUTEN NORRA": an emergency department by the hospital's quarter, in any case
_ACUTE_DISTRICT = guarded(r"(?<![\w-])(?i:akuten|akutmottagningen)" + WS + r"+(?i:östra|västra|norra|södra)(?![\w-])")
# "inlagd på NUS Umeå": a hospital's initials and its town after being admitted
_ADMITTED_AT = guarded(
    r"(?<![\w-])(?i:inlagd|inlagt|inlagda|inskriven|ligger[ \t]+inne|vårdas|opererad|opererades)"
    + WS
    + r"+(?:på|vid)"
    + WS
    + r"+(?P<unit>["
    + CAP
    + r"]{2,4}"
    + WS
    + r"+(?P<town>["
    + CAP
    + r"]["
    + LOW
    + r"]+))(?![\w-])"
)
# "Norra Stockholms psykiatri": a town's service in the genitive
_TOWN_SERVICE = guarded(
    r"(?<![\w-])(?:(?:Norra|Södra|Östra|Västra)" + WS + r"+)?(?P<town>[" + CAP + r"][" + LOW + r"]+)s" + WS + r"+"
    r"(?:psykiatri|beroendevård|närsjukvård|barnpsykiatri|vuxenpsykiatri)(?![\w-])"
)
# "jourboendet Tranan", "stödboendet Ankaret": a compound home word and the home's name; in
# told speech also capitalised and the homes of care for addiction, youth and the homeless:
# "Behandlingshemmet Lyran", "SiS-hemmet Ekbacka", "Härbärget Ljuset", "Skyddat boende Tallen",
# "Boendestödet Norr"
_HOME_NAMED = guarded(
    named_after(
        r"[" + CAP + r"]?[" + LOW + r"]{2,}(?:boendet|hemmet|härbärget)|(?:SiS|LVM|HVB)-hemmet|[Hh]ärbärget|"
        r"[Bb]oendestödet|[Ss]kyddat" + WS + r"+boende|[Ss]kyddade" + WS + r"+boendet"
    )
)

# a house, a hospital, an activity group or an after-school centre with its own name after the
# compound: "Regionsjukhuset Norrlid", "Kvinnohuset Ronja", "Cafégruppen Ekorren", "Fritids Solstrålen"
# (a group online, "Facebookgruppen X", is no place of care)
_HOUSE_NAMED = guarded(
    named_after(
        r"(?!(?i:facebook|whatsapp|messenger|chatt|sms|snap|mejl|mail))[" + CAP + r"][" + LOW + r"]{2,}"
        r"(?:sjukhuset|lasarettet|huset|gruppen|gården)|Fritids|Fritidshemmet"
    )
)
# after a first name, a verb: "Kulturhuset Anna sa …" names Anna, not the house; "Kvinnohuset
# Ronja förra våren" is the house
_PERSON_GOES_ON = re.compile(
    WS + r"+(?!(?:i|på|och|som|för|med|under|sedan|efter|över|mellan)\b)"
    r"(?:sa|tog|gick|kom|fick|gav|var|är|har|hade|kan|ska|vill|[a-zåäö]+(?:ar|er|ade|de|te))\b"
)


_COMPANY_FORM_AFTER = re.compile(WS + r"+(?:AB|HB|KB|Aktiebolag)(?![\w-])")


def _house_name(text: str, m: re.Match[str]) -> bool:
    name = m.group("name")
    # "Omsorgsgruppen Väst AB": a company's form after it makes the whole a firm's name
    if function_words_or_calendar(name) or _COMPANY_FORM_AFTER.match(text, m.end()):
        return False
    info = lists.names().get(name.lower())
    first = info is not None and (info.first_sv or info.first_other)
    return not (first and _PERSON_GOES_ON.match(text, m.end()))


# a house is a place of care by its first part ("Servicehuset", "Läkarhuset"); any other house is
# a body's ("Kvinnohuset Ljuset", as "Kvinnojouren" is, "Lagerhuset Nord")
# (a therapy practice's: "Naprapathuset", "Fysiohuset")
_CARE_HOUSE = re.compile(r"(?i:(?:sjuk|service|vård|läkar|hälso|omsorgs)huset|" + CARE_PRACTICE + r")")


def _house_label(unit: str) -> str:
    head = unit.split()[0]
    if head.lower().startswith("apotek"):
        return "ORGANISATION"  # "Apoteksgruppen Mora": a pharmacy chain and its branch (organisation.py)
    return "ORGANISATION" if head.endswith("huset") and not _CARE_HOUSE.search(head) else "VARDENHET"


# an English hospital in a foreign colleague's signature: "St Thomas' Hospital", "Royal Free Hospital"
_EN_HOSPITAL = guarded(
    r"(?<![\w-])(?!(?:The|A|An|Our|My|This|That|Your|Their|His|Her|Its|Every|Any)\b)(?:(?:St\.?|Saint)"
    + WS
    + r"+)?(?:["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:'s|s'|')?"
    + WS
    + r"+){1,2}"
    r"(?:Hospital|Infirmary|Medical Centre|Medical Center|Clinic)(?![\w-])"
)


# "hemtjänstgruppen Västra Centrum", "hemtjänst Kvarnbyn", "Dagcenter Källan", "HEMTJÄNST SÖDRA
# HAGA": a municipality's home-care group or day centre and its name (the unit patterns in
# categories/vardenhet.py read only a capitalised "Hemtjänst" and no group or centre word)
_MUNICIPAL_UNIT = guarded(
    r"(?<![\w-])(?:(?P<word>[Hh]emtjänst(?:gruppen|grupp|området|en)?|[Dd]agcent(?:er|ret|ralen))|HEMTJÄNST(?:GRUPPEN)?)"
    + WS
    + r"+(?P<name>"
    + CAPWORD
    + r"|[A-ZÅÄÖ]{3,})(?:"
    + WS
    + r"+(?:"
    + CAPWORD
    + r"|[A-ZÅÄÖ]{3,}))?(?![\w-])"
)
_SHOUTED_DIRECTION = frozenset("NORRA SÖDRA ÖSTRA VÄSTRA CENTRALA".split())
# "det är ju jag som är hemtjänsten östra": a home-care group by its district in lower case
# ("hemtjänsten östra delen av stan", "hemtjänsten norra Sverige": a part of a place)
_LOWER_DISTRICT = re.compile(
    r"(?<![\w-])[Hh]emtjänst(?:gruppen|grupp|en)?[ \t]+(?:norra|södra|östra|västra|väster|öster|norr|söder|centrum)"
    r"(?![\w-])(?![ \t]+(?:del|delen|delarna|sidan|området|länet|stan|staden|[A-ZÅÄÖ]))"
)


# a clinic written before its hospital with a comma, as referrals and 1177 write it:
# "Dagkirurgen, Norrtälje sjukhus", "Njurmedicin, Danderyds sjukhus", "Urologen, Sahlgrenska"
# also with its ward number or an adjective before: "Kirurgavdelning 50, Mälarsjukhuset",
# "Geriatriska kliniken, Centralsjukhuset Växjö", "Barnkirurgiska avdelningen 3, …", and a centre of the
# hospital: "Barncancercentrum, Skånes universitetssjukhus"
_WARD_NUMBER = r"(?:" + WS + r"+\d{1,3}[A-Za-z]?)?"
CLINIC_COMMA_BEFORE = re.compile(
    # "Barn- och ungdomskliniken, …": a coordinated first part
    r"(?:(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]*(?:-"
    + WS
    + r"+(?:och|&)"
    + WS
    + r"+["
    + LOW
    + r"]+)?(?:mottagningen|kliniken|avdelningen|logen|kirurgen|iatriken|iatrin|"
    r"peden|akuten|intensiven|medicin|enheten|rehab|centrum|avdelning(?:en)?" + _WARD_NUMBER + r")"
    r"|(?<![\w-])["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:iska|ska|iva)"
    + WS
    + r"+["
    + LOW
    + r"]*(?:kliniken|mottagningen|enheten|"
    r"avdelning(?:en)?" + _WARD_NUMBER + r")"
    # a region's psychiatric division by its specialty: "Psykiatri Affektiva, <sjukhus>"
    r"|(?<![\w-])Psykiatri" + WS + r"+[" + CAP + r"][" + LOW + r"]{3,}(?:iva|iska))," + WS + r"+$"
)
# the other order, as a hospital's letters sign: "<Sjukhus> <Ort>, ECT-mottagningen", "…, Barnkliniken"
CLINIC_COMMA_AFTER = re.compile(
    r"," + WS + r"+(?:[A-ZÅÄÖ]{2,5}-|[" + CAP + r"])[" + LOW + r"]*(?:mottagningen|kliniken|avdelningen)(?![\w-])"
)


def _municipal_units(text: str) -> list[Span]:
    out = []
    for m in _MUNICIPAL_UNIT.finditer(text):
        name, end = m.group("name"), m.end()
        if m.group("word") is None:  # shouted: a direction or a known town opens the name
            if name not in _SHOUTED_DIRECTION and name.capitalize() not in lists.places():
                continue
        elif name.isupper() or function_words_or_calendar(name):
            continue  # "hemtjänst Men det …", "Hemtjänst Måndag"
        rest = text[m.end("name") : end].strip()
        if rest and (function_words_or_calendar(rest) or rest.isupper() != name.isupper()):
            end, rest = m.end("name"), ""
        if not rest and name in lists.places():
            continue  # "hemtjänst Haninge": the municipality's service is its town (ORT finds it)
        out.append(Span(m.start(), end, "VARDENHET"))
    out += [Span(m.start(), m.end(), "VARDENHET") for m in _LOWER_DISTRICT.finditer(text) if "emtjänst" in text]
    return out


def function_words_or_calendar(word: str) -> bool:
    """A capitalised word that opens a sentence or names a day or month, not a unit's name."""
    low = word.lower()
    return low in SWEDISH_STOP_WORDS or low in _CALENDAR or zipf_frequency(low, "sv") >= 5.0


_CALENDAR = frozenset(
    "måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti "
    "september oktober november december jul påsk midsommar".split()
)


def _clinic_at(text: str) -> list[Span]:
    out = []
    places = lists.places()
    for m in _CLINIC_AT.finditer(text):
        end = m.end()
        if m.group("town") is not None and m.group("town") not in places:
            continue
        if m.group("town2") is not None and m.group("town2") not in places:
            end = m.end("hospital")
        out.append(Span(m.start(), end, "VARDENHET"))
    out += [Span(m.start(), m.end(), "VARDENHET") for m in _LOWER_DISTRICT.finditer(text) if "emtjänst" in text]
    return out


def find_unit_constructions(text: str) -> list[Span]:
    """Units in the letter and signature writings above (the generic unit patterns in
    categories/vardenhet.py need a preposition or a unit word these lack)."""
    if not any(ch.isupper() for ch in text) and not any(
        a in text for a in ("bup", "umo", "bvc", "mvc", "bumm", "hemtjänst")
    ):
        return []
    places = lists.places()
    names = lists.names()
    spans = _clinic_at(text)
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _SAINT_HOSPITAL.finditer(text)]
    spans += _municipal_units(text)
    spans += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _ACRONYM_TOWN.finditer(text)
        if m.group("town").capitalize() in places and (m.group("town")[0].isupper() or m.group(0).islower())
    ]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _PROVIDER_CHAIN.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _HOSPITAL_CLINIC.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _EN_HOSPITAL.finditer(text)]
    divisions = list(_SERVICE_DISTRICT.finditer(text)) + [
        m
        for m in _PSYCHIATRY_NAMED.finditer(text)
        if m.group("name") in places or _SPECIALTY_ADJECTIVE.fullmatch(m.group("name"))
    ]
    for m in divisions:  # "Internetpsykiatrin, Psykiatri <Ort>": the clinic of the division before it
        clinic = CLINIC_COMMA_BEFORE.search(text, max(0, m.start() - 40), m.start())
        spans.append(Span(clinic.start() if clinic else m.start(), m.end(), "VARDENHET"))
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _ACUTE_DISTRICT.finditer(text)]
    spans += [
        Span(m.start("unit"), m.end("unit"), "VARDENHET")
        for m in _ADMITTED_AT.finditer(text)
        if m.group("town") in places
    ]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _TOWN_SERVICE.finditer(text) if m.group("town") in places]
    spans += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _HOME_NAMED.finditer(text)
        if m.group("name") not in places
        and names.get(m.group("name").lower()) is None
        and not function_words_or_calendar(m.group("name"))
    ]
    spans += [
        Span(m.start(), m.end(), _house_label(m.group(0))) for m in _HOUSE_NAMED.finditer(text) if _house_name(text, m)
    ]
    return finished_units(text, spans)


def finished_units(text: str, spans: list[Span]) -> list[Span]:
    """Units with their team number and a district after their town; one opening with a social-services unit's kind
    ("Familjehemsenheten X") or a probation office's word ("Frivården X") is that office, an ORGANISATION
    (public_offices.py)."""
    return [
        with_district_after(text, with_team_number(text, sp))
        for sp in spans
        if not (opens_with_social_unit(text, sp.start) or opens_with_custody(text, sp.start))
    ]


# a district's team by its number: "hemtjänst Väster 2", "Hemsjukvården Norra 3"
_DISTRICT_END = re.compile(r"(?:Väster|Öster|Norr|Söder|Centrum|Norra|Södra|Östra|Västra|Syd|Nord|Öst|Väst)$")
_TEAM_NUMBER = re.compile(WS + r"+\d{1,2}(?![\d,.:/-]|" + WS + r"*" + QUANTITY_UNIT + r")")


def with_team_number(text: str, sp: Span) -> Span:
    """A unit ending in a district word takes the team number after it."""
    m = _TEAM_NUMBER.match(text, sp.end) if _DISTRICT_END.search(text, sp.start, sp.end) else None
    return Span(sp.start, m.end(), sp.label) if m else sp
