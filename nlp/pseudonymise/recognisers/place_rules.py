"""ORT rules of the token pass: a town after its postcode, a listed place, a lowercase town
after a place preposition, a place where someone lives or moved. Each returns the number of
tokens it took (0: not a place here)."""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, MONTHS, STREET_SUFFIX, WS, says_other_number
from nlp.pseudonymise.recognisers.scan import Scan, Token
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS, COUNTRIES, DEFINITE_ENDING, PREPS_PLACE, TITLES, rare_word

# (not the end of a case number: "Änr 2016-01731 Nämndens beslut")
_AFTER_POSTCODE = re.compile(r"(?<![\d-])\d{3}" + WS + r"?\d{2}" + WS + r"+$")
# a form's labels after an empty postcode field: "Postnummer 00000 Postort …"
_FORM_LABELS = frozenset("postort ort land stad kommun län".split())
# lowercase, only where someone lives or moved: "från kundtjänst till …" is no journey
_LIVES = re.compile(
    r"(?:\bbor|bodde|flyttade|flyttat|flyttar|flytta|växte upp|uppvuxen|född)"
    + WS
    + r"+(?:i|från|till|utanför|nära)"
    + WS
    + r"+$"
)
_EN_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
# a care unit's head word ends it: "kom till Dagkirurgen" is a unit, no place
_UNIT_HEAD = re.compile(r"(?:kirurgen|kliniken|mottagningen|akuten|avdelningen|enheten|sjukhuset|lasarettet)$")
_RESIDENCE = re.compile(
    r"(?:flyttade|flyttat|flytta|flyttar|bor|bodde|bott|boende|växte upp|kommer|kom|uppvuxen|född|föddes"
    # told in an interview: "placerad i …", "en kvar i …" (a child left behind), "lägret i …",
    # "en by nära …", "han dog i …" ("dog på X" is a hospital, no town)
    r"|placerad|placerades|placerats|kvar|lägret|by|byn|dog(?=" + WS + r"+i" + WS + r")"
    # a home by the district it is in: "hjälpen med bostaden i X", "fick en lägenhet i X"
    # (not "gruppbostaden på X": a unit by its street, and "på" a street is no town)
    r"|(?<![\w-])(?:bostaden|bostad|lägenheten|lägenhet|radhuset|radhus|villan)(?=" + WS + r"+i" + WS + r"))"
    r"(?:"
    + WS
    # "han kom -93 från …": the year of a move between the verb and the place
    + r"+(?:hit|dit|hem|tillbaka|ut|kvar|nu|numera|fortfarande|-\d\d|\d{4}))?"
    + WS
    + r"+(?:i|från|till|på|utanför|nära)"
    + WS
    + r"+$"
    r"|(?:från|mellan)" + WS + r"+[" + CAP + r"][\w-]+" + WS + r"+(?:till|och)" + WS + r"+$"
    # a street and its number, then the district or town: "Kvarnvägen 12 i Sörby"
    r"|(?:" + STREET_SUFFIX + r")" + WS + r"+\d{1,4}[A-Za-z]?" + WS + r"+i" + WS + r"+$"
    # English in mail from relatives abroad: "arrived from Kharkiv", "lives in Oslo"
    # "He lives alone in Boden", "I live in Cork", "we are in Amman until …"
    r"|(?:arrived|came|moved|live|lives|living|lived|born|we are|i am|i'm|staying|stays|works|working)"
    r"(?:" + WS + r"+(?:alone|now|still|currently|back|here|there))?" + WS + r"+(?:from|in|to)" + WS + r"+$"
    # "I work at Ericsson in Kista": the firm's place after it
    r"|\b(?:work|works|worked|working)"
    + WS
    + r"+(?:at|for)"
    + WS
    + r"+["
    + CAP
    + r"][\w&-]+"
    + WS
    + r"+in"
    + WS
    + r"+$"
    # a form's place field: "Ort och datum: Västerås 2026-02-14", "Hemort: …"
    r"|\bort(?:" + WS + r"+och" + WS + r"+datum)?" + WS + r"*:" + WS + r"*$",
    re.IGNORECASE,
)
# where someone works or is staying, "jobbar i Oslo", "jag var i Mogadishu då", "hemma i …":
# weaker than where someone lives ("jag är i Teams"), so only a word English seldom uses
_STAY = re.compile(
    r"(?:jobbar|jobbade|arbetar|arbetade|vistas|befinner mig|hemma|(?:jag|hon|han|hen|vi|de|dom)"
    + WS
    + r"+(?:är|var))(?:"
    + WS
    + r"+(?:kvar|nu|just nu|fortfarande))?"
    + WS
    + r"+i"
    + WS
    + r"+$",
    re.IGNORECASE,
)
# where a person is from, perhaps after what they are: "hon är från …", "han var finlandssvensk, från …"
_ORIGIN = re.compile(
    r"\b(?:jag|hon|han|hen|vi|de|dom|ni|du)"
    + WS
    # what they are may stand between, an origin ("finlandssvensk", "norrländska"), not a trade
    + r"+(?:är|var|e|va)(?:"
    + WS
    + r"+(?:ju|nog|också|[a-zåäö]+(?:sk|ska|ländare|ländsk)),?){0,2}"
    + WS
    + r"+från"
    + WS
    + r"+$",
    re.IGNORECASE,
)
_LIVES_BARE = re.compile(r"\b(?:bor|bodde|född)" + WS + r"+$", re.IGNORECASE)
# "från Tuzla i Bosnien", "född i Oulu, Finland": a place the speaker places in its country
_IN_COUNTRY = re.compile(r"(?:," + WS + r"*|" + WS + r"+i" + WS + r"+)([" + CAP + r"][\w-]+)")
# "byta från Xmed till Ymed": a switch between two things (medicines, plans, devices), no journey;
# a listed town there is still read as one ("byta från Umeå till Luleå" as a workplace); the noun
# too: "önskar byte från X till Y", "övergången från X till Y"
_SWITCH = re.compile(
    r"(?i:\b(?:by(?:ta|tte|tt|ter|ts|te|tet)|övergång(?:en)?|ändr(?:a|ade|at|as)|sätta om|satte om|ställa om|ställde om|"
    r"gå över|gick över|gått över))(?:" + WS + r"+\w+){0,2}" + WS + r"+från" + WS + r"+"
    r"(?:[" + CAP + r"][\w-]+" + WS + r"+till" + WS + r"+)?$"
)
# "Resan gick från Skärholmen till Karolinska": the start of a journey with its end after it
_JOURNEY_FROM = re.compile(r"(?:\b[Ff]rån)" + WS + r"+$")
_JOURNEY_TO = re.compile(WS + r"+till" + WS + r"+[" + CAP + r"]")


def town_after_postcode(s: Scan, t: Token) -> int:
    """ "961 23 Boden", "574 31 vetlanda": the town after its postcode."""
    listed = t.word in s.places if t.cap else t.word.islower() and t.word.capitalize() in s.places
    # "702 15  ÖREBRO": an envelope's town in capitals, however many spaces after the postcode
    listed = listed or (t.word.isupper() and len(t.word) > 2 and t.word.capitalize() in s.places)
    # a postcode names its town: "127 32 Skärholmen" is a place even when no list has it
    unlisted = (
        t.cap
        and not t.word.isupper()
        and t.word.lower() not in SWEDISH_STOP_WORDS
        and t.word.lower() not in _FORM_LABELS
        and t.word not in COUNTRIES
    )
    code = _AFTER_POSTCODE.search(s.text[max(0, t.start - 10) : t.start])
    if (listed or unlisted) and code:
        if not listed and says_other_number(s.text, max(0, t.start - 10) + code.start()):
            return 0  # "Kvitto nr 55123 Kassa 2": a receipt's number, then the till
        s.add(t.start, t.end, "ORT")
        return 1
    return 0


def _place_at(s: Scan, t: Token) -> str | None:
    """The longest listed place starting at this token ("Upplands Väsby"), if one does."""
    for place in s.first_words[t.word]:
        if s.text.startswith(place, t.start) and not s.text[t.start + len(place) : t.start + len(place) + 1].isalnum():
            return place
    return None


def listed_place(s: Scan, t: Token) -> int:
    """A listed place after a place preposition, or one that is neither a word nor a name."""
    if not (t.cap and t.word in s.first_words and not t.word.isupper()):
        return 0
    if t.nxt in {"gård", "socken"} and t.tight_next:
        return 0  # "på Solberga gård": the farm with its word, as rural_place reads it
    if t.word in _POSITION_WORDS and t.tight_next and _STREET_WORD.fullmatch(t.nxt):
        return 0  # "till Stora torget", "på Norra vägen": a square or a street, not the town Stora
    matched = _place_at(s, t)
    if not matched:
        return 0
    ambiguous_word = s.places[matched]
    # "Åsa Börjesson", "tack till Åsa": a person who shares a town's name; "lycka till Åsa!": a
    # wish said to someone by a first name (the "till" goes nowhere)
    info = lists.names().get(t.word.lower())
    is_name = info is not None
    person_like = info is not None and (
        t.nxt[:1].isupper()
        and t.tight_next
        or t.prev == "till"
        and (t.prev2 == "tack" or t.prev2 == "lycka" and (info.first_sv or info.first_other))
    )
    if person_like or t.prev in TITLES:
        return 0
    # "Aune Kuttainen": a listed place right after a first name is the surname (Tornedal and
    # Sami surnames are often villages), unless it is a name too and the rules above decide
    prev_info = lists.names().get(t.prev) if t.i > 0 and t.adjacent_prev else None
    if (
        not is_name
        and prev_info is not None
        and (prev_info.first_sv or prev_info.first_other)
        and not prev_info.word
        and s.toks[t.i - 1][2][:1].isupper()
        and not _slash_pair(s, t, matched)
    ):
        return 0
    unambiguous = not ambiguous_word and not is_name
    # "hemtjänst Kvarnbyn (Mölndal)": a town alone in brackets (a bracket opens a "sentence" for at_start)
    in_brackets = (
        s.text[t.start - 1 : t.start] == "(" and s.text[t.start + len(matched) : t.start + len(matched) + 1] == ")"
    )
    if not (
        t.prev in PREPS_PLACE
        and t.adjacent_prev
        or _slash_pair(s, t, matched)
        or (unambiguous and (not t.at_start or in_brackets))
        or _letter_place(s, t, matched, ambiguous_word)
        or (unambiguous and t.nxt.lower() in {"kommun", "län", "stad"})
        or _signature_town(s, t, matched)
    ):
        return 0
    end = t.start + len(matched)
    s.add(t.start, end, "ORT")
    k = t.i  # a place of several words takes all its tokens
    while k < len(s.toks) and s.toks[k][0] < end:
        k += 1
    return k - t.i


# a signature's town after the full name, ending the text or its line: "Margit Berg, Lund"
_FULL_NAME_COMMA = re.compile(r"[" + CAP + r"][\w-]+[ \t]+[" + CAP + r"][\w-]+,[ \t]*$")
_LINE_ENDS = re.compile(r"[ \t.!]*(?:\n|$)")


def _signature_town(s: Scan, t: Token, matched: str) -> bool:
    return bool(
        _FULL_NAME_COMMA.search(s.text, max(0, t.start - 60), t.start)
        and _LINE_ENDS.match(s.text, t.start + len(matched))
    )


# a bilingual place name: "Vualtjere/Vilhelmina", "Övertorneå / Matarenki", "Romsa/Tromsø"
_SLASH_BEFORE = re.compile(r"([" + CAP + r"][\w-]+)[ \t]?/[ \t]?$")
_SLASH_AFTER = re.compile(r"[ \t]?/[ \t]?([" + CAP + r"][\w-]+)")


def _slash_pair(s: Scan, t: Token, matched: str) -> bool:
    """A listed place written beside its other language's name with a slash: the other side
    is a listed place too, so a town that is also a first name ("Vilhelmina") is the town."""
    before = _SLASH_BEFORE.search(s.text, max(0, t.start - 40), t.start)
    after = _SLASH_AFTER.match(s.text, t.start + len(matched))
    # the side before may be a place no list has, found where someone lives ("bor i Dearna/Dorotea")
    found_before = before is not None and any(
        sp.label == "ORT" and sp.start == before.start(1) and sp.end == before.end(1) for sp in s.spans
    )
    return found_before or any(m is not None and m.group(1) in s.places for m in (before, after))


# a letter's dateline: "Kungälv 2025-01-28", "Östersund 12 mars 2025", "Lerum den 3/4"
_DATE_AFTER = re.compile(
    WS + r"+(?:den" + WS + r"+)?(?:\d{4}-\d\d-\d\d|\d{1,2}(?:/\d{1,2}|" + WS + r"+(?:" + MONTHS + r")))"
)
# a signature's place after the name: "/ Malin Ek, Kalmar" (the line ends there)
_SIGNATURE_BEFORE = re.compile(r"[" + CAP + r"][\w-]+," + WS + r"+$")


def _letter_place(s: Scan, t: Token, matched: str, ambiguous_word: bool) -> bool:
    """A listed place, even one that is also a first name, where a letter puts its place: at the
    start of a line before the date, or after the signature's name at the end of a line."""
    if ambiguous_word:
        return False
    end = t.start + len(matched)
    line_start = t.start == 0 or s.text[t.start - 1] == "\n"
    if line_start and _DATE_AFTER.match(s.text, end):
        return True
    line_end = end == len(s.text) or s.text[end] in "\n"
    return line_end and bool(_SIGNATURE_BEFORE.search(s.text, max(0, t.start - 40), t.start))


def lowercase_town(s: Scan, t: Token) -> int:
    """ "jag bor i karlstad": a town that is no ordinary word, lowercase after a place preposition."""
    # "i hela hässleholm": "hela" between the preposition and the town
    after_prep = t.prev in PREPS_PLACE or (t.prev == "hela" and t.prev2 in PREPS_PLACE)
    if (
        not t.cap
        and t.adjacent_prev
        and after_prep
        and len(t.word) > 2
        and s.places.get(t.word.capitalize()) is False
        and (t.word not in lists.names() or _lives_before(s, t))
    ):
        s.add(t.start, t.end, "ORT")
        return 1
    return 0


_LIVING_VERBS = frozenset("bor bodde flyttade flytta flyttat född fodd uppvuxen växte vaxte".split())


def _lives_before(s: Scan, t: Token) -> bool:
    """ "bor långt bort i vilhelmina": where someone lives is a town even when it is also a first
    name ("kär i adam" is a person: no verb of living before)."""
    return t.prev == "i" and any(s.toks[k][2].lower() in _LIVING_VERBS for k in range(max(0, t.i - 5), t.i - 1))


def _in_country(text: str, end: int) -> bool:
    m = _IN_COUNTRY.match(text, end)
    return bool(m) and m.group(1) in COUNTRIES


# a web form's place field heading its line: "Ort: Ljungby", "Postort: …": the value is a
# place whatever lists say (after the colon it opens a "sentence", which the rules below skip);
# also the last field of a line of several set apart by spaces or bars ("Kön: man   Ort: …")
# (and the municipality one lives in: "Hemkommun: …", "Folkbokföringskommun: …")
_PLACE_FIELD = re.compile(
    r"(?:^|\n|[ \t]{3}|\t|\|)[ \t>]*(?:(?:post|hem|bostads)?ort|(?:hem|bostads|folkbokförings)kommun)[ \t]*:[ \t]*\Z",
    re.IGNORECASE,
)
# the whole value, a place of up to three words alone on its line: "Ort: Upplands Väsby"
_FIELD_VALUE = re.compile(r"[" + CAP + r"][\w-]+(?:[ \t]+[" + CAP + r"][\w-]+){0,2}(?=[ \t]*(?:\n|\Z))")


_STREET_WORD = re.compile(r"(?:gatan|gata|vägen|väg|gränd|gränden|stigen|allén|promenaden|esplanaden|kajen|torget)$")
_POSITION_WORDS = frozenset("Norra Södra Östra Västra Stora Lilla Övre Nedre Gamla Nya".split())


# Every context pattern of place_of_residence ends in one of these words and a space, or in a
# colon ("Ort: …"): a token after anything else skips their searches (a cell of 100,000
# characters of capitalised words otherwise runs seven windowed searches per word)
_CONTEXT_LAST_WORDS = PREPS_PLACE | frozenset("på och from in to bor bodde född".split())
_WS_CHARS = " \t\u00a0"


def _context_possible(text: str, start: int) -> tuple[bool, bool]:
    """(a colon, a context word) just before `start`, past the spaces: whether the place field
    and the residence patterns can match at all."""
    j = start
    while j > 0 and text[j - 1] in _WS_CHARS:
        j -= 1
    if j > 0 and text[j - 1] == ":":
        return True, True
    if j == start:
        return False, False
    k = j
    while k > 0 and j - k < 8 and text[k - 1].isalnum():
        k -= 1
    return False, text[k:j].lower() in _CONTEXT_LAST_WORDS


def place_of_residence(s: Scan, t: Token) -> int:
    """ "flyttade från Kronoparken", "bor i Skåre", "bor i karesuando": a place even when no list has it."""
    colon, context = _context_possible(s.text, t.start)
    if colon and t.cap and t.word not in COUNTRIES and _PLACE_FIELD.search(s.text, max(0, t.start - 26), t.start):
        value = _FIELD_VALUE.match(s.text, t.start)
        if value:
            s.add(t.start, value.end(), "ORT")
            k = t.i
            while k < len(s.toks) and s.toks[k][0] < value.end():
                k += 1
            return k - t.i
    if (
        (t.cap and not t.at_start or not t.cap and t.prev in PREPS_PLACE)
        and t.adjacent_prev
        and t.word not in lists.names()
        and t.word not in COUNTRIES
        and t.word not in CARE_ACRONYMS  # "kom till BB": a unit
        # "kom till DBT", "gick till KBT": a short acronym no list has as a town is a unit,
        # a programme or a body ("till KIRUNA" in capitals is listed)
        and not (t.word.isupper() and len(t.word) <= 4 and t.word.capitalize() not in s.places)
        and t.word.lower() not in _EN_CALENDAR  # "moved to Thursday 20 February"
        and not (t.word not in s.places and _SWITCH.search(s.text, max(0, t.start - 60), t.start))
        and context
        and not _UNIT_HEAD.search(t.word)
        and (
            (_RESIDENCE if t.cap else _LIVES).search(s.text, max(0, t.start - 30), t.start)
            or (t.cap and _ORIGIN.search(s.text, max(0, t.start - 50), t.start))
            or (
                t.cap  # "han bor Gottsunda": a learner's Swedish leaves the preposition out
                and _LIVES_BARE.search(s.text, max(0, t.start - 12), t.start)
                and zipf_frequency(t.word.lower(), "sv") < 3.5
                and s.text[t.end : t.end + 1] in {"", ".", ",", "!", "\n"}  # "där bor Abdi och …": a person
            )
            or (t.cap and t.prev in PREPS_PLACE and t.adjacent_prev and _in_country(s.text, t.end))
            or (
                t.cap
                and _STAY.search(s.text, max(0, t.start - 30), t.start)
                and zipf_frequency(t.word.lower(), "en") < 3.6
            )
            or (
                t.cap
                and not (t.word.endswith("s") and t.nxt[:1].isupper())  # "från Slussens Trafikskola": a firm
                and _JOURNEY_FROM.search(s.text, max(0, t.start - 6), t.start)
                and _JOURNEY_TO.match(s.text, t.end)
                and lists.names().get(t.word.lower()) is None
            )
        )
        # lowercase (speech-to-text: "jag bor i karesuando") only a word no language explains
        # ("gruppbostaden": a compound noun in its definite form is no town; "xxxr.se" a domain)
        and (
            t.cap
            or (
                rare_word(t.word) and not DEFINITE_ENDING.search(t.word) and s.text[t.end : t.end + 1] not in {".", "@"}
            )
        )
    ):
        end, taken = t.end, 1
        nxt = t.nxt.lower()
        if t.word in _POSITION_WORDS and t.tight_next and t.nxt.islower() and nxt not in SWEDISH_STOP_WORDS:
            s.add(t.start, s.toks[t.i + 1][1], "ORT")  # "på Västra hamnen": the district's two words
            return 2
        if (
            t.cap
            and not t.word.endswith("s")  # "Slussens Trafikskola": a genitive before a firm's word
            and t.tight_next
            and t.nxt[:1].isupper()
            and t.nxt not in COUNTRIES
            and nxt not in SWEDISH_STOP_WORDS
            and zipf_frequency(nxt, "sv") < 3.5
            and zipf_frequency(nxt, "en") < 3.6
        ):
            # "hemma i Udon Thani": a two-word place no list has
            end, taken = s.toks[t.i + 1][1], 2
        s.add(t.start, end, "ORT")
        return taken
    return 0


# Finnish and Meänkieli "live in" with the place in its inessive or adessive case:
# "Asun Kiirunassa", "asuu Kangosissa", "asumme Pajalassa", "asui Torniossa"
_FINNISH_LIVES = re.compile(r"(?i:\b(?:asun|asut|asuu|asumme|asutte|asuvat|asui|asuin|asunut|asuneet))" + WS + r"+$")
_FINNISH_LOCATIVE = re.compile(r"(?:ssa|ssä|lla|llä)$")


def finnish_locative(s: Scan, t: Token) -> int:
    """ "Asun Kiirunassa": the whole inflected word is the place (as the set's annotators mark it)."""
    if (
        t.cap
        and _FINNISH_LOCATIVE.search(t.word)
        and len(t.word) > 5
        and _FINNISH_LIVES.search(s.text, max(0, t.start - 12), t.start)
    ):
        s.add(t.start, t.end, "ORT")
        return 1
    return 0


# The big towns' everyday abbreviations, in chat and sms ("gbg är sån kaos", "flyttar till sthlm")
TOWN_ABBREVIATIONS = frozenset("gbg sthlm sthml hbg jkpg lkpg nkpg".split())


def town_abbreviation(s: Scan, t: Token) -> int:
    """ "gbg", "Sthlm", "JKPG": a town by its abbreviation."""
    if t.word.lower() in TOWN_ABBREVIATIONS:
        s.add(t.start, t.end, "ORT")
        return 1
    return 0
