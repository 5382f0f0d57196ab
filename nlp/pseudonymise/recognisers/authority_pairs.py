"""An agency by its acronym beside another agency: "Ta det med TLV och Läkemedelsverket",
"Socialstyrelsen eller NKI" (ORGANISATION).

An acronym alone may be a diagnosis, a law or a unit ("KOL", "LSS", "BVC"), but coordinated with a
named authority (a capitalised compound ending in -verket, -myndigheten, -styrelsen, -inspektionen,
-kassan, -förmedlingen or -nämnden) it is another body. Only rare letter runs count: an acronym
that is common in Swedish text ("ADHD", "KOL", "LSS", "SoL") or a unit's abbreviation ("BVC",
"MVC", "BUP") stays, as in "ADHD och Socialstyrelsens riktlinjer".
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import guarded

_AUTHORITY = r"[A-ZÅÄÖ][a-zåäö]{2,}(?:verket|myndigheten|styrelsen|inspektionen|kassan|förmedlingen|nämnden)"
_ACRONYM = r"(?P<acr>[A-ZÅÄÖ]{2,5})"
_PAIR = guarded(
    r"(?<![\w-])(?:"
    + _ACRONYM
    + r"[ \t]+(?:och|eller|,)[ \t]+"
    + _AUTHORITY
    + r"(?![\w-])|"
    + _AUTHORITY
    + r"[ \t]*(?:[ \t]och|[ \t]eller|,)[ \t]+(?P<acr2>[A-ZÅÄÖ]{2,5}))(?![\w-])"
)
# units, laws and forms of care (LARO: drug-assisted treatment, as common as "LSS" in its field)
UNIT_ABBREVIATIONS = frozenset("BVC MVC BUP VC HVB UM VUP BB SÄBO LSS LVU LVM SOL HSL LARO LOB LPT LRV".split())


def find_authority_pairs(text: str) -> list[Span]:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    out = []
    for m in _PAIR.finditer(text):
        key = "acr" if m.group("acr") else "acr2"
        acr = m.group(key)
        if acr not in UNIT_ABBREVIATIONS and zipf_frequency(acr.lower(), "sv") < 2.5:
            out.append(Span(m.start(key), m.end(key), "ORGANISATION"))
    return out
