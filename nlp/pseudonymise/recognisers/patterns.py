"""Pattern pieces several recognisers share (letters, spaces, months, number words)."""

from __future__ import annotations

import re

CAP = "A-ZÅÄÖÉÜ"
LOW = "a-zåäöéü"
# Sami (North, Lule, South) and Norwegian letters, for rules written for the north: "Máret", "Čohkkiras"
SAMI_CAP = "ÁČĐŊŠŦŽÏÂÆØ"
SAMI_LOW = "áčđŋšŧžïâæø"
WS = r"[ \t\u00a0]"

# a log line: its numbers are timestamps and counters, not dates or personnummer
LOG_LINE = re.compile(r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\b|\d\d:\d\d:\d\d")
MONTHS = (
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"(?:jan|febr?|apr|jun|jul|aug|sept?|okt|nov|dec)\.?"
)
NUMWORDS = (
    r"(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?"
    r"|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|aderton|nitton"
)
# tens as they are said and often written in transcripts: "sjutti sex", "nittiett", "åttisex"
SPOKEN_TENS = r"(?:tjugi|tjuge|tretti|förti|fyrti|femti|sexti|sjutti|åtti|nitti)"
SPOKEN_NUMWORDS = SPOKEN_TENS + r"(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?"
# "två".."nio" only where a person is the subject ("Vilja är nio"): alone they are counts.
SMALL_NUMWORDS = r"två|tre|fyra|fem|sex|sju|åtta|nio"
STREET_SUFFIX = (
    r"gatan|gata|vägen|väg|vagen|vag|gränd|gränden|grand|stigen|torget|torg|backen|allén|allé|leden|plan|"
    r"platsen|stråket|esplanaden|promenaden|kajen|slingan|ringen|liden|höjden|parken|gången"
)
# a capitalised word right after: a town after a postcode or a unit
CAP_AFTER = re.compile(WS + r"+[" + CAP + r"][" + LOW + r"]{2,}")
CAPWORD = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"]?[" + LOW + r"]+)*"
# A capitalised word with at most one capitalised part after a hyphen ("Kjell-Åke", "Sankt-Ibb").
CAP_NAME = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?"
# a part of a town or a region by its compass point, as offices, firms and teams are named by it:
# "Kriminalvården region Nord", "Tolkförmedling Syd", "Neurocentrum Mitt"
COMPASS_AREAS = frozenset("Nord Norr Syd Söder Öst Väst Mitt".split())
# a capital that starts a word, written capital first and the look-behind after it, so a scan
# tries only at capitals (a pattern with no literal a guard could test for stays cheap)
WORD_INITIAL_CAP = r"[" + CAP + r"](?<![\w-][" + CAP + r"])"
# " i Kiruna" between a verb and what follows it ("bor i X på …", "jobbar i X för …"), optional
IN_TOWN = r"(?:" + WS + r"+i" + WS + r"+[" + CAP + r"][" + LOW + r"]+)?"


def plausible_month_day(month: int, day: int) -> bool:
    """A personnummer's month and day in range; a samordningsnummer's day is the day + 60."""
    if day > 60:
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


# "… är inget telefonnummer", "… var inte ett personnummer": the writer says what it is not
_DENIED = re.compile(r"(?i)\W{0,3}(?:är|var)\s+(?:inget|inte\s+ett?|ej\s+ett?)\s+\w*nummer")


def denied_after(text: str, end: int) -> bool:
    """The words right after a number say it is no phone or personnummer."""
    return bool(_DENIED.match(text, end))


def named_after(kinds: str) -> re.Pattern[str]:
    """A word of the given kinds (a regex alternation) and then a capitalised name, as group
    `name`: "Barnmottagningen Kungsbacka", "stödboendet Ankaret"."""
    return re.compile(r"(?<![\w-])(?:" + kinds + r")" + WS + r"+(?P<name>[" + CAP + r"][" + LOW + r"]{2,})(?![\w-])")


def before(text: str, start: int, width: int = 45) -> str:
    """The lowercased text just before `start`, where context words stand."""
    return text[max(0, start - width) : start].lower()


# a country code just before: "+49 1711234567" is a phone's national part, whatever its digits
# look like (a personnummer, an account, a nine-digit cell)
_COUNTRY_CODE_BEFORE = re.compile(r"(?:\+|(?<!\d)00)[1-9]\d{0,2}[ \t\u00a0]?(?:\(0\)[ \t\u00a0]?)?$")


def after_country_code(text: str, start: int) -> bool:
    """True when the number at `start` follows "+NN " or "00NN ": it is a phone number's rest."""
    return _COUNTRY_CODE_BEFORE.search(text, max(0, start - 9), start) is not None


# the separators between a number's digit groups
_GROUP_SEPARATOR = re.compile(r"(?<=\d)(?:" + WS + r"*[-–.]" + WS + r"*|" + WS + r"+)(?=\d)")


def before_odd_dash(value: str, skip: int = 0) -> str:
    """`value` up to a dash with spaces that follows groups parted otherwise (after the first
    `skip` separators, a country code's): "912 34 567 – 14" is a number and then a range, a
    date or a time; "912 - 34 - 567", parted so from the start, is one number."""
    seps = list(_GROUP_SEPARATOR.finditer(value))[skip:]
    spaced = [m for m in seps if m.group(0).strip() in ("-", "–") and m.group(0) != m.group(0).strip()]
    if not spaced or spaced[0] is seps[0]:
        return value
    return value[: spaced[0].start()]


def bracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """A value standing alone in brackets, "Märta (88)", takes its brackets: the writing
    "(88)" after a name is itself the sign of an age, and an age left as "()" is odd."""
    left = start
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    right = end
    while right < len(text) and text[right] in " \t":
        right += 1
    if left > 0 and right < len(text) and text[left - 1] == "(" and text[right] == ")":
        return left - 1, right + 1
    return start, end


# words naming a number that is not a phone or personnummer: "Vårdgivarens diarienummer: 01-2024-0331"
# "Kvittonr 0045 …", "OCR-nummer …", "batchnr …", "art.nr …": payment and product codes, whatever
# their digits
OTHER_NUMBER = re.compile(
    r"diarie|\bdnr|ärende|order|faktura|referens|\bref\b|kundn|bokningsn|remissn|\bid\b|\bid-?nr"
    r"|kvitto|\bocr\b|batch|\blot\b|artikel|\b(?:art|best)\.?[ \t]?nr\b"
    # a prescription's, a dose bag's and a parcel's numbers: "E-recept nr …", "Påsnummer …", "kollinr …"
    r"|recept|påsn|påse|kolli|sändningsn|spårningsn|paketn"
)


# the small words a label may have before its number: "ordernummer för beställningen är: …"
_LABEL_FILLERS = frozenset(
    # "hade"/"har"/"fick": "Hjälpmedelsordern hade nummer …", "ärendet fick nummer …"
    "nr nummer numret no är var blev blir till för på i av med som den det mitt min mina vårt vår våra ert er era "
    "hade har fick fått "
    # an interviewer's note on whose word it is: "Ordernummer enl IP: …"
    "enligt enl ip "
    "din dina ditt sin sitt sina hans hennes deras # :".split()
)


def says_other_number(text: str, start: int, words: re.Pattern[str] = OTHER_NUMBER) -> bool:
    """A word naming another kind of number labels it: on the same line, with at most three
    small words between ("Ordernummer: 880412-3321", "dnr är 01-2024-0331"). A name or any
    other word between is what the number belongs to ("Ärende gällande Yonas 880101-6632",
    "ordern kom, ring 070-…")."""
    line = text[max(0, start - 45, text.rfind("\n", max(0, start - 45), start) + 1) : start]  # a window, not the line
    found = list(words.finditer(line.lower()))
    if not found:
        return False
    rest = line[found[-1].end() :]
    between = rest.split()[0 if rest[:1].isspace() else 1 :]  # "…nummer:" ends the context word
    # "Ärendenummer för klagomålet är …", "Ordernummer på mina hjälpmedel: …", "Ordernr på nya
    # slangen: …": what the number is for may stand after "för"/"på", a describing word and its
    # noun (in lower case: a capital there is a name)
    words = [w.strip(".,:;()#").lower() for w in between]
    return len(between) <= 3 and all(
        not w
        or w in _LABEL_FILLERS
        or (
            k > 0
            and (
                words[k - 1] in {"för", "på", "mina", "dina"}
                # not "för min pappa": a possessive and a person is whose, not what
                or k > 1
                and words[k - 2] in {"för", "på"}
                and words[k - 1] not in _LABEL_FILLERS
            )
            and w == between[k].strip(".,:;()#")
        )
        for k, w in enumerate(words)
    )


# words saying a number is an amount, a count or a grade, not an identifier (excel_numbers.py,
# zero_lost_phones.py): "Summa: 701740077", "Antal svar: 7,01E+08"
AMOUNT_WORDS = "summa|belopp|pris|antal|rating|betyg|poäng|medel"

# a vehicle named near a plate: "bil", "regnr", a car make (categories/regnr.py, spoken_plates.py)
VEHICLE = re.compile(
    r"(?i:\bbil|bilar|bilen\b|registrering|reg\.?\s?n(?:umme)?r|regnr|reg-nr|skylt|fordon|lastbil|taxi|"
    r"färdtjänst|moped|motorcykel|\bmc\b|husbil|släp|parker|körde|kört|kör\b|plåt|"
    # "hemtjänstbilen xbn572": a compound ending in -bilen; car makes: "en vit Volvo cxd193"
    r"volvo|saab|toyota|volkswagen|\bvw\b|audi|bmw|mercedes|ford|kia|skoda|škoda|renault|peugeot|"
    r"citroën|citroen|nissan|opel|tesla|hyundai|mazda|fiat|dacia|seat|subaru|honda|suzuki|polestar)"
)

# What a number counts or measures when one of these words follows it: then it is no age, no
# house number and no plate. Whole words with their inflections, each list for what it means;
# `units` joins some of them into one alternation closed at the word's end.
# an amount of money, a share, a dose, a number of items or a measure: "40 kr", "30 %", "5 mg",
# "2 tabletter", "3 st", "12 km", "45 dB" ("sek" is the currency and the second); after a word
# that is also a name the word labels it ("Max 3 tabletter", listed_names.py)
MEASURE_UNITS = (
    r"kr|kronor|kronan|sek|:-|%|procent|st|styck|"
    r"mg|mcg|ml|g|tabletter|tablett|tabl|kapslar|kapsel|doser|dos|droppar|sprayningar|påsar|förpackningar|"
    r"km|mil|meter|cm|mm|kg|grader|db|hz|khz|mb|gb|kb"
)
# how often or how many: "3 gånger", "12 personer", "40 sidor"; after a name it may be what the
# person did ("träffade Max 2 gånger"), so only MEASURE_UNITS label a name's word
COUNT_UNITS = r"gånger|gången|ggr|personer|pers|sidor|frågor|poäng"
AMOUNT_UNITS = MEASURE_UNITS + "|" + COUNT_UNITS
# a span of time shorter than a week: "20 min", "3 timmar", "5 dagar"
SHORT_DURATIONS = r"sekunder|min|minuter|tim|timme|timmen|timmar|timmarna|dag|dagen|dagar|dagarna|dygn"
# weeks and months: a span of time, but also a baby's age ("hon är 4 månader")
WEEKS_MONTHS = r"vecka|veckan|veckor|veckorna|mån|månad|månaden|månader|månaderna"
# years: a span of time, and the age's own unit ("88 år")
YEARS = r"år|året|åren|års"


def units(*lists: str) -> str:
    """One case-insensitive alternation of the given unit lists, ending at the word's end."""
    return r"(?i:" + "|".join(lists) + r")(?![\w-])"


# after a number: it is no age ("3 mg", "5 dagar", "40 kr", "6 veckor")
NOT_AGE_UNIT = units(AMOUNT_UNITS, SHORT_DURATIONS, WEEKS_MONTHS)
# after a number: it is no house number and no plate ("Storgatan 3 gånger", "ABC 123 kr", "2 år"),
# nor when the thousands of an amount follow ("Avbetalningsplan 1 500 kr": "-plan" ends streets)
QUANTITY_UNIT = units(AMOUNT_UNITS, SHORT_DURATIONS, WEEKS_MONTHS, YEARS, r"\d{3}[ \t\u00a0]?(?:kr|kronor|sek|:-)")
# a role written as initials and a word: "HR-partner", "IT-ansvarig", "VD-assistent" (no name)
ROLE_COMPOUND = re.compile(r"[A-ZÅÄÖ]{2,4}-[a-zåäö]+")
# an acronym compounded by a hyphen before a unit word: "STI-mottagningen", "HIV-", "PrEP-", "ADHD-"
ACRONYM_HYPHEN = r"[A-ZÅÄÖ](?:[A-ZÅÄÖ]{1,5}|[a-zåäö][A-ZÅÄÖ]{1,3})-"


def coordinated_first(*, capital: bool = False, more: str = "*", conjunctions: str = "och|&") -> str:
    """ "Barn- och ", "Vård- & ", "Hud- eller ": the first part of a coordinated compound and the
    conjunction, its tail shared with the word after (which the caller reads). `capital` where the
    name must open with a capital, `more` how many lowercase letters the first part has after its
    first, `conjunctions` those the construction takes ("eller" only where a choice is named)."""
    joined = r"(?:" + conjunctions + r")" if "|" in conjunctions else conjunctions
    return r"[" + CAP + ("" if capital else LOW) + r"][" + LOW + r"]" + more + r"-" + WS + r"+" + joined + WS + r"+"
