"""A hospital's acronym as the other end of a transfer (VARDENHET): "flögs från <Ort> lasarett
till <FÖRK>", "fick åka från <X>sjukhuset till <FÖRK>". A patient moved from one named hospital
to another names the second by its acronym the way patients say it; after a named hospital and
"till" the capitals are a hospital too. A ward's or a function's acronym ("IVA", "BUP", "HIA",
"akut"), a care level ("SÄBO") and the alarm numbers stay as they are."""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS
from nlp.pseudonymise.recognisers.prefilter import guarded

_HOSPITAL = (
    r"(?:[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?" + WS + r"+(?:lasarett|sjukhus)(?:et)?"
    r"|[" + CAP + r"][" + LOW + r"]+(?:sjukhuset|lasarettet))"
)
_TRANSFER = guarded(
    r"(?<![\w-])(?i:från|fran)" + WS + r"+" + _HOSPITAL + WS + r"+till" + WS + r"+(?P<unit>[" + CAP + r"]{2,4})"
    r"(?![\w-])"
)
# acronyms of wards, functions and care levels, found in any hospital: no hospital's own name
_WARDS = frozenset("IVA AVA HIA BUP BVC MVC VC KK SÄBO KAD MAVA AKUT CT MR PCI SOS EKG OP IMA NIVA".split())


def find_hospital_transfers(text: str) -> list[Span]:
    return [
        Span(m.start("unit"), m.end("unit"), "VARDENHET")
        for m in _TRANSFER.finditer(text)
        if m.group("unit") not in _WARDS
    ]
