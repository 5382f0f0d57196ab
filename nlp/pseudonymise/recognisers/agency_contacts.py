"""ORGANISATION in contacts with the social insurance agency, the employment service, employers
and unions: the agencies' abbreviations ("FK", "AF", in an sms also "fk", "af"), a municipal
board named with its municipality ("Socialförvaltningen <Ort>s kommun"), the organisation a
meeting participant or a contact represents ("<Namn>, facklig företrädare, <Förbund>"), one
named by its own e-mail domain ("<Namn>, <Förbund>, namn@förbund.se"), a union after a union
representative ("min fackliga företrädare <Namn> från <Förbund>") and an employer after
"anställning hos" or in brackets after "arbetsgivaren".

Försäkringskassan and Arbetsförmedlingen are ORGANISATION written out (dev rules: authorities
are); their abbreviations are the same authorities. "FK" in capitals is the agency unless a
number follows ("FK 7263" is a form); "AF" and the lowercase forms are other things too
(breathing rate "AF 32", atrial fibrillation "har AF", the noble particle "af Klercker"), so
they count only where a text names an agency: after a preposition of dealing with one, in a
row with another agency, before a verb of what the agency did, or as a line's label.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS, coordinated_first
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS

# a date after is when the agency decided ("avslag från FK 2024-10-07"), no form's number
_ABBREVIATION = re.compile(
    r"(?<![\w./-])(FK|AF|fk|af|Fk|Af)(?![\w-]|" + WS + r"*(?!(?:19|20)\d\d-\d\d-\d\d(?!\d))\d|\.\w)"
)
# the agencies and services named in the same breath: "vc säger fk, fk säger af", "både FK och AF"
_AGENCY = r"(?:fk|af|vc|soc|socialen|kommunen|försäkringskassan|arbetsförmedlingen|csn|bup|skatteverket)"
_ROW_BEFORE = re.compile(r"(?i:\b" + _AGENCY + r"(?:" + WS + r"*,|" + WS + r"+(?:och|o|eller|&|samt)))" + WS + r"*$")
_ROW_AFTER = re.compile(r"(?i:(?:" + WS + r"*,|" + WS + r"+(?:och|o|eller|&|samt))" + WS + r"*" + _AGENCY + r"\b)")
# dealing with an agency: "på AF", "från af", "hos FK", "ringde af"; "säger fk" (what the next one says)
_DEALING_BEFORE = re.compile(
    r"(?i:\b(?:på|från|hos|till|mot|via|kontakta|kontaktade|ringde|ringer|mejlade|säger|sa|sade|skyller på))"
    + WS
    + r"+$"
)
# what the agency did: "fk kom inte", "af säger vc", "AF har inte hört av sig"
_DID_AFTER = re.compile(
    WS + r"+(?i:säger|sa|sade|kom|ringde|ringer|skickade|skickar|lovade|lovar|betalade|betalar|beslutade|beslutar|"
    r"kräver|krävde|skyller|menar|tycker|anser|vill|ville|har|hade|gör|gjorde|drog|tog|nekade|avslog|godkände|"
    r"bedömer|bedömde|hänvisar|hänvisade|svarar|svarade|skriver|skrev)\b"
)
# a line's label: "fk: dåligt.", "af: okej."
_LABEL = re.compile(r"(?:^|\n)[ \t]*$")
_LABEL_AFTER = re.compile(WS + r"*:")


def _agency_abbreviations(text: str) -> list[Span]:
    spans = []
    for m in _ABBREVIATION.finditer(text):
        word = m.group(1)
        before = text[max(0, m.start() - 40) : m.start()]
        # the noble particle: "Carl af Klercker"
        if word.islower() and re.match(WS + r"+[" + CAP + r"]", text[m.end() :]):
            continue
        if word == "FK" or (
            _DEALING_BEFORE.search(before)
            or _ROW_BEFORE.search(before)
            or _ROW_AFTER.match(text, m.end())
            or _DID_AFTER.match(text, m.end())
            or (_LABEL.search(before) and _LABEL_AFTER.match(text, m.end()))
        ):
            spans.append(Span(m.start(1), m.end(1), "ORGANISATION"))
    return spans


_NAME_WORD = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?"
# an organisation's name: capitalised words or initials, one to four ("IF Metall", "Stora Enso")
_WORD_OR_INITIALS = r"(?:[" + CAP + r"]{2,6}(?![" + LOW + r"])|" + _NAME_WORD + r")"


def _org(group: str = "org") -> str:
    return r"(?P<" + group + r">" + _WORD_OR_INITIALS + r"(?:" + WS + r"+" + _WORD_OR_INITIALS + r"){0,3})"


_ORG_NAME = _org()
# a participant or contact line: name, role, organisation ("<Namn>, facklig företrädare, <Förbund>",
# "<Namn>, HR-partner, <Företag> <Ort>s bruk"); the role is lowercase words or initials joined to one
# the last word of a role: "facklig företrädare", "HR-partner", "rehabkoordinator", "enhetschef"
_ROLE_END = r"(?:are|ör|or|chef|ombud|partner|ansvarig|konsult|specialist|ent|ist|sköterska|coach|log)"
_PARTICIPANT = re.compile(
    r"(?m:^[ \t\-•*]*(?P<first>"
    + _NAME_WORD
    + r")(?:"
    + WS
    + r"+"
    + _NAME_WORD
    + r"){1,2},"
    + WS
    + r"*(?:(?:[a-zåäö]+"
    + WS
    + r"+){0,2}[a-zåäö]*"
    + _ROLE_END
    + r"|[A-ZÅÄÖ]{2,4}-[a-zåäö]+),"
    + WS
    + r"*"
    + _ORG_NAME
    + r"(?:"
    + WS
    + r"+[a-zåäö]+)?(?="
    + WS
    + r"*(?:[,(\n]|$)))"
)
# a contact named with its organisation and an address at that organisation's own domain
_CONTACT_MAIL = re.compile(r"(?<![\w-])(?P<org>" + _NAME_WORD + r")," + WS + r"*[\w.+-]+@(?P<domain>[\w-]+)\.[a-z]{2,}")
# a union named after its representative: "min fackliga företrädare <Namn> från <Förbund>",
# "fackliga ombudet från <Förbund>"
_UNION_AFTER_REP = re.compile(
    r"(?i:\bfackliga?" + WS + r"+(?:företrädare|företrädaren|ombud|ombudet|representant|representanten))"
    r"(?:" + WS + r"+" + _NAME_WORD + r"){0,2}" + WS + r"+(?:från|på|i|inom)" + WS + r"+" + _ORG_NAME
)
# an employer: "min anställning hos <Företag>", "Arbetsgivaren (<Företag> <Ort>)"
_EMPLOYMENT = re.compile(
    r"(?i:\banställning(?:en)?)"
    + WS
    + r"+(?:hos|på|vid)"
    + WS
    + r"+"
    + _ORG_NAME
    + r"|(?i:\barbetsgivare(?:n)?)"
    + WS
    + r"*(?:\("
    + WS
    + r"*"
    + _org("org2")
    + WS
    + r"*\)|:"
    + WS
    + r"*"
    + _org("org3")
    + r")"
)
# a municipal administration or board with its municipality after it, without "i":
# "Socialförvaltningen <Ort>s kommun", "Vård- och omsorgsnämnden, <Ort> stad" (one name)
_BOARD_MUNICIPALITY = re.compile(
    r"(?<![\w-])(?:" + coordinated_first(capital=True, conjunctions="och") + r")?[" + CAP + r"][" + LOW + r"]*"
    r"(?:förvaltningen|nämnden)(?:,"
    + WS
    + r"*|"
    + WS
    + r"+)(?P<town>["
    + CAP
    + r"]["
    + LOW
    + r"]+)"
    + WS
    + r"+(?:kommun|stad)(?![\w-])"
)
_FOLD = str.maketrans("åäöéü", "aaoeu")


def _plausible_org(name: str) -> bool:
    """Not a person's name, a place alone or an everyday word."""
    words = name.split()
    first = words[0].lower()
    if len(words) == 1:
        if first in NOT_UNIT_WORDS:
            return False
        info = lists.names().get(first)
        if name in lists.places() or (info is not None and (info.first_sv or info.first_other)):
            return False
    return True


def _trim(m: re.Match[str]) -> Span | None:
    group = next(g for g in ("org", "org2", "org3") if m.groupdict().get(g))
    name = m.group(group)
    if not _plausible_org(name):
        return None
    return Span(m.start(group), m.end(group), "ORGANISATION")


def find_agency_contacts(text: str) -> list[Span]:
    spans = _agency_abbreviations(text) if re.search(r"(?i)\b(?:fk|af)\b", text) else []
    if "," in text:
        for m in _PARTICIPANT.finditer(text):
            info = lists.names().get(m.group("first").lower())
            if info is not None and (info.first_sv or info.first_other) and (sp := _trim(m)) is not None:
                spans.append(sp)
    if "@" in text:
        for m in _CONTACT_MAIL.finditer(text):
            if m.group("org").lower().translate(_FOLD) == m.group("domain").lower() and (sp := _trim(m)):
                spans.append(sp)
    low = text.lower()
    if "kommun" in low or "stad" in low:
        for m in _BOARD_MUNICIPALITY.finditer(text):
            town = m.group("town")
            if town in lists.places() or (town.endswith("s") and town[:-1] in lists.places()):
                spans.append(Span(m.start(), m.end(), "ORGANISATION"))
    if "facklig" in low:
        spans += [sp for m in _UNION_AFTER_REP.finditer(text) if (sp := _trim(m))]
    if "anställning" in low or "arbetsgivare" in low:
        spans += [sp for m in _EMPLOYMENT.finditer(text) if (sp := _trim(m))]
    return spans
