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

from spacy.lang.sv.stop_words import STOP_WORDS

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import (
    COUNTRIES,
    NAME_PARTICLES,
    PERSON_VERBS,
    PREPS_PLACE,
    ROLE_BEFORE_NAME,
    TITLES,
    TOKEN,
    WORKPLACE,
    sentence_start,
    unknown_word,
)

_CONTACT = frozenset(
    "ring ringa ringde ringer kontakta kontaktade kontaktar be bad ber tacka tackar tackade tack hälsa "
    "hälsar hälsade mejla maila mejlade mailade sms:a smsa sms:a skriv skrev fråga frågade träffa "
    "träffade träffar".split()
)
# two-word contexts: "fråga efter", "tack till", "prata med", "hälsa till", "skriv till"
_CONTACT_PAIRS = frozenset(
    {
        ("fråga", "efter"),
        ("fråga", "efter"),
        ("frågade", "efter"),
        ("tack", "till"),
        ("prata", "med"),
        ("pratade", "med"),
        ("pratar", "med"),
        ("hälsa", "till"),
        ("hälsar", "till"),
        ("skriv", "till"),
        ("tacka", "till"),
        ("fråga", "för"),
    }
)
_ROLES = frozenset(
    "kassör kassören ordförande ordf sekreterare sekreteraren studievägledare studievägledaren tolk tolken "
    "vägledare vägledaren stödpedagog stödpedagogen assistent assistenten personlig kontaktperson "
    "kontaktpersonen föräldrar föräldrarna barnen barn grannen granne vännen väninnan svärmor svärfar "
    "svåger svägerska mottagare "
    # form fields and minutes: "Sökande: …", "NAMN: …", "Närvarande: …"
    "sökande namn huvudman resenär deltog närvarande elev hyresgäst vårdnadshavare förnamn efternamn "
    "fokus brukare klient patient anhörig avsändare frånvarande ordf.".split()
)
_ROLE_SUFFIXES = (
    "sköterskan",
    "sköterska",
    "läkaren",
    "läkare",
    "handläggaren",
    "handläggare",
    "pedagogen",
    "pedagog",
    "terapeuten",
    "kuratorn",
    "assistenten",
    "ledaren",
    "ledare",
    "chefen",
    "vägledaren",
)
_DOERS = frozenset(
    set(PERSON_VERBS)
    | set(
        "har hade är var ar e kommer jobbar jobbade arbetar arbetade bor bodde går gick pratar pratade "
        "följde hälsar hjälper hjälpte heter hette från fran".split()
    )
)
_SWEDISH_LETTERS = set("abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ-'’")
_TELLS = frozenset("ringde sa sade berättade skrev frågade lovade svarade mejlade hälsade tyckte".split())
_GREETINGS = frozenset("hej hejsan hallå moi hei merhaba salam".split())


# French and Spanish accents come with loanwords and brands ("Citroën", "café", "Shamá")
_WESTERN_ACCENTS = set("àáâãèêëíìîïñóòôõúùûçœæøÿÀÁÂÃÈÊËÍÌÎÏÑÓÒÔÕÚÙÛÇŒÆØ")
_CLOSINGS = frozenset(
    "mvh vh mvg hälsningar hälsning hälsn hls vänliga vänligen bästa tack hej hejsan ps obs från till".split()
)


def _foreign(word: str) -> bool:
    """Letters of naming traditions Swedish does not use: "Ayşe", "Hadžić", "Nguyễn"."""
    return any(ch not in _SWEDISH_LETTERS and ch not in _WESTERN_ACCENTS for ch in word)


def _english(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    return zipf_frequency(word.lower(), "en") >= 4.0


def _listed(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.word and not info.common


def _unknown_pair(toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Two or three capitalised words no list has, shaped like a name and no brand:
    "Dariush Farahani", not "WeGot", "Great India", "Aesthetic Group"."""
    from wordfreq import zipf_frequency  # loaded on first need, as in words.unknown_word

    words = [t[2] for t in toks[i:j]]
    return len(words) >= 2 and all(w[1:].islower() and zipf_frequency(w.lower(), "en") < 3.5 for w in words)


def _namelike(word: str, lowercase_ok: bool) -> bool:
    """Could this token be (part of) a name nobody listed? Never a Swedish word or place."""
    if word.isupper() and len(word) > 2:
        word = word.capitalize()  # "NAMN: MARGARETA ELG": judge the name, not the shouting
    low = word.lower()
    if (
        len(word) < 2
        or low in _CLOSINGS
        or re.search(r"[\d_]|(.)\1\1", word)
        or low in STOP_WORDS
        or low in TITLES
        or low in WORKPLACE
        or low in _ROLES
        or _role_before(low)
        or low.rsplit("-", 1)[-1] in TITLES
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
    return _foreign(word) or unknown_word(word)


@lru_cache(maxsize=4096)
def _role_before(prev: str) -> bool:
    # not "man" ("blir man uppringd", "frågar man Verisure"), "mor", "far"
    return prev in _ROLES or prev in ROLE_BEFORE_NAME or prev.endswith(_ROLE_SUFFIXES)


def _run(text: str, toks: list[tuple[int, int, str]], i: int, lowercase_ok: bool) -> int:
    """Index after the name starting at token i (up to three tokens, whitespace between)."""
    j = i + 1
    while j < len(toks) and j - i < 3 and text[toks[j - 1][1] : toks[j][0]] in {" ", "\u00a0"}:
        word = toks[j][2]
        same_case = word[:1].isupper() == toks[i][2][:1].isupper() and word.isupper() == toks[i][2].isupper()
        if not same_case or not (_namelike(word, lowercase_ok) or word.lower() in NAME_PARTICLES) or _english(word):
            break  # "Thai House", "the price": no surname
        j += 1
    return j


def _first_or_last(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.common


def _first_name(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other) and not info.common


def _opening(text: str, toks: list[tuple[int, int, str]], i: int, greeted: bool) -> int:
    """End index of a name opening a sentence before what people do ("zeynep ringde",
    "thu trang från kören", "Yonas Ghebremedhin och hans fru"), else 0."""
    word = toks[i][2]
    cap = word[:1].isupper()
    if not _namelike(word, True):
        # "murat och elif från …": a name that is also a word, joined to a clear one
        if (
            i + 3 < len(toks)
            and toks[i + 1][2].lower() == "och"
            and _first_name(word)
            and not cap
            and _namelike(toks[i + 2][2], True)
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
        or (cap and _foreign(word))
        or (not cap and _listed(word))
        or (cap and _first_name(word) and _listed(word) and unknown_word(word))
    ):
        return j  # at a sentence start a capital says nothing: "Visa säger", "Wall har" stay
    if j - i >= 2 and (any(_listed(t[2]) for t in toks[i:j]) or (cap and _unknown_pair(toks, i, j))):
        return j  # "thu trang från kören", "Yonas Ghebremedhin och hans fru"
    return 0


def find_person_in_context(text: str) -> list[Span]:
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    spans: list[Span] = []
    n = len(toks)
    person_at: set[int] = set()
    i = 0
    while i < n:
        start, end, word = toks[i]
        prev = toks[i - 1][2].lower() if i > 0 else ""
        prev2 = toks[i - 2][2].lower() if i > 1 else ""
        gap = text[toks[i - 1][1] : start] if i > 0 else ""
        cap = word[:1].isupper()
        tight = gap.strip() == ""
        contact = tight and (prev in _CONTACT or (prev2, prev) in _CONTACT_PAIRS)
        role = _role_before(prev) and gap.strip() in {"", ",", ":"}
        # "… står i vägen /Dawit": a signature
        role = role or (gap.strip().endswith("/") and re.match(r"[\w \t-]*(?:\n|$)", text[end:]) is not None)
        # "Sökande: Tran Van Minh": after a form field even a name that is also a word
        field = _role_before(prev) and gap.strip() == ":" and cap and _first_or_last(word)
        says = tight and prev in {"är", "ar", "e"} and prev2 in {"det", "jag"} and not cap
        # "jag och kalle", "vi och amira": a first name even if it is also a word
        with_me = tight and prev == "och" and prev2 in {"jag", "mig", "vi", "oss"} and not cap
        says = says or (with_me and _first_name(word))
        greeted = gap.strip() in {"", ","} and prev in _GREETINGS  # "moi, aino har"
        strong = (
            role
            or greeted
            or (
                tight
                and (
                    prev in {"be", "bad", "ber"}
                    or (prev2, prev) in {("fråga", "efter"), ("frågade", "efter"), ("fraga", "efter")}
                )
            )
        )
        j = 0
        if (contact or strong or says) and (_namelike(word, True) or field or (with_me and says)):
            j = _run(text, toks, i, lowercase_ok=not cap)
            if says and not (_listed(word) or with_me):
                j = 0  # "jag är supernöjd": after "är" only a listed name
            elif not strong and not says and not (_listed(word) or _foreign(word) or _unknown_pair(toks, i, j)):
                # "ringde Eniro", "tack Gigamex", "kontaktade transportstyrelsen": firms and
                # authorities are called and thanked too
                j = 0
            elif strong and not cap and not _listed(word) and not _foreign(word) and not (greeted or prev == "efter"):
                j = 0  # lowercase after a role or "be": only a listed name ("be better", "bad experience")
        if (
            not j
            and any(t[2].lower() in _DOERS or t[2].lower() in {"och", "o"} for t in toks[i + 1 : i + 4])
            and (greeted or sentence_start(text, start))
        ):
            j = _opening(text, toks, i, greeted)
        if not j and cap and _foreign(word) and _namelike(word, False):
            j = _run(text, toks, i, lowercase_ok=False)  # "Ayşe", "Esma Begić"
        if (
            not j
            and cap
            and not sentence_start(text, start)
            and lists.names().get(word.lower()) is not None
            and _namelike(word, False)
            and i + 1 < n
            and text[end : toks[i + 1][0]] == " "
            and _namelike(toks[i + 1][2], False)
        ):
            j = _run(text, toks, i, lowercase_ok=False)  # "Sahra Jama": a surname no list has
        if j:
            # "bor numera i Gdańsk": a foreign-lettered word after a place preposition is a place
            label = "ORT" if prev in PREPS_PLACE and tight and _foreign(word) and not contact else "PERSON"
            spans.append(Span(start, toks[j - 1][1], label))
            person_at.update(range(i, j))
            i = j
            continue
        i += 1
    return spans + _joined(text, toks, spans, person_at)


def _joined(text: str, toks: list[tuple[int, int, str]], spans: list[Span], person_at: set[int]) -> list[Span]:
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
                link in {"och", "eller"}
                and (_namelike(word, not word[:1].isupper()) or _first_name(word))
                and (word[:1].isupper() == toks[a][2][:1].isupper())
            ):
                k = _run(text, toks, b, not word[:1].isupper()) if b > a else b + 1
                out.append(Span(toks[b][0], toks[k - 1][1], "PERSON"))
                person_at.update(range(b, k))
    return out


def extend_names_left(text: str, spans: list[Span]) -> list[Span]:
    """A name-like capitalised word right before a found name belongs to it ("Fikreta
    Hadžić", "Abdiqani Yusuf Farah heter jag"), unless it is already something else."""
    taken = sorted(spans, key=lambda s: s.start)
    out = list(taken)
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
                or not (_namelike(word, False) or particle)
                or word.lower() in _CLOSINGS
                or (k > 0 and taken[k - 1].end > new_start)
            ):
                break
            if lists.names().get(word.lower()) is None and not _foreign(word) and sentence_start(text, new_start):
                # an unknown capitalised word opening a sentence may be any word: only
                # before a found first-and-last name ("Abdiqani Yusuf Farah")
                if " " not in text[sp.start : sp.end].strip():
                    break
            start = new_start
        if start != sp.start:
            out[out.index(sp)] = Span(start, sp.end, "PERSON")
    return sorted(out, key=lambda s: s.start)


def _name_token(word: str) -> bool:
    info = lists.names().get(word.lower())
    return info is not None and not info.common or _namelike(word, False)


def complete_names(text: str, spans: list[Span]) -> list[Span]:
    """After overlaps are resolved: a found name takes the name words next to it ("Tran Van
    Minh", "ASTRID FRÖBERG", "Mattsson, Greger"), and a first or last name found once is
    the same person wherever else the text uses it ("Fartun Ismail … Fartun önskar")."""
    out = sorted(spans, key=lambda s: s.start)
    for k, sp in enumerate(out):
        if sp.label != "PERSON":
            continue
        end = sp.end
        upper = text[sp.start : sp.end].isupper()
        # to the right, once, after a lone name ("ASTRID FRÖBERG"); a lowercase word stays
        for _ in range(1 if " " not in text[sp.start : sp.end] else 0):
            m = re.match(r" ([^\W\d_][\w'’-]*)", text[end:])
            if not m or (k + 1 < len(out) and out[k + 1].start < end + 1 + len(m.group(1))):
                break
            word = m.group(1)
            if (
                not (word[:1].isupper() and word.isupper() == upper and _name_token(word))
                or text[end + 1 + len(word) : end + 2 + len(word)] == ":"
            ):
                break  # "Tran Van Minh Personnummer: …": a form field follows
            end += 1 + len(word)
        out[k] = Span(sp.start, end, "PERSON")
    # "Nguyen Van Thanh Personnummer: …": a form field after a name is not part of it
    for k, sp in enumerate(out):
        value = text[sp.start : sp.end]
        if sp.label == "PERSON" and " " in value and text[sp.end : sp.end + 1] == ":":
            out[k] = Span(sp.start, sp.start + value.rindex(" "), "PERSON")
    # "Mattsson, Greger": a surname, a comma and a first name are one name; "Nguyen" "Van Thanh"
    # found apart are one name too
    merged: list[Span] = []
    for sp in out:
        if merged and sp.label == merged[-1].label == "PERSON" and text[merged[-1].end : sp.start] == " ":
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
            ):  # "Anna, Bo och …" is a list
                merged[-1] = Span(prev.start, sp.end, "PERSON")
                continue
        merged.append(sp)
    return _same_name_elsewhere(text, _listed_after(text, merged))


def _listed_after(text: str, spans: list[Span]) -> list[Span]:
    """ "Gunnel Axelsson (ordf.), Yonas Gebremedhin, Pham Thi Hoa": names in a list go on
    after a found one, while each item is name words ending at a comma, "(", "och" or the line end."""
    out = list(spans)
    k = 0
    while k < len(out):
        sp = out[k]
        k += 1
        if sp.label != "PERSON":
            continue
        m = re.match(
            r"(?:[ \u00a0]*\([^()\n]{1,30}\))?,[ \u00a0]+((?:[^\W\d_][\w'’-]*[ \u00a0]?){1,3}?)"
            r"(?=[ \u00a0]*(?:,|\(|och\b|\n|$))",
            text[sp.end :],
        )
        if not m:
            continue
        start, end = sp.end + m.start(1), sp.end + m.end(1)
        words = text[start:end].split()
        if (
            any(s.start < end and start < s.end for s in out)
            or not all(w[:1].isupper() and (_name_token(w) or len(w) == 1) for w in words)
            or len(words[0]) < 2
        ):
            continue
        out.append(Span(start, start + len(text[start:end].rstrip()), "PERSON"))
        out.sort(key=lambda s: s.start)
        k = out.index(sp) + 1
    return out


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
                    and w.lower() not in STOP_WORDS
                    and ((info is None and len(words) >= 2) or (info is not None and not info.word))
                    and w not in lists.places()
                ):
                    names.add(w)
    if not names:
        return spans
    extra = []
    pattern = r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])"
    for m in re.finditer(pattern, text):
        if not any(s.start < m.end() and m.start() < s.end for s in spans):
            extra.append(Span(m.start(), m.end(), "PERSON"))
    return sorted(spans + extra, key=lambda s: s.start)
