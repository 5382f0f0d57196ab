"""Round 37 kinds of construction (forensic psychiatry and compulsory psychiatric care: patient
forums, patient councils, letters to the chief physician and appeals; blind set 40): a date
range after a personnummer's field is two dates, not a read-out personnummer; a law firm
named by its partners' surnames, with the firm word before or after them; a clinic named by
a compound specialty in the indefinite form with its town; an attendance label naming its
group ("Närvarande patienter:") and the minutes' checker ("Justeras:"); an age in brackets
beside a kinship word; a rating scale's latest reading is no date; a named ward in lower
case after "avd", also without å, ä and ö; a patient signing off with a name, an initial and
the ward; staff named by lowercase initials after their title; a record's number right after
"journal" and a patient's code in brackets after "patienten".
Look-alikes stay untouched: a personnummer read out in groups, a firm word alone, a ward
followed by an everyday or a number word, a ward signing as a whole, lowercase letters that
are a word after a title, a date after a reading on the mobile, a year after "journal", an
abbreviation of a law in brackets.
Own examples: invented names, firms and wards, towns from the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-37-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a date range after a personnummer's field: two dates
        ("Pnr: 640913-2284\nTid: 2023-02-01 – 2025-06-30\nTack", "DATUM", "2023-02-01"),
        ("Pnr: 640913-2284\nTid: 2023-02-01 – 2025-06-30\nTack", "DATUM", "2025-06-30"),
        # a law firm by its partners' surnames, the firm word before or after
        (
            "Ombud: advokat Lena Sjöberg, Advokatfirman Sjöberg & Holm, Storgatan 3",
            "ORGANISATION",
            "Advokatfirman Sjöberg & Holm",
        ),
        ("Kopia till advokat Per Nyberg, Advokatbyrån Nyberg", "ORGANISATION", "Advokatbyrån Nyberg"),
        ("Min advokat jobbar på Hellström Advokatbyrå i stan.", "ORGANISATION", "Hellström Advokatbyrå"),
        # a compound specialty in the indefinite form with its town
        ("Jag vårdas på Rättspsykiatri Motala sedan maj.", "VARDENHET", "Rättspsykiatri Motala"),
        ("Remiss skickad till Barnpsykiatri Lund i maj.", "VARDENHET", "Barnpsykiatri Lund"),
        # an attendance label naming its group, the minutes' checker
        ("Patientråd 12/3\nNärvarande patienter: B.K., T.L., J-O\nFrågor: mat", "PERSON", "T.L."),
        ("Patientråd 12/3\nNärvarande patienter: B.K., T.L., J-O\nFrågor: mat", "PERSON", "J-O"),
        ("Frågor: maten och kaffet.\nJusteras: R.B.", "PERSON", "R.B."),
        # an age in brackets beside a kinship word
        ("Han vill att Aino (23, syster) får komma på besök.", "ALDER", "23"),
        ("Ring Tawanda (34, bror) om något händer.", "ALDER", "34"),
        # a named ward in lower case after "avd", also without å, ä and ö
        ("jag har varit pa avd granen sen i vintras", "VARDENHET", "avd granen"),
        ("han sitter på avd syrenen och mår dåligt", "VARDENHET", "avd syrenen"),
        ("jag har legat pa avd lonnen i tre ar", "VARDENHET", "avd lonnen"),
        # a patient signing off with a name, a surname's initial and the ward
        ("vi vill ha mer frukt på kvällarna /dragan t, avd syrenen", "PERSON", "dragan t"),
        ("Vi vill ha mer frukt. tobias n, avd 7", "PERSON", "tobias n"),
        ("kan hon parkera vid entren? hon har ont i ryggen. milan k, avd 12", "PERSON", "milan k"),
        # staff named by lowercase initials after their title
        ("skötaren jb på natten skriker på oss", "PERSON", "jb"),
        ("sjuksköterskan pl sa att jag fick vänta", "PERSON", "pl"),
        # a record's number right after "journal", a patient's code after "patienten"
        ("anteckning: pat (journal 00412377) vill inte ta medicinen.", "JOURNALNUMMER", "00412377"),
        ("Patienten (SPV-2019-0331) har fått information om reglerna.", "JOURNALNUMMER", "SPV-2019-0331"),
    ],
)
def test_round37_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a date range after a personnummer's field is no personnummer
        ("Pnr: 640913-2284\nTid: 2023-02-01 – 2025-06-30\nTack", "PERSONNUMMER", "2023-02-01 – 2025"),
        # a rating scale's latest reading is no date
        ("Jag har fått 3/5 på senaste skattningen.", "DATUM", "3/5"),
        ("Han hade 7/10 på BPRS-skattningen igår.", "DATUM", "7/10"),
        # the surnames inside a law firm's name are no person
        ("Ombud: advokat Lena Sjöberg, Advokatfirman Sjöberg & Holm, Storgatan 3", "PERSON", "Holm"),
    ],
)
def test_round37_false_alarms_are_gone(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a personnummer read out in groups stays one, and so does one with its date written out
        ("personnummer 96 11 03 - 7 7 3 1", "PERSONNUMMER", "96 11 03 - 7 7 3 1"),
        ("personnummer 1931-08-14 - 6651", "PERSONNUMMER", "1931-08-14 - 6651"),
        # a date after a reading somewhere else is still a date
        ("Vi ses 3/5 på mottagningen.", "DATUM", "3/5"),
        # a lawyer of the firm's name stays a person
        ("Ombud: advokat Lena Sjöberg, Advokatfirman Sjöberg & Holm, Storgatan 3", "PERSON", "Lena Sjöberg"),
    ],
)
def test_round37_look_alikes_keep_their_label(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a firm word alone, or before a sentence's word
        ("Jag ringde Advokatbyrån igen.", "ORGANISATION", "Advokatbyrån"),
        ("Ring Advokatfirman Och sen polisen.", "ORGANISATION", "Advokatfirman Och"),
        # a specialty in lower case before a town
        ("Jag jobbar inom barnpsykiatri i Lund.", "VARDENHET", "barnpsykiatri i Lund"),
        # a ward followed by an everyday word or a number word
        ("han ligger på avd för psykiatri", "VARDENHET", "avd för"),
        ("han ligger på avd sju nu", "VARDENHET", "avd sju"),
        ("han ligger på avd elva nu", "VARDENHET", "avd elva"),
        # a ward signing as a whole
        ("Hälsningar från oss. Alla, avd 12", "PERSON", "Alla"),
        ("Tack för grillen! Personalen, avd 12", "PERSON", "Personalen"),
        # lowercase letters after a title that are a word or an abbreviation
        ("skötaren st var där", "PERSON", "st"),
        ("läkaren ok sa det", "PERSON", "ok"),
        # a title after the title word is no initials, lawyers in the plural no firm
        ("Läkaren dr Lindqvist sa att det var klart.", "PERSON", "dr Lindqvist"),
        ("Dyra Advokater är det sista jag behöver.", "ORGANISATION", "Dyra Advokater"),
        # a year after "journal", a law's abbreviation in brackets after "patienten"
        ("Journal 2023 saknas helt.", "JOURNALNUMMER", "2023"),
        ("Patienten (LPT) har informerats.", "JOURNALNUMMER", "LPT"),
        ("Patienten (MV-12) har informerats.", "JOURNALNUMMER", "MV-12"),
        # an attendance label's group without names
        ("Närvarande patienter: alla", "PERSON", "alla"),
        # a bracket beside a kinship word without an age
        ("Ring Tawanda (bror, rum 4) om något händer.", "ALDER", "4"),
    ],
)
def test_round37_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)
