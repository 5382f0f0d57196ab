"""An authority by its acronym as the body a report or complaint goes to (ORGANISATION):
"jag har anmält det till DIK", "anmälan till JK", "klagade hos ARN", "vänder mig till TLV".

To report a thing to someone or to complain with someone names a body, and written in two to five
capitals that body is an authority or an organisation known by its short form. The care units'
acronyms ("remitterades till BUP", "anmälan till LSS" is a law, "SoL") and acronyms that are
everyday words stay.
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.authority_pairs import UNIT_ABBREVIATIONS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS

_REPORTED_TO = guarded(
    r"(?i:\b(?:anmäl(?:a|er|de|t|s|des|ts|an|ningen|ning)|klag(?:a|ar|ade|at|omål)|överklag(?:a|ar|ade|at)|"
    r"vänd(?:a|er|e|t)?[ \t]+(?:mig|dig|oss|sig))"
    r"(?:[ \t]+(?:det|detta|henne|honom|dem|saken|händelsen|också|även|nu))*[ \t]+(?:till|hos|på))[ \t]+"
    r"(?P<acr>[A-ZÅÄÖ]{2,5})(?![\w-])"
)


def find_report_recipients(text: str) -> list[Span]:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    out = []
    for m in _REPORTED_TO.finditer(text):
        acr = m.group("acr")
        if acr in UNIT_ABBREVIATIONS or acr in CARE_ACRONYMS or zipf_frequency(acr.lower(), "sv") >= 2.5:
            continue
        out.append(Span(m.start("acr"), m.end("acr"), "ORGANISATION"))
    return out
