"""Speech written down: the speaker tags of a dialogue ("Handläggare:", "Chatt 14:02
Sjuksköterska:"), the question a name answers, and a name spelled out after it. Used by
names_in_context.find_person_in_context."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists

# a dialogue's speaker tags at the start of lines, perhaps after a clock time: "Handläggare:",
# "Chatt 14:02 Sjuksköterska:"; a tag that recurs is a role, and what follows it is speech
_TAG = re.compile(
    r"(?m)^[ \t]*((?:[^\W\d_]+[ \t]+)?\d{1,2}[:.]\d\d[ \t]+|\[\d{1,2}[:.]\d\d\][ \t]*)?([^\W\d_]+)[ \t]*:[ \t]"
)


_AGENT = re.compile(r"(?:are|aren|erska|erskan|ör|ören|ent|enten|ist|isten)$")
NAME_QUESTION = re.compile(
    r"(?:namn|namnet|efternamn|efternamnet|förnamn|förnamnet|heter (?:du|hon|han|hen|ni))[ \t?.]*\n\Z", re.IGNORECASE
)


def speaker_tags(text: str) -> frozenset[str]:
    """Words that tag lines as a speaker's, after a clock time or on two lines or more, and
    are no listed name ("Anna:" stays a name)."""
    if text.count(":") < 2:
        return frozenset()
    found = [(m.group(2), bool(m.group(1))) for m in _TAG.finditer(text)]
    seen = [w for w, _ in found]
    # two lines or more tagged by agent nouns ("Inringare:", "Mottagare:"): a dialogue, not a form
    dialogue = len(found) >= 2 and all(_AGENT.search(w.lower()) for w in seen)
    return frozenset(
        w
        for w, timed in found
        if (timed or dialogue or seen.count(w) >= 2)
        and (lists.names().get(w.lower()) is None or lists.names()[w.lower()].word)
    )


# a name spelled out letter by letter after it or after "stavas": "shirin rahimi r a h i m i"
_SPELLED = re.compile(r"(?:[ \t,:-]+|[ \t,]+stavas[ \t]+)((?:[^\W\d_][ \t]){2,}[^\W\d_])(?![\w])", re.IGNORECASE)


def spelled_after(text: str, spans: list[Span]) -> list[Span]:
    """A PERSON find's letter-by-letter spelling after it is the name too."""
    out = []
    for sp in spans:
        m = _SPELLED.match(text, sp.end) if sp.label == "PERSON" else None
        if m:
            out.append(Span(m.start(1), m.end(1), "PERSON"))
    return out


# a chat's or an sms thread's speaker in two words, after a clock time or on two lines or more:
# "[18:42] Eva Lind:", "09.15 olle b:" – a listed first name and a surname or an initial; the
# surname may be an everyday word ("Lind", "Berg"), which the speaker's place makes a name
_TWO_WORD_SPEAKER = re.compile(
    r"(?m)^[ \t]*(\[\d{1,2}[:.]\d\d\][ \t]*|\d{1,2}[:.]\d\d[ \t]+)?"
    r"(?P<name>(?P<first>[^\W\d_]{2,})[ \t]+(?:[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?|[^\W\d_]\.?))[ \t]*:[ \t]"
)


# a chat's speaker in one word after a clock time: "[10:14] Sten: …", "[10:20] Ida: …"
_TIMED_SPEAKER = re.compile(r"(?m)^[ \t]*\[\d{1,2}[:.]\d\d\][ \t]*(?P<name>[A-ZÅÄÖ][a-zåäö]+)[ \t]*:[ \t]")


def _timed_first_names(text: str) -> list[Span]:
    """One-word speakers after a bracketed clock time, when every such speaker of the text is a
    listed first name and there are two of them or more: a chat between people, where a first
    name that is also a word ("Sten", "Max") is a name as the others are; a chat with a role
    ("[09:02] Sjuksköterska:") or a tag ("[09:03] Info:") keeps its words."""
    found = list(_TIMED_SPEAKER.finditer(text))
    words = {m.group("name") for m in found}
    if len(words) < 2 or not all(lists.listed_first_name(w) for w in words):
        return []
    return [Span(m.start("name"), m.end("name"), "PERSON") for m in found]


def find_chat_speakers(text: str) -> list[Span]:
    if text.count(":") < 2:
        return []
    found = [m for m in _TWO_WORD_SPEAKER.finditer(text) if lists.listed_first_name(m.group("first"))]
    names = [m.group("name") for m in found]
    spans = [
        Span(m.start("name"), m.end("name"), "PERSON") for m in found if m.group(1) or names.count(m.group("name")) >= 2
    ]
    return spans + (_timed_first_names(text) if "[" in text else [])
