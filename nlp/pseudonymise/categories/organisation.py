"""ORGANISATION: authorities, user organisations, municipalities, schools and employers."""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.agency_contacts import find_agency_contacts
from nlp.pseudonymise.recognisers.association_names import find_association_names
from nlp.pseudonymise.recognisers.company_mentions import company_again
from nlp.pseudonymise.recognisers.court_names import find_court_names
from nlp.pseudonymise.recognisers.lower_schools import find_lower_schools
from nlp.pseudonymise.recognisers.municipal_bodies import find_municipal_bodies
from nlp.pseudonymise.recognisers.named_with_place import find_named_with_place
from nlp.pseudonymise.recognisers.patterns import CAP, CAPWORD, IN_TOWN, LOW, SAMI_CAP, SAMI_LOW, WS, coordinated_first
from nlp.pseudonymise.recognisers.pharmacies import find_pharmacies
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.public_offices import find_public_offices
from nlp.pseudonymise.recognisers.report_recipients import find_report_recipients
from nlp.pseudonymise.recognisers.service_firms import TAXI_NAME, find_service_firms
from nlp.pseudonymise.recognisers.universities import find_universities
from nlp.pseudonymise.recognisers.words import NOT_UNIT_WORDS, plain_word, sentence_start

# Hand-written: no package on PyPI lists Swedish authorities and user organisations.
_ORGS = (
    r"Försäkringskassan|Arbetsförmedlingen|Socialstyrelsen|Skatteverket|Kronofogden|Migrationsverket|"
    r"Polisen|Polismyndigheten|Kriminalvården|Pensionsmyndigheten|CSN|Inspektionen för vård och omsorg|IVO|"
    r"Statens institutionsstyrelse|SiS|Länsstyrelsen|Folkhälsomyndigheten|Skolverket|Läkemedelsverket|"
    r"Transportstyrelsen|Trafikverket|Samhall|Myndigheten för delaktighet|Socialförvaltningen|"
    r"Stadsmissionen|Röda korset|Frälsningsarmén|Svenska kyrkan|Hjärnkoll|Attention|RSMH|NSPH|IFS|"
    r"Autism- och Aspergerförbundet|Anhörigas [Rr]iksförbund|Riksförbundet (?:["
    + CAP
    + r"]["
    + LOW
    # a name in camel case as associations brand themselves ("Riksförbundet NjurLiv")
    + r"]+(?:["
    + CAP
    + r"]["
    + LOW
    + r"]+)*|["
    + CAP
    + r"]{2,})|"
    # user and patient organisations, unions and agencies people name in feedback
    r"RFHL|FUB|RFSU|RFSL|SPF Seniorerna|SPF|PRO|SKPF|DHR|SRF|HRF|Unga KRIS|KRIS|BRIS|SPES|IOGT-NTO|"
    r"Länkarna|Hela Människan|Föreningen Balans|Suicide Zero|Ecpat|Rädda Barnen|Röda Korset|"
    r"Alzheimer Sverige|Demensförbundet|Schizofreniförbundet|Neuroförbundet|Reumatikerförbundet|"
    r"Personskadeförbundet RTP|Afasiförbundet|Brottsofferjouren|Barnombudsmannen|Justitieombudsmannen|JO|"
    r"Diskrimineringsombudsmannen|Arbetsmiljöverket|Vårdförbundet|Akademikerförbundet SSR|"
    r"Socialnämnden|Omsorgsnämnden|Vård- och omsorgsnämnden|Hälso- och sjukvårdsnämnden|"
    # the municipality's and the region's governing board, written as the addressee's name
    r"Kommunstyrelsen|Regionstyrelsen|"
    # a region named by its province: "Hallandsregionen", "Västra Götalandsregionen"
    r"(?:(?:Västra|Östra|Norra|Södra)[ \t]+)?[A-ZÅÄÖ][a-zåäö]+(?:land|botten)sregionen|"
    r"Socialtjänsten|Patientnämnden|Överförmyndaren|Hemtjänsten|Kommunens?|Regionens|"
    # more national authorities and courts
    r"Sametinget|Skolinspektionen|Lantmäteriet|Bolagsverket|Tullverket|Specialpedagogiska skolmyndigheten|"
    r"SPSM|Förvaltningsrätten|Kammarrätten|Tingsrätten|Hovrätten|Tandvårds- och läkemedelsförmånsverket|"
    # the ombudsman before a name is a title: "Ombudsmannen Eva Lund på Patientnämnden"
    r"Ombudsmannen(?![ \t\u00a0]+[A-ZÅÄÖ][a-zåäö])|"
    # private care, assistance and transport companies the municipalities buy from (banks are
    # left: nine of the ten annotated sets leave "Swedbank", "Handelsbanken" as they are)
    r"Attendo|Humana|Ambea|Vardaga|Nytida|Frösunda|Norlandia|Aleris|Capio|Praktikertjänst|Förenade Care|"
    r"Stendi|Samtrans|Sverigetaxi|Cabonline|"
    # study associations, where user groups book rooms and courses
    r"ABF|Studieförbundet Vuxenskolan|Vuxenskolan|Studiefrämjandet|Medborgarskolan|Folkuniversitetet|"
    r"Bilda|Sensus|NBV|Ibn Rushd"
)
_NO_NAME = r"(?!(?:Vilken|Vilket|Vilka|Varje|Samma|Hela|Ingen|Någon|Annan|Denna|Detta|Min|Din|Vår|Er|Sin|Egen)\b)"
_MUNICIPALITY_NAME = _NO_NAME + r"[" + CAP + r"][" + LOW + r"]+s?"
# "Post- och ", "Autism- och ": a capitalised name's coordinated first part
_AND_FIRST = coordinated_first(capital=True, more="+", conjunctions="och")
_ORG_PATTERNS = [
    # "RSMH Värmland", "Region Värmland", "Karlstads kommun", "Föreningen Gemenskap"
    re.compile(
        # "Kronofogdens beslut": the genitive is the same authority
        r"(?<![\w-])(?:" + _ORGS + r")s?(?:" + WS + r"+(?:i" + WS + r"+)?(?=[" + CAP + r"])"
        # "Patientnämnden i Region Norrbotten": the region's name is two words
        r"(?P<region>(?:Region" + WS + r"+)?[" + CAP + r"][" + LOW + r"]+))?(?![\w-])"
    ),
    guarded(r"(?<![\w-])Region" + WS + r"+[" + CAP + r"][" + LOW + r"]+(?:" + WS + r"+[" + CAP + r"][" + LOW + r"]+)?"),
    # "Gabna sameby": a Sami reindeer-herding community is an economic association its members belong to
    guarded(
        # ("Vilken kommun ansvarar?", "Varje stad har …": a question or a determiner, no name)
        r"(?<![\w-])" + _MUNICIPALITY_NAME + WS + r"+(?:[Kk]ommun|[Ss]tad|landsting|stift)(?![\w-])"
        # (Sami letters in the name: "Čohkkiras sameby")
        r"|(?<![\w-])[" + CAP + SAMI_CAP + r"][" + LOW + SAMI_LOW + r"]+" + WS + r"+samebyn?(?![\w-])"
    ),
    # "Föreningen Balans Östergötland", "FÖRENINGEN LJUSET GÄVLE": a name of one to three words
    guarded(
        r"(?<![\w-])(?:[Ff]öreningen|[Ss]tiftelsen)"
        + WS
        + r"+(?P<name>"
        + CAPWORD
        + r"(?:[ \t]+"
        + CAPWORD
        + r"){0,2})"
        r"|(?<![\w-])(?:FÖRENINGEN|STIFTELSEN)[ \t]+(?P<shout>["
        + CAP
        + r"]{2,}(?:[ \t]+["
        + CAP
        + r"]{2,}){0,2})(?![\w-])"
    ),
    # "Hyresgästföreningen", "Kvinnojouren", "Diabetesförbundet": the compound is the name
    # ("Autism- och Aspergerföreningen Norrbotten": a coordinated compound; "Mittuniversitetet")
    guarded(
        # the part after "och" in lowercase: "Post- och telestyrelsen", "Hälso- och sjukvårdsnämnden"
        r"(?<![\w-])(?:" + _AND_FIRST + r"[" + LOW + r"]{2,}|"
        r"(?:" + _AND_FIRST + r")?"
        # two capitalised parts joined by a hyphen: "Astma-Allergiförbundet"; a letter before one: "E-tjänstmyndigheten"
        r"(?:[" + CAP + r"][" + LOW + r"]+-)?"
        # an illness's acronym joined by a hyphen: "POTS-föreningen", "ME/CFS-förbundet"
        rf"(?:[{CAP}][{LOW}]{{2,}}|[{CAP}]-[{LOW}]{{3,}}|[{CAP}]{{2,6}}(?:/[{CAP}]{{2,6}})?-(?=föreningen|förbundet)))"
        r"(?:föreningen|förbundet|jouren|fonden|myndigheten|"
        r"verket|nämnden|inspektionen|centrum|trafiken|förvaltningen|tinget|universitetet|högskolan|"
        r"societeten|sällskapet|"
        r"(?<=-"
        + WS
        + r"och"
        + WS
        + r"["
        + LOW
        + r"]{2})["
        + LOW
        + rf"]*styrelsen)(?!\w|-[\d{CAP}])(?:"
        + WS
        + r"+(?P<town>["
        + CAP
        + r"]["
        + LOW
        + r"]+)(?![\w-]))?"
    ),
    # "socialförvaltningen i Borås": a municipal service named by its town
    guarded(
        # "Vård- och omsorgsförvaltningen i Lidköping": a coordinated compound
        r"(?<![\w-])(?:" + coordinated_first(conjunctions="och") + r")?"
        r"(?i:[a-zåäö]*förvaltningen|[a-zåäö]*nämnden|socialtjänsten|hemtjänsten|"
        r"socialkontoret|biståndsenheten|vuxenenheten|familjeenheten|familjerätten)"
        + WS
        + r"+i"
        + WS
        + r"+(?P<town>["
        + CAP
        + r"]["
        + LOW
        + r"]+)(?![\w-])"
    ),
    # "Hjärt- och Kärlsjukas förening": a coordinated compound before the association's word;
    # a country's genitive may lead: "Sveriges Tolkars Förening"
    guarded(
        r"(?<![\w-])(?:Sveriges"
        + WS
        + r"+)?(?:"
        + CAPWORD
        + r"-"
        + WS
        + r"+och"
        + WS
        + r"+)?"
        + CAPWORD
        + WS
        # "Synskadades Riksförbund", "Regnbågs Gruppen": the association's word capitalised too
        + r"+(?:[Ff]örening|[Rr]iksförbund|[Ff]örbund|Gruppen)(?![\w-])"
    ),
    # "Förbundet Sveriges Dövblinda", "Förbundet Unga Synskadade": the name after the word, led by
    # a genitive or a plural adjective ("Föreningen Gemenskap Anna ringde": a name and a person)
    guarded(
        r"(?<![\w-])(?:Förbundet|Riksförbundet)(?="
        + WS
        + r"+["
        + CAP
        + r"]["
        + LOW
        + r"]+[sa]\b)(?:"
        + WS
        + r"+(?!(?:Har|Hade|Är|Var|Ska|Kan|Vill|Som|Och|"
        r"Men|Inte|Får|Gör)\b)" + CAPWORD + r"){2,3}(?![\w-])"
    ),
    # national authorities are often written in lowercase ("ringde försäkringskassan", "arbetsförmedlingens SIUS")
    guarded(
        r"(?<![\w-])(?:försäkringskassan|arbetsförmedlingen|migrationsverket|skatteverket|"
        r"kronofogden|kriminalvården|socialstyrelsen|pensionsmyndigheten|inspektionen för vård och omsorg|"
        r"folkhälsomyndigheten|länsstyrelsen|"
        # typed without å/ä/ö
        r"forsakringskassan|arbetsformedlingen|kriminalvarden|lansstyrelsen|folkhalsomyndigheten)s?(?![\w-])",
        re.IGNORECASE,
    ),
    # an English-named university in a foreign student's letter: "Lund University", "University of Oslo"
    guarded(
        r"(?<![\w-])(?:[" + CAP + r"][" + LOW + r"]+" + WS + r"+University|University" + WS + r"+of" + WS + r"+"
        r"[" + CAP + r"][" + LOW + r"]+)(?![\w-])"
    ),
    guarded(TAXI_NAME),  # "Taxi Kurir", "Taxi 020"; not the fare "Taxi 680 kr"
    # a prison or remand centre by its name: "anstalten Tidaholm", "häktet Kronoberg"
    guarded(r"(?<![\w-])(?:[Aa]nstalten|[Hh]äktet|[Kk]riminalvårdsanstalten)" + WS + r"+" + CAPWORD + r"(?![\w-])"),
]
# Generic words that are an organisation only as a proper name ("Socialtjänsten" at the start
# of a sentence is the service, not a named office): keep them only with a region after them.
_GENERIC_ORGS = {
    "Socialtjänsten",
    "Hemtjänsten",
    "Kommunen",
    "Kommunens",
    "Regionens",
    "Socialförvaltningen",
    "Polisen",
    "Patientnämnden",
    "Överförmyndaren",
    # the municipality's social emergency service, any municipality's
    "Socialjouren",
    # "Patientföreningen träffas …": the patients' (or relatives') association of the text, any one
    "Patientföreningen",
    "Anhörigföreningen",
    # courts with many seats: "Förvaltningsrätten brukar ta 4 månader" is the court system,
    # "Förvaltningsrätten i Luleå" one court
    "Förvaltningsrätten",
    "Kammarrätten",
    "Tingsrätten",
    "Hovrätten",
}
_REGIONAL_ORGS = frozenset(
    "RSMH NSPH IFS Attention Socialtjänsten Hemtjänsten Socialförvaltningen Polisen Patientnämnden Stadsmissionen RFHL FUB "
    "RFSU RFSL SPF PRO KRIS Länkarna Hjärnkoll Schizofreniförbundet Demensförbundet Neuroförbundet Reumatikerförbundet Brottsofferjouren "
    "ABF Vuxenskolan Studiefrämjandet Medborgarskolan Folkuniversitetet Bilda Sensus NBV".split()
)


# heads that name an organisation only with its place after them
_PLACE_NEEDED = re.compile(r"(?:centrum|trafiken|förvaltningen|tinget)$")
# "Brukarföreningen Norr": an association's district
_DISTRICT = re.compile(r"Nord|Syd|Öst|Väst|Norr|Söder|Nordväst|Nordost|Nordöst|Sydväst|Sydost|Sydöst|Mitt")
# provinces and old regions that name an association's district ("Schizofreniförbundet Skaraborg")
# but are missing from the list of towns; public geography, written here by hand
_PROVINCES = frozenset(
    "Sörmland Skaraborg Gästrikland Hälsingland Roslagen Bergslagen Uppland Småland Medelpad Ångermanland "
    "Lappland Härjedalen Närke Dalsland Bohuslän Västergötland Österlen Sjuhärad Fyrbodal Mälardalen".split()
)
_MUNICIPALITY_AFTER = re.compile(WS + r"+(?:kommun|stad|län)(?![\w-])")


# a firm's name: one capitalised word (letters, "&", "-"), maybe a second one ("Mattis Bygg")
_FIRM_NAME = (
    r"(?P<name>[" + CAP + r"][\w&-]*[" + LOW + CAP + r"](?:" + WS + r"+[" + CAP + r"][" + LOW + r"]+)?)(?![\w-])"
)

# an employer named after a verb of working: "jobbade båda för Peab", "arbetar på SSAB"
_EMPLOYER = re.compile(
    # Norwegian "jobber/arbeider for X" from neighbours working across the border
    r"\b(?:[Jj]obbar|[Jj]obbade|[Jj]obbat|[Aa]rbetar|[Aa]rbetade|[Aa]rbetat|[Aa]nställd|sydde|jobber|jobbet|arbeider|"
    # English from writers who use it ("I work at X"); time off from one's work ("ledigt från X")
    r"(?i:work|works|worked|working)|(?:tagit|tog|ta|fått|fick)" + WS + r"+ledigt|"
    r"fick" + WS + r"+(?:arbete|jobb|anställning|plats)|"
    # a trade before its employer: "lokförare på SJ", "valsverksarbetare på Uddeholmsbolaget"
    r"[a-zåäö]{3,}(?:arbetare|förare|are|örska|erska|ör|ist|pojke|officer|biträde|förman))"
    r"(?:"
    + WS
    + r"+(?:båda|också|då|fortfarande|bara|heltid|deltid|extra|själv|nu|alla|allihop))?"
    # "jobber i Kiruna for LKAB": the town between the verb and the employer
    + IN_TOWN
    + WS
    + r"+(?:på|för|hos|vid|for|at|från|åt)"
    + WS
    + r"+"
    + _FIRM_NAME
)


_DEFINITE_FORM = re.compile(r"(?:en|et|an|na|rna|n)$")


# a firm named after the role it has for the writer: "min hyresvärd Mitthem", "assistansbolaget Kompis"
_FIRM_ROLE = guarded(
    r"\b(?i:hyresvärd|hyresvärden|bostadsbolag|bostadsbolaget|assistansbolag|assistansbolaget|"
    r"assistansanordnare|assistansanordnaren|arbetsgivare|arbetsgivaren|bemanningsföretaget|elbolaget|"
    r"försäkringsbolaget|inkassobolaget|inkassoföretaget)" + WS + r"+" + _FIRM_NAME,
)


# comparatives end like trades ("dyrare hos X", "mysigare på Söder", "tidigare på X")
_COMPARATIVES = frozenset("tidigare senare dyrare billigare snabbare lättare svårare närmare vanligare".split())


def _employers(text: str) -> list[Span]:
    spans = []
    matches = (
        list(_EMPLOYER.finditer(text))
        if any(w in text for w in (" på ", " hos ", " vid ", " för ", " for ", " at ", " från ", " åt "))
        else []
    )
    for m in matches + list(_FIRM_ROLE.finditer(text)):
        words = m.group("name").split()
        if re.search(r"från" + WS + r"+$", m.group(0)[: m.start("name") - m.start()]) and "ledigt" not in m.group(0):
            continue  # "arbetar från Umeå": only time off is taken "från" an employer
        # a place, a kind of workplace ("på Akuten") or a word in its definite form ("på Hemmet")
        # is no firm's name; a bare word is one ("på Saab", "på Tempo")
        while words and (
            words[-1] in lists.places()
            or plain_word(words[-1].lower())
            and (_DEFINITE_FORM.search(words[-1].lower()) or len(words) > 1 or not m.group(0)[:1].islower())
        ):
            words.pop()
        if not words or words[0].lower() in NOT_UNIT_WORDS:
            continue
        info = lists.names().get(words[0].lower())
        if info is None and "-" in words[0] and all(map(lists.listed_first_name, words[0].split("-"))):
            continue  # "förvaltare för Nils-Åke Berglund": a double first name, no firm
        # "jobbade för Lisa" is a person; "jobbar på Ericsson": a surname after a place word is the
        # firm that bears it
        place_word = re.search(r"(?:på|vid|at)" + WS + r"+$", m.group(0)[: m.start("name") - m.start()])
        if info is not None and (info.first_sv or info.first_other or not place_word or len(words) > 1):
            continue
        trade = m.group(0).split()[0].lower()
        if trade in _COMPARATIVES or trade.endswith("igare") or (len(" ".join(words)) < 3 and not words[0].isupper()):
            continue
        name = " ".join(words)
        # "eftersom Elbolaget Voltia skickade": a capitalised role word inside a sentence is the name's
        start = m.start("name")
        if m.re is not _EMPLOYER and text[m.start()].isupper() and not sentence_start(text, m.start()):
            start = m.start()
        spans.append(Span(start, m.start("name") + len(name), "ORGANISATION"))
    return spans


# a limited company by its form: "Härnösandshus AB", "Advokatfirman Norrsken AB" (one to four
# capitalised words, "AB" after them and nothing joined to it; "ssk AB" is a nurse's initials)
_COMPANY = re.compile(
    r"(?<![\w-])(?P<name>[" + CAP + r"][\w&-]+(?:" + WS + r"+(?:&|[" + CAP + r"][\w&-]*)){0,3})" + WS + r"+AB(?![\w-])"
)
# a sentence's first word before the name: "Till Humana AB", "Vi kontaktade …"
_NOT_FIRM_WORDS = frozenset("jag vi du ni de han hon hen till med från hos och enligt av för mot via c/o".split())


def _companies(text: str) -> list[Span]:
    spans = []
    for m in _COMPANY.finditer(text) if "AB" in text else ():
        start = m.start("name")
        words = m.group("name").split()
        while words and words[0].lower() in _NOT_FIRM_WORDS:
            start = text.index(words[1], start) if len(words) > 1 else m.end("name")
            words.pop(0)
        if words and len(words[0]) >= 3:
            spans.append(Span(start, m.end(), "ORGANISATION"))
            spans += company_again(text, text[start : m.end("name")], m.end())
    return spans


# "hjälp av Tjejjouren Siri.", "Mansjouren Orion, som …": a name that closes the phrase after the
# compound is the body's own name; "Kvinnojouren Anna ringde" goes on, and Anna is someone
_PHRASE_END = re.compile(WS + r"*(?:[.,;:!?)\n]|$)")


def _own_name(text: str, word: str, end: int) -> bool:
    low = word.lower()
    return _PHRASE_END.match(text, end) is not None and low not in SWEDISH_STOP_WORDS and not plain_word(low)


def _known_place(word: str) -> bool:
    return word in lists.places() or word in _PROVINCES


def _association_end(m: re.Match[str]) -> int:
    """End of "Föreningen <Namn> …": the words after the first one belong to the name unless
    a word or a first name starts the sentence's next part ("Föreningen Gemenskap Anna ringde")."""
    group = "name" if m.group("name") else "shout"
    words = m.group(group).split()
    kept = 1
    for w in words[1:]:
        low = w.lower()
        head = words[kept - 1][-1] in "sa" and low not in SWEDISH_STOP_WORDS and low not in lists.names()  # "Noaks Ark"
        if not (_known_place(w.capitalize()) or _DISTRICT.fullmatch(w.capitalize()) or head) and (
            low in SWEDISH_STOP_WORDS or lists.names().get(low) is not None or plain_word(low)
        ):
            break
        kept += 1
    last = words[kept - 1]
    return (
        m.group(0).rindex(last, 0, m.end(group) - m.start()) + m.start() + len(last)
        if kept > 1
        else (m.start(group) + len(words[0]))
    )


# membership: "Jag är med i Kommunal", "medlem i Vision", "gick med i SPF": a union, an association
_MEMBER_OF = re.compile(
    r"\b(?:(?:är|var|blev|gick|gått)[ \t]+med[ \t]+i|medlem[ \t]+i|medlemmar[ \t]+i)[ \t]+"
    r"(?P<name>[" + CAP + r"][\w&-]+)(?![\w-])"
)


def _memberships(text: str) -> list[Span]:
    spans = []
    for m in _MEMBER_OF.finditer(text) if " i " in text else ():
        name = m.group("name")
        if name in lists.places() or lists.names().get(name.lower()) is not None or name.lower() in NOT_UNIT_WORDS:
            continue
        if re.search(r"(?:gruppen|chatten|tråden|forumet|appen|sidan|listan)$", name.lower()):
            continue  # "medlem i Facebookgruppen": a group online, no body that knows its members
        spans.append(Span(m.start("name"), m.end("name"), "ORGANISATION"))
    return spans


def find_organisation(text: str) -> list[Span]:
    spans = _employers(text) + _companies(text) + _memberships(text) + find_pharmacies(text)
    for i, pattern in enumerate(_ORG_PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if i == 0:
                region = m.group("region")
                word = re.sub(r"\s+i$", "", text[start : m.start("region") if region else end].strip())
                end = start + len(word)
                # "RSMH Värmland" is one name; "Arbetsförmedlingen i Arvika" keeps its town apart.
                # an association's initials with its district: "SRF Dalarna", "DHR Skåne"; a name of
                # two words is no one-word agency's either: "Röda Korset Ludvika" is a local branch
                regional = word in _REGIONAL_ORGS or (word.isupper() and len(word) >= 3) or " " in word
                genitive = bool(region) and region.endswith("s") and not _known_place(region)  # "PRO Hovas träff"
                if (
                    region
                    and regional
                    and " i " not in m.group(0)
                    and _known_place(region[:-1] if genitive else region)
                ):
                    end = m.end() - genitive
                elif word in _GENERIC_ORGS or (word.endswith("s") and word[:-1] in _GENERIC_ORGS):
                    if not (region and " i " in m.group(0)):
                        continue
                    end = m.end()  # "Socialtjänsten i Kristinehamn": a named office
            if i == 3:
                end = _association_end(m)
            if i == 3 or i == 6:
                first = text[start:end].split()[0]
                if first.lower() in NOT_UNIT_WORDS:
                    continue
            if i == 5 and m.group("town") not in lists.places():
                continue
            if i == 4 and _PLACE_NEEDED.search(m.group(0).split()[0]) and m.group("town") not in lists.places():
                continue  # "Anhörigcentrum Lerum", "Länstrafiken Kronoberg"; not "Övikscentrum", "Resecentrum"
            if i == 4 and m.group(0).split()[0] in _GENERIC_ORGS and m.group("town") not in lists.places():
                continue  # "Till Patientnämnden.": the service, as pattern 0 reads it; "Patientnämnden Västmanland" stays
            if (
                i == 4
                and m.group("town")
                and not _known_place(m.group("town"))
                and not _DISTRICT.fullmatch(m.group("town"))
                and not _own_name(text, m.group("town"), m.end("town"))
            ):
                end = m.start("town") - 1  # "Kvinnojouren Eskilstuna" is one name; "Kvinnojouren Hej" is not
                while text[end - 1].isspace():
                    end -= 1
            # "Omsorgsnämnden i Växjö kommun": the municipality's word after its town
            last = text[start:end].rsplit(None, 1)[-1]
            tail = _MUNICIPALITY_AFTER.match(text, end) if last in lists.places() else None
            spans.append(Span(start, tail.end() if tail else end, "ORGANISATION"))
    return spans


CATEGORY = Category(
    label="ORGANISATION",
    priority=80,
    recognisers=(
        find_organisation,
        find_named_with_place,
        find_service_firms,
        find_public_offices,
        find_lower_schools,
        find_universities,
        find_court_names,
        find_agency_contacts,
        find_municipal_bodies,
        find_association_names,
        find_report_recipients,  # "anmält till <FÖRKORTNING>"
    ),
    description="organisationer",
)
