"""A capitalised word opening a sentence written in another language is that language's word,
not a name: "Dziękuję bardzo!", "Mutlu değilim.", "Umut ettim ki …", "Toivo on, että …",
"My name is …".

A multilingual answer has whole sentences in Polish, Turkish, Finnish, Bosnian or English. The
first word of a sentence is capitalised whatever it is, and many everyday words there are names
in the lists (Turkish "umut" hope, "deniz" sea, Finnish "toivo" hope, Bosnian "nada" hope, English
"my"), or a word the Swedish lexicon does not know, which the context rules read as a name.

A single-word PERSON find at a sentence's start is taken back when the rest of the sentence is in
one of those languages (most of its words frequent there, few frequent in Swedish) and the word
itself is an everyday word of that language (a word in no name list: a frequent one). In a
sentence of a word or two the word alone decides: everyday in one of the languages, unknown in
Swedish ("Teşekkürler."). A Swedish first name stays ("Anna oli …"), and a
name in a Swedish sentence is never looked at. Word frequencies from wordfreq (Apache-2.0), loaded per language on first need: only a text with
such a sentence loads them, so Swedish text costs one look-up in the Swedish table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import sentence_start

# the languages of whole sentences in Latin letters in multilingual answers that wordfreq knows
# (Somali, Tigrinya in Latin letters and Sami are not in it); "sh" is Bosnian/Croatian/Serbian
_LANGUAGES = ("en", "pl", "tr", "fi", "sh", "de", "fr", "es")
# a word in Latin letters (with their accents: ş ğ ı ł ę č ä): the languages read are written so,
# and a word of another script says nothing of them (no table is loaded for it)
_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_END = re.compile(r"[.!?](?=\s|$)|\n")  # not the dots of an address or a link
_FREQUENT = 3.5  # Zipf: a word seen at least every ~300 000 words
_EVERYDAY = 4.4  # the opening word: an everyday word of the language, more than a name
_SWEDISH = 4.0
_SAMPLE = 12  # words of the sentence read for its language


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def _sentence_words(text: str, span: Span) -> list[str]:
    end = _END.search(text, span.end, span.end + 200)
    rest = text[span.end : end.start() if end else span.end + 200]
    # the first words say the language (a cell with no full stop must not be read whole per
    # find); an address or a link is no word of any language ("yara.h.bakr@gmail.com")
    words = _words(rest)
    if len(words) < 2 and end is not None and end.group(0) != "\n":
        # a short sentence ("Czekałem 5 godzin.") is read with the next one on its line, which
        # says the language the writer is in: a Swedish one after it keeps the name
        more = _END.search(text, end.end(), end.end() + 200)
        words += _words(text[end.end() : more.start() if more else end.end() + 200])
    return words[:_SAMPLE]


def _words(rest: str) -> list[str]:
    tokens = [t.strip(".,;:!?()\"'”“«»–-") for t in rest.split()]
    return [t.lower() for t in tokens if _WORD.fullmatch(t)]


def _language_of(words: list[str]) -> str | None:
    if len(words) < 2 or sum(_zipf(w, "sv") >= _SWEDISH for w in words) >= len(words) * 0.5:
        return None
    for lang in _LANGUAGES:
        if sum(_zipf(w, lang) >= _FREQUENT for w in words) >= max(1, len(words) * 0.6):
            return lang
    return None


def _foreign_word(word: str, rest: list[str], listed: bool) -> bool:
    if len(rest) < 2 and not listed:
        # a sentence of one or two words ("Teşekkürler.", "İlaç 2 x 500 mg."): the word alone
        # says it, when it is everyday in one of the languages and unknown in Swedish
        if _zipf(word, "sv") >= 2.0:
            return False
        return any(_zipf(word, lang) >= 4.5 for lang in _LANGUAGES)
    lang = _language_of(rest)
    # a name in the lists must be an everyday word there; another word, a common one
    return lang is not None and _zipf(word, lang) >= (_EVERYDAY if listed else _FREQUENT)


def drop_foreign_words(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the PERSON finds that are a foreign sentence's everyday first word."""
    out: list[Span] = []
    for sp in spans:
        value = text[sp.start : sp.end]
        if sp.label == "PERSON" and " " not in value and sentence_start(text, sp.start):
            word = value.lower()
            info = lists.names().get(word)
            if info is None or not info.first_sv:
                if _foreign_word(word, _sentence_words(text, sp), listed=info is not None):
                    continue
        out.append(sp)
    return out
