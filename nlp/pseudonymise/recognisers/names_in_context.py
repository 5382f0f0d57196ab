"""PERSON by context, for names no list has and names written in lowercase.

person_place.find_person_and_place leans on the name lists; names from many naming
traditions ("Berhane", "Abdirizak Nur", "Dževad") and lowercase names ("zeynep ringde",
"murat och elif") are often in no list. Here the sentence says a person is meant:
- after a verb of contact or thanks ("ring Emre", "fråga efter nasra", "tack till Dariush
  Farahani") or a role ("kassören Fadumo Hersi", "kontaktperson, Abdirizak Nur");
- opening a sentence before what people do ("zeynep ringde", "thu trang från kören");
- in "det är mirja", "jag e liban";
- a capitalised word with letters Swedish does not use ("Ayşe", "Hadžić");
- before a found name ("Fikreta Hadžić") or joined to one by "och" or a comma.
A candidate is never an ordinary Swedish word, a stop word, a place or a country.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists, software_names
from nlp.pseudonymise.recognisers.dialogue import NAME_QUESTION, speaker_tags
from nlp.pseudonymise.recognisers.mail_headers import HEADER_AND_GREETING_WORDS
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.words import (
    COUNTRIES,
    NAME_PARTICLES,
    PERSON_VERBS,
    PREPS_PLACE,
    ROLE_BEFORE_NAME,
    ROLE_SUFFIXES,
    STAFF_ABBREVIATIONS,
    TITLES,
    WORKPLACE,
    Tokens,
    everyday_word,
    function_words,
    in_state,
    plain_word,
    rare_word,
    sentence_start,
    tokens,
    unknown_word,
)

_CONTACT = frozenset(
    "ring ringa ringde ringer kontakta kontaktade kontaktar be bad ber tacka tackar tackade tack hälsa "
    "hälsar hälsade mejla maila mejlade mailade sms:a smsa sms:a skriv skrev fråga frågade träffa "
    "träffade träffar".split()
)
# two-word contexts: "fråga efter", "tack till", "prata med", "hälsa till", "skriv till"
# ("tack vare Vasilis Antoniou": thanks to a person); written as pairs of words, split once
_CONTACT_PAIRS = frozenset(
    tuple(pair.split("+"))
    for pair in "fråga+efter frågade+efter tack+till prata+med pratade+med pratar+med hälsa+till hälsar+till "
    "skriv+till tacka+till fråga+för tack+vare".split()
)
_ROLES = frozenset(
    "kassör kassören ordförande ordf sekreterare sekreteraren studievägledare studievägledaren tolk tolken "
    "vägledare vägledaren stödpedagog stödpedagogen assistent assistenten personlig kontaktperson "
    "kontaktpersonen föräldrar föräldrarna barnen barn grannen granne vännen väninnan svärmor svärfar "
    "svåger svägerska mottagare "
    # form fields and minutes: "Sökande: …", "NAMN: …", "Närvarande: …", a report's "Pat: …"
    "sökande namn huvudman resenär deltog närvarande elev hyresgäst vårdnadshavare förnamn efternamn pat pat. "
    "fokus brukare klient patient anhörig avsändare frånvarande ordf. deltagare ansv ansvarig närv "
    # payment forms: "kontohavare jovana …"
    "kontohavare kontoinnehavare betalningsmottagare betalare kortinnehavare innehavare "
    # insurance forms: "Försäkringstagare: …", "Försäkrad: …"
    "försäkringstagare försäkringstagaren försäkrad försäkrade".split()
)
# "mamma till linh", "pappa till Ebba": a parent (or another relative) of someone named
_PARENTS = frozenset(
    "mamma pappa mor far förälder föräldrar vårdnadshavare mamman pappan mormor morfar farmor farfar "
    # "dotter till eino": a child, a sibling or a spouse of someone named
    "dotter dottern son sonen barnbarn barnbarnet syster systern bror brodern fru frun hustru make maka".split()
)
# "vi kallar honom Kricke": a nickname ("så kallade rea", "en tidning som kallas X" name things)
_CALLS = frozenset("kallar kallade kallas kallades".split())
_DOERS = frozenset(
    set(PERSON_VERBS)
    | set(
        "har hade är var ar e kommer jobbar jobbade arbetar arbetade bor bodde går gick pratar pratade "
        "följde hälsar hjälper hjälpte heter hette från fran".split()
    )
)
_SWEDISH_LETTERS = set("abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ-'’")
_TELLS = frozenset("ringde sa sade berättade skrev frågade lovade svarade mejlade hälsade tyckte".split())
_SPEAKER = re.compile(r"\[\d{1,2}[:.]\d\d(?::\d\d)?\][ \t]*[^\W\d_]+[ \t]*:[ \t]*$")
_SUBORDINATORS = frozenset("när om då eftersom att som fast medan tills innan sen".split())
_GREETINGS = frozenset("hej hejsan hallå moi hei merhaba salam tjena tjenare tjabba tja hejhej halloj".split())


# French and Spanish accents come with loanwords and brands ("Citroën", "café", "Shamá")
_WESTERN_ACCENTS = set("àáâãèêëíìîïñóòôõúùûçœæøÿÀÁÂÃÈÊËÍÌÎÏÑÓÒÔÕÚÙÛÇŒÆØ")
CLOSINGS = frozenset(
    "mvh vh mvg hälsningar hälsning hälsn hls vänliga vänligen bästa tack hej hejsan ps obs från till".split()
)


# đ, ŋ and ŧ are common in Sami nouns ("Giđđadálvi") and rare in names, which the lists have
_SAMI = re.compile(r"[đĐŋŊŧŦ]")


def foreign(word: str) -> bool:
    """Letters of naming traditions Swedish does not use: "Ayşe", "Hadžić", "Nguyễn"."""
    return any(ch not in _SWEDISH_LETTERS and ch not in _WESTERN_ACCENTS for ch in word)


def _english(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return zipf_frequency(word.lower(), "en") >= 4.0


def _listed(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.word and not info.common


def _unknown_pair(toks: Tokens, i: int, j: int) -> bool:
    """Two or three capitalised words no list has, shaped like a name and no brand:
    "Dariush Farahani", not "WeGot", "Great India", "Aesthetic Group"."""
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    words = [t[2] for t in toks[i:j]]
    return len(words) >= 2 and all(w[1:].islower() and zipf_frequency(w.lower(), "en") < 3.5 for w in words)


# surname endings of naming traditions the lists cover thinly (Ukrainian, Polish, South
# Slavic, Russian, Armenian, Greek, Georgian, Romanian, Turkish)
_FOREIGN_SURNAME = re.compile(
    r"..(?:enko|chuk|czuk|shyn|ski|ska|sky|skyi|cki|cka|ović|ovic|ević|evic|ić|ov|ova|ev|eva|yan|ian|"
    r"idis|poulos|akis|shvili|dze|escu|oglu|oğlu|yev|yeva|uk|yk)$"
)


def namelike(word: str, lowercase_ok: bool) -> bool:
    """Could this token be (part of) a name nobody listed? Never a Swedish word (nor two made one,
    "Intervjufil") or place, nor a form's label abbreviated ("Pnr", "Tfn": a table's header)."""
    if word.isupper() and len(word) > 2:
        word = word.capitalize()  # "NAMN: MARGARETA ELG": judge the name, not the shouting
    low = word.lower()
    if (
        len(word) < 2
        or low in HEADER_AND_GREETING_WORDS
        or low in CLOSINGS
        or re.search(r"[\d_]|(.)\1\1|^(?i:p-nr|[a-zåäö]+nr|tfn)$", word)
        or low in SWEDISH_STOP_WORDS
        or low in TITLES
        or low in STAFF_ABBREVIATIONS
        or low in WORKPLACE
        or low in _ROLES
        or _role_before(low)
        or low.rsplit("-", 1)[-1] in TITLES
        or _UNIT_TAIL.search(low.rstrip("'’"))  # "Sjuksköterska, Ortopedavdelning": the ward, not her name
        or word in lists.places()
        or word in COUNTRIES
        or word.isupper()
        and len(word) > 1
    ):
        return False
    if not (word[:1].isupper() or lowercase_ok):
        return False
    info = lists.names().get(low)
    if info is not None:
        return not info.word and not info.common
    return foreign(word) or unknown_word(word, single=True)


# a compound ending in a ward's or a clinic's word names a place of work, never a person
_UNIT_TAIL = re.compile(r"..(?:avdelning|avdelningen|mottagning|mottagningen|kliniken|klinik|enheten|centralen)$")


@lru_cache(maxsize=4096)
def _role_before(prev: str) -> bool:
    # not "man" ("blir man uppringd", "frågar man Verisure"), "mor", "far"; a nurse's short title
    # too ("dsk Priyanka Ramaswamy": a name no list has after "ssk", "dsk")
    return prev in _ROLES or prev in ROLE_BEFORE_NAME or prev in STAFF_ABBREVIATIONS or prev.endswith(ROLE_SUFFIXES)


def _run(text: str, toks: Tokens, i: int, lowercase_ok: bool) -> int:
    """Index after the name starting at token i (up to three tokens, whitespace between)."""
    j = i + 1
    while j < len(toks) and j - i < 3 and text[toks[j - 1][1] : toks[j][0]] in {" ", "\u00a0"}:
        word = toks[j][2]
        same_case = word[:1].isupper() == toks[i][2][:1].isupper() and word.isupper() == toks[i][2].isupper()
        if not same_case or not (namelike(word, lowercase_ok) or word.lower() in NAME_PARTICLES) or _english(word):
            break  # "Thai House", "the price": no surname
        j += 1
    return j


def _first_or_last(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.common


def first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other) and not info.common


def _opening(text: str, toks: Tokens, i: int, greeted: bool) -> int:
    """End index of a name opening a sentence before what people do ("zeynep ringde",
    "thu trang från kören", "Yonas Ghebremedhin och hans fru"), else 0."""
    word = toks[i][2]
    cap = word[:1].isupper()
    info = lists.names().get(word.lower())
    if info and info.first_sv and not info.common and i + 1 < len(toks) and toks[i + 1][2].lower() in _TELLS:
        return i + 1  # "lisa sa att …": a Swedish first name that is also a word ("server sa" is not one)
    if info and info.first_sv and in_state(toks, i + 1):
        return i + 1  # "Bo var så trött", "stig har feber": a body or a mood is a person's
    # "Kö-nummer 17 sa de": a compound with a hyphen before an everyday word, no first name before it
    compound = "-" in word and plain_word(word.rsplit("-", 1)[-1]) and not lists.names().get(word.split("-")[0].lower())
    if compound or not namelike(word, True):
        # "murat och elif från …": a name that is also a word, joined to a clear one
        if (
            i + 3 < len(toks)
            and toks[i + 1][2].lower() == "och"
            and first_name(word)
            and not cap
            and namelike(toks[i + 2][2], True)
            and toks[i + 3][2].lower() in _DOERS
        ):
            return i + 1
        return 0
    j = _run(text, toks, i, lowercase_ok=not cap)
    after = toks[j][2].lower() if j < len(toks) else ""
    if after not in _DOERS and after not in {"och", "o"}:
        return 0
    if (
        cap
        and j - i == 1
        and after in _TELLS
        and unknown_word(word)
        and not (len(word) > 6 and re.search(r"(?:aren|eren|arna|erna|orna|ingen|heten|an|en|et)$", word))
    ):
        return j  # "Tekle ringde från …", not "Kundmottagaren sa …"
    if (
        greeted
        or (cap and foreign(word) and not (j - i == 1 and _SAMI.search(word) and not _listed(word)))
        or (not cap and _listed(word))
        or (cap and first_name(word) and _listed(word) and unknown_word(word))
    ):
        return j  # at a sentence start a capital says nothing: "Visa säger", "Wall har" stay
    if j - i >= 2 and (any(_listed(t[2]) for t in toks[i:j]) or (cap and _unknown_pair(toks, i, j))):
        return j  # "thu trang från kören", "Yonas Ghebremedhin och hans fru"
    return 0


class _Context(NamedTuple):
    """What the words before token i say about it."""

    prev: str
    tight: bool
    contact: bool  # "ring Emre", "tack till Dariush Farahani"
    strong: bool  # a role, a greeting, "be", "fråga efter", "mamma till", a signature
    says: bool  # "det är mirja", "jag och kalle"
    with_me: bool
    field: bool  # "Sökande: Tran Van Minh"
    greeted: bool
    word_name: bool  # a first name that is also a word ("lena", "kalle") where only a person stands


def _context(text: str, toks: Tokens, i: int, tags: frozenset[str]) -> _Context:
    start, end, word = toks[i]
    prev = toks[i - 1][2].lower() if i > 0 else ""
    prev2 = toks[i - 2][2].lower() if i > 1 else ""
    gap = text[toks[i - 1][1] : start] if i > 0 else ""
    cap = word[:1].isupper()
    tight = gap.strip() == ""
    contact = tight and (prev in _CONTACT or (prev2, prev) in _CONTACT_PAIRS)
    # "[20:12] Sjuksköterska: Ring 112": a chat's speaker label, the message begins after it
    speaker = gap.strip() == ":" and (
        _SPEAKER.search(text, max(0, start - 60), start) is not None or (i > 0 and toks[i - 1][2] in tags)
    )
    # "Handläggare: och ditt namn\nUppringare: shirin rahimi": the answer to a name question
    answer = speaker and NAME_QUESTION.search(text, max(0, start - 120), text.rfind("\n", 0, start) + 1) is not None
    # "…din mans namn\nUppringare: Reza": the next speaker's tag follows, not a name
    # "Dear Mr. Okafor", "Mr Grant": English courtesy titles in forwarded mail
    # (as written: "MS. Ingen har …" is the illness, then a new sentence; "Miss Behave" a bar)
    courtesy = i > 0 and toks[i - 1][2] in {"Mr", "Mrs", "Ms"} and gap.strip() in {"", "."} and cap
    # "Anmälare: Eva Rask, maka⏎Tel: 0920 …": the next line's field label, no name after the role
    label = "\n" in gap and text.startswith(":", end) and not _first_or_last(word)
    role = (_role_before(prev) and gap.strip() in {"", ",", ":"} and not label or courtesy) and not speaker
    role = role and not ("\n" in gap and cap and everyday_word(word))  # "anhörig:⏎Ring mig", a verb
    role = role and word not in tags
    # "… står i vägen /Dawit", "/lena", "/ kaveh +46 40 …": a signature, perhaps with a phone after it
    signed = gap.strip().endswith("/") and re.match(r"[\w \t()+-]*(?:\n|$)", text[end:]) is not None
    # "Sökande: Tran Van Minh": after a form field even a name that is also a word
    # ("Ansv: Maj", "Närvarande: Sol"): any listed name, since a label asks for a person here
    field = (
        _role_before(prev)
        and gap.strip() == ":"
        and cap
        and (
            _first_or_last(word)
            or (lists.names().get(word.lower()) is not None and word.lower() not in SWEDISH_STOP_WORDS)
        )
    )
    # "… när det är kris": in a subordinate clause "det är" states a thing, it introduces no one
    prev3 = toks[i - 3][2].lower() if i > 2 else ""
    says = tight and prev in {"är", "ar", "e"} and prev2 in {"det", "jag", "detta", "här"} and not cap
    says = says and not (prev2 == "det" and prev3 in _SUBORDINATORS) and software_names.said_name(word)
    # "jag och kalle", "vi och amira": a first name even if it is also a word
    with_me = tight and prev == "och" and prev2 in {"jag", "mig", "vi", "oss"} and not cap
    says = says or (with_me and first_name(word))
    greeted = gap.strip() in {"", ","} and prev in _GREETINGS  # "moi, aino har"
    called = tight and prev in {"honom", "henne", "hen"} and prev2 in _CALLS
    # ("familjehemsmamma till X", "bonuspappa till X": a compound parent is one too)
    parent = prev2 in _PARENTS or prev2.endswith(("mamma", "pappa", "förälder", "föräldrar"))
    named_for = called or (tight and prev == "till" and parent and (cap or not everyday_word(word)))  # "till unga"
    # "Mvh Hodan", "Hälsningar Päivi Rantanen" ending a line: a signature
    closing = (
        tight
        and cap
        and prev in CLOSINGS
        and prev not in {"från", "till", "tack", "obs", "ps"}
        and re.match(r"(?:[ \t]+[^\W\d_][\w-]*){0,2}[ \t,]*[+\d( )-]*(?:\n|$)", text[end:]) is not None
    )
    asked_for = tight and (
        prev in {"be", "bad", "ber"} or (prev2, prev) in {("fråga", "efter"), ("frågade", "efter"), ("fraga", "efter")}
    )
    word_name = (signed or says or named_for or (tight and prev == "efter")) and first_name(word)
    # "vi kallar honom Kricke": a capitalised nickname even if it is also a word
    word_name = word_name or (called and cap and word.lower() not in SWEDISH_STOP_WORDS) or courtesy
    strong = role or signed or named_for or greeted or asked_for or closing or answer
    return _Context(prev, tight, contact, strong, says, with_me, field, greeted, word_name)


# A message's last line holding one capitalised word, perhaps before a phone's "Skickat
# från min …": the writer's signature ("…my number 073-…\nLan")
_LAST_LINE = re.compile(
    r"\n[ \t]*([A-ZÅÄÖ][a-zåäöéü]+)[ \t]*(?:\n\s*(?:Skickat från|Sent from|Skickades från)[^\n]*)?\s*\Z"
)


# a capitalised word after a name in a field, then a bracket, a comma or the line's end
_FIELD_SURNAME = re.compile(r" [A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?[ \t]*(?:\(|,|\n|$)")
# minutes' attendance: a heading, then one person a line ("- Maj (ordf)", "• Dag")
_ATTENDANCE_HEAD = guarded(r"(?im)^[^\n]*\b(?:närvar\w*|deltagare|deltog|närv)\b[^\n]*\n")
_ATTENDANCE_ITEM = re.compile(
    r"[ \t]*[-•*–][ \t]*([A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){0,2})[ \t]*(?:\([^()\n]{1,25}\))?[ \t]*(?:\n|$)"
)


def _attendance(text: str) -> list[Span]:
    out: list[Span] = []
    for head in _ATTENDANCE_HEAD.finditer(text):
        pos = head.end()
        while m := _ATTENDANCE_ITEM.match(text, pos):
            first = m.group(1).split()[0]
            # a listed name even when it is also a word ("- Dag"), else a word no language has
            if lists.names().get(first.lower()) is None and not namelike(first, False):
                break  # "- Kaffe och fika": the list is over, or was never one of people
            out.append(Span(m.start(1), m.end(1), "PERSON"))
            pos = m.end()
    return out


# a signature above a quoted thread: "…försvann.\n\nKasia\n\n> Från: …"
_LINE_BEFORE_QUOTE = re.compile(
    r"\n[ \t]*\n[ \t]*([A-ZÅÄÖ][a-zåäöéü]+)[ \t]*\n\s*(?:>|-{2,}|_{4,}|Från:|From:|Den .{5,60} skrev)"
)


def _signature_line(text: str) -> list[Span]:
    m = _LAST_LINE.search(text) if "\n" in text else None
    if m is None and "\n\n" in text:
        quoted = _LINE_BEFORE_QUOTE.search(text)
        # above a quoted thread a name no list has counts too ("Kasia"), if it looks like one
        if quoted and namelike(quoted.group(1), False) and quoted.group(1).lower() not in CLOSINGS:
            return [Span(quoted.start(1), quoted.end(1), "PERSON")]
    if m is None or not text[: m.start()].strip():
        return []
    word = m.group(1)
    info = lists.names().get(word.lower())
    if info is None or info.common or not (info.first_sv or info.first_other) or word.lower() in CLOSINGS:
        return []
    return [Span(m.start(1), m.end(1), "PERSON")]


def _latin(word: str) -> bool:
    """Latin letters, with any accents ("Hadžić", "Nguyễn"): a capitalised word in another
    script ("Пишу шведською") opens a sentence of that language, whose capitals say nothing."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 for ch in word)


def _not_in_prose(text: str, toks: Tokens, i: int) -> bool:
    """A hashtag's or a handle's word (forum.py reads those), or the law in "lex Sarah"."""
    start = toks[i][0]
    prev = toks[i - 1][2].lower() if i > 0 else ""
    return (start > 0 and text[start - 1] in "#@") or toks[i][2].lower() == "lex" or prev == "lex"


def find_person_in_context(text: str) -> list[Span]:
    toks = tokens(text)
    spans: list[Span] = []
    n = len(toks)
    person_at: set[int] = set()
    skip, tags = function_words(), speaker_tags(text)
    i = 0
    while i < n:
        start, end, word = toks[i]
        if word in skip or plain_word(word) or word in tags or _not_in_prose(text, toks, i):
            i += 1  # "och", "att" start no name (speed: about every other token)
            continue
        cap = word[:1].isupper()
        prev, tight, contact, strong, says, with_me, field, greeted, word_name = _context(text, toks, i, tags)
        j = 0
        if (contact or strong or says) and (namelike(word, True) or field or (with_me and says) or word_name):
            j = _run(text, toks, i, lowercase_ok=not cap)
            if field and j - i < 3 and j < n and _FIELD_SURNAME.match(text, toks[j - 1][1]):
                # "Deltagare: Sanna Lejon (RSMH), …", "Nguyen Thi Lan, …": a capitalised word
                # ending the field's item is the surname, even when it is also a word
                nxt = toks[j][2]
                if nxt.lower() not in SWEDISH_STOP_WORDS and not nxt.isupper() and nxt not in lists.places():
                    j += 1
            if word_name:
                pass  # the context has already said it: a person
            elif says and not (_listed(word) or with_me):
                j = 0  # "jag är supernöjd": after "är" only a listed name
            elif not strong and not says and not (_listed(word) or foreign(word) or _unknown_pair(toks, i, j)):
                # "ringde Eniro", "tack Gigamex", "kontaktade transportstyrelsen": firms and
                # authorities are called and thanked too
                j = 0
            elif strong and not cap and not _listed(word) and not foreign(word) and not (greeted or prev == "efter"):
                j = 0  # lowercase after a role or "be": only a listed name ("be better", "bad experience")
        if (
            not j
            and any(t[2].lower() in _DOERS or t[2].lower() in {"och", "o"} for t in toks[i + 1 : i + 4])
            and (greeted or sentence_start(text, start))
        ):
            j = _opening(text, toks, i, greeted)
        if not j and cap and foreign(word) and _latin(word) and namelike(word, False) and not _SAMI.search(word):
            j = _run(text, toks, i, lowercase_ok=False)  # "Ayşe", "Esma Begić"; not "Giđđadálvi"
        if (
            not j
            and cap
            and not sentence_start(text, start)
            and lists.names().get(word.lower()) is not None
            and namelike(word, False)
            and i + 1 < n
            and text[end : toks[i + 1][0]] == " "
            and namelike(toks[i + 1][2], False)
        ):
            j = _run(text, toks, i, lowercase_ok=False)  # "Sahra Jama": a surname no list has
        if (
            not j
            and cap
            and not sentence_start(text, start)
            and prev not in PREPS_PLACE
            and i + 1 < n
            and text[end : toks[i + 1][0]] == " "
            and rare_word(word)
            and namelike(word, False)
            and namelike(toks[i + 1][2], False)
            and rare_word(toks[i + 1][2])
            and _FOREIGN_SURNAME.search(toks[i + 1][2])
            and _unknown_pair(toks, i, i + 2)
        ):
            # "assistent hos Mykola Kovalenko via …": two capitalised words inside a sentence
            # that neither Swedish nor English has and no list knows, the second with a
            # surname's ending ("Mekonomen Häggvik", "Blomquist Städservice" are firms)
            j = _run(text, toks, i, lowercase_ok=False)
        if j:
            # "bor numera i Gdańsk": a foreign-lettered word after a place preposition is a place
            place_prep = prev in PREPS_PLACE or prev in {"from", "in", "to", "near"}  # expats' English
            label = "ORT" if place_prep and tight and foreign(word) and not contact else "PERSON"
            spans.append(Span(start, toks[j - 1][1], label))
            person_at.update(range(i, j))
            i = j
            continue
        i += 1
    return spans + _joined(text, toks, spans, person_at) + _signature_line(text) + _attendance(text)


def _joined(text: str, toks: Tokens, spans: list[Span], person_at: set[int]) -> list[Span]:
    """ "Mirsad och Fikreta Hadžić", "Bożena Kowalczyk (ordf), Hamid Rezaei": a name-like word
    joined by "och" or a comma to a name found here is a name too."""
    out: list[Span] = []
    for j in range(1, len(toks) - 1):
        link = toks[j][2].lower()
        for a, b in ((j - 1, j + 1), (j + 1, j - 1)):
            if a not in person_at or b in person_at:
                continue
            word = toks[b][2]
            if (
                link in {"och", "o", "eller"}  # "o": text-speak for "och"
                and (namelike(word, not word[:1].isupper()) or first_name(word))
                and (word[:1].isupper() == toks[a][2][:1].isupper())
            ):
                k = _run(text, toks, b, not word[:1].isupper()) if b > a else b + 1
                out.append(Span(toks[b][0], toks[k - 1][1], "PERSON"))
                person_at.update(range(b, k))
    return out
