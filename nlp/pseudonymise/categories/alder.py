"""ALDER: ages ("82-årig", "fyllde 61", "Bo-Göran (78)"), not durations or counts."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers import foreign_ages, life_ages, lists
from nlp.pseudonymise.recognisers.age_limits import age_limit_before
from nlp.pseudonymise.recognisers.chat_answers import find_chat_answers
from nlp.pseudonymise.recognisers.chronic_care import MEASURED_BEFORE
from nlp.pseudonymise.recognisers.concessive_ages import find_concessive_ages
from nlp.pseudonymise.recognisers.infant_ages import find_infant_ages
from nlp.pseudonymise.recognisers.interview_notes import find_form_ages
from nlp.pseudonymise.recognisers.patterns import (
    CAP,
    LOW,
    MONTHS,
    NOT_AGE_UNIT,
    NUMWORDS,
    SMALL_NUMWORDS,
    SPOKEN_NUMWORDS,
    SPOKEN_TENS,
    WS,
    bracketed,
)
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.report_ages import find_report_ages
from nlp.pseudonymise.recognisers.words import CHILD_WORDS, TITLES, sentence_start

_AGE_PATTERNS = [
    # "17-åring", "en 82-årig man", "tjugoåring"
    guarded(
        r"(?<![\w-])(?:\d{1,3}" + WS + r"?-?" + r"|(?:" + NUMWORDS + r")-?)[åa]rig(?:a|e|en|ar|arna)?(?!\w)",
        re.IGNORECASE,
    ),
    # the singular only: "andra 2-åringar", "tonåringarna" are an age group, no one's age
    guarded(r"(?<![\w-])(?:\d{1,3}" + WS + r"?-?|(?:" + NUMWORDS + r")-?)[åa]ring(?:en)?(?!\w)", re.IGNORECASE),
    # "82 år gammal", "tjugofem år gammal", "34 år ung"
    re.compile(
        r"(?<![\w,.])(?:\d{1,3}|" + NUMWORDS + r")" + WS + r"+[åa]r(?=" + WS + r"+(?:gammal|gamla|gammel|ung)\b)",
        re.IGNORECASE,
    ),
    # "25 bast": slang for years of age, never a duration
    guarded(r"(?<![\w,.])(?:\d{1,3}|" + NUMWORDS + r")" + WS + r"+bast(?!\w)", re.IGNORECASE),
    # "i 20-årsåldern", "i fyrtioårsåldern"
    guarded(r"(?<![\w-])(?:\d{1,3}" + WS + r"?-?|(?:" + NUMWORDS + r")-?)årsåldern(?!\w)", re.IGNORECASE),
]
# "fyllde 61", "jag är 34 år", "när jag var tjugo", "mamma, 82 år,"
_AGE_CONTEXT = re.compile(
    r"(?:\b(?:fyll(?:de|er|t|a)|jag är|jag var|hon är|han är|hon var|han var|hen är|hen var|"
    r"(?:är|ar|ä|e|var|va|blir|blev|fyller|fyllde) (?:jag|ja|hon|han|hen|du)(?: (?:också|bara|redan|nästan|snart|nu))?|"
    r"(?:jag|hon|han|hen) (?:är|var|blir|fyller|e) (?:också|bara|redan|nästan|snart|nu|ju|typ|ungefär|runt|cirka|ca|väl|nog|kanske)|"
    # "va" for "var" as transcripts write speech: "tills han va nittiett"
    r"(?:jag|ja|hon|han|hen) (?:ar|ä|e|va)|"
    r"(?:jag|hon|han|hen) har(?= \d{1,3} år)|i'm|i’m|i am|"
    # a hedge after the bare verb too: "mormor var bara 71", the subject tested below
    r"som är|när jag var|då jag var|sedan jag var|sen jag var|(?:är|ar|e|var|blir|blev)(?: (?:bara|endast|nästan|redan))?|"
    r"nu|snart|ålder(?:n)?|ålder på|"
    # a journal's abbreviation for the patient: "Pat. 94 år, bor ensam", "Pat 17 år, BMI 15,8"
    r"(?<![\w.])pat(?:\.|(?= \d{1,3} år\b))|(?<![\w.])pt\.|"
    # an estimate ("bedöms vara omkring 85"), an age reached at death ("Han fick 91 år")
    r"(?:bedöms|uppskattas|verkar|ser ut att) vara(?: (?:omkring|cirka|ca|runt|ungefär))?|(?:han|hon|hen) fick(?= \d{1,3} år)"
    r")"
    + WS
    # a comma after a number only with a space: "…03-8820, 73 år" is a list, "2,5" a decimal
    + r"+|(?<!\d),"
    + WS
    # "okänd man, ca 40 år": an estimate after the comma
    + r"*(?:(?:ca\.?|cirka|omkring|runt|ungefär)"
    + WS
    + r"+)?|(?<=\d),"
    + WS
    + r"+)"
    # spoken tens, written as said: "ja ä sjutti sex", "hon e åttitvå"
    r"(\d{1,3}|" + SPOKEN_TENS + r"(?:" + WS + r"?(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio))?"
    r"(?![\w-])|(?:ett)?hundra(?:"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r"|ett)?|"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r")"
    r"(" + WS + r"+[åa]r)?(?![\w-])",
    re.IGNORECASE,
)
# "min syrra (14)": a bare number in brackets after a kinship or role word
_KIN_PAREN = guarded(r"\b([^\W\d_]+)" + WS + r"*\(" + WS + r"*(\d{1,3})" + WS + r"*\)")
_NOT_AGE_AFTER = re.compile(WS + r"*" + NOT_AGE_UNIT)
# a baby's age: "hon är 4 månader", "han var sex veckor gammal"
_BABY_AGE = guarded(
    r"\b(?:hon|han|hen|bebis|bebisen|bäbis|bäbisen|babyn|barnet)"
    + WS
    + r"+(?:är|var|blir)"
    + WS
    + r"+((?:\d{1,2}|"
    + NUMWORDS
    + r"|"
    + SMALL_NUMWORDS
    + r"|en|ett)"
    + WS
    + r"+(?:månader|månad|veckor|vecka))(?![\w-])"
    # "hon var tre veckor på sjukhuset": a stay, not an age
    r"(?!" + WS + r"+(?:på|i|hos|till|sedan|sen|kvar|hemma|borta|till)\b)",
    re.IGNORECASE,
)
# "(41 år)", also after one describing word and a hedge: "(polsk, ca 30 år)"
_AGE_PAREN = re.compile(
    r"\((?:[a-zåäö]+," + WS + r"*)?" + WS + r"*(?:(?:ca|cirka|ungefär|runt)" + WS + r"+)?"
    r"(\d{1,3}" + WS + r"+[åa]r)" + WS + r"*(?=\))"
)
# "Aino (84 v)", "lillen (3 mån)": an age in weeks, months or Finnish years (vuotta) in brackets
# after a name, a kinship word or a baby; "(2 v)" alone is a stay
_SHORT_UNIT_PAREN = guarded(
    rf"(?<![^\W\d_])([^\W\d_]++){WS}*+\({WS}*+(\d{{1,3}}{WS}*+(?:v|mån|månader|veckor|vuotta)){WS}*+\)"
)
_BABY_WORDS = frozenset("lillen lillan bebis bebisen bäbis bäbisen babyn sonen dottern barnet".split())
# "min pappa Olof 87 blev flyttad": a kinship word, a name and a bare number before what he did
_KIN_NAME_NUMBER = re.compile(
    r"\b(?i:min|mitt|vår|hans|hennes|din)"
    + WS
    + r"+(?i:pappa|mamma|far|mor|farfar|farmor|morfar|mormor|man|fru|make|maka|sambo|son|dotter|bror|syster)"
    + WS
    + r"+["
    + CAP
    + r"][\w-]+"
    + WS
    + r"+(\d{1,3})(?="
    + WS
    + r"+(?:blev|har|hade|är|var|bor|bodde|ligger|låg|fick|kom|skrevs|ska|måste|kan|fyller|dog)\b)"
)
_ANY_DIGIT = re.compile(r"\d")
# "Mamma är född -34, alltså 90 i år": the age reached this year, said after a birth
_AGE_THIS_YEAR = re.compile(r"(?i:\b(?:alltså|dvs\.?|så))" + WS + r"+(\d{1,3})(?=" + WS + r"+i" + WS + r"+år\b)")
# "Bo-Göran (78)", "Ali, 13.": a bare number after a name or kinship word that starts a word
_AGE_AFTER_NAME = guarded(
    r"(?<![\w-])(["
    + CAP
    + r"][\w-]+|["
    + LOW
    + r"]+)"
    + WS
    + r"*(?:\("
    + WS
    + r"*(\d{1,3})"
    + WS
    + r"*\)|,"
    + WS
    + r"*(\d{1,3})(?="
    + WS
    + r"*(?:[.,;!?)]|:(?!\d)|och\b|$)))"
)
# "2 år sedan", "i 5 år till": a duration; "i dag", "i höst", "i maj" after an age are when ("101 år i dag")
_WHEN = r"(?:dag|år|vår|höst|vinter|" + MONTHS + r")\b"
_DURATION_AFTER = re.compile(
    WS + r"*(?:år)?" + WS + r"*(?:sedan|sen|till|kvar|i\b(?!" + WS + r"*" + _WHEN + r")|på\b|för\b)",
    re.IGNORECASE,
)


# "två barn 6 och 9 år", "söner på 4, 7 och 12": children's ages listed after the children
_CHILDREN_AGES = guarded(
    r"\b(?:barn|barnen|söner|sönerna|döttrar|döttrarna|pojkar|flickor|killar|tjejer|syskon|tvillingar|ungar)"
    + WS
    + r"*,?"
    + WS
    + r"+(?:(?:som är|är|var|på|i åldrarna)"
    + WS
    + r"+)?(\d{1,2}(?:"
    + WS
    + r"*,"
    + WS
    + r"*\d{1,2})*"
    + WS
    + r"+(?:och|o|&)"
    + WS
    + r"+\d{1,2})("
    + WS
    + r"+[åa]r)?(?![\w-])",
    re.IGNORECASE,
)


def _children_ages(text: str) -> list[Span]:
    out = []
    for m in _CHILDREN_AGES.finditer(text):
        if _NOT_AGE_AFTER.match(text, m.end()) or _DURATION_AFTER.match(text, m.end()):
            continue  # "barn 2 och 3 gånger", "barn 2 och 3 år sedan"
        numbers = list(re.finditer(r"\d{1,2}", m.group(1)))
        for k, n in enumerate(numbers):
            end = m.end() if k == len(numbers) - 1 and m.group(2) else m.start(1) + n.end()
            out.append(Span(m.start(1) + n.start(), end, "ALDER"))
    return out


def _age_subject(text: str, pos: int) -> bool:
    """Is there a person ("hon", "Oskar", "barnet") among the (up to three) words before `pos` in its sentence?"""
    window = text[max(0, pos - 40) : pos]
    cut = max(window.rfind(ch) for ch in ".!?\n")
    words = list(re.finditer(r"\w+", window[cut + 1 :]))[-3:]
    offset = max(0, pos - 40) + cut + 1
    for w in words:
        word = w.group(0)
        if word.lower() in {"jag", "hon", "han", "hen", "du"} | CHILD_WORDS or word.lower() in TITLES:
            return True
        if word[:1].isupper() and (not sentence_start(text, offset + w.start()) or word.lower() in lists.names()):
            return True
    return False


# "Jag har ont i bröstet … och är 62.": a second predicate of a sentence about a person
_AND_BEFORE = re.compile(r"\b(?:och|o)" + WS + r"+$", re.IGNORECASE)
_PERSON_SUBJECT = re.compile(
    r"\b(?:jag|hon|han|hen|vi|(?:min|mitt|vår|hans|hennes)" + WS + r"+(?:fru|man|make|maka|sambo|son|dotter|bror|"
    r"syster|mamma|pappa|mor|far|barn|kusin|farmor|farfar|mormor|morfar))\b",
    re.IGNORECASE,
)


def _coordinated_predicate(text: str, pos: int) -> bool:
    if not _AND_BEFORE.search(text, max(0, pos - 6), pos):
        return False
    sentence = text[max(0, pos - 200) : pos]
    sentence = sentence[max(sentence.rfind(ch) for ch in ".!?\n") + 1 :]
    return bool(_PERSON_SUBJECT.search(sentence))


# "Vi är 84 och 81", "hon e 52 o jag 49": a second age joined to one; "fyllde 30 i fängelset
# o 31 på behandlingshem": after "fyllde" even with a place after it
_SECOND_AGE = re.compile(
    r"(?:" + WS + r"+[^\W\d_]+){0,4}" + WS + r"+(?:och|o|&)" + WS + r"+(?:(?:jag|hon|han|hen|du)" + WS + r"+)?"
    r"(\d{1,3}|(?i:" + NUMWORDS + r"))(" + WS + r"+[åa]r)?(?![\w,.]\d|[\w-])"
)
_THOUGHT_END = re.compile(WS + r"*(?:[.,!?;)]|och\b|o\b|men\b|när\b|$)", re.IGNORECASE)


def _second_ages(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for sp in spans:
        m = _SECOND_AGE.match(text, sp.end)
        if (
            m is None
            or (m.group(1).isdigit() and not 1 <= int(m.group(1)) <= 120)
            or _NOT_AGE_AFTER.match(text, m.end())
        ):
            continue
        after_fyll = "fyll" in text[max(0, sp.start - 12) : sp.start].lower()
        if _THOUGHT_END.match(text, m.end()) or (after_fyll and re.match(WS + r"+(?:på|i)\b", text[m.end() :])):
            out.append(Span(m.start(1), m.end(2) if m.group(2) else m.end(1), "ALDER"))
    return out


# "Bilen (ABC 123) är 19 år gammal", "ny hörapparat, nuvarande är 6 år gammal": a thing's age (no person between)
_THING_SUBJECT = re.compile(
    r"\b(?:bilen|bil|huset|hus|lägenheten|datorn|mobilen|telefonen|spisen|kylen|kylskåpet|tvättmaskinen|(?:hör)?apparat(?:en)?|"
    r"rullstolen|rullatorn|(?:ljud)?processor(?:n)?|sängen|byggnaden|fönstren|köket|badrummet|taket|cykeln|mopeden|"
    r"båten|husvagnen|glasögonen)\b(?:(?!\b(?:jag|han|hon|hen|vi)\b)[^.!?\n]){0,30}\b(?:är|var|blir|e)" + WS + r"+$",
    re.IGNORECASE,
)


def _ages_after_names(text: str) -> list[Span]:
    """An age right after a name or a title: "Oskar 14", "Rut (84)", "syster Inger 62 år"."""
    spans = []
    for m in _AGE_AFTER_NAME.finditer(text):
        word = m.group(1)
        g = 2 if m.group(2) else 3
        infos = [lists.names().get(part) for part in word.lower().split("-")]
        title_before = re.search(r"(\w+)" + WS + r"+$", text[max(0, m.start(1) - 30) : m.start(1)])
        # "min pappa Davood Tehrani, 75": a kinship word or title, a first name, then this surname
        if title_before is not None and title_before.group(1).lower() not in TITLES:
            title_before = re.search(
                r"(\w+)" + WS + r"+[" + CAP + r"][\w-]+" + WS + r"+$", text[max(0, m.start(1) - 50) : m.start(1)]
            )
        person = (
            word.lower() in TITLES
            or (title_before is not None and title_before.group(1).lower() in TITLES and word[:1].isupper())
            or (
                word[:1].isupper()
                and (
                    not sentence_start(text, m.start(1))
                    or (infos[0] is not None and infos[0].first_sv and not infos[0].word)
                )
                # a first name that is also a word counts before an age in brackets: "Rut (84)"
                and (
                    (len(infos) > 1 and all(infos))
                    or (infos[0] is not None and (not infos[0].common or (g == 2 and infos[0].first_sv)))
                )
            )
        )
        if person and 1 <= int(m.group(g)) <= 120:
            spans.append(Span(m.start(g), m.end(g), "ALDER"))
    return spans


# Finnish and Meänkieli: "mie olen 83", "Oskari on 78 ja asuu …", "Olen 67-vuotias" (and foreign_ages.py)
_FINNISH_AGE = guarded(
    r"(?i:\b(?:olen|olin|täytän|täyttää|täytti)"
    + WS
    + r"+(\d{1,3})(?="
    + WS
    # "on"/"oli" (is/was) only before "ja"/"vuotta": "we will end on 2." is English
    + r"*(?:[.,!?;]|ja\b|vuotta\b|$))|\b(?:on|oli)"
    + WS
    + r"+(\d{1,3})(?="
    + WS
    + r"+(?:ja|vuotta)\b)|(?<![\w-])(\d{1,3})-?vuotia(?:s|an|ana|ita|aat|ille)?(?![\w-]))"
)
# "en granne på 88", "en man på 40 år": a person described by the age after "på"
_PERSON_OF_AGE = re.compile(
    r"(?i:\b(?:en|ett|min|vår|hans|hennes|sin|deras)"
    + WS
    + r"+(?:granne|man|kvinna|dam|herre|pojke|flicka|tjej|kille|änka|änkling|pensionär|patient|brukare|"
    r"kompis|vän|väninna|kollega|bror|syster|son|dotter|mamma|pappa|barn|barnbarn)"
    + WS
    + r"+på"
    + WS
    + r"+(\d{1,3}|"
    + NUMWORDS
    + r")("
    + WS
    + r"+år)?)(?![\w-])"
)
_DIGIT = re.compile(r"\d")
# "i snart tjugo år", "i över 30 år": how long, not how old
_DURATION_BEFORE = re.compile(r"(?i:\bi" + WS + r"+(?:snart|nästan|över|drygt|cirka|ca|bara|ungefär)" + WS + r"+)$")


def _finnish_and_described_ages(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _FINNISH_AGE.finditer(text) if _DIGIT.search(text) else ():
        g = next(k for k in (1, 2, 3) if m.group(k))
        if 1 <= int(m.group(g)) <= 120:
            spans.append(Span(m.start(g), m.end(g), "ALDER"))
    for m in _PERSON_OF_AGE.finditer(text) if " på " in text else ():
        end = m.end(2) if m.group(2) else m.end(1)
        if not _NOT_AGE_AFTER.match(text, end) and not (m.group(1).isdigit() and int(m.group(1)) > 120):
            spans.append(Span(m.start(1), end, "ALDER"))
    return spans


def _ages_by_unit_or_kin(text: str) -> list[Span]:
    """ "Aino (84 v)", "lillen (3 mån)", "min pappa Olof 87 blev …", "född -34, alltså 90 i år"."""
    spans = []
    if "(" in text:
        for m in _SHORT_UNIT_PAREN.finditer(text):
            word = m.group(1)
            info = lists.names().get(word.lower())
            named = word[:1].isupper() and info is not None and not info.common
            if named or word.lower() in TITLES or word.lower() in _BABY_WORDS:
                spans.append(Span(m.start(2), m.end(2), "ALDER"))
    if _ANY_DIGIT.search(text):
        spans.extend(Span(m.start(1), m.end(1), "ALDER") for m in _KIN_NAME_NUMBER.finditer(text))
    if "i år" in text:
        spans.extend(
            Span(m.start(1), m.end(1), "ALDER")
            for m in _AGE_THIS_YEAR.finditer(text)
            if 1 <= int(m.group(1)) <= 120 and re.search(r"(?i:född|föddes|fyller|blir)", text)
        )
    return spans


def find_age(text: str) -> list[Span]:
    spans = _finnish_and_described_ages(text)
    for pattern in _AGE_PATTERNS:
        spans.extend(
            Span(m.start(), m.end(), "ALDER")
            for m in pattern.finditer(text)
            if not _THING_SUBJECT.search(text, max(0, m.start() - 50), m.start())
            # "över 800 år gammal", "nästan 150 år gammal": a church or a clock, no one's age
            and not (m.group(0)[:3].isdigit() and int(m.group(0)[:3]) > 120)
        )
    for m in _AGE_CONTEXT.finditer(text):
        start = m.start(1)
        end = m.end(2) if m.group(2) else m.end(1)
        value = m.group(1)
        lead = m.group(0)[: start - m.start()]
        if lead.strip().startswith(","):
            # "Mamma, 82 år," only with "år" and a plausible age
            if not m.group(2):
                continue
        if _NOT_AGE_AFTER.match(text, end):
            continue
        if _DURATION_AFTER.match(text, end) and not lead.lower().startswith("fyll"):
            continue
        if _DURATION_BEFORE.search(text, max(0, m.start() - 20), start) or age_limit_before(text, m.start()):
            continue
        weak = lead.strip().lower()
        # the verb before the number, past a hedge ("jag var väl fjorton", "hon är nog sex") and
        # past the subject after it ("Nu är han fem")
        verbs = [w for w in weak.split() if w not in _HEDGES and w not in {"jag", "ja", "hon", "han", "hen", "du"}]
        last_lead = verbs[-1] if verbs else ""
        if (
            not value.isdigit()
            and re.fullmatch(SMALL_NUMWORDS, value.lower())
            and (last_lead not in {"är", "var", "blir", "blev", "fyller", "fyllde", "ar", "ä", "va"})
        ):
            continue
        if re.match(r"[,.]\d", text[end : end + 2]) or (weak.startswith("ålder") and re.match(r"[–-]\d", text[end:])):
            continue  # "2,5 meter": a decimal, not an age; "(ålder 75–84, …)": a score's band of ages
        # "var bara" is "var", "nu" a lead of its own; a lead with its subject ("jag är 19") needs none before
        core = weak if {"jag", "ja", "hon", "han", "hen", "du"} & set(weak.split()) else " ".join(verbs) or weak
        if core in {"är", "ar", "e", "var", "som är", "nu", "snart", "blir", "blev"}:
            # "Väntetiden var 2 år" is a duration; "Oskar är 14 och ...", "mamma är 82 år" an
            # age: these words need a person before them, and a bare number must end there.
            if not (_age_subject(text, m.start()) or _coordinated_predicate(text, m.start())):
                continue
            if not m.group(2) and (
                core not in {"är", "ar", "e", "var", "som är", "blir"}
                or not re.match(
                    WS
                    + r"*(?:[,.!?;)]|och\b|o\b|å\b|när\b|då\b|men\b|nu\b|$|i"
                    + WS
                    + r"+(?:"
                    + MONTHS
                    + r"|år|höst|vår|sommar|vinter))",
                    text[end:],
                    re.IGNORECASE,
                )
            ):
                continue
        if value.isdigit() and not (1 <= int(value) <= 120):
            continue
        if MEASURED_BEFORE.search(text, max(0, m.start() - 30), start):
            continue
        spans.append(Span(start, end, "ALDER"))
    spans.extend(Span(m.start(1), m.end(1), "ALDER") for m in _AGE_PAREN.finditer(text))
    spans.extend(
        Span(m.start(2), m.end(2), "ALDER")
        for m in _KIN_PAREN.finditer(text)
        if "(" in text and m.group(1).lower() in TITLES and int(m.group(2)) <= 120
    )
    spans.extend(Span(m.start(1), m.end(1), "ALDER") for m in _BABY_AGE.finditer(text))
    spans += _ages_by_unit_or_kin(text)
    spans += _ages_after_names(text) + life_ages.find_life_ages(text)
    spans += _children_ages(text)
    spans += _answers_and_corrections(text, spans)
    spans += _second_ages(text, spans)
    return [Span(*bracketed(text, s.start, s.end), "ALDER") for s in spans]


_HEDGES = frozenset("också bara redan nästan snart nu ju typ ungefär runt cirka ca väl nog kanske".split())
_AGE_WORD = r"(?:\d{1,3}|(?:ett)?hundra|" + NUMWORDS + r"|" + SPOKEN_NUMWORDS + r"|" + SMALL_NUMWORDS + r")(?![\w-])"
_CORRECTING = r"(?:nej|eller|alltså|förlåt|snarare|förresten|vänta)"
# an age said again or corrected right after one: "fjorton, femton kanske", "åttiosju, nej... åttioåtta",
# and after a full stop with the correcting word: "Åttiofem. Nej, åttisex."
_CORRECTION = re.compile(
    r"(?:" + WS + r"*(?:,|\.\.\.|…|-|\?+)" + WS + r"*(?:" + _CORRECTING + r"[.…,]*" + WS + r"*){0,2}"
    r"|" + WS + r"*\.(?!\d)" + WS + r"*(?:" + _CORRECTING + r"[.…,]*" + WS + r"*){1,2}"
    r"|" + WS + r"+(?:eller|nej)[.…,]*" + WS + r"*)(" + _AGE_WORD + r")",
    re.IGNORECASE,
)
# the same age said again as a sentence of its own: "Fjorton. Fjorton.", "nittio år när hon dog. Nittio!"
_SAID_AGAIN = re.compile(r"[^.!?\n]{0,60}?[.!?…]+" + WS + r"+(" + _AGE_WORD + r")" + WS + r"*[.!?…]", re.IGNORECASE)
# an interview's answer to "Hur gammal …?" opening with a number: "I: Hur gammal var du?⏎R: Tolv.";
# a transcript's question has no "?" and its turn may open with a timestamp ("[00:03:10] IP: …")
_HOW_OLD_ANSWER = guarded(
    r"hur gammal (?:var|är|blev|blir) (?:du|ni|hon|han|hen|din|er|ert|hans|hennes|deras|(?-i:[A-ZÅÄÖ]))[^\n?]*\??[ \t]*\n[ \t]*(?:\[[\d:.]+\][ \t]*)?(?:[A-ZÅÄÖ]{1,2}:[ \t]*)?(?:(?:eh|öh|hmm|ja|jo|typ|väl)[ \t,.…]+)*("
    + _AGE_WORD
    + r")",
    re.IGNORECASE,
)
# after a bare comma the second number must end the thought: "fjorton, femton kanske", not "82, 3 barn"
_ENDS_THOUGHT = re.compile(WS + r"*(?:[.?!…]|kanske|tror jag|eller|typ|$)", re.IGNORECASE)


def _answers_and_corrections(text: str, spans: list[Span]) -> list[Span]:
    out = [Span(m.start(1), m.end(1), "ALDER") for m in _HOW_OLD_ANSWER.finditer(text)]
    for sp in spans + out:
        m = _CORRECTION.match(text, sp.end)
        if m is None or _NOT_AGE_AFTER.match(text, m.end(1)):
            continue
        said_again = not re.search(_CORRECTING, m.group(0), re.IGNORECASE)
        if not said_again or _ENDS_THOUGHT.match(text, m.end(1)):
            value = m.group(1)
            if not value.isdigit() or 1 <= int(value) <= 120:
                out.append(Span(m.start(1), m.end(1), "ALDER"))
    for sp in spans + out:
        again = _SAID_AGAIN.match(text, sp.end)
        said = re.match(r"\S+", text[sp.start : sp.end])
        if again and said and again.group(1).lower() == said.group(0).lower():
            out.append(Span(again.start(1), again.end(1), "ALDER"))
    return out


CATEGORY = Category(
    label="ALDER",
    priority=110,
    recognisers=(
        *(find_age, find_infant_ages, find_form_ages, find_report_ages, find_chat_answers),
        *(foreign_ages.find_foreign_ages, find_concessive_ages),
    ),
    description="åldrar",
)
