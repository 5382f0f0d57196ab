"""Capitalised words after a café's or a restaurant's word, or after a car's colour, or before a
church's, that the name rules read as a person: "Café Vera har god paj", "en grå Skoda Fabia",
"Sankt Olofs kyrka" (a church or a churchyard is named after its saint: no one to identify).

A venue's word before a name makes the name the venue's ("Café Vera", "Pizzeria Roma", "Hotell
Linnea"): no person is named. A colour before a capitalised word describes a thing, and among
what people describe by colour only a car has a capitalised name (its make and model, "vit
Volvo V70", "grå Toyota Corolla"); a person is not "en grå Fabia". The registration number
stays a find of its own (categories/regnr.py).
"""

from __future__ import annotations

import re

from nlp.core import Span

_VENUE_BEFORE = re.compile(
    r"(?<![\w-])(?:Café|Cafe|Kafé|Caféet|Restaurang|Restaurant|Pizzeria|Hotell|Hotel|Konditori|Bistro|Pub|Bar)"
    r"[ \t\u00a0]+$"
)
_COLOUR_BEFORE = re.compile(
    r"(?<![\w-])(?:vit|vita|svart|svarta|blå|blåa|röd|röda|grå|gråa|grön|gröna|gul|gula|brun|bruna|beige|"
    r"silver|silverfärgad|silverfärgade|mörkblå|ljusblå|mörkgrå|ljusgrå|mörkgrön|vinröd|metallic)[ \t\u00a0]+$"
)


# a product's model: "en stol av modell Vera Flex 2", "modellen Ida Pro"
_MODEL_BEFORE = re.compile(r"(?<![\w-])(?i:modell|modellen|märket|fabrikat)[ \t\u00a0]+$")


# a church or churchyard named after a saint or a person: "Sankt Olofs kyrka", "Maria kyrkogård"
_CHURCH_AFTER = re.compile(
    r"[ \t\u00a0]+(?:dom)?(?:kyrka|kyrkan|kyrkogård|kyrkogården|kapell|kapellet|församling|församlingen)(?![\w-])"
)


def venue_or_car_names(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds that are a venue's name or a car's make and model."""
    return {
        s
        for s in spans
        if s.label == "PERSON"
        and (
            _VENUE_BEFORE.search(text, max(0, s.start - 14), s.start)
            or _COLOUR_BEFORE.search(text, max(0, s.start - 16), s.start)
            or _MODEL_BEFORE.search(text, max(0, s.start - 12), s.start)
            or _CHURCH_AFTER.match(text, s.end)
        )
    }
