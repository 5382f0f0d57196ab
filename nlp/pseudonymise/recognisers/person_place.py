"""PERSON and ORT together, token by token: the same capitalised word can be either
("från Vilhelmina", "Vilhelmina ringde")."""

from __future__ import annotations

import re

from spacy.lang.sv.stop_words import STOP_WORDS

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP, NUMWORDS, SMALL_NUMWORDS, WS
from nlp.pseudonymise.recognisers.words import (
    COUNTRIES,
    NAME_PARTICLES,
    PERSON_VERBS,
    PREPS_PLACE,
    ROLE_BEFORE_NAME,
    TITLES,
    TOKEN,
    WORKPLACE,
    lookup,
    sentence_start,
    unknown_word,
)

_EPONYMS = frozenset("parkinson parkinsons alzheimer alzheimers asperger aspergers crohn crohns tourette "
                     "tourettes huntington huntingtons bechterew bechterews sjögren sjögrens hodgkin "
                     "hodgkins cushing cushings addison addisons down downs menière raynaud graves "
                     "hashimoto hashimotos lyme".split())
_NAME_VERBS = frozenset("heter hette".split())
_POSSESSIVES = frozenset("min mitt mina vår vårt våra hans hennes hens din ditt er ert deras".split())
_NOT_NAME_AFTER_TITLE = re.compile(WS + r"*(?:telefon|tel|mejl|mail|e-post|post|brev|sms|dag|dagen|vecka|"
                                   r"veckan|månad|timme|timmen|år|gång|person|besök|kvart)\b", re.IGNORECASE)
# Verbs that follow a person as subject: they tell "Bo sa ..." from "Bo på gården ...".
_SURNAME_SUFFIX = re.compile(r"(?:sson|son|qvist|kvist|ström|berg|gren|lund|dahl|holm|blad|stedt|"
                             r"ander|ius|lin|lén|ell|én|stam|bäck|sjö|löf|fors|vall)$")
_RESIDENCE = re.compile(
    r"(?:flyttade|flyttat|flytta|flyttar|bor|bodde|boende|växte upp|kommer|kom|uppvuxen|född)"
    r"(?:" + WS + r"+(?:hit|dit|hem|tillbaka|ut))?" + WS + r"+(?:i|från|till|på|utanför|nära)" + WS + r"+$"
    r"|(?:från|mellan)" + WS + r"+[" + CAP + r"][\w-]+" + WS + r"+(?:till|och)" + WS + r"+$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    r"" + WS + r"*," + WS + r"*(?:(?:min|mitt|vår|hans|hennes|din|er|deras)" + WS + r"+)?(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True)).replace(".", r"\.") + r")\b",
    re.IGNORECASE,
)
# Verbs and prepositions after which a bare lowercase name-list word is a person
# ("ringde linda"), because a common noun would take an article or a plural there.
_MEETS = frozenset("träffade träffar ringde ringer mötte möter frågade frågar tackade tackar saknar "
                   "saknade hälsade pratade med hos".split())
_STRONG_SURNAME = re.compile(r"(?:sson|qvist|kvist|ström)$")
_SENT_END = set(".!?:;\n\"'”»(")

def _lowercase_surname(word: str) -> bool:
    info = lists.names().get(word.lower()) if word.islower() else None
    return info is not None and info.last and not info.word


def find_person_and_place(text: str) -> list[Span]:
    """PERSON and ORT together: the same capitalised word can be either ("från Vilhelmina")."""
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    spans: list[Span] = []
    person_at: set[int] = set()
    first_name_at: set[int] = set()  # plain (not genitive) first names: a surname may follow
    places = lists.places()
    first_words = lists.place_first_words()
    n = len(toks)
    i = 0
    while i < n:
        start, end, word = toks[i]
        prev = toks[i - 1][2].lower() if i > 0 else ""
        gap = text[toks[i - 1][1]:start] if i > 0 else "."
        adjacent_prev = i > 0 and gap.strip() == ""
        after_dot = i > 0 and gap.strip() == "."
        nxt = toks[i + 1][2] if i + 1 < n else ""
        cap = word[:1].isupper()
        at_start = sentence_start(text, start)
        # ORT first: a capitalised place after a place preposition, or an unambiguous place.
        if cap and word in places and re.search(r"(?<!\d)\d{3}" + WS + r"?\d{2}" + WS + r"+$", text[max(0, start - 10):start]):
            spans.append(Span(start, end, "ORT"))  # "961 23 Boden": the town after its postcode
            i += 1
            continue
        if cap and word in first_words and not word.isupper():
            matched = None
            for place in first_words[word]:
                if text.startswith(place, start) and not text[start + len(place):start + len(place) + 1].isalnum():
                    matched = place
                    break
            if matched:
                ambiguous_word = places[matched]
                is_name = lists.names().get(word.lower()) is not None
                # "Åsa Börjesson", "tack till Åsa": a person who shares a town's name
                person_like = is_name and (
                    nxt[:1].isupper() and text[end:toks[i + 1][0]].strip() == ""
                    or (prev == "till" and i > 1 and toks[i - 2][2].lower() == "tack"))
                if not person_like and (prev in PREPS_PLACE and adjacent_prev or (
                    not ambiguous_word and not is_name and not at_start
                ) or (not ambiguous_word and not is_name and nxt.lower() in {"kommun", "län", "stad"})):
                    if prev not in TITLES:
                        spans.append(Span(start, start + len(matched), "ORT"))
                        while i < n and toks[i][0] < start + len(matched):
                            i += 1
                        continue
        if (not cap and adjacent_prev and prev in PREPS_PLACE and len(word) > 2
                and places.get(word.capitalize()) is False and word not in lists.names()):
            spans.append(Span(start, end, "ORT"))  # "jag bor i karlstad"
            i += 1
            continue
        if cap and not at_start and adjacent_prev and word not in lists.names() and word not in COUNTRIES \
                and _RESIDENCE.search(
            text, max(0, start - 30), start
        ):
            # "flyttade från Kronoparken", "bor i Skåre": a place even when no list has it.
            spans.append(Span(start, end, "ORT"))
            i += 1
            continue
        if word.isupper() and len(word) > 1:
            # Shouted text ("TACK ANNA LINDGREN"): only unmistakable names, never acronyms.
            shout = lists.names().get(word.lower()) if len(word) > 2 else None
            after_name = (i - 1) in person_at and adjacent_prev
            if shout is not None and not shout.word and (
                    shout.first_sv or _STRONG_SURNAME.search(word.lower()) or (shout.last and after_name)):
                if after_name and spans and spans[-1].end == toks[i - 1][1]:
                    spans[-1] = Span(spans[-1].start, end, "PERSON")
                else:
                    spans.append(Span(start, end, "PERSON"))
                person_at.add(i)
            i += 1
            continue
        tight_next = i + 1 < n and text[end:toks[i + 1][0]].strip() == ""
        # "jag heter hasse", "Kowalski heter min läkare": a name whatever the lists say.
        # the context first: the word checks (lexicon, word frequency) are the costly part
        named = ((prev in _NAME_VERBS and adjacent_prev) or (cap and nxt.lower() in _NAME_VERBS and tight_next)) \
            and word.isalpha() and word.lower() not in STOP_WORDS and word.lower() not in WORKPLACE \
            and (lists.names().get(word.lower()) is not None or unknown_word(word))
        # "Nu när Dragana har slutat": a capitalised word Swedish does not have, inside a
        # sentence, as the subject of something people do.
        # Short, one capital: company names ("Mekonomen", "HemKaos") are left to their context.
        named = named or (cap and not at_start and word[1:].islower() and len(word) <= 8 and tight_next
                          and word not in places and lists.names().get(word.lower()) is None
                          and word not in COUNTRIES and nxt.lower() in PERSON_VERBS and unknown_word(word))
        # "min sambo robban": after "min" and a kinship or role word, a word Swedish does not have.
        nickname = (not cap and adjacent_prev and prev in ROLE_BEFORE_NAME and word.isalpha() and i > 1
                    and toks[i - 2][2].lower() in _POSSESSIVES
                    and lists.names().get(word.lower()) is None and unknown_word(word))
        if named or nickname:
            if (i - 1) in person_at and adjacent_prev and spans and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
            else:
                spans.append(Span(start, end, "PERSON"))
            person_at.add(i)
            first_name_at.add(i)
            i += 1
            continue
        parts = word.split("-")
        if len(parts) > 1:
            # Hyphenated name ("Anna-Karin", "Lind-Berg"), not a compound ("RUT-hjälp").
            infos = [lists.names().get(p.lower()) for p in parts]
            capitalised = all(p[:1].isupper() for p in parts) and any(infos) and not word.isupper()
            # lowercase "ros-marie": every part a name, one of them unambiguously a first name
            lower = all(infos) and any(x.first_sv and not x.word for x in infos if x) and word.islower()
            # a double surname after a first name: "Elias Nilsson-Forsman"
            after_first = (i - 1) in first_name_at and (
                all(p[:1].isupper() for p in parts) or (word.islower() and all(infos)))
            if (capitalised or lower or after_first) and (i - 1) in person_at and adjacent_prev and spans \
                    and spans[-1].label == "PERSON" and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
                person_at.add(i)
            elif capitalised or lower:
                spans.append(Span(start, end, "PERSON"))
                person_at.add(i)
                if infos[0] is not None and (infos[0].first_sv or infos[0].first_other):
                    first_name_at.add(i)  # "Britt-Marie Sandén": a surname may follow
            i += 1
            continue
        info, name_len = lookup(word)
        after_title = prev in TITLES or (prev.endswith(".") and prev[:-1] in TITLES) or (
            i > 0 and toks[i - 1][2] in {"dr", "Dr", "Doc", "doc"} and after_dot
        ) or ("-" in prev and prev.rsplit("-", 1)[1] in TITLES)  # "min LSS-handläggare Emir"
        husband = prev == "man" and i > 1 and toks[i - 2][2].lower() in _POSSESSIVES  # "min man Bo"
        # "Dag på soc", "max på Mini-Maria": a first name at the start of a sentence, then
        # "på"/"från" and a workplace (a proper name or a word like soc, akuten, boendet).
        at_work = (info is not None and (info.first_sv or info.first_other) and at_start and i + 2 < n
                   and (word.lower() not in STOP_WORDS or info.first_sv)  # "Dag på soc", not "Alla på"
                   and tight_next and nxt.lower() in {"på", "från", "vid", "hos", "pa", "fran"}
                   and text[toks[i + 1][1]:toks[i + 2][0]].strip() == ""
                   and (toks[i + 2][2][:1].isupper() or toks[i + 2][2].lower() in WORKPLACE))
        nxt2 = toks[i + 2][2].lower() if i + 2 < n else ""
        gap2 = text[toks[i + 1][1]:toks[i + 2][0]] if i + 2 < n else ""
        first = info is not None and (info.first_sv or info.first_other)
        # "Max är 11 år", "Saga var 16", "Maj fyller 90": a name with an age
        with_age = (first and cap and tight_next and nxt.lower() in {"är", "var", "fyller", "fyllde", "blir", "blev"}
                    and (word.lower() not in STOP_WORDS or info.first_sv)
                    and re.match(WS + r"+(?:\d{1,3}(?![\d,.]\d)|(?:" + NUMWORDS + r"|" + SMALL_NUMWORDS + r")(?!\w))",
                                 text[toks[i + 1][1]:], re.IGNORECASE))
        # "hej björn!", "Tack Sten,": a name after a greeting
        greeting = adjacent_prev and (prev in {"hej", "hejsan", "hallå", "tack", "kära"} or (
            prev == "till" and i > 1 and toks[i - 2][2].lower() == "tack"))
        # an unknown word only in lowercase: "tack till hasse", not "Tack Gigamex" (a firm)
        greeted = (greeting and (first or (word.isalpha() and word.islower() and unknown_word(word)))
                   and not _NOT_NAME_AFTER_TITLE.match(text, end) and word.lower() not in STOP_WORDS)
        # "Micke som jobbar där": a name opening a sentence about someone's job
        works = (cap and at_start and tight_next and nxt.lower() == "som"
                 and nxt2 in {"jobbar", "arbetar", "jobbade", "arbetade"}
                 and (word.lower() not in STOP_WORDS or info.first_sv)
                 and (first or (word.isalpha() and unknown_word(word))))
        # "Björn och jag", "Rut och min syster"
        and_i = (first and at_start and tight_next and nxt.lower() == "och" and gap2.strip() == ""
                 and nxt2 in {"jag", "min", "mitt", "mina"})
        accept = False
        if (word.lower() in _EPONYMS and not after_title) or prev == "lex":  # "lex Sarah" is a law
            accept = False  # "har Parkinson"
        elif at_work or with_age or greeted or and_i or works or (
                first and cap and at_start and tight_next and nxt[:1].isupper() and nxt[1:].islower()
                and nxt not in places and (word.lower() not in STOP_WORDS or info.first_sv) and unknown_word(nxt)):
            # the last: "Rut Wennerholm" opening a line, a name before a surname no list has
            accept = True
        elif after_title and (adjacent_prev or after_dot):
            if cap and (prev != "man" or husband):
                accept = info is not None or (not at_start and word.lower() not in STOP_WORDS)
            elif info is not None and not info.word and (info.first_sv or (
                    info.first_other and i > 1 and toks[i - 2][2].lower() in _POSSESSIVES)):
                accept = True
            elif (info is not None and info.first_sv and prev in ROLE_BEFORE_NAME
                  and not _NOT_NAME_AFTER_TITLE.match(text, end)):
                accept = True  # "min handläggare per", unless "per telefon"
        elif (not cap and info is not None and info.word and info.first_sv and adjacent_prev
              and prev in _MEETS and word.lower() not in STOP_WORDS and word.lower() not in {"per", "bo"}):
            accept = True  # "jag träffade eva igår": after these verbs a bare noun is a name
        elif not cap and info is not None and info.word and (info.first_sv or info.first_other) \
                and word.lower() not in STOP_WORDS and _lowercase_surname(nxt) \
                and text[end:toks[i + 1][0]].strip() == "":
            accept = True  # "per jönsson": a first name that is also a word, before a surname
        elif info is not None:
            if not info.word:
                # lowercase: a Swedish first name, or a surname right after one ("johan svensson")
                accept = cap or info.first_sv or (info.last and (i - 1) in person_at and adjacent_prev)
                if cap and at_start and not (info.first_sv or info.first_other) and info.last and not _SURNAME_SUFFIX.search(word.lower()):
                    # a foreign surname at the start of a sentence is too often a word
                    accept = nxt.lower() in PERSON_VERBS
            elif (not cap and info.last and (i - 1) in first_name_at and adjacent_prev
                  and word.lower() not in STOP_WORDS):
                accept = True  # "maria ström": a surname that is also a word, after a first name
            elif cap:
                nxt_info, _ = lookup(nxt) if nxt else (None, 0)
                before_surname = nxt[:1].isupper() and nxt_info is not None and nxt_info.last
                if (i - 1) in person_at and adjacent_prev:
                    accept = True  # surname after a first name: "Lena Frid"
                elif word.lower() in STOP_WORDS and not info.first_sv:
                    accept = before_surname  # "Vi", "Alla" are pronouns, wherever they stand
                elif re.match(WS + r"*&", text[end:]):
                    accept = False  # "Bil & Motor": a company name
                elif not at_start and prev == "i":
                    accept = False  # "i Juni", "i Sol": a month or a place, not a person
                elif not at_start:
                    prev_cap = (i > 0 and adjacent_prev and toks[i - 1][2][:1].isupper()
                                and not sentence_start(text, toks[i - 1][0]))
                    accept = nxt[:1] != "-" and text[end:end + 1] != "-" and not prev_cap
                elif word.lower() in STOP_WORDS:
                    # "Vi är", "Alla har": pronouns start sentences all the time. A Swedish
                    # first name ("Dag ringde") still counts before a verb, any before a surname.
                    nxt_info, _ = lookup(nxt) if nxt else (None, 0)
                    accept = (nxt[:1].isupper() and nxt_info is not None and nxt_info.last) or (
                        info.first_sv and nxt.lower() in PERSON_VERBS
                    )
                elif _APPOSITION.match(text, end):
                    accept = True  # "Björn, min kontaktperson, ..."
                elif not info.common and info.first_sv and nxt[:1] != "-" and text[end:end + 1] != "-":
                    accept = True  # "Lisa är ..." : the word sense (lisa, relief) is rare
                else:
                    nxt_info, _ = lookup(nxt) if nxt else (None, 0)
                    accept = (nxt.lower() in PERSON_VERBS and tight_next) or (
                        nxt[:1].isupper() and nxt_info is not None and nxt_info.last
                    ) or (
                        nxt.lower() in {"från", "på", "vid"}
                        and any(t[2].lower() in PERSON_VERBS
                                for t in toks[i + 2:i + 6])
                    )
        elif cap and not at_start and adjacent_prev and word not in places and word.lower() not in STOP_WORDS \
                and ((i - 1) in first_name_at or ((i - 1) in person_at and (
                    unknown_word(word) or (word.lower() in NAME_PARTICLES and nxt[:1].isupper() and tight_next)))):
            accept = True  # unknown name right after a name: "Mehmet Yilmaz", "Tran Minh Duc"
        elif cap and not at_start and len(word) > 5 and _STRONG_SURNAME.search(word.lower()):
            accept = True  # "Hedqvist", "Perssons": unmistakably Swedish surnames
        if accept:
            if (i - 1) in person_at and adjacent_prev and spans and spans[-1].label == "PERSON" and spans[-1].end == toks[i - 1][1]:
                spans[-1] = Span(spans[-1].start, end, "PERSON")
            else:
                spans.append(Span(start, end, "PERSON"))
            person_at.add(i)
            if info is not None and (info.first_sv or info.first_other) and name_len == len(word):
                first_name_at.add(i)
        i += 1
    # "lisa och kent": a name-list word joined by "och" to a found person is a person too.
    for j in range(1, n - 1):
        if toks[j][2].lower() not in {"och", "eller"}:
            continue
        for a, b in ((j - 1, j + 1), (j + 1, j - 1)):
            if a in person_at and b not in person_at:
                info, name_len = lookup(toks[b][2])
                other = toks[b][2]
                unknown_cap = (info is None and other[:1].isupper() and not other.isupper() and len(other) <= 10
                               and not sentence_start(text, toks[b][0]) and other not in places
                               and other not in COUNTRIES and unknown_word(other))
                if ((info is not None and (info.first_sv or info.first_other) or unknown_cap)
                        and not other.isupper() and other.lower() not in STOP_WORDS):
                    spans.append(Span(toks[b][0], toks[b][1], "PERSON"))
                    person_at.add(b)
    return spans


