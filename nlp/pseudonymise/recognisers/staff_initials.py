"""Staff named by a title and initials, as journal notes and signatures write them: "skriver
ssk AB", "/ssk LK.", "usk T.G.:", "sign ssk EK/läk …", "sign. Dr M. El-Khoury", "ssk Jenny
A-S.", "sign. AK/MN". Capital letters alone are a person only right after a staff title: "AB" after a
company's name, "EK" or "LSS" in a sentence stay as they are."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import TITLES

# staff titles as notes abbreviate or write them; case-insensitive ("Ssk", "DR")
_TITLE = (
    r"(?<![\w-])(?i:ssk|usk|spsk|dsk|bm|läk|dr|doktor|doktorn|öl|at-läk|st-läk|at-läkare|st-läkare|"
    r"leg\.[ \t]?(?:ssk|läk|psykolog|arbetsterapeut|fysioterapeut)|"
    r"sjuksköterska|sjuksköterskan|undersköterska|undersköterskan|läkare|läkaren|skötare|skötaren|"
    r"kurator|kuratorn|arbetsterapeut|arbetsterapeuten|fysioterapeut|fysioterapeuten|barnmorska|barnmorskan|"
    # the pharmacy's staff sign deviations too: "Farmaceut PW har lämnat avvikelse"
    r"farmaceut|farmaceuten|apotekare|apotekaren|receptarie|receptarien|"
    # an alarm centre's or advice line's call log names its operator: "Samtal besvarat, operatör JNI"
    # (not a phone company: "min operatör TDC", "ny operatör")
    r"(?<!(?i:min) )(?<!(?i:vår) )(?<!(?i:ny) )(?:operatör|operatören|larmoperatör|larmoperatören)|"
    # a note's signature: "sign. KS", "Sign: AK/MN", "signerat JB"
    r"sign|signerat|signerad|signatur)"
    r"(?:\.?[ \t]+|[.:][ \t]*)"
)
_CAP = "A-ZÅÄÖ"
_LOW = "a-zåäöéü"
# what may follow: "AB" (two or three capitals), "T.G." / "T. G.", "M. El-Khoury", "Jenny A-S."
_AFTER = (
    r"(?P<who>"
    # not before a number ("ssk AB 12"), but a signature's date may follow: "Sign. ÅL 2026-11-29"
    rf"[{_CAP}]{{2,3}}(?:/[{_CAP}]{{2,3}})*(?![\w-])(?:(?![ \t]*\d)|(?=[ \t]+(?:19|20)\d\d-\d\d-\d\d))"
    rf"|[{_CAP}]\.[ ]?[{_CAP}]\.(?:[ ]?[{_CAP}]\.)?"
    rf"|[{_CAP}]\.[ \t]+[{_CAP}][{_LOW}]+(?:-[{_CAP}][{_LOW}]+)?(?![\w-])"
    rf"|[{_CAP}][{_LOW}]+[ \t]+[{_CAP}](?:-[{_CAP}])?(?:\.|(?![\w-]))"
    r")"
)
# searched again from each match's end (below): the guard's test of the whole text is made once
# per text, not per search (per search it made a long cell of titles quadratic)
_STAFF = re.compile(_TITLE + _AFTER)
_ANY_STAFF = guarded(_STAFF)
# capitals that are a note's abbreviations, not a person: "ssk PVK", "läk ST"
_NOT_INITIALS = frozenset(
    "AT ST BT IVA AVA BVC MVC VC KAD PVK CVK EKG CT MR HLR LSS SOL HSL IVO OK ID NR TEL SMS MVH PS IV IM SC PO".split()
)


# a message signed with dotted initials alone, ending its line: "… informerad. /M.L.",
# "mvh K.S." (capitals without dots stay: "/ST", "mvh LSS-handläggarna")
_SIGNED_INITIALS = re.compile(
    rf"(?:(?<![^\s])/[ \t]?|(?<![\w-])(?i:mvh|hälsningar|vh)[ \t,]+)"
    rf"(?P<who>[{_CAP}]\.[ ]?[{_CAP}]\.(?:[ ]?[{_CAP}]\.)?)(?=[ \t]*(?:\n|$))"
)


# A staff report signed with bare initials as its very last word: "… ingen påverkan. /bm",
# "…⏎/AW". Only at the end of the whole text (a slash inside a line is "och/eller", "km/h"),
# two or three letters of one case, not an abbreviation a note ends with ("/mvh", "/ST").
_LAST_SIGNATURE = re.compile(rf"(?<![^\s])/[ \t]?(?P<who>[{_CAP}]{{2,3}}|[{_LOW}]{{2,3}})[ \t.]*\s*$")
# nor a role's short form ("/adm", "/red", "/mod": an office signs, no person)
_NOT_SIGNATURES = frozenset("mvh vh ps st ok nb obs tel adm red mod".split())


# a ward's staff named by lowercase initials after their full title, as an angry note types
# them: "skötaren mk på kvällen", "sjuksköterskan jl sa" (two consonants, which no word is)
_LOWER_INITIALS = guarded(
    r"(?<![\w-])(?i:skötaren|sjuksköterskan|undersköterskan|läkaren|kuratorn|psykologen|överläkaren|"
    r"vikarien|nattpersonalen)"
    r"[ \t]+(?P<who>[bcdfghjklmnpqrstvwxz]{2})(?![\w-])"
    # not a title before the name ("läkaren dr Lindholm": "dr" is no initials)
    r"(?![ \t]+[A-ZÅÄÖ])"
)


# dotted initials after a word for a person ("brukaren K.M.", "sköterskan B.L.") or after
# "initialerna": a writer who keeps the name back still names someone
_DOTTED = re.compile(rf"(?<![\w.])[{_CAP}]\.[ ]?[{_CAP}]\.(?:[ ]?[{_CAP}]\.)?(?![\w])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_INITIALS_WORDS = frozenset("initialerna initialer initialen".split())


def _dotted_after_person_word(text: str) -> list[Span]:
    out = []
    for m in _DOTTED.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        word = before.group(1).lower() if before else ""
        if word in TITLES or word in _INITIALS_WORDS:
            out.append(Span(m.start(), m.end(), "PERSON"))
    return out


def find_staff_initials(text: str) -> list[Span]:
    """Initials, or a first name and an initial, right after a staff title or signing off."""
    spans = [Span(m.start("who"), m.end("who"), "PERSON") for m in _SIGNED_INITIALS.finditer(text)]
    spans += _dotted_after_person_word(text) if "." in text else []
    last = _LAST_SIGNATURE.search(text, max(0, len(text) - 12)) if "/" in text[-12:] else None
    if last and last.group("who").lower() not in _NOT_SIGNATURES and last.group("who") not in _NOT_INITIALS:
        spans.append(Span(last.start("who"), last.end("who"), "PERSON"))
    spans += [
        Span(m.start("who"), m.end("who"), "PERSON")
        for m in _LOWER_INITIALS.finditer(text)
        if m.group("who").upper() not in _NOT_INITIALS and m.group("who") not in TITLES
    ]
    if not _ANY_STAFF.may_match(text):
        return spans
    pos = 0
    while (m := _STAFF.search(text, pos)) is not None:
        pos = m.end()
        who = m.group("who")
        if _STAFF.match(text, m.start("who")):
            pos = m.start("who")  # "sign. Dr M. El-Khoury": the title after "sign." starts the match
            continue
        if who.replace(".", "").replace(" ", "") in _NOT_INITIALS:
            continue
        # "AK/MN": two signatures, one person each
        start = m.start("who")
        for part in who.split("/") if "/" in who else (who,):
            if part not in _NOT_INITIALS:
                spans.append(Span(start, start + len(part), "PERSON"))
            start += len(part) + 1
    return spans
