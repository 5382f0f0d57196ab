"""ORT the way life stories and old forms name places no list has: farms, crofts and villages
("på gården Övre Backa", "i byn Rämmen", "ett torp som hette Lillåsen", "Fjällnäs gård",
"Fryksände socken"), form lines ("Uppvuxen i: Norra Råda", "Född: 1929-11-02 i Ransäter",
"hemort Lublin"), and a small place after a setting or a trade ("folkskollärare i Nyed",
"mejeriet i Rottneros", "villan i Bjurtjärn", "från Likenäs").

A village or parish is as identifying as a town, and in elderly care it is where the person
was born, went to school and worked. The word after the setting must be a proper name that no
lexicon has ("i Teams", "i Cosmic" are systems; "på gården Anna" a person is no place), and the
small-place rule asks also for a place name's ending or a word for where people live or work
before it ("dokumenterat i Obstetrix" names a system).
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, MONTHS
from nlp.pseudonymise.recognisers.prefilter import PerText, guarded
from nlp.pseudonymise.recognisers.scan import Scan, Token
from nlp.pseudonymise.recognisers.words import COUNTRIES, unknown_word

_WORD = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"]?[" + LOW + r"]+)?"
# "Övre Backa", "Västra Ämtervik", "Norra Råda": a direction before the name is part of it
_PLACE = r"(?:(?:Övre|Nedre|Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya)[ \t]+)?" + _WORD
_FARM_BEFORE = guarded(
    r"(?i:\b(?:gården|gårdarna|torpet|hemmanet|byn|fäboden|sätern|socknen|bygden|"
    r"(?:torp|gård|hemman|ställe|by|stuga)\w*[ \t]+som[ \t]+het(?:er|te)))[ \t]+$"
)
_DATE = r"(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}(?:[ \t]+\d{4})?|\d{1,2}[ \t]+(?i:" + MONTHS + r")(?:[ \t]+\d{4})?|\d{4})"
# form lines and the birth sentence: "Uppvuxen i: X", "Född: 7/9 1938 i X", "föddes 23 juli 1935 på X"
# (without a colon or a date, "bodde i X" is place_of_residence's, which reads two-word places)
_FORM = guarded(
    r"(?i:\b(?:uppvuxen|uppväxt|född|föddes|bosatt|bodde|bor)[ \t]*(?::[ \t]*(?:" + _DATE + r"[ \t,]*)?"
    r"(?:(?:i|på)[ \t]*:?[ \t]+)?|(?:" + _DATE + r"[ \t,]*)(?:i|på)[ \t]*:?[ \t]+|(?:i|på)[ \t]*:[ \t]*)"
    r"|\b(?:hemort|födelseort|bostadsort|hemby|födelseby)[ \t]*:?[ \t]+)$"
)
# where people live and work, before "i X": buildings, farms and trades
_SETTING = re.compile(
    r"(?i:\b(?:\w*(?:skolan|skola|kyrkan|kyrka|mejeriet|mejeri|villan|villa|gården|gård|stugan|huset|"
    r"jordbruk|jordbruket|familj|fabriken|sågen|sågverket|bruket|affären|butiken|handeln|stationen|"
    r"lägenheten|torp|torpet|hemman)|"
    r"piga|dräng|bonde|präst|kyrkoherde|smed)[ \t]+(?:i|från)[ \t]+$"
    # a trade only with "i": "säljare från X" names the firm the seller came from
    r"|\b\w+(?:lärare|are|erska|inna)[ \t]+i[ \t]+$|\b(?:bosatte[ \t]+sig|slog[ \t]+sig[ \t]+ner)[ \t]+i[ \t]+$)"
)
# a text holding none of the farm and form words: no part of it before a name holds one
_farm_or_form_words = PerText(lambda text: _FARM_BEFORE.may_match(text) or _FORM.may_match(text))
_PREP = re.compile(r"(?<![\w-])(?:i|från)[ \t]+$")
_IN = re.compile(r"(?<![\w-])i[ \t]+$")
# a Swedish place name's endings: -by, -sta, -köping, -torp, -näs, -vik, -skog, -tjärn …
TOPONYM = re.compile(
    r"(?:by|boda|sta|köping|torp|ryd|red|ed|hult|holm|näs|vik|fors|dal|sjö|mark|skog|"
    r"säter|tjärn|lid|heden|åsen|inge|unda|rud|arp|löv|lösa|hamn|sund|ängen|hyttan|nor)$"
)
# the north's Finnish, Meänkieli and Sami place-name endings (-vaara "hill", -niemi "cape",
# -lompolo "pool", -luokta "bay", -jaur "lake", -suando): no firm is named so, so after "från",
# "mot" and "till" too ("åkt 15 mil från Nikkaluokta", "vidare mot Kurravaara")
NORTHERN_TOPONYM = re.compile(
    r"(?:vaara|vare|niemi|lompolo|luokta|luokte|järvi|jarvi|joki|jokk|jåkk|jaur|jaure|jávri|javri|vuoma|"
    r"vuopio|suando|koski|kylä|lahti|saari|ranta|vaari|gieddi|njárga|njarga)$"
)
_NORTHERN_PREP = re.compile(r"(?<![\w-])(?:i|från|mot|till|nära|utanför|ovanför)[ \t]+$")
_NAME = re.compile(_PLACE + r"(?![\w-])")
# "Fjällnäs gård" (the farm's word is in the name), "Fryksände socken" (it is not)
_HEAD_AFTER = re.compile(r"[ \t]+(?P<head>gård|socken)\b")


def _proper_place(name: str) -> bool:
    words = name.split()
    last = words[-1]
    low = last.lower()
    info = lists.names().get(low)
    if len(words) > 1:
        return info is None or not (info.first_sv or info.first_other)  # "Övre Backa", "Norra Råda"
    return (
        last not in COUNTRIES
        and (info is None or name in lists.places())
        and (name in lists.places() or unknown_word(last))
        and zipf_frequency(low, "en") < 3.5
    )


def rural_place(s: Scan, t: Token) -> int:
    """A token pass rule (see person_place.py): the place starting at token t, if one does."""
    if not t.cap or t.word.isupper():
        return 0
    m = _NAME.match(s.text, t.start)
    if m is None:
        return 0
    place = m.group(0)
    before = s.text[max(0, t.start - 60) : t.start]
    head = _HEAD_AFTER.match(s.text, m.end())
    end = m.end()
    found = _farm_or_form_words(s.text) and bool(
        _FARM_BEFORE.unguarded.search(before) or _FORM.unguarded.search(before)
    )
    if head and (found or not t.at_start):
        found = True
        if head.group("head") == "gård":
            end = head.end()
    if not found and _PREP.search(before):
        # a place name's ending alone only after a lowercase word: "Söderbuss i Hallunda" is
        # a firm with its place, which named_with_place reads as one
        found = bool(
            _SETTING.search(before)
            # ("bil från Xmark" is a firm: a name's ending alone only after "i")
            or (
                t.i > 1
                and s.toks[t.i - 2][2][:1].islower()
                and _IN.search(before)
                and TOPONYM.search(place.split()[-1].lower())
            )
        )
    if not found and _NORTHERN_PREP.search(before) and NORTHERN_TOPONYM.search(place.split()[-1].lower()):
        found = len(place.split()[-1]) > 6  # the ending and a stem: "Kurravaara", not "Vaara"
    if not found or not _proper_place(place):
        return 0
    s.add(t.start, end, "ORT")
    k = t.i
    while k < len(s.toks) and s.toks[k][0] < end:
        k += 1
    return k - t.i
