"""First names in lower case in young people's chat, where the sentence says it is someone:

- after a role or kin word, perhaps with "e/är/heter": "min handläggare e lejla hodžić",
  "min advokat tove lind", "lillebror noah", "gode man stig säger";
- in a cleft: "de va asså yusuf som hittade mig";
- before an age in brackets: "alva (14) e min kompis";
- at a workplace or a class, alone or with others: "nora o elvis på fritidsgården",
  "liam o adnan från 8c", "till mira på ungdomsenheten";
- in a greeting's signature list: "mvh hodan, ayaan o nimo";
- as the one spoken with: "samtal med jonna", "ny kurator istället för tove";
- naming oneself: "jag e benke o mitt riktiga namn e benjamin hasanović";
- an account's handle built from a name: "ett nytt konto m.lindqvist_02".

A listed first name that is also an everyday word ("sol", "bo", "max") counts only after a
role word and before what people do or where they work; an unlisted word only where nothing
but a name fits (a role and "e", "namn e", a signature, "samtal med").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS, swedish_lemma_table
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import NUMWORDS, SPOKEN_NUMWORDS, WS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.software_names import said_name
from nlp.pseudonymise.recognisers.words import (
    CHAT_FILLERS,
    PERSON_VERBS,
    TITLES,
    WORKPLACE,
    compound_word,
    plain_word,
    rare_word,
    unknown_word,
)

_W = r"[a-zåäöéüćčšžđ]{2,}(?:-[a-zåäöéüćčšžđ]{2,})?"
_ROLES = (
    TITLES
    | frozenset(
        "advokat advokaten lillasyster lillebror storasyster storebror lillasyrran lillebrorsan "
        "kuratorn skolkuratorn skolsköterskan skolpsykologen elevcoachen socialsekreteraren "
        "handläggaren kontaktpersonen behandlaren behandlingsassistenten ungdomsbehandlaren "
        "fritidsledaren mentorn läraren rektorn sjuksköterskan barnmorskan "
        # a workplace's roles: "huvudskyddsombudet iris ringde", "handledaren axel visade"
        "skyddsombudet huvudskyddsombudet handledaren arbetsledaren förmannen teamledaren rehabkoordinatorn".split()
    )
) - {"man", "mor", "far", "fru", "vän", "ombud", "ombudet", "patient", "patienten", "brukare", "brukaren"}
# a lookahead, so every word is tried as the role ("min kurator lina sa")
# the roles as one alternation (longest first), so the engine, not a loop, finds them (speed)
_ROLE_WORDS = "|".join(sorted((re.escape(r) for r in _ROLES | {"dr"}), key=len, reverse=True))
_ROLE_NAME = re.compile(
    r"(?<![\w-])(?P<role>gode" + WS + r"+man|god" + WS + r"+man|(?:" + _ROLE_WORDS + r")(?![\w-])\.?)"
    r"(?=(?:" + WS + r"+(?P<is>e|är|ar|heter|hette|va|var))?" + WS + r"+(?P<first>" + _W + r")"
    r"(?:" + WS + r"+(?P<last>" + _W + r"))?(?![\w-]))"
)
# "ring viola på 073-…": whom to call at a number, even a name that is also a word
_CALL_AT = re.compile(
    r"(?<![\w-])(?i:ring|ringa|ringer|ringde|sms:a|messa)"
    + WS
    + r"+(?P<first>"
    + _W
    + r")"
    + WS
    + r"+på"
    + WS
    + r"+\+?\d"
)
# an age in words after "mamma är" ("åttiosju") is no name
_NUMBER = re.compile(r"(?:" + NUMWORDS + r"|" + SPOKEN_NUMWORDS + r")\w*")
_ROLE_KEYS = frozenset(r.split()[0] for r in _ROLES) | {"dr", "gode", "god"}
_LETTERS = re.compile(r"[a-zåäö]+")
_CLEFT = re.compile(
    r"(?<![\w-])(?:de|det|d)" + WS + r"+(?:va|var|e|är)" + WS + r"+(?:(?:asså|typ|ba|ju|faktiskt)" + WS + r"+)*"
    r"(?P<first>" + _W + r")" + WS + r"+som(?![\w-])"
)
_AGE_AFTER = re.compile(r"(?<![\w-])(?P<first>" + _W + r")" + WS + r"*\(\d{1,2}\)")
# youth workplaces the texts name people at, besides the shared WORKPLACE words
_YOUTH_PLACES = frozenset(
    "fritidsgården fritidsgarden fritids ungdomsenheten elevhälsan elevhalsan ungdomsmottagningen umo "
    "hvb chatten ungdomschatten gården garden klassen mottagningen boendet skolan soc socialen".split()
)
# the place first (rare), then the run of names ending right before it (speed)
_PLACE_AFTER = re.compile(
    WS
    + r"+(?:på|pa|från|fran|i)"
    + WS
    + r"+(?P<place>"
    + "|".join(sorted(_YOUTH_PLACES | WORKPLACE, key=len, reverse=True))
    + r"|\d[a-zåäö])(?![\w-])"
)
# one more name after a comma or "o/och/&": "ali, sara o mo"
_AND_NAME = r"(?:(?:" + WS + r"*," + WS + r"*|" + WS + r"+(?:o|och|&)" + WS + r"+)" + _W + ")"
_RUN_BEFORE = re.compile(r"(?<![\w-])(?P<names>" + _W + _AND_NAME + r"{0,3})$")
_SIGNOFF = re.compile(
    r"(?<![\w-])(?:mvh|hälsningar|halsningar|kram|kramar|/)" + WS + r"*,?" + WS + r"*"
    r"(?P<names>" + _W + _AND_NAME + r"{1,4})" + WS + r"*[.!]?" + WS + r"*(?:\n|$)"
)
_SPOKEN_WITH = guarded(
    r"(?<![\w-])(?:samtal|samtalet|gruppsamtal|gruppsamtalet|möte|mötet|mote|motet|träff|tid|"
    r"pratade|pratar|prata|snackade|snackar|snacka)" + WS + r"+med" + WS + r"+(?P<first>" + _W + r")(?![\w-])"
)
_INSTEAD = guarded(
    r"(?<![\w-])(?:istället|istallet|i" + WS + r"+stället)" + WS + r"+för" + WS + r"+(?P<first>" + _W + r")(?![\w-])"
)
_NAMED = guarded(
    r"(?<![\w-])(?:namn|namnet|name)" + WS + r"+(?:e|är|ar|is)" + WS + r"+(?P<first>" + _W + r")"
    r"(?:" + WS + r"+(?P<last>" + _W + r"))?(?![\w-])"
)
_I_AM = re.compile(
    r"(?:^|[.!?\n]" + WS + r"*|(?<![\w-])(?:tja|tjena|hej|hejsan|hallå|halla|yo|hey)" + WS + r"*,?" + WS + r"+)"
    r"jag" + WS + r"+(?:e|är)" + WS + r"+(?P<first>" + _W + r")(?=" + WS + r"*(?:[,.!]|o" + WS + r"|och" + WS + r"|$))"
)
# an account named by its handle, built from a name: "från ett nytt konto m.lindqvist_02"
_ACCOUNT = re.compile(
    r"(?<![\w-])(?:konto|kontot|profil|profilen|account)(?:"
    + WS
    + r"+(?:som"
    + WS
    + r"+heter|heter|e|är))?"
    + WS
    + r"*:?"
    + WS
    + r"*@?(?P<handle>[a-zåäö][\w.]{1,29}[\w])(?![\w@])"
)
_AT_PLACE_HINTS = (" på ", " pa ", " från ", " fran ", " i ")
_GATE = (" o ", " och ", " med ", " som ", "(", "mvh", "namn", "jag e", "jag är", "för ", "/", "kram", "häls", "hals")


# sms abbreviations of pronouns and quantifiers: "prata med ngn"
_SMS_WORDS = frozenset("ngn ngt ngna ngra ngnstans nån nåt nåra mkt lite sthlm dej mej".split())


# a text written all in lower case, sentence starts too: there a word no lexicon has after "med"
# or "jag e" is a name; in capitalised prose it is a typo or a compound ("prata med nägon")
_CAPITAL_START = re.compile(r"(?:^|[.!?\n][ \t]*)[ \t]*[A-ZÅÄÖ]")
_TRIPLE = re.compile(r"(.)\1\1")


def _no_name(word: str) -> bool:
    return (
        word in SWEDISH_STOP_WORDS
        or word in _SMS_WORDS
        or word in CHAT_FILLERS
        or word in TITLES
        or word in WORKPLACE
        or word in _YOUTH_PLACES
        or word.capitalize() in lists.places()
    )


def _first(word: str, everyday: bool = False) -> bool:
    """A listed first name; a name that is also a word only when `everyday` allows it."""
    if _no_name(word):
        return False
    info = lists.names().get(word)
    if info is None or not (info.first_sv or info.first_other):
        return False
    return everyday or not info.common


def _unlisted(word: str) -> bool:
    """No everyday word and rare in Swedish and English: only a name explains it."""
    return not _no_name(word) and rare_word(word) and not plain_word(word) and not _TRIPLE.search(word)


def _unknown(word: str, lower_text: bool) -> bool:
    """A word no lexicon has, in a text all in lower case, and no compound of two words."""
    return (
        lower_text
        and not _no_name(word)
        and unknown_word(word)
        and not compound_word(word)
        and not _TRIPLE.search(word)
    )


def _surname(word: str) -> bool:
    if _no_name(word) or word in PERSON_VERBS:
        return False
    info = lists.names().get(word)
    return (info is not None and info.last and not info.common) or _unlisted(word)


def _inflected(word: str) -> bool:
    """An inflected form of an everyday word ("firas" of "fira"), not a Swedish first name
    ("kalle" is listed as a form of "kalla" too)."""
    lemma = swedish_lemma_table().get(word)
    info = lists.names().get(word)
    return lemma is not None and lemma != word and not (info is not None and info.first_sv)


def _names_in_list(m: re.Match[str], unlisted: bool, whole: bool) -> list[Span]:
    """The names of a run "a, b o c": its last names, or (`whole`) all of them or none."""
    out: list[Span] = []
    for w in re.finditer(_W, m.group("names")):
        word = w.group(0)
        if word in {"o", "och"}:
            continue
        if not (_first(word) or (unlisted and _unlisted(word))) or _inflected(word):
            if whole:
                return []  # a signature is names only, or it is a clause
            out = []  # "jag o nora på fritids": the run of names ends at the place
            continue
        out.append(Span(m.start("names") + w.start(), m.start("names") + w.end(), "PERSON"))
    return out


def find_chat_names(text: str) -> list[Span]:
    low = text.lower()
    # a text all in lower case, sentence starts too (chat); a capital first settles it cheaply
    lower_text = not text[:1].isupper() and _CAPITAL_START.search(text) is None
    spans: list[Span] = []
    # the role words as a set first (speed): the alternation is slow where no role is named
    roles = not _ROLE_KEYS.isdisjoint(_LETTERS.findall(low))
    for m in _ROLE_NAME.finditer(text) if roles else ():
        role = re.sub(r"\s+", " ", m.group("role")).rstrip(".")
        if role not in _ROLES and role not in {"gode man", "god man", "dr"}:
            continue
        first, last = m.group("first"), m.group("last")
        after = text[m.end("first") : m.end("first") + 30].split()
        nxt = after[0].strip(",.!?") if after else ""
        acting = nxt in PERSON_VERBS or nxt in {"på", "pa", "från", "fran", "säger", "sa"} or not after
        # "min morfar är blind": after "är" a word that only another language has as a name is the word
        if m.group("is") in {"e", "är", "ar"} and not said_name(first):
            continue
        if _first(first, everyday=acting) or (
            m.group("is") in {"e", "är", "ar", "heter", "hette"} and _unlisted(first) and not _NUMBER.fullmatch(first)
        ):
            end = m.end("last") if last and _surname(last) else m.end("first")
            spans.append(Span(m.start("first"), end, "PERSON"))
        elif role in {"dr", "doktor", "doktorn"} and (_unlisted(first) or _unknown(first, lower_text)):
            spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    if any(w in low for w in _AT_PLACE_HINTS):
        for place in _PLACE_AFTER.finditer(text):
            run = _RUN_BEFORE.search(text, max(0, place.start() - 80), place.start())
            if run is not None:
                spans.extend(_names_in_list(run, unlisted=False, whole=False))
    for m in _ACCOUNT.finditer(text) if "konto" in low or "profil" in low or "account" in low else ():
        handle = m.group("handle")
        parts = [p for p in re.split(r"[._\d]+", handle.lower()) if p]
        if re.search(r"[._\d]", handle) and any(_surname(p) or _first(p) for p in parts if len(p) > 2):
            spans.append(Span(m.start("handle"), m.end("handle"), "PERSON"))
    for m in _CALL_AT.finditer(text) if "ring" in low or "sms" in low or "messa" in low else ():
        if _first(m.group("first"), everyday=True):
            spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    if not any(g in low for g in _GATE):
        return spans
    cleft = (_CLEFT,) if " som" in low else ()
    for pattern in cleft + ((_AGE_AFTER,) if "(" in low else ()):
        for m in pattern.finditer(text):
            if _first(m.group("first")):
                spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    # "ny kurator istället för X": someone replaced in a role ("istället för rena" is no one)
    for m in _INSTEAD.finditer(text) if "för" in low else ():
        before = low[max(0, m.start() - 40) : m.start()].split()
        if _first(m.group("first")) and not _ROLES.isdisjoint(before):
            spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    # after "samtal med" and "jag e" only a name fits: any word no lexicon has
    for m in _SPOKEN_WITH.finditer(text):
        if _first(m.group("first")) or _unknown(m.group("first"), lower_text):
            spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    for m in _NAMED.finditer(text):
        first, last = m.group("first"), m.group("last")
        if _first(first, everyday=True) or _unlisted(first):
            end = m.end("last") if last and _surname(last) else m.end("first")
            spans.append(Span(m.start("first"), end, "PERSON"))
    for m in _I_AM.finditer(text) if "jag e" in low or "jag är" in low else ():
        if _first(m.group("first")) or _unknown(m.group("first"), lower_text):
            spans.append(Span(m.start("first"), m.end("first"), "PERSON"))
    for m in _SIGNOFF.finditer(text):
        spans.extend(_names_in_list(m, unlisted=True, whole=True))
    return spans
