"""A hospital or clinic named in Arabic, Persian, Russian or Ukrainian: the language's word for
it and the Swedish name spelt in that script ("<hospital> <Sunderby in Arabic letters>",
"в больнице <Sunderby in Cyrillic>", "психиатрической поликлинике <Boden, genitive>").

The name after the head word is a Swedish place or hospital written by its sound, so it is a
word the language's own frequency list hardly knows; a word it knows is a description ("a big
hospital", "the children's hospital", "a hospital in Moscow"). Arabic and Persian: one word after
the head word, not with the article "ال"; Russian and Ukrainian: a capitalised word, with an
adjective in front of the head word ("психиатрической") as part of the unit. Word frequencies
from wordfreq (Apache-2.0), loaded for a language only when its head word is in a text.
"""

from __future__ import annotations

import re

from nlp.core import Span

_ARABIC_HEADS = "مستشفى مستشفي مستوصف عيادة بیمارستان درمانگاه کلینیک كلينيك"
_CYRILLIC_HEADS = (
    "больница больнице больницы больницу поликлиника поликлинике поликлиники поликлинику клиника клинике "
    "клиники клинику госпиталь госпитале лікарня лікарні лікарню поліклініка поліклініці поліклініки клініка "
    "клініці клініки"
)
_ARABIC_UNIT = re.compile(
    r"(?<![\w])(?:"
    + "|".join(_ARABIC_HEADS.split())
    + r")[ \t]+(?P<name>[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]{4,})"
)
_CYRILLIC_UNIT = re.compile(
    r"(?<![\w])(?:[а-яёіїєґ]+(?:ой|ей|ая|яя|ий|ый|ій|ої|ої|ую|ої)[ \t]+)?"
    r"(?i:" + "|".join(_CYRILLIC_HEADS.split()) + r")[ \t]+(?P<name>[А-ЯЁІЇЄҐ][а-яёіїєґь'’-]+)(?![\w])"
)
_SCRIPTS = re.compile(r"[\u0400-\u04ff\u0600-\u06ff]")  # a quick test: Cyrillic or Arabic letters
_RARE = 2.5  # Zipf: rarer than about once in three million words


def _rare(word: str, languages: tuple[str, ...]) -> bool:
    from wordfreq import zipf_frequency

    return all(zipf_frequency(word.lower(), lang) < _RARE for lang in languages)


def find_script_units(text: str) -> list[Span]:
    """Hospitals and clinics named in Arabic, Persian or Cyrillic letters."""
    if text.isascii() or not _SCRIPTS.search(text):
        return []
    spans = [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _ARABIC_UNIT.finditer(text)
        if not m.group("name").startswith("ال") and _rare(m.group("name"), ("ar", "fa"))
    ]
    spans += [
        Span(m.start(), m.end(), "VARDENHET")
        for m in _CYRILLIC_UNIT.finditer(text)
        if _rare(m.group("name"), ("ru", "uk"))
    ]
    return spans
