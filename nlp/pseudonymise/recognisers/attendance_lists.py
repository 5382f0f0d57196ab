"""People listed in minutes and contact lists, where no sentence says who they are: the
line after an attendance label ("Närvarande: K.B., Ahmed, Johanna S", "narvarande: anki,
jukka", "Deltagare (förnamn): …", "Ej närv: …", "Närvarande patienter: …", "Justeras: …"), and a
text table whose header names its columns ("Namn | Ålder | Ort"). The label or the header asks for people, so an item that
could be a name is one: initials, a first name with a surname's initial, a lowercase name
no lexicon has, and a listed name that is also a word ("Dag", "Gull")."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import namelike
from nlp.pseudonymise.recognisers.patterns import ROLE_COMPOUND

# the label opening a line, perhaps with a note in brackets, then a colon and the items
# (the group the list is of may follow: "Närvarande patienter:"), or the minutes' checker
# ("Justeras: A.H.")
_HEAD = re.compile(
    r"(?im)^[ \t]*(?:(?:ej[ \t]+)?(?:n[äa]rvarande|n[äa]rv|fr[åa]nvarande|deltagare|deltog|medverkande)"
    r"(?:[ \t]+(?:patienter|personal|brukare|ledamöter|medlemmar|representanter|gäster|anhöriga))?"
    r"|justeras|justerare|justerat|justeringsperson(?:er)?)"
    r"\.?[ \t]*(?:\([^()\n]{1,25}\))?[ \t]*:[ \t]*([^\n]+)"
)
_SEPARATOR = re.compile(r"[ \t]*(?:,|;|&|\+|\boch\b|\bo\b)[ \t]*")
# an item: initials ("K.B.", "A-K", "T.H."), or one to three name words with perhaps a
# surname's initial ("Johanna S"), then perhaps a role in brackets or one lowercase word
_INITIALS = r"[A-ZÅÄÖ](?:\.?[ ]?-?[A-ZÅÄÖ]){1,2}\.?"
_WORD = r"[^\W\d_][\w'’-]*"
_ITEM = re.compile(
    rf"(?P<who>{_INITIALS}(?![\w])|{_WORD}(?:[ \t]+{_WORD}){{0,2}}(?:[ \t]+[A-ZÅÄÖ]\.?)?)"
    r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*[.]?[ \t]*$"
)
# lowercase words that end an item as its role, not its surname ("Maria ordf", "Ola sekr")
_ROLE_AFTER = frozenset(
    "ordf ordf. ordförande sekr sekr. sekreterare kassör ledamot suppleant protokoll justerare "
    "gäst adjungerad vice samtalsledare".split()
)
# words for a whole group on an attendance line ("Närvarande: Alla"), some of them also names
_EVERYONE = frozenset("alla samtliga ingen inga båda hela styrelsen".split())


def _name_word(word: str, first: bool) -> bool:
    """Could this be a word of a person's name in a list that asks for people?"""
    low = word.lower()
    if ROLE_COMPOUND.fullmatch(word):
        return False  # "HR-partner", "IT-ansvarig": initials and a word, a role
    info = lists.names().get(low)
    if first and word[:1].isupper() and info is not None and info.first_sv and low not in _EVERYONE:
        return True  # "Närvarande: Dag, Maj": the label asks for people, even one that is a word
    if (
        low.rstrip(".") in _ROLE_AFTER
        or low in SWEDISH_STOP_WORDS
        or low in lists.places()
        or (word.islower() and len(word) < 3)
    ):
        return False
    if info is not None and (info.first_sv or info.first_other or not first):
        return True
    if word.isupper() and len(word) > 2:
        return namelike(word, False)
    return namelike(word, word.islower())


def _surname_alone(word: str) -> bool:
    """ "Närvarande: Frid, Hampus": one capitalised word that is a surname, someone called by it."""
    info = lists.names().get(word.lower())
    return word[:1].isupper() and info is not None and info.last and word.lower() not in SWEDISH_STOP_WORDS


def _item(text: str, start: int, end: int) -> Span | None:
    m = _ITEM.match(text[start:end])
    if m is None:
        return None
    who = m.group("who")
    if re.fullmatch(_INITIALS, who):
        # two or three capitals with dots or a hyphen, or two bare ones ("AB" is also a firm)
        return Span(start, start + len(who), "PERSON") if ("." in who or "-" in who) else None
    words = who.split()
    while len(words) > 1 and words[-1].lower() in _ROLE_AFTER:
        words.pop()
    if not _name_word(words[0], True) and not (len(words) == 1 and _surname_alone(words[0])):
        return None
    kept = [words[0]]
    for w in words[1:]:
        if not (re.fullmatch(r"[A-ZÅÄÖ]\.?", w) or _name_word(w, False)):
            break
        kept.append(w)
    length = text.find(kept[-1], start) + len(kept[-1]) - start
    return Span(start, start + length, "PERSON")


def _attendance_line(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for sep in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        if stop > pos and (span := _item(text, pos, stop)) is not None:
            out.append(span)
        pos = sep.end() if sep else end
    return out


# a header row of a text table naming its columns, and the rows under it
_TABLE_HEAD = re.compile(r"(?im)^[ \t]*\|?([^\n|]+(?:\|[^\n|]+)+)\|?[ \t]*\n")
_COLUMNS = {
    "namn": "PERSON",
    "förnamn": "PERSON",
    "ålder": "ALDER",
    "ort": "ORT",
    "bostadsort": "ORT",
    "hemort": "ORT",
}


def _cell(value: str, label: str) -> bool:
    if label == "ALDER":
        return value.isdigit() and 0 < int(value) <= 120
    if label == "ORT":
        return re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+(?:[ -][A-ZÅÄÖ][\wåäö-]+)?", value) is not None
    words = value.split()
    return 0 < len(words) <= 3 and _name_word(words[0], True)


def _table(text: str, head: re.Match[str]) -> list[Span]:
    labels = [_COLUMNS.get(c.strip().lower()) for c in head.group(1).split("|")]
    if "PERSON" not in labels:
        return []
    out: list[Span] = []
    for row in re.finditer(r"[^\n]*(?:\n|$)", text[head.end() :]):
        line = row.group(0).rstrip("\n")
        cells = line.strip().strip("|").split("|")
        if len(cells) != len(labels):
            break
        base = head.end() + row.start()
        pos = 0
        for cell, label in zip(cells, labels, strict=True):
            pos = line.index(cell, pos)
            value = cell.strip()
            if label and value and _cell(value, label):
                s = base + pos + cell.index(value)
                out.append(Span(s, s + len(value), label))
            pos += len(cell)
    return out


def find_listed_people(text: str) -> list[Span]:
    """Names on an attendance line, and names, ages and towns in a table's named columns."""
    out: list[Span] = []
    if ":" in text:
        for m in _HEAD.finditer(text):
            out += _attendance_line(text, m.start(1), m.end(1))
    if "|" in text:
        for m in _TABLE_HEAD.finditer(text):
            out += _table(text, m)
    return out
