"""Care providers and web shops named by how people reach them, in app-store reviews, 1177
messages and pharmacy complaints (ORGANISATION):

- a provider the unit rules already know (`CARE_PROVIDERS` in unit_constructions.py, read there
  only before a unit word: "<Provider> vårdcentral <Ort>") named alone: "Läkaren på <Provider>
  lyssnade inte", "Tack <Provider>!". Case-sensitive: "pigg och kry", "min doktor" stay words;
- a firm named by its web address, a capitalised word and ".se"/".com"/".nu": "Vårdhjälpen.se
  hjälpte min son" (not inside an e-mail or a web address: "x@y.se", "www.y.se", "1177.se");
- a firm before its staff in a compound: "<Firma>-psykologen", "<Firma>-läkaren" (a known word
  or an acronym before the hyphen is a kind of care, not a firm: "KBT-psykologen", "Akut-läkaren";
  "<Produkt>-appen" is a product, as software_names.py reads it);
- a firm by its channel: "hemsidan till <X>", "chatten hos <X>", "kundtjänsten på <X>", "appen från
  <X>", where <X> is capitalised and no listed first name (a chat with a person, "chatten med Anna",
  takes "med", not these words);
- a unit word, its provider and the site after them, "Närakuten <Provider> <Ort>", is one
  VARDENHET, as "<Provider> vårdcentral <Ort>" is (a unit of a chain is whole with its site).
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.unit_constructions import CARE_PROVIDERS
from nlp.pseudonymise.recognisers.words import unknown_word

# not patterns.CAPWORD: its É/Ü and hyphen parts would add finds ("appen från Kry-Doktor", "Érika")
_CAP = r"[A-ZÅÄÖ][a-zåäöé]+"
# a provider alone: not before a unit word or a place (unit_constructions.py reads those)
_PROVIDER = guarded(r"(?<![\w.@/-])(?:" + CARE_PROVIDERS + r")(?![\w@-]|\.\w)")
_UNIT_PROVIDER_SITE = guarded(
    r"(?<![\w-])[A-ZÅÄÖ][a-zåäö]*(?:akuten|mottagningen|vårdcentralen|vårdcentral|kliniken|hälsocentralen)"
    r"[ \t]+(?:" + CARE_PROVIDERS + r")[ \t]+(?P<site>" + _CAP + r")(?![\w-])"
)
_WEB_NAME = guarded(r"(?<![\w.@/:-])(?P<name>[A-ZÅÄÖ][\wåäö-]{2,}\.(?:se|com|nu))(?![\w@.-]|\.\w)")
_STAFF = (
    r"läkaren|läkarna|psykologen|psykologerna|sköterskan|terapeuten|barnmorskan|farmaceuten|"
    r"apotekaren|tandläkaren|doktorn|kuratorn|chatten|kundtjänsten"
)
_FIRM_STAFF = guarded(r"(?<![\w.-])(?P<name>[A-ZÅÄÖ][a-zåäöé]{2,}\d{0,3})-(?:" + _STAFF + r")(?![\w-])")
_CHANNEL = guarded(
    r"(?<![\w-])(?i:hemsidan|webbsidan|sajten|webbshopen|chatten|kundtjänsten|kundservicen|supporten|appen)"
    r"[ \t]+(?:till|hos|på|från)[ \t]+(?P<name>" + _CAP + r"(?:[ \t]" + _CAP + r")?\d{0,3})(?![\w@.-]|\.\w)"
)


def _firm_word(name: str) -> bool:
    """A capitalised word no first name, town or everyday word explains."""
    first = name.split()[0]
    if first.lower() in SWEDISH_STOP_WORDS or first in lists.places():
        return False
    info = lists.names().get(first.lower())
    if info is not None and (info.first_sv or info.first_other or info.last):
        return False
    return unknown_word(re.sub(r"\d+$", "", first))


def find_care_providers(text: str) -> list[Span]:
    out = [Span(m.start(), m.end(), "ORGANISATION") for m in _PROVIDER.finditer(text)]
    out += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _UNIT_PROVIDER_SITE.finditer(text)
        if m.group("site") in lists.places() or _firm_word(m.group("site"))
    ]
    out += [Span(m.start("name"), m.end("name"), "ORGANISATION") for m in _WEB_NAME.finditer(text)]
    for pattern in (_FIRM_STAFF, _CHANNEL):
        out += [
            Span(m.start("name"), m.end("name"), "ORGANISATION")
            for m in pattern.finditer(text)
            if _firm_word(m.group("name"))
        ]
    return out
