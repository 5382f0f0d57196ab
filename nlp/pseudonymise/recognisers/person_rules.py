"""PERSON rules of the token pass that need no name list decision: shouted names, names by a
naming verb or as a nickname, hyphenated names, and names joined by "och" to a found one.
Each rule returns the number of tokens it took (0: the next rule decides)."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.scan import Scan, Token
from nlp.pseudonymise.recognisers.words import (
    CHAT_FILLERS,
    COUNTRIES,
    NICKNAME_PREFIXES,
    PERSON_VERBS,
    POSSESSIVES,
    ROLE_BEFORE_NAME,
    WORKPLACE,
    lookup,
    sentence_start,
    unknown_word,
)

_NAME_VERBS = frozenset("heter hette".split())
STRONG_SURNAME = re.compile(r"(?:sson|qvist|kvist|ström)$")


def shouted_name(s: Scan, t: Token) -> int:
    """Shouted text ("TACK ANNA LINDGREN"): only unmistakable names, never acronyms. Any
    other word in capitals is taken too: no later rule reads it."""
    word = t.word
    if not (word.isupper() and len(word) > 1):
        return 0
    shout = lists.names().get(word.lower()) if len(word) > 2 else None
    after_name = (t.i - 1) in s.person_at and t.adjacent_prev
    named = t.prev in _NAME_VERBS and t.adjacent_prev  # "JAG HETER LINDA": even a name that is a word
    if (
        shout is not None
        and (not shout.word or (named and (shout.first_sv or shout.first_other)))
        and (shout.first_sv or STRONG_SURNAME.search(word.lower()) or (shout.last and after_name))
    ):
        s.add_person(t)
    return 1


_JOINED_PARTICLES = frozenset("al el ul as ad ar at an ash abu ibn bin".split())


def _verb_form(word: str) -> bool:
    """ "turades", "hjälptes": a passive whose active form Swedish has ("min bror turades om")."""
    w = word.lower()
    # "-ades" is always a verb ("turades", "samlades"); "-des"/"-tes" when the active form is a word
    return len(w) > 5 and (w.endswith("ades") or (w.endswith(("des", "tes")) and not unknown_word(w[:-1])))


def named_in_context(s: Scan, t: Token) -> int:
    """A name whatever the lists say: "jag heter hasse", "Kowalski heter min läkare", "Nu när
    Dragana har slutat", "min sambo robban". The context is checked first: the word checks
    (lexicon, word frequency) are the costly part."""
    word, cap = t.word, t.cap
    named = (
        ((t.prev in _NAME_VERBS and t.adjacent_prev) or (cap and t.nxt.lower() in _NAME_VERBS and t.tight_next))
        and word.isalpha()
        and word.lower() not in SWEDISH_STOP_WORDS
        and word.lower() not in WORKPLACE
        and (lists.names().get(word.lower()) is not None or unknown_word(word))
    )
    # a capitalised word Swedish does not have, inside a sentence, as the subject of something
    # people do. Short, one capital: company names ("Mekonomen", "HemKaos") are left to their context.
    named = named or (
        cap
        and not t.at_start
        and word[1:].islower()
        and len(word) <= 8
        and t.tight_next
        and word not in s.places
        and lists.names().get(word.lower()) is None
        and word not in COUNTRIES
        and t.nxt.lower() in PERSON_VERBS
        and unknown_word(word)
    )
    # after "min" and a kinship or role word, a word Swedish does not have
    nickname = (
        not cap
        and t.adjacent_prev
        and t.prev in ROLE_BEFORE_NAME
        and word.isalpha()
        and t.prev2 in POSSESSIVES
        and lists.names().get(word.lower()) is None
        and word.lower() not in CHAT_FILLERS
        and not _verb_form(word)
        and unknown_word(word)
    )
    if not (named or nickname):
        return 0
    s.add_person(t)
    s.first_name_at.add(t.i)
    return 1


def hyphenated_name(s: Scan, t: Token) -> int:
    """A hyphenated name ("Anna-Karin", "Lind-Berg"), not a compound ("RUT-hjälp"). Any
    other hyphenated word is taken too: no later rule reads it."""
    word, i = t.word, t.i
    parts = word.split("-")
    if len(parts) < 2:
        return 0
    infos = [lists.names().get(p.lower()) for p in parts]
    capitalised = all(p[:1].isupper() for p in parts) and any(infos) and not word.isupper()
    # lowercase "ros-marie": every part a name, one of them unambiguously a first name
    lower = all(infos) and any(x.first_sv and not x.word for x in infos if x) and word.islower()
    # "lill-pelle", "Tjock-Micke": a nickname made of a prefix and a first name, also in the
    # genitive ("lill-Kalles kalas"); a name that is also a word when capitalised ("lill-Kalle")
    tail = infos[-1]
    if tail is None and len(parts) == 2 and len(parts[1]) > 3 and parts[1].endswith("s"):
        tail = lists.names().get(parts[1][:-1].lower())
    nickname = (
        len(parts) == 2
        and parts[0].lower() in NICKNAME_PREFIXES
        and tail is not None
        and (tail.first_sv or tail.first_other)
        and (not tail.word or (parts[1][:1].isupper() and not tail.common))
    )
    lower = lower or nickname
    # a double surname after a first name: "Elias Nilsson-Forsman"
    after_first = (i - 1) in s.first_name_at and (
        all(p[:1].isupper() for p in parts) or (word.islower() and all(infos))
    )
    # "Khalid al-Hassan", "Omar el-Sayed": an article or kin particle joined to a surname
    particle = (
        len(parts) == 2 and parts[0].lower() in _JOINED_PARTICLES and parts[1][:1].isupper() and parts[1][1:].islower()
    )
    after_first = after_first or ((i - 1) in s.first_name_at and particle)
    spans = s.spans
    if (
        (capitalised or lower or after_first)
        and (i - 1) in s.person_at
        and t.adjacent_prev
        and spans
        and spans[-1].label == "PERSON"
        and spans[-1].end == s.toks[i - 1][1]
    ):
        spans[-1] = Span(spans[-1].start, t.end, "PERSON")
        s.person_at.add(i)
    elif capitalised or lower:
        spans.append(Span(t.start, t.end, "PERSON"))
        s.person_at.add(i)
        if infos[0] is not None and (infos[0].first_sv or infos[0].first_other):
            s.first_name_at.add(i)  # "Britt-Marie Sandén": a surname may follow
    return 1


def names_joined_by_och(s: Scan) -> None:
    """ "lisa och kent": a name-list word joined by "och" to a found person is a person too."""
    text, toks = s.text, s.toks
    for j in range(1, len(toks) - 1):
        if toks[j][2].lower() not in {"och", "eller"}:
            continue
        for a, b in ((j - 1, j + 1), (j + 1, j - 1)):
            if a in s.person_at and b not in s.person_at:
                info, _ = lookup(toks[b][2])
                other = toks[b][2]
                unknown_cap = (
                    info is None
                    and other[:1].isupper()
                    and not other.isupper()
                    and len(other) <= 10
                    and not sentence_start(text, toks[b][0])
                    and other not in s.places
                    and other not in COUNTRIES
                    and unknown_word(other)
                )
                if (
                    (info is not None and (info.first_sv or info.first_other) or unknown_cap)
                    and not other.isupper()
                    and other.lower() not in SWEDISH_STOP_WORDS
                ):
                    s.add(toks[b][0], toks[b][1], "PERSON")
                    s.person_at.add(b)
