"""A group's or a forum's role signing a post: "/Admin", "Hälsningar Moderatorerna", "//Styrelsen",
and a staff as a whole ("/Nattpersonalen", "hej kvällspersonal").
A role noun signs for whoever holds the role and names no one, so a PERSON find that is only such
a noun is dropped; "Admin Lisa" (a name after the role) keeps its name."""

from __future__ import annotations

import re

from nlp.core import Span

# the roles that run a group, a forum or a page, in their usual forms
_ROLE = re.compile(
    r"(?i:(?:grupp|sid|forum)?(?:admin(?:s|en|istratör(?:en|erna)?)?|mod(?:s|sen|erator(?:n|erna)?)?)"
    r"|styrelsen|redaktionen|teamet"
    # the staff of a shift or a place as a whole: "/Nattpersonalen", "hej kökspersonal"
    r"|[a-zåäö]*personal(?:en)?)"
)


def role_signatures(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds in `spans` that are only a role noun ("Admin", "Moderatorn")."""
    return {s for s in spans if s.label == "PERSON" and _ROLE.fullmatch(text, s.start, s.end) is not None}
