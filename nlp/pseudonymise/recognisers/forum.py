"""Names forums show: the username in a quote header ("> Lotta_72 skrev:", "Citat från
Ali B:") when it is built on a first name, and a signature after "/" that is a first name
which is also a word ("… tack /sanna"). Pure aliases ("nattugglan", "gammal_sjöman") stay."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists

# a quoted post's header: the username, then "skrev"/"wrote" (perhaps with a date) and a colon
_QUOTE_HEADER = re.compile(
    r"(?m)^[ \t>]*(?:(?:Citat|Quote)[ \t]+(?:från|from)[ \t]+)?"
    r"(?P<user>[^\s>:]{2,30}(?:[ \t][A-ZÅÄÖ]\.?)?)[ \t]+(?:skrev|wrote|svarade|kommenterade)\b[^\n:]{0,30}:"
)
# "Citat från Yusuf_K:" without a verb after the name
_CITED = re.compile(
    r"(?m)^[ \t>]*(?:Citat|Quote)[ \t]+(?:från|from)[ \t]+(?P<user>[^\s>:]{2,30}(?:[ \t][A-ZÅÄÖ]\.?)?):"
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


def find_forum_names(text: str) -> list[Span]:
    spans: list[Span] = []
    if "skrev" in text or "wrote" in text or "svarade" in text or "Citat" in text or "Quote" in text:
        for pattern in (_QUOTE_HEADER, _CITED):
            for m in pattern.finditer(text):
                user = (
                    m.group("user").rstrip(".") if not re.search(r" [A-ZÅÄÖ]\.$", m.group("user")) else m.group("user")
                )
                if _built_on_a_name(user):
                    spans.append(Span(m.start("user"), m.start("user") + len(user), "PERSON"))
    m = _SLASH_SIGNATURE.search(text) if "/" in text else None
    if m is not None and _first_name(m.group("user"), any_first=True):
        spans.append(Span(m.start("user"), m.end("user"), "PERSON"))
    return spans
