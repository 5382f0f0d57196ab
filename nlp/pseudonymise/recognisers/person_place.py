"""PERSON and ORT together, token by token: the same capitalised word can be either
("från Vilhelmina", "Vilhelmina ringde").

Each token goes through the rules in order; the first that takes it (returns how many
tokens it took) ends its turn. Places come first, then the name rules, and `listed_name`
last, which always takes its token. Names joined by "och" are added after the pass.
"""

from __future__ import annotations

from collections.abc import Callable

from nlp.core import Span
from nlp.pseudonymise.recognisers.listed_names import listed_name
from nlp.pseudonymise.recognisers.person_rules import (
    hyphenated_name,
    named_in_context,
    names_joined_by_och,
    shouted_name,
)
from nlp.pseudonymise.recognisers.place_rules import (
    finnish_locative,
    listed_place,
    lowercase_town,
    place_of_residence,
    town_abbreviation,
    town_after_postcode,
)
from nlp.pseudonymise.recognisers.rural_places import rural_place
from nlp.pseudonymise.recognisers.scan import Scan, Token
from nlp.pseudonymise.recognisers.words import function_words, plain_word

Rule = Callable[[Scan, Token], int]

RULES: tuple[Rule, ...] = (
    town_after_postcode,
    town_abbreviation,
    listed_place,
    finnish_locative,
    lowercase_town,
    rural_place,
    place_of_residence,
    shouted_name,
    named_in_context,
    hyphenated_name,
    listed_name,
)


def _after_paragraph_sign(text: str, start: int) -> bool:
    """Only spaces between "§" and `start`. Walked back from `start`, not sliced from the text's
    beginning: a slice per token costs the square of the text's length on a long cell."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    return j > 0 and text[j - 1] == "§"


def find_person_and_place(text: str) -> list[Span]:
    """PERSON and ORT spans of `text`, found by the rules above."""
    scan = Scan.of(text)
    skip = function_words()
    i = 0
    while i < len(scan.toks):
        if scan.toks[i][2] in skip or plain_word(scan.toks[i][2]):
            i += 1  # no rule starts at "och", "att": the next token still reads it as its neighbour
            continue
        if _after_paragraph_sign(text, scan.toks[i][0]):
            i += 1  # "4 kap. 1 § SoL", "9 § LSS": the law a paragraph sign points into, no name
            continue
        token = Token(scan, i)
        for rule in RULES:
            taken = rule(scan, token)
            if taken:
                break
        i += taken
    names_joined_by_och(scan)
    return scan.spans
