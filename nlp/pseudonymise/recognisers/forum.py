"""Names forums and social media show: the username in a quote header ("> Lotta_72 skrev:",
"Citat från Ali B:") when it is built on a first name, a poster's first name and age ("Elsa 15
undrar:"), a signature after "/" that is a first name which is also a word ("… tack /sanna"), an
@handle made of a name ("@lisa.berg", "@dr.omar.haddad": "lisa.berg", "omar.haddad") and the name
a thank-you hashtag ends in ("#tackLotta": "Lotta"). Pure aliases ("nattugglan", "gammal_sjöman",
"@snusmumriken_92") stay."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import plain_word

# a quoted post's header: the username, then "skrev"/"wrote" (perhaps with a date) and a colon
_QUOTE_HEADER = re.compile(
    r"(?m)^[ \t>]*(?:(?:Citat|Quote)[ \t]+(?:från|from)[ \t]+)?"
    r"(?P<user>[^\s>:]{2,30}(?:[ \t][A-ZÅÄÖ]\.?)?)[ \t]+(?:skrev|wrote|svarade|kommenterade)\b[^\n:]{0,30}:"
)
# "Citat från Yusuf_K:" without a verb after the name
_CITED = re.compile(
    r"(?m)^[ \t>]*(?:Citat|Quote)[ \t]+(?:från|from)[ \t]+(?P<user>[^\s>:]{2,30}(?:[ \t][A-ZÅÄÖ]\.?)?):"
)
# a letter column's or a young people's forum's post: "Elsa 15 undrar: …", "Noah, 12, skriver: …" (a
# first name and an age before a verb of writing and a colon, opening a line)
_AGED_POSTER = re.compile(
    r"(?m)^[ \t>]*(?P<user>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?),?[ \t]+(?P<age>[1-9]\d?(?:[ \t]+år)?),?"
    r"[ \t]+(?:skriver|skrev|frågar|undrar|berättar|svarar|tycker)[ \t]*:"
)
_PARTS = re.compile(r"[^\W\d_]+")
# a message's last word after a slash: "… hör av dig /sanna"
_SLASH_SIGNATURE = re.compile(r"(?<![\w/])/[ \t]?(?P<user>[^\W\d_][\w-]*)[ \t]*\Z")


def _first_name(word: str, any_first: bool) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other) and (any_first or not info.word)


def _built_on_a_name(user: str) -> bool:
    """ "Yousef_84", "Máret_S", "lotta_67", "Rojda K.": one part of the username is a first
    name. A username is chosen, not written in a sentence: a name that is also a word counts."""
    parts = _PARTS.findall(user)
    return any(len(p) >= 3 and _first_name(p, any_first=True) for p in parts)


_HANDLE = re.compile(r"(?<![\w@.])@(?P<user>[\w][\w.-]*[\w])")
# titles a handle may start with: "@dr.amira.khalil", "@barnmorskan_sara"
_HANDLE_TITLES = frozenset("dr doc doktor syster ssk barnmorskan barnmorska psykolog tandläkare".split())
_THANKS_TAG = re.compile(
    r"(?<![\w#])#(?i:tack|tacktill|thanks|thankyou|tackar|hyllning|heja)(?P<name>[A-ZÅÄÖa-zåäö]{2,})\b"
)


# the words of a handle, camelCase split too: "pappaJesper" is "pappa" and "Jesper"
_HANDLE_PARTS = re.compile(r"[A-ZÅÄÖ]?[a-zåäöéü]+|[A-ZÅÄÖ]+(?![a-zåäöéü])")


def _named_handle(parts: list[str]) -> bool:
    """A part is a first name that is no word ("lisa"); or one that is also a word ("Emma",
    "tuva") written with its capital or beside a surname ("emma_wiklund"): a handle is chosen,
    and a capital or a surname in it is the sign of a name."""
    surname = any((info := lists.names().get(p.lower())) is not None and info.last for p in parts)
    return any(
        len(p) >= 3
        and (_first_name(p, any_first=False) or (_first_name(p, any_first=True) and (p[0].isupper() or surname)))
        for p in parts
    )


def _handles(text: str) -> list[Span]:
    """ "@hanna_strom", "@dr.amira.khalil", "@Emma_Lind", "@mammaSara": a handle one of whose
    parts is a first name; the span leaves out the "@" and a title the handle opens with."""
    spans = []
    for m in _HANDLE.finditer(text):
        parts = list(_HANDLE_PARTS.finditer(m.group("user")))
        while parts and parts[0].group(0).lower() in _HANDLE_TITLES:
            parts.pop(0)
        if not parts or not _named_handle([p.group(0) for p in parts]):
            continue
        base = m.start("user")
        spans.append(Span(base + parts[0].start(), m.end("user"), "PERSON"))
    return spans


# a username in running text or after a forum's label: "Anv: risten.labba", "Svar till Aslak_K:",
# "Inlägg av Mattias_R dolt": parts joined by "_" (anywhere) or "." (after a label)
_UNDERSCORED = re.compile(r"(?<![\w@./#-])(?P<user>[^\W\d_]+(?:_[^\W_]+)+)(?![\w@-])")
_USER_LABEL = re.compile(
    r"(?i:\b(?:anv|användare|användarnamn|nick|signatur)[ \t]*:|\b(?:inlägg|svar|kommentar)[ \t]+(?:av|från|till))"
    r"[ \t]*(?P<user>[^\W\d_][\w]*(?:[._][\w]+)+)(?![\w@-])"
)


_LABEL_WORD = guarded(r"(?i:\b(?:anv|användare|användarnamn|nick|signatur|inlägg|svar|kommentar)\b)")


def _usernames(text: str) -> list[Span]:
    """ "jovnna_labba", "Mattias_R", "Anv: risten.labba": a username one of whose parts is a
    name; not an alias of words ("Sten_i_skon", "gammal_sjöman", "fjällkvinna58")."""
    spans = []
    patterns = ([_UNDERSCORED] if "_" in text else []) + ([_USER_LABEL] if _LABEL_WORD.search(text) else [])
    for pattern in patterns:
        for m in pattern.finditer(text):
            parts = [p for p in re.split(r"[._]", m.group("user")) if p]
            if any(len(p) > 1 and (p.lower() in SWEDISH_STOP_WORDS or plain_word(p.lower())) for p in parts):
                continue
            if _named_handle([p for p in parts if not p.isdigit()]):
                spans.append(Span(m.start("user"), m.end("user"), "PERSON"))
    return spans


def _thanks_tags(text: str) -> list[Span]:
    """ "#tackHanna", "#TACKYVONNE": the name a thank-you hashtag ends in."""
    spans = []
    for m in _THANKS_TAG.finditer(text):
        name = m.group("name")
        if _first_name(name, any_first=name[:1].isupper()):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans


def find_forum_names(text: str) -> list[Span]:
    spans: list[Span] = _handles(text) if "@" in text else []
    spans += _thanks_tags(text) if "#" in text else []
    spans += _usernames(text)
    if "skrev" in text or "wrote" in text or "svarade" in text or "Citat" in text or "Quote" in text:
        for pattern in (_QUOTE_HEADER, _CITED):
            for m in pattern.finditer(text):
                user = (
                    m.group("user").rstrip(".") if not re.search(r" [A-ZÅÄÖ]\.$", m.group("user")) else m.group("user")
                )
                if _built_on_a_name(user):
                    spans.append(Span(m.start("user"), m.start("user") + len(user), "PERSON"))
    for m in _AGED_POSTER.finditer(text) if ":" in text else ():
        if all(_first_name(part, any_first=True) for part in m.group("user").split("-")):
            spans += [Span(m.start("user"), m.end("user"), "PERSON"), Span(m.start("age"), m.end("age"), "ALDER")]
    m = _SLASH_SIGNATURE.search(text) if "/" in text else None
    # "/sanna", and a username signing off: "/Maja_K", "/lotta76"
    if m is not None and (
        _first_name(m.group("user"), any_first=True)
        or (re.search(r"[_\d]", m.group("user")) and _named_handle(_HANDLE_PARTS.findall(m.group("user"))))
    ):
        spans.append(Span(m.start("user"), m.end("user"), "PERSON"))
    return spans
