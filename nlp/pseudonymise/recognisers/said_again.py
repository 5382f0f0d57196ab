"""After overlaps are resolved, in told speech (interviews, focus groups): a name, place or home
said again in another form. A speaker corrects or translates what was just said ("Hawa. Hawo
säger vi", "Ali. Aly på passet", "B-G kallade vi honom"), spells a name two ways in one text
("Senait … Senayt"), names a home once in full and then bare ("HVB Lönnen … Lönnen"), or
answers "var bor du?" with only the place."""

from __future__ import annotations

import re
import unicodedata

from wordfreq import zipf_frequency

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers.patterns import STREET_SUFFIX
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.span_set import SpanSet
from nlp.pseudonymise.recognisers.words import COUNTRIES, TITLES

_WORD = r"[A-ZÅÄÖ][\w'’]*(?:-[A-ZÅÄÖ\w][\w'’]*)*"
# how a speaker says that a word is another form of the same name: "säger vi (på somaliska)",
# "kallade vi honom", "kallade hon sig", "på passet", "på (svenska) papper"
_NAMING_TAIL = (
    r"(?:säger|sa|kallar|kallade)[ \t]+(?:vi|de|dom|alla|man)\b"
    r"|kallade[ \t]+(?:hon|han|hen)[ \t]+sig\b"
    r"|på[ \t]+(?:passet|papperet|pappret|papperen|papper|(?:svenska|svenskt)[ \t]+papper\w*|gården)\b"
)
# right after a found name: ". ", "... ", ", eller " and then the other form
_AFTER_FOUND = re.compile(r"(?:[.,]|\.\.\.|…)?[ \t]+(?:[Ee]ller[ \t]+)?(" + _WORD + r")[ \t]+(?:" + _NAMING_TAIL + ")")
# right before a found name, the form the speaker used first: "min kompis T-J, eller Tor-Jonny"
_BEFORE_FOUND = re.compile(r"(?<![\w-])(" + _WORD + r"),?[ \t]+eller[ \t]+$")
# with no found name before it, only the tails that can only be about a name
_NAMED_SO = guarded(
    r"(?<![\w-])("
    + _WORD
    + r")[ \t]+(?:kallade|kallar)[ \t]+(?:(?:vi|de|dom|alla)[ \t]+(?:honom|henne|hen|mig)|(?:hon|han|hen)[ \t]+sig)\b"
)
# a home named in full: its kind, then its own name ("HVB Lönnen", "LVM-hemmet Granbacka")
_UNIT_NAME = re.compile(r"^\S+[ \t]+(" + _WORD + r")")
# "var bor du nu?" and its answer turn, after a speaker tag: "[Tolk]: Ludvika."
_WHERE_LIVE = guarded(r"\bvar[ \t]+(?:bor|bodde)[ \t]+(?:du|ni|han|hon|hen|de|dom)\b[^\n?]*\?[ \t]*\n")
_ANSWER = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,20}\]|[\w-]{1,20})[ \t]*:[ \t]*(?:(?:Fortfarande|Nu|Numera|I)[ \t]+)?"
    r"(" + _WORD + r")(?:[.,][ \t]*(" + _WORD + r"))?[ \t]*\.?[ \t]*(?=\n|$)"
)


def _fold(word: str) -> str:
    """A spelling key: no accents, lowercase, y as i ("Kovačević" = "Kovacevic", "Rahimy" = "Rahimi")."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return plain.lower().replace("y", "i")


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name: the same key, or the same length with one letter else."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    return len(fa) == len(fb) >= 4 and fa[0] == fb[0] and sum(x != y for x, y in zip(fa, fb, strict=True)) == 1


class _Found:
    """The spans so far and an index of where they are (see span_set.py): the rules add to both."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = list(spans)
        self._where = SpanSet(spans)

    def free(self, start: int, end: int) -> bool:
        return self._where.free(start, end)

    def add(self, start: int, end: int, label: str) -> None:
        self.spans.append(Span(start, end, label))
        self._where.add(start, end)


def _name_word(word: str) -> bool:
    """A word that can be a name's other form: not a function word, an everyday word or a country."""
    return (
        word.lower() not in SWEDISH_STOP_WORDS
        and word.lower() not in TITLES  # "Äiti Aili": a kinship word, not a spelling of the name
        and word not in COUNTRIES
        and zipf_frequency(word.lower(), "sv") < 3.0
        and not word.isupper()
        or "-" in word
        and word.replace("-", "").isupper()
        and len(word) <= 5  # "B-G", "J-P": initials as a nickname
    )


def said_again(text: str, spans: list[Span]) -> list[Span]:
    """Spans for the other forms of names, places and homes already found in `text`."""
    out = _Found(spans)
    for sp in spans:
        if sp.label not in {"PERSON", "ORT"}:
            continue
        for m in (_AFTER_FOUND.match(text, sp.end), _BEFORE_FOUND.search(text, max(0, sp.start - 40), sp.start)):
            if m and _name_word(m.group(1)) and out.free(m.start(1), m.end(1)):
                out.add(m.start(1), m.end(1), sp.label)
    for m in _NAMED_SO.finditer(text):
        # "Sanna kallade hon sig": the tail says it is a name, even one that is also a word
        if m.group(1).lower() not in SWEDISH_STOP_WORDS and out.free(m.start(1), m.end(1)):
            out.add(m.start(1), m.end(1), "PERSON")
    _spelled_otherwise(text, out)
    _bare_unit_names(text, out)
    _places_again(text, out)
    return sorted(out.spans + _where_answers(text, out), key=lambda s: s.start)


def _spelled_otherwise(text: str, out: _Found) -> None:
    found = {
        w
        for s in out.spans
        if s.label == "PERSON"
        for w in re.findall(r"[^\W\d_][\w'’]*", text[s.start : s.end])
        if len(w) >= 4 and w[:1].isupper()
    }
    if not found:
        return
    for m in re.finditer(r"(?<![\w-])[A-ZÅÄÖ][^\W\d_]{3,}(?![\w-])", text):
        word = m.group(0)
        if word in found or not out.free(m.start(), m.end()) or not _name_word(word):
            continue
        if any(_variant(word, f) for f in found):
            out.add(m.start(), m.end(), "PERSON")


def _bare_unit_names(text: str, out: _Found) -> None:
    names = set()
    for s in out.spans:
        m = _UNIT_NAME.match(text[s.start : s.end]) if s.label == "VARDENHET" else None
        if m and len(m.group(1)) >= 4 and _name_word(m.group(1)):
            names.add(m.group(1))
    for name in names:
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if out.free(m.start(), m.end()):
                out.add(m.start(), m.end(), "VARDENHET")


_STREET = re.compile(r"(?:" + STREET_SUFFIX + r")$")


def _places_again(text: str, out: _Found) -> None:
    """A one-word place found where someone lives or comes from is the same place when the
    speaker says it again ("kom från Tuzla … Nej, Tuzla, inte …")."""
    names = {text[s.start : s.end] for s in out.spans if s.label == "ORT"}
    # not a street ("bodde på Björkvägen … en Björkvägen till"): any town has one by that name
    names = {n for n in names if re.fullmatch(_WORD, n) and len(n) >= 4 and _name_word(n) and not _STREET.search(n)}
    for name in names:
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if out.free(m.start(), m.end()) and _said_alone(text, m.start(), m.end()):
                out.add(m.start(), m.end(), "ORT")


_ALONE_AFTER = re.compile(r"[ \t]*(?:[,.!?…]+(?:\s|$)|$)")


def _said_alone(text: str, start: int, end: int) -> bool:
    """The place stands as a phrase of its own, as in a correction ("Nej, Tuzla, inte …"):
    in running text ("betalade till Firma AB") the word after a verb may be anything."""
    i = start  # the last character before it but spaces and tabs (no copy of the text before it)
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return (i == 0 or text[i - 1] in "\n,.:;!?…") and bool(_ALONE_AFTER.match(text, end))


def _where_answers(text: str, out: _Found) -> list[Span]:
    extra: list[Span] = []
    for q in _WHERE_LIVE.finditer(text):
        a = _ANSWER.match(text, q.end())
        if not a:
            continue
        for g in (1, 2):
            word = a.group(g)
            if (
                word
                and word not in COUNTRIES
                and word.lower() not in SWEDISH_STOP_WORDS
                and out.free(a.start(g), a.end(g))
            ):
                extra.append(Span(a.start(g), a.end(g), "ORT"))
    return extra
