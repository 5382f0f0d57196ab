"""E-mail addresses and phone numbers written to dodge filters or with odd spacing.

"lena punkt berg at gmail punkt com", "lena.berg @ gmail.com", "0 7 0 - 1 2 3 45 67",
"070.123.45.67", "noll sju noll, ett två tre, fyrtiofem sextiosju". Used by find_email and
find_phone (categories/epost.py, telefon.py); phonenumbers decides whether the digits make a number.
"""

from __future__ import annotations

import re

import phonenumbers

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded

# a dot may stand apart too: "j.berg @ hotmail . se"
_DOT = r"(?:\s*(?:\bpunkt\b|\bdot\b|\(punkt\)|\(dot\)|\[dot\]|\[punkt\]|<dot>|<punkt>)\s*|[ ]\.[ ]|\.)"
_AT = r"(?:\s*(?:@|\(at\)|\[at\]|\{at\}|<at>|\(a\)|\(snabel-?a\)|\[snabel-?a\]|\bat\b|\bsnabel-?a\b)\s*)"
_TLD = r"(?:com|se|nu|net|org|info|eu|io|fi|no|dk|de|uk|co|me|biz|online|email|mail)"
_EMAIL_HINT = guarded(r"@|\bat\b|snabel|\(a\)|\bpunkt\b|\bdot\b", re.IGNORECASE)


def find_written_email(text: str) -> list[Span]:
    if not _EMAIL_HINT.search(text):
        return []
    spans = []
    for m in _WRITTEN_EMAIL.finditer(text):
        # the plain writing is left to the main pattern; here only the dodging ones
        if re.search(r"\s|punkt|dot|\(|\[|\{|<|snabel", m.group(0), re.IGNORECASE):
            spans.append(Span(m.start(), m.end(), "EPOST"))
    return spans


# digits with a separator between any of them: "0 7 0 1 2 3 4 5 6 7", "070.123.45.67"
_SPACED = guarded(r"(?<![\w+.,])(?:\+[ ]?4[ ]?6|0)(?:[ .\-–/()\n]{0,3}\d){6,12}(?![\d,]|\.\d)")
_PHONE_WORDS = re.compile(r"(?:ring|tel|telefon|mobil|nummer|nr|nås|sms|numret|nå mig|når mig|nå oss)", re.IGNORECASE)

_UNITS = {
    "noll": 0,
    "ett": 1,
    "en": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
}
_TEENS = {
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90}
# spoken forms without the final o ("sjutti", "förti"), after the written ones so those match first
_TENS.update({"tjugi": 20, "tjuge": 20, "tretti": 30, "förti": 40, "fyrti": 40, "femti": 50, "sexti": 60})
_TENS.update({"sjutti": 70, "åtti": 80, "nitti": 90})
_NUMBER_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:"
    + "|".join(k for k in _UNITS if k != "noll")
    + r")?|"
    + "|".join(_TEENS)
    + "|"
    + "|".join(_UNITS)
    + r")"
)
# digits said after a word in the name part: "rania punkt said sjuttiotvå at gmail punkt com";
# an underscore said aloud: "tomas underscore berg at outlook punkt com".
# The name and domain words are atomic groups: "_" and "-" are in \w+- and "punkt"/"at" are
# words, so a backtracking word could split a run like Outlook's "______" line or
# "x-punkt-x-punkt-…" in 2^n ways (32 underscores and an "at" anywhere took 3 s, 40 took minutes).
_WRITTEN_EMAIL = re.compile(
    r"(?<![\w.+-])(?>[\w+-]+)(?:"
    + _DOT
    + r"(?>[\w+-]+)|[ ]+(?:underscore|understreck|bindestreck)[ ]+(?>[\w+-]+)|[ ]+"
    + _NUMBER_WORD
    # bounded (an address has a few parts): unbounded, every word of a long run of "… punkt …"
    # started a match that ran to the run's end and back (20,000 characters 1.7 s, 40,000 6.5 s)
    + r"){0,8}"
    + _AT
    + r"(?>[\w-]+)(?:"
    + _DOT
    + r"(?>[\w-]+)){0,4}?"
    + _DOT
    + _TLD
    + r"(?![\w-])",
    re.IGNORECASE,
)
# "fyrahundraåttio" (0480, an area code said as one number)
# a year said aloud: "nittonhundrafemtiotre" (1953), "tjugohundrasju" (2007)
_HUNDREDS = (
    r"(?:"
    + "|".join([k for k in _UNITS if k not in {"noll", "en"}] + list(_TEENS) + ["tjugo"])
    + r")?hundra(?:"
    + _NUMBER_WORD
    + r")?"
)
# number words may be written together: "nollsjutti ett sjuttiofyra"; a speaker's pause
# ("noll sju noll... sjuttiofyra") is transcribed as dots
NUMBER_GROUP = r"(?:" + _HUNDREDS + r"|" + _NUMBER_WORD + r")"
_WORD_RUN = re.compile(
    r"(?<![\w])(?:plus[ ,-]+(?:fyrtiosex|fyra[ ,-]+sex)|noll"
    + NUMBER_GROUP
    + r"*)(?:(?:[ ,\n-]|\.\.\.|…)+(?:"
    + NUMBER_GROUP
    + r"+|\d{1,4})){3,14}"
    r"(?![\w])",
    re.IGNORECASE,
)


def _one_number(w: str) -> str:
    if "hundra" in w:
        head, _, rest = w.partition("hundra")
        tail = _one_number(rest) if rest else "0"
        value = _UNITS.get(head) or _TEENS.get(head) or (20 if head == "tjugo" else None)
        if (head and value is None) or not tail:
            return ""
        return str(value or 1) + tail.zfill(2)
    if w in _UNITS:
        return str(_UNITS[w])
    if w in _TEENS:
        return str(_TEENS[w])
    for tens, value in _TENS.items():
        if w.startswith(tens) and (w == tens or (w[len(tens) :] in _UNITS and w[len(tens) :] != "noll")):
            return str(value + _UNITS.get(w[len(tens) :], 0))
    return ""


def word_digits(word: str) -> str:
    """Digits of one written group; words written together are read one after the other
    ("nollsjutti" -> "070")."""
    w = word.lower()
    if w.isdigit():
        return w
    if one := _one_number(w):
        return one
    for cut in range(len(w) - 2, 2, -1):
        head = _one_number(w[:cut])
        rest = word_digits(w[cut:]) if head else ""
        if rest:
            return head + rest
    return ""


_LETTER_WORD = re.compile(r"[^\W\d_]+")


def words_as_digits(value: str) -> str:
    """A found value with its number words written as digits ("noll sju noll" -> "0 7 0",
    "o k z fyrtiosju tre" -> "o k z 47 3"), so a normaliser gives an identifier said aloud the
    same canonical form as written, and two different spoken numbers two forms (without it
    their digits were "" and they shared one pseudonym). Words in capitals stay: a plate or a
    code written "TRE 123" is letters, not a number said."""
    return _LETTER_WORD.sub(
        lambda m: m.group(0) if m.group(0).isupper() else (word_digits(m.group(0)) or m.group(0)), value
    )


def _valid(digits: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, "SE"))
    except phonenumbers.NumberParseException:
        return False


def find_written_phone(text: str) -> list[Span]:
    spans = []
    for m in _SPACED.finditer(text):
        if re.fullmatch(r"\d{1,2}[.:]\d\d[ ]?[-–][ ]?\d{1,2}[.:]\d\d", m.group(0).strip()):
            continue  # "09.00–10.00": opening hours
        digits = re.sub(r"[^\d+]", "", m.group(0))
        # eight digits could be a date ("01.02.2024"): then a phone word must say so
        if _valid(digits) and (len(digits) >= 10 or _PHONE_WORDS.search(text[max(0, m.start() - 40) : m.start()])):
            spans.append(Span(m.start(), m.end(), "TELEFON"))
    if "noll" in text.lower() or "plus" in text.lower():
        for m in _WORD_RUN.finditer(text):
            words = re.findall(r"[^\W_]+", m.group(0).lower())
            digits = "".join(word_digits(w) for w in words)
            digits = "+" + digits if words[0] == "plus" else digits
            # a number said aloud with a digit missing or extra ("noll sju tre, fyrtiofyra, …")
            # is still the caller's number when a phone word comes before it
            said = (
                digits.startswith("0")
                and 8 <= len(digits) <= 11
                and _PHONE_WORDS.search(text[max(0, m.start() - 40) : m.start()]) is not None
            )
            if _valid(digits) or said:
                spans.append(Span(m.start(), m.end(), "TELEFON"))
    return spans


# Any run of five or more number words: a personnummer said aloud starts with any digit,
# "nitton femtiofem noll ett noll ett tjugotvå fjorton" (speech-to-text voicemails).
# a filler or the separator said aloud may stand inside: "sju åtta noll fyra ett nio streck
# tre tre fem sju", "… noll tre tolv eh fyra fyra åtta ett"
_SAID_SEP = r"(?:[ ,-]+|[ ,]+(?:eh|ehm|öh|öhm|streck|bindestreck|minus)[ ,]+)"
_ANY_RUN = re.compile(
    r"(?<![\w])" + NUMBER_GROUP + r"+(?:" + _SAID_SEP + r"(?:" + NUMBER_GROUP + r"+|\d{1,4})){4,16}(?![\w])",
    re.IGNORECASE,
)
_FILLERS = frozenset("eh ehm öh öhm streck bindestreck minus".split())
_WORD_AT = re.compile(r"[^\W_]+")


def spoken_numbers(text: str, lengths: tuple[int, ...] = (10, 12)) -> list[tuple[int, int, str]]:
    """Every stretch of a number-word run making `lengths` digits: (start, end, digits),
    longest first.

    The callers choose the stretch that makes their kind of number, so a run that begins
    with an unrelated "en" or "tre" still yields the number inside it. Only the lengths asked
    for are made: every stretch of a long run would be quadratic in it (a cell of thousands
    of "noll" took seconds)."""
    out: list[tuple[int, int, str]] = []
    low = text.lower()
    # a month said aloud has "noll", "tio", "elva", "tolv", "ett ett" or "ett två": texts
    # without any of them skip the run pattern (speed: it is tried at every word)
    if not any(w in low for w in ("noll", "tio", "elva", "tolv", "ett ett", "ett två")):
        return out
    for m in _ANY_RUN.finditer(text):
        words = [
            (w.start() + m.start(), w.end() + m.start(), word_digits(w.group(0)))
            for w in _WORD_AT.finditer(m.group(0))
            if w.group(0).lower() not in _FILLERS
        ]
        for i in range(len(words)):
            digits = ""
            for j in range(i, len(words)):
                digits += words[j][2]
                if len(digits) in lengths:
                    out.append((words[i][0], words[j][1], digits))
                if len(digits) >= max(lengths):
                    break
    return sorted(out, key=lambda r: r[0] - r[1])


# Shouted text ("HAR BOTT PÅ NYGATAN 12 I BODEN"): the address and place patterns expect
# "Nygatan", so capitals get their own street pattern and a town check on the title case.
_SHOUTED_STREET = re.compile(
    r"(?<![\w-])[A-ZÅÄÖ]{2,}(?:GATAN|GATA|VÄGEN|VAGEN|VÄG|GRÄND|TORGET|STIGEN|BACKEN|"
    r"ALLÉN|LEDEN|PLAN|PLATSEN|GÅNGEN)[ \u00a0]+\d{1,4}(?:[ \u00a0]?[A-H](?![\w]))?"
)
_SHOUTED_TOWN = re.compile(
    r"(?:(?<=\d{3} \d{2} )|(?<=\d{5} )|(?<=\bI )|(?<=\bFRÅN )|(?<=\bTILL )|(?<=\bUTANFÖR ))"
    r"([A-ZÅÄÖ]{4,}(?:-[A-ZÅÄÖ]+)?)(?![\w-])"
)


def find_shouted(text: str) -> list[Span]:
    if not re.search(r"[A-ZÅÄÖ]{4}", text):
        return []
    spans = [Span(m.start(), m.end(), "ADRESS") for m in _SHOUTED_STREET.finditer(text)]
    for m in _SHOUTED_TOWN.finditer(text):
        town = m.group(1).title()
        if lists.places().get(town) is False:  # a town that is no ordinary word
            spans.append(Span(m.start(1), m.end(1), "ORT"))
    return spans
