"""An age as a rule's limit, said of anyone of that age, not of a person: "Barn som fyllt 12 år ska
…", "alla som fyller 18", "till och med det år man fyller 23", "när man blir 65", "tills barnet
fyller 12 år", "från att barnet fyllt 13". The subject is generic ("man", "alla", "barn som") or, after "tills", the kind of
person the rule is for in the present tense ("barnet fyller"). A person's own age keeps its subject
("när mamma fyller 80", "tills barnet fyllde två" is the day it happened, "en man fyller 90"), and
"när man är 82" stays too: writers say "man" of themselves at their own age."""

from __future__ import annotations

import re

from nlp.pseudonymise.recognisers.patterns import WS

_GENERIC_BEFORE = re.compile(
    r"(?i:\b(?:barn|ungdomar|unga|elever|alla|var och en)" + WS + r"+som" + WS + r"+(?:har" + WS + r"+)?$"
    # "man" as the generic subject after what opens a clause ("när man", "det år man"), not "en man"
    r"|(?P<man>(?:\b(?:när|om|tills|innan|förrän|då|år|att|sedan|efter)|[,.;:]|^)" + WS + r"+man" + WS + r"+$)"
    r"|(?P<until>\btills(?:"
    + WS
    + r"+att)?"
    + WS
    + r"+(?:barnet|eleven|ungdomen|den unge|den försäkrade)"
    + WS
    + r"+$)"
    # "från att barnet fyllt 13 stängs …", "från det att eleven fyller 16": the time a rule starts
    r"|(?P<since>\bfrån(?:"
    + WS
    + r"+och"
    + WS
    + r"+med)?(?:"
    + WS
    + r"+det)?"
    + WS
    + r"+att"
    + WS
    + r"+(?:barnet|eleven|ungdomen|den unge|patienten|den försäkrade)(?:"
    + WS
    + r"+har)?"
    + WS
    + r"+$))"
)
_PRESENT = re.compile(r"(?i:fyller|är|blir)\b")
# "man" reaching an age is a limit ("när man fyller 65"); "när man är 82" is often the writer
_REACHES = re.compile(r"(?i:fyller|fyllt|blir)\b")


def age_limit_before(text: str, start: int) -> bool:
    """True when the age whose lead ("fyller ", "är ") begins at `start` is a rule's limit."""
    m = _GENERIC_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    if m.group("man") or m.group("since"):
        return _REACHES.match(text, start) is not None
    return m.group("until") is None or _PRESENT.match(text, start) is not None
