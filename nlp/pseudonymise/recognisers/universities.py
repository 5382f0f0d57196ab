"""A university or university college named by its town or region: "Örebro universitet",
"Karlstads universitet", "Mälardalens högskola", "Chalmers tekniska högskola".

Written as one word ("Mittuniversitetet") or opened by the institution ("Högskolan i Gävle") the
organisation rules read it; with the town first and "universitet" after, the town was read as a
place at most ("Uppsala" an ORT, "Göteborgs" an ORGANISATION cut short) or not at all, and the
word after it told where someone studies or works. The town (in the genitive or not), a region
("…dalen", "…land") or a name no lexicon explains, then "universitet", "högskola", "tekniska
högskola" or "tekniska universitet", is one ORGANISATION. A hospital ("universitetssjukhuset") is
no match: it is one word. The student health service at such a university is one VARDENHET with it ("Studenthälsan på
Umeå universitet", as "<enhet> på <sjukhus>"), not cut after the town's genitive.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

_UNIVERSITY = re.compile(
    r"(?<![\w-])(?P<town>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)[ \t]+"
    r"(?:tekniska[ \t]+(?:högskola|universitet)|lantbruksuniversitet|universitet|högskola)(?![\w-])"
)


def _named_by(town: str) -> bool:
    stems = [town, town[:-1]] if town.endswith("s") else [town]
    if any(stem in lists.places() for stem in stems):
        return True
    if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]*(?:dalen|dalens|land|lands|botten|bottens)", town):
        return True
    return not plain_word(town.lower()) and unknown_word(town)


_STUDENT_HEALTH = re.compile(r"(?<![\w-])(?:Studenthälsan|Studenthälsa|studenthälsan)[ \t]+(?:på|vid)[ \t]+$")


def find_universities(text: str) -> list[Span]:
    if "universitet" not in text and "högskola" not in text:
        return []
    out = []
    for m in _UNIVERSITY.finditer(text):
        if _named_by(m.group("town")):
            health = _STUDENT_HEALTH.search(text, max(0, m.start() - 20), m.start())
            out.append(
                Span(health.start() if health else m.start(), m.end(), "VARDENHET" if health else "ORGANISATION")
            )
    return out
