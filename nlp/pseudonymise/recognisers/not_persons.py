"""Names that point at no person one could identify, taken back after the PERSON rules: a pet
("katten Sigge", "en jämthund som heter Pelle", "Korna hette Rosa, …") and what is said of it
again ("Sigge är 14 år"), a king by his regnal number ("Karl XII", "Gustaf VI Adolf"), an author
or artist by their works ("Elsa Beskows böcker", "Lasse Dahlquists visor"), a book's hero read with
his home ("läste Emil i Lönneberga"), public figures listed as favourites ("Favoritförfattare: …"),
a cartoon animal ("Kalle Anka"), a medicine's brand (medicine_names.py), a scale among other
scores ("MNA 21 poäng, Norton 14, MMSE 18/30", "Norton/MNA") and a lot number ("Lot T5K29"), and
a feast or a greeting (feasts_and_greetings.py), a mail header's label without å ("Fran:"), an
eponym in a list of syndromes, and English "My" opening a sentence (english_possessives.py).

Life stories in elderly care are full of these; a person's name elsewhere in the same text
stays a name (a pet's name in quotes or brackets is someone's nickname: "Per ("Pelle")").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS, neighbour_stop_words, swedish_lemma_table
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.body_part_names import body_part_names
from nlp.pseudonymise.recognisers.contact_labels import contact_labels
from nlp.pseudonymise.recognisers.english_possessives import english_possessives
from nlp.pseudonymise.recognisers.feasts_and_greetings import feast_and_greeting_words
from nlp.pseudonymise.recognisers.foreign_closings import foreign_closings
from nlp.pseudonymise.recognisers.glossed_words import glossed_words
from nlp.pseudonymise.recognisers.mail_headers import header_labels
from nlp.pseudonymise.recognisers.medicine_names import medicine_names
from nlp.pseudonymise.recognisers.mixed_case_abbreviations import mixed_case_abbreviations
from nlp.pseudonymise.recognisers.patterns import ROLE_COMPOUND
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.role_signatures import role_signatures
from nlp.pseudonymise.recognisers.software_names import software_or_service_names
from nlp.pseudonymise.recognisers.venues_and_cars import venue_or_car_names
from nlp.pseudonymise.recognisers.words import CARE_ACRONYMS, plain_word, swedish_form

# a pet or farm animal before its name, perhaps "som heter", and the names listed before this
# one: "katten Sigge", "min katt Agnes", "en hund, Sigge,", "Korna hette Rosa, Stjärna och …"
_ANIMALS = (
    r"\w*hund(?:en)?|katt|katten|huskatt(?:en)?|kattunge(?:n)?|\w*häst(?:en)?|kon|korna|kor|"
    r"tjur(?:en)?|gris(?:en)?|geten|undulat(?:en)?|papegoja(?:n)?|kanariefågel(?:n)?|fågel(?:n)?|"
    r"kanin(?:en)?|marsvin(?:et)?|hamster(?:n)?|tax(?:en)?|schäfer(?:n)?|labrador(?:en)?|pudel(?:n)?|"
    r"terrier(?:n)?|spaniel(?:n)?|valp(?:en)?|sto(?:et)?|hingst(?:en)?|husdjur(?:et)?|djuret|fåret|"
    r"fåren|lamm(?:et)?|kalv(?:en)?|kviga(?:n)?|oxe(?:n)?|höna(?:n)?|hönan|tupp(?:en)?|get(?:ter|terna)"
)
_ANIMAL_BEFORE = guarded(
    r"(?i:\b(?:" + _ANIMALS + r"))"
    r"(?:(?:[ \t]*,?[ \t]+(?:som[ \t]+)?(?:heter|hette|hetat|kallas|kallades|kallad|vid[ \t]+namn))"
    r"[ \t]+(?:[^\W\d_][\w-]*(?:[ \t]*,[ \t]*|[ \t]+och[ \t]+))*|[ \t]*[,:]?[ \t]*)$"
)
# one rides a horse, not a person: "får rida på Stjärna", "red på Sigge i lördags"
_RIDDEN = guarded(r"(?i:\b(?:rida|rider|red|ridit)[ \t]+på[ \t]+)$")
# the animal, a few words, then its name in a clause of its own: "ta med hunden nästa gång, han
# heter Sixten" (a pronoun right after the comma, so "med hunden, Lisa heter …" stays a person)
_ANIMAL_THEN_NAMED = re.compile(
    r"(?i:\b(?:"
    + _ANIMALS
    + r"))(?:[ \t]+[^\W\d_]+){0,4}[ \t]*,[ \t]*(?i:han|hon|hen|den)[ \t]+(?i:heter|hette)[ \t]+$"
)
# reindeer, only with a naming verb ("en tam vaja som heter X"; "ren" is also "clean"):
# herders name their tame reindeer and draught oxen
_REINDEER_BEFORE = guarded(
    r"(?i:\b(?:ren|renen|renar|vaja|vajan|vajor|sarv|sarven|härk|härken|renko|renkon|rajd(?:ren|oxe))"
    r"[ \t]*,?[ \t]+(?:som[ \t]+)?(?:heter|hette|hetat|kallas|kallades|vid[ \t]+namn)[ \t]+)$"
)
# the pet named before what it is: "Sixten, det var katten", "Doris var vår hund", "Bamse är en
# tax", "Frid heter min katt"
# and its kind in brackets after it: "Leia (kattungen)", "Zorro (vår hund)"
_ANIMAL_AFTER = re.compile(
    r"(?i:[ \t]*,?[ \t]+(?:det[ \t]+)?(?:var|är|heter|hette)[ \t]+(?:ju[ \t]+)?(?:(?:en|ett|vår|min|hans|hennes|deras)[ \t]+)?"
    r"(?:" + _ANIMALS + r")(?![\w-])"
    r"|[ \t]*\([ \t]*(?:(?:vår|min|hans|hennes|deras)[ \t]+)?(?:" + _ANIMALS + r")[ \t]*\))"
)
# "Sigge är 14 år": an age said of the pet right after its name
_AGE_OF = re.compile(r"[ \t]+(?:är|blir|fyller|var)[ \t]+(?:nästan[ \t]+|snart[ \t]+|bara[ \t]+)?$")
# a regnal number: only numerals that are no initial ("Karin S", "Gustaf V" stay ambiguous)
_REGNAL = re.compile(r"[ \t]+(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\b")
_REGNAL_BEFORE = re.compile(r"\b(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)[ \t]+$")
# "Elsa Beskows böcker", "Lasse Dahlquists visor": a full name's works
_WORKS_AFTER = re.compile(
    r"(?i:[ \t]+(?:böcker|bok|visor|visa|vals|sånger|sång|låtar|låt|dikter|dikt|romaner|roman|filmer|"
    r"film|musik|skivor|skiva|pjäser|pjäs|tavlor|målningar|sagor|saga|berättelser|psalmer)\b)"
)
# "läste Emil i Lönneberga", "läser om Nils i Skogen": a book's hero, named with his place, read
_READ_BEFORE = re.compile(r"(?i:\b(?:läste|läser|läst|högläste|högläser)(?:[ \t]+(?:om|ur))?[ \t]+)$")
_HOME_AFTER = re.compile(r"[ \t]+i[ \t]+[A-ZÅÄÖ][a-zåäö]+")
# "filmen om Alfons och Milla", "boken om Totte": a story's characters by one name each
_WORK_ABOUT = re.compile(
    r"(?i:\b(?:filmen|filmerna|boken|böckerna|sagan|sagorna|serien|tv-serien|tecknade|programmet|pjäsen|visan)"
    r"[ \t]+om[ \t]+)$"
)
# "ett nytt Liv", "ett helt nytt Liv": the neuter article and a describing word in -t make the
# word a noun (a person is "en": "en trevlig Björn" is someone; "ett samtal med Max" no description)
_ARTICLE_ADJECTIVE = re.compile(r"\b(?:ett|Ett)(?P<words>(?:[ \t]+[a-zåäö]{2,}){0,1}[ \t]+[a-zåäö]{2,}t)[ \t]+$")
# "Favoritförfattare: Selma Lagerlöf och …", "favoritsångare är …": to the sentence's end
_FAVOURITES = re.compile(
    r"(?i:\bfavorit(?:författare|författaren|sångare|sångerska|artist|artister|skådespelare|musiker|"
    r"kompositör|poet|programledare|band|författarna|sångarna)(?:[ \t]+(?:är|var))?[ \t]*:?[ \t]*)"
)
# a cartoon animal with a first name: "Kalle Anka", "Musse Pigg"
_CARTOON_ANIMALS = frozenset("anka ankan pigg mus musen räv räven gris grisen kanin igelkott groda uggla".split())
# a scale named after a person, among other scores: "MNA 21 poäng, Norton 14, MMSE 18/30",
# "enligt Norton/MNA"; and a lot number ("Lot T5K29", "Lot: 31C2290", "Lot på kassett 24-0811")
_SCALE_PARTNER = re.compile(r"(?:^|[\s,(])[A-ZÅÄÖ]{3,}(?:[ \t]+\d|/)")
_SLASH_ACRONYM = re.compile(r"/[A-ZÅÄÖ]{2,}\b")
_ACRONYM_SLASH = re.compile(r"\b[A-ZÅÄÖ]{2,}/$")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,2}(?:/\d{1,2})?(?:[ \t]*poäng)?[ \t]*[,.;)]")
_LOT = re.compile(r"(?:[ \t]+(?:på|nr|nummer)[^\n\d]{0,25}|:?[ \t]+)[A-Z]{0,3}\d[\w-]*")
_QUOTED = re.compile(r"""["'”“(«»]""")


def _surname(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and info.last


def _favourite_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _FAVOURITES.finditer(text):
        end = re.search(r"[.!?\n]", text[m.end() :])
        out.append((m.end(), m.end() + end.start() if end else len(text)))
    return out


# Meänkieli's personal pronouns (Finnish minä/sinä in the Tornedal and dialect forms), which
# the Finnish stop word list lacks: "Mie olen Eino", "Sie olet …"
_MEANKIELI_PRONOUNS = frozenset("mie sie hään met tet het minun sinun".split())
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _foreign_words() -> frozenset[str]:
    """The neighbours' stop words that are no Swedish word either ("by", "land", "tid", "år"
    are): a Swedish text never has two of them by chance."""
    from wordfreq import zipf_frequency

    return frozenset(
        w
        for w in neighbour_stop_words() | _MEANKIELI_PRONOUNS
        if len(w) >= 2 and not plain_word(w) and not swedish_form(w) and zipf_frequency(w, "sv") < 3.5
    )


def _neighbour_words(text: str, spans: list[Span]) -> set[Span]:
    """In a text with sentences in Finnish, Meänkieli, Norwegian or Danish (two or more of their
    stop words that Swedish does not have), a "name" made only of such words is a word: "Mie
    olen …", "Hun heter …", "Ei se ole hyvä" (not Eino in "Mie olen Eino")."""
    foreign = _foreign_words()
    # not counting the names found: "Nok Srisuk … Nok lyfte" is a name said twice, not Norwegian
    names = [(s.start, s.end) for s in spans if s.label == "PERSON"]
    hits = [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in foreign]
    outside = sum(not any(a <= h < b for a, b in names) for h in hits)
    if not hits:
        return set()
    out = set()
    for s in spans:
        words = _WORD.findall(text[s.start : s.end]) if s.label == "PERSON" else []
        if not words:
            continue
        # a Meänkieli pronoun needs one more word of theirs: "Mie olen 91."
        needed = 1 if all(w.lower() in _MEANKIELI_PRONOUNS for w in words) else 2
        if outside >= needed and all(w.lower() in foreign for w in words):
            out.add(s)
        # lowercase, a stop word of theirs in it is enough: "Ei se ole kunnossa" ("ole" is also Ole)
        elif text[s.start : s.end].islower() and any(w in foreign or w in neighbour_stop_words() for w in words):
            out.add(s)
    return out


# Norwegian and Danish "I" opening what it says: "Jeg heter …", "Jeg har ventet" (one such
# sentence is enough: the pronoun is no name whatever else the text is written in)
_NEIGHBOUR_I = re.compile(
    r"[ \t]+(?:heter|hedder|er|har|bor|kommer|var|vil|ble|blev|fikk|fik|ringte|skriver|venter|ventet)\b"
)
# what is played, "spela Uno och Fia", and what a prescription is for, "recept på Brilique":
# a game and a drug may bear a name, and point at no one
_PLAYED_OR_PRESCRIBED = re.compile(
    r"(?i:\bspela[rdt]?|\bspelade|\brecept(?:et)?[ \t]+på|\breceptet[ \t]+för|\bförskrev|\bförskrivit)"
    r"[ \t]+(?:(?:[^\W\d_][\w-]*)(?:[ \t]*,[ \t]*|[ \t]+och[ \t]+))*$"
)


_START = attrgetter("start")


def _animal_guards(text: str) -> tuple[bool, bool, bool]:
    """Whether the text holds a word each look-back below needs: tested once per text, not once
    per name (a guard reads the whole text; a cell of 16,000 names read it 16,000 times)."""
    return _ANIMAL_BEFORE.may_match(text), _REINDEER_BEFORE.may_match(text), _RIDDEN.may_match(text)


def _animal_before(text: str, start: int, guards: tuple[bool, bool, bool] = (True, True, True)) -> re.Match[str] | None:
    """The animal (and its naming verb) right before a name, however it is said; `guards` from
    `_animal_guards(text)` skip the look-backs whose words the text lacks."""
    animal, reindeer, ridden = guards
    return (
        (animal and _ANIMAL_BEFORE.unguarded.search(text, max(0, start - 80), start))
        or (reindeer and _REINDEER_BEFORE.unguarded.search(text, max(0, start - 40), start))
        or (ridden and _RIDDEN.unguarded.search(text, max(0, start - 12), start))
        # (only after "heter"/"hette": the search back over 80 characters is run for every name)
        or ("het" in text[max(0, start - 7) : start] and _ANIMAL_THEN_NAMED.search(text, max(0, start - 80), start))
        or None
    )


def _book_heroes(text: str, spans: list[Span]) -> set[Span]:
    """A one-word name read with his home after it: a book's hero, not a person; one-word names
    a film or a book is about, and one listed right after such a name ("om Alfons och Milla")."""
    out: set[Span] = set()
    if "äs" in text:  # speed: "läste", "Läser"
        out = {
            s
            for s in spans
            if s.label == "PERSON"
            and " " not in text[s.start : s.end]
            and _HOME_AFTER.match(text, s.end)
            and _READ_BEFORE.search(text, max(0, s.start - 20), s.start)
        }
    if " om " not in text and " Om " not in text:
        return out
    character_end = -1
    for s in sorted(spans, key=_START):
        if s.label != "PERSON" or " " in text[s.start : s.end]:
            continue
        if _WORK_ABOUT.search(text, max(0, s.start - 20), s.start) or (
            character_end >= 0 and _LISTED_WITH.fullmatch(text, character_end, s.start)
        ):
            out.add(s)
            character_end = s.end
    return out


def _nouns_after_article(text: str, spans: list[Span]) -> set[Span]:
    """A word-name after "ett" and a describing word ("ett nytt Liv"): a noun written large."""
    out = set()
    for s in spans:
        if s.label != "PERSON" or " " in text[s.start : s.end] or not swedish_form(text[s.start : s.end].lower()):
            continue
        m = _ARTICLE_ADJECTIVE.search(text, max(0, s.start - 30), s.start)
        # describing words only: "ett samtal med Max" has a noun and a preposition before the name
        if m is not None and _neuter_adjective(m.group("words").split()[-1]):
            out.add(s)
    return out


def _neuter_adjective(word: str) -> bool:
    """ "stort" (stor), "lugnt" (lugn), "nytt" (ny): an adjective's neuter form by the lemma
    table; not a noun in -t ("ett test Max") or a stop word."""
    lemma = swedish_lemma_table().get(word)
    if lemma is None or word in SWEDISH_STOP_WORDS:
        return False
    return word == lemma + "t" or (word.endswith("tt") and lemma.startswith(word[:-2]) and len(word) <= 5)


# three or more capitalised names joined by hyphens in one word: a syndrome's or a method's
# eponym ("Jervell-Lange-Nielsen"); a person's name joins at most two
_EPONYM = re.compile(r"(?<![\w-])[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+){2,}")
_LISTED_WITH = re.compile(r"[ \t]*(?:,|och|eller|and|or)[ \t]+")


def _eponyms(text: str, spans: list[Span]) -> set[Span]:
    """Eponyms, and a one-word name coordinated right after one ("X-Y-Z och Romano")."""
    if text.count("-") < 2:
        return set()
    eponyms = [(m.start(), m.end()) for m in _EPONYM.finditer(text) if not text[m.end() : m.end() + 1] == "-"]
    out: set[Span] = set()
    for s in spans:
        if s.label != "PERSON":
            continue
        if (s.start, s.end) in eponyms:
            out.add(s)
        elif len(text[s.start : s.end].split()) == 1 and any(
            _LISTED_WITH.fullmatch(text, end, s.start) for _, end in eponyms
        ):
            out.add(s)
    return out


def _dropped_by_kind(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds each kind of non-person recogniser takes back."""
    # a feast, its wish or a greeting to a group: "inför Ramadan", "Eid Mubarak", "Salam allihop"
    dropped = _neighbour_words(text, spans) | feast_and_greeting_words(text, spans)
    # "enligt SoL": a law's short name; "/Admin": a role signing a post; "nour, säger vi på arabiska"
    dropped |= mixed_case_abbreviations(text, spans) | role_signatures(text, spans) | glossed_words(text, spans)
    # "Café Vera", "en grå Skoda Fabia"; "läste Emil i Lönneberga"
    dropped |= venue_or_car_names(text, spans) | _book_heroes(text, spans) | _nouns_after_article(text, spans)
    dropped |= software_or_service_names(text, spans) | medicine_names(text, spans)  # "Freja eID", "p-piller (<X>)"
    dropped |= {s for s in spans if s.label == "PERSON" and text[s.start : s.end] in CARE_ACRONYMS}  # "Hej BVC!"
    dropped |= header_labels(text, spans) | _eponyms(text, spans) | english_possessives(text, spans)
    dropped |= contact_labels(text, spans)  # "kurator⏎Tel 070-…": the number's label
    dropped |= foreign_closings(text, spans)  # "Mit freundlichen Grüßen", "I'm a student"
    dropped |= body_part_names(text, spans)  # "Axel, knä och höft": the shoulder in a list of body parts
    return dropped


def drop_non_persons(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the PERSON finds that name a pet, a king, an author or a cartoon, and
    without the ages said of a pet."""
    if not any(s.label == "PERSON" for s in spans):
        return spans
    favourites = _favourite_spans(text) if "avorit" in text else []
    pets: set[str] = set()
    dropped = _dropped_by_kind(text, spans)
    low = text.lower()
    played_or_prescribed = "spel" in low or "recept" in low or "förskr" in low  # speed
    guards = _animal_guards(text)
    for s in spans:
        if s.label != "PERSON":
            continue
        value = text[s.start : s.end]
        words = value.split()
        animal = _animal_before(text, s.start, guards) or (
            _ANIMAL_AFTER.match(text, s.end) if len(words) == 1 else None
        )
        # "en hund, Sigge, som …" is the dog's name; "med hunden, Lisa och Per" two people
        apposition = (
            animal is not None and "," in animal.group(0) and not re.search(r"(?i:het|kall|namn)", animal.group(0))
        )
        if animal and (not apposition or text[s.end : s.end + 1] in {",", ".", ""}):
            pets.add(value)
            dropped.add(s)
        elif (value.lower() in {"jeg", "eg"} and _NEIGHBOUR_I.match(text, s.end)) or (
            len(words) == 1
            and played_or_prescribed
            and _PLAYED_OR_PRESCRIBED.search(text, max(0, s.start - 60), s.start)
        ):
            dropped.add(s)
        elif (
            _REGNAL.match(text, s.end)
            or _REGNAL.search(value)
            or _REGNAL_BEFORE.search(text, max(0, s.start - 8), s.start)
            or (len(words) >= 2 and value.endswith("s") and _WORKS_AFTER.match(text, s.end))
            or any(a <= s.start < b for a, b in favourites)
            or (len(words) == 2 and words[1].lower() in _CARTOON_ANIMALS and not _surname(words[1]))
            or ROLE_COMPOUND.fullmatch(value)  # "EU-migranter", "IT-konsulten": a group, a role
        ):
            dropped.add(s)
    partners: dict[tuple[int, int], int] = {}  # per line, its scores (a findall per name was quadratic)
    ages = sorted((a for a in spans if a.label == "ALDER"), key=_START)  # "Norton 14" below, by bisection
    for s in spans:
        if s.label != "PERSON" or s in dropped or " " in text[s.start : s.end] or text[s.start : s.end].isupper():
            continue  # "sign. AK/MN": initials are people
        line_start = text.rfind("\n", 0, s.start) + 1
        line_end = len(text) if text.find("\n", s.end) < 0 else text.find("\n", s.end)
        if _SCORE_AFTER.match(text, s.end) and (line_start, line_end) not in partners:
            partners[line_start, line_end] = len(_SCALE_PARTNER.findall(text[line_start:line_end]))
        scale = (
            _SLASH_ACRONYM.match(text, s.end)
            or _ACRONYM_SLASH.search(text, max(0, s.start - 8), s.start)
            or (_SCORE_AFTER.match(text, s.end) and partners[line_start, line_end] >= 2)
        )
        # "Erika/MOHV": a first name before an acronym is someone signing for a firm
        info = lists.names().get(text[s.start : s.end].lower())
        scale = scale and not (info is not None and (info.first_sv or info.first_other))
        if scale or (text[s.start : s.end] in {"Lot", "LOT"} and _LOT.match(text, s.end)):
            dropped.add(s)
            # "Norton 14": the score read as an age after a name
            dropped.update(ages[bisect_left(ages, s.end, key=_START) : bisect_right(ages, s.end + 2, key=_START)])
    for s in spans:
        value = text[s.start : s.end]
        if s.label == "PERSON" and s not in dropped and value in pets:
            if not _QUOTED.search(text[max(0, s.start - 1) : s.start]):  # "Per ("Pelle")": a nickname
                dropped.add(s)
    if pets:
        for s in spans:
            if s.label == "ALDER":
                before = text[max(0, s.start - 40) : s.start]
                if any(re.search(re.escape(p) + _AGE_OF.pattern, before) for p in pets):
                    dropped.add(s)
    return [s for s in spans if s not in dropped]
