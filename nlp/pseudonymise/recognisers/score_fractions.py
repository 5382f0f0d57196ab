"""Fractions in a date's shape that count, not date: a page of pages ("Sid 2/3"), a result on a test
("fick 7/10 på provet"), a grade standing as a sentence of its own ("Trevligt. 4/5.", out of ten also with what it grades,
"10/10 bemötande."), and a
week's diary card of grades, one weekday a line ("Mån: 3/5⏎Tis: 1/5⏎Ons: 4/5").

A date stays a date: "den 4/5", "Nästa tid: 4/5." (a colon names what is dated), "fick tid 3/5
på mottagningen" (something between the verb and the day), and a week's days that follow one
another ("Mån: 3/5⏎Tis: 4/5⏎Ons: 5/5")."""

from __future__ import annotations

import re

from nlp.pseudonymise.recognisers.patterns import WS

# "Sid 2/3", "sida 1/4", "s. 3/12", "Page 2/2": a page's number and the count of pages; one of
# a numbered series of treatments, sessions or modules likewise ("Behandling 3/8", "session 2/6",
# "modul 5/10": the fifth of ten, not the fifth of October)
_PAGE_BEFORE = re.compile(
    r"(?i:(?<![\w.])(?:sid|sida|sidan|s\.|page|p\.|blad|behandling|behandlingstillfälle|session|modul|lektion"
    r"|avsnitt|kur|cykel|steg))" + WS + r"*\.?" + WS + r"*(?:nr\.?" + WS + r"*)?$"
)
# "fick 7/10 på provet", "har fått 4/5 på tentan": a result on something, right after the verb
_RESULT_ON = re.compile(
    r"(?i:(?<![\w])(?:fick|får|fått|fåt)" + WS + r"+$)"  # the verb right before the fraction
)
_ON_SOMETHING = re.compile(WS + r"+(?:på|i)" + WS + r"+[a-zåäö]{3,}")
# a grade as a sentence of its own: a sentence's end before it, and after it a full stop or the
# line's end ("Bra bemötande. 5/5.", "Tack! 10/10⏎"); not after a colon or a line break
_SENTENCE_BEFORE = re.compile(r"[.!?…][ \t]+$")
_SENTENCE_AFTER = re.compile(r"(?:[.!?…]+(?=\s|$)|[ \t]*(?:\n|$))")
# (not a time of day: "Ny tid. 10/10 eftermiddag." is a date)
_GRADED = re.compile(WS + r"+(?!(?:för|efter)?middag|morgon|kväll|natt|lunch|dag)[a-zåäö]{4,}")
_GRADE = re.compile(r"(\d{1,2})/(5|10)")
# a weekday heading a line, then the line's first fraction: a diary card's row
_WEEKDAY_ROW = re.compile(
    r"(?im:^[ \t]*(?:mån|tis|ons|tors?|fre|lör|sön)(?:dag(?:en)?)?\.?:[^\n]*?(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/]))"
)


def _diary_rows(text: str) -> dict[int, bool]:
    """Start of each weekday row's fraction -> True when the rows are a diary card of grades: three
    or more rows on one scale whose numbers do not go up a day at a time, as a week's dates would."""
    rows = list(_WEEKDAY_ROW.finditer(text))
    if len(rows) < 3 or len({m.group(2) for m in rows}) != 1:
        return {}
    marks = [int(m.group(1)) for m in rows]
    scale = int(rows[0].group(2))
    dated = all(b == a + 1 for a, b in zip(marks, marks[1:]))
    return {m.start(1): not dated and max(marks) <= scale for m in rows}


def counted_fraction(text: str, start: int, end: int) -> bool:
    """True when text[start:end], a fraction in a date's shape, counts pages or grades."""
    found = text[start:end]
    if "/" not in found:
        return False
    if _PAGE_BEFORE.search(text, max(0, start - 24), start):
        mark, _, total = found.partition("/")
        return mark.isdigit() and total.isdigit() and 0 < int(mark) <= int(total)
    grade = _GRADE.fullmatch(found)
    if grade is None or int(grade.group(1)) > int(grade.group(2)):
        return False
    if _RESULT_ON.search(text, max(0, start - 8), start) and _ON_SOMETHING.match(text, end):
        return True
    if _SENTENCE_BEFORE.search(text, max(0, start - 6), start) and _SENTENCE_AFTER.match(text, end):
        return True
    # "Kom samma dag. 10/10 bemötande.": a grade out of ten with what it grades, as a sentence
    if grade.group(2) == "10" and _SENTENCE_BEFORE.search(text, max(0, start - 6), start):
        graded = _GRADED.match(text, end)
        if graded and _SENTENCE_AFTER.match(text, graded.end()):
            return True
    return "\n" in text and _diary_rows(text).get(start, False)
