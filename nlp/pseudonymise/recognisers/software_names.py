"""Capitalised words the name rules read as a person that name software, an e-ID or a service:
"Testat Chrome 122 och Safari 17", "Freja eID borde funka", and a word that is a coordinated
compound's first part ("Post- och telestyrelsen": "Post-" shares "-styrelsen").

A browser, an app or an operating system is written with its version after it ("Safari 17",
"Edge 121.0"); a surname with a number after it could be an age, so only a word that is no first
name counts, and only in a sentence about software (a version, a browser, an app, testing). An
e-ID or an app is named before what it is ("Freja eID", "Kivra-appen" is one word already), or
right after it ("appen Alma", "tjänsten Vera"), and then its name alone elsewhere in the text is it too.

Also the adjective after "jag är": "jag är blind" – a Swedish word that only some other language
has as a first name is the word there ("said_name", names_in_context.py)."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists

_VERSION_AFTER = re.compile(
    r"[ \t\u00a0]+v?\d{1,3}(?:\.\d{1,4}){0,3}(?=[ \t\u00a0]*(?:[.,;:)!?\n]|och\b|eller\b|$))(?!\.\d|,\d)"
)
_SOFTWARE_WORDS = re.compile(
    r"(?i:\b(?:testa[dt]?|testade|version|versionen|webbläsare|webbläsaren|browser|appen|app|ios|android|"
    r"iphone|ipad|mobilen|datorn|uppdater\w*|installer\w*|inloggning\w*|bankid|surfplatta\w*|program\w*))"
)
# what an e-ID, an app or a service is: "Freja eID", "Min Doktor-appen" is one word
_SERVICE_AFTER = re.compile(r"[ \t\u00a0]+(?:eID|e-legitimation|e-leg|Mobilt BankID|appen|app)\b")
# what was tried on a device: "Provat både Chrome och Safari", "installerade Firefox" (a person
# is tried with "med": "provat med Anna")
_TRIED_BEFORE = re.compile(
    r"(?i:\b(?:provat|provade|testat|testade|installerat|installerade|avinstallerat|avinstallerade|"
    r"laddat ner|laddade ner))[ \t]+(?:både[ \t]+)?(?:[A-Z][\w.]+[ \t]+(?:och|eller)[ \t]+)?$"
)
# "Post- och telestyrelsen", "Hörsel- och dövverksamheten": a compound's first part, its tail shared
_SHARED_TAIL = re.compile(r"-[ \t\u00a0]+(?:och|eller|&)[ \t\u00a0]+[a-zåäö]")
# a preposition left of such a compound, where the organisation took the rest: "Till| Post- och …"
_WORD_AND_TAIL = re.compile(r"[ \t\u00a0]+[^\W\d_]+" + _SHARED_TAIL.pattern)


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other)


# an app or a service named right after what it is: "appen Alma", "tjänsten Vera"; its name
# elsewhere in the text is the same app ("en fråga om Alma. Alltså appen Alma …")
_KIND_BEFORE = re.compile(
    r"(?i:\b(?:appen|app:en|tjänsten|e-tjänsten|plattformen|programmet|systemet|bokningssystemet)[ \t\u00a0]+)$"
)


# the longest kind word and the spaces after it: the search looks back no further, so a text of
# many names is not read from its start once per name
_KIND_REACH = 40


def _apps_by_kind(text: str, spans: list[Span]) -> set[str]:
    if not any(k in text.lower() for k in ("app", "tjänsten", "plattformen", "programmet", "systemet")):
        return set()
    return {
        text[s.start : s.end]
        for s in spans
        if s.label == "PERSON"
        and " " not in text[s.start : s.end]
        and _KIND_BEFORE.search(text, max(0, s.start - _KIND_REACH), s.start)
    }


def software_or_service_names(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds that are a program with its version, an e-ID or a service, or the first
    part of a coordinated compound."""
    out = set()
    apps = _apps_by_kind(text, spans)
    for s in spans:
        if s.label != "PERSON":
            continue
        value = text[s.start : s.end]
        first_word = value.split()[0].lower()
        if (_SHARED_TAIL.match(text, s.end) and (" " not in value or first_word in SWEDISH_STOP_WORDS)) or (
            value.lower() in SWEDISH_STOP_WORDS and _WORD_AND_TAIL.match(text, s.end)
        ):
            out.add(s)
            continue
        if " " in value:
            continue
        if _SERVICE_AFTER.match(text, s.end) or value in apps:
            out.add(s)
            continue
        if not _first_name(value) and _TRIED_BEFORE.search(text, max(0, s.start - 50), s.start):
            out.add(s)
            continue
        if _VERSION_AFTER.match(text, s.end) and not _first_name(value):
            # the sentence around it, within a window (a long cell of names is read once per name)
            low, high = max(0, s.start - 160), min(len(text), s.end + 160)
            left = max(text.rfind(ch, low, s.start) for ch in ".!?\n") + 1 or low
            ends = [i for i in (text.find(ch, s.end + 12, high) for ch in ".!?\n") if i >= 0]
            if _SOFTWARE_WORDS.search(text, max(left, low), min(ends, default=high)):
                out.add(s)
    return out


def said_name(word: str) -> bool:
    """After "jag är" / "det är": a listed first name, unless it is a Swedish word that only
    another language has as a first name ("blind", "glad" stay words; "Stina", "Rut" are names)."""
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    info = lists.names().get(word.lower())
    # a word Swedish uses often ("blind", "döv"); "thu" is listed as a word too, but rare
    return info is None or info.first_sv or not info.word or zipf_frequency(word.lower(), "sv") < 3.5
