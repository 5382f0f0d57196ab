"""Number words read as digits, each word with its place in the text (speech-to-text).

A transcript writes what was said: "noll sju noll, ett sju fyra", "sex femtiotvå tjugofyra",
"sexhundrasextiofem trettio", "Storgatan tolv b". The recognisers for spoken identifiers
(spoken_addresses.py, spoken_plates.py, spoken_ids.py) read such a run here, word by word,
and then ask the same questions as for written digits: is it a postcode's five digits, a
plate's three, a personnummer with its check digit? The word lexicon is written_out.py's
(one place for the number words); this module only walks a run and keeps the offsets.

A run is bounded (`limit` words) and read left to right in one pass, so a cell of 50,000
repeated number words costs one short read per caller's anchor, never a pass per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.pseudonymise.recognisers.written_out import NUMBER_GROUP, word_digits

# One word: up to four number words written together ("sexsexåtta", "nollsjutti") or one to
# four digits. Bounded, so a long run of letters cannot be split in many ways.
_TOKEN = re.compile(r"(?:" + NUMBER_GROUP + r"){1,4}(?![\w])|\d{1,4}(?![\w])", re.IGNORECASE)
# between the words: spaces, commas, a pause ("...") and a filler ("eh", "öh")
_PAUSE = r"(?:[ ,]|\.\.\.|…)+"
_SEP = re.compile(_PAUSE + r"(?:(?:eh|ehm|öh|öhm|äh)" + _PAUSE + r")?", re.IGNORECASE)


@dataclass(frozen=True)
class Said:
    """One spoken number word (or group of digits) and the digits it stands for."""

    start: int
    end: int
    digits: str


def read_run(text: str, pos: int, limit: int = 8) -> list[Said]:
    """The number words from `pos` on (at most `limit`), stopping at the first other word."""
    out: list[Said] = []
    if pos > 0 and text[pos - 1].isalnum():
        return out
    while len(out) < limit:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        digits = word_digits(m.group(0))
        if not digits:
            break
        out.append(Said(m.start(), m.end(), digits))
        sep = _SEP.match(text, m.end())
        if sep is None:
            break
        pos = sep.end()
    return out


def digits_of(words: list[Said]) -> str:
    return "".join(w.digits for w in words)


def exact_prefix(words: list[Said], length: int, most: int) -> int:
    """How many of the first words (at most `most`) make exactly `length` digits; 0 if none."""
    total = 0
    for i, w in enumerate(words[:most]):
        total += len(w.digits)
        if total == length:
            return i + 1
        if total > length:
            break
    return 0
