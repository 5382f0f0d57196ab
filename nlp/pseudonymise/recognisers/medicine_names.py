"""Brand names of medicines and contraceptives that are also first names, taken back after the
PERSON rules: the brand in brackets after the kind of product ("hormonspiral (<Märke>)",
"p-piller (<Märke>)") and brands compared by their side effects ("<Märke> gav mig akne,
<Märke> gav mig huvudvärk"). A drug points at no one; a relative in brackets ("min syster
(Karin)") and one person who "gav mig en kram" stay names.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import guarded

# the kind of product right before the bracket: "hormonspiralen (", "p-piller (", "kräm ("
_PRODUCT_BEFORE = guarded(
    r"(?i:[\w-]*(?:spiral|spiralen|piller|pillret|pillren|tablett|tabletten|tabletter|tabletterna|kapsel|"
    r"kapslar|plåster|plåstret|kräm|krämen|salva|salvan|spray|sprayen|preparat|preparatet|läkemedel|"
    r"läkemedlet|vaccin|vaccinet|hormoner|p-stav|p-staven|hormonstav|hormonstaven|p-ring|p-ringen|"
    r"vaginalring|vaginalringen))[ \t]*\([ \t]*$"
)
# what a medicine gives: "<X> gav mig migrän", "<X> ger mig akne"
_SIDE_EFFECT_AFTER = re.compile(
    r"[ \t]+(?:gav|ger|gett)[ \t]+mig[ \t]+(?:(?:så|sån|svår|svåra|mycket|massa|en|ett)[ \t]+)?"
    r"(?i:migrän|huvudvärk|mellanblödningar|mellanblödning|blödningar|akne|finnar|illamående|viktuppgång|"
    r"humörsvängningar|nedstämdhet|depression|depressioner|ångest|yrsel|utslag|klåda|svullnad|"
    r"biverkningar|sköra[ \t]+slemhinnor|torra[ \t]+slemhinnor|blodpropp|sexlust|noll[ \t]+lust|ingen[ \t]+lust)"
    r"(?![\w-])"
)
_BRACKET_CLOSED = re.compile(r"[ \t]*\)")


def medicine_names(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds in `spans` that are a medicine's brand, by the constructions above."""
    out: set[Span] = set()
    if "gav mig" in text or "ger mig" in text or "gett mig" in text:
        by_effect = [s for s in spans if s.label == "PERSON" and _SIDE_EFFECT_AFTER.match(text, s.end)]
        # one clause could be a person who upset the writer; two or more compare products
        if len(by_effect) >= 2:
            out.update(by_effect)
    # the product's words tested once per text; the bracket read at the name, not the text after
    # it sliced per name (a cell of names in brackets copied its rest once per name)
    if "(" not in text or not _PRODUCT_BEFORE.may_match(text):
        return out
    for s in spans:
        if (
            s.label == "PERSON"
            and " " not in text[s.start : s.end]
            and _BRACKET_CLOSED.match(text, s.end)
            and _PRODUCT_BEFORE.unguarded.search(text, max(0, s.start - 40), s.start)
        ):
            out.add(s)
    return out
