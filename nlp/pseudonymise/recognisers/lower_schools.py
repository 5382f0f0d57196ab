"""A school, a council's social services or a municipality named in lower case (a municipality
in the genitive too), as pupils write them: "går på lindbackaskolan", "till norraskolan",
"socialtjänsten i mora", "från kalix kommun".

A compound on "-skolan" names one school unless its first part says what kind of school it is
("grundskolan", "simskolan", "lovskolan"); the everyday kinds are in the lemma table or
below. After a preposition it is where someone goes, works or is reported to, and with the
class that a pupil attends it points at a few people.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.chronic_care import care_course
from nlp.pseudonymise.recognisers.words import swedish_form
from nlp.pseudonymise.recognisers.youth_homes import town_after

_SCHOOL = re.compile(
    r"(?i:\b(?:på|pa|i|till|från|fran|vid|om|hos|av|mot|med)[ \t]+)(?:(?:nya|gamla)[ \t]+)?"
    r"(?P<school>(?P<head>[a-zåäöéü]{3,}?)(?:skolan|skola)(?P<gen>s)?)(?![\w-])"
)
# first parts that say a kind of school, not which one ("sommarskolan", "körskolan")
_KINDS = frozenset(
    "för grund grundsär gymnasie gymnasiesär sär fri hög folkhög sommar lov läx kör körkorts trafik bil "
    "musik kultur dans balett teater cirkus film konst sim rid segel flyg sjö special resurs sjukhus hem "
    "hemma nät distans språk mellan mellanstadie lågstadie högstadie yrkes vuxen internat privat "
    "kommunal bibel koran söndags helg kvälls dag hund valp föräldra mamma pappa familje aktivitets "
    "matte mattes kod skriv målar kock hantverks jakt fiske waldorf montessori sfi engelska svenska "
    "idrotts fotbolls hockey ridnings mc moped gamla nya annan andra samma ny "
    # the older kinds ("folkskolan", "realskolan", "flickskolan")
    "folk real flick pojk små lärar sjuksköterske".split()
)


def school_kind(head: str) -> bool:
    """Does the first part of a compound on "-skola(n)" say what kind of school it is, not which
    one ("sommar" in "sommarskolan"), also with its linking s ("ridnings", "idrotts")?"""
    head = head.lower()
    return head in _KINDS or (head.endswith("s") and head[:-1] in _KINDS)


# a council's social services with its town: "socialtjänsten i mora" names the office that
# handles the writer (a national agency's local office does not: named_with_place.py); slang
# "soc i <ort>" is left to the town, as the sets label it
_SOCIAL_IN_TOWN = re.compile(
    r"(?<![\w-])(?:socialtjänsten|socialtjansten|socialförvaltningen|socialforvaltningen)"
    r"[ \t]+(?:i|på|pa)[ \t]+(?P<town>[a-zåäö]{2,}(?:-[a-zåäö]{2,})?)(?![\w-])"
)


# a municipality by its town, in lower case or in the genitive: "från kalix kommun", "med
# Kalix kommuns logga" (the genitive s stays outside, as for names)
_MUNICIPALITY = re.compile(r"(?<![\w-])(?P<town>[^\W\d_][\w-]+)[ \t]+(?P<kommun>kommun)(?:s)?(?![\w-])")


def find_lower_schools(text: str) -> list[Span]:
    spans = []
    if "kommun" in text:
        for m in _MUNICIPALITY.finditer(text):
            town = m.group("town")
            genitive = m.end() > m.end("kommun")
            listed = lists.places().get(town.capitalize() if town.islower() else town)
            # "kommun" after it says the town is meant, even one that is also a word ("mora kommun")
            common = listed and town.lower() in SWEDISH_STOP_WORDS  # "(bara kommun, inga namn)"
            if (town.islower() or genitive) and listed is not None and not common:
                spans.append(Span(m.start(), m.end("kommun"), "ORGANISATION"))
    if "social" in text:
        for m in _SOCIAL_IN_TOWN.finditer(text):
            if lists.places().get(m.group("town").capitalize()) is False:
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "skola" not in text:
        return spans
    for m in _SCHOOL.finditer(text):
        school, head = m.group("school"), m.group("head").lower()
        if not school.islower():
            continue  # a capitalised school is read by named_with_place.py
        stem = school[:-1] if m.group("gen") else school
        if school_kind(head) or care_course(school) or swedish_form(stem) or swedish_form(school):
            continue
        spans.append(Span(m.start("school"), m.start("school") + len(stem), "ORGANISATION"))
        spans.extend(town_after(text, m.end()))
    return spans
