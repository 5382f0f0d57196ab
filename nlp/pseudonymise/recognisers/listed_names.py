"""The last PERSON rule of the token pass: is this word (often one the name lists know) a
name here? Evidence comes in kinds, each a small function: a workplace or an age after a
first name, a greeting, "X och jag", a title or kinship word before it, a verb of meeting,
a surname after it, its place in the sentence."""

from __future__ import annotations

import re

from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import MEASURE_UNITS, NUMWORDS, SMALL_NUMWORDS, WS, units
from nlp.pseudonymise.recognisers.person_rules import STRONG_SURNAME
from nlp.pseudonymise.recognisers.scan import Scan, Token
from nlp.pseudonymise.recognisers.words import (
    ADDRESS_TERMS,
    CHAT_FILLERS,
    FOLDED_FUNCTION_WORDS,
    GREETING_WORDS,
    KIN_ADDRESS_TERMS,
    NAME_PARTICLES,
    PERSON_VERBS,
    POSSESSIVES,
    ROLE_BEFORE_NAME,
    ROLE_SUFFIXES,
    TITLES,
    WORKPLACE,
    compound_word,
    lookup,
    rare_word,
    sentence_start,
    unknown_word,
)

NameInfo = lists.NameInfo

# Eponymous diseases and syndromes are not people ("har Parkinson", "Aspergers syndrom").
_EPONYMS = frozenset(
    "parkinson parkinsons alzheimer alzheimers asperger aspergers crohn crohns tourette "
    "tourettes huntington huntingtons bechterew bechterews sjögren sjögrens hodgkin "
    "hodgkins cushing cushings addison addisons down downs menière raynaud graves "
    "hashimoto hashimotos lyme".split()
)
_NOT_NAME_AFTER_TITLE = re.compile(
    WS + r"*(?:telefon|tel|mejl|mail|e-post|post|brev|sms|dag|dagen|vecka|"
    r"veckan|månad|timme|timmen|år|gång|person|besök|kvart)\b",
    re.IGNORECASE,
)
_SURNAME_SUFFIX = re.compile(
    r"(?:sson|son|qvist|kvist|ström|berg|gren|lund|dahl|holm|blad|stedt|"
    r"ander|ius|lin|lén|ell|én|stam|bäck|sjö|löf|fors|vall)$"
)
_APPOSITION = re.compile(
    r""
    + WS
    + r"*,"
    + WS
    + r"*(?:(?:min|mitt|vår|hans|hennes|din|er|deras)"
    + WS
    + r"+)?(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True)).replace(".", r"\.")
    + r")\b",
    re.IGNORECASE,
)
# Verbs and prepositions after which a bare lowercase name-list word is a person
# ("ringde linda"), because a common noun would take an article or a plural there.
_MEETS = frozenset(
    "träffade träffar ringde ringer mötte möter frågade frågar tackade tackar saknar "
    "saknade hälsade pratade med hos".split()
)
# "när jag ringde ville de …": a subject right after the word makes it the clause's verb
_SUBJECTS = frozenset("jag du han hon vi ni de dom man den det".split())
_ABBREVIATED_TITLES = frozenset("dr doc ssk usk leg öl bitr insp".split())
# English months as expats write them ("moving in Jan,"), after an English preposition
_EN_MONTH_WORDS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())
_EN_PREPS = frozenset("in on by until since from before after".split())
# Swedish months that are names too, after a preposition of time ("till August" stays a name)
_SV_MONTH_NAMES = frozenset("april maj juni juli augusti".split())
_SV_MONTH_PREPS = frozenset("i sedan sen från under innan före efter".split())
# answers opening a reply ("Jo, min dotter ringde"): names too (Jo), never before an apposition
_ANSWERS = frozenset("jo ja nej nä nja tja okej jaså aha".split())
# titles that only ever stand before a name
_DOCTORS = frozenset("dr doktor doktorn överläkare överläkaren distriktsläkare distriktsläkaren".split())
_AGE_AFTER = re.compile(
    WS + r"+(?:\d{1,3}(?![\d,.]\d)|(?:" + NUMWORDS + r"|" + SMALL_NUMWORDS + r")(?!\w))", re.IGNORECASE
)


_BRACKET_AGE = re.compile(WS + r"*\(" + WS + r"*\d{1,3}" + WS + r"*\)")


def listed_name(s: Scan, t: Token) -> int:
    """Decide and record; the last rule, so it always takes its token."""
    if t.word.lower() in TITLES and s.text[t.end : t.end + 1] == "." and t.nxt[:1].isupper():
        return 1  # "läkare Dr. Olsson": the title's abbreviation before the name is no name
    info, name_len = lookup(t.word)
    if _AMOUNT_AFTER.match(s.text, t.end) and _common_word(t.word):
        return 1  # "Kort ****1234", "Max 3 tabletter per dygn": a receipt's field or a dose's limit
    if _accept(s, t, info) and not _english_or_possessive(t):
        s.add_person(t)
        if info is not None and (info.first_sv or info.first_other) and name_len == len(t.word):
            s.first_name_at.add(t.i)
    return 1


# A masked card number, or a count and what is counted in a dose or a receipt, right after the
# word: the word labels the amount ("Kort ****1234", "Max 3 tabletter", "max 45 dB"). An age
# after a name ("Max 7 år") has no such unit and stays a name; a number no one's age can be
# ("Dag 365 kom och gick", the day of a sick leave) is counted by the word too.
_AMOUNT_AFTER = re.compile(
    WS
    + r"+(?:[*Xx]{4}|\d+(?:[,.]\d+)?"
    + WS
    + r"*"
    + units(MEASURE_UNITS)
    + r"|(?:1[2-9]\d|[2-9]\d\d|\d{4})(?![\d,.:/-]|"
    + WS
    + r"\d))"
)


def _common_word(word: str) -> bool:
    """An everyday Swedish word as well as a name ("Kort", "Max", "Summa")."""
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return zipf_frequency(word.lower(), "sv") >= 4.0


# an opening quote right after a word: what was said follows ("said 'you must …'")
_QUOTE_AFTER = re.compile(r"[ \t]+['\"‘“][^\W\d_]")
# English nouns after "My" that Swedish spells the same, so the frequency test cannot tell
_EN_SHARED_NOUNS = frozenset("son mother father brother sister name bank doctor dad mum mom".split())


def _english_or_possessive(t: Token) -> bool:
    """ "My mother …", "My number …": an English sentence, not the name My; "Mina sidor",
    "Mina meddelanden": the possessive (an e-service's pages), not the name Mina."""
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    word, nxt = t.word.lower(), t.nxt
    if word in _EN_MONTH_WORDS and t.prev in _EN_PREPS and not (t.tight_next and nxt[:1].isupper()):
        return True  # "moving in Jan, where …"
    if word in _SV_MONTH_NAMES and t.prev in _SV_MONTH_PREPS and not (t.tight_next and nxt[:1].isupper()):
        return True  # "inte fått något sedan Maj.", "i April": a month written with a capital
    if t.at_start and t.tight_next and nxt in {"I", "you", "we"}:
        return True  # "May I suggest …", "Will you …"
    if not t.cap and zipf_frequency(word, "en") >= 5.0 and t.adjacent_prev:
        prev = t.prev
        if zipf_frequency(prev, "en") >= 4.0 and zipf_frequency(prev, "en") - zipf_frequency(prev, "sv") >= 1.0:
            return True  # "they said", "the nurse said": an English verb, not the name Said
    if not t.cap and zipf_frequency(word, "en") >= 5.0 and _QUOTE_AFTER.match(t.scan.text, t.end):
        return True  # "<Enhet> said 'you must …'": an English verb before the words it reports
    if not (t.tight_next and nxt[:1].islower()):
        return False
    low = nxt.lower()
    if word in {"mina", "min", "mitt"}:
        # a noun after it ("sidor", "meddelanden"), not a verb ("Mina ringde", "Mina har")
        return low not in PERSON_VERBS and low not in SWEDISH_STOP_WORDS and not low.endswith(("de", "te", "dde"))
    if word == "my" and low in _EN_SHARED_NOUNS:
        return True  # "My son Yusuf …": "son", "barn" are Swedish words too
    en = zipf_frequency(low, "en")
    return zipf_frequency(word, "en") >= 5.0 and en >= 4.0 and en - zipf_frequency(low, "sv") >= 1.0


def _after_title(s: Scan, t: Token) -> bool:
    prev = t.prev
    return (
        prev in TITLES
        or (prev.endswith(".") and prev[:-1] in TITLES)
        or (t.i > 0 and s.toks[t.i - 1][2] in {"dr", "Dr", "Doc", "doc"} and t.after_dot)
        or ("-" in prev and prev.rsplit("-", 1)[1] in TITLES)  # "min LSS-handläggare Emir"
        # "diabetessköterska Viol"; endswith(tuple) first: one C call instead of a generator
        # over every suffix for each of the ~10 words of every answer (issue 18's profile)
        or (prev.endswith(ROLE_SUFFIXES) and any(prev.endswith(h) and len(prev) >= len(h) + 3 for h in ROLE_SUFFIXES))
    )


# the desks where staff meet the public, named after "i": "<Namn> i receptionen var snäll"
_DESKS = frozenset("receptionen växeln kassan kundtjänst kundtjänsten luckan expeditionen entrén".split())
# a workplace word as the head of a compound: "hörselverkstaden", "barnakuten" (not "-boendet": "Bo på äldreboendet")
_WORKPLACE_HEAD = re.compile(r"[a-zåäö]{3,}(?:mottagningen|akuten|verkstaden|avdelningen|kontoret|kliniken)")


def _at_work(t: Token, info: NameInfo | None) -> bool:
    """ "Dag på soc", "max på Mini-Maria": a first name at the start of a sentence, then
    "på"/"från" and a workplace (a proper name or a word like soc, akuten, boendet), or "i" and
    a desk ("Per i receptionen")."""
    return bool(
        info is not None
        and (info.first_sv or info.first_other)
        and t.at_start
        and t.nxt2 != ""
        and (t.word.lower() not in SWEDISH_STOP_WORDS or info.first_sv)  # "Dag på soc", not "Alla på"
        and t.tight_next
        and t.gap2.strip() == ""
        and (
            t.nxt.lower() in {"på", "från", "vid", "hos", "pa", "fran"}
            and (t.after_next[:1].isupper() or t.nxt2 in WORKPLACE or _WORKPLACE_HEAD.fullmatch(t.nxt2))
            # "Per i receptionen": "i" only before a desk that serves the public, not "Bo i Lund"
            or t.nxt.lower() == "i"
            and t.nxt2 in _DESKS
        )
    )


def _with_age(s: Scan, t: Token, info: NameInfo | None, first: bool) -> bool:
    """ "Max är 11 år", "Saga var 16", "Maj fyller 90": a name with an age; "Rut (84)": a
    Swedish first name with an age in brackets, even one that is also a word."""
    if first and t.cap and info.first_sv and _BRACKET_AGE.match(s.text, t.end):
        return True
    return bool(
        first
        and t.cap
        and t.tight_next
        and t.nxt.lower() in {"är", "var", "fyller", "fyllde", "blir", "blev"}
        and (t.word.lower() not in SWEDISH_STOP_WORDS or info.first_sv)
        and _AGE_AFTER.match(s.text[s.toks[t.i + 1][1] :])
    )


def _greeted(s: Scan, t: Token, first: bool) -> bool:
    """ "hej björn!", "Tack Sten,", "tack till hasse"; an unknown word only in lowercase, not
    "Tack Gigamex" (a firm)."""
    word = t.word
    greeting = t.adjacent_prev and (
        t.prev in {"hej", "hejsan", "hallå", "tack", "kära"} or (t.prev == "till" and t.prev2 == "tack")
    )
    return bool(
        greeting
        and (first or (word.isalpha() and word.islower() and unknown_word(word) and not compound_word(word)))
        and not _NOT_NAME_AFTER_TITLE.match(s.text, t.end)
        and word.lower() not in SWEDISH_STOP_WORDS
    )


def _works_there(t: Token, info: NameInfo | None, first: bool) -> bool:
    """ "Micke som jobbar där": a name opening a sentence about someone's job."""
    return bool(
        t.cap
        and t.at_start
        and t.tight_next
        and t.nxt.lower() == "som"
        and t.nxt2 in {"jobbar", "arbetar", "jobbade", "arbetade"}
        and (t.word.lower() not in SWEDISH_STOP_WORDS or (info is not None and info.first_sv))
        and (first or (t.word.isalpha() and unknown_word(t.word)))
    )


def _and_i(t: Token, first: bool) -> bool:
    """ "Björn och jag", "Rut och min syster"."""
    return bool(
        first
        and t.at_start
        and t.tight_next
        and t.nxt.lower() == "och"
        and t.gap2.strip() == ""
        and t.nxt2 in {"jag", "min", "mitt", "mina"}
    )


def _before_unknown_surname(s: Scan, t: Token, info: NameInfo | None, first: bool) -> bool:
    """ "Rut Wennerholm" opening a line: a first name before a surname no list has."""
    nxt = t.nxt
    return bool(
        first
        and t.cap
        and t.at_start
        and t.tight_next
        and nxt[:1].isupper()
        and nxt[1:].islower()
        and "-" not in nxt  # "Hans Waran-dos är …": a compound with a lowercase tail is a noun
        and nxt not in s.places
        and (t.word.lower() not in SWEDISH_STOP_WORDS or info.first_sv)
        and unknown_word(nxt)
    )


_THANKS = frozenset("tack tackar tacksam thx tnx hej tja tjena".split())
# opening a sentence before a count ("Max 2 besökare"), not an age ("Lina 14 år")
_COUNT_AFTER = re.compile(WS + r"+\d{1,2}" + WS + r"+(?!år\b|mån|veck|dag)[a-zåäö]")


def _word_use(s: Scan, t: Token, info: NameInfo | None) -> bool:
    """Where a name-word is the word, or no word of a sentence at all: "lex Sarah", "Max 2
    besökare", "Ros: …", "Salam!", "tack bestie", a hashtag or a handle (forum.py reads those)."""
    low, text = t.word.lower(), s.text
    return bool(
        low == "lex"
        or t.prev == "lex"
        or (t.start > 0 and text[t.start - 1] in "#@.")
        or low in ADDRESS_TERMS
        or (t.word in KIN_ADDRESS_TERMS and t.prev in _THANKS)  # "tack bror", not "Tack Bror"
        or (low in GREETING_WORDS and t.at_start and text[t.end : t.end + 1] in {"!", ",", "."})
        or (info is not None and info.word and t.at_start and _COUNT_AFTER.match(text, t.end))
        # a label's colon after a word that is no first name: "Ros: gratis smörgås. Ris: …"
        or (info is not None and info.word and not info.first_sv and text[t.end : t.end + 2] == ": ")
    )


def _accept(s: Scan, t: Token, info: NameInfo | None) -> bool:
    word, prev, cap = t.word, t.prev, t.cap
    after_title = _after_title(s, t)
    if (word.lower() in _EPONYMS and not after_title) or _word_use(s, t, info):  # "har Parkinson", "lex Sarah"
        return False
    first = info is not None and (info.first_sv or info.first_other)
    if (
        _at_work(t, info)
        or _with_age(s, t, info, first)
        or _greeted(s, t, first)
        or _and_i(t, first)
        or _works_there(t, info, first)
        or _before_unknown_surname(s, t, info, first)
    ):
        return True
    # after a full stop only an abbreviated title ("Dr. Berg"), not "… min son. Hans mamma"
    if after_title and (t.adjacent_prev or (t.after_dot and prev in _ABBREVIATED_TITLES)):
        return _named_after_title(s, t, info)
    if (
        not cap
        and info is not None
        and info.word
        and info.first_sv
        and t.adjacent_prev
        and prev in _MEETS
        and word.lower() not in SWEDISH_STOP_WORDS
        and word.lower() not in {"per", "bo"}
        and not (t.tight_next and t.nxt.lower() in _SUBJECTS)
    ):
        return True  # "jag träffade eva igår": after these verbs a bare noun is a name
    if (
        not cap
        and info is not None
        and info.word
        and (info.first_sv or info.first_other)
        and word.lower() not in SWEDISH_STOP_WORDS
        and _lowercase_surname(t.nxt)
        and t.tight_next
    ):
        return True  # "per jönsson": a first name that is also a word, before a surname
    if info is not None:
        return _listed(s, t, info)
    if (
        cap
        and not t.at_start
        and t.adjacent_prev
        and word not in s.places
        and word.lower() not in SWEDISH_STOP_WORDS
        and (
            (t.i - 1) in s.first_name_at
            or (
                (t.i - 1) in s.person_at
                and (unknown_word(word) or (word.lower() in NAME_PARTICLES and t.nxt[:1].isupper() and t.tight_next))
            )
        )
    ):
        return True  # unknown name right after a name: "Mehmet Yilmaz", "Tran Minh Duc"
    if not cap and _lowercase_name_goes_on(s, t):
        return True  # "jag heter leila rostami", "abebe tesfay gebremariam"
    # "Hedqvist", "Perssons": unmistakably Swedish surnames
    return bool(cap and not t.at_start and len(word) > 5 and STRONG_SURNAME.search(word.lower()))


def _lowercase_name_goes_on(s: Scan, t: Token, rare: bool = True) -> bool:
    """A lowercase word right after a lowercase first name (or the word after one) is the rest
    of the name ("hatice yilmaz", "abebe tesfay gebremariam"): a listed name, or (`rare`) a
    word no language the texts mix in has. Up to three words, all lowercase."""
    i = t.i
    if (i - 1) in s.first_name_at:
        name = [i - 1]
    elif (i - 1) in s.person_at and (i - 2) in s.first_name_at:
        name = [i - 2, i - 1]
    else:
        return False
    return bool(
        t.adjacent_prev
        and t.word.isalpha()
        and t.word.islower()
        and all(s.toks[k][2].islower() for k in name)
        and t.word.lower() not in CHAT_FILLERS
        and t.word not in FOLDED_FUNCTION_WORDS  # "mvh jocke fran Kumla": "från" without å
        and (not rare or rare_word(t.word))
    )


def _lowercase_surname(word: str) -> bool:
    info = lists.names().get(word.lower()) if word.islower() else None
    return info is not None and info.last and not info.word


def _named_after_title(s: Scan, t: Token, info: NameInfo | None) -> bool:
    """After a title, kinship or role word: "doktor Berg", "min man Bo", "min handläggare per"."""
    if len(t.word) < 2:
        return False  # "Brukare A:"
    if t.word.lower() in PERSON_VERBS and not (
        t.cap and t.tight_next and t.nxt[:1].isupper() and t.nxt.lower() not in SWEDISH_STOP_WORDS
    ):
        return False  # "hans mamma ville inte"; "sjuksköterskan Ville Lindberg" is a full name
    if not t.cap and t.prev.rstrip(".") in _DOCTORS and info is not None and not info.common:
        return True  # "dr holm": after a doctor's title a listed name, even one that is also a word
    husband = t.prev == "man" and t.prev2 in POSSESSIVES  # "min man Bo"
    if t.cap and (t.prev != "man" or husband):
        # "Dr. Nwachukwu": after an abbreviated title's dot the capital is the name's own
        return info is not None or ((not t.at_start or t.after_dot) and t.word.lower() not in SWEDISH_STOP_WORDS)
    if info is not None and not info.word and (info.first_sv or (info.first_other and t.prev2 in POSSESSIVES)):
        return True
    # "min handläggare per", unless "per telefon"
    return bool(
        info is not None
        and info.first_sv
        and t.prev in ROLE_BEFORE_NAME
        and not _NOT_NAME_AFTER_TITLE.match(s.text, t.end)
    )


def _listed(s: Scan, t: Token, info: NameInfo) -> bool:
    """A word the name lists know, with no other evidence than its form and place."""
    word, cap = t.word, t.cap
    if not info.word:
        # lowercase: a Swedish first name, or a name right after one ("johan svensson", "hatice yilmaz")
        accept = (
            cap
            or info.first_sv
            or (info.last and (t.i - 1) in s.person_at and t.adjacent_prev)
            or (not info.common and _lowercase_name_goes_on(s, t, rare=False))
        )
        if (
            cap
            and t.at_start
            and not (info.first_sv or info.first_other)
            and info.last
            and not _SURNAME_SUFFIX.search(word.lower())
        ):
            # a foreign surname at the start of a sentence is too often a word
            accept = t.nxt.lower() in PERSON_VERBS
        return bool(accept)
    if (
        not cap
        and info.last
        and (t.i - 1) in s.first_name_at
        and t.adjacent_prev
        and word.lower() not in SWEDISH_STOP_WORDS
    ):
        return True  # "maria ström": a surname that is also a word, after a first name
    return cap and _capitalised_word(s, t, info)


def _capitalised_word(s: Scan, t: Token, info: NameInfo) -> bool:
    """A capitalised name that is also an ordinary word ("Björn", "Lisa", "Vi"): its place in
    the sentence and its neighbours decide."""
    word, nxt, text, end = t.word, t.nxt, s.text, t.end
    nxt_info, _ = lookup(nxt) if nxt else (None, 0)
    before_surname = bool(nxt[:1].isupper() and nxt_info is not None and nxt_info.last)
    if (t.i - 1) in s.person_at and t.adjacent_prev:
        return True  # surname after a first name: "Lena Frid"
    if word.lower() in SWEDISH_STOP_WORDS and not info.first_sv:
        return before_surname  # "Vi", "Alla" are pronouns, wherever they stand
    if re.match(WS + r"*&", text[end:]):
        return False  # "Bil & Motor": a company name
    if word.lower() in POSSESSIVES and t.tight_next and nxt.lower() in TITLES:
        return False  # "och Hans mamma": the possessive before a kinship word
    if not t.at_start and t.prev == "i":
        return False  # "i Juni", "i Sol": a month or a place, not a person
    if not t.at_start:
        prev_cap = (
            t.i > 0
            and t.adjacent_prev
            and s.toks[t.i - 1][2][:1].isupper()
            and not sentence_start(text, s.toks[t.i - 1][0])
        )
        return nxt[:1] != "-" and text[end : end + 1] != "-" and not prev_cap
    if word.lower() in SWEDISH_STOP_WORDS:
        # "Vi är", "Alla har": pronouns start sentences all the time. A Swedish first name
        # ("Dag ringde") still counts before a verb, any before a surname, and before a
        # second first name that a surname follows ("Hans Göran Pettersson").
        double = bool(
            info.first_sv
            and t.tight_next
            and nxt[:1].isupper()
            and nxt_info is not None
            and (nxt_info.first_sv or nxt_info.first_other)
            and t.after_next[:1].isupper()
            and re.fullmatch(WS + r"+", t.gap2)
        )
        return before_surname or double or bool(info.first_sv and nxt.lower() in PERSON_VERBS)
    if re.match(r"," + WS + r"*(?:du|ni)\b", text[end:]) and (info.first_sv or info.first_other):
        return True  # "Max, du får en extra stjärna": a first name spoken to
    if _APPOSITION.match(text, end) and word.lower() not in _ANSWERS:
        return True  # "Björn, min kontaktperson, ...", not "Jo, min dotter ..."
    if not info.common and info.first_sv and nxt[:1] != "-" and text[end : end + 1] != "-":
        return True  # "Lisa är ..." : the word sense (lisa, relief) is rare
    return (
        (nxt.lower() in PERSON_VERBS and t.tight_next)
        or before_surname
        or (
            nxt.lower() in {"från", "på", "vid"}
            and any(tok[2].lower() in PERSON_VERBS for tok in s.toks[t.i + 2 : t.i + 6])
        )
    )
