"""ORGANISATION and VARDENHET named with their place: "Ängsskolan i Ljungby", "hemköp i mora",
"Korttidsboendet Björkebo i Mjölby", "Bostads AB Ekhusen i Karlshamn".

A school, a preschool, an employer or a care unit together with its town points at a few
people, so the whole "X i Ort" is one find. Local offices of national authorities are the
exception ("Försäkringskassan" + ORT "Gävle"): the agency alone identifies no one.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.chronic_care import care_course, coordinated_start
from nlp.pseudonymise.recognisers.foreign_units import abroad
from nlp.pseudonymise.recognisers.lower_schools import school_kind
from nlp.pseudonymise.recognisers.names_in_context import CLOSINGS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import function_words_or_calendar
from nlp.pseudonymise.recognisers.words import (
    CARE_PRACTICE,
    NOT_UNIT_WORDS,
    TITLES,
    sentence_start,
    swedish_form,
    unknown_word,
)

_FOLD = str.maketrans("åäöÅÄÖ", "aaoAAO")
# national authorities: their local office and its town are two finds
_STATE = frozenset(
    w.translate(_FOLD)
    for w in (
        "försäkringskassan arbetsförmedlingen migrationsverket skatteverket kronofogden polisen "
        "polismyndigheten pensionsmyndigheten csn kriminalvården transportstyrelsen trafikverket "
        "socialstyrelsen ivo länsstyrelsen folkhälsomyndigheten skolverket läkemedelsverket"
    ).split()
)
# "lägenhet via Bostadsbolaget X i Y": "via" and "genom" open a name as "hos" does, and so does
# "heter" ("Skolan heter Parkskolan i Y": the kind before the verb is no part of the name)
_TRIGGERS = frozenset("på pa hos från fran vid för for till av med via genom heter hette".split())
_UNIT_STEMS = re.compile(
    # a private practice by its dentist's name: "Tandläkare Berg & Co i Mora" (capitalised: a name)
    r"(?-i:\bTandläkare\b)|"
    # an intensive care unit by its kind: "Neonatalintensiven", "BIVA" (children's IVA), "NIVA"
    r"(?-i:\b[A-ZÅÄÖ]?IVA\b)|"
    r"(?i:boende|hemmet|mottagning|central|tandvård|tandvard|tandläkarna|hemtjänst|hemtjanst|klinik|rehab|\bBB\b|"
    r"intensiven\b|avdelning|korttids|sjukhus|lasarett|vården|varden|psykiatri|dialys|hälsocentral|ambulansstation|"
    # a habilitation's or a region's team: "Habiliteringens dövteam i Uppsala", "Hörselteamet i Umeå"
    # (not any "team": "Däckteam i <Ort>" is a firm)
    r"habilitering|teamet\b|"
    # a clinic's unit by what it does, capitalised: "Hörselenheten i Lund" (the lowercase words on
    # "-enheten" are mostly qualities, "lägenheten", "erfarenheten")
    r"(?-i:\b(?P<unit>[A-ZÅÄÖ][a-zåäö]{2,}enheten)\b)|"
    # a clinic by what it does, a home by its short form: "Neurointensiven i Uppsala", "Ekens säbo i Y"
    r"intensiven|akuten|\bsäbo\b|hospice|"
    # a home named on "-gården", in lower case as relatives write it: "hemgården i Y", "Ekgården i Y"
    # (not a word the lexicon has: "bondgården", "skolgården", "kyrkogården")
    r"\b(?P<home>[A-Za-zÅÄÖåäö]{2,}gården)\b|"
    # a lab where patients are examined, as staff and patients say it: "Kateterlabbet i Y"
    r"labbet\b)"
)


def _unit_stem(text: str, start: int = 0, end: int | None = None) -> bool:
    """A unit's stem in text[start:end]; a word on "-enheten" or "-gården" the lexicon has is no unit."""
    return any(
        not ((m.group("unit") or m.group("home")) and swedish_form((m.group("unit") or m.group("home")).lower()))
        for m in _UNIT_STEMS.finditer(text, start, len(text) if end is None else end)
    )


# a therapy practice by its own capitalised name ("Fysiocenter Hälsan i Y"); "fysion i Y" is the
# town's physiotherapy, as "ortopeden i Y" is its orthopaedics
_PRACTICE_NAME = re.compile(r"(?=[A-ZÅÄÖ])(?i:[a-zåäö]*(?:" + CARE_PRACTICE + r"))")
_ORG_STEMS = re.compile(
    r"(?i:skola|skolan|gymnasi|förskola|forskola|fritids|komvux|sfi|utbildning|bolag|\bab\b|"
    r"föreningen|foreningen|förbund|huset|kyrka|församling|nämnd|namnd|förvaltning|"
    r"forvaltning|kontor|ica|coop|hemköp|hemkop|willys|lidl|netto|maxi|taxi|bygg|service)"
)
# a municipality's or region's body by its capitalised name: "Socialnämnden", "Kommunstyrelsen"
_BODY = re.compile(r"[A-ZÅÄÖ][a-zåäö]*(?:nämnden|styrelsen|förvaltningen)(?![\w-])")
_ONE_WORD_SCHOOL = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?:skolan|gymnasiet)$")
# "Västerskolan", "förskolan Myrstacken", "Tallåsens förskola", "Tallparksgymnasiet",
# "på Nyboda skola", without a town
_SCHOOL = guarded(
    # adult and special schools by their name: "Komvux Kronan", "Särskolan Skogsbacken"
    r"(?<![\w-])(?:(?:Komvux|KomVux|Särskolan|Grundsärskolan|Gymnasiesärskolan|Anpassade[ \u00a0]+grundskolan)"
    r"[ \u00a0]+[A-ZÅÄÖ][a-zåäö]{2,}"
    r"|[A-ZÅÄÖ][a-zåäö]{2,}(?:skolan|gymnasiet)|[Ff]örskolan[ \u00a0]+[A-ZÅÄÖ][a-zåäö]+"
    r"|[A-ZÅÄÖ][a-zåäö]+s[ \u00a0]+(?:förskola|skola|gymnasium|folkhögskola|grundskola|friskola)"
    # "på Nyboda skola", "på Lilla Bro skola": without the genitive only after a preposition,
    # not "Min skola"
    r"|(?:(?<=\bpå )|(?<=\bpa )|(?<=\bvid )|(?<=\bfrån )|(?<=\btill ))[A-ZÅÄÖ][a-zåäö]{2,}"
    r"(?:[ \u00a0]+[A-ZÅÄÖ][a-zåäö]{2,})?[ \u00a0]+(?:förskola|skola|friskola|grundskola)"
    # "på Östra skolan": a school named by its part of town, after a preposition
    r"|(?:(?<=\bpå )|(?<=\bpa )|(?<=\bvid )|(?<=\bfrån )|(?<=\btill ))(?:Östra|Västra|Norra|Södra|Centrala)"
    r"[ \u00a0]+(?:skolan|förskolan|gymnasiet))(?![\w-])"
)
# the parts of town a school may be named by ("Östra skolan")
_DIRECTIONS = frozenset("Östra Västra Norra Södra Centrala".split())
# words opening a two-word school name: "Lilla Ekeby skola", "Stora Mossens skola"
_NAME_ADJECTIVES = frozenset("Stora Lilla Norra Södra Östra Västra Nya Gamla".split())
# units categories/vardenhet.py does not name: "Folktandvården Mjölby", "BVC Fröslunda",
# "Haparanda sjukstuga", "Mottagningen för unga vuxna i Borlänge"
_MORE_UNITS = guarded(
    r"(?<![\w-])(?:(?:Folktandvården|Folktandvarden|BVC|MVC|Barnavårdscentralen|Mödravårdscentralen|"
    r"Familjecentralen|[A-ZÅÄÖ][\w&-]+[ \u00a0]+Tandvård)[ \u00a0]+[A-ZÅÄÖ][a-zåäö]+|[A-ZÅÄÖ][a-zåäö]+[ \u00a0]+sjukstuga|"
    r"[Mm]ottagningen[ \u00a0]+för(?:[ \u00a0]+[a-zåäö]+){1,3}(?=[ \u00a0]+(?:i|på)[ \u00a0]+[A-ZÅÄÖ]))(?![\w-])"
)
# kinds of school, not names: "Förskolan har varit fantastisk"
_SCHOOL_KINDS = frozenset(
    "förskolan grundskolan gymnasieskolan särskolan högskolan folkhögskolan kulturskolan "
    "musikskolan sommarskolan lågstadieskolan mellanstadieskolan språkskolan "
    "körskolan trafikskolan yrkesskolan".split()
)
# a gathering, not a body: "Berättarcafé i Mora", "anhöriggruppen i Skellefteå", "sommarlägret
# i Åre": the town is a place of its own and the meeting names no one
_GATHERING = re.compile(
    r"(?i:caf[eé]t?|caféet|gruppen|gruppens|träffen|träff|träffar|träffarna|mötet|möte|cirkeln|lägret|läger)$"
)
# an indefinite lowercase "boende" alone is a resident or any home: "Eva Ek, boende i Kalix"; a
# foster or contact family's home is a household, no unit: "Marie, familjehemmet i Kil" says where
_STATE_OR_RESIDENT = _STATE | {"boende", "boenden", "familjehemmet", "fosterhemmet", "jourhemmet", "kontaktfamiljen"}
# a kind of body, not its name: "lokalföreningen", "idrottsklubben"
_GENERIC_TAIL = re.compile(r"(?:föreningen|förbundet|klubben|kontoret)$")
_AT_WORK = re.compile(r"(?i:\b(?:på|pa|hos|vid))[ \u00a0]+$")
# where a patient lies or its staff works: an acronym after it names a ward ("personalen på
# HIA i X", "inlagd på KAVA i Y"), not an employer ("jobb på LKAB i Kiruna")
_CARED_AT = re.compile(
    r"(?i:\b(?:personalen|inlagd|inlagda|låg|ligger|vårdas|vårdades|vårdad|lades\s+in|flyttad|flyttades)"
    r"[ \u00a0]+(?:på|pa|vid))[ \u00a0]+$"
)
# the look-behind starts a match only where a run of spaces starts: a long run of spaces (a
# hostile cell) is otherwise tried from each of its positions, quadratic in its length
_IN_TOWN = re.compile(r"(?<![ \u00a0])[ \u00a0]+(?:i|I|på|pa|PÅ)[ \u00a0]+([^\W\d_][\w-]*)(?![\w-])")
_MUNICIPALITY_AFTER = re.compile(r"[ \u00a0]+(?:kommun|stad)(?![\w-])")
_TOKEN = re.compile(r"[^\W\d_][\w&'’.-]*|&")


def _town(word: str) -> bool:
    places = lists.places()
    return (
        word in places
        or (word.islower() or word.isupper())
        and (places.get(word.capitalize()) is False or word.capitalize() in places and len(word) > 3)
    )


def _run_before(text: str, end: int) -> int | None:
    """Start of the name that ends at `end` ("… på Coop Forum| i Nyköping"), up to four words
    after a preposition, a label ("Skola:") or at a sentence start; None if there is none."""
    toks = list(_TOKEN.finditer(text, max(0, end - 80), end))
    if not toks or toks[-1].end() != end:
        return None
    start = None
    for k in range(len(toks) - 1, max(-1, len(toks) - 5), -1):
        tok = toks[k]
        if k < len(toks) - 1 and text[tok.end() : toks[k + 1].start()].strip() not in {"", "-"}:
            break
        word = tok.group(0)
        if word.lower() in _TRIGGERS or word.lower() in NOT_UNIT_WORDS and word != "&":
            break
        if word.lower() in CLOSINGS:
            break  # "mvh katarina i Vänersborg": a signature (a person and her town) opens no name
        if word.islower() and word in TITLES:
            break  # "hos tandlakare Bo Berg i Y": a title before a person (and the town), no firm
        if (
            start is not None
            and word[:1].islower()
            and text[start].isupper()
            and not unknown_word(word)
            and not (_ORG_STEMS.search(word) or _unit_stem(word))
            and (
                _unit_stem(text, start, end)
                and not _ORG_STEMS.search(text, start, end)
                # "kontaktade Socialnämnden i Sala": a capitalised body's name
                or _BODY.search(text, start, end)
                # "anmäla Vasaskolan i Gävle": a capitalised school in one word
                or _ONE_WORD_SCHOOL.match(text, start, end)
            )
        ):
            break  # "vill tacka Hemsjukvården i Grums": the verb before the name is no part of it
        start = tok.start()
        before = text[max(0, tok.start() - 3) : tok.start()].rstrip()
        if before.endswith((":", ",")) or sentence_start(text, tok.start()):
            break
    if start is None:
        return None
    start = coordinated_start(text, start)  # "Njur- och Leversjukas förbund"
    lead = text[max(0, start - 12) : start]
    if not (
        re.search(r"(?i:\b(?:på|pa|hos|från|fran|vid|för|for|av|till))[ \u00a0]+$", lead)
        or lead.rstrip().endswith((":", ","))
        or sentence_start(text, start)
        or _ORG_STEMS.search(text[start:end])
        or (text[start].isupper() and _unit_stem(text, start, end))
    ):  # "att Norrbygg AB i Boden", "tacka Hemsjukvården i Grums"
        return None
    return start


_SCHOOL_KIND_BEFORE_NAME = frozenset("Komvux KomVux Särskolan Grundsärskolan Gymnasiesärskolan Anpassade".split())
# a school chain's site after the school: "Vittraskolan Sickla", "Kunskapsskolan Kista"
_SITE_AFTER = re.compile(r"[ \u00a0]+([A-ZÅÄÖ][a-zåäö]{2,})(?![\w-])")


def _with_site(text: str, sp: Span) -> Span:
    m = _SITE_AFTER.match(text, sp.end)
    if m is None or not text[sp.start : sp.end].endswith(("skolan", "gymnasiet")):
        return sp
    word = m.group(1)
    from wordfreq import zipf_frequency

    # a district's name is rare as a word ("Sickla"); "Hammarskolan Anna sa": a person
    site = word in lists.places() or (
        word.lower() not in lists.names()
        and word.lower() not in SWEDISH_STOP_WORDS
        and zipf_frequency(word.lower(), "sv") < 3.5
        and not sentence_start(text, m.start(1))
    )
    return Span(sp.start, m.end(), sp.label) if site else sp


def _school_name(words: list[str]) -> bool:
    """ "på Svensk skola" is a kind; a name no lexicon has ("på Nyboda skola") is a school, and
    so is a part of town ("Östra skolan") or a place with "Stora"/"Lilla" ("Lilla Ekeby skola")."""
    if len(words) == 3 and words[0] in _NAME_ADJECTIVES:
        return words[1].endswith("s") or unknown_word(words[1]) or words[1] in lists.places()
    return words[0].lower() not in NOT_UNIT_WORDS and (
        words[0].endswith("s")
        or unknown_word(words[0])
        or words[0] in _DIRECTIONS
        or words[0] in _SCHOOL_KIND_BEFORE_NAME
        and words[-1].lower() not in SWEDISH_STOP_WORDS
        # "förskolan Lärkan": the kind, then a capitalised word that is no everyday word opening a
        # sentence after a missing full stop ("… på förskolan Sen åkte vi")
        or words[0].lower() == "förskolan"
        and not function_words_or_calendar(words[-1])
    )


def _acronym_ward(text: str, start: int, words: list[str]) -> bool:
    return len(words) == 1 and words[0].isupper() and _CARED_AT.search(text[max(0, start - 25) : start]) is not None


def _unit_or_body(name: str, words: list[str]) -> tuple[bool, bool]:
    """Whether a name before "i <Ort>" holds a care unit's stem, and a body's; a practice's house
    or firm is a clinic ("Optikhuset i Y", as "Läkarhuset"; "Hörselbolaget i Y"), not a body's."""
    practice = _PRACTICE_NAME.match(name)
    unit = _unit_stem(name) or bool(practice)
    return unit, bool(_ORG_STEMS.search(name)) and not (practice and words[0].endswith(("huset", "bolaget")))


def _listed_school(text: str, m: re.Match[str]) -> bool:
    """ "på Domskolan": a school whose name the lexicon has as a word, capitalised inside a
    sentence and with a first part that says no kind of school (not "på Ridskolan")."""
    word = m.group(0)
    return (
        " " not in word
        and word.endswith("skolan")
        and not school_kind(word[: -len("skolan")])
        and not sentence_start(text, m.start())
    )


# a person word in the definite genitive says whose school, no name: "Barnets skola: …" (a form's
# field), "Dotterns förskola har …"
_WHOSE = re.compile(
    r"(?i:barn|dotter|döttrar|son|söner|elev|elever|flick|pojk|grabb|tjej|kill|ung|ungar|syskon|kusin|syster|broder)"
    r"(?:ets|ens|ns|nas|ans|arnas|ernas)"
)


def _schools(text: str) -> list[Span]:
    """Schools by their name, with a chain school's site after it; not "Hennes skola"."""
    return [
        _with_site(text, Span(m.start(), m.end(), "ORGANISATION"))
        for m in _SCHOOL.finditer(text)
        if m.group(0).lower() not in _SCHOOL_KINDS
        and not _WHOSE.fullmatch(m.group(0).split()[0])
        and not care_course(m.group(0))
        and (_school_name(m.group(0).split()) or _listed_school(text, m))
    ]


def find_named_with_place(text: str) -> list[Span]:
    spans = _schools(text)
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _MORE_UNITS.finditer(text)]
    for m in _IN_TOWN.finditer(text):
        town = m.group(1)
        if not _town(town):
            continue
        start = _run_before(text, m.start())
        if start is None:
            continue
        run_start = start
        # at a sentence start a capital says nothing: "Rekommenderas Christer i …", "Besökte X i …"
        while (
            sentence_start(text, start)
            and re.match(r"[^\W\d_][\w'’-]*", text[start:])
            and (
                not unknown_word(re.match(r"[^\W\d_][\w'’-]*", text[start:]).group(0))
                and not _ORG_STEMS.search(re.match(r"[^\W\d_][\w'’-]*", text[start:]).group(0))
            )
        ):
            nxt = re.search(r"\s+", text[start : m.start()])
            if not nxt:
                start = m.start()
                break
            start += nxt.end()
        name = text[start : m.start()]
        words = name.split()
        if not words or re.search(r"(?i:gatan|vägen|vagen|gränd|torget|stigen|backen|allén|leden)$", words[-1]):
            continue  # "Rådmansgatan i Stockholm": a street, no organisation
        if len(words) >= 2 and words[-1] == "boende" and words[-2][:1].islower():
            continue  # "en kvinna boende i Kil": the participle (residing), no home's name
        folded = name.lower().translate(_FOLD)
        if folded in _STATE_OR_RESIDENT or (_GATHERING.search(words[-1]) and not _ORG_STEMS.search(name)):
            continue
        first = lists.names().get(words[0].lower())
        unit, org = _unit_or_body(name, words)
        # "kontorslokal i Malmö", "service i Stockholm": ordinary lowercase words name nothing,
        # unless a unit ("dialysen i Eskilstuna") or a school with its name ("förskolan myrstacken")
        # (also at a sentence start, "Skolan i Borlänge", and a generic compound, "lokalföreningen")
        plain = all(
            (w[:1].islower() or (len(words) == 1 and sentence_start(text, start)))
            # ("Somaliska föräldraföreningen": a capitalised word before it makes it a name)
            and (not unknown_word(w.lower()) or (_GENERIC_TAIL.search(w) and start == run_start))
            for w in words
        )
        if plain and not (unit or (len(words) >= 2 and re.match(r"(?i:förskolan|skolan|forskolan)", words[0]))):
            continue
        if words[-1].endswith("enheten") and _MUNICIPALITY_AFTER.match(text, m.end()):
            continue  # "Avgiftsenheten i Arboga kommun": the municipality's office (municipal_bodies.py)
        if first is not None and (first.first_sv or first.first_other) and len(words) == 1 and not (unit or org):
            continue  # "Max i Solna", "hos Anna i Kil": a person
        if (
            not (unit or org)
            and town[:1].isupper()
            and all(w[:1].islower() for w in words[1:])
            and (words[0][:1].islower() or sentence_start(text, start) and len(words) > 1)
        ):
            continue  # "Jeg jobber i Narvik": a writer who capitalises the town would the name too
        if not (unit or org):
            # a proper name, not a word ("på jobbet i Kil") and not a person ("hos Anna i Kil")
            if any(w[:1].islower() and not unknown_word(w) for w in words if w != "&"):
                continue
            if first is not None and (first.first_sv or first.first_other) and not first.word:
                continue
            if words[0] in lists.places() and len(words) == 1:
                continue
            # an acronym alone names an employer only after "på/hos/vid" ("jobb på LKAB i Kiruna")
            if len(words) == 1 and words[0].isupper() and not _AT_WORK.search(text[max(0, start - 5) : start]):
                continue
        # daily activities ("daglig verksamhet på Snickeriet i Eksjö") are care units
        daily = re.search(r"(?i:daglig(?:a)? verksamhet(?:en)?)\W+(?:\w+\W+)?$", text[max(0, start - 30) : start])
        # "… på Returbutiken i Nässjö, på daglig verksamhet"
        daily = daily or re.match(r"\W{1,3}(?:\w+\W+)?(?i:daglig(?:a)? verksamhet)", text[m.end() : m.end() + 30])
        label = "VARDENHET" if (unit and not org) or daily or _acronym_ward(text, start, words) else "ORGANISATION"
        spans.append(Span(start, m.end(), label))
    return spans


def attach_place(text: str, spans: list[Span]) -> list[Span]:
    """A unit or organisation followed by "i <found place>" takes the place into its span
    ("Äldreboendet Hagtornen i Åre", "Socialnämnden i Hudiksvall"), except state agencies."""
    out = sorted(spans, key=lambda s: s.start)
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        if (
            a.label in {"VARDENHET", "ORGANISATION"}
            and b.label == "ORT"
            and re.fullmatch(r"[ \u00a0]+(?:i|I|på|pa|PÅ)[ \u00a0]+", text[a.end : b.start])
            and text[a.start : a.end].lower().translate(_FOLD) not in _STATE
            and not abroad(text[a.start : a.end])  # "Clínica X i Y": a unit abroad and its town
        ):
            out[k : k + 2] = [Span(a.start, b.end, a.label)]
            continue
        k += 1
    return out
