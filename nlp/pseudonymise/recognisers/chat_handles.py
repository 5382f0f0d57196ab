"""A chat log's speaker handles and the dates of its timestamps, as a pharmacy's or a care app's
chat prints them:

- "[2024-05-11 08:12] farm.Oskar: Hej …", "<Sara_apotekare> Hej!": a speaker's handle built from
  a listed first name and a role or a number, joined by "." or "_" or "-", at the start of a
  line, after a timestamp or inside "<…>" (IRC style). The whole handle is the PERSON, as the
  product marks user names built on a name ("Lotta_72"); "<user_12>", "gäst_44" and
  "<Apoteksbot>" hold no name and stay;
- the date in a chat line's bracketed timestamp, "[2024-05-11 08:12] <speaker>:", is DATUM: a
  conversation is something a person did on that day (the product marks dates in a log of what a
  person did). A system log's bare timestamp with key=value fields ("2025-01-19 07:12:44
  user_id=…", set 7) has no brackets and no speaker, and keeps its date unmarked.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists

_STAMP = r"\[(?P<date>\d{4}-\d\d-\d\d)[ T]\d{1,2}[:.]\d\d(?:[:.]\d\d)?\]|\[\d{1,2}[:.]\d\d(?:[:.]\d\d)?\]"
_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:" + _STAMP + r")[ \t]*)?"
    r"(?:<(?P<angled>[^\W_][\w.-]{1,40})>|(?P<tagged>[^\W_][\w.-]{1,40})[ \t]*:(?=[ \t]))"
)
_PARTS = re.compile(r"[._-]")


def _name_handle(handle: str) -> bool:
    """A handle with a separator and a part that is a listed first name and no word
    ("farm.Oskar", "Sara_apotekare"; not "user_12", "gäst_44", "Apoteksbot")."""
    if not _PARTS.search(handle):
        return False
    for part in _PARTS.split(handle):
        info = lists.names().get(part.lower())
        if (
            len(part) > 1
            and part.isalpha()
            and info is not None
            and (info.first_sv or info.first_other)
            and not info.word
        ):
            return True
    return False


def find_chat_handles(text: str) -> list[Span]:
    if "[" not in text and "<" not in text and ":" not in text:
        return []
    out: list[Span] = []
    for m in _LINE.finditer(text):
        key = "angled" if m.group("angled") else "tagged"
        handle = m.group(key)
        if m.group("date"):
            out.append(Span(m.start("date"), m.end("date"), "DATUM"))
        if _name_handle(handle.rstrip(".")):
            out.append(Span(m.start(key), m.start(key) + len(handle.rstrip(".")), "PERSON"))
    return out
