"""Small recognisers, one per kind of personal data, in the spirit of Presidio's.

Each recogniser is a function `text -> list[Span]` (a pattern, a validator from a library
where one exists — personnummer's Luhn check, phonenumbers — and context words). Only the
Swedish parts no library has are hand-written here: Swedish context words, name/word
ambiguity ("Björn" vs "björn"), units, addresses, ages and Swedish dates.
Overlaps between recognisers are resolved by the policy in `pseudonymiser.py`.

Why not Presidio itself: presidio-analyzer/-anonymizer 2.2.366 install from PyPI and run
with a blank spaCy "sv" pipeline (no model download), but they bring no Swedish
recognisers, their score-based conflict resolution cannot express "a unit beats a name
inside it", and the anonymizer has no keyed, consistent numbering. What is worth copying
is the shape (pattern + validator + context per recogniser), which is kept here without
the dependency and its ~8 s import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

import phonenumbers
from personnummer import personnummer as pnr_lib
from spacy.lang.sv.stop_words import STOP_WORDS

from nlp.pseudonymise import lists
from nlp.pseudonymise.utskrivet import find_written_email, find_written_phone
from nlp.core import Span

Recogniser = Callable[[str], list[Span]]

CAP = "A-ZÅÄÖÉÜ"
LOW = "a-zåäöéü"
_WS = r"[ \t\u00a0]"


def _before(text: str, start: int, width: int = 45) -> str:
    return text[max(0, start - width):start].lower()


# --- EPOST ------------------------------------------------------------------------------
# Also the "(at)" writings people use to dodge spam harvesters.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+(?:@|" + _WS + r"?(?:\(at\)|\[at\])" + _WS + r"?)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])",
                    re.IGNORECASE)


def find_email(text: str) -> list[Span]:
    written = find_written_email(text)  # "lena punkt berg at gmail punkt com"
    if "@" not in text and "at)" not in text and "at]" not in text:
        return written
    return [Span(m.start(), m.end(), "EPOST") for m in _EMAIL.finditer(text)] + written


# --- PERSONNUMMER -----------------------------------------------------------------------
_PNR = re.compile(
    # A separator may end a line: "20010923-⏎2439" (a form wrapped by the writer's program).
    r"(?<![\w/-])((?:19|20)?\d{6})(?:" + _WS + r"?([-+–])(?:" + _WS + r"?\r?\n)?" + _WS + r"?|" + _WS + r")?(\d{4})(?![\w-])"
)
_PNR_POS = re.compile(
    r"person\s*n(?:umme)?r|pers\.?\s*nr|p-?nr|pnr|samordnings\s*n(?:umme)?r|född|födelse|"
    r"personnumret|personnumm"
)
_PNR_NEG = re.compile(
    r"order|beställning|faktura|ärende|referens|ref\b|ref\.|kvitto|kundn|artikel|serien|"
    r"löpn|bokning|tidsstämpel|logg|batch|lot\b|id-?nr|id:|klockan|\bkl\b|avi\b|ocr|paket|"
    r"försändelse|spårning|kolli|leverans|transaktion|konto\b|kontot|kontonum|avtal|kontrakt|licens|registrerings"
)


def _plausible_birth_date(digits12: str) -> bool:
    """Plausible-ish: a month and a day (samordningsnummer: day + 60) in range, a past year.

    The exact calendar date is evidence, not a requirement: "850230-1234" is still a
    mistyped personnummer, not something else.
    """
    year, month, day = int(digits12[:4]), int(digits12[4:6]), int(digits12[6:8])
    if day > 60:  # samordningsnummer: day + 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31 and date.today().year - 120 <= year <= date.today().year


def _full_digits(first: str, sep: str | None) -> str | None:
    if len(first) == 8:
        return first
    yy = int(first[:2])
    today = date.today()
    century = 1900 if 2000 + yy > today.year else 2000
    if sep == "+":  # '+' marks someone over 100 years old
        century -= 100
    return f"{century + yy}{first[2:]}"


_LOG_LINE = re.compile(r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\b|\d\d:\d\d:\d\d")


def _phone_number(digits: str) -> bool:
    """A bare 0-led number phonenumbers knows ("0701740623", "0501234567") is a phone number."""
    try:
        num = phonenumbers.parse(digits, "SE")
    except phonenumbers.NumberParseException:
        return False
    return digits.startswith("0") and phonenumbers.is_valid_number(num)


def _separated_shape(m: re.Match[str]) -> bool:
    """"910832-4451", "851345-1237": written as a personnummer, with an impossible date.

    Organisationsnummer have a month of 20 or more; 0-led numbers may be phones. The check
    digit is evidence for a month of 13–19 (a typo), not needed for a day out of range."""
    if m.group(2) not in {"-", "–"} or len(m.group(1)) != 6:
        return False
    month = int(m.group(1)[2:4])
    if month == 0 or month >= 20 or m.group(1).startswith("0"):
        return False
    if month <= 12:
        return True
    try:
        return pnr_lib.valid(m.group(1) + m.group(2) + m.group(3))
    except (pnr_lib.PersonnummerException, ValueError):
        return False


def find_personnummer(text: str) -> list[Span]:
    """Shape wins: 10 or 12 digits with a plausible-ish date part are a personnummer unless
    the context says what else they are. The check digit and the calendar are evidence."""
    spans = []
    for m in _PNR.finditer(text):
        first, sep, last = m.group(1), m.group(2), m.group(3)
        full = _full_digits(first, sep)
        before = _before(text, m.start())
        positive = bool(_PNR_POS.search(before))
        if full is None or not (positive or _plausible_birth_date(full + last) or _separated_shape(m)):
            continue
        if positive:
            spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
            continue
        after = text[m.end():m.end() + 14].lower()  # "… (ordernummer)", not the next clause
        if _PNR_NEG.search(before) or _PNR_NEG.search(after):
            continue
        bare = m.group(0).isdigit()
        if bare and len(m.group(0)) == 10 and _phone_number(m.group(0)):
            continue  # "0701740623" is a phone number even when its digits pass Luhn
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if bare and len(first) == 8 and _LOG_LINE.search(text[line_start:line_end if line_end >= 0 else len(text)]):
            continue  # "20240312 1530" in a log line is a timestamp
        spans.append(Span(m.start(), m.end(), "PERSONNUMMER"))
    return spans


# --- TELEFON ----------------------------------------------------------------------------
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)46" + _WS + r"?(?:\(0\)" + _WS + r"?)?|0)\d{1,3}"
    r"(?:(?:" + _WS + r"|-|/|" + _WS + r"-" + _WS + r")?\d{1,4}){1,5}(?!\d)"
)
_PNR_SHAPE = re.compile(r"^(?:\d{6}|\d{8})[-+]\d{4}$")
_GROUP_END = re.compile(r"(?:" + _WS + r"|-|/)+\d{1,4}$")


_PHONE_CTX = re.compile(r"(?:ring|tel|telefon|mobil|nummer|nr|nås|sms|växel)\w*\W{0,3}(?:\w+\W+){0,3}$", re.IGNORECASE)
_AREA_WRITING = re.compile(r"^(?:(?:\+|00)46|0\d{1,3}[-/])")


def _phone_like(cand: str, text: str, start: int) -> bool:
    """A number phonenumbers does not know, written the way Swedish phone numbers are.

    People (and test data) write made-up or since-retired area codes; "069-725 10 27" is
    still meant as a phone number, so a plausible length plus a Swedish writing (area code
    and dash, or +46) or a phone word before it is enough.
    """
    digits = re.sub(r"\D", "", cand)
    if cand.startswith("+46"):
        national = digits[2:]
    elif cand.startswith("0046"):
        national = digits[4:]
    else:
        national = digits[1:]
    if national.startswith("0"):
        national = national[1:]  # "+46 (0)8 ..."
    if not 7 <= len(national) <= 10 or national[0] == "0":
        return False
    context = bool(_PHONE_CTX.search(text[max(0, start - 40):start]))
    if len(national) == 10:
        return context  # "Tel 0457-174 30 05": one digit too many for the plan, still a phone
    return bool(_AREA_WRITING.match(cand)) or context


def find_phone(text: str) -> list[Span]:
    spans = find_written_phone(text)  # "0 7 0 - 1 2 3 …", "noll sju noll …"
    for m in _PHONE.finditer(text):
        cand = m.group(0)
        if _PNR_SHAPE.match(cand):
            continue
        # A greedy match may swallow a following number ("... 67 2 gånger"): drop groups
        # from the end until phonenumbers accepts it.
        while cand:
            try:
                num = phonenumbers.parse(cand, "SE")
                if phonenumbers.is_valid_number(num) or (
                    phonenumbers.is_possible_number(num) and _phone_like(cand, text, m.start())
                ):
                    spans.append(Span(m.start(), m.start() + len(cand), "TELEFON"))
                    break
            except phonenumbers.NumberParseException:
                pass
            shorter = _GROUP_END.sub("", cand)
            if shorter == cand:
                break
            cand = shorter
    # The area code in brackets, "(08) 465 004 63": the bracket belongs to the number.
    return [Span(sp.start - 1, sp.end, sp.label)
            if sp.start and text[sp.start - 1] == "(" and ")" in text[sp.start:sp.start + 6]
            and "(" not in text[sp.start:sp.end] else sp for sp in spans]


# --- DATUM ------------------------------------------------------------------------------
_MONTHS = (
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    r"(?:jan|febr?|apr|jun|jul|aug|sept?|okt|nov|dec)\.?"
)
_DATE_PATTERNS = [
    re.compile(r"(?<![\d-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    re.compile(r"(?<![\d-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    re.compile(r"(?<![\d/.,-])(?:[1-9]|[12]\d|3[01])/(?:[1-9]|1[0-2])(?:[-/](?:19|20)?\d\d)?(?![\d/])"),
    # "12.5.2024", "2024.05.12": only with a year, so decimals and versions stay
    re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)?\d\d(?![\d.]\d)"),
    re.compile(r"(?<![\d.,])(?:19|20)\d\d\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?![\d.]\d)"),
    re.compile(
        r"(?<![\d,.])(?:[1-9]|[12]\d|3[01])(?::?e|:a)?" + _WS + r"+(?:" + _MONTHS + r")"
        r"(?:" + _WS + r"+(?:19|20)\d\d)?(?![\w])",
        re.IGNORECASE,
    ),
]


_FRACTIONS = {"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "1/10"}
_DATE_WORD_BEFORE = re.compile(r"(?:den|datum|från|till|mellan|t\.?o\.?m\.?|fr\.?o\.?m\.?)" + _WS + r"*$", re.IGNORECASE)


_TIME_AFTER = re.compile(r"[ T]\d\d:\d\d(?::\d\d)?")


def find_date(text: str) -> list[Span]:
    spans = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if _TIME_AFTER.match(text, m.end()) and m.group(0)[:2] in {"19", "20"}:
                continue  # "2025-02-03 07:45 Morgoninsats": a timestamp, as in a log
            if "/" in m.group(0) and _LOG_LINE.search(text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
                continue  # "retry 3/5" in a log line
            # "1/2 timme" is a fraction; "den 1/2" is a date.
            if m.group(0) in _FRACTIONS and not _DATE_WORD_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
                continue
            spans.append(Span(m.start(), m.end(), "DATUM"))
    return spans


# --- ALDER ------------------------------------------------------------------------------
_NUMWORDS = (
    r"(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?"
    r"|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|aderton|nitton"
)
# "två".."nio" only where a person is the subject ("Vilja är nio"): alone they are counts.
_SMALL_NUMWORDS = r"två|tre|fyra|fem|sex|sju|åtta|nio"
_AGE_PATTERNS = [
    # "17-åring", "en 82-årig man", "tjugoåring"
    re.compile(r"(?<![\w-])(?:\d{1,3}" + _WS + r"?-?" + r"|(?:" + _NUMWORDS + r")-?)[åa]rig(?:a|e|en|ar|arna)?(?!\w)",
               re.IGNORECASE),
    re.compile(r"(?<![\w-])(?:\d{1,3}" + _WS + r"?-?|(?:" + _NUMWORDS + r")-?)[åa]ring(?:en|ar|arna)?(?!\w)",
               re.IGNORECASE),
    # "82 år gammal", "tjugofem år gammal", "34 år ung"
    re.compile(r"(?<![\w,.])(?:\d{1,3}|" + _NUMWORDS + r")" + _WS + r"+[åa]r(?=" + _WS
               + r"+(?:gammal|gamla|gammel|ung)\b)", re.IGNORECASE),
    # "i 20-årsåldern", "i fyrtioårsåldern"
    re.compile(r"(?<![\w-])(?:\d{1,3}" + _WS + r"?-?|(?:" + _NUMWORDS + r")-?)årsåldern(?!\w)", re.IGNORECASE),
]
# "fyllde 61", "jag är 34 år", "när jag var tjugo", "mamma, 82 år,"
_AGE_CONTEXT = re.compile(
    r"(?:\b(?:fyll(?:de|er|t|a)|jag är|jag var|hon är|han är|hon var|han var|hen är|hen var|"
    r"(?:är|var|blir|blev|fyller|fyllde) (?:jag|hon|han|hen|du)(?: (?:också|bara|redan|nästan|snart|nu))?|"
    r"(?:jag|hon|han|hen) (?:är|var|blir|fyller) (?:också|bara|redan|nästan|snart|nu|ju)|"
    r"(?:jag|hon|han|hen) (?:ar|ä)|"
    r"(?:jag|hon|han|hen) har(?= \d{1,3} år)|"
    r"som är|när jag var|då jag var|sedan jag var|sen jag var|är|var|nu|snart|blir|blev|ålder(?:n)?|ålder på)"
    + _WS + r"+|(?<!\d)," + _WS + r"*)"
    r"(\d{1,3}|" + _NUMWORDS + r"|" + _SMALL_NUMWORDS + r")(" + _WS + r"+[åa]r)?(?![\w-])",
    re.IGNORECASE,
)
_NOT_AGE_AFTER = re.compile(_WS + r"*(?:procent|%|kr|kronor|gånger|ggr|st\b|min|minuter|timm|dagar|veckor|månader|grader|km|mil\b|meter|kg)",
                            re.IGNORECASE)
_AGE_PAREN = re.compile(r"(?<=\()" + _WS + r"*(\d{1,3}" + _WS + r"+år)" + _WS + r"*(?=\))")
# "Bo-Göran (78)", "Ali, 13.": a bare number right after a name or a kinship word.
_AGE_AFTER_NAME = re.compile(r"([" + CAP + r"][\w-]+|[" + LOW + r"]+)" + _WS + r"*(?:\(" + _WS + r"*(\d{1,3})"
                             + _WS + r"*\)|," + _WS + r"*(\d{1,3})(?=" + _WS + r"*(?:[.,;!?)]|och\b|$)))")
# "2 år sedan", "i 5 år till": a duration, not an age.
_DURATION_AFTER = re.compile(_WS + r"*(?:år)?" + _WS + r"*(?:sedan|sen|till|kvar|i\b|på\b|för\b)",
                             re.IGNORECASE)


def _age_subject(text: str, pos: int) -> bool:
    """Is there a person among the (up to three) words before `pos` in its sentence?"""
    window = text[max(0, pos - 40):pos]
    cut = max(window.rfind(ch) for ch in ".!?\n")
    words = list(re.finditer(r"\w+", window[cut + 1:]))[-3:]
    offset = max(0, pos - 40) + cut + 1
    for w in words:
        word = w.group(0)
        if word.lower() in {"jag", "hon", "han", "hen", "du"} or word.lower() in _TITLES:
            return True
        if word[:1].isupper() and (not _sentence_start(text, offset + w.start())
                                   or word.lower() in lists.names()):
            return True
    return False


def find_age(text: str) -> list[Span]:
    spans = []
    for pattern in _AGE_PATTERNS:
        spans.extend(Span(m.start(), m.end(), "ALDER") for m in pattern.finditer(text))
    for m in _AGE_CONTEXT.finditer(text):
        start = m.start(1)
        end = m.end(2) if m.group(2) else m.end(1)
        value = m.group(1)
        lead = m.group(0)[: start - m.start()]
        if lead.strip() == ",":
            # "Mamma, 82 år," only with "år" and a plausible age
            if not m.group(2):
                continue
        if _NOT_AGE_AFTER.match(text, end):
            continue
        if _DURATION_AFTER.match(text, end) and not lead.lower().startswith("fyll"):
            continue
        weak = lead.strip().lower()
        last_lead = weak.split()[-1] if weak.split() else ""
        if not value.isdigit() and re.fullmatch(_SMALL_NUMWORDS, value.lower()) and (
                last_lead not in {"är", "var", "blir", "blev", "fyller", "fyllde", "ar", "ä"}):
            continue
        if re.match(r"[,.]\d", text[end:end + 2]):
            continue  # "2,5 meter": a decimal, not an age
        if weak in {"är", "var", "som är", "nu", "snart", "blir", "blev"}:
            # "Väntetiden var 2 år" is a duration; "Oskar är 14 och ...", "mamma är 82 år" an
            # age: these words need a person before them, and a bare number must end there.
            if not _age_subject(text, m.start()):
                continue
            if not m.group(2) and (weak not in {"är", "var", "som är", "blir"}
                                   or not re.match(_WS + r"*(?:[,.!?;)]|och\b|o\b|å\b|när\b|då\b|men\b|$|i" + _WS + r"+(?:"
                                                   + _MONTHS + r"|år|höst|vår|sommar|vinter))", text[end:],
                                                   re.IGNORECASE)):
                continue
        if value.isdigit() and not (1 <= int(value) <= 120):
            continue
        spans.append(Span(start, end, "ALDER"))
    spans.extend(Span(m.start(1), m.end(1), "ALDER") for m in _AGE_PAREN.finditer(text))
    for m in _AGE_AFTER_NAME.finditer(text):
        word = m.group(1)
        g = 2 if m.group(2) else 3
        infos = [lists.names().get(part) for part in word.lower().split("-")]
        title_before = re.search(r"(\w+)" + _WS + r"+$", text[max(0, m.start(1) - 30):m.start(1)])
        person = word.lower() in _TITLES or (title_before is not None and title_before.group(1).lower() in _TITLES
                                             and word[:1].isupper()) or (
            word[:1].isupper() and (not _sentence_start(text, m.start(1)) or (
                infos[0] is not None and infos[0].first_sv and not infos[0].word)) and (
                (len(infos) > 1 and all(infos)) or (infos[0] is not None and not infos[0].common)))
        if person and 1 <= int(m.group(g)) <= 120:
            spans.append(Span(m.start(g), m.end(g), "ALDER"))
    return spans


# --- ADRESS and POSTNUMMER ---------------------------------------------------------------
_STREET_SUFFIX = (
    r"gatan|gata|vägen|väg|vagen|vag|gränd|gränden|grand|stigen|torget|torg|backen|allén|allé|leden|plan|"
    r"platsen|stråket|esplanaden|promenaden|kajen|slingan|ringen|liden|höjden|parken|gången"
)
_NOT_HOUSE = r"(?!" + _WS + r"*(?:år|gånger|ggr|timm|min\b|km|mil\b|kr\b|st\b|dag|veck|månad|%|procent|personer))"
_HOUSE_LETTER = r"(?:" + _WS + r"?[A-Ha-h](?![\wåäö]))?"
_ADDRESS = [
    re.compile(
        r"(?<![\w-])(?:(?:[" + CAP + r"][" + LOW + r"]+" + _WS + r")?[" + CAP + r"][" + LOW + r"]+"
        r"(?:" + _STREET_SUFFIX + r")|[" + LOW + r"]{2,}(?:gatan|vägen|vagen|gränd|torget))" + _WS + r"+\d{1,4}" + _NOT_HOUSE
        + _HOUSE_LETTER + r"(?:" + _WS + r"?(?:tr|lgh)\.?" + _WS + r"?\d{1,4})?"
    ),
    re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]+s?" + _WS + r"+(?:väg|gata|gränd|allé|torg)"
               + _WS + r"+\d{1,4}" + _NOT_HOUSE + _HOUSE_LETTER),
    re.compile(r"(?<![\w-])(?:Box|box|BOX)" + _WS + r"+\d{1,6}(?!\d)"),
]
_POSTCODE = re.compile(r"(?<![\w,.-])([1-9]\d{2})" + _WS + r"?(\d{2})(?![\w,.-])")
_POSTCODE_CTX = re.compile(r"post\s*n(?:umme)?r\.?:?\s*$|adress", re.IGNORECASE)
_CAP_AFTER = re.compile(_WS + r"+[" + CAP + r"][" + LOW + r"]{2,}")


def find_address(text: str) -> list[Span]:
    spans = []
    for pattern in _ADDRESS:
        spans.extend(Span(m.start(), m.end(), "ADRESS") for m in pattern.finditer(text))
    return spans


_TOWN_BEFORE = re.compile(r"([" + CAP + r"][" + LOW + r"]+)" + _WS + r"*[(,]?" + _WS + r"*$")


def find_postcode(text: str) -> list[Span]:
    spans = []
    for m in _POSTCODE.finditer(text):
        # A postcode is followed by its town ("652 24 Karlstad"), follows one ("Gällivare
        # (982 31)") or is labelled as one.
        town = _TOWN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if _CAP_AFTER.match(text, m.end()) or _POSTCODE_CTX.search(text[max(0, m.start() - 40):m.start()]) \
                or (town and town.group(1) in lists.places()):
            spans.append(Span(m.start(), m.end(), "POSTNUMMER"))
    return spans


# --- VARDENHET --------------------------------------------------------------------------
_UNIT_HEAD = (
    r"kliniken|klinik|mottagningen|mottagning|sjukhuset|sjukhus|lasarettet|lasarett|"
    r"vårdcentralen|vårdcentral|vardcentralen|vardcentral|hälsocentralen|hälsocentral|akutmottagningen|akuten|"
    # "enheten" alone or after a linking s ("Ätstörningsenheten"), never "lägenheten", "erfarenhet"
    r"avdelningen|boendet|boende|vårdhemmet|vårdhem|behandlingshemmet|behandlingshem|psykiatrin|"
    r"korttidshemmet|korttidshem|dagverksamheten|dagverksamhet|(?:(?<=s)|(?<![" + LOW + r"]))enhet(?:en)?|"
    r"habiliteringen|habilitering|öppenvården|öppenvård|hospicet|hospice|gruppbostaden|gruppbostad"
)
# Healthcare centres named "-centrum" ("Beroendecentrum"), not shopping or travel centres.
_CENTRE = (r"(?i:beroende|vård|hälso|psykiatri|rehab|rehabiliterings|habiliterings|kris|ungdoms|barn|"
           r"familje|stöd|behandlings|smärt|minnes)(?:centrum|centret)")
_UNIT_PREFIX = (
    r"BUP|BUMM|VUP|PIVA|HVB-hemmet|HVB|LSS-boendet|[Vv]årdcentralen|[Vv]årdcentral|[Vv]ardcentralen|[Hh]älsocentralen|"
    r"[Hh]älsocentral|[Ää]ldreboendet|[Gg]ruppboendet|[Kk]orttidsboendet|[Kk]orttidshemmet|"
    r"[Bb]ehandlingshemmet|[Ss]ärskilda boendet|[Bb]oendet|[Vv]årdhemmet|[Aa]vdelning|[Aa]vd\.?|[Vv]årdavdelning|"
    r"[Mm]ottagningen|[Uu]ngdomsmottagningen|[Pp]sykiatrimottagningen|[Dd]agverksamheten|"
    r"[Ss]ervicehuset|[Tt]räffpunkten|[Ss]ysselsättningen|[Gg]ruppbostaden|[Ss]ervicebostaden|"
    r"[Hh]ospicet|[Hh]ospice|[Hh]abiliteringen|[Ff]amiljecentralen|[Bb]arnahuset|[Bb]arnahus|"
    r"[Dd]agliga verksamheten|[Dd]aglig verksamhet|[Ss]tödboendet|[Kk]ollektivet|[Ss]kyddade boendet|"
    r"[Vv]ård- och omsorgsboendet|[Oo]msorgsboendet|[Vv]årdboendet|Mini-Maria|Maria Ungdom|Maria Beroende|"
    r"(?:[" + CAP + r"][" + LOW + r"]*)?" + _CENTRE + r"|Villa|[Ss]prutbytet"
)
# Care providers whose name stands before the unit: "Capio vårdcentral Gubbängen".
_PROVIDERS = re.compile(
    r"(?:Capio|Aleris|Praktikertjänst|Närhälsan|Achima Care|Kry|Min Doktor|Doktor\.se|Attendo|Vardaga|"
    r"Ambea|Nytida|Humana|Frösunda|Förenade Care|Forenade Care|Ersta|Stockholms stadsmission|Convictus|"
    r"Region [" + CAP + r"][" + LOW + r"]+s?)" + _WS + r"+$"
)
# "Barn- och ungdomspsykiatrin", "vård- och omsorgsboende": a coordinated compound.
_COORD = r"(?:[" + CAP + LOW + r"][" + LOW + r"]*-" + _WS + r"+(?:och|&)" + _WS + r"+)?"
_PLACE_TAIL = r"(?:" + _WS + r"+(?:i|på)" + _WS + r"+[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"][" + LOW + r"]+)?)?"
_CAPWORD = r"[" + CAP + r"][" + LOW + r"]+(?:-[" + CAP + r"]?[" + LOW + r"]+)*"
_UNIT_PATTERNS = [
    # "BUP Karlstad", "vårdcentralen Gripen", "äldreboendet Solbacken"
    re.compile(r"(?<![\w-])(?:" + _UNIT_PREFIX + r")" + _WS + r"+" + _CAPWORD + r"(?:" + _WS + r"+" + _CAPWORD + r")?"),
    # "Rättspsykiatriska kliniken i Kristinehamn", "Gripens vårdcentral", "Akademiska sjukhuset"
    re.compile(r"(?<![\w-])(?:(?:Sankt|S:t|St\.|Södra|Norra|Östra|Västra|Nya|Gamla|Stora|Lilla)" + _WS + r"+)?"
               r"(" + _CAPWORD + r")(?:" + _WS + r"+([" + LOW + r"]+))?" + _WS + r"+" + _COORD
               + r"[" + LOW + r"]*(?:" + _UNIT_HEAD + r")(?![\w-])" + _PLACE_TAIL),
    # One-word names: "Centralsjukhuset i Karlstad", "Solgården", "Björkhemmet"
    re.compile(r"(?<![\w-])([" + CAP + r"][" + LOW + r"]{2,}(?:sjukhuset|lasarettet|kliniken|mottagningen|"
               r"vårdcentralen|hälsocentralen|gården|hemmet|boendet|akuten|(?<=s)enheten))(?![\w-])" + _PLACE_TAIL),
    # a generic unit in a named town is a named unit: "beroendemottagningen i Arvika"
    re.compile(r"(?<![\w-])(" + _COORD + r"(?:[" + CAP + LOW + r"][" + CAP + LOW + r"-]*)?(?i:psykiatrin|mottagningen|"
               r"kliniken|vårdcentralen|hälsocentralen|sjukhuset|lasarettet|akuten|(?:(?<=s)|(?<![" + LOW + r"]))enheten|habiliteringen|"
               r"öppenvården|beroendevården|hospicet|centrum|avgiftningen|tillnyktringen|vardcentralen|"
               r"halsocentralen|oppenvarden|sprutbytet|sprututbytet|avdelningen|psyket|psyk|sjukan))" + _WS + r"+(?:i|på|pa)" + _WS
               + r"+(?P<town>[" + CAP + LOW + r"][" + LOW + r"]+)(?![\w-])"),
    # university hospitals named without a unit word ("på Karolinska")
    re.compile(r"(?<![\w-])(Sahlgrenska|Karolinska|Akademiska)(?![\w-])"),
]
_NOT_UNIT_WORDS = frozenset(STOP_WORDS) | {
    "hela", "nya", "gamla", "själva", "vanliga", "närmaste", "denna", "dessa", "vilken", "sådana",
    "psykiatrin", "akuten", "vården", "jaha", "tyvärr", "sen", "sedan", "dagen", "kvällen",
    # the same function words typed without å/ä/ö
    "pa", "fran", "for", "nar", "ar", "ocksa", "da", "sa", "an", "nagon", "nagot", "aven",
}


# "inlagd på Gläntan", "personalen på Lärkan": a capitalised word after these is a unit
# even without a unit word, unless a list knows it as a person or a place.
_UNIT_CONTEXT = re.compile(
    r"(?i:personalen|inlagd|inlagda|inskriven|inskrivna|placerad|placerades|vistades|vårdades|"
    r"låg inne)" + _WS + r"+(?:på|vid)" + _WS + r"+(" + _CAPWORD + r")(?![\w-])"
)


# "LSS-boendet på Tallvägen": a home named by its street (with a number it is an address).
_UNIT_AT_STREET = re.compile(
    r"(?<![\w-])(?:[" + CAP + LOW + r"][\w-]*)?(?:boendet|bostaden|hemmet|gruppboendet|servicehuset)"
    + _WS + r"+(?:på|vid)" + _WS + r"+[" + CAP + r"][" + LOW + r"]+(?:" + _STREET_SUFFIX + r")(?![\w-])"
    r"(?!" + _WS + r"*\d)"
)
# Units known by a brand or a "-centrum" name, alone or before their town.
_UNIT_NAMES = re.compile(
    r"(?<![\w-])(?:Maria Ungdom|Maria Beroende|Mini-Maria|(?:[" + CAP + r"][" + LOW + r"]*)?" + _CENTRE
    + r"|[" + CAP + r"][" + LOW + r"]+s" + _WS + r"+dagliga?" + _WS + r"+verksamhet(?:en)?"
    + r"|(?:Student|Elev|Företags|Studie)hälsan"
    # "Stockholms centrum för ätstörningar"
    + r"|[" + CAP + r"][" + LOW + r"]+s" + _WS + r"+centrum" + _WS + r"+för" + _WS + r"+[" + LOW + r"]{4,}"
    + r")(?![\w-])" + _PLACE_TAIL
)
# "Maria Malmö": the Maria units for young people with substance use, named by town.
_MARIA_UNIT = re.compile(r"(?<![\w-])Maria" + _WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+)(?![\w-])")
_JOIN = re.compile(_WS + r"+(?:på|vid|i)" + _WS + r"+$")


_GENERIC_UNIT_BEFORE = re.compile(
    r"(?<![\w-])[" + CAP + LOW + r"][" + LOW + r"]*(?:mottagningen|kliniken|avdelningen|enheten|psykiatrin|"
    r"vården|centralen|teamet)" + _WS + r"+(?:på|vid)" + _WS + r"+$"
)
_ADJ_BEFORE = re.compile(r"(?<![\w-])[" + LOW + r"]{4,}(?:iska|ska)" + _WS + r"+$")
# "Barnmottagningen Kungsbacka", "Öppenvårdsmottagningen Riddersvik": a compound unit word and its name
_COMPOUND_UNIT_NAMED = re.compile(
    r"(?<![\w-])[" + CAP + LOW + r"][" + LOW + r"]{2,}(?:mottagningen|kliniken|avdelningen|psykiatrin)"
    + _WS + r"+(?P<name>[" + CAP + r"][" + LOW + r"]{2,})(?![\w-])"
)


def _merge_units(text: str, spans: list[Span]) -> list[Span]:
    """Overlapping unit finds, or a unit "på" another ("Hjärtmottagningen på Ystads lasarett"), are one unit;
    so are "minnesmottagningen på Skaraborgs sjukhus" and "psykiatriska kliniken i Halmstad"."""
    grown = []
    for sp in spans:
        start = sp.start
        before = _GENERIC_UNIT_BEFORE.search(text, max(0, start - 50), start)
        if before:
            start = before.start()
        adj = _ADJ_BEFORE.search(text, max(0, start - 30), start)
        if adj and adj.group(0).split()[0] not in _NOT_UNIT_WORDS:
            start = adj.start()
        grown.append(Span(start, sp.end, "VARDENHET"))
    spans = grown
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and (sp.start <= out[-1].end or _JOIN.fullmatch(text, out[-1].end, sp.start)
                    or not text[out[-1].end:sp.start].strip()):
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, sp.end), "VARDENHET")
        else:
            out.append(sp)
    return out


def _town_tail(text: str, end: int) -> int:
    """ "Centralsjukhuset Karlstad": a known town right after the unit belongs to it."""
    tail = _CAP_AFTER.match(text, end)
    if tail and text[tail.start():tail.end()].strip() in lists.places() and not text[tail.end():tail.end() + 1].isalpha():
        return tail.end()
    return end


def find_care_unit(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "VARDENHET") for m in _UNIT_AT_STREET.finditer(text)]
    spans += [Span(m.start(), _town_tail(text, m.end()), "VARDENHET") for m in _UNIT_NAMES.finditer(text)]
    spans += [Span(m.start(), m.end(), "VARDENHET") for m in _MARIA_UNIT.finditer(text)
              if m.group("town") in lists.places() and lists.places()[m.group("town")] is False]
    for m in _COMPOUND_UNIT_NAMED.finditer(text):
        name = m.group("name")
        info = lists.names().get(name.lower())
        if name in lists.places() or info is None or not (info.first_sv or info.first_other):
            spans.append(Span(m.start(), m.end(), "VARDENHET"))  # not "ringde mottagningen Anna svarade"
    for m in _UNIT_CONTEXT.finditer(text):
        name = m.group(1)
        if name.lower() not in lists.names() and name not in lists.places() and name.lower() not in _NOT_UNIT_WORDS:
            spans.append(Span(m.start(1), m.end(1), "VARDENHET"))
    for i, pattern in enumerate(_UNIT_PATTERNS):
        for m in pattern.finditer(text):
            if i == 3:
                town = m.group("town")
                places = lists.places()
                # "ungdomsmottagningen i kalmar": a lowercase town only if it is no ordinary word
                if town not in places and not (town.islower() and places.get(town.capitalize()) is False):
                    continue
            elif i > 0:
                name = m.group(1)
                if name.lower() in _NOT_UNIT_WORDS:
                    continue
                # "Saga på mottagningen" is a person at a unit; the middle word of a unit
                # name is an adjective or noun, never a function word.
                if i == 1 and m.group(2) and m.group(2) in _NOT_UNIT_WORDS:
                    continue
                # At the start of a sentence any word is capitalised ("Bästa kliniken"):
                # there, only the adjective/genitive forms unit names take count.
                at_start = _sentence_start(text, m.start())
                if at_start and i == 1 and not re.search(r"(?:iska|ska|s)$", name):
                    continue
                # "Barnkliniken" opening a sentence is generic; "Solhemmet" names a home.
                if at_start and i == 2 and not re.search(r"(?:gården|hemmet|boendet)$", name):
                    continue
                if i == 2 and name in lists.places():
                    continue
            end = _town_tail(text, m.end())
            start = m.start()
            provider = _PROVIDERS.search(text, max(0, start - 40), start)
            if provider:
                start = provider.start()
            spans.append(Span(start, end, "VARDENHET"))
    return _merge_units(text, spans)


# --- ORGANISATION -----------------------------------------------------------------------
# Hand-written: no package on PyPI lists Swedish authorities and user organisations.
_ORGS = (
    r"Försäkringskassan|Arbetsförmedlingen|Socialstyrelsen|Skatteverket|Kronofogden|Migrationsverket|"
    r"Polisen|Polismyndigheten|Kriminalvården|Pensionsmyndigheten|CSN|Inspektionen för vård och omsorg|IVO|"
    r"Statens institutionsstyrelse|SiS|Länsstyrelsen|Folkhälsomyndigheten|Skolverket|Läkemedelsverket|"
    r"Transportstyrelsen|Trafikverket|Samhall|Myndigheten för delaktighet|Socialförvaltningen|"
    r"Stadsmissionen|Röda korset|Frälsningsarmén|Svenska kyrkan|Hjärnkoll|Attention|RSMH|NSPH|IFS|"
    r"Autism- och Aspergerförbundet|Anhörigas [Rr]iksförbund|Riksförbundet (?:[" + CAP + r"][" + LOW + r"]+|[" + CAP + r"]{2,})|"
    # user and patient organisations, unions and agencies people name in feedback
    r"RFHL|FUB|RFSU|RFSL|SPF Seniorerna|SPF|PRO|SKPF|DHR|SRF|HRF|Unga KRIS|KRIS|BRIS|SPES|IOGT-NTO|"
    r"Länkarna|Hela Människan|Föreningen Balans|Suicide Zero|Ecpat|Rädda Barnen|Röda Korset|"
    r"Alzheimer Sverige|Demensförbundet|Schizofreniförbundet|Neuroförbundet|Reumatikerförbundet|"
    r"Personskadeförbundet RTP|Afasiförbundet|Brottsofferjouren|Barnombudsmannen|Justitieombudsmannen|JO|"
    r"Diskrimineringsombudsmannen|Arbetsmiljöverket|Vårdförbundet|Akademikerförbundet SSR|"
    r"Socialnämnden|Omsorgsnämnden|Vård- och omsorgsnämnden|Hälso- och sjukvårdsnämnden|"
    r"Socialtjänsten|Patientnämnden|Överförmyndaren|Hemtjänsten|Kommunens?|Regionens"
)
_ORG_PATTERNS = [
    # "RSMH Värmland", "Region Värmland", "Karlstads kommun", "Föreningen Gemenskap"
    re.compile(r"(?<![\w-])(?:" + _ORGS + r")(?:" + _WS + r"+(?:i" + _WS + r"+)?(?=[" + CAP + r"])"
               r"(?P<region>[" + CAP + r"][" + LOW + r"]+))?(?![\w-])"),
    re.compile(r"(?<![\w-])Region" + _WS + r"+[" + CAP + r"][" + LOW + r"]+(?:" + _WS + r"+[" + CAP + r"][" + LOW + r"]+)?"),
    re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]+s?" + _WS + r"+(?:[Kk]ommun|[Ss]tad|landsting|stift)(?![\w-])"),
    re.compile(r"(?<![\w-])[Ff]öreningen" + _WS + r"+" + _CAPWORD),
    # "Hyresgästföreningen", "Kvinnojouren", "Diabetesförbundet": the compound is the name
    re.compile(r"(?<![\w-])[" + CAP + r"][" + LOW + r"]{2,}(?:föreningen|förbundet|jouren|fonden|myndigheten|"
               r"verket|nämnden|inspektionen)(?![\w-])(?:" + _WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+)(?![\w-]))?"),
    # "socialförvaltningen i Borås": a municipal service named by its town
    re.compile(r"(?<![\w-])(?i:socialförvaltningen|socialtjänsten|hemtjänsten|äldreförvaltningen|"
               r"omsorgsförvaltningen|socialkontoret|biståndsenheten|vuxenenheten|familjeenheten)"
               + _WS + r"+i" + _WS + r"+(?P<town>[" + CAP + r"][" + LOW + r"]+)(?![\w-])"),
    re.compile(r"(?<![\w-])" + _CAPWORD + _WS + r"+(?:förening|riksförbund|förbund)(?![\w-])"),
    # national authorities are often written in lowercase ("ringde försäkringskassan")
    re.compile(r"(?<![\w-])(?:försäkringskassan|arbetsförmedlingen|migrationsverket|skatteverket|"
               r"kronofogden|kriminalvården|socialstyrelsen|pensionsmyndigheten|"
               r"folkhälsomyndigheten|länsstyrelsen|"
               # typed without å/ä/ö
               r"forsakringskassan|arbetsformedlingen|kriminalvarden|lansstyrelsen|folkhalsomyndigheten)(?![\w-])",
               re.IGNORECASE),
]
# Generic words that are an organisation only as a proper name ("Socialtjänsten" at the start
# of a sentence is the service, not a named office): keep them only with a region after them.
_GENERIC_ORGS = {"Socialtjänsten", "Hemtjänsten", "Kommunen", "Kommunens", "Regionens",
                 "Socialförvaltningen", "Polisen", "Patientnämnden", "Överförmyndaren"}
_REGIONAL_ORGS = {"RSMH", "NSPH", "IFS", "Attention", "Socialtjänsten", "Hemtjänsten",
                  "Socialförvaltningen", "Polisen", "Patientnämnden", "Stadsmissionen", "RFHL", "FUB",
                  "RFSU", "RFSL", "SPF", "PRO", "KRIS", "Länkarna", "Hjärnkoll", "Schizofreniförbundet",
                  "Demensförbundet", "Neuroförbundet", "Reumatikerförbundet", "Brottsofferjouren"}


def find_organisation(text: str) -> list[Span]:
    spans = []
    for i, pattern in enumerate(_ORG_PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if i == 0:
                region = m.group("region")
                word = re.sub(r"\s+i$", "", text[start:m.start("region") if region else end].strip())
                end = start + len(word)
                # "RSMH Värmland" is one name; "Arbetsförmedlingen i Arvika" keeps its town apart.
                if region and word in _REGIONAL_ORGS and " i " not in m.group(0) and region in lists.places():
                    end = m.end()
                elif word in _GENERIC_ORGS:
                    if not (region and " i " in m.group(0)):
                        continue
                    end = m.end()  # "Socialtjänsten i Kristinehamn": a named office
            if i == 3 or i == 6:
                first = text[start:end].split()[0]
                if first.lower() in _NOT_UNIT_WORDS:
                    continue
            if i == 5 and m.group("town") not in lists.places():
                continue
            if i == 4 and m.group("town") and m.group("town") not in lists.places():
                end = m.start("town") - 1  # "Kvinnojouren Eskilstuna" is one name; "Kvinnojouren Hej" is not
                while text[end - 1].isspace():
                    end -= 1
            spans.append(Span(start, end, "ORGANISATION"))
    return spans


# --- PERSON and ORT (token based) -------------------------------------------------------
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
_TITLES = frozenset(
    "doktor doktorn dr dr. läkare läkaren överläkare överläkaren syster sjuksköterska sjuksköterskan "
    "sköterska sköterskan undersköterska undersköterskan skötare skötaren kurator kuratorn psykolog "
    "psykologen terapeut terapeuten handläggare handläggaren handledare kontaktperson kontaktpersonen "
    "kontaktman kontaktmannen ombud ombudet boendestödjare boendestödjaren socialsekreterare "
    "socialsekreteraren biståndshandläggare biståndshandläggaren arbetsterapeut sjukgymnast fysioterapeut "
    "barnmorska barnmorskan chef chefen enhetschef enhetschefen rektor rektorn lärare läraren "
    "mentor mentorn präst prästen diakon pastor mamma pappa mor far bror syster son dotter fru make "
    "maka man sambo pojkvän flickvän vän väninna kompis granne grannen kollega kollegan morfar mormor "
    "farfar farmor farbror morbror moster faster kusin barnbarn styvpappa styvmamma förmyndare "
    "förvaltare stödperson samordnare fritidsledare assistent assistenten "
    "coach behandlare behandlaren herr fröken fru tant farbror brukare brukaren klient klienten "
    "patient patienten eleven deltagaren hyresgästen pappan mamman sonen dottern brodern systern "
    "frun maken sambon".split()
)
_FOLD = str.maketrans("åäöé", "aaoe")
# the same titles typed without å/ä/ö ("min handlaggare per")
_TITLES = _TITLES | frozenset(t.translate(_FOLD) for t in _TITLES)
# Kinship and role words after which a lowercase word that is no Swedish word is a name
# ("min sambo robban"); "man" is left out ("man kan").
_ROLE_BEFORE_NAME = _TITLES - {"man", "mor", "far", "fru", "ombud", "ombudet", "vän"}
# Eponymous diseases and syndromes are not people ("har Parkinson", "Aspergers syndrom").
_EPONYMS = frozenset("parkinson parkinsons alzheimer alzheimers asperger aspergers crohn crohns tourette "
                     "tourettes huntington huntingtons bechterew bechterews sjögren sjögrens hodgkin "
                     "hodgkins cushing cushings addison addisons down downs menière raynaud graves "
                     "hashimoto hashimotos lyme".split())
# "Dag på soc", "max på Mini-Maria": a name at the workplace the writer deals with.
_WORKPLACE = frozenset("soc socialen soctjänsten socialtjänsten kommunen vårdcentralen vc mottagningen akuten "
                       "avdelningen avd boendet hemtjänsten bup psyk psykiatrin öppenvården beroende "
                       "beroendemottagningen jobbet skolan fk af försäkringskassan arbetsförmedlingen "
                       "kommunens habiliteringen hab dagverksamheten daglig biblioteket apoteket "
                       "receptionen växeln dagliga korttids korttidshemmet gruppboendet dagverksamheten".split())
_NAME_PARTICLES = frozenset("van von der de af da di del la le al el bin ibn ben abu".split())
_NAME_VERBS = frozenset("heter hette".split())
_POSSESSIVES = frozenset("min mitt mina vår vårt våra hans hennes hens din ditt er ert deras".split())
_NOT_NAME_AFTER_TITLE = re.compile(_WS + r"*(?:telefon|tel|mejl|mail|e-post|post|brev|sms|dag|dagen|vecka|"
                                   r"veckan|månad|timme|timmen|år|gång|person|besök|kvart)\b", re.IGNORECASE)
# Verbs that follow a person as subject: they tell "Bo sa ..." from "Bo på gården ...".
_PERSON_VERBS = frozenset(
    "sa sade säger ringde ringer hjälpte hjälper lyssnade lyssnar frågade frågar berättade berättar "
    "förklarade förklarar lovade lovar skrev skriver tyckte tycker menade menar svarade svarar "
    "brydde bryr ordnade ordnar kom följde följer besökte träffade träffar visste vet tog gav ger "
    "kunde skulle ville vill".split()
)
# Countries are not personal data ("kom till Sverige"): only towns and places are.
_COUNTRIES = frozenset(
    "Sverige Norge Danmark Finland Island Tyskland Polen Ryssland Ukraina Estland Lettland Litauen Frankrike "
    "Spanien Portugal Italien Grekland Turkiet Syrien Irak Iran Afghanistan Somalia Eritrea Etiopien Sudan "
    "Marocko Egypten Libanon Palestina Israel Jordanien Bosnien Serbien Kroatien Kosovo Albanien Rumänien "
    "Bulgarien Ungern Österrike Schweiz Nederländerna Holland Belgien England Storbritannien Skottland Irland "
    "USA Amerika Kanada Mexiko Brasilien Chile Argentina Colombia Kina Japan Indien Pakistan Thailand "
    "Vietnam Filippinerna Indonesien Australien Europa Afrika Asien Norden Skandinavien Panama Kuba Peru "
    "Venezuela Nigeria Kenya Uganda Ghana Tunisien Algeriet Libyen Jemen Kurdistan Georgien Armenien Mongoliet "
    "Nepal Bangladesh Kambodja Malaysia Singapore Korea Sydkorea Nordkorea Taiwan Kongo".split()
)
_PREPS_PLACE = frozenset("i från till utanför nära mot via norr söder öster väster runt kring".split())
_SURNAME_SUFFIX = re.compile(r"(?:sson|son|qvist|kvist|ström|berg|gren|lund|dahl|holm|blad|stedt|"
                             r"ander|ius|lin|lén|ell|én|stam|bäck|sjö|löf|fors|vall)$")
_RESIDENCE = re.compile(
    r"(?:flyttade|flyttat|flytta|flyttar|bor|bodde|boende|växte upp|kommer|kom|uppvuxen|född)"
    r"(?:" + _WS + r"+(?:hit|dit|hem|tillbaka|ut))?" + _WS + r"+(?:i|från|till|på|utanför|nära)" + _WS + r"+$"
    r"|(?:från|mellan)" + _WS + r"+[" + CAP + r"][\w-]+" + _WS + r"+(?:till|och)" + _WS + r"+$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    r"" + _WS + r"*," + _WS + r"*(?:(?:min|mitt|vår|hans|hennes|din|er|deras)" + _WS + r"+)?(?:"
    + "|".join(sorted(_TITLES, key=len, reverse=True)).replace(".", r"\.") + r")\b",
    re.IGNORECASE,
)
# Verbs and prepositions after which a bare lowercase name-list word is a person
# ("ringde linda"), because a common noun would take an article or a plural there.
_MEETS = frozenset("träffade träffar ringde ringer mötte möter frågade frågar tackade tackar saknar "
                   "saknade hälsade pratade med hos".split())
_STRONG_SURNAME = re.compile(r"(?:sson|qvist|kvist|ström)$")
_SENT_END = set(".!?:;\n\"'”»(")


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENT_END or text[i] in "-–•*"


def _lookup(word: str) -> tuple[lists.NameInfo | None, int]:
    """Name info for a token and the length of the name part (genitive s stripped)."""
    table = lists.names()
    info = table.get(word.lower())
    if info is not None and (info.first_sv or word[-1:] not in "s'’"):
        return info, len(word)
    full = info
    if len(word) > 4 and word[-1] in "s'’" and not word[-2] in "sxz" and word.lower() not in STOP_WORDS:
        info = table.get(word[:-1].lower())
        # Genitive ("Annas mamma"): only for well-known names, so "Annars" stays a word.
        if info is not None and (info.first_sv or info.last) and not info.word:
            return info, len(word) - 1
    if len(word) > 3 and word.endswith("'s"):
        info = table.get(word[:-2].lower())
        if info is not None:
            return info, len(word) - 2
    return full, len(word)


@lru_cache(maxsize=1)
def _swedish_words() -> frozenset[str]:
    """Every form and lemma in spacy-lookups-data's Swedish lemma table (MIT), loaded on
    first need (~3 s): tells a nickname ("robban") from an ordinary word after "min sambo"."""
    import gzip
    import json
    import os

    import spacy_lookups_data

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "sv_lemma_lookup.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return frozenset(table) | frozenset(table.values())


# Zipf frequency (wordfreq, Apache-2.0) above which a word is everyday Swedish even when the
# lemma table lacks it (uninflected adverbs: "tyvärr", "dessutom"); nicknames sit below
# ("robban" 3.2, "hasse" 3.9, "kalle" 4.4), common adverbs above 5.
_EVERYDAY_ZIPF = 4.5


def _unknown_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    w = word.lower()
    return (len(w) > 2 and w not in STOP_WORDS and w not in _TITLES and w not in _WORKPLACE
            and w not in _swedish_words() and zipf_frequency(w, "sv") < _EVERYDAY_ZIPF)


def genitive_suffix(name: str) -> str:
    """The genitive ending of a found name ("Annas" -> "s"), kept outside the pseudonym.

    A PERSON span covers the whole word, genitive included (it is all personal data);
    the replacement keeps the ending: "Annas mamma" -> "[PERSON_1]s mamma".
    """
    last = name.split()[-1] if name.split() else name
    _, name_len = _lookup(last)
    return last[name_len:] if 0 < name_len < len(last) else ""


def _lowercase_surname(word: str) -> bool:
    info = lists.names().get(word.lower()) if word.islower() else None
    return info is not None and info.last and not info.word


def find_person_and_place(text: str) -> list[Span]:
    """PERSON and ORT together: the same capitalised word can be either ("från Vilhelmina")."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    spans: list[Span] = []
    person_at: set[int] = set()
    first_name_at: set[int] = set()  # plain (not genitive) first names: a surname may follow
    places = lists.places()
    first_words = lists.place_first_words()
    n = len(toks)
    i = 0
    while i < n:
        start, end, word = toks[i]
        prev = toks[i - 1][2].lower() if i > 0 else ""
        gap = text[toks[i - 1][1]:start] if i > 0 else "."
        adjacent_prev = i > 0 and gap.strip() == ""
        after_dot = i > 0 and gap.strip() == "."
        nxt = toks[i + 1][2] if i + 1 < n else ""
        cap = word[:1].isupper()
        at_start = _sentence_start(text, start)
        # ORT first: a capitalised place after a place preposition, or an unambiguous place.
        if cap and word in places and re.search(r"(?<!\d)\d{3}" + _WS + r"?\d{2}" + _WS + r"+$", text[max(0, start - 10):start]):
            spans.append(Span(start, end, "ORT"))  # "961 23 Boden": the town after its postcode
            i += 1
            continue
        if cap and word in first_words and not word.isupper():
            matched = None
            for place in first_words[word]:
                if text.startswith(place, start) and not text[start + len(place):start + len(place) + 1].isalnum():
                    matched = place
                    break
            if matched:
                ambiguous_word = places[matched]
                is_name = lists.names().get(word.lower()) is not None
                # "Åsa Börjesson", "tack till Åsa": a person who shares a town's name
                person_like = is_name and (
                    nxt[:1].isupper() and text[end:toks[i + 1][0]].strip() == ""
                    or (prev == "till" and i > 1 and toks[i - 2][2].lower() == "tack"))
                if not person_like and (prev in _PREPS_PLACE and adjacent_prev or (
                    not ambiguous_word and not is_name and not at_start
                ) or (not ambiguous_word and not is_name and nxt.lower() in {"kommun", "län", "stad"})):
                    if prev not in _TITLES:
                        spans.append(Span(start, start + len(matched), "ORT"))
                        while i < n and toks[i][0] < start + len(matched):
                            i += 1
                        continue
        if (not cap and adjacent_prev and prev in _PREPS_PLACE and len(word) > 2
                and places.get(word.capitalize()) is False and word not in lists.names()):
            spans.append(Span(start, end, "ORT"))  # "jag bor i karlstad"
            i += 1
            continue
        if cap and not at_start and adjacent_prev and word not in lists.names() and word not in _COUNTRIES \
                and _RESIDENCE.search(
            text, max(0, start - 30), start
        ):
            # "flyttade från Kronoparken", "bor i Skåre": a place even when no list has it.
            spans.append(Span(start, end, "ORT"))
            i += 1
            continue
        if word.isupper() and len(word) > 1:
            # Shouted text ("TACK ANNA LINDGREN"): only unmistakable names, never acronyms.
            shout = lists.names().get(word.lower()) if len(word) > 2 else None
            after_name = (i - 1) in person_at and adjacent_prev
            if shout is not None and not shout.word and (
                    shout.first_sv or _STRONG_SURNAME.search(word.lower()) or (shout.last and after_name)):
                if after_name and spans and spans[-1].end == toks[i - 1][1]:
                    spans[-1] = Span(spans[-1].start, end, "PERSON")
                else:
                    spans.append(Span(start, end, "PERSON"))
                person_at.add(i)
            i += 1
            continue
        tight_next = i + 1 < n and text[end:toks[i + 1][0]].strip() == ""
        # "jag heter hasse", "Kowalski heter min läkare": a name whatever the lists say.
        # the context first: the word checks (lexicon, word frequency) are the costly part
        named = ((prev in _NAME_VERBS and adjacent_prev) or (cap and nxt.lower() in _NAME_VERBS and tight_next)) \
            and word.isalpha() and word.lower() not in STOP_WORDS and word.lower() not in _WORKPLACE \
            and (lists.names().get(word.lower()) is not None or _unknown_word(word))
        # "Nu när Dragana har slutat": a capitalised word Swedish does not have, inside a
        # sentence, as the subject of something people do.
        # Short, one capital: company names ("Mekonomen", "HemKaos") are left to their context.
        named = named or (cap and not at_start and word[1:].islower() and len(word) <= 8 and tight_next
                          and word not in places and lists.names().get(word.lower()) is None
                          and word not in _COUNTRIES and nxt.lower() in _PERSON_VERBS and _unknown_word(word))
        # "min sambo robban": after "min" and a kinship or role word, a word Swedish does not have.
        nickname = (not cap and adjacent_prev and prev in _ROLE_BEFORE_NAME and word.isalpha() and i > 1
                    and toks[i - 2][2].lower() in _POSSESSIVES
                    and lists.names().get(word.lower()) is None and _unknown_word(word))
        if named or nickname:
            if (i - 1) in person_at and adjacent_prev and spans and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
            else:
                spans.append(Span(start, end, "PERSON"))
            person_at.add(i)
            first_name_at.add(i)
            i += 1
            continue
        parts = word.split("-")
        if len(parts) > 1:
            # Hyphenated name ("Anna-Karin", "Lind-Berg"), not a compound ("RUT-hjälp").
            infos = [lists.names().get(p.lower()) for p in parts]
            capitalised = all(p[:1].isupper() for p in parts) and any(infos) and not word.isupper()
            # lowercase "ros-marie": every part a name, one of them unambiguously a first name
            lower = all(infos) and any(x.first_sv and not x.word for x in infos if x) and word.islower()
            # a double surname after a first name: "Elias Nilsson-Forsman"
            after_first = (i - 1) in first_name_at and (
                all(p[:1].isupper() for p in parts) or (word.islower() and all(infos)))
            if (capitalised or lower or after_first) and (i - 1) in person_at and adjacent_prev and spans \
                    and spans[-1].label == "PERSON" and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
                person_at.add(i)
            elif capitalised or lower:
                spans.append(Span(start, end, "PERSON"))
                person_at.add(i)
                if infos[0] is not None and (infos[0].first_sv or infos[0].first_other):
                    first_name_at.add(i)  # "Britt-Marie Sandén": a surname may follow
            i += 1
            continue
        info, name_len = _lookup(word)
        after_title = prev in _TITLES or (prev.endswith(".") and prev[:-1] in _TITLES) or (
            i > 0 and toks[i - 1][2] in {"dr", "Dr", "Doc", "doc"} and after_dot
        ) or ("-" in prev and prev.rsplit("-", 1)[1] in _TITLES)  # "min LSS-handläggare Emir"
        husband = prev == "man" and i > 1 and toks[i - 2][2].lower() in _POSSESSIVES  # "min man Bo"
        # "Dag på soc", "max på Mini-Maria": a first name at the start of a sentence, then
        # "på"/"från" and a workplace (a proper name or a word like soc, akuten, boendet).
        at_work = (info is not None and (info.first_sv or info.first_other) and at_start and i + 2 < n
                   and (word.lower() not in STOP_WORDS or info.first_sv)  # "Dag på soc", not "Alla på"
                   and tight_next and nxt.lower() in {"på", "från", "vid", "hos", "pa", "fran"}
                   and text[toks[i + 1][1]:toks[i + 2][0]].strip() == ""
                   and (toks[i + 2][2][:1].isupper() or toks[i + 2][2].lower() in _WORKPLACE))
        nxt2 = toks[i + 2][2].lower() if i + 2 < n else ""
        gap2 = text[toks[i + 1][1]:toks[i + 2][0]] if i + 2 < n else ""
        first = info is not None and (info.first_sv or info.first_other)
        # "Max är 11 år", "Saga var 16", "Maj fyller 90": a name with an age
        with_age = (first and cap and tight_next and nxt.lower() in {"är", "var", "fyller", "fyllde", "blir", "blev"}
                    and (word.lower() not in STOP_WORDS or info.first_sv)
                    and re.match(_WS + r"+(?:\d{1,3}(?![\d,.]\d)|(?:" + _NUMWORDS + r"|" + _SMALL_NUMWORDS + r")(?!\w))",
                                 text[toks[i + 1][1]:], re.IGNORECASE))
        # "hej björn!", "Tack Sten,": a name after a greeting
        greeting = adjacent_prev and (prev in {"hej", "hejsan", "hallå", "tack", "kära"} or (
            prev == "till" and i > 1 and toks[i - 2][2].lower() == "tack"))
        # an unknown word only in lowercase: "tack till hasse", not "Tack Gigamex" (a firm)
        greeted = (greeting and (first or (word.isalpha() and word.islower() and _unknown_word(word)))
                   and not _NOT_NAME_AFTER_TITLE.match(text, end) and word.lower() not in STOP_WORDS)
        # "Micke som jobbar där": a name opening a sentence about someone's job
        works = (cap and at_start and tight_next and nxt.lower() == "som"
                 and nxt2 in {"jobbar", "arbetar", "jobbade", "arbetade"}
                 and (word.lower() not in STOP_WORDS or info.first_sv)
                 and (first or (word.isalpha() and _unknown_word(word))))
        # "Björn och jag", "Rut och min syster"
        and_i = (first and at_start and tight_next and nxt.lower() == "och" and gap2.strip() == ""
                 and nxt2 in {"jag", "min", "mitt", "mina"})
        accept = False
        if (word.lower() in _EPONYMS and not after_title) or prev == "lex":  # "lex Sarah" is a law
            accept = False  # "har Parkinson"
        elif at_work or with_age or greeted or and_i or works or (
                first and cap and at_start and tight_next and nxt[:1].isupper() and nxt[1:].islower()
                and nxt not in places and (word.lower() not in STOP_WORDS or info.first_sv) and _unknown_word(nxt)):
            # the last: "Rut Wennerholm" opening a line, a name before a surname no list has
            accept = True
        elif after_title and (adjacent_prev or after_dot):
            if cap and (prev != "man" or husband):
                accept = info is not None or (not at_start and word.lower() not in STOP_WORDS)
            elif info is not None and not info.word and (info.first_sv or (
                    info.first_other and i > 1 and toks[i - 2][2].lower() in _POSSESSIVES)):
                accept = True
            elif (info is not None and info.first_sv and prev in _ROLE_BEFORE_NAME
                  and not _NOT_NAME_AFTER_TITLE.match(text, end)):
                accept = True  # "min handläggare per", unless "per telefon"
        elif (not cap and info is not None and info.word and info.first_sv and adjacent_prev
              and prev in _MEETS and word.lower() not in STOP_WORDS and word.lower() not in {"per", "bo"}):
            accept = True  # "jag träffade eva igår": after these verbs a bare noun is a name
        elif not cap and info is not None and info.word and (info.first_sv or info.first_other) \
                and word.lower() not in STOP_WORDS and _lowercase_surname(nxt) \
                and text[end:toks[i + 1][0]].strip() == "":
            accept = True  # "per jönsson": a first name that is also a word, before a surname
        elif info is not None:
            if not info.word:
                # lowercase: a Swedish first name, or a surname right after one ("johan svensson")
                accept = cap or info.first_sv or (info.last and (i - 1) in person_at and adjacent_prev)
                if cap and at_start and not (info.first_sv or info.first_other) and info.last and not _SURNAME_SUFFIX.search(word.lower()):
                    # a foreign surname at the start of a sentence is too often a word
                    accept = nxt.lower() in _PERSON_VERBS
            elif (not cap and info.last and (i - 1) in first_name_at and adjacent_prev
                  and word.lower() not in STOP_WORDS):
                accept = True  # "maria ström": a surname that is also a word, after a first name
            elif cap:
                nxt_info, _ = _lookup(nxt) if nxt else (None, 0)
                before_surname = nxt[:1].isupper() and nxt_info is not None and nxt_info.last
                if (i - 1) in person_at and adjacent_prev:
                    accept = True  # surname after a first name: "Lena Frid"
                elif word.lower() in STOP_WORDS and not info.first_sv:
                    accept = before_surname  # "Vi", "Alla" are pronouns, wherever they stand
                elif re.match(_WS + r"*&", text[end:]):
                    accept = False  # "Bil & Motor": a company name
                elif not at_start and prev == "i":
                    accept = False  # "i Juni", "i Sol": a month or a place, not a person
                elif not at_start:
                    prev_cap = (i > 0 and adjacent_prev and toks[i - 1][2][:1].isupper()
                                and not _sentence_start(text, toks[i - 1][0]))
                    accept = nxt[:1] != "-" and text[end:end + 1] != "-" and not prev_cap
                elif word.lower() in STOP_WORDS:
                    # "Vi är", "Alla har": pronouns start sentences all the time. A Swedish
                    # first name ("Dag ringde") still counts before a verb, any before a surname.
                    nxt_info, _ = _lookup(nxt) if nxt else (None, 0)
                    accept = (nxt[:1].isupper() and nxt_info is not None and nxt_info.last) or (
                        info.first_sv and nxt.lower() in _PERSON_VERBS
                    )
                elif _APPOSITION.match(text, end):
                    accept = True  # "Björn, min kontaktperson, ..."
                elif not info.common and info.first_sv and nxt[:1] != "-" and text[end:end + 1] != "-":
                    accept = True  # "Lisa är ..." : the word sense (lisa, relief) is rare
                else:
                    nxt_info, _ = _lookup(nxt) if nxt else (None, 0)
                    accept = (nxt.lower() in _PERSON_VERBS and tight_next) or (
                        nxt[:1].isupper() and nxt_info is not None and nxt_info.last
                    ) or (
                        nxt.lower() in {"från", "på", "vid"}
                        and any(t[2].lower() in _PERSON_VERBS
                                for t in toks[i + 2:i + 6])
                    )
        elif cap and not at_start and adjacent_prev and word not in places and word.lower() not in STOP_WORDS \
                and ((i - 1) in first_name_at or ((i - 1) in person_at and (
                    _unknown_word(word) or (word.lower() in _NAME_PARTICLES and nxt[:1].isupper() and tight_next)))):
            accept = True  # unknown name right after a name: "Mehmet Yilmaz", "Tran Minh Duc"
        elif cap and not at_start and len(word) > 5 and _STRONG_SURNAME.search(word.lower()):
            accept = True  # "Hedqvist", "Perssons": unmistakably Swedish surnames
        if accept:
            if (i - 1) in person_at and adjacent_prev and spans and spans[-1].label == "PERSON" and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
            else:
                spans.append(Span(start, end, "PERSON"))
            person_at.add(i)
            if info is not None and (info.first_sv or info.first_other) and name_len == len(word):
                first_name_at.add(i)
        i += 1
    # "lisa och kent": a name-list word joined by "och" to a found person is a person too.
    for j in range(1, n - 1):
        if toks[j][2].lower() not in {"och", "eller"}:
            continue
        for a, b in ((j - 1, j + 1), (j + 1, j - 1)):
            if a in person_at and b not in person_at:
                info, name_len = _lookup(toks[b][2])
                other = toks[b][2]
                unknown_cap = (info is None and other[:1].isupper() and not other.isupper() and len(other) <= 10
                               and not _sentence_start(text, toks[b][0]) and other not in places
                               and other not in _COUNTRIES and _unknown_word(other))
                if ((info is not None and (info.first_sv or info.first_other) or unknown_cap)
                        and not other.isupper() and other.lower() not in STOP_WORDS):
                    spans.append(Span(toks[b][0], toks[b][1], "PERSON"))
                    person_at.add(b)
    return spans


RECOGNISERS: dict[str, Recogniser] = {
    "EPOST": find_email,
    "PERSONNUMMER": find_personnummer,
    "TELEFON": find_phone,
    "DATUM": find_date,
    "ADRESS": find_address,
    "POSTNUMMER": find_postcode,
    "VARDENHET": find_care_unit,
    "ORGANISATION": find_organisation,
    "PERSON+ORT": find_person_and_place,
    "ALDER": find_age,
}
