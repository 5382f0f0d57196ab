"""PERSON where the sentence says the word is someone, also a first name that is a word:
"Vilja är min dotter", "Min kontaktperson Ville ringde", "Hej alla. Peo här, …",
"min läkare hadzic sa …", "Hörde av Stora Jocke att …".

- A word opening a sentence that the sentence then calls the writer's child, sibling, parent
  or partner ("X är min dotter") is that person's name, even a word-name ("Vilja", "Saga").
- A capitalised listed first name inside a sentence right after a role word and before what
  people do ("kontaktperson Ville ringde") is a name, even when it is also a verb or noun.
- A writer naming themself with "här" ("Peo här,") at the start of a sentence: a name, not a
  word the lexicon has ("Familjehemmet här." is the home), unless a listed first name opens the
  writer's line ("Dag här, 44 år …").
- A lowercase word no lexicon has after a role and before what people do ("min psykiatriker
  hadzic sa"): a surname.
- An epithet before a found or listed first name is part of the nickname ("Stora Jocke",
  "Tjocka Ragge"): the whole is how the person is known.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS
from nlp.pseudonymise.recognisers.words import PERSON_VERBS, ROLE_BEFORE_NAME, plain_word, sentence_start, unknown_word

_KIN = (
    r"dotter|son|bror|syster|mamma|pappa|mor|far|sambo|fru|man|flickvän|pojkvän|barnbarn|"
    r"fosterdotter|fosterson|bonusdotter|bonusson|styvdotter|styvson|lillebror|lillasyster|storebror|storasyster"
)
_IS_MY_KIN = re.compile(
    r"(?P<name>"
    + CAP_NAME
    + r")"
    + WS
    + r"+(?:är|e|var)"
    + WS
    + r"+(?:min|mitt|vår|vårt)"
    + WS
    # "Stig är min bästa kompis": a friend named so, only a first name or a word no lexicon
    # has ("Kaffe är min bästa vän" is no one)
    + r"+(?:(?:bästa|äldsta|yngsta|lilla|stora|nya|gamla|enda)"
    + WS
    + r"+)?(?:(?P<kin>"
    + _KIN
    + r")|(?P<friend>kompis|vän|väninna|bästis|kamrat|granne|flickvän|pojkvän|kusin))(?![\w-])"
)
# a lookahead, so every word is tried as the role ("min psykiatriker x sa")
_ROLE_NAME_VERB = re.compile(
    r"(?i:\b(?P<role>[a-zåäö]+))(?="
    + WS
    + r"+(?P<name>"
    + CAP_NAME
    + r"|[a-zåäöćčšž]{3,})"
    + WS
    + r"+(?P<verb>[a-zåäö]+)\b)"
)
_HERE = re.compile(r"(?P<name>" + CAP_NAME + r")" + WS + r"+här" + WS + r"*[,.!]")
# what may stand before a writer's name on their first line: nothing, or a greeting
_OPENS_WITH = re.compile(r"[ \t]*(?:(?i:hej|hejsan|hallå|tjena|god morgon|god kväll)[ \t]*[,.!]*[ \t]*)?")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


_EPITHET = re.compile(
    r"(?<![\w-])(?:Stora|Store|Lilla|Lille|Tjocka|Tjocke|Långa|Långe|Galna|Galne|Svarta|Svarte|Fula|Fule)"
    + WS
    + r"+(?P<name>"
    + CAP_NAME
    + r")(?![\w-])"
)


# roles the shared title list lacks, whose holder is named after them
_MORE_ROLES = frozenset(
    "psykiatriker psykiatrikern behandlare behandlaren beroendeläkare beroendeläkaren sjuksköterskan ssk usk".split()
)
_GOOD_BEFORE = re.compile(r"(?i:\bgode?)" + WS + r"+$")
# pronouns and determiners open "X är min dotter" without naming anyone
_NOT_NAMES = frozenset(
    "hon han hen den det detta denna vem som jag du här där nu ni vi de dom alla ingen vad vilken".split()
)
# a noun in the definite form ("Tjejen är min dotter") is a description, not a name
_DEFINITE = re.compile(r"(?:en|et|na|an)$")


_EPITHET_HINTS = ("Stor", "Lill", "Tjock", "Lång", "Galn", "Svart", "Ful")


def find_name_predicates(text: str) -> list[Span]:
    spans = []
    low = text.lower()
    # cheap gates first (speed): most texts have no possessive, role word or epithet
    kin = any(w in low for w in (" min ", " mitt ", " vår ", " vårt "))
    for m in _IS_MY_KIN.finditer(text) if kin else ():
        name = m.group("name")
        # the kinship predicate says a person is meant: also a first name that is a common word
        if (
            sentence_start(text, m.start())
            and name.lower() not in _NOT_NAMES
            and (lists.listed_first_name(name) or not _DEFINITE.search(name.lower()))
            and (m.group("kin") or lists.listed_first_name(name) or unknown_word(name))
        ):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    roles = not (ROLE_BEFORE_NAME.isdisjoint(low.split()) and _MORE_ROLES.isdisjoint(low.split())) or "god" in low
    for m in _ROLE_NAME_VERB.finditer(text) if roles else ():
        role, name, verb = m.group("role").lower(), m.group("name"), m.group("verb").lower()
        # "min gode man Rune hjälper …": "man" is a role only after "god"/"gode"
        guardian = role == "man" and _GOOD_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None
        if (
            (role not in ROLE_BEFORE_NAME and role not in _MORE_ROLES and not guardian)
            or verb not in PERSON_VERBS
            or name.lower() in SWEDISH_STOP_WORDS
        ):
            continue
        if name[:1].isupper() and lists.listed_first_name(name):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
        elif name.islower() and unknown_word(name) and not plain_word(name) and name.capitalize() not in lists.places():
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    if "här" in text:
        for m in _HERE.finditer(text):
            name = m.group("name")
            # a first name that is also a word ("Dag här, 44 år") only where the writer opens with it
            # ("Dag här, dag där" is the idiom: the word again after the comma)
            word_name = (
                lists.listed_first_name(name)
                and _OPENS_WITH.fullmatch(text, _line_start(text, m.start()), m.start()) is not None
                and not text[m.end() :].lstrip().lower().startswith(name.lower())
            )
            if (
                sentence_start(text, m.start())
                and (name.lower() not in SWEDISH_STOP_WORDS and not plain_word(name.lower()) or word_name)
                and name not in lists.places()
                and (lists.listed_first_name(name) or unknown_word(name))
            ):
                spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    for m in _EPITHET.finditer(text) if any(e in text for e in _EPITHET_HINTS) else ():
        if lists.listed_first_name(m.group("name")) and m.group("name").lower() not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(), m.end(), "PERSON"))
    return spans
