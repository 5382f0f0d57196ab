"""Registration numbers said aloud: three letters one by one, then the digits in words,
"b r k tjugosex nio", "S T X noll fyra sju", and the new format's last letter, "h j t
femton e". Only after a vehicle word in the same sentence (patterns.VEHICLE, as for
written plates): three spelled letters and a number are also a queue code or a form
field ("rad a b c tre").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from nlp.core import Span
from nlp.pseudonymise.recognisers.number_words import exact_prefix, read_run
from nlp.pseudonymise.recognisers.patterns import VEHICLE

# the letters a plate can have (no I, Q, V, Å, Ä, Ö), each alone
_L = "A-HJ-PR-UW-Za-hj-pr-uw-z"
_LETTERS = re.compile(r"(?<![\w-])[" + _L + r"](?:[ -][" + _L + r"]){2}[ -]+(?=[^\W_])")
_LAST_LETTER = re.compile(r"[ ]+([A-HJ-NPR-UW-Za-hj-np-uw-z])(?![\w-])")


_SENTENCE_END = re.compile(r"[.!?\n]")


def _vehicle_before(vehicles: list[int], ends: list[int], start: int) -> bool:
    """A vehicle word ending at most 100 characters before `start`, in the same sentence
    (positions found once per text: a cell of many spelled letters costs no rescans)."""
    k = bisect_right(vehicles, start) - 1
    if k < 0 or start - vehicles[k] > 100:
        return False
    return bisect_right(ends, start) == bisect_right(ends, vehicles[k])


def find_spoken_plates(text: str) -> list[Span]:
    if _LETTERS.search(text) is None:
        return []
    vehicles = [m.end() for m in VEHICLE.finditer(text)]
    if not vehicles:
        return []
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    spans = []
    for m in _LETTERS.finditer(text):
        if not _vehicle_before(vehicles, ends, m.start()):
            continue
        words = read_run(text, m.end(), limit=4)
        three = exact_prefix(words, 3, 3)
        if three and (three == len(words) or words[three].start - words[three - 1].end > 2):
            spans.append(Span(m.start(), words[three - 1].end, "REGNR"))
            continue
        two = exact_prefix(words, 2, 2)
        last = _LAST_LETTER.match(text, words[two - 1].end) if two else None
        if last is not None:
            spans.append(Span(m.start(), last.end(), "REGNR"))
    return spans
