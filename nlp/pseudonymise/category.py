"""What a kind of personal data is: the one declaration each file in categories/ makes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from nlp.core import Span
from nlp.pseudonymise.recognisers.written_out import words_as_digits

# A recogniser finds spans in a text; one may report several kinds ("från Vilhelmina" is a
# place, "Vilhelmina ringde" a person), so several categories can name the same function.
Recogniser = Callable[[str], list[Span]]

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")


def plain_normalise(value: str) -> str:
    """Composed letters, one space, no case: "Anna  Berg" and "anna berg" are one person."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value).strip()).casefold()


def digits_only(value: str) -> str:
    """The digits of a number, also of one said in words (a transcript's "sex fem två tjugofyra")."""
    return _NOT_DIGIT.sub("", words_as_digits(value))


@dataclass(frozen=True)
class Category:
    """One kind of personal data and everything the pseudonymiser needs to know about it."""

    label: str  # as in the pseudonyms: [LABEL_1]
    # Overlaps: the lower number wins ("an e-mail holding a name is an e-mail"); unique.
    priority: int
    recognisers: tuple[Recogniser, ...]
    # How the pages name finds of this kind, in the plural ("kontonummer").
    description: str
    # One canonical form per real-world value, so two writings get the same pseudonym.
    normalise: Callable[[str], str] = plain_normalise
