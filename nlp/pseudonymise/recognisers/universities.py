"""A university or university college named by its town or region: "Örebro universitet",
"Karlstads universitet", "Mälardalens högskola", "Chalmers tekniska högskola".

Written as one word ("Mittuniversitetet") or opened by the institution ("Högskolan i Gävle") the
organisation rules read it; with the town first and "universitet" after, the town was read as a
place at most ("Uppsala" an ORT, "Göteborgs" an ORGANISATION cut short) or not at all, and the
word after it told where someone studies or works. The town (in the genitive or not), a region
("…dalen", "…land") or a name no lexicon explains, then "universitet", "högskola" or "tekniska
högskola", is one ORGANISATION. A hospital ("universitetssjukhuset") is no match: it is one word.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

_UNIVERSITY = re.compile(
    r"(?<![\w-])(?P<town>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)[ \t]+"
    r"(?:tekniska[ \t]+högskola|lantbruksuniversitet|universitet|högskola)(?![\w-])"
)


def _named_by(town: str) -> bool:
    stems = [town, town[:-1]] if town.endswith("s") else [town]
    if any(stem in lists.places() for stem in stems):
        return True
    if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]*(?:dalen|dalens|land|lands|botten|bottens)", town):
        return True
    return not plain_word(town.lower()) and unknown_word(town)


def find_universities(text: str) -> list[Span]:
    if "universitet" not in text and "högskola" not in text:
        return []
    return [Span(m.start(), m.end(), "ORGANISATION") for m in _UNIVERSITY.finditer(text) if _named_by(m.group("town"))]
