"""A named hospital as the care unit rules read it after a unit: one place for its forms.

A hospital is named by a word before the definite "sjukhuset"/"lasarettet" ("Norra sjukhuset"),
by a compound ending in it ("Södersjukhuset"), or by a place, often in the genitive, before the
indefinite word ("Värnamo sjukhus", "Danderyds sjukhus", "Skånes universitetssjukhus"). The
variants differ on purpose, by what stands before the hospital: after a numbered ward or a comma
the bare "sjukhuset" is the one hospital the text is about (HOSPITAL); after a coordinated unit
with no preposition it would be any hospital, so the name must be capitalised
(CAPITALISED_HOSPITAL); after a clinic word "på" a hospital may be an acronym or a saint's name,
and a town may follow it (CLINIC_HOSPITAL).
"""

from __future__ import annotations

from nlp.pseudonymise.recognisers.patterns import CAP, LOW, WS

# the definite word closing a hospital's name: "Södersjukhuset", "Norra sjukhuset"
DEFINITE = r"(?:sjukhuset|lasarettet)"
# a saint's name, a hospital's: "S:t Görans", "Sankt Lars"
SAINT = r"(?:S:t|Sankt|St\.?)" + WS + r"+[" + CAP + r"][" + LOW + r"]+"
# a word naming the hospital before its definite word: "Norra ", "Östra "
_NAME_BEFORE = r"[" + CAP + r"][" + LOW + r"]+" + WS + r"+"


def hospital_of_place(genitive: str, kinds: str = "universitets") -> str:
    """ "Värnamo sjukhus", "Danderyds sjukhus", "Skånes universitetssjukhus": a place before the
    indefinite word; `genitive` is "s" where a bare capitalised word would be a town, else "s?";
    `kinds` the compounds the word may take ("universitets", "barn")."""
    kind = r"(?:" + kinds + r")?" if kinds else ""
    return r"[" + CAP + r"][" + LOW + r"]+" + genitive + WS + r"+" + kind + r"(?:sjukhus|lasarett)"


# a unit's address after a numbered ward or a comma ("Neonatalavdelning 12 på Norra sjukhuset",
# "BB-avdelningen, Värnamo sjukhus"): any case, and the bare "sjukhuset" (its town after it is
# added by with_town_after)
HOSPITAL = (
    r"(?:(?:"
    + _NAME_BEFORE
    + r")?["
    + CAP
    + LOW
    + r"]?["
    + LOW
    + r"]*"
    + DEFINITE
    + r"|"
    + hospital_of_place("s?")
    + r")"
    r"(?![\w-])"
)
# after a coordinated unit with no preposition ("Barn- och ungdomsakuten Östra sjukhuset", "…
# Södersjukhuset"): always a capitalised name; a children's hospital by its place ("… Uppsala
# barnsjukhus")
CAPITALISED_HOSPITAL = (
    r"(?:"
    + _NAME_BEFORE
    + DEFINITE
    + r"|["
    + CAP
    + r"]["
    + LOW
    + r"]*"
    + DEFINITE
    + r"|"
    + hospital_of_place("s?", "universitets|barn")
    + r")(?![\w-])"
)
# after a clinic word and "på"/"vid" ("Barn- och ungdomsmedicinska mottagningen på SÄS", "… på S:t
# Görans", "… vid Länssjukhuset Ryhov"): an acronym or a saint's name too, a place only in the
# genitive (a bare capitalised word there is the clinic's town), and a town after a compound;
# left open, the clinic's rule closes it
CLINIC_HOSPITAL = (
    r"(?:["
    + CAP
    + r"]{2,4}(?![\w-])|"
    + SAINT
    + r"|"
    + hospital_of_place("s")
    + r"|(?:Läns|Universitets|Central)?["
    + CAP
    + LOW
    + r"]*"
    + DEFINITE
    + r"(?:"
    + WS
    + r"+(?!och\b)["
    + CAP
    + r"]["
    + LOW
    + r"]+)?)"
)
