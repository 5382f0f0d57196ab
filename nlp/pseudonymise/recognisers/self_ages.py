"""The writer's own age in brackets after "Jag", alone or after a word for who they are (ALDER):
"Jag (24) har fått diagnos", "Jag (student, 24) …", "jag (tjej, 16 år) undrar …".

The bracket right after the pronoun says who is speaking; a number there is the age. Not a count
of something ("Jag (2 barn) …": a word after the number) and not a bracket elsewhere ("rum (24)")."""

from __future__ import annotations

import re

from nlp.core import Span

_SELF_AGE = re.compile(
    r"(?<![\w-])[Jj]ag[ \u00a0]+\((?:[a-zåäö]+(?:[ \u00a0][a-zåäö]+)?,[ \u00a0]*)?"
    r"(?P<age>\d{1,2}(?:[ \u00a0]+år)?)\)"
)


def find_self_ages(text: str) -> list[Span]:
    if "ag (" not in text:
        return []
    return [Span(m.start("age"), m.end("age"), "ALDER") for m in _SELF_AGE.finditer(text)]
