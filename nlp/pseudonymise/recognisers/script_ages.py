"""Ages in the languages of a multilingual survey: Arabic, Persian, Russian, Ukrainian, Tigrinya,
Thai, Somali, Finnish and English, with the digits of any script (read as 0-9 before this runs).

Each language says "years" for a duration as well as for an age ("waited 15 years"), so a
number with its word for years is an age only where the language marks it as one:

- by its own age word before it: Arabic "عمره/عمرها/عمري" ("his/her/my age"), Thai "อายุ", Tigrinya
  and Amharic "ዕድሜ", Somali "jir…"/"da'…";
- by a form only an age has: Persian "N ساله" ("N-year-old"), Thai "N ขวบ" (a child's years);
- in Russian and Ukrainian ("N лет", "N років") and Tigrinya ("N ዓመት"), right after the person
  (a capitalised word or the bracket of a name's transliteration, a comma between) or after a
  dative of the person ("мне", "ему", "маме"), never after a duration word ("уже", "через", "за")
  nor before "назад"/"тому" ("ago");
- Finnish "N vuotta" after "on/olen/oli" ("Mulla on 72 vuotta") or a name and "ja" ("N vuotta vanha"
  is read by the Finnish age rule, which replaces the number);
- English "<he/she/name> is N" with nothing after the number but a stop, a comma, "and" or "years".
"""

from __future__ import annotations

import re

from nlp.core import Span

_N = r"(?P<n>\d{1,3})"
_AGE_FIRST = re.compile(
    r"(?:อายุ|(?<![\w])(?:عمر\w*|بعمر|العمر|سنه|سنها|سني|ዕድሜ\w*|እድሜ\w*|jir\w*|da'\w*))[ \t\u00a0]*(?:[:،,][ \t]*)?"
    r"(?P<age>" + _N + r"[ \t\u00a0]*(?:سنة|سنوات|سنين|عام|عاما|عاماً|ปี|ขวบ|ዓመት\w*|sano|jir)?)(?![\w])",
)
_AGE_FORM = re.compile(r"(?<![\w.,])(?P<age>" + _N + r"[ \t\u00a0]*(?:ساله|سالمه|سالشه|ขวบ))(?![\w])")
_YEARS_AFTER_PERSON = re.compile(
    r"(?<![\w.,])(?P<age>" + _N + r"[ \t\u00a0]+(?:лет|года|год|років|роки|рік|ዓመት\w*))(?![\w])"
)
# the person right before: a capitalised word (any script with capitals) or a name's bracket
_PERSON_BEFORE = re.compile(r"(?:[A-ZÅÄÖА-ЯЁІЇЄҐ][\w'’-]+|\)|[\u1200-\u135a]+)[ \t]*,?[ \t]*$")
_DATIVE_BEFORE = re.compile(
    r"(?<![\w])(?i:мне|ему|ей|мені|йому|їй|маме|папе|отцу|сыну|дочери|мамі|татові|сину|доньці|исполнилось|"
    r"исполнится|виповнилося|виповниться)(?![\w])[^.!?\n]{0,30}$"
)
_DURATION_BEFORE = re.compile(
    r"(?<![\w])(?i:уже|ещё|еще|через|за|около|более|почти|последние|вже|протягом|понад|на)[ \t]+$"
)
_AGO_AFTER = re.compile(r"[ \t]+(?i:назад|тому)(?![\w])")
_FINNISH = re.compile(
    r"(?:(?<![\w])(?:on|olen|oli|olin)|[A-ZÅÄÖ][a-zåäö]+[ \t]+(?:ja|och))[ \t]+(?P<age>"
    + _N
    + r"[ \t]+vuotta)(?![\w])(?![ \t]+(?:sitten|vanha))"
)
_ENGLISH = re.compile(
    r"(?<![\w])(?:[Hh]e|[Ss]he|I|[A-Z][a-z]+)(?:[ \t]+(?:is|was|am|turned|turns)|'s)[ \t]+(?P<age>" + _N + r")"
    r"(?=[,.;!)]|[ \t]+(?:and|years?)(?![\w])|[ \t]*$)"
)


def _ok(m: re.Match[str]) -> bool:
    return int(m.group("n")) <= 120


# quick tests before the patterns (each would otherwise scan every Swedish text): a word the
# pattern needs, or a letter of the scripts it reads
_ENGLISH_VERBS = (" is ", " was ", " am ", "'s ", " turned ", " turns ")
_AGE_SCRIPTS = re.compile(r"[\u0600-\u06ff\u0e00-\u0e7f\u1200-\u137f]|jir|da'")
_YEARS_SCRIPTS = re.compile(r"[\u0400-\u04ff\u1200-\u137f]")


def _ages(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [Span(m.start("age"), m.end("age"), "ALDER") for m in pattern.finditer(text) if _ok(m)]


def find_script_ages(text: str) -> list[Span]:
    """Ages said in another language's words (see the module doc for when "years" is an age)."""
    spans = _ages(_FINNISH, text) if "vuotta" in text else []
    if any(v in text for v in _ENGLISH_VERBS):
        spans += _ages(_ENGLISH, text)
    if _AGE_SCRIPTS.search(text):
        spans += _ages(_AGE_FIRST, text) + _ages(_AGE_FORM, text)
    if not _YEARS_SCRIPTS.search(text):
        return spans
    for m in _YEARS_AFTER_PERSON.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if not _ok(m) or _DURATION_BEFORE.search(before) or _AGO_AFTER.match(text, m.end()):
            continue
        if _PERSON_BEFORE.search(before) or _DATIVE_BEFORE.search(before):
            spans.append(Span(m.start("age"), m.end("age"), "ALDER"))
    return spans
