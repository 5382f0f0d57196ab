"""DATUM: dates in the ways Swedes write them; fractions, versions and log timestamps stay."""

from __future__ import annotations

import re
from collections import Counter

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.birth_date_shapes import find_birth_date_shapes
from nlp.pseudonymise.recognisers.chronic_care import dose_or_side
from nlp.pseudonymise.recognisers.date_contexts import ACCESS_LOG, EN_DATES, PERSON_IN_LOG, WEEKDAY_BEFORE
from nlp.pseudonymise.recognisers.foreign_addresses import street_before
from nlp.pseudonymise.recognisers.lines import Lines
from nlp.pseudonymise.recognisers.month_first_dates import find_month_first_dates
from nlp.pseudonymise.recognisers.patterns import LOG_LINE, MONTHS, WS
from nlp.pseudonymise.recognisers.prefilter import PerText, guarded
from nlp.pseudonymise.recognisers.score_fractions import counted_fraction
from nlp.pseudonymise.recognisers.script_dates import find_script_dates
from nlp.pseudonymise.recognisers.symptom_scores import score_beside_nought, symptom_score_before

_DATE_PATTERNS = [
    guarded(r"(?<![\d-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    # the day first, parted by dashes as European forms and logs write it: "23-09-2024"
    guarded(r"(?<![\d-])(?:0[1-9]|[12]\d|3[01])-(?:0[1-9]|1[0-2])-(?:19|20)\d\d(?![\d-])"),
    re.compile(r"(?<![\d-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    # "3/4", "12/3-25", and the British "05/11/2024" of forwarded mail with its zeros
    guarded(r"(?<![\d/.,-])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:[-/](?:19|20)?\d\d)?(?![\d/])"),
    # "12.5.2024", "2024.05.12": only with a year, so decimals and versions stay
    guarded(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)?\d\d(?![\d.]\d)"),
    # "2024/05/12" too, as some systems and phones write it (one separator throughout)
    re.compile(r"(?<![\d.,/])(?:19|20)\d\d([./])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?![\d./]\d|/\w)"),
    guarded(
        r"(?<![\d,.])(?:[1-9]|[12]\d|3[01])(?::?e|:a)?" + WS + r"+(?:" + MONTHS + r")"
        r"(?:" + WS + r"+(?:19|20)\d\d)?(?![\w])",
        re.IGNORECASE,
    ),
]


# a day said as an ordinal, "den femtonde maj", "tjugoförsta mars" (voicemails, speech-to-text)
_ORDINALS = (
    r"(?:(?:tjugo|trettio)?(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde)|tionde|elfte|tolfte|"
    r"(?:tret|fjor|fem|sex|sjut|ar|nit)tonde|tjugonde|trettionde)"
)
# the year said too: "nittonhundrasextiofem", "tjugohundrasju", "tvåtusen tjugotre"
_SAID_YEAR = (
    r"(?:nittonhundra[a-zåäö]+|tjugohundra[a-zåäö]*|tvåtusen(?:[a-zåäö]+|"
    + WS
    + r"+(?:tjugo[a-zåäö]*|tio|elva|tolv|[a-zåäö]+ton|ett|två|tre|fyra|fem|sex|sju|åtta|nio))?)"
)
_ORDINAL_DATE = (
    re.compile(
        r"(?<![\w])"
        + _ORDINALS
        + WS
        + r"+(?:"
        + MONTHS
        + r")(?:"
        + WS
        + r"+(?:(?:19|20)\d\d|"
        + _SAID_YEAR
        + r"))?(?![\w])",
        re.IGNORECASE,
    ),
)
# full month names only: the ordinal pattern runs where one stands (speed)
_MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


_EN_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    " mar ",  # the short forms no Swedish month has, as in a mail header's "11 Mar 2025"
    " may ",
    " oct ",
)
_FRACTIONS = {"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "1/10"}
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
# "flyttade dit 3/4 o fick …", "operationen 3/4 pga feber": a conjunction or a cause after it,
# so no noun the fraction counts
_CONJUNCTION_AFTER = re.compile(
    r"\s+(?:o|och|men|så|när|då|kl|eller|pga|p\.g\.a|eftersom|för\s+att|på\s+grund)\b", re.IGNORECASE
)
# "Född: 12/8 -84", "3 april -96": the year written as a dash and two digits after the date
_SHORT_YEAR_AFTER = re.compile(WS + r"[-–]\d\d(?![\d:.,]\d|[\w-])")
# "f. 19/3 1931", "den 22/11 2023": the year after a day and month with a slash, set apart
_LONG_YEAR_AFTER = re.compile(WS + r"(?:19|20)\d\d(?![\d:.,]\d|[\w/-])")
# "f. 090412", "född 131107", "f. 41-07-23": a birth date as six digits, only after the word
# saying so, the two-digit year's parts maybe apart
_BORN_YYMMDD = guarded(
    r"(?i:\b(?:född|f\.))"
    + WS
    + r"*(\d\d([-.]?)(?:0[1-9]|1[0-2])\2(?:0[1-9]|[12]\d|3[01]))(?![\d+–-]|"
    + WS
    + r"?[-+–]\d)"
)
# "skickade in den 02.02": day and month with a point only after a word saying date
_DAY_MONTH_POINT = guarded(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?![\d.]\d|\d)")
# "Inskr.datum: 250203", "Datum: 241117": a form's date field as six digits
_FIELD_YYMMDD = guarded(
    r"(?i:datum)" + WS + r"*:" + WS + r"*(\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\d+–-]|" + WS + r"?[-+–]\d)"
)
# "har tid 28.5", "kallad 3.6": day and month with a point after a word for an appointment, when
# no clock time reads the same (a day past 24, or a one-digit month: "tid 13.20" is a time)
_APPOINTMENT_BEFORE = re.compile(
    r"(?i:\b(?:tid|tiden|kallad|kallades|kallelse|kallelsen|besök|återbesök|möte|mötet))" + WS + r"+$"
)
# "ses imorgon 12.3 kl 10", "Provtagning 25-03-18 kl 07:40": a day and month (or a short year's
# date) right before the clock time of that day
_CLOCK_AFTER = re.compile(WS + r"+(?i:kl\.?|klockan)" + WS + r"*\d")
_SHORT_ISO = guarded(r"(?<![\w./-])\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-])")
_POINT_THEN_LOWER = re.compile(r"\." + WS + r"+[a-zåäö]")
_CLOCK_BEFORE = re.compile(r"(?i:\bkl\.?|\bklockan)" + WS + r"*$")
# "tid 28.5 kg": a measure after the number, not an appointment's day
_MEASURE_AFTER = re.compile(WS + r"*(?:%|kg|km|mil|grader|°|timmar|tim|h\b|min|sek|cm|mm|mg|ml|l\b)")
# "16/4 mg Suboxone", "10/5 mg": a combination product's two doses, not a day
_DOSE_AFTER = re.compile(WS + r"*(?:mg|mcg|µg|ml|g|mikrogram|milligram|IE|E)(?![\w])")
# "öppet 24/7", "chatt typ 24/7": round the clock, unless a date word or a year says a day
_ROUND_THE_CLOCK = re.compile(r"24/7(?![-/]?\d)")
# "umo X 10/10 🔥": full marks with an emoji after it praise, they name no day
_EMOJI_AFTER = re.compile(WS + r"*[\u2600-\u27bf\U0001f300-\U0001faff]")
# "(född 9/10)": a birth is a day, never a grade
# (a word of its own: "sjukvården 3/5" ends in the letters, not the word)
_DATE_WORD_BEFORE = re.compile(
    r"(?<![\w.])(?:den|datum|från|till|mellan|född|f\.|t\.?o\.?m\.?|fr\.?o\.?m\.?)" + WS + r"*$", re.IGNORECASE
)
# "lönen kommer den 25:e", "avgiften dras den 28:e": a monthly payday, the same for everyone
_PAYDAY_BEFORE = re.compile(
    r"(?i:\b(?:kommer|betalas|betalar|dras|drar|utbetalas|förfaller|lönen|pengarna|avgiften|hyran))"
    + WS
    + r"+(?:\w+"
    + WS
    + r"+)?$"
)
# "har tid den 30:e", "samtalet den 5:e. Ingen …", "den 17:e ringde hon": the day of this
# month as an ordinal; not "den 2:a gången", "den 3:e veckan", "den 4:e barnet": what follows
# is counted, a noun in its definite form or one of the nouns counted bare ("den 3:e gång")
_COUNTED_AFTER = (
    r"(?!(?:sedan|igen|innan|hemma|också|kanske)\b)"
    r"(?:[a-zåäö]{2,}(?:en|an|et|na)|gång|plats|klass|vecka|dag|månad|år|året|person|dos|försök|"
    r"våning|omgång|barn|rad|sida|steg|kapitel|termin|timme|minut)\b"
)
_DAY_ORDINAL = re.compile(
    # not a gloss of a number: "dag 64 betyder den 4:e" (a samordningsnummer's day explained)
    r"(?<!betyder )(?<!motsvarar )(?i:\bden)"
    + WS
    + r"+((?:[1-9]|[12]\d|3[01]):(?:e|a))(?![\w])(?!"
    + WS
    + r"+"
    + _COUNTED_AFTER
    + r")"
)


# "Betyg: 2/5", "akutenkäten: 2/5", "8/10 på smärtskalan", "mitt betyg på samtalet: 2/5": a
# rating, not the second of May
_RATING_BEFORE = re.compile(
    r"(?:betyg|betyget|poäng|omdöme|rating|score|stjärnor|enkät|enkäten|skala|skalan)"
    r"(?:\s+(?:på|pa|för|for)\s+[\w-]+)?\W{0,3}$",
    re.IGNORECASE,
)
# its words tested once per text, not in a window per fraction (a cell of grades asked 25,000 times)
_RATING_IN_TEXT = PerText(guarded(_RATING_BEFORE).may_match)
# ("4/5 på senaste skattningen": a rating scale's latest reading, not the fourth of May)
_RATING_AFTER = re.compile(
    r"\W{0,2}(?:på\s+[\w-]*skala|på\s+(?:(?:den|senaste|sista|förra|nya|nästa)\s+)*[\w-]*(?:skattning|mätning)(?:en)?\b"
    r"|i\s+betyg|poäng|stjärn|av\s+\d)",
    re.IGNORECASE,
)
# "Gav dom 2/5.", "Totalt 3/5", "9/10 skulle rekommendera", "2/5 ⭐": a score out of five or
# ten with nothing after it but punctuation and emoji, or a word that grades it
_SCORE = re.compile(r"(?:10|[0-9])/(?:5|10)")
_SCORE_AFTER = re.compile(
    r"[^\w\n]*$|\s+(?:ungefär|typ|skulle|av|stjärn\w*|poäng|pain|smärta|i smärta|ont)\b|\s*[⭐★]", re.IGNORECASE
)
# a score as a sentence of its own before the signature's separator: "Snabbt och bra. 5/5 // Nora"
# ("Vi ses 5/5 // Nora" is a date)
_SCORE_ALONE = re.compile(r"(?:10|[0-9])/(?:5|10)[ \t]*(?://|\|)")
_SENTENCE_END = re.compile(r"(?:[.!?\n]|^)[ \t]*$")
# a build's or a version's number written as a date: "(build 20250311)", "version 20240105"
_BUILD_BEFORE = re.compile(r"(?i:\b(?:build|bygge|version|ver|v|release|firmware)\.?[ \t:#]*)$")
# "10/10 för kuratorn men 2/10 för väntetiden": two grades on one scale, each for something
_GRADED_FOR = re.compile(r"\b(?:10|[0-9])/(10|5)\s+för\s+\w+")
# a sheet of grades, each after what it grades: "Bemötande 4/5. Väntetid 2/5. Information 5/5"
# (three or more on one scale); dates in a row are not each led by a noun ("3/5, 4/5 och 5/5")
_GRADE_SHEET = re.compile(r"[^\W\d_]{4,}:?[ \t]+(?:10|[0-9])/(10|5)(?!\d|/\d)")
# "ge dom 2/5 på bemötande och 4/5 på vården": "på" and what is graded, after a verb of grading
# ("Vi ses 3/5 på mottagningen" is a date)
_GRADED_AFTER = re.compile(r"\s+på\s+[a-zåäö]{4,}")
_GRADING = re.compile(r"\b(?:ge|ger|gav|ges|gett|betyg\w*|omdöme|rating)\b", re.IGNORECASE)
_SCORE_BEFORE = re.compile(
    # a review's heading gives its score: "Recension 2/5: …" ("Recension 12/5" is dated)
    r"(?:\b(?:ge|ger|gav|ges|gett|gäve|typ|totalt|ärligt|honestly|overall|däremot|rated?|betyg\w*|recension|review)"
    r"(?:\s+(?:dom|dem|de|er|honom|henne|it|them))?|^)\W{0,3}$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"[ T]\d\d:\d\d(?::\d\d)?")
# "Mycket smidigt! 5/5. Fick …": a score as a sentence of its own after an exclamation
# ("Hej! 5/5 kl 10 passar?" goes on: a date)
_EXCLAIMED_SCORE = re.compile(r"(?<=![ \t])(?:10|[0-9])/(?:5|10)[.!]+(?:\s|$)")
# after the clock time, a member of staff by title and name or a sender's phone number: a
# journal's or a message export's line, dated about a person ("2025-02-03 07:45 Ssk Eva Ek: …")
_PERSON_AFTER_TIME = re.compile(
    r"[ \t]+(?:(?i:ssk|usk|läk|dr|spsk|bm)\.?[ \t]+[A-ZÅÄÖ][a-zåäö]|\+?\d[\d \-]{7,}\d(?!\d))"
)
# after the clock time, a call that came in from someone ("2025-01-19 23:51 Inkommande samtal från
# dotter", "… Samtal besvarat", "… Inringare uppger"): an alarm centre's or advice line's call log,
# dated about the caller and the patient
_CALL_AFTER_TIME = re.compile(
    r"[ \t]+(?i:(?:(?:inkommande|nytt|besvarat)[ \t]+)?(?:larm|112-|1177-)?samtal|inringare|inringaren|uppringare)\b"
)
# only the start of a line (or a bracket opening it) before a timestamp
_LINE_HEAD = " \t>[("


class _Text:
    """What the checks of a candidate ask of its whole text, read once per text (asked per
    candidate, a long cell of dates was quadratic): its lines, its grades per scale."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = Lines(text)
        self._first_log: dict[int, int] = {}
        self._tallies: dict[re.Pattern[str], Counter[str]] = {}

    def log_before(self, pos: int) -> bool:
        """LOG_LINE in the line before `pos`, as a search of text[line start:pos] finds it: one
        ending before `pos` exists when the line's first one does; one ending at `pos` (read
        there as the end of the text) lies in the eight characters before it."""
        start = self._lines.start(pos)
        if start not in self._first_log:
            first = LOG_LINE.search(self.text, start, self._lines.end(start))
            self._first_log[start] = first.end() if first else len(self.text) + 1
        return self._first_log[start] < pos or LOG_LINE.search(self.text, max(start, pos - 8), pos) is not None

    def heads_line(self, pos: int) -> bool:
        """Only spaces, tabs, ">", "[" or "(" between the start of the line and `pos`."""
        i = pos
        while i > 0 and self.text[i - 1] in _LINE_HEAD:
            i -= 1
        return i == 0 or self.text[i - 1] == "\n"

    def tally(self, pattern: re.Pattern[str], scale: int) -> int:
        """How many of `pattern`'s matches in the text grade on `scale` (its first group)."""
        if pattern not in self._tallies:
            self._tallies[pattern] = Counter(g.group(1) for g in pattern.finditer(self.text))
        return self._tallies[pattern][str(scale)]


def _score(ctx: _Text, m: re.Match) -> bool:
    """A grade out of five or ten: "Gav dom 2/5.", "typ 7/10 ungefär", "Ärligt, 9/10 skulle …"."""
    text = ctx.text
    found = m.group(0)
    if not _SCORE.fullmatch(found):
        return False
    mark, scale = (int(x) for x in found.split("/"))
    if mark <= scale and score_beside_nought(text, m.start(), m.end(), scale):
        return True  # "från 4/10 till 0/10": no date has a nought
    if mark > scale or _DATE_WORD_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return False
    graded = _GRADED_AFTER.match(text, m.end()) and _GRADING.search(text, max(0, m.start() - 60), m.start())
    if ctx.tally(_GRADE_SHEET, scale) >= 3 or (scale == 10 and symptom_score_before(text, m.start())):
        return True  # "Smärtan är 8/10": a symptom's strength on the pain scale
    if ctx.tally(_GRADE_SHEET, scale) >= 2 and _GRADING.search(text, max(0, m.start() - 40), m.start()):
        return True  # "Jag ger sjukvården 3/5, bemötandet 2/5": what is graded between the verb and each grade
    if _GRADED_FOR.match(text, m.start()):
        graded = graded or ctx.tally(_GRADED_FOR, scale) >= 2
    return bool(
        graded
        or _SCORE_AFTER.match(text, m.end())
        or _SCORE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        or _EXCLAIMED_SCORE.match(text, m.start())
    )


def _build_or_lone_score(text: str, m: re.Match[str]) -> bool:
    """ "(build 20250311)": a build's number; "Snabbt och bra. 5/5 // Nora": a score."""
    if m.group(0).isdigit() and _BUILD_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return True
    if _SCORE_ALONE.match(text, m.start()) and _SENTENCE_END.search(text[max(0, m.start() - 6) : m.start()]):
        return True
    return counted_fraction(text, m.start(), m.end())  # "Sid 2/3", "fick 7/10 på provet", "Bra. 4/5."


def _fraction(text: str, m: re.Match[str], seen: set[str]) -> bool:
    """ "1/2 timme", "ca 3/4" are fractions; "den 1/2", "kallelse 3/4," are dates; a fraction
    said again is the same fraction ("med 3/4 förmån … Varför 3/4 när …"). Records it in `seen`."""
    found = m.group(0)
    if found not in _FRACTIONS or _DATE_WORD_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return False
    if found in seen or (_WORD_AFTER.match(text, m.end()) and not _CONJUNCTION_AFTER.match(text, m.end())):
        seen.add(found)
        return True
    return False


def _read_once(memo: list[bool], pattern: re.Pattern[str], text: str) -> bool:
    """Whether pattern occurs in text, searched at most once per text (memo holds the answer)."""
    if not memo:
        memo.append(pattern.search(text) is not None)
    return memo[0]


def find_date(text: str) -> list[Span]:
    spans = []
    low = text.lower()
    patterns = _DATE_PATTERNS + list(_ORDINAL_DATE) if any(m in low for m in _MONTH_NAMES) else _DATE_PATTERNS
    if any(m in low for m in _EN_MONTH_NAMES):
        patterns = patterns + list(EN_DATES)
    person_log = "=" in text and PERSON_IN_LOG.search(text) is not None
    access_log: list[bool] = []  # read once, when a line's timestamp first asks
    ctx = _Text(text)
    fractions: set[str] = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            time = _TIME_AFTER.match(text, m.end())
            if (
                time
                and m.group(0)[:4].isdigit()
                and ctx.heads_line(m.start())
                and not person_log
                and not _PERSON_AFTER_TIME.match(text, time.end())
                and not _CALL_AFTER_TIME.match(text, time.end())
                and not _read_once(access_log, ACCESS_LOG, text)
            ):
                # "2025-02-03 07:45 Morgoninsats" heading a line: a log's timestamp. After a
                # label or words ("Skickat: 2026-02-03 07:58", "chatt 2026-02-22 20:11") it
                # is the date something was written, sent or done.
                continue
            if "/" in m.group(0) and ctx.log_before(m.start()):
                continue  # "retry 3/5" in a log line
            if "/" in m.group(0) and (
                (_RATING_IN_TEXT(text) and _RATING_BEFORE.search(text[max(0, m.start() - 32) : m.start()]))
                or _RATING_AFTER.match(text, m.end())
            ):
                continue
            if _score(ctx, m):
                continue
            if "/" in m.group(0) and _DOSE_AFTER.match(text, m.end()):
                continue
            if "/" in m.group(0) and dose_or_side(text, m.start(), m.end()):
                continue  # "Humalog 6/2 fördelat", "monofilament 8/10 dx"
            if "/" in m.group(0) and street_before(text, m.start()):
                continue  # "ul. Długa 5/7": a building and a flat
            # "öppet 24/7" is round the clock; "(24/7)" in brackets or "den 24/7" is a date
            if (
                _ROUND_THE_CLOCK.match(text, m.start())
                and m.end() == m.start() + 4
                and text[max(0, m.start() - 1) : m.start()] != "("
                and not _DATE_WORD_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
            ):
                continue
            mark = m.group(0).split("/")
            if len(mark) == 2 and mark[0] == mark[1] in {"5", "10"} and _EMOJI_AFTER.match(text, m.end()):
                continue
            if _fraction(text, m, fractions):
                continue
            if _build_or_lone_score(text, m):
                continue
            end = m.end()
            year = _SHORT_YEAR_AFTER.match(text, end)
            if year and not re.search(r"\d{4}|\d[-/.]\d+[-/.]\d", m.group(0)):  # no year written yet
                end = year.end()
            long_year = _LONG_YEAR_AFTER.match(text, end)
            if long_year and re.fullmatch(r"\d{1,2}/\d{1,2}", m.group(0)):
                end = long_year.end()
            weekday = WEEKDAY_BEFORE.search(text, max(0, m.start() - 14), m.start())
            spans.append(Span(weekday.start() if weekday else m.start(), end, "DATUM"))
    spans += [Span(m.start(1), m.end(1), "DATUM") for m in _BORN_YYMMDD.finditer(text)]
    spans += [
        Span(m.start(1), m.end(1), "DATUM")
        for m in (_DAY_ORDINAL.finditer(text) if ":" in text else ())
        if not _PAYDAY_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]
    spans += [Span(m.start(1), m.end(1), "DATUM") for m in _FIELD_YYMMDD.finditer(text)]
    spans += _day_month_points(text)
    return spans


def _day_month_points(text: str) -> list[Span]:
    """Day and month with a point: "den 02.02", "har tid 28.5", "ses 3.4. på mottagningen"."""
    spans = []
    for m in _DAY_MONTH_POINT.finditer(text):
        day, month = m.group(0).split(".")
        # no clock time reads the same (a day past 24, or a one-digit month: "ringde 21.05. ingen")
        timeless = int(day) > 24 or len(month) == 1
        # "har tid hos er 27.5. och": day and month each closed by a point (the Finnish and
        # German way), the sentence going on after it in lowercase, so the point ends no sentence
        closed = timeless and _POINT_THEN_LOWER.match(text, m.end())
        if closed and not (
            _BUILD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            or _CLOCK_BEFORE.search(text, max(0, m.start() - 10), m.start())
        ):
            spans.append(Span(m.start(), m.end() + 1, "DATUM"))
            continue
        # "den 02.02" only: "från 03.40 till 07.10" are times
        if re.search(r"\b(?:den|datum:?)" + WS + r"*$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
            spans.append(Span(m.start(), m.end(), "DATUM"))
            continue
        if timeless and (
            _APPOINTMENT_BEFORE.search(text, max(0, m.start() - 14), m.start()) or _CLOCK_AFTER.match(text, m.end())
        ):
            if not _MEASURE_AFTER.match(text, m.end()):
                spans.append(Span(m.start(), m.end(), "DATUM"))
    return spans + [
        Span(m.start(), m.end(), "DATUM") for m in _SHORT_ISO.finditer(text) if _CLOCK_AFTER.match(text, m.end())
    ]


# "27–30 december", "3-5 maj", "8–10 oktober 2025": a span of days in one month is one date, the
# first day with it (and the year with both: the last day's date alone would leave the first)
_DAY_RANGE = guarded(
    r"(?<![\w.:/-])(?:0?[1-9]|[12]\d|3[01])" + WS + r"*[–-]" + WS + r"*(?:0?[1-9]|[12]\d|3[01])" + WS + r"+"
    r"(?:" + MONTHS + r")(?![\w-])(?:" + WS + r"+(?:19|20)\d\d(?![\w-]))?"
)


# "(4–6/3)", "ledig 12-14/9": the same span with the month in digits, the later day before it
# (not a grade between two marks: "betyg 3–4/5")
_DAY_RANGE_DIGITS = guarded(
    r"(?<![\w.:/,-])(?P<a>0?[1-9]|[12]\d|3[01])"
    + WS
    + r"*[–-]"
    + WS
    + r"*(?P<b>0?[1-9]|[12]\d|3[01])/(?P<m>0?[1-9]|1[0-2])"
    r"(?![\w/,.-]\d|[\w/-])"
)


def find_day_ranges(text: str) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), "DATUM")
        for m in _DAY_RANGE.finditer(text)
        if not LOG_LINE.search(text)
        and not re.search(r"(?i)\bkl\.?" + WS + r"*$", text[max(0, m.start() - 5) : m.start()])
    ]
    for m in _DAY_RANGE_DIGITS.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        # "2-3/4 tablett": a fraction of a measure
        fraction = m.group("b") + "/" + m.group("m") in _FRACTIONS
        fraction = fraction and _WORD_AFTER.match(text, m.end()) and not _CONJUNCTION_AFTER.match(text, m.end())
        measured = _MEASURE_AFTER.match(text, m.end()) or _DOSE_AFTER.match(text, m.end())
        graded = _GRADING.search(before) or _RATING_BEFORE.search(before)
        # "7-8/10", "4-5/5": marks on a scale of five or ten unless a date word comes before ("den 4-5/5")
        on_scale = m.group("m") in {"5", "10"} and int(m.group("b")) <= int(m.group("m"))
        graded = graded or (on_scale and not _DATE_WORD_BEFORE.search(before[-8:]))
        if int(m.group("a")) < int(m.group("b")) and not (fraction or measured or graded):
            spans.append(Span(m.start(), m.end(), "DATUM"))
    return spans


CATEGORY = Category(
    label="DATUM",
    priority=40,
    # a month named in Arabic, Persian, Russian, Ukrainian, Polish, Turkish, Somali, Finnish, Thai
    recognisers=(find_date, find_month_first_dates, find_script_dates, find_day_ranges, find_birth_date_shapes),
    description="datum",
)
