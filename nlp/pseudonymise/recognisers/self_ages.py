"""The writer's own age in brackets after "Jag", alone or after a word for who they are (ALDER):
"Jag (24) har fått diagnos", "Jag (student, 24) …", "jag (tjej, 16 år) undrar …".

The bracket right after the pronoun says who is speaking; a number there is the age. Not a count
of something ("Jag (2 barn) …": a word after the number) and not a bracket elsewhere ("rum (24)").

Also the writer's sex and age opening an answer or a line, as forms and forums sign them: "M, 52,
Sundsvall. Väntade …", "K, 34: bra bemötande" (not "M 52" nor "K, 3 st": a comma, then the age,
then a comma, a colon, a full stop or the line's end)."""

from __future__ import annotations

import re

from nlp.core import Span

_SELF_AGE = re.compile(
    r"(?<![\w-])[Jj]ag[ \u00a0]+\((?:[a-zåäö]+(?:[ \u00a0][a-zåäö]+)?,[ \u00a0]*)?"
    r"(?P<age>\d{1,2}(?:[ \u00a0]+år)?)\)"
)

_SEX_AGE = re.compile(
    r"(?m:^[ \t]*(?:M|K|Man|Kvinna),[ \t]*(?P<age>1[3-9]|[2-9]\d)(?=[,:.]?[ \t]*(?:\n|$)|[,:][ \t]|\.[ \t]))"
)


def find_self_ages(text: str) -> list[Span]:
    spans = [Span(m.start("age"), m.end("age"), "ALDER") for m in _SEX_AGE.finditer(text)] if "," in text else []
    if "ag (" not in text:
        return spans
    return spans + [Span(m.start("age"), m.end("age"), "ALDER") for m in _SELF_AGE.finditer(text)]
