"""Word knowledge several recognisers share: tokens, titles and kinship words, countries,
sentence starts, name-list lookups and the test for "not an everyday Swedish word"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from nlp.lexicon import SWEDISH_STOP_WORDS, swedish_lemma_table
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.prefilter import PerText

TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
Tokens = Sequence[tuple[int, int, str]]  # start, end, word
# a text's word tokens: read once for the rules that walk them all
tokens: PerText[Tokens] = PerText(lambda text: tuple((m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)))
TITLES = frozenset(
    "doktor doktorn dr dr. läkare läkaren överläkare överläkaren syster sjuksköterska sjuksköterskan "
    "sköterska sköterskan undersköterska undersköterskan skötare skötaren kurator kuratorn psykolog "
    "psykologen terapeut terapeuten handläggare handläggaren handledare kontaktperson kontaktpersonen "
    "kontaktman kontaktmannen ombud ombudet boendestödjare boendestödjaren socialsekreterare "
    "socialsekreteraren biståndshandläggare biståndshandläggaren arbetsterapeut sjukgymnast sjukgymnasten "
    "fysioterapeut "
    # dental care's staff, by the titles patients write before their names
    "tandläkare tandläkaren tandhygienist tandhygienisten tandsköterska tandsköterskan ortodontist ortodontisten "
    "barnmorska barnmorskan chef chefen enhetschef enhetschefen rektor rektorn lärare läraren "
    "mentor mentorn präst prästen diakon pastor mamma pappa mor far bror syster son dotter fru make "
    "maka man sambo pojkvän flickvän vän väninna kompis granne grannen kollega kollegan morfar mormor "
    "farfar farmor farbror morbror moster faster kusin barnbarn styvpappa styvmamma förmyndare "
    "förvaltare stödperson samordnare fritidsledare assistent assistenten "
    "coach behandlare behandlaren herr fröken fru tant farbror brukare brukaren klient klienten "
    # hearing, sight and speech: "audionomen Kenji Sato", "logopeden Amir"
    "audionom audionomen logoped logopeden optiker optikern "
    # the police's ranks, also abbreviated: "insp. Hedvall", "kommissarie Ek"
    "inspektör inspektören insp insp. kommissarie kommissarien "
    "patient patienten eleven deltagaren hyresgästen pappan mamman sonen dottern brodern systern "
    "frun maken sambon "
    # everyday and slang kinship words: "min farsa Bosse", "brorsan Jocke"
    "farsa farsan morsa morsan brorsa brorsan syrra syrran svärson svärdotter svärmor svärfar gubben gumman "
    # kinship in the national minority languages, as a title before the name ("Äiti Aili",
    # "Mummu Hilma", "Ádjá sa …"): Finnish and Meänkieli, North/Lule/South Sami, Norwegian
    "äiti isä mummu mummo vaari ukki isoäiti isoisä täti setä serkku sisko tytär poika vaimo "
    "áhkku áhkko ádjá eadni áhčči ieddne áhttje aahka aajja ietnie aehtjie "
    "bestemor bestefar oldemor oldefar".split()
)
# the heads of compound professional titles: "diabetessköterska Viol", "skolkuratorn Hedvig"
ROLE_SUFFIXES = (
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
    "kurator",
    "kuratorn",
    "barnmorska",
    "barnmorskan",
    "psykolog",
    "psykologen",
    "terapeut",
    # "kriminalinspektör Sandell", "polisinspektören Ek"
    "inspektör",
    "inspektören",
)
_FOLD = str.maketrans("åäöé", "aaoe")
# the same titles typed without å/ä/ö ("min handlaggare per")
TITLES = TITLES | frozenset(t.translate(_FOLD) for t in TITLES)
# abbreviated staff titles of notes and signatures, never a name: "/Usk Karin S"
# one child named by a word for a child, the one list every child's-age rule reads ("barnet är
# 6", "sonen är 3,5 år", "lillkillen (4)"): the plain words, and lill- or stor- before the
# everyday ones ("lillflickan", "storgrabben")
_CHILD_STEMS = "grabben pojken flickan tjejen killen ungen gossen tösen brorsan syrran".split()
_CHILD_PLAIN = (
    "barnet sonen dottern bebisen bäbisen babyn lillen lillan lillebror lillasyster storebror storasyster minstingen"
).split()
CHILD_WORDS = frozenset(_CHILD_PLAIN + _CHILD_STEMS + [pre + stem for pre in ("lill", "stor") for stem in _CHILD_STEMS])
# the same words as a regex, built as the list is and opened by their first letters: a position
# where no child word starts fails at once (the flat alternation of all 43 cost three times as much)
CHILD_WORD = (
    r"(?=["
    + "".join(sorted({w[0] for w in CHILD_WORDS}))
    + r"])(?:(?:lill|stor)?(?:"
    + "|".join(_CHILD_STEMS)
    + r")|"
    + "|".join(sorted(_CHILD_PLAIN, key=lambda w: (-len(w), w)))
    + r")"
)
STAFF_ABBREVIATIONS = frozenset("ssk usk spsk dsk".split())
# Kinship and role words after which a lowercase word that is no Swedish word is a name
# ("min sambo robban"); "man" is left out ("man kan").
ROLE_BEFORE_NAME = TITLES - {"man", "mor", "far", "fru", "ombud", "ombudet", "vän"}
# "Dag på soc", "max på Mini-Maria": a name at the workplace the writer deals with.
WORKPLACE = frozenset(
    "soc socialen soctjänsten socialtjänsten kommunen vårdcentralen vc mottagningen akuten "
    "avdelningen avd boendet hemtjänsten bup psyk psykiatrin öppenvården beroende "
    "beroendemottagningen jobbet skolan fk af försäkringskassan arbetsförmedlingen "
    "kommunens habiliteringen hab dagverksamheten daglig biblioteket apoteket "
    "receptionen växeln dagliga korttids korttidshemmet gruppboendet dagverksamheten "
    # an emergency's crews: "Per på ambulansen var snäll"
    "ambulansen jouren närakuten "
    # a workplace's departments: "<Namn> på lagret har visat mig allt"
    "lagret kontoret verkstaden fabriken bygget".split()
)
# fillers and interjections of chat and speech that no lexicon has but are no names
# ("tack anna asså", "min son lol")
CHAT_FILLERS = frozenset(
    "asså ass typ ba iaf btw aa mm mhm eh ehh öh alltså liksom ju va nåt nån lol lmao haha hahaha omg wtf jk xd".split()
)
# greetings of the languages the texts mix in, opening a message ("Salam!", "Selam, …")
# (Bosnian/Croatian/Serbian letters open "Poštovani," = "Dear sir/madam")
GREETING_WORDS = frozenset("salam selam salaam merhaba hola shalom namaste moi hei terve poštovani poštovana".split())
# slang terms of address, no names: "tack bestie", "tack babe"
ADDRESS_TERMS = frozenset("bestie babe bae bro brah sis syrran mannen gumman queen king hjärtat vännen".split())
# kin words that also are first names ("Bror"), in lower case a way to address anyone: "tack bror"
KIN_ADDRESS_TERMS = frozenset("bror broder syster".split())
NAME_PARTICLES = frozenset("van von der de af da di del la le al el bin ibn ben abu".split())
# Verbs that follow a person as subject: they tell "Bo sa ..." from "Bo på gården ...".
PERSON_VERBS = frozenset(
    "sa sade säger ringde ringer hjälpte hjälper lyssnade lyssnar frågade frågar berättade berättar "
    "förklarade förklarar lovade lovar skrev skriver tyckte tycker menade menar svarade svarar "
    "brydde bryr ordnade ordnar kom följde följer besökte träffade träffar visste vet tog gav ger "
    "kunde skulle ville vill".split()
)
# Countries are not personal data ("kom till Sverige"): only towns and places are.
COUNTRIES = frozenset(
    "Sverige Norge Danmark Finland Island Tyskland Polen Ryssland Ukraina Estland Lettland Litauen Frankrike "
    "Spanien Portugal Italien Grekland Turkiet Syrien Irak Iran Afghanistan Somalia Eritrea Etiopien Sudan "
    "Marocko Egypten Libanon Palestina Israel Jordanien Bosnien Serbien Kroatien Kosovo Albanien Rumänien "
    "Bulgarien Ungern Österrike Schweiz Nederländerna Holland Belgien England Storbritannien Skottland Irland "
    "USA Amerika Kanada Mexiko Brasilien Chile Argentina Colombia Kina Japan Indien Pakistan Thailand "
    "Vietnam Filippinerna Indonesien Australien Europa Afrika Asien Norden Skandinavien Panama Kuba Peru "
    "Venezuela Nigeria Kenya Uganda Ghana Tunisien Algeriet Libyen Jemen Kurdistan Georgien Armenien Mongoliet "
    "Nepal Bangladesh Kambodja Malaysia Singapore Korea Sydkorea Nordkorea Taiwan Kongo "
    # in English, as relatives abroad write ("she lives in Sweden")
    "Sweden Norway Denmark Germany Poland Russia Ukraine Spain Italy Greece Turkey Syria Iraq Somalia "
    "Ethiopia Egypt Lebanon Bosnia Serbia Croatia Romania Thailand Vietnam England Scotland".split()
)
POSSESSIVES = frozenset("min mitt mina vår vårt våra hans hennes hens din ditt er ert deras".split())
# the care units' acronyms: a unit, never a town or a person ("kom till BB", "Hej BVC!")
# the practice of a licensed therapy profession, as a private clinic's name holds it ("Fysiocenter",
# "Naprapathuset", "Kiropraktiken", an optician's "Optikhuset", "Optiker <Namn>", an eye clinic's
# "Ögonläkarna", an audiologist's "Hörselbolaget"); not its practitioner ("fysioterapeuten",
# "naprapaten", "optikern"), "ögonen" or the hard of hearing's own bodies ("Hörselskadades …")
CARE_PRACTICE = (
    r"fysio(?!terapeut)|sjukgymnastik|naprapat(?!(?:en|er|erna|ens)?\b)|kiroprakti[kc]|osteopati|"
    r"optik(?!er(?:n|na|ns)\b)|ögon(?=[a-zåäö]{3})|hörsel(?!skad|nedsatt)(?=[a-zåäö]{3})"
)
CARE_ACRONYMS = frozenset("BUP BVC MVC BMM BB IVA VC HVB LSS BUMM".split())
# a noun in its definite form ("Boendet", "kommunen", "personalen"): a description, not a name
DEFINITE_ENDING = re.compile(r"(?:en|et|an|na|orna|arna|erna)$")
PREPS_PLACE = frozenset("i från till utanför nära mot via norr söder öster väster runt kring".split())
# function words typed without å/ä/ö ("svar fran regionen", "jag var pa akuten"); some are
# also foreign first names in the lists ("Fran"), never in lowercase after a name
FOLDED_FUNCTION_WORDS = frozenset("pa fran for nar ar ocksa da sa an nagon nagot aven".split())
# Words that never start or sit inside a unit or organisation name.
NOT_UNIT_WORDS = (
    frozenset(SWEDISH_STOP_WORDS)
    | {
        "hela",
        "nya",
        "gamla",
        "själva",
        "vanliga",
        "närmaste",
        "denna",
        "dessa",
        "vilken",
        "sådana",
        "psykiatrin",
        "akuten",
        "vården",
        "jaha",
        "tyvärr",
        "sen",
        "sedan",
        "dagen",
        "kvällen",
    }
    | FOLDED_FUNCTION_WORDS
)

# "]" too: an interviewer's remark in square brackets ends before the next sentence ("[kort samtal] Inga …")
_SENT_END = set(".!?:;\n\"'”»([]")


def sentence_start(text: str, start: int) -> bool:
    """Does a sentence (or a line, a list item) begin at `start`? There a capital says nothing."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        if text[i] == "\t":
            return True  # a tab between fields: a cell of a spreadsheet begins
        i -= 1
    if i > 0 and text[i] in "-–" and i == start - 1 and text[i - 1].isalpha():
        return False  # "Haparanda–Kalix": a dash joining two words (a route, a span) opens no item
    if i > 0 and text[i] == ")" and text[i - 1].isdigit():
        # "1) Inga mobiler 2) Inga skor": a numbered item opens a sentence; "Saga (12) sa" does not
        j = i - 1
        while j >= 0 and text[j].isdigit() and i - j <= 3:
            j -= 1
        return j < 0 or text[j] in " \t\n"
    return i < 0 or text[i] in _SENT_END or text[i] in "-–•*|"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Lowercase stop words that are no name and no town ("och", "att", "det"): no PERSON or
    ORT rule starts at one, so the token passes skip them (about every other token; speed)."""
    names, places = lists.names(), lists.places()
    return frozenset(
        w
        for w in SWEDISH_STOP_WORDS
        if w.islower() and "-" not in w and w not in names and places.get(w.capitalize()) is None
    )


@lru_cache(maxsize=65536)
def plain_word(word: str) -> bool:
    """A lowercase everyday Swedish word that is no name (also not in the genitive) and no
    town: like the function words, no PERSON or ORT rule starts at it ("väntade", "bra")."""
    names = lists.names()
    return (
        word.islower()
        and "-" not in word
        and word not in names
        and not (word.endswith(("s", "'")) and word[:-1] in names)
        and lists.places().get(word.capitalize()) is None
        and word in _swedish_words()
    )


# prefixes that make a nickname of a first name: "lill-pelle", "stor-Lasse", "tjock-micke"
NICKNAME_PREFIXES = frozenset("lill lilla stor stora tjock tjocka lång långa gamle gamla galne unga unge".split())


def lookup(word: str) -> tuple[lists.NameInfo | None, int]:
    """Name info for a token and the length of the name part (genitive s stripped)."""
    table = lists.names()
    info = table.get(word.lower())
    if info is not None and (info.first_sv or word[-1:] not in "s'’"):
        return info, len(word)
    full = info
    if len(word) > 4 and word[-1] in "s'’" and word[-2] not in "sxz" and word.lower() not in SWEDISH_STOP_WORDS:
        info = table.get(word[:-1].lower())
        # Genitive ("Annas mamma"): only for well-known names, so "Annars" stays a word; a
        # first name of another tradition ("Jukkas", "Mirsads") when the whole word is rare too
        if (
            info is not None
            and not info.word
            and (info.first_sv or info.last or (info.first_other and rare_word(word)))
        ):
            return info, len(word) - 1
    if len(word) > 3 and word.endswith("'s"):
        info = table.get(word[:-2].lower())
        if info is not None:
            return info, len(word) - 2
    return full, len(word)


@lru_cache(maxsize=1)
def _swedish_words() -> frozenset[str]:
    """Every form and lemma in spacy-lookups-data's Swedish lemma table (MIT), loaded on
    first need (~3 s): tells a nickname ("robban") from an ordinary word after "min sambo"."""
    table = swedish_lemma_table()
    return frozenset(table) | frozenset(table.values()) | _PRONOMINAL_ADVERBS


# "härmed", "därigenom", "varav": här/där/var joined to a preposition, a closed class of adverbs
# the lemma table mostly lacks; opening a line ("…⏎Härmed intygas …") one read as a name
_PRONOMINAL_ADVERBS = frozenset(
    head + prep
    for head in ("här", "där", "var")
    for prep in (
        "av efter emellan emot framför från fram för genom i ibland ifrån igenom inom intill jämte med mot om "
        "omkring på till under ur utanför utöver vid åt över"
    ).split()
)


def swedish_form(word: str) -> bool:
    """A form or lemma in the Swedish lemma table (lowercase), whatever else it is."""
    return word in _swedish_words()


def everyday_word(word: str) -> bool:
    """A Swedish word that is no Swedish first name: after a header's role ("anhörig:⏎Ring mig")
    or after "föräldrar till" ("till unga vuxna") it is the text going on, not a name ("Rosa", "elsa")."""
    low = word.lower()
    return swedish_form(low) and not getattr(lists.names().get(low), "first_sv", False)


# Zipf frequency (wordfreq, Apache-2.0) above which a word is everyday Swedish even when the
# lemma table lacks it (uninflected adverbs: "tyvärr", "dessutom"); nicknames sit below
# ("robban" 3.2, "hasse" 3.9, "kalle" 4.4), common adverbs above 5.
_EVERYDAY_ZIPF = 4.5


def unknown_word(word: str, single: bool = False) -> bool:
    """Not an everyday Swedish word: no form in the lemma table and rare in wordfreq.
    `single`: nor two such words made one after a long first one ("Intervjufil")."""
    # wordfreq (and its tokenizer dependencies) loads on first need, not with the package
    from wordfreq import zipf_frequency

    w = word.lower()
    return (
        len(w) > 2
        and w not in SWEDISH_STOP_WORDS
        and w not in TITLES
        and w not in WORKPLACE
        and w not in _swedish_words()
        and zipf_frequency(w, "sv") < _EVERYDAY_ZIPF
        and not (single and compound_word(w, short_tail=True))
    )


@lru_cache(maxsize=8192)
def rare_word(word: str) -> bool:
    """Rare in Swedish and English: a word that only a name explains ("rostami", "tesfay"),
    not "varpå", "they" or Norwegian "jeg" (common enough in Swedish text). Only the two
    frequency tables already loaded for other checks: each more costs ~1 s to load."""
    from wordfreq import zipf_frequency

    w = word.lower()
    return unknown_word(w) and zipf_frequency(w, "sv") < 3.0 and zipf_frequency(w, "en") < 3.0


@lru_cache(maxsize=8192)
def compound_word(word: str, short_tail: bool = False) -> bool:
    """A Swedish compound the lemma table lacks as a whole: "avgiftsfritt" (avgift-s-fritt),
    "vårdköerna"; two everyday words, perhaps joined by a linking s. No name splits so.
    `short_tail`: only after a first word of six letters or more, then a last word of three
    letters too ("Intervju-fil"); stricter on the head, so "Svan-stein" stays a name."""
    w, known = word.lower(), _swedish_words()
    for cut in range(3, len(w) - 2):
        head, tail = w[:cut], w[cut:]
        if short_tail:
            split = len(head) >= 6 and head in known
        else:
            split = len(tail) >= 4 and (head in known or (head.endswith("s") and head[:-1] in known))
        if split and tail in known:
            return True
    return False


def genitive_suffix(name: str) -> str:
    """The genitive ending of a found name ("Annas" -> "s"), kept outside the pseudonym.

    A PERSON span covers the whole word, genitive included (it is all personal data);
    the replacement keeps the ending: "Annas mamma" -> "[PERSON_1]s mamma".
    """
    last = name.split()[-1] if name.split() else name
    _, name_len = lookup(last)
    return last[name_len:] if 0 < name_len < len(last) else ""


# What a care message says of a person's body or mood: "<x> har feber", "<x> var så nöjd".
# After a first name that is also a word it tells the person ("Dag har feber") from the word
# ("Dag för dag", "Maj har varit kall": no state of a body).
_BE_HAVE = frozenset("har hade var är e".split())
# "har fortfarande ont", "hade igen feber": how long or again, before the state
_DEGREE = frozenset("så inte lite jätte väldigt mycket ganska helt fortfarande redan också igen plötsligt".split())
_STATES = frozenset(
    "feber ont somnat sovit ätit druckit ramlat kräkts hostat gråtit duschat badat vaknat glad glada "
    "nöjd ledsen trött sjuk orolig arg förkyld hungrig yr dålig illamående magsjuk "
    # what brings one to the emergency department: "Sten hade njursten", "Liv hade svårt att andas"
    "njursten utslag kramper huvudvärk magont andnöd svårt blödningar".split()
)


def in_state(toks: Tokens, k: int) -> bool:
    """Do the tokens from k on say a body's or a mood's state ("har feber", "var så nöjd")?"""
    if k + 1 >= len(toks) or toks[k][2].lower() not in _BE_HAVE:
        return False
    nxt = toks[k + 1][2].lower()
    if nxt in _DEGREE and k + 2 < len(toks):
        nxt = toks[k + 2][2].lower()
    return nxt in _STATES


def whole_words(text: str, words: set[str]) -> list[tuple[int, int]]:
    r"""Where `words` stand whole (no letter, digit, "_" or "-" either side), the longest at a
    place, not overlapping: what the regex (?<![\w-])(longest|…|shortest)(?![\w-]) finds, without
    compiling one per text (the compile cost more than all the rest of this step)."""
    longest: dict[int, int] = {}
    for word in words:
        i = text.find(word)
        while i != -1:
            end = i + len(word)
            if not (i > 0 and _in_word(text[i - 1])) and not (end < len(text) and _in_word(text[end])):
                longest[i] = max(longest.get(i, end), end)
            i = text.find(word, i + 1)
    runs: list[tuple[int, int]] = []
    for start in sorted(longest):
        if not runs or start >= runs[-1][1]:
            runs.append((start, longest[start]))
    return runs


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"  # the regex engine's \w is isalnum() or "_"


# Swedish nouns by their ending ("avbokning", "bekräftelse", "tillgänglighet"), no name list's
_NOUN_ENDING = re.compile(r"(?:ning|else|het|tion|ering|skap)$")


def noun_by_ending(word: str) -> bool:
    """A word with a Swedish noun's ending that no name list has: a word, not a surname."""
    return bool(_NOUN_ENDING.search(word.lower())) and lists.names().get(word.lower()) is None
