"""Names a person gives themselves or their kin: "hej det är ulla britt", "tjena kalle här",
"Jag Zarghona.", "dimitras dotter", "min fru britt" (voicemails, chats, learner Swedish)."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.names_in_context import first_name, namelike
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import NAME_PARTICLES, compound_word, sentence_start, unknown_word

# A caller saying who they are (voicemails, chats): "hej det är ulla britt vester jag ringer",
# "mitt namn är mahad farah jama", "ja heter tran van". "det är" only after a greeting or "ja",
# where it opens the call, not in "det är bra".
_INTRODUCTION = re.compile(
    r"(?:(?:^|\b(?:hej|hejsan|hallå|ja|jo|tjena|morgon|dag|kväll))[ \t,.!]+(?:det(?:[ \t]+här)?|detta|de)[ \t]+(?:är|e)"
    r"|\bmitt[ \t]+namn[ \t]+är|\bmy[ \t]+name[ \t]+is|\bja(?:g)?[ \t]+heter)[ \t]+",
    re.IGNORECASE,
)
# every introduction has one of these (speed: most texts skip the pattern)
_INTRODUCTION_HINT = re.compile(
    r"(?:det|detta|de)(?:[ \t]+här)?[ \t]+(?:är|e)[ \t]|namn[ \t]+är|name[ \t]+is|heter", re.IGNORECASE
)
# "tjena kalle här", "Hejhej! Sofia här från …": a greeting, a name, "här"; a greeting to a
# forum or a group may come between ("hej alla! kajsa här", "Hej allihop, Maja här")
_NAME_HERE = re.compile(
    r"(?:^|\b(?:hej|hejsan|hallå|tjena|tjenare|tja|hejhej|halloj|morgon))"
    r"(?:[ \t,]+(?:alla|allihop|allihopa|allesammans|ni|tjejer|gänget|på[ \t]+er))?"
    r"[ \t,.!]+([^\W\d_][\w'’-]*)[ \t]+här\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*")


def _name_word(word: str) -> bool:
    info = lists.names().get(word.lower())
    return namelike(word, True) or (info is not None and not info.common and word.lower() not in SWEDISH_STOP_WORDS)


# learner Swedish without the verb: "Jag Zarghona.", "jag Amanuel här"; or with "är" and a
# name no language has before a comma ("Jag är Dilan, från …"): "Jag är Glad." is a word;
# a greeting may open it ("Hej jag är Dilan bor i …")
_I_NAME = re.compile(
    r"(?:^|[.!?\n][ \t]*|\b(?i:hej|hejsan|hallå)[ \t,!]+)[Jj]ag[ \t]+(?:(?:är|e)[ \t]+)?([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé]+){0,2})"
    r"(?=[ \t]*[.,!(]|[ \t]+(?:här|från|bor|har|ringer|vill|skriver)\b)"
)


_I_HINT = re.compile(r"[Jj]ag[ \t]+(?:(?:är|e)[ \t]+)?[A-ZÅÄÖ]")


def _chain(words: list[str]) -> bool:
    """Every word name-like; inside a chain of three a listed name that is also a word too
    ("Jag är Safi Gul Ahmad (familjenamn först)": "gul" is yellow, between two names)."""
    ends = [words[0], words[-1]] if len(words) == 3 else words
    middle = words[1:-1] if len(words) == 3 else []
    return all(namelike(w, False) for w in ends) and all(_name_word(w) for w in middle)


def _without_verb(text: str) -> list[Span]:
    return [Span(m.start(1), m.end(1), "PERSON") for m in _I_NAME.finditer(text) if _chain(m.group(1).split())]


# a writer introducing themselves in their own language and script: Arabic "اسمي سعاد"
# ("my name is"), "أنا"; Ukrainian/Russian "мене звати", "меня зовут". One or two words.
_OTHER_SCRIPT_INTRO = re.compile(
    r"(?:اسمي|إسمي|اسمى)[ \t]+([\u0600-\u06FF]+(?:[ \t]+[\u0600-\u06FF]+)?)"
    r"|(?:мене[ \t]+звати|меня[ \t]+зовут)[ \t]+([А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:[ \t]+[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)?)",
    re.IGNORECASE,
)


def _other_script(text: str) -> list[Span]:
    out = []
    for m in _OTHER_SCRIPT_INTRO.finditer(text):
        g = 1 if m.group(1) else 2
        out.append(Span(m.start(g), m.end(g), "PERSON"))
    return out


# English, as a relative or a visitor writes: "I'm Priya, priya@…", "I am Tomasz and …"; a
# capitalised word there is a name unless English uses it (a nationality: "I'm Swedish")
_ENGLISH_I_AM = re.compile(
    r"(?<![\w'’])(?:I'm|I’m|I[ \t]+am)[ \t]+([A-Z][a-z]{2,})(?=[ \t]*(?:[,.!]|and\b|from\b|here\b|$))"
)


def _english(text: str) -> list[Span]:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return [
        Span(m.start(1), m.end(1), "PERSON")
        for m in _ENGLISH_I_AM.finditer(text)
        if zipf_frequency(m.group(1).lower(), "en") < 3.5 and not m.group(1).endswith(("ish", "ese", "ian", "ean"))
    ]


def find_self_introduction(text: str) -> list[Span]:
    """The words after an introduction while they may be name parts (up to four); a first
    word that is also an ordinary word ("inga", "sten") needs a name word after it."""
    spans: list[Span] = _without_verb(text) if _I_HINT.search(text) else []
    spans += _english(text) if "I" in text else []
    if not text.isascii():
        spans += _other_script(text)
    for m in _NAME_HERE.finditer(text) if " här" in text else ():
        word = m.group(1)
        info = lists.names().get(word.lower())
        if namelike(word, True) or (info is not None and not info.common and word.lower() not in SWEDISH_STOP_WORDS):
            spans.append(Span(m.start(1), m.end(1), "PERSON"))
    hint = _INTRODUCTION_HINT.search(text)
    for m in _INTRODUCTION.finditer(text, max(0, hint.start() - 30)) if hint else ():
        words: list[re.Match[str]] = []
        pos = m.end()
        while len(words) < 4 and (w := _WORD_AFTER.match(text, pos)):
            word, low = w.group(1), w.group(1).lower()
            info = lists.names().get(low)
            first_ok = namelike(word, True) or (info is not None and (info.first_sv or info.first_other or info.last))
            same_case = not words or word[:1].isupper() == words[0].group(1)[:1].isupper()  # not "Linnea btw"
            if not same_case or not (first_ok if not words else _name_word(word) or low in NAME_PARTICLES):
                break
            words.append(w)
            pos = w.end()
        if not words:
            continue
        first = words[0].group(1)
        # "hej det är rut jag ringer för …": a first name that is also a word, before "jag ringer"
        calling = re.match(r"[ \t,]*(?:jag|ja)[ \t]+(?:ringer|ringde|heter|här)\b", text[words[0].end(1) :])
        if calling and lists.listed_first_name(first) and first.lower() not in SWEDISH_STOP_WORDS:
            spans.append(Span(words[0].start(1), words[-1].end(1), "PERSON"))
            continue
        if len(words) == 1 and (
            not namelike(first, True) or (first.islower() and lists.names().get(first) is None and compound_word(first))
        ):
            continue  # "hej det är inga problem", "Hej! Det är avgiftsfritt …"
        spans.append(Span(words[0].start(1), words[-1].end(1), "PERSON"))
    return spans


_KIN = (
    r"(?:fru|man|make|maka|sambo|pojkvän|flickvän|son|dotter|bror|syster|mamma|pappa|mor|far|farmor|farfar|"
    r"mormor|morfar|barn|kusin)"
)
# "dimitras dotter": a lowercase genitive before a kinship word; "min fru britt": a first name
# after one (also a name that is a word, not an everyday one like "bo", "per")
_KIN_AFTER_GENITIVE = re.compile(r"(?<![\w-])([a-zåäöé]{3,})s[ \t]+" + _KIN + r"(?![\w-])")
_KIN_HINT = re.compile(r"s[ \t]+" + _KIN + r"(?![\w-])")
_NAME_AFTER_KIN = guarded(
    r"\b(?:min|mitt|vår|hans|hennes|din)[ \t]+" + _KIN + r"[ \t]+([a-zåäöé]{3,}|[a-zåäöé]{2}(?=[ \t]*[,.]))(?![\w-])",
    re.IGNORECASE,
)


# "(Khalils fru)", "om Ruts medicin": a capitalised genitive inside a sentence before a kinship
# word or what care hands a person; the stem a listed first name (also one that is a word, "Rut")
# or, before a kinship word, any name-like word
_CARED_FOR = (
    r"(?:medicin|mediciner|medicinen|tabletter|tabletterna|insulin|dosett|dosetten|insats|insatser|"
    r"dusch|duschen|besök|besöket|rum|rummet|lägenhet|lägenheten|hemtjänst|trygghetslarm|larm|kontaktperson)"
)
_CAP_GENITIVE = guarded(r"(?<![\w-])([A-ZÅÄÖ][a-zåäöé]{2,})s[ \t]+(?:(" + _KIN + r")|" + _CARED_FOR + r")(?![\w-])")


def _capital_genitives(text: str) -> list[Span]:
    spans = []
    for m in _CAP_GENITIVE.finditer(text):
        stem = m.group(1)
        genitive = stem.lower() + "s"
        if genitive in SWEDISH_STOP_WORDS:
            continue
        info = lists.names().get(stem.lower())
        # at a sentence's start a capital says nothing: there the genitive must be no word
        # ("Dags för medicin" has no genitive, "Ruts medicin" opening a text stays)
        unknown = unknown_word(genitive)
        if not unknown and sentence_start(text, m.start(1)):
            continue
        if (info is not None and info.first_sv) or (m.group(2) and namelike(stem, True) and unknown):
            spans.append(Span(m.start(1), m.end(1) + 1, "PERSON"))
    return spans


def find_kin_names(text: str) -> list[Span]:
    """Lowercase names next to a kinship word, as speech-to-text and chats write them."""
    spans: list[Span] = _capital_genitives(text)
    hint = _KIN_HINT.search(text)
    for m in _KIN_AFTER_GENITIVE.finditer(text, max(0, hint.start() - 40)) if hint else ():
        stem = m.group(1)
        genitive = stem + "s"  # the word itself no ordinary word: not "deras", "gratis", "seriös"
        if genitive not in SWEDISH_STOP_WORDS and unknown_word(genitive) and (namelike(stem, True) or first_name(stem)):
            spans.append(Span(m.start(1), m.end(1) + 1, "PERSON"))
    for m in _NAME_AFTER_KIN.finditer(text):
        word = m.group(1)
        # a short name before a comma or full stop ("min man bo, han …") even if it is everyday
        short = len(word) == 2 and lists.listed_first_name(word)
        # "min sambo ros har …": a first name that is also a word, before what people do
        acting = lists.listed_first_name(word) and _VERB_AFTER.match(text, m.end(1)) is not None
        if (first_name(word) or short or acting) and word not in SWEDISH_STOP_WORDS:
            spans.append(Span(m.start(1), m.end(1), "PERSON"))
    return spans + _named_as(text)


_VERB_AFTER = re.compile(
    r"[ \t]+(?:har|hade|är|e|var|ringde|sa|sade|fick|kom|blev|bor|bodde|jobbar|jobbade|tycker|tyckte|vill|ville)\b"
)
# "Min dotter heter Hopp", "hon hette Sol": after "heter" the capitalised word is the name,
# even one that is also a word, when a person is the subject
_NAMED_AS = re.compile(
    r"\b(?i:jag|ja|hon|han|hen|(?:min|mitt|vår|hans|hennes|din)[ \t]+(?:" + _KIN[3:-1] + r"|kontakt|kontaktperson|"
    r"läkare|kurator|handläggare|psykolog|terapeut|sköterska|ssk|handledare))[ \t]+(?i:heter|hette)[ \t]+"
    r"(?:typ[ \t]+)?([A-ZÅÄÖ][a-zåäöé]+(?:[ \t-][A-ZÅÄÖ][a-zåäöé]+)?)(?![\w-])"
)
# "Thanawat (kallas Tom)": the word before a bracketed nickname is a name too
_NICKNAMED = re.compile(
    r"(?<![\w-])([A-ZÅÄÖ][a-zåäöé]+)[ \t]*\([ \t]*(?:kallas|kallad|alias|aka)[ \t]+([A-ZÅÄÖ][a-zåäöé]+)[ \t]*\)"
)


def _named_as(text: str) -> list[Span]:
    out = []
    if "het" in text:  # "heter" and "hette"
        for m in _NAMED_AS.finditer(text):
            if m.group(1)[:1].isupper() and m.group(1).lower() not in SWEDISH_STOP_WORDS:
                out.append(Span(m.start(1), m.end(1), "PERSON"))
    if "(" in text:
        for m in _NICKNAMED.finditer(text):
            out += [Span(m.start(1), m.end(1), "PERSON"), Span(m.start(2), m.end(2), "PERSON")]
    return out
