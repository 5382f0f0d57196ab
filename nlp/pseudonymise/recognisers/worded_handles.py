"""Account handles made of everyday words: "Instagram @livetmedsorg", "@kaffeochkaos". A blog-like
account title written as one word is the name of a feed, not of a person; handles built from a
name ("@annasvensson", "@kalle_b"), digits or an underscore stay the person's handle.

The handle is read as a chain of words ("livet" "med" "sorg"); it is worded when such a chain
exists with at least one joining word ("med", "och", "i") and at most one unknown part of four
or more letters (a loan word: "bipolar"), and no part is a listed name ("kalle", "anna")."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, swedish_form

_LETTERS = re.compile(r"@?[a-zåäöé]{6,30}")
_INF = 99


def _word(part: str) -> bool:
    """An everyday word that is no listed name ("sorg", "livet"; not "kalle", "lisa")."""
    if part in SWEDISH_STOP_WORDS:
        return True
    info = lists.names().get(part)
    if info is not None and not info.common:
        return False
    return len(part) >= 3 and (plain_word(part) or swedish_form(part))


def _unknown(part: str) -> bool:
    return len(part) >= 4 and part not in lists.names()


@lru_cache(maxsize=4096)
def worded_handle(value: str) -> bool:
    """True for "@livetmedsorg": a handle of small letters that splits into everyday words."""
    if _LETTERS.fullmatch(value) is None:
        return False
    word = value.lstrip("@")
    n = len(word)
    # best[i] = (fewest unknown parts, most joining words) for a chain covering word[:i]
    best: list[tuple[int, int]] = [(_INF, 0)] * (n + 1)
    best[0] = (0, 0)
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            unknowns, joins = best[start]
            if unknowns >= _INF:
                continue
            part = word[start:end]
            if _word(part):
                cand = (unknowns, joins + (part in SWEDISH_STOP_WORDS and start > 0 and end < n))
            elif _unknown(part):
                cand = (unknowns + 1, joins)
            else:
                continue
            if cand[0] < best[end][0] or (cand[0] == best[end][0] and cand[1] > best[end][1]):
                best[end] = cand
    unknowns, joins = best[n]
    return unknowns <= 1 and joins >= 1
