"""Names written in another script: Arabic, Persian, Cyrillic, Ethiopic, Thai (multilingual answers).

A survey answered in the writer's own language, or in Swedish with the names of the family in
both scripts, holds names no Latin-script list or Swedish context word can see:

- after the language's own "my name is", title or kinship word: "اسمي …", "ابنتي …", "الدكتورة …",
  "دکتر …", "برادرم …", "меня зовут …", "мой сын …", "врач …", "мій син …", "ስመይ …", "ኣደይ …",
  "…ชื่อ…". Cyrillic has capitals, so the name is the capitalised words after the word; Arabic,
  Persian and Ethiopic have none, so it is one word, or two when the second is an Arabic
  surname ("ال…") or the phrase ends after it (a bracket, a comma, a full stop);
- beside its transliteration in brackets: "Khadija Osman (<the name in Arabic>)", "<the name in
  Cyrillic> (Iryna Shevchuk)". `transliterated_pairs` runs after the other finds: when one side of
  such a pair is a found name or place the other side is the same thing, and when neither is
  found a pair of capitalised Latin words that no lexicon explains with a word of another script
  is a name (a town is in the place list, a word like "Hopp" in the lexicon).

The words are the languages' ordinary words for "name", titles and family, not names; no list of
names in other scripts is needed.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import plain_word, unknown_word

# letters of the scripts a name may be written in here (with their combining vowel marks):
# Greek, Cyrillic, Armenian, Hebrew, Arabic (and its supplements, presentation forms), Thai,
# Georgian, Ethiopic
_OTHER = (
    "\u0370-\u03ff\u0400-\u052f\u0531-\u0587\u05d0-\u05ea\u0620-\u064a\u064b-\u065f\u066e-\u06d3\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\u0e01-\u0e3a\u0e40-\u0e4e\u10a0-\u10ff\u1200-\u135a\u2d80-\u2ddf\ufb50-\ufdff"
    "\ufe70-\ufefc\u0640"
)
OTHER_WORD = f"[{_OTHER}]+"
_ANY_OTHER = re.compile(f"[{_OTHER}]")
_UP = "A-ZÅÄÖÜÉÈÇŠŽČĆĐŁİ"
_LOW = "a-zåäöüéèçšžčćđłığşñ'’"
_LATIN_NAME = f"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
_CYR_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+"

# "my name is", titles and family words, each followed by the name (lower case; Cyrillic matched
# case-insensitively)
_ARABIC_INTRO = (
    "اسمي إسمي اسمه اسمها اسمم نامم الدكتور الدكتورة دكتور دكتورة الطبيب الطبيبة الممرضة الممرض السيد السيدة "
    "الأستاذ الأستاذة ابني ابنتي بنتي أمي امي والدتي أبي ابي والدي زوجي زوجتي أخي اخي أختي "
    "اختي جدي جدتي دکتر خانم آقای پرستار پسرم دخترم مادرم پدرم همسرم شوهرم برادرم خواهرم مادربزرگم "
    "پدربزرگم"
).split()
_ARABIC_TWO_WORD_INTRO = ("اسم من", "نام من")
_CYRILLIC_INTRO = (
    "зовут звати врач врача врачу доктор доктора медсестра медсестры медсестре медбрат переводчик переводчица "
    "лікар лікарка лікаря перекладач перекладачка мама маме мамы мать матери папа папе отец отца отцу сын сына "
    "сыну дочь дочери дочка муж мужа мужу жена жены брат брата сестра сестры бабушка бабушке дедушка дедушке "
    "син сина сину донька доньки мати тато батько батька чоловік чоловіка дружина бабуся дідусь уважением "
    "повагою пан пані господин госпожа"
).split()
_ETHIOPIC_INTRO = (
    "ስመይ ሽመይ ስሜ ስሙ ስማ ሓኪም ሐኪም ሀኪም ዶክተር ነርስ ኣቶ አቶ ወይዘሮ ወይዘሪት ኣደይ እናቴ ኣቦይ አባቴ ወደይ ጓለይ ልጄ "
    "ሰበይተይ ሰብኣየይ ሓወይ ሓፍተይ ወንድሜ እህቴ ባለቤቴ"
).split()
_CYRILLIC_INTRO_SET = frozenset(_CYRILLIC_INTRO)
_THAI_NAME_WORD = "ชื่อ"  # "name": the name follows it, written on without a space

_ARABIC_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(sorted(_ARABIC_INTRO + [p.replace(" ", r"\s+") for p in _ARABIC_TWO_WORD_INTRO], key=len, reverse=True))
    + r")(?![\w])"
)
_CYRILLIC_RE = re.compile(r"(?<![\w])(?i:" + "|".join(sorted(_CYRILLIC_INTRO, key=len, reverse=True)) + r")(?![\w])")
# Ethiopic: "to the doctor" glues "ን"/"ለ" to the title
_ETHIOPIC_RE = re.compile(r"(?<![\w])[ንለ]?(?:" + "|".join(_ETHIOPIC_INTRO) + r")(?![\w])")
_ARABIC_OR_ETHIOPIC_WORD = re.compile(
    r"[\u0620-\u064a\u064b-\u065f\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u1200-\u135a]+"
)
# a preposition before the family word makes it an object ("with my son", "to my mother"): what
# follows is the verb as often as a name
_PREPOSITION_BEFORE = re.compile(r"(?:^|[\s(])(?:با|به|از|برای|مع|على|عن|إلى|الى|لـ?|ل)\s+$")
_GAP = re.compile(r"[ \t\u00a0]+")
_PHRASE_END = re.compile(r"[ \t]*[(،,]")
# a bracket after a second word: the name's rendering in Latin letters follows the whole name
_BRACKET_NEXT = re.compile(r"[ \t]*\(")
# "I am <name> al-<name>": with the Arabic surname article only, "I am tired" is as common
_I_AM_FULL_NAME = re.compile(r"(?<![\w])(?:أنا|انا)[ \t]+([\u0620-\u064a]+[ \t]+(?:ال|ٱل)[\u0620-\u064a]+)")
# first name and a Slavic surname by its ending ("-ова", "-енко", "-ук", "-ський"): a full name
_SLAVIC_FULL_NAME = re.compile(
    r"(?<![\w])" + _CYR_NAME + r"[ \t]+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+"
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|енко|ко|ук|юк|чук|ич|вич|вна|ський|ська|ский|ская|цкий|цкая)(?![\w])"
)
_CYR_NAMES = re.compile(_CYR_NAME + r"(?:[ \t]+" + _CYR_NAME + r"){0,2}")
_LATIN_NAMES = re.compile(_LATIN_NAME + r"(?:[ \t]+" + _LATIN_NAME + r"){0,2}")
_THAI_NAME = re.compile(_THAI_NAME_WORD + r"([\u0e01-\u0e2e][\u0e01-\u0e3a\u0e40-\u0e4e]{1,20})(?=[ \t(]|$)")


def _latin_name(text: str, pos: int) -> Span | None:
    m = _LATIN_NAMES.match(text, pos)
    if m and not all(plain_word(w.lower()) for w in m.group(0).split()):
        return Span(m.start(), m.end(), "PERSON")
    return None


def _caseless_name(text: str, pos: int) -> Span | None:
    """One word of Arabic or Ethiopic script, two when the second is "ال…" or ends the phrase."""
    first = _ARABIC_OR_ETHIOPIC_WORD.match(text, pos)
    if not first:
        return _latin_name(text, pos)
    end = first.end()
    gap = _GAP.match(text, end)
    second = _ARABIC_OR_ETHIOPIC_WORD.match(text, gap.end()) if gap else None
    if second and (second.group(0).startswith(("ال", "ٱل")) or _BRACKET_NEXT.match(text, second.end())):
        end = second.end()
    return Span(first.start(), end, "PERSON")


def find_script_names(text: str) -> list[Span]:
    """Names after "my name is", a title or a family word in Arabic, Persian, Cyrillic, Ethiopic or Thai."""
    if text.isascii() or not _ANY_OTHER.search(text):
        return []
    spans: list[Span] = []
    for pattern, name in ((_ARABIC_RE, _caseless_name), (_ETHIOPIC_RE, _caseless_name), (_CYRILLIC_RE, None)):
        for m in pattern.finditer(text):
            gap = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*").match(text, m.end())
            pos = gap.end() if gap and gap.end() > m.end() else -1
            if pos < 0:
                continue
            if name is not None and _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                # "with my son <name>, …": only a word the phrase ends after
                one = _ARABIC_OR_ETHIOPIC_WORD.match(text, pos)
                if not one or not _PHRASE_END.match(text, one.end()):
                    continue
            if name is not None:
                found = name(text, pos)
            else:
                c = _CYR_NAMES.match(text, pos)
                found = Span(c.start(), c.end(), "PERSON") if c else _latin_name(text, pos)
            if found is not None:
                spans.append(found)
    spans += [Span(m.start(1), m.end(1), "PERSON") for m in _THAI_NAME.finditer(text)]
    spans += [Span(m.start(1), m.end(1), "PERSON") for m in _I_AM_FULL_NAME.finditer(text)]
    for m in _SLAVIC_FULL_NAME.finditer(text):
        first = m.group(0).split()[0]
        # "Лікар Гордієнко": a title and a surname, the title is no name
        start = m.start() + len(first) + 1 if first.lower() in _CYRILLIC_INTRO_SET else m.start()
        spans.append(Span(start, m.end(), "PERSON"))
    return spans


# a bracketed rendering in the other script: "<Latin words> (<other words>)" and the reverse
_PAIR_LATIN_FIRST = re.compile(
    r"(?<![\w'’-])(?P<a>" + _LATIN_NAME + r"(?:[ \t]+" + _LATIN_NAME + r"){0,3})[ \t]*\([ \t]*"
    r"(?P<b>" + OTHER_WORD + r"(?:[ \t]+" + OTHER_WORD + r"){0,3})[ \t]*\)"
)
_PAIR_OTHER_FIRST = re.compile(
    r"(?<![\w])(?P<a>" + OTHER_WORD + r"(?:[ \t]+" + OTHER_WORD + r"){0,5})[ \t]*\([ \t]*"
    r"(?P<b>" + _LATIN_NAME + r"(?:[ \t]+" + _LATIN_NAME + r"){0,3})[ \t]*\)"
)
_OTHER_WORD_RE = re.compile(OTHER_WORD)
# a copula between a name and its bracket ("I am <name> (…)" in Persian, Tigrinya)
_COPULAS = frozenset("هستم است هست እዩ እየ እያ".split())
_INTRO_WORDS = (
    frozenset(_ARABIC_INTRO) | frozenset(_ETHIOPIC_INTRO) | frozenset(w.lower() for w in _CYRILLIC_INTRO)
) | frozenset("من أنا انا я мой моя мій моя".split())


def _label_of(spans: list[Span], starts: list[int], start: int, end: int) -> str | None:
    """The label of a found name or place over text[start:end]; `spans` resolved (apart, sorted)."""
    k = bisect_left(starts, end) - 1
    while k >= 0 and spans[k].end > start:
        if spans[k].label in {"PERSON", "ORT"}:
            return spans[k].label
        k -= 1
    return None


def _unfound_label(latin: str) -> str | None:
    words = latin.split()
    if " ".join(words) in lists.places():
        return "ORT"
    if all(unknown_word(w) or lists.names().get(w.lower()) is not None for w in words):
        return "PERSON"
    return None


def _other_words_before(text: str, a_start: int, a_end: int, count: int) -> tuple[int, int] | None:
    """The last `count` words of the other script in text[a_start:a_end], past a copula at the
    end and never reaching back over an intro word ("my brother", "nurse")."""
    words = [(m.start(), m.end()) for m in _OTHER_WORD_RE.finditer(text, a_start, a_end)]
    if words and text[words[-1][0] : words[-1][1]] in _COPULAS:
        words.pop()
    if not words:
        return None
    taken: list[tuple[int, int]] = []
    for s, e in reversed(words):
        w = text[s:e]
        if len(taken) == count or w.lower() in _INTRO_WORDS or any(w.endswith(x) for x in ("ชื่อ",)):
            break
        taken.append((s, e))
    if not taken:
        return None
    return taken[-1][0], taken[0][1]


def transliterated_pairs(text: str, spans: list[Span]) -> list[Span]:
    """The other side of "<name> (<the name in another script>)" and the reverse, as the found
    side's label; both as PERSON when neither is found and the Latin side is a name's shape."""
    if "(" not in text or text.isascii() or not _ANY_OTHER.search(text):
        return []
    out: list[Span] = []
    spans = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in spans]
    for m in _PAIR_LATIN_FIRST.finditer(text):
        a, b = (m.start("a"), m.end("a")), (m.start("b"), m.end("b"))
        label = _label_of(spans, starts, *b) or _label_of(spans, starts, *a)
        # the Latin side's found name may be only its end ("Min mamma heter Khadija Osman")
        whole = _unfound_label(m.group("a"))
        if label is None and whole is None:
            continue
        if whole is not None and (label is None or label == whole):
            out.append(Span(*a, whole))  # all of "Taras Moroz" when the lists knew "Moroz"
        out.append(Span(*b, label or whole))
    for m in _PAIR_OTHER_FIRST.finditer(text):
        b = (m.start("b"), m.end("b"))
        a = _other_words_before(text, m.start("a"), m.end("a"), len(m.group("b").split()))
        if a is None:
            continue
        label = _label_of(spans, starts, *b) or _label_of(spans, starts, *a)
        if label is None:
            label = _unfound_label(m.group("b"))
            if label is None:
                continue
        out += [Span(*a, label), Span(*b, label)]
    return out
