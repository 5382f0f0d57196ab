"""Ages said by what happened at them or whose they are (called from categories/alder.py, which is
at its size limit): "vid 45 års ålder", a baby's "vid 3 månader", a kinship word and its age as a
label ("Son 6 år,", "BARN 3 ÅR."), "<person> som är 88 har …" (the age inside the clause), a
birthday party's number ("min brors 60-årsfest"), "min pappa är döv, 78." and a dictated sentence
ending ("… och är 26 punkt")."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, NOT_AGE_UNIT, NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import POSSESSIVES, TITLES

_NUMBER = r"(\d{1,3}|(?:ett)?hundra(?:" + NUMWORDS + r")?|" + NUMWORDS + r")"
_KIN = (
    r"pappa|mamma|far|mor|farfar|farmor|morfar|mormor|make|maka|fru|sambo|son|sonen|dotter|dottern|bror|"
    r"brodern|syster|systern|barn|barnet|pojke|pojken|flicka|flickan|svärfar|svärmor|farbror|morbror|faster|"
    r"moster|kusin|granne|grannen|svåger|svägerska|barnbarn|barnbarnet|bebis|bebisen|babyn"
)
# units and counts after a number: "som är 88 kg", "som var 3 av 5"
_NOT_AGE_AFTER = re.compile(
    WS + r"*(?:" + NOT_AGE_UNIT + r"|(?:av|till)\b" + r"|år\b(?!" + WS + r"*(?:gammal|gamla|,|\.|$)))",
    re.IGNORECASE,
)

# "vid 45 års ålder", "i 2 års ålder", "vid sex månaders ålder"
_AT_AGE = guarded(
    r"(?i:\b(?:vid|i|från|sedan|sen)"
    + WS
    + r"+"
    + r"("
    + _NUMBER
    + WS
    + r"+(?:års|månaders|veckors))"
    + WS
    + r"+ålder)"
)
# a baby's age when something happened: "Barnet fick hörapparat vid 3 månader"
_AT_MONTHS = guarded(
    r"(?i:\bvid" + WS + r"+((?:\d{1,2}|" + NUMWORDS + r"|två|tre|fyra|fem|sex|sju|åtta|nio)" + WS + r"+månader)\b)"
)
# a baby's age told by "gammal" wherever its subject stands: "vår son dog bara fyra månader gammal"
_MONTHS_OLD = guarded(
    r"(?i:(?<![\w,.])((?:\d{1,2}|"
    + NUMWORDS
    + r"|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)"
    + WS
    + r"+(?:dagar|dygn|veckor|vecka|månader|månad))"
    + WS
    + r"+(?:gammal|gamla)\b)"
)
_BABY_SUBJECT = re.compile(
    r"(?i:\b(?:barnet|bebisen|bäbisen|babyn|sonen|dottern|lillen|lillan|hon|han|hen|vår son|vår dotter|"
    r"min son|min dotter)\b)"
)
# "Son 6 år, feber", "BARN 3 ÅR.": a kinship word and the age as a label, the thought ending there
_KIN_LABEL = guarded(
    r"(?<![\w-])(?:(?i:"
    + _KIN
    + r")"
    + WS
    + r"+(\d{1,3}"
    + WS
    + r"+år)(?="
    + WS
    + r"*(?:[.,;:!?\n]|$))"
    # in capitals, as a sign-language gloss writes without stops: "BARN 3 ÅR ÖRONINFLAMMATION"
    + r"|(?:"
    + _KIN.upper()
    + r")"
    + WS
    + r"+(\d{1,3}"
    + WS
    + r"+ÅR)(?="
    + WS
    + r"+["
    + CAP
    + r"]{2}))"
)
# "<person> som är 88 har fått", "mig som är sextiofyra och": the age inside a relative clause
_WHO_IS = guarded(
    r"(?i:\b(?:som|vilken)" + WS + r"+(?:är|var|blir|fyller|fyllde)" + WS + r"+" + _NUMBER + r"(?![\w,.-]))"
)
_OBJECT_PRONOUNS = frozenset("mig mej dig dej honom henne hen oss er dem dom".split())
# "min brors Jouni 60-årsfest", "mammas 80-årskalas": the age a person turns
_BIRTHDAY = guarded(r"(?i:(?<![\w-])(\d{1,3})-?års(?:fest|festen|kalas|kalaset|dag|dagen|firande|middag)\b)")
# "Min pappa är döv och teckenspråkig, 78.": a description of a relative closed by the bare age
_DESCRIBED_KIN = guarded(
    r"(?i:\b(?:min|mitt|vår|hans|hennes)" + WS + r"+(?:" + _KIN + r")" + WS + r"+(?:är|var)"
    r"(?:" + WS + r"+[^\W\d_]+){1,6}," + WS + r"*(\d{1,3})(?=" + WS + r"*(?:[.!\n]|$)))"
)
# a dictated sentence end: "och är 26 punkt" (a screen reader's or a dictation's "punkt"/"komma")
_DICTATED = guarded(
    r"(?i:\b(?:jag|hon|han|hen|och)" + WS + r"+(?:är|var)" + WS + r"+(\d{1,3})(?=" + WS + r"+(?:punkt|komma)\b))"
)


def _person_before(text: str, pos: int) -> bool:
    """A name, a kinship word or an object pronoun ends right before `pos`."""
    m = re.search(r"([\w-]+)" + WS + r"*,?" + WS + r"*$", text[max(0, pos - 40) : pos])
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if low in _OBJECT_PRONOUNS or low in TITLES or re.fullmatch(_KIN, low):
        return True
    info = lists.names().get(low)
    if not word[:1].isupper() or info is None:
        return False
    # a surname that is also a word counts after a first name: "Greta Lund som är 93"
    return (
        not info.common
        or re.search(r"[" + CAP + r"][\w-]+" + WS + r"+[\w-]+" + WS + r"*,?" + WS + r"*$", text[max(0, pos - 40) : pos])
        is not None
    )


def _owner_before(text: str, pos: int) -> bool:
    """Whose party: a possessive, a genitive kinship word or name, or a name just before."""
    words = re.findall(r"[\w-]+", text[max(0, pos - 40) : pos])[-2:]
    for word in words:
        low = word.lower()
        if low in POSSESSIVES or (low.endswith("s") and re.fullmatch(_KIN, low[:-1])):
            return True
        info = lists.names().get(low.removesuffix("s")) or lists.names().get(low)
        if word[:1].isupper() and info is not None and not info.common:
            return True
    return False


# someone the sentence is about: "Jag blev blind vid 45 års ålder", "Nu vid 2 års ålder har hon";
# a schedule is about no one ("en tredje dos vid 12 månaders ålder"), nor is "barn" bare, children
# in general ("kontroll för barn vid 4 års ålder"); "barnet", "mitt barn" are someone
_PERSON_WORD = re.compile(
    r"(?i:\b(?:jag|hon|han|hen|vi|min|mitt|mina|vår|vårt|hans|hennes|deras|(?!barn\b)(?:" + _KIN + r"))\b)"
)


# a sentence opening with a finite verb has the writer as its elided subject: "Fick
# aktivitetsersättning från 20 års ålder.", "Blev döv vid 3 års ålder."
_ELIDED_SUBJECT = re.compile(
    WS + r"*(?:Fick|Blev|Började|Slutade|Hade|Har|Fyllde|Flyttade|Kom|Gick|Fått|Blivit|Varit|Var)" + WS
)


def _person_in_sentence(text: str, start: int, end: int) -> bool:
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in ".!?\n") if i >= 0]
    return _PERSON_WORD.search(text, left, min(ends, default=len(text))) is not None or bool(
        _ELIDED_SUBJECT.match(text, left)
    )


def _plausible(value: str) -> bool:
    return not value.isdigit() or 1 <= int(value) <= 120


def find_life_ages(text: str) -> list[Span]:
    spans = [
        Span(m.start(1), m.end(1), "ALDER")
        for m in _AT_AGE.finditer(text)
        if _plausible(m.group(2)) and _person_in_sentence(text, m.start(), m.end())
    ]
    for m in (*_AT_MONTHS.finditer(text), *_MONTHS_OLD.finditer(text)):
        sentence_start = max(text.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
        if _BABY_SUBJECT.search(text, sentence_start, m.start()):
            spans.append(Span(m.start(1), m.end(1), "ALDER"))
    for m in _KIN_LABEL.finditer(text):
        g = 1 if m.group(1) else 2
        if _plausible(m.group(g).split()[0]):
            spans.append(Span(m.start(g), m.end(g), "ALDER"))
    for m in _WHO_IS.finditer(text):
        if _plausible(m.group(1)) and _person_before(text, m.start()) and not _NOT_AGE_AFTER.match(text, m.end(1)):
            spans.append(Span(m.start(1), m.end(1), "ALDER"))
    spans += [
        Span(m.start(1), m.end(1), "ALDER")
        for m in _BIRTHDAY.finditer(text)
        if _plausible(m.group(1)) and _owner_before(text, m.start())
    ]
    spans += [Span(m.start(1), m.end(1), "ALDER") for m in _DESCRIBED_KIN.finditer(text) if _plausible(m.group(1))]
    spans += [Span(m.start(1), m.end(1), "ALDER") for m in _DICTATED.finditer(text) if _plausible(m.group(1))]
    return spans
