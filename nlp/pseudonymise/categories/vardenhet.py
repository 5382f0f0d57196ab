"""VARDENHET: named care units ("BUP Karlstad", "vårdcentralen Gripen"), not generic ones."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers import unit_constructions as units
from nlp.pseudonymise.recognisers.chronic_care import coordinated_start
from nlp.pseudonymise.recognisers.clinics_by_town import EVERY_TOWN_UNITS, clinic_right_before, find_clinics_by_town
from nlp.pseudonymise.recognisers.genitive_units import find_genitive_units
from nlp.pseudonymise.recognisers.hospital_names import hospital_of_place
from nlp.pseudonymise.recognisers.lower_units import find_lower_named_units
from nlp.pseudonymise.recognisers.named_with_place import find_named_with_place
from nlp.pseudonymise.recognisers.patterns import (
    CAP,
    CAP_AFTER,
    CAP_NAME,
    CAPWORD,
    LOW,
    STREET_SUFFIX,
    WS,
    coordinated_first,
    named_after,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.programme_units import HOME_KIND, find_programme_units
from nlp.pseudonymise.recognisers.service_centres import find_service_centres
from nlp.pseudonymise.recognisers.spoken_units import find_spoken_units
from nlp.pseudonymise.recognisers.unit_acronyms import find_acronyms_in_town, find_maternity_wards
from nlp.pseudonymise.recognisers.unit_constructions import CARE_PROVIDERS, find_unit_constructions, finished_units
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS, NOT_UNIT_WORDS, rare_word, sentence_start

_UNIT_HEAD = (
    r"kliniken|klinik|mottagningen|mottagning|sjukhuset|sjukhus|lasarettet|lasarett|"
    r"vårdcentralen|vårdcentral|vardcentralen|vardcentral|hälsocentralen|hälsocentral|akutmottagningen|akuten|"
    # "enheten" alone or after a linking s ("Ätstörningsenheten"), never "lägenheten", "erfarenhet"
    r"avdelningen|boendet|boende|vårdhemmet|vårdhem|behandlingshemmet|behandlingshem|psykiatrin|"
    r"korttidshemmet|korttidshem|dagverksamheten|dagverksamhet|(?:(?<=s)|(?<![" + LOW + r"]))enhet(?:en)?|"
    r"habiliteringen|habilitering|öppenvården|öppenvård|hospicet|hospice|säbo|gruppbostaden|gruppbostad|"
    # the municipality's meeting places and daily activities: "Ugglans aktivitetshus"
    r"aktivitetshuset|aktivitetshus|träffpunkten|träffpunkt|"
    # a home with its own flats and staff: "Ekbackens servicehus"
    r"servicehuset|servicehus|"
    # a day centre and a home-help team by their place or name: "Bäckens dagcenter", "Ås hemtjänstgrupp"
    r"dagcentret|dagcenter|hemtjänstgruppen|hemtjänstgrupp"
)
# Healthcare centres named "-centrum" ("Beroendecentrum", "Ögoncentrum"), not shopping or travel centres.
_CENTRE = (
    r"(?i:beroende|vård|hälso|psykiatri|rehab|rehabiliterings|habiliterings|kris|ungdoms|barn|"
    r"familje|stöd|behandlings|smärt|minnes|ögon|syn)(?:centrum|centret)"
)
_UNIT_PREFIX = (
    r"BUP|BUMM|UMO|VUP|PIVA|TNE|VC|HC|MVC|BVC|HVB-hemmet|HVB|LSS-boendet|[Vv]årdcentralen|[Vv]årdcentral|[Vv]ardcentralen|[Hh]älsocentralen|"
    r"[Hh]älsocentral|[Ää]ldreboendet|[Gg]ruppboendet|[Kk]orttidsboendet|[Kk]orttidshemmet|"
    r"[Bb]ehandlingshemmet|[Ss]ärskilda boendet|[Bb]oendet|[Vv]årdhemmet|[Aa]vdelning|[Aa]vd\.?|[Vv]årdavdelning|"
    r"[Mm]ottagningen|[Uu]ngdomsmottagningen|[Pp]sykiatrimottagningen|[Dd]agverksamheten|"
    r"[Ss]ervicehuset|[Tt]räffpunkten|[Ss]ysselsättningen|[Gg]ruppbostaden|[Gg]ruppbostad|[Ss]ervicebostaden|"
    r"[Hh]emtjänsten|Hemtjänst|[Bb]arnhälsan|[Hh]ospicet|[Hh]ospice|[Hh]abiliteringen|[Ff]amiljecentralen|[Bb]arnahuset|[Bb]arnahus|"
    r"[Dd]agliga verksamheten|[Dd]aglig verksamhet|[Ss]tödboendet|[Kk]ollektivet|[Ss]kyddade boendet|"
    r"[Vv]ård- och omsorgsboendet|[Oo]msorgsboendet|[Vv]årdboendet|Mini-Maria|Maria Ungdom|Maria Beroende(?:centrum|centret)?|"
    r"(?:[" + CAP + r"][" + LOW + r"]*)?" + _CENTRE + r"|Villa|[Ss]prutbytet|"
    # the state's youth homes and a youth centre by its name: "SiS-hemmet Ljungbacka", "fritidsgården Kupolen"
    r"SiS-hemmet|SiS-institutionen|[Ff]ritidsgården|"
    # meeting places, daily activities and homes with a name: "Träffpunkt Måsen", "Verkstaden
    # Hantverkarna", "Hemmet Lindbacka" (capitalised: "verkstaden" alone is any repair shop)
    r"[Tt]räffpunkt|[Aa]ktivitetshuset|Verkstaden|Returbutiken|Hemmet|"
    # care in the home and the clinics' teams by their district: "Hemsjukvården Östra",
    # "Fysioterapin Gamlestaden", "Mobila teamet Sundsvall"
    r"[Hh]emsjukvården|Hemsjukvård|Fysioterapin|Sjukgymnastiken|Rehabiliteringen|[Mm]obila teamet|"
    r"[Pp]alliativa teamet|[Nn]ärsjukvårdsteamet|ASIH|[Ss]äbo|"
    # the emergency chain's units by their town: "Ambulansstationen Säffle", "Förlossningen Lund"
    r"[Aa]mbulansstationen|[Aa]mbulansstation|Förlossningen"
)
# Care providers whose name stands before the unit: "Capio vårdcentral Gubbängen".
_PROVIDERS = re.compile(r"(?:" + CARE_PROVIDERS + r"|Region [" + CAP + r"][" + LOW + r"]+s?)" + WS + r"+$")
# "Barn- och ungdomspsykiatrin", "vård- och omsorgsboende": a coordinated compound.
_COORD = r"(?:" + coordinated_first() + r")?"
_PLACE_TAIL = r"(?:" + WS + r"+(?:i|på)" + WS + r"+" + CAP_NAME + r")?"
# "… i/på Ort" closing a generic unit; not a hospital: "Geriatriken på Lasarettet i Ystad" is
# one unit (merged below)
_IN_TOWN = (
    WS
    + r"+(?:i|på|pa|in)"
    + WS
    + r"+(?!(?i:[a-zåäö]*(?:sjukhuset|lasarettet))(?![\w-]))(?P<town>["
    + CAP
    + LOW
    + r"]["
    + LOW
    + r"]+)(?![\w-])"
    # "Hemtjänsten i Skellefteå kommun": the municipality's service, an ORGANISATION
    + r"(?!"
    + WS
    + r"+(?:kommun|kommuns|stad|stads)(?![\w-]))"
)
# "… i Arboga kommun", "… i Arbogas kommun" right after a unit's word
_IN_MUNICIPALITY = re.compile(WS + r"+i" + WS + r"+" + CAP_NAME + WS + r"+(?:kommun|stad)(?![\w-])")
_UNIT_PATTERNS = [
    # "BUP Karlstad", "vårdcentralen Gripen", "äldreboendet Solbacken"
    # "Hemtjänst Norra distriktet": a district or team word may end the name
    guarded(
        r"(?<![\w-])(?:" + _UNIT_PREFIX + r")" + WS + r"+" + CAPWORD + r"(?:" + WS + r"+" + CAPWORD + r")?"
        r"(?:" + WS + r"+(?:distriktet|området|gruppen|teamet)(?![\w-]))?"
    ),
    # "Rättspsykiatriska kliniken i Kristinehamn", "Gripens vårdcentral", "Akademiska sjukhuset"
    guarded(
        r"(?<![\w-])(?:(?:Sankt|S:t|St\.|Södra|Norra|Östra|Västra|Nya|Gamla|Stora|Lilla)" + WS + r"+)?"
        r"("
        + CAPWORD
        + r")(?:"
        + WS
        + r"+(["
        + LOW
        + r"]+))?"
        + WS
        + r"+"
        + _COORD
        + r"["
        + LOW
        + r"]*(?:"
        + _UNIT_HEAD
        + r")(?![\w-])"
        + _PLACE_TAIL
    ),
    # One-word names: "Centralsjukhuset i Karlstad", "Solgården", "Björkhemmet"
    guarded(
        r"(?<![\w-])([" + CAP + r"][" + LOW + r"]{2,}(?:sjukhuset|sykehuset|lasarettet|kliniken|mottagningen|"
        r"vårdcentralen|hälsocentralen|gården|hemmet|boendet|akuten|(?<=s)enheten))(?![\w-])" + _PLACE_TAIL
    ),
    # a generic unit in a named town is a named unit: "beroendemottagningen i Arvika"
    guarded(
        r"(?<![\w-])(" + _COORD + r"(?:[" + CAP + LOW + r"][" + CAP + LOW + r"-]*)?(?i:psykiatrin|mottagningen|"
        r"kliniken|vårdcentralen|hälsocentralen|sjukhuset|lasarettet|akuten|(?:(?<=s)|(?<!["
        + LOW
        + r"]))enheten|habiliteringen|"
        r"öppenvården|beroendevården|hospicet|centrum|avgiftningen|tillnyktringen|vardcentralen|"
        r"halsocentralen|oppenvarden|sprutbytet|sprututbytet|avdelningen|psyket|psyk|sjukan)"
        # "mottagningen för ätstörningar i Örebro": what it is for may stand between
         + r"(?:" + WS + r"+för(?:" + WS + r"+[" + LOW + r"]+){1,3}?)?)" + _IN_TOWN
    ),
    # a coordinated compound's unit in its town: "Anorexi- och bulimienheten i Lund"; not a noun
    # made of an adjective in -en ("lägenheten", "erfarenheten", "öppenheten", "medvetenheten")
    guarded(
        r"(?<![\w-])(" + coordinated_first(capital=True, more="+") + r"[" + LOW + r"]+"
        r"(?<!g)(?<!pp)(?<!ar)(?<!et)(?<!åt)(?<!ak)enheten)" + _IN_TOWN
    ),
    # clinics and wards by what they do, and the units every town has: "ortopeden i Torsby",
    # "förlossningen i Ystad", "BVC in Kungsbacka" (an expat's English); kept apart from the
    # pattern above, whose open prefix makes every added word cost at every letter (speed)
    guarded(
        r"(?<![\w-])((?i:[a-zåäö]{0,12}?(?:logen|iatriken|peden|kirurgen)|" + EVERY_TOWN_UNITS + r"|"
        # the north's virtual health rooms, staffed at a distance: "hälsorummet i Slussfors"
        r"hälsorummet|halsorummet|"
        # a care team in its town: "smärtteamet i Torsby", "postcovidteamet i Gävle" (not "fotbollsteamet")
        r"(?:smärt|smart|rehab|rehabiliterings|postcovid|covid|palliativa|hemsjukvårds|demens|psykos|ätstörnings|"
        r"beroende|neuro|diabetes|hjärt|stroke|geriatriska|äldre|barn|trauma|kris|utrednings|behandlings)teamet|"
        # the dental specialty every county runs, by its everyday name: "tandregleringen i Luleå"
        r"tandregleringen|tandregleringskliniken|ortodontin)|BB|BVC|MVC|IVA|BUP)" + _IN_TOWN
    ),
    # the municipality's LSS teams by their district: "LSS Norra", "LSS Öster" (not "enligt LSS Sedan")
    guarded(
        r"(?<![\w-])LSS"
        + WS
        + r"+(?:Norra|Södra|Östra|Västra|Norr|Söder|Öster|Väster|Nord|Syd|Öst|Väst|Centrum|City)(?![\w-])"
    ),
    # university hospitals named without a unit word ("på Karolinska")
    guarded(r"(?<![\w-])(Sahlgrenska|Karolinska|Akademiska)(?![\w-])"),
    # a clinic of a named hospital: "Onkologen på Sahlgrenska", "geriatriken på Mälarsjukhuset"
    guarded(
        r"(?<![\w-])(?i:[" + LOW + r"]*(?:logen|kliniken|mottagningen|avdelningen|kirurgen|iatriken|iatrin|peden|"
        r"akuten)|förlossningen|infektion|medicin|BB|IVA)"
        + WS
        + r"+(?:på|vid|pa)"
        + WS
        + r"+(?:Sahlgrenska|Karolinska|Akademiska|["
        + CAP
        + r"]["
        + LOW
        + r"]+(?:sjukhuset|lasarettet)|"
        + hospital_of_place("s", kinds="")
        + r")(?:"
        + WS
        + r"+(?:universitets)?sjukhus(?:et)?)?(?![\w-])"
    ),
]

# hospitals across the northern borders, in their own language: "St. Olavs hospital",
# "Haukeland universitetssykehus", "Länsi-Pohjan keskussairaala", "Oulun yliopistollinen sairaala"
_ABROAD_HOSPITAL = re.compile(
    r"(?<![\w-])((?:(?:St\.|S:t|Sankt)"
    + WS
    + r"+)?"
    + CAPWORD
    + r")"
    + WS
    + r"+(?:universitetssykehus|universitetssjukehus|sykehus|sjukehus|hospital|"
    r"(?:yliopistollinen" + WS + r"+)?(?:keskus|alue)?sairaala(?:ssa|sta|an|n)?|"
    # Finnish cases: "Haparandan terveyskeskuksesta" (from), "…keskuksessa" (in)
    r"terveyskesku(?:s|ksessa|ksesta|kseen|ksen))(?![\w-])"
)
_ABROAD_WORDS = guarded(r"sykehus|sjukehus|hospital|sairaala|terveyskesku")

# "inlagd på Gläntan", "personalen på Lärkan": a capitalised word after these is a unit
# even without a unit word, unless a list knows it as a person or a place.
_UNIT_CONTEXT = guarded(
    r"(?i:personalen|inlagd|inlagda|inskriven|inskrivna|placerad|placerades|vistades|vårdades|"
    r"låg inne|dagverksamheten|dagverksamhet|korttiden|korttids)"
    + WS
    + r"+(?:på|vid)"
    + WS
    + r"+("
    + CAPWORD
    + r")(?![\w-])"
)


# "LSS-boendet på Tallvägen": a home named by its street (with a number it is an address).
_UNIT_AT_STREET = guarded(
    r"(?<![\w-])(?:["
    + CAP
    + LOW
    + r"][\w-]*)?(?:boendet|bostaden|hemmet|gruppboendet|servicehuset)"
    + WS
    + r"+(?:på|vid)"
    + WS
    + r"+["
    + CAP
    + r"]["
    + LOW
    + r"]+(?:"
    + STREET_SUFFIX
    + r")(?![\w-])"
    r"(?!" + WS + r"*\d)"
)
# A capitalised word in the genitive: "Karlstads" (daglig verksamhet), "Stockholms" (centrum för).
_GENITIVE = r"[" + CAP + r"][" + LOW + r"]+s"
# Units known by a brand or a "-centrum" name, alone or before their town.
_UNIT_NAMES = guarded(
    r"(?<![\w-])(?:Maria Ungdom|Maria Beroende(?:centrum|centret)?|Mini-Maria|(?:["
    + CAP
    + r"]["
    + LOW
    + r"]*)?"
    + _CENTRE
    + r"|"
    + _GENITIVE
    + WS
    + r"+dagliga?"
    + WS
    + r"+verksamhet(?:en)?"
    + r"|(?:Student|Företags|Studie)hälsan|Elevhälsan(?=[ \t\u00a0]+(?:i|på)[ \t\u00a0]+[A-ZÅÄÖ])"
    # "Stockholms centrum för ätstörningar"
    + r"|"
    + _GENITIVE
    + WS
    + r"+centrum"
    + WS
    + r"+för"
    + WS
    + r"+["
    + LOW
    + r"]{4,}"
    + r")(?![\w-])"
    + _PLACE_TAIL
)
# "Maria Malmö": the Maria units for young people with substance use, named by town.
_MARIA_UNIT = guarded(r"(?<![\w-])Maria" + WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+)(?![\w-])")
_JOIN = re.compile(WS + r"+(?:på|vid|i)" + WS + r"+$")


_GENERIC_UNIT_BEFORE = re.compile(
    r"(?<![\w-])" + units.UNIT_STEM + r"?(?:mottagningen|kliniken|avdelningen|enheten|psykiatrin|"
    r"vården|centralen|teamet|logen|iatriken|iatrin|kirurgen|peden|akuten|rehab|rehabiliteringen|"
    r"förlossningen|neonatalen|neonatal|intensiven|BB|IVA)" + WS + r"+(?:på|vid)" + WS + r"+$"
)
_ADJ_BEFORE = re.compile(r"(?<![\w-])[" + LOW + r"]{4,}(?:iska|ska|iva|ala)" + WS + r"+$")  # "palliativa enheten"
# "Barnmottagningen Kungsbacka", "Öppenvårdsmottagningen Riddersvik": a compound unit word and its name
_COMPOUND_UNIT_NAMED = guarded(
    named_after(units.UNIT_STEM + r"(?<=[\w-]{3})(?:mottagningen|kliniken|avdelningen|psykiatrin)")
)


# a form field's label right before: "Från: ", "Boende: "
_FIELD_BEFORE = re.compile(r"[" + LOW + r"]:" + WS + r"*$")
_HOSPITAL_WORD = re.compile(r"sjukhus|lasarett|Sahlgrenska|Karolinska|Akademiska")
# "kliniken på Sunderby sjukhus": a hospital named by its place and the bare word after it
_HOSPITAL_AFTER = re.compile(WS + r"+(?:sjukhus|sjukhuset|lasarett|lasarettet)(?![\w-])")


def _merge_units(text: str, spans: list[Span]) -> list[Span]:
    """Overlapping unit finds, or a unit "på" another ("Hjärtmottagningen på Ystads lasarett"), are one unit;
    so are "minnesmottagningen på Skaraborgs sjukhus" and "psykiatriska kliniken i Halmstad"."""
    grown = []
    for sp in spans:
        start = sp.start
        before = _GENERIC_UNIT_BEFORE.search(text, max(0, start - 50), start)
        if before:
            start = before.start()
        adj = _ADJ_BEFORE.search(text, max(0, start - 30), start)
        if adj and adj.group(0).split()[0] not in NOT_UNIT_WORDS:
            start = adj.start()
        start = coordinated_start(text, start)  # "Barn- och ungdomsmedicinska mottagningen"
        if text[start : start + 1].isupper():
            start = clinic_right_before(text, start)
        clinic = units.CLINIC_COMMA_BEFORE.search(text, max(0, start - 40), start)
        hospital = _HOSPITAL_WORD.search(text, sp.start, sp.end) or text.startswith("Psykiatri ", sp.start)
        if clinic and hospital:
            start = clinic.start()  # "Affektiva mottagningen, Psykiatri <Ort>" too
        end = sp.end
        tail = _HOSPITAL_AFTER.match(text, end)
        if tail and not _HOSPITAL_WORD.search(text, sp.start, sp.end):
            end = tail.end()
        clinic_after = units.CLINIC_COMMA_AFTER.match(text, end) if hospital else None
        end = clinic_after.end() if clinic_after else end
        grown.append(Span(start, end, "VARDENHET"))
    spans = grown
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and (
            sp.start <= out[-1].end
            or _JOIN.fullmatch(text, out[-1].end, sp.start)
            or not text[out[-1].end : sp.start].strip()
        ):
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, sp.end), "VARDENHET")
        else:
            out.append(sp)
    return out


_TWIN_TOWN = re.compile(r"-([" + CAP + r"][" + LOW + r"]+)(?![\w-])")


_UNIT_NUMBER = re.compile(WS + r"+\d{1,2}(?![\w,.:/-])")


def _town_tail(text: str, end: int) -> int:
    """ "Centralsjukhuset Karlstad": a known town right after the unit belongs to it, and so
    does a second one joined by a hyphen ("Länssjukhuset Sundsvall-Härnösand"); a number between
    is the unit's own ("Vårdcentralen Hälsan 2 Jönköping")."""
    numbered = _UNIT_NUMBER.match(text, end)
    tail = CAP_AFTER.match(text, numbered.end() if numbered else end)
    word = text[tail.start() : tail.end()].strip() if tail else ""
    # "Länssjukhuset Ryhov": a county or central hospital's own name, a word no lexicon explains
    named = text.endswith("sjukhuset", 0, end) and rare_word(word) and word.lower() not in lists.names()
    if tail and (word in lists.places() or named) and not text[tail.end() : tail.end() + 1].isalpha():
        end = tail.end()
    twin = _TWIN_TOWN.match(text, end)
    return twin.end() if twin and twin.group(1) in lists.places() else end


_SHOUT = re.compile(r"[A-ZÅÄÖ]{2,}(?:[ \t]+[A-ZÅÄÖ]+)+")
# the unit words a shouted unit has (speed: reviews shout often, units rarely)
_SHOUTED_UNIT = guarded(r"SJUKHUS|LASARETT|AKUT|KLINIK|MOTTAGNING|VÅRDCENTRAL|BUP|BVC|MVC|BB|IVA|PSYK|BOENDE")


def _unshouted(text: str) -> str:
    """ "AKUTEN I KALMAR", "BUP JÖNKÖPING" in the case the patterns read: words in lowercase,
    towns capitalised, the units' acronyms kept. Same length, so the offsets hold."""

    def word(m: re.Match) -> str:
        w = m.group(0)
        if w in CARE_ACRONYMS:
            return w
        return w.capitalize() if w.capitalize() in lists.places() else w.lower()

    out = _SHOUT.sub(lambda m: re.sub(r"[A-ZÅÄÖ]+", word, m.group(0)), text)
    return out if len(out) == len(text) else text


def find_care_unit(text: str) -> list[Span]:
    spans = _care_units(text)
    if _SHOUTED_UNIT.search(text) and _SHOUT.search(text):
        calm = _unshouted(text)
        spans = _merge_units(text, spans + _care_units(calm)) if calm != text else spans
    return spans


def _care_units(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "VARDENHET") for m in _UNIT_AT_STREET.finditer(text)]
    spans += find_acronyms_in_town(text) + find_clinics_by_town(text)
    spans += find_maternity_wards(text) if "BB" in text else []
    if _ABROAD_WORDS.search(text):
        spans += [Span(m.start(), m.end(), "VARDENHET") for m in _ABROAD_HOSPITAL.finditer(text)]
    spans += [Span(m.start(), _town_tail(text, m.end()), "VARDENHET") for m in _UNIT_NAMES.finditer(text)]
    spans += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _MARIA_UNIT.finditer(text)
        if m.group("town") in lists.places() and lists.places()[m.group("town")] is False
    ]
    for m in _COMPOUND_UNIT_NAMED.finditer(text):
        name = m.group("name")
        info = lists.names().get(name.lower())
        if name in lists.places() or info is None or not (info.first_sv or info.first_other):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))  # not "ringde mottagningen Anna svarade"
    spans += find_lower_named_units(text)
    for m in _UNIT_CONTEXT.finditer(text):
        name = m.group(1)
        if (
            name.lower() not in lists.names()
            and name not in lists.places()
            and name.lower() not in NOT_UNIT_WORDS
            and not name.startswith("Apotek")  # "personalen på Apoteket <Gren>": a chain (organisation.py)
        ):
            spans.append(Span(m.start(1), m.end(1), "VARDENHET"))
    for i, pattern in enumerate(_UNIT_PATTERNS):
        for m in pattern.finditer(text):
            if "town" in pattern.groupindex:
                town = m.group("town")
                places = lists.places()
                # "ungdomsmottagningen i kalmar": a lowercase town only if it is no ordinary word
                if (
                    town not in places
                    and not (town.islower() and places.get(town.capitalize()) is False)
                    # "hemtjänsten i Tärendö": a village no list has, a proper name no lexicon
                    # explains and no name list has
                    and not (town[:1].isupper() and rare_word(town) and town.lower() not in lists.names())
                ):
                    continue
            elif i > 0 and pattern.groups:  # the clinic-of-a-hospital pattern has no name group
                name = m.group(1)
                if name.lower() in NOT_UNIT_WORDS:
                    continue
                # "Saga på mottagningen": a person at a unit; a unit name's middle word is no function word
                if i == 1 and m.group(2) and m.group(2) in NOT_UNIT_WORDS:
                    continue
                # at a start any word is capitalised ("Bästa kliniken"): only a unit's adjective or genitive
                # counts, or a hospital by a name no lexicon explains ("Dödsplats: Sunderby sjukhus")
                at_start = sentence_start(text, m.start())
                hospital = _HOSPITAL_WORD.search(m.group(0)) and (name in lists.places() or rare_word(name))
                # a place-like name no lexicon or name list explains is a unit's own name at a start too,
                # as a form's field gives it: "Från: Ekby vårdcentral", "Boende: Tallhaga äldreboende"
                own_name = (
                    i == 1
                    and m.group(2) is None
                    and _FIELD_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None
                    and rare_word(name)
                    and name.lower() not in lists.names()
                )
                if at_start and i == 1 and not re.search(r"(?:iska|ska|s)$", name) and not hospital and not own_name:
                    continue
                # at a start "Barnkliniken", "Familjehemmet" (a kind of home) are generic; "Solhemmet" a name
                generic = not re.search(r"(?:gården|hemmet|boendet)$", name) or bool(HOME_KIND.match(name))
                if at_start and i == 2 and generic:
                    continue
                if i == 2 and name in lists.places():
                    continue
                # "Avgiftsenheten i Arboga kommun": the municipality's office, an ORGANISATION
                # (municipal_bodies.py), as "Hemtjänsten i Skellefteå kommun" is
                if i == 2 and name.endswith("enheten") and _IN_MUNICIPALITY.match(text, m.end(1)):
                    continue
            end = _town_tail(text, m.end())
            start = m.start()
            provider = _PROVIDERS.search(text, max(0, start - 40), start)
            if provider:
                start = provider.start()
            spans.append(Span(start, end, "VARDENHET"))
    return finished_units(text, _merge_units(text, spans))


CATEGORY = Category(
    label="VARDENHET",
    priority=70,
    recognisers=(
        find_care_unit,
        find_named_with_place,
        find_unit_constructions,
        find_service_centres,
        find_spoken_units,
        find_programme_units,
        find_genitive_units,
    ),
    description="vårdenheter",
)
