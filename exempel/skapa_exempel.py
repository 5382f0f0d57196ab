"""Generate the bundled example export (fictional, Swedish) from phrases written for it.

    python exempel/skapa_exempel.py            # writes exempel/enkat_exempel.csv/.xlsx
    python exempel/skapa_exempel.py --ut DIR   # writes to another directory

Deterministic (fixed seed): running it again gives the same CSV byte for byte. Everything is
made up; names, personnummer, phone numbers (PTS fiction series 070-17406xx), e-mail
addresses and the street address are planted on purpose in a few answers, and listed in
planterade_personuppgifter.json so tests can check that none of them reaches any output.

What the data is built to show:
- ~300 rows, 2024-07 … 2025-12, three open questions plus metadata (unit, source, gender,
  age group), some empty answers, informal wording, typos, answers without å/ä/ö, off-topic
  answers ("vet ej", parking, food);
- an emerging theme: waiting times / phone queues rise clearly in 2025-10 … 2025-12.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 20251125
N_ROWS = 300
HERE = Path(__file__).resolve().parent
QUESTIONS = ("Vad fungerar bra?", "Vad kan bli bättre?", "Övriga synpunkter")
HEADER = ("Respondent-ID", "Datum", "Verksamhet", "Källa", "Kön", "Åldersgrupp", *QUESTIONS)
UNITS = (
    "Allmänpsykiatriska mottagningen",
    "Beroendemottagningen",
    "Socialtjänsten, vuxenenheten",
    "Rättspsykiatriska kliniken",
    "Boendestöd och träffpunkt",
)
AGE_GROUPS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
EMERGING_FROM = date(2025, 10, 1)

# --- phrases: (theme, text). Themes only steer the mix; they are not written to the file.
GOOD = {
    "bemotande": [
        "Personalen är snäll och tar sig tid att lyssna.",
        "Bra bemötande från alla jag träffat, man känner sig sedd.",
        "Min kontaktperson lyssnar på riktigt och dömer mig inte.",
        "Jag blir behandlad som en vuxen människa här, inte som ett problem.",
        "trevlig personal i receptionen",
        "Sköterskorna är fantastiska, de märker direkt när jag mår sämre.",
        "Att de alltid hälsar och kommer ihåg vad jag sagt sist.",
        "Jag känner mig respekterad, det har inte varit så på andra ställen.",
    ],
    "en_person": [
        "Att jag har samma kontaktperson sedan två år, det betyder allt.",
        "Min case manager följer med på möten med andra myndigheter.",
        "Det finns en person som jag kan ringa när det krisar.",
        "Samma läkare hela tiden nu, äntligen slipper jag berätta allt från början.",
    ],
    "behandling": [
        "KBT-gruppen har hjälpt mig mycket med ångesten.",
        "Medicinen fungerar bra och läkaren följer upp den ordentligt.",
        "Jag fick vara med och välja behandling, det kändes bra.",
        "Samtalen med psykologen varannan vecka är det bästa med vården.",
        "Substitutionsbehandlingen fungerar, jag har varit stabil i ett år.",
        "Att jag fick börja i DBT fast jag också har ett beroende.",
    ],
    "vardag": [
        "Träffpunkten ger mig något att gå till på dagarna.",
        "Boendestödet hjälper mig med räkningar och att handla, utan det hade jag inte klarat mig.",
        "Jag har fått hjälp att komma ut i praktik, det ger mening.",
        "De aktiviteter som finns, promenadgruppen och matlagningen.",
    ],
    "helhet": [
        "Psykiatrin och socialtjänsten har börjat ha gemensamma möten med mig, det hjälper.",
        "Att det finns en samordnad plan (SIP) som alla följer.",
    ],
    "natverk": [
        "Min mamma fick vara med på mötet och fick information, det var skönt för oss båda.",
        "De har anhöriggrupp som min sambo går på.",
    ],
    "tillganglighet": [
        "Snabb återkoppling när jag skickar meddelande via 1177.",
        "Det är lätt att få en tid när det är akut.",
        "Öppettiderna passar mig som jobbar.",
    ],
    "annat": [
        "vet ej",
        "Inget speciellt.",
        "Allt",
        "Det mesta fungerar ok",
        "Bra läge, nära bussen.",
        "Kaffet i väntrummet!",
        "nej",
        "Lokalerna är fina efter renoveringen.",
    ],
}
BETTER = {
    "tillganglighet": [
        "Det är omöjligt att komma fram på telefon, man sitter i kö i 40 minuter.",
        "Telefontiden är bara en timme om dagen och då är det alltid upptaget.",
        "Väntetiden för att få träffa läkare är alldeles för lång, jag har väntat i fyra månader.",
        "Man blir uppringd tillbaka men aldrig när de sagt, jag missade samtalet två gånger.",
        "Alldeles för långa väntetider. Jag mår sämre av att vänta.",
        "Telefonkön!!! ringde sju gånger förra veckan utan att komma fram",
        "Väntetiden till utredningen är över ett år, det är inte rimligt.",
        "svårt att nå min handläggare, hon svarar aldrig på mejl eller telefon",
        "Det tar veckor att få svar på ett meddelande.",
        "Kortare köer i telefon, jag ger upp innan jag kommer fram.",
        "Tiderna blir inställda med kort varsel och sen får man vänta igen.",
        "Jag fick vänta tre veckor på att få förnya mitt recept, och kom inte fram på telefon.",
    ],
    "bemotande": [
        "Vissa i personalen pratar över huvudet på en, som om jag inte var där.",
        "Jag blev inte trodd när jag sa att medicinen inte fungerade.",
        "Bemötandet på akuten var under all kritik, de såg bara missbruket.",
        "Mer respekt, jag är inte bara en diagnos.",
        "En läkare var nedlåtande och hade bråttom hela tiden.",
    ],
    "helhet": [
        "Man bollas mellan psykiatrin och beroendevården och ingen tar ansvar.",
        "Socialtjänsten och vården pratar inte med varandra, jag får berätta allt flera gånger.",
        "Det borde finnas en plan som alla följer, nu gör alla sin egen grej.",
        "När jag flyttade tappade de bort mig mellan kommunerna.",
    ],
    "en_person": [
        "Byter läkare hela tiden, har haft fem olika på ett år.",
        "Jag vill ha en fast kontakt som känner till min historia.",
        "Min kontaktperson slutade och ingen sa något, jag fick veta det när jag kom dit.",
    ],
    "utestangd": [
        "Jag fick höra att jag måste vara nykter innan de kan hjälpa mig med depressionen.",
        "Beroendevården säger att det är psykiatrins sak och tvärtom.",
        "Man borde få hjälp med både missbruket och det psykiska samtidigt.",
    ],
    "egen_formaga": [
        "Jag vill vara mer delaktig i min vårdplan, den skrivs utan mig.",
        "Ingen frågar vad jag själv tycker fungerar.",
        "Mer information om vilka alternativ som finns, jag visste inte att jag kunde välja.",
    ],
    "natverk": [
        "Mina anhöriga får ingen information alls, fast jag har gett samtycke.",
        "Mer stöd till familjen, mina barn har också farit illa.",
    ],
    "vardag": [
        "Det finns inget att göra på helgerna, då mår jag som sämst.",
        "Hjälp med boende. Jag har bott på härbärge i ett halvår.",
        "Mer aktiviteter på avdelningen, dagarna är långa.",
    ],
    "tidig": [
        "Hade jag fått hjälp när jag var 15 hade mycket sett annorlunda ut.",
        "Skolan borde ha märkt något tidigare.",
    ],
    "annat": [
        "Parkeringen är ett skämt, det finns aldrig plats.",
        "Maten på avdelningen är dålig och kall.",
        "Wifi funkar inte i väntrummet.",
        "Enkäten är för lång.",
        "vet inte",
        "-",
        "Inget",
        "Skyltningen i huset är förvirrande, hittade inte rätt ingång.",
    ],
}
OTHER = [
    "Tack för att ni finns.",
    "Inget att tillägga.",
    "Jag hoppas att någon läser det här på riktigt.",
    "Fortsätt med brukarråden, det är bra att vi får vara med och tycka till.",
    "Svårt att svara på en del frågor i enkäten.",
    "Det har blivit bättre det senaste året tycker jag.",
    "Personalen gör så gott de kan men de är för få.",
    "Bra med gratis kaffe.",
    "vet ej",
    "Nej.",
    "Att man kan boka om sin tid själv på nätet vore bra.",
    "Jag har svarat på den här enkäten förut, händer det något med svaren?",
    "Sommaren är alltid värst, då är alla på semester och ingen vet något.",
    "Tolk borde bokas i förväg, det blev fel två gånger.",
    "Ge personalen mer tid, de springer hela dagarna.",
    "Receptionen är trång och alla hör vad man säger.",
    "Tycker det är bra att man får vara anonym i den här enkäten",
    "Min granne fick mycket bättre hjälp i grannkommunen, varför är det olika?",
    "Parkeringsautomaten tar inte kort.",
    "skulle vilja ha mer info om vad som händer efter utskrivningen",
    "Tack till alla på avdelning 3!",
]
FORUM = [
    "Förslag: längre utevistelse på helger för de som har permission.",
    "Förslag från patientforum: mer information om vårdplaneringen inför varje möte.",
    "Patienterna önskar att telefontiderna till avdelningen blir fler.",
    "Önskemål om att anhöriga ska kunna ringa kvällstid.",
    "Förslag: fler aktiviteter, t.ex. gym och musik, fler dagar i veckan.",
    "Forumet vill att rutinen för besök ses över så att barn kan komma på besök.",
    "Att personalen presenterar sig när de kommer in på rummet.",
    "Förslag: en kontaktperson som följer med hela vägen till utskrivning.",
]
STORY_OPEN = [
    "Jag har haft kontakt med er i flera år nu.",
    "Min historia börjar när jag var ungefär tjugo och började må dåligt.",
    "Jag vill berätta om hur det var när jag sökte hjälp förra vintern.",
    "Det här är svårt att skriva men jag försöker.",
]
STORY_MIDDLE = [
    "Först fick jag vänta i flera månader på en första tid, och under tiden blev allt värre.",
    "När jag väl kom in träffade jag en sjuksköterska som verkligen lyssnade.",
    "Jag skickades mellan beroendemottagningen och psykiatrin och ingen ville ta i mig.",
    "Socialtjänsten hjälpte mig till slut med ett boende, och det var då saker vände.",
    "Det som gjorde skillnad var att min kontaktperson följde med på mötena.",
    "Min familj kände sig utanför och fick ingen information om vad som hände.",
    "Jag fick börja i en samtalsgrupp med andra i samma situation, det var första gången jag inte kände mig ensam.",
    "Medicinerna byttes flera gånger utan att någon förklarade varför.",
]
STORY_END = [
    "Idag mår jag bättre men det borde inte behöva vara så svårt.",
    "Jag hoppas att ni tar det här på allvar.",
    "Tack till er som faktiskt brydde er.",
    "Det är fortfarande en lång väg kvar.",
]
# Theme weights per question; "tillganglighet" in BETTER is the emerging theme.
BETTER_WEIGHTS = {
    "tillganglighet": 0.10,
    "bemotande": 0.14,
    "helhet": 0.12,
    "en_person": 0.1,
    "utestangd": 0.08,
    "egen_formaga": 0.1,
    "natverk": 0.07,
    "vardag": 0.09,
    "tidig": 0.05,
    "annat": 0.15,
}
GOOD_WEIGHTS = {
    "bemotande": 0.3,
    "en_person": 0.12,
    "behandling": 0.18,
    "vardag": 0.1,
    "helhet": 0.05,
    "natverk": 0.05,
    "tillganglighet": 0.05,
    "annat": 0.15,
}

# --- planted personal data (all fictional) -----------------------------------------------
# (row index among data rows, question index, sentence with {}, value, label, valid check digit)
PLANTED = [
    (6, 0, "Sköterskan {} på mottagningen är underbar.", "Lena Vikström", "PERSON", None),
    (23, 1, "Ring mig gärna på {} så kan jag förklara mer.", "070-174 06 12", "TELEFON", None),
    (41, 2, "Mitt personnummer är {} om ni vill kolla journalen.", "19811218-9876", "PERSONNUMMER", True),
    (58, 1, "Läkaren {} lyssnade inte alls på mig.", "Göran Hedlund", "PERSON", None),
    (77, 2, "Skicka svar till {} tack.", "maja.lindqvist84@exempel.se", "EPOST", None),
    (96, 2, "Jag bor på {} och hemtjänsten hittar aldrig rätt.", "Tallvägen 14B", "ADRESS", None),
    (119, 1, "Min son har pnr {} och har väntat i ett halvår.", "060512-4433", "PERSONNUMMER", False),
    (143, 0, "Min kontaktperson {} är guld värd.", "Ahmed Rashid", "PERSON", None),
    (170, 2, "Nås på {} efter klockan 16.", "0701740655", "TELEFON", None),
    (205, 1, "Jag (personnummer {}) fick fel papper skickade hem.", "850709-9805", "PERSONNUMMER", True),
    (236, 0, "Tack {} för allt stöd under hösten.", "Ingrid", "PERSON", None),
    (271, 2, "Mejla gärna mig på {} om ni har frågor.", "j.ekberg@postlada.se", "EPOST", None),
]


def _typos(rng: random.Random, text: str) -> str:
    """Informal writing: some answers lose å/ä/ö, case or punctuation, or get a swapped letter."""
    r = rng.random()
    if r < 0.12:
        text = text.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))
    elif r < 0.22:
        text = text.lower().rstrip(".!")
    elif r < 0.30 and len(text) > 20:
        i = rng.randrange(5, len(text) - 5)
        if text[i].isalpha() and text[i + 1].isalpha():
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


def _pick(rng: random.Random, pools: dict[str, list[str]], weights: dict[str, float]) -> tuple[str, str]:
    theme = rng.choices(list(weights), weights=list(weights.values()))[0]
    return theme, rng.choice(pools[theme])


def _answer(rng: random.Random, pools: dict[str, list[str]], weights: dict[str, float]) -> str:
    n = rng.choices((1, 2, 3), weights=(0.6, 0.3, 0.1))[0]
    parts: list[str] = []
    theme, text = _pick(rng, pools, weights)
    parts.append(text)
    if theme != "annat":
        for _ in range(n - 1):
            extra_theme, extra = _pick(rng, pools, weights)
            if extra_theme != "annat" and extra not in parts:
                parts.append(extra)
    return _typos(rng, " ".join(parts))


def _story(rng: random.Random) -> str:
    middle = rng.sample(STORY_MIDDLE, k=rng.randint(3, 5))
    return " ".join([rng.choice(STORY_OPEN), *middle, rng.choice(STORY_END)])


def _dates(rng: random.Random) -> list[datetime]:
    """Spread over 2024-07 … 2025-12, slightly more answers towards the end."""
    start, end = date(2024, 7, 1), date(2025, 12, 31)
    span = (end - start).days
    days = sorted(int(span * rng.random() ** 0.85) for _ in range(N_ROWS))
    return [
        datetime.combine(start + timedelta(days=d), datetime.min.time())
        + timedelta(hours=rng.randint(7, 21), minutes=rng.randint(0, 59))
        for d in days
    ]


def build_rows() -> tuple[list[list[str | datetime]], list[dict[str, object]]]:
    rng = random.Random(SEED)
    rows: list[list[str | datetime]] = []
    for i, when in enumerate(_dates(rng)):
        unit = rng.choices(UNITS, weights=(0.3, 0.22, 0.2, 0.13, 0.15))[0]
        if unit == "Rättspsykiatriska kliniken" and rng.random() < 0.6:
            source = "patientforum"
        else:
            source = rng.choices(("enkät", "berättelse"), weights=(0.9, 0.1))[0]
        gender = (
            ""
            if source == "patientforum"
            else rng.choices(("Kvinna", "Man", "Annat", "Vill ej ange", ""), weights=(0.48, 0.4, 0.04, 0.04, 0.04))[0]
        )
        age = "" if rng.random() < 0.05 else rng.choice(AGE_GROUPS)
        better_w = dict(BETTER_WEIGHTS)
        if when.date() >= EMERGING_FROM:  # the emerging theme: waits and phone queues
            better_w["tillganglighet"] = 0.9
        good = _answer(rng, GOOD, GOOD_WEIGHTS) if rng.random() < 0.8 else ""
        better = _answer(rng, BETTER, better_w) if rng.random() < 0.85 else ""
        other = ""
        if source == "patientforum":
            good = "" if rng.random() < 0.7 else good
            better = _typos(rng, rng.choice(FORUM))
            if when.date() >= EMERGING_FROM and rng.random() < 0.7:
                better += " " + rng.choice(BETTER["tillganglighet"])
        elif source == "berättelse":
            other = _story(rng)
        elif rng.random() < 0.3:
            other = _typos(rng, rng.choice(OTHER))
        rows.append([f"R{1001 + i}", when, unit, source, gender, age, good, better, other])

    planted: list[dict[str, object]] = []
    for idx, q, sentence, value, label, valid in PLANTED:
        col = 6 + q
        cell = str(rows[idx][col])
        joiner = "" if not cell else (" " if cell[-1] in ".!?" else ". ")
        rows[idx][col] = cell + joiner + sentence.format(value)
        item: dict[str, object] = {
            "rad": idx + 2,
            "kolumn": QUESTIONS[q],
            "etikett": label,
            "varde": value,
        }
        if valid is not None:
            item["giltig_kontrollsiffra"] = valid
        planted.append(item)
    return rows, planted


def write_csv(rows: list[list[str | datetime]], path: Path) -> None:
    # As Swedish Excel saves "CSV UTF-8": BOM, semicolons, CRLF.
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([v.strftime("%Y-%m-%d %H:%M") if isinstance(v, datetime) else v for v in row])


def write_xlsx(rows: list[list[str | datetime]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.active
    info.title = "Info"
    for line in (
        "Brukarenkät 2024–2025 (påhittade exempeldata)",
        "Exporterad från enkätverktyget",
        f"Antal svar: {len(rows)}",
        "Svaren finns på bladet Svar.",
    ):
        info.append([line])
    sheet = wb.create_sheet("Svar")
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([v if v != "" else None for v in row])
    for cell in sheet["B"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm"
    fixed = datetime(2025, 12, 31, 12, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(path)


def write_planted(planted: list[dict[str, object]], path: Path) -> None:
    doc = {
        "beskrivning": "Påhittade personuppgifter planterade i enkat_exempel.csv/.xlsx. Inget av "
        "värdena får finnas i något som verktyget skriver (databas, rapport, loggar, cache).",
        "planterade": planted,
    }
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Skapa exempelexporten (påhittade svar).")
    parser.add_argument("--ut", type=Path, default=HERE, help="katalog att skriva till")
    args = parser.parse_args(argv)
    args.ut.mkdir(parents=True, exist_ok=True)
    rows, planted = build_rows()
    write_csv(rows, args.ut / "enkat_exempel.csv")
    write_xlsx(rows, args.ut / "enkat_exempel.xlsx")
    write_planted(planted, args.ut / "planterade_personuppgifter.json")
    print(f"Skrev {len(rows)} rader och {len(planted)} planterade personuppgifter till {args.ut}")


if __name__ == "__main__":
    main()
