"""VARDENHET for a clinic named by what it does and the town it sits in, with no preposition:
"Vaccinationscentralen <Ort>", "<X>tandläkarna <Ort>", "Specialisttandvården <Gren> <Ort>",
"Rehab <Väderstreck> <Ort>", "Dövblindteamet <Län>", "Tolkcentralen Region <Län>", and a regional
provider with its site ("Närhälsan <Stadsdel>").

A patient's letter names where they were treated that way, the way a sign or a receipt does;
the town alone would leave the clinic (and so the patient's dentist or vaccination site) readable.
The town must be a known place, so "Tandvården Karlstad" counts and "Tandvården Ring" does not.
Registered in ort.py: vardenhet.py is at the module size limit.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_WORD = r"[" + CAP + r"][" + LOW + r"]+"
# a clinic word as the last part of a compound: care, dental care, a vaccination or aids centre
_HEAD = (
    r"(?:[" + CAP + r"][" + LOW + r"]*(?:tandläkarna|tandläkaren|tandvården|tandvårdskliniken|kliniken|"
    r"mottagningen|vaccinationscentralen|hjälpmedelscentralen|hörcentralen|syncentralen|rehab|"
    # a region's team or interpreting service for hearing, sight and deafblindness: "Dövblindteamet
    # <Län>", "Tolkcentralen <Ort>", "Hörselhabiliteringen Region <Län>"
    r"teamet|tolkcentralen|tolktjänsten|habiliteringen)"
    r"|Vaccinationscentralen|Rehab|Rehabiliteringen|Tolkcentralen|Tolktjänsten|Habiliteringen)"
)
_AT_TOWN = guarded(r"(?<![\w-])(?P<head>" + _HEAD + r")(?P<rest>(?:" + WS + r"+" + _WORD + r"(?![\w-])){1,3})")
# regional providers whose site follows the name ("Närhälsan <Stadsdel>"): the care centre
_PROVIDER = guarded(
    r"(?<![\w-])(?:Närhälsan|Praktikertjänst|Capio|Aleris)" + WS + r"+(?P<site>" + _WORD + r")(?![\w-])"
)


def _ordinary(word: str) -> bool:
    """A word that a sentence, not a name, puts after the unit ("Rehab Sen", "Kliniken Har")."""
    low = word.lower()
    info = lists.names().get(low)
    return low in SWEDISH_STOP_WORDS or (info is not None and bool(info.first_sv or info.first_other))


def find_clinic_sites(text: str) -> list[Span]:
    """VARDENHET spans for "<clinic word> [<qualifier>] <known town>" and "<provider> <site>"."""
    spans = []
    places = lists.places()
    for m in _AT_TOWN.finditer(text):
        words = m.group("rest").split()
        for n in range(len(words), 0, -1):  # the last known town, with the qualifiers before it
            town = words[n - 1]
            if town in places and not places[town] and not any(_ordinary(w) for w in words[: n - 1]):
                end = m.start("rest") + m.group("rest").index(town, len(" ".join(words[: n - 1]))) + len(town)
                spans.append(Span(m.start(), end, "VARDENHET"))
                break
    for m in _PROVIDER.finditer(text):
        site = m.group("site")
        if _ordinary(site) or site.lower().endswith(("vårdcentral", "vårdcentralen")):
            continue  # "Capio vårdcentral …" is read by unit_constructions.py
        if site.lower().endswith(("vård", "vården", "care", "koncernen")) or re.match(r"\s+AB\b", text[m.end() :]):
            continue  # "Aleris Sjukvård AB": the company (ORGANISATION), not one of its sites
        spans.append(Span(m.start(), m.end(), "VARDENHET"))
    return spans
