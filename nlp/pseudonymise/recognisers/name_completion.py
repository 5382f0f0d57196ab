"""After overlaps are resolved: found names take the name words next to them and are the same
person wherever else the text uses them ("Fikreta Hadžić", "Mattsson, Greger", "Fartun
Ismail … Fartun önskar", "Kjell-Åke ('Kjelle')")."""

from __future__ import annotations

import re
from bisect import insort

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.closing_initials import closing_initial
from nlp.pseudonymise.recognisers.names_in_context import CLOSINGS, foreign, namelike
from nlp.pseudonymise.recognisers.patterns import ROLE_COMPOUND
from nlp.pseudonymise.recognisers.span_set import SpanSet
from nlp.pseudonymise.recognisers.words import (
    COUNTRIES,
    NAME_PARTICLES,
    TITLES,
    noun_by_ending,
    plain_word,
    rare_word,
    sentence_start,
    unknown_word,
    whole_words,
)

# initials before a surname: "J. Andersson", "A.M. Haddad", "U-B Nyqvist" (a dot or a hyphen
# makes them initials; a lone capital "I" is a word)
# The first initial may be a first name's conventional short form of two letters or three:
# "Hj. Persson" (Hjalmar), "Th. Ek", "Chr. Berg", "Ph. Lind" (not "St.", "Dr.": a saint, a title)
_FIRST = r"(?:Hj|Th|Chr?|Ph|[A-ZÅÄÖ])"
_INITIALS = re.compile(r"(?<![\w.-])" + _FIRST + r"(?:(?:\.[ ]?|-)[A-ZÅÄÖ]){0,2}\.?[ ]$")
_INITIALS_NAME = re.compile(
    r"(?<![\w.-])(?!P\.S\.|D\.S\.|O\.S\.A\.)"
    + _FIRST
    + r"(?:(?:\.[ ]?|-)[A-ZÅÄÖ]){0,2}\.[ ]?([A-ZÅÄÖ][a-zåäöéü]{2,}(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)(?![\w-])"
)


# a form's field for a person, by their role: "Handläggare:", "Kontaktperson:", "Namn:"
_ROLE_FIELD = re.compile(
    r"(?i:\b(?:handläggare|handläggaren|kontaktperson|enhetschef|biståndshandläggare|avgiftshandläggare|"
    r"god man|förvaltare|ombud|namn|undertecknad))(?:[ ]*\([^()\n]{1,20}\))?[ ]*:[ ]*$"
)


def _initials_before(text: str, start: int) -> int:
    m = _INITIALS.search(text, max(0, start - 8), start)
    return m.start() if m and any(c in m.group(0) for c in ".-") else start


def initials_with_surname(text: str, spans: list[Span]) -> list[Span]:
    """Initials and a name-like capitalised word, "L. Berglöf (enhetschef)", are a name even
    when no list has the surname; a name already found takes the initials before it."""
    out = [Span(_initials_before(text, s.start), s.end, s.label) if s.label == "PERSON" else s for s in spans]
    # "/Eleni P.": a closing initial keeps its dot
    out = [
        Span(s.start, s.end + 1, s.label)
        if s.label == "PERSON" and text[s.end : s.end + 1] == "." and re.search(r"\s[A-ZÅÄÖ]$", text[s.start : s.end])
        else s
        for s in out
    ]
    out = [closing_initial(text, s) if s.label == "PERSON" else s for s in out]  # "Rana S. Avbokning …"
    if "." not in text:
        return out
    taken = SpanSet(out)  # where out's spans are: a list scan per match was quadratic
    for m in _INITIALS_NAME.finditer(text):
        # "…kl 10.15. B. Gran": initials and a word signing the text off are a name, even a
        # word the lexicon has (gran, lind, berg)
        signing = (
            _SIGNATURE_END.match(text, m.end()) is not None
            and re.search(r"(?:^|[.!?/\n])[ \t]*$", text[max(0, m.start() - 3) : m.start()]) is not None
            and m.group(1).lower() not in SWEDISH_STOP_WORDS
        )
        # "Handläggare: L. Ek": initials and a word in a person's field of a form are a name too
        role = _ROLE_FIELD.search(text, max(0, m.start() - 30), m.start()) is not None
        noun = noun_by_ending(m.group(1))  # "Rana S. Avbokning senast …": a sentence's noun, no surname
        if (namelike(m.group(1), False) or signing or role) and not noun and taken.free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "PERSON"))
            taken.add(m.start(), m.end())
    return sorted(out, key=lambda s: s.start)


_INITIAL_WORDS = re.compile(r"(?:^|\s)[A-ZÅÄÖ](?:-[A-ZÅÄÖ])?\.?(?:\s|$)")
_CELL_END = re.compile(r"[ ]*(?:\||\t)")
# a signature: the name ends its line, or only an e-mail address or a phone number follows
# (or a mail header's address in angle brackets: "From: Niamh O'Sullivan <niamh@…>")
_SIGNATURE_END = re.compile(
    r"[ \t,]*(?:\n|$|<?[\w.+-]+@[\w-]+\.[\w.]+>?[ \t]*(?:\n|$)|\+?[\d][\d ()-]{6,}[ \t]*(?:\n|$))"
)


def extend_names_left(text: str, spans: list[Span]) -> list[Span]:
    """A name-like capitalised word right before a found name belongs to it ("Fikreta
    Hadžić", "Abdiqani Yusuf Farah heter jag"), unless it is already something else."""
    taken = sorted(spans, key=lambda s: s.start)
    out = list(taken)
    at: dict[Span, list[int]] = {}  # where each span stands in out, in order (out.index per name was quadratic)
    for i, s in enumerate(out):
        at.setdefault(s, []).append(i)
    for k, sp in enumerate(taken):
        if sp.label != "PERSON":
            continue
        start = sp.start
        for _ in range(2):
            m = re.search(r"([^\W\d_][\w'’-]*) $", text[max(0, start - 40) : start])
            if not m:
                break
            word = m.group(1)
            new_start = start - len(word) - 1
            particle = word.lower() in NAME_PARTICLES and word[:1].isupper()  # "Tran Van Minh"
            if (
                not word[:1].isupper()
                or not (namelike(word, False) or particle)
                or word.lower() in CLOSINGS
                # "Äiti Aili", "Mummu Hilma": the kinship word is no name ("Van" is a particle)
                or (word.lower() in TITLES and not particle)
                or (k > 0 and taken[k - 1].end > new_start)
            ):
                break
            if lists.names().get(word.lower()) is None and not foreign(word) and sentence_start(text, new_start):
                # an unknown capitalised word opening a sentence may be any word: only
                # before a found first-and-last name ("Abdiqani Yusuf Farah")
                # ("| Rebaz Aziz |": two name words filling a spreadsheet cell are a name)
                # ("Mahbooba Noori mahbooba.n@…": a signature, two name words and the address)
                if (
                    " " not in text[sp.start : sp.end].strip()
                    and not _CELL_END.match(text, sp.end)
                    and not _SIGNATURE_END.match(text, sp.end)
                ):
                    break
            start = new_start
        if start != sp.start:
            i = at[sp].pop(0)  # out.index(sp)
            out[i] = Span(start, sp.end, "PERSON")
            insort(at.setdefault(out[i], []), i)
    return sorted(out, key=lambda s: s.start)


_INITIAL_END = re.compile(r"\s[A-ZÅÄÖ]$")
# one particle or two in a row ("van der", "de la") before the surname
_PARTICLE_AFTER = re.compile(r" ([a-z]{2,3}(?: [a-z]{2,3})?) ([A-ZÅÄÖ][^\W\d_][\w'’-]*)")
_AFTER_INITIAL = re.compile(r"\. ([A-ZÅÄÖ][^\W\d_][\w'’-]*)")


def _name_token(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.common or namelike(word, False)


def _after_particles(text: str, out: list[Span], k: int, end: int, absorbed: set[int]) -> int:
    """The end of name `out[k]` (now ending at `end`) with the lowercase particles and name
    words after it: "Sara af Klercker", "Ibrahim bin Khalid" (a capitalised particle is taken
    by the caller and by extend_names_left). A name found after the particle is absorbed."""
    for _ in range(2):
        m = _PARTICLE_AFTER.match(text, end)
        if (
            not m
            or not all(p in NAME_PARTICLES for p in m.group(1).split())
            or (k + 1 < len(out) and out[k + 1].start < m.end() and out[k + 1].start != m.start(2))
        ):
            break
        if k + 1 < len(out) and out[k + 1].start == m.start(2) and out[k + 1].label == "PERSON":
            absorbed.add(k + 1)  # "Hamid ibn Yusuf al-Rashidi": the rest was found as a name
            return out[k + 1].end
        # after a particle any capitalised word is the surname: "von Essen" is a town too
        if m.group(2).lower() in SWEDISH_STOP_WORDS or m.group(2).isupper():
            break
        end = m.end()
    return end


def _village_surname(first: str, word: str) -> bool:
    """ "Aune Kuttainen": a listed village (no word, no name) right after a first name that is
    no word is the surname; Tornedal and Sami families are often named after their village."""
    info = lists.names().get(first.lower())
    return (
        info is not None
        and (info.first_sv or info.first_other)
        and not info.word
        and lists.places().get(word) is False
        and lists.names().get(word.lower()) is None
    )


# "Sms från Ewa Nowak: …", "Meddelande från X Y: …": a forwarded message's sender, whose
# colon opens the message (a form field's colon follows a label word, never "från <namn>")
_SENDER_BEFORE = re.compile(r"(?:\bfrån|\bfrom)[ \t]+$", re.IGNORECASE)


def _sender(text: str, start: int) -> bool:
    return bool(_SENDER_BEFORE.search(text[max(0, start - 8) : start]))


# the form fields that may follow a name on its line ("… Personnummer: …")
_FIELD_WORDS = frozenset(
    "personnummer personnr pnr telefon tel telefonnummer mobil mobilnummer adress e-post epost mejl mail "
    "datum ålder född postnummer ort kön yrke".split()
)


def _field_word(word: str) -> bool:
    """A form's label, not the surname of the name before it ("Svar till Ahmed Nur: …")."""
    low = word.lower()
    return low in _FIELD_WORDS or (lists.names().get(low) is None and plain_word(low))


# the letters only Vietnamese writes (a hooked o or u, a barred d, a vowel with a dot below or a
# hook above), and the middle names written without them
_VIETNAMESE_MIDDLE = re.compile(r" (?:Thị|Thi|Văn|Van)$")
_VIETNAMESE = re.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂĐƠƯ]| (?:Thi|Van)$")


def _extend_right(text: str, out: list[Span], k: int, sp: Span) -> int:
    """The end of name `sp` after the name word to its right, if one follows and is free."""
    end = sp.end
    upper = text[sp.start : sp.end].isupper()
    # to the right, once, after a lone name ("ASTRID FRÖBERG"); a lowercase word stays
    value = text[sp.start : sp.end]
    # a Vietnamese name has three parts ("Trần Thị Hoa"): two found take the third too
    for _ in range(1 if " " not in value or (value.count(" ") == 1 and _VIETNAMESE.search(value)) else 0):
        m = re.match(r" ([^\W\d_][\w'’-]*)", text[end:])
        if not m or (k + 1 < len(out) and out[k + 1].start < end + 1 + len(m.group(1))):
            break
        word = m.group(1)
        if (
            not (
                word[:1].isupper()
                and word.isupper() == upper
                and (
                    _name_token(word)
                    or _village_surname(text[sp.start : sp.end], word)
                    # after a Vietnamese middle name the given name follows, a word or not ("Thị Sen")
                    or (_VIETNAMESE_MIDDLE.search(value) is not None and len(word) <= 8)
                )
            )
            or (text[end + 1 + len(word) : end + 2 + len(word)] == ":" and not _sender(text, sp.start))
        ):
            break  # "Tran Van Minh Personnummer: …": a form field follows
        end += 1 + len(word)
    return end


def complete_names(text: str, spans: list[Span]) -> list[Span]:
    """After overlaps are resolved: a found name takes the name words next to it ("Tran Van
    Minh", "ASTRID FRÖBERG", "Mattsson, Greger"), and a first or last name found once is
    the same person wherever else the text uses it ("Fartun Ismail … Fartun önskar")."""
    out = sorted(spans, key=lambda s: s.start)
    absorbed: set[int] = set()
    for k, sp in enumerate(out):
        if sp.label != "PERSON" or k in absorbed:
            continue
        end = _extend_right(text, out, k, sp)
        end = _after_particles(text, out, k, end, absorbed)
        # "Abdullahi M. Farah": after a middle initial the surname follows its dot
        m = _AFTER_INITIAL.match(text, end) if _INITIAL_END.search(text[sp.start : end]) else None
        m = None if m is None or noun_by_ending(m.group(1)) else m  # "Sara L. Avbokning …": no surname
        if m and _name_token(m.group(1)) and not (k + 1 < len(out) and out[k + 1].start < m.end()):
            end = m.end()
        out[k] = Span(sp.start, end, "PERSON")
    out = [sp for k, sp in enumerate(out) if k not in absorbed]
    # "Nguyen Van Thanh Personnummer: …": a form field after a name is not part of it
    for k, sp in enumerate(out):
        value = text[sp.start : sp.end]
        # "usk Emina H.:", "Dr M. El-Khoury:", a chat's "peter s:": an initial on either side
        # ends a name, not a field
        if (
            sp.label == "PERSON"
            and " " in value
            and text[sp.end : sp.end + 1] == ":"
            and not _INITIAL_WORDS.search(value)
            and len(value) - value.rindex(" ") > 2
            and not _sender(text, sp.start)
            and _field_word(value[value.rindex(" ") + 1 :])
        ):
            out[k] = Span(sp.start, sp.start + value.rindex(" "), "PERSON")
    # "Mattsson, Greger": a surname, a comma and a first name are one name; "Nguyen" "Van Thanh"
    # found apart are one name too
    merged: list[Span] = []
    for sp in out:
        gap = text[merged[-1].end : sp.start] if merged else ""
        # "Abdullahi M. Farah": a middle initial's dot between the parts
        initial = gap == ". " and _INITIAL_END.search(text[merged[-1].start : merged[-1].end]) is not None
        if merged and sp.label == merged[-1].label == "PERSON" and (gap == " " or initial):
            merged[-1] = Span(merged[-1].start, sp.end, "PERSON")
            continue
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and sp.label == prev.label == "PERSON"
            and text[prev.end : sp.start] == ", "
            and " " not in text[prev.start : prev.end]
            and " " not in text[sp.start : sp.end]
        ):
            last = lists.names().get(text[prev.start : prev.end].lower())
            first = lists.names().get(text[sp.start : sp.end].lower())
            if (
                last is not None
                and last.last
                and first is not None
                and (first.first_sv or first.first_other)
                and not (last.first_sv and not first.last)
                # "Frid, Hampus, Siv": a third name after it makes a list
                and not _LIST_GOES_ON.match(text, sp.end)
            ):  # "Anna, Bo och …" is a list
                merged[-1] = Span(prev.start, sp.end, "PERSON")
                continue
        if not _join_shouted(text, merged, prev, sp):
            merged.append(sp)
    return _same_name_elsewhere(text, _ampersand(text, _nicknames(text, _listed_after(text, merged))))


# a log's or a register's "EFTERNAMN, FÖRNAMN" in capitals, opening its field: after a line's
# start, a dash, a bar or a semicolon ("… – KARADAĞ, SELIM, samma enhet, läst")
_SHOUTED_SURNAME_BEFORE = re.compile(r"(?:^|[\n|;–-][ \t]*)([A-ZÅÄÖÜÉÇĞŞİ]{3,}),[ \t]$")
_SHOUTED_FIELD_END = re.compile(r"[ \t]*(?:[,;|\n]|$)")


def _shouted_surname(text: str, sp: Span, surname: str) -> bool:
    """The word before a shouted first name is its surname: a first name in capitals, its field
    ending after it, and a word before it no lexicon has ("OBS, ANNA", "IVO, ANNA" stay)."""
    first = text[sp.start : sp.end]
    info = lists.names().get(first.lower())
    return (
        first.isupper()
        and " " not in first
        and info is not None
        and (info.first_sv or info.first_other)
        and _SHOUTED_FIELD_END.match(text, sp.end) is not None
        and surname.capitalize() not in lists.places()
        and (lists.names().get(surname.lower()) is not None or unknown_word(surname.capitalize()))
    )


def _join_shouted(text: str, merged: list[Span], prev: Span | None, sp: Span) -> bool:
    """Append `sp` with the shouted surname before it ("KARADAĞ, SELIM") to `merged`; False when
    no such surname precedes it."""
    shouted = _SHOUTED_SURNAME_BEFORE.search(text, max(0, sp.start - 32), sp.start) if sp.label == "PERSON" else None
    if not (shouted and _shouted_surname(text, sp, shouted.group(1))):
        return False
    if prev is not None and prev.label == "PERSON" and (prev.start, prev.end) == shouted.span(1):
        merged[-1] = Span(prev.start, sp.end, "PERSON")  # the surname found on its own
    elif prev is None or prev.end <= shouted.start(1):
        merged.append(Span(shouted.start(1), sp.end, "PERSON"))
    else:
        merged.append(sp)
    return True


_LIST_GOES_ON = re.compile(
    r",[ \t]*[A-ZÅÄÖ][a-zåäöéü]+(?:[ \t]*[,\n]|[ \t]+och\b|$)|[ \t]+och[ \t]+[A-ZÅÄÖ][a-zåäöéü]+(?:[ \t]*[.\n]|$)"
)


# "Emma & Linus Björk": a name-like word joined by an ampersand to a found name
_BEFORE_AMPERSAND = re.compile(r"([A-ZÅÄÖ][a-zåäöéü]+)[ \t]*&[ \t]*$")


def _ampersand(text: str, spans: list[Span]) -> list[Span]:
    if "&" not in text:
        return spans
    extra, taken = [], SpanSet(spans)
    for sp in spans:
        m = _BEFORE_AMPERSAND.search(text, max(0, sp.start - 30), sp.start) if sp.label == "PERSON" else None
        if m and (namelike(m.group(1), False) or lists.names().get(m.group(1).lower()) is not None):
            if taken.free(m.start(1), m.end(1)):
                extra.append(Span(m.start(1), m.end(1), "PERSON"))
    return sorted(spans + extra, key=lambda s: s.start)


# "Kjell-Åke ('Kjelle')", "Mohammed (Mo)": a nickname in brackets or quotes right after a name
_NICKNAME = re.compile(r"[ \t]*\([ \t]*['\"‘’“”]?([A-ZÅÄÖ][^\W\d_]{1,14})['\"‘’“”]?[ \t]*\)")


def _nicknames(text: str, spans: list[Span]) -> list[Span]:
    out, taken = list(spans), SpanSet(spans)
    for sp in spans:
        m = _NICKNAME.match(text, sp.end) if sp.label == "PERSON" else None
        nick = m.group(1) if m else ""
        if (
            nick[1:].islower()
            and nick.lower() not in SWEDISH_STOP_WORDS
            and nick not in lists.places()
            and nick not in COUNTRIES  # "Nadia Mansour (Egypten)": where she is from
            and (lists.names().get(nick.lower()) is not None or unknown_word(nick))
        ):
            if taken.free(m.start(1), m.end(1)):
                out.append(Span(m.start(1), m.end(1), "PERSON"))
                taken.add(m.start(1), m.end(1))
    return sorted(out, key=lambda s: s.start)


_CONTACT_AFTER = re.compile(
    r"[ \t.]*(?:\n|$|,[ \t]*(?i:tel|telefon|tfn|mobil|mob|pnr|personnummer|e-post|epost|adress)\b)"
)


# the next item of a list of names: ", Yonas Gebremedhin" (after a bracket: "(ordf.), …")
_NEXT_NAME = re.compile(
    r"(?:[ \u00a0]*\([^()\n]{1,30}\))?,[ \u00a0]+((?:[^\W\d_][\w'’-]*[ \u00a0]?){1,3}?)"
    r"(?=[ \u00a0]*(?:,|\(|och\b|\n|$))"
)


def _listed_after(text: str, spans: list[Span]) -> list[Span]:
    """ "Gunnel Axelsson (ordf.), Yonas Gebremedhin, Pham Thi Hoa": names in a list go on
    after a found one, while each item is name words ending at a comma, "(", "och" or the line end."""
    out, taken = list(spans), SpanSet(spans)  # taken: where out's spans are (a list scan was quadratic)
    k = 0
    while k < len(out):
        sp = out[k]
        k += 1
        if sp.label != "PERSON":
            continue
        m = _NEXT_NAME.match(text, sp.end)  # in place: text[sp.end:] copied the rest of the text per name
        if not m:
            continue
        start, end = m.start(1), m.end(1)
        words = text[start:end].split()
        if (
            not taken.free(start, end)
            or not all(w[:1].isupper() and (_name_token(w) or len(w) == 1) for w in words)
            or len(words[0]) < 2
            or ROLE_COMPOUND.fullmatch(words[0])  # "<Namn>, HR-partner, …": the role
        ):
            continue
        label = "PERSON"
        if (
            len(words) == 1
            and " " in text[sp.start : sp.end].strip()
            and lists.names().get(words[0].lower()) is None
            and unknown_word(words[0])
            and _CONTACT_AFTER.match(text, end)
        ):
            # "Pentti Rova, Tärendö", "Jon-Ánte Spik, Kvikkjokk, tel …": after a full name, one
            # word no name list has, ending the line or before the phone, is where the person lives
            label = "ORT"
        out.append(Span(start, start + len(text[start:end].rstrip()), label))
        taken.add(out[-1].start, out[-1].end)
        out.sort(key=lambda s: s.start)
        k = out.index(sp) + 1
    return out


def _lowercase_again(word: str, info: lists.NameInfo | None) -> bool:
    """A lowercase name found in a person context, to look for again in the same text: a
    first name (even one that is also a word, not an everyday one) or a word no lexicon has."""
    if not word.islower() or len(word) < 3 or word in SWEDISH_STOP_WORDS or word in lists.places():
        return False
    if info is not None:
        # a word-flagged foreign name ("bil", "lek") is too often the word
        return (info.first_sv or (info.first_other and not info.word)) and not info.common
    return rare_word(word)


def _same_name_elsewhere(text: str, spans: list[Span]) -> list[Span]:
    names = set()
    for sp in spans:
        if sp.label == "PERSON":
            words = re.findall(r"[^\W\d_][\w'’-]*", text[sp.start : sp.end])
            for w in words:
                info = lists.names().get(w.lower())
                # from a full name, or a listed one: a lone unknown word ("Verisure") may be a firm
                if (
                    len(w) >= 3
                    and w[:1].isupper()
                    and not w.isupper()
                    and w.lower() not in SWEDISH_STOP_WORDS
                    # a first name that is also a word ("Emir") when the full name stands here
                    and (
                        (info is None and len(words) >= 2)
                        or (info is not None and (not info.word or (len(words) >= 2 and not info.common)))
                    )
                    and w not in lists.places()
                ):
                    names.add(w)
                elif _lowercase_again(w, info):
                    names.add(w)  # "jag och kalle … kalle har demens": the same person again
    if not names:
        return spans
    extra = []
    found = SpanSet(spans)
    for start, end in whole_words(text, names):
        if found.free(start, end):
            # "Kerttu Lainio … bor ensam i Lainio": a surname that is also a village, said
            # again where someone lives, is the village
            lives = _LIVES_IN.search(text, max(0, start - 30), start) and text[start].isupper()
            extra.append(Span(start, end, "ORT" if lives else "PERSON"))
    return sorted(spans + extra, key=lambda s: s.start)


_LIVES_IN = re.compile(
    r"\b(?:bor|bodde|bott|flyttade|flyttat|född|växte upp)(?:[ \t]+(?:ensam|kvar|nu|fortfarande|själv))?"
    r"[ \t]+(?:i|på)[ \t]+$|\b(?:byn|i byn)[ \t]*,?[ \t]+$"
)
