"""Numbers and names in chronic care that are not what their shape suggests (diabetes, KOL,
asthma, heart failure in primary care).

A dose split is no day and month: "Humalog 6/2 fördelat morgon/kväll", or the pair said again
right after it ("4/2, alltså 4 på dagen och 2 på natten"). A test score per side is no date
either ("monofilament 8/10 dx, 9/10 sin)"), while "3/10 höger höft" is a day before what is
operated. A home reading of blood pressure after its day ("04/03 162/98") is a date and a
reading, not a phone number with a slashed area code ("040/12 34 56" is one). A value said of a
measured quantity ("Hans blodsocker var 19", "pulsen är 112") is no age, even when the
possessive before it is also a first name. A course a clinic holds for its patients
("Diabetesskolan", "astmaskola") is no school's own name. A coordinated compound's first part
("Barn- och …", "Njur- och …") opens the unit's or association's name it stands before.
"""

from __future__ import annotations

import re

from nlp.pseudonymise.recognisers.patterns import WS, coordinated_first

# right after the pair: "fördelat morgon/kväll", "uppdelat på två sprutor" (shared out), or the
# side a test was done on, then a comma, a bracket, "och" or the end of the sentence ("8/10 dx,",
# "6/8 vänster."; "3/10 höger höft" is a day)
_PAIR_AFTER = re.compile(
    WS
    + r"*(?:(?P<shared>(?:fördel|uppdel)(?:at|ad|ade|ning)(?![\w]))|(?:dx|sin|dxt|höger|vänster|hö|vä|bilat)\.?(?="
    + WS
    + r"*(?:[,;)\n]|och\b|$)|\.(?!\d)))",
    re.IGNORECASE,
)
# "…, alltså 4 på dagen och 2 på natten": the writer goes on to say what the pair means
# "vi kör 7/7", "schema 5/5": a child's days with each parent in turn (equal halves), no day
_ROTATION_BEFORE = re.compile(
    r"(?i:\b(?:kör|körde|kört|köra|schema|schemat|upplägg|upplägget|växelvis)" + WS + r"+(?:med" + WS + r"+)?)$"
)
_THAT_IS = r"(?:alltså|dvs\.?|d\.v\.s\.?|det vill säga)"
_THAT_IS_WORDS = ("alltså", "dvs", "d.v.s", "vill säga")


def dose_or_side(text: str, start: int, end: int) -> bool:
    """True when the pair text[start:end] ("6/2") is no day and month: a dose or count shared out
    (a word saying so after it, or both its numbers said again after "alltså" in the same
    sentence) or a test's score on one side ("8/10 dx")."""
    first, _, second = text[start:end].partition("/")
    if not (first.isdigit() and second.isdigit()):
        return False  # "12/3-25", "05/11/2024"
    if first == second and _ROTATION_BEFORE.search(text, max(0, start - 20), start):
        return True
    after = _PAIR_AFTER.match(text, end)
    if after:
        return after.group("shared") is not None or int(first) <= int(second)
    near = text[end : end + 60].lower()
    if not any(w in near for w in _THAT_IS_WORDS):
        return False  # no "alltså" close after: the pair is not said again
    again = re.compile(
        r"[^.!?\n]{0,50}?\b"
        + _THAT_IS
        + r"[ \t,]+[^.!?\n\d]{0,20}?(?<![\d,.])"
        + str(int(first))
        + r"(?![\d,.])[^\d.!?\n]{1,30}?\b(?:och|o|resp\.?|respektive)[ \t]+"
        + str(int(second))
        + r"(?![\d,.])",
        re.IGNORECASE,
    )
    return again.match(text, end) is not None


# a slash after a later group: "04/03 162/98" is a day and a reading, "040/12 34 56" a landline
_READING = re.compile(r"/\d{1,3}" + WS + r"+\d{2,3}/\d")


def reading_in_number(candidate: str) -> bool:
    """True when a phone-shaped candidate holds a reading of blood pressure after a day."""
    return "/" in candidate and _READING.search(candidate) is not None


# "pulsen är 112", "Hans blodsocker var 19", "mitt HbA1c blev 64": a measurement, not an age; a
# quantity's bare form needs a possessive (or a genitive) before it, the definite stands alone
MEASURED_BEFORE = re.compile(
    r"\b(?:(?:pulsen|puls|trycket|blodtrycket|saturationen|febern|tempen|temperaturen|värdet|sockret|blodsockret|"
    r"långtidssockret|glukosen|kolesterolet|ketonerna|crp|hb|hba1c|vikten|längden|priset|kostnaden|avgiften|"
    r"numret|kön|väntetiden)|(?:min|mitt|mina|hans|hennes|hens|deras|vår|vårt|[a-zåäö]{3,}s)"
    + WS
    + r"+(?:blodsocker|socker|sockervärde|långtidssocker|glukos|hba1c|puls|vikt|saturation|syremättnad|"
    r"feber|temp|temperatur|blodtryck|tryck|värde|kolesterol|pef|fev1|bmi|midjemått))"
    + WS
    + r"+(?:är|var|blev|låg på)"
    + WS
    + r"+$",
    re.IGNORECASE,
)

# "Diabetesskolan", "astmaskola", "KOL-skolan": a course a clinic holds for its patients
_CARE_COURSE = re.compile(
    r"(?i:(?:patient|diabetes|astma|allergi|kol-?|hjärt|hjärtsvikts|lung|rygg|artros|smärt|reuma|stomi|"
    r"njur|dialys|stroke|epilepsi|kost)(?:skolan|skola|skolans|skolas))"
)


def care_course(word: str) -> bool:
    """True when `word` names a course for patients, not a school."""
    return _CARE_COURSE.fullmatch(word) is not None


# "Barn- och ungdomsmedicinska mottagningen", "Njur- och Leversjukas förbund": the first part of
# a coordinated compound, its tail shared with the name after "och"
_COORDINATED_BEFORE = re.compile(r"(?<![\w-])" + coordinated_first(more="+", conjunctions="och|&|eller") + r"$")


def coordinated_start(text: str, start: int) -> int:
    """Where the name starting at `start` starts when a coordinated first part stands before it."""
    if start < 5 or text[start - 1] not in " \t\u00a0":
        return start
    before = _COORDINATED_BEFORE.search(text, max(0, start - 40), start)
    return before.start() if before else start
