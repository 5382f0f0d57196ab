"""Round 21 kinds of construction (staff reports and newcomers' feedback, read from blind sets 38
and 39; damaged identifiers in scans, PDF copies, SMS and case-system exports, read from set 42):
a personnummer-shaped number after a case file's or a quality system's own label, a personnummer
whose next line opens with a clock time, "löpnr" (no "pnr"); letters a scanner read for digits
(S for 5, slips as many as digits); a mobile number that lost its "+" or its zero, "0046-(0)7x";
an e-mail address with a space beside "@" or cut by a line break; a Swedbank clearing number
without its dash; a column of a pasted table named personnummer; identity and patient numbers
after "LMA:", "UT-kort", "Pass nr", "Pat-nr", "pat_id"; ages in the telegraphic style of
reports ("Pat man 56,", "kvinna ca 40 år", "barn 2 år"), children's ages after "är"; ambulance
stations and a maternity ward with their town, a clinic with its ward number or adjective before
its hospital; staff who sign with initials ("/bm" ending a report, "Sign. XY 2026-…",
"Farmaceut XY"); a patient after "Pat"/"pat" in a report; a name's surname before a colon.
Own examples: new names, places and numbers, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, luhn_complete, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-21-test-key-0123456789abcdef"


# -- personnummer: what the label says, and what the next line does not say --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dnr 20250214-0031. Vi har tagit emot ert brev.",
        "Händelse-ID 250307-0115 stängdes efter granskning.",
        "Incident-id: 241009-0077 (automatiskt)",
        "Kvittensnr 630918-4412 skickades per post.",
        "Betyg 3/5. Löpnr 790212-0058",
    ],
)
def test_a_case_or_system_number_shaped_as_a_personnummer_stays(text: str) -> None:
    assert values_labelled(text, "PERSONNUMMER", KEY) == []


def test_a_personnummer_before_a_line_with_a_clock_time_is_one() -> None:
    number = "19" + luhn_complete("730521318")
    text = f"Ärende: återbesök\nPatient: Greta Lind, {number}\nTid: 4/3 kl 10.40, Vårdcentralen Ekbacken"
    assert values_labelled(text, "PERSONNUMMER", KEY) == [number]


def test_a_patient_id_label_keeps_a_personnummer() -> None:
    number = "19" + luhn_complete("640203227")
    assert values_labelled(f"Patient-ID {number}", "PERSONNUMMER", KEY) == [number]


# -- letters for digits, lost pieces ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Personnr: l96S0S3l-2S7O\nNamn: X", "PERSONNUMMER", "l96S0S3l-2S7O"),
        ("Mobil: O7O-S5l OO 48\nÖvrigt: inget", "TELEFON", "O7O-S5l OO 48"),
    ],
)
def test_a_scanned_number_with_as_many_slips_as_digits(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


def test_a_plate_keeps_its_letter() -> None:
    assert values_labelled("Bil KLM 27S stod parkerad.", "REGNR", KEY) == ["KLM 27S"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('tid,nummer,text\n"10:12","46762281904","kan jag komma tidigare?"', "46762281904"),
        ("Nås enklast på 76 2281904 efter jobbet.", "76 2281904"),
        ("Hälsningar Omid, tel 0046-(0)76-228 19 04", "0046-(0)76-228 19 04"),
    ],
)
def test_a_mobile_number_that_lost_its_plus_or_zero(text: str, value: str) -> None:
    assert values_labelled(text, "TELEFON", KEY) == [value]


@pytest.mark.parametrize("text", ["Ordernr 46762281904 skickad.", "Vi var 76 2281904 st där.", "Summa 762281904 kr"])
def test_nine_or_eleven_digits_without_a_phone_word_or_after_another_label_stay(text: str) -> None:
    assert values_labelled(text, "TELEFON", KEY) == []


# -- e-mail with odd spacing or cut by a break -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mejl: p.holmgren52 @outlook .com tack", "p.holmgren52 @outlook .com"),
        ("Svara till maja-li.\nsandqvist@example.se så snart det går.", "maja-li.\nsandqvist@example.se"),
        ("Från: Tove <tove.ny\nberg@example.com>", "tove.ny\nberg@example.com"),
        ("skriv till arvid.k\nronqvist@example.org", "arvid.k\nronqvist@example.org"),
    ],
)
def test_an_address_with_a_stray_space_or_a_break(text: str, value: str) -> None:
    assert values_labelled(text, "EPOST", KEY) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hör av er till oss.\ninfo@example.se", "info@example.se"),  # a sentence's last word
        ("mejla t.ex ebba@example.se", "ebba@example.se"),  # an abbreviation
    ],
)
def test_a_word_before_a_break_is_not_part_of_the_address(text: str, value: str) -> None:
    assert values_labelled(text, "EPOST", KEY) == [value]


def test_a_handle_after_a_word_is_no_address() -> None:
    assert values_labelled("Stort tack @vera.lund för igår", "EPOST", KEY) == []


# -- accounts and columns --------------------------------------------------------------------------


def test_a_swedbank_clearing_number_without_its_dash() -> None:
    text = "Swedbank, eller står det 84216 4419023865 i appen?"
    assert values_labelled(text, "KONTONUMMER", KEY) == ["84216 4419023865"]


def test_a_count_with_five_digits_is_no_account() -> None:
    assert values_labelled("Vi har 84216 besök och 5400 till.", "KONTONUMMER", KEY) == []


def test_a_column_named_personnummer_takes_a_number_that_lost_its_zero() -> None:
    text = "Namn\tPersonnr\tSvar\nIda Sund\t61107-4418\tBra\n(anonym)\t(tomt)\tOk"
    assert values_labelled(text, "PERSONNUMMER", KEY) == ["61107-4418"]


def test_a_column_named_telephone_takes_its_numbers() -> None:
    text = "id;namn;mobil;svar\n7;Sara;76 228 19 04;nöjd"
    assert values_labelled(text, "TELEFON", KEY) == ["76 228 19 04"]


def test_a_number_in_another_column_stays() -> None:
    text = "Namn\tPnr\tAntal\nIda Sund\t(tomt)\t61107"
    assert values_labelled(text, "PERSONNUMMER", KEY) == []


# -- identity and patient numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hans papper: UT-kort nr SE 731 044 852.", "SE 731 044 852"),
        ("Hennes LMA-kort nr 3318-2046-11. Ring mig", "3318-2046-11"),
        ("Pass nr P7731902 (eritreanskt).", "P7731902"),
        ("Namn: X\nLMA: LMA 7702-331-05\nAdress: Y", "LMA 7702-331-05"),
        ("pat_id: 220-915-63\ntyp: återbesök", "220-915-63"),
        ("Pat-nr: K 119 402 338\n2026-01-02", "K 119 402 338"),
    ],
)
def test_identity_and_patient_numbers_after_their_label(text: str, value: str) -> None:
    assert values_labelled(text, "JOURNALNUMMER", KEY) == [value]


def test_a_work_shift_number_is_no_passport() -> None:
    assert values_labelled("Nattpass nr 2 gick lugnt.", "JOURNALNUMMER", KEY) == []


# -- ages in reports ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Larm 03:12 prio 1 andnöd. Pat man 71, känd KOL.", "71"),
        ("Singelolycka. MC-förare man ca 25, medvetslös.", "25"),
        ("Bil 2: förare kvinna ca 50 år, vaken.", "50 år"),
        ("Larm 11:02 prio 2, barn 4 år feber.", "4 år"),
        ("Kvinna 38, allergisk reaktion på jordgubbar.", "38"),
        ("Info gavs via dottern 15 år, mot rutinen.", "15 år"),
        ("S: Kvinna 83 år, akut förvirring.", "83 år"),
        ("Barnen är 3, 7 och 10 år och går i skolan.", "10 år"),
    ],
)
def test_ages_in_the_telegraphic_style_of_reports(text: str, value: str) -> None:
    assert value in values_labelled(text, "ALDER", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Förra året fick man 2, i år 3 tider.",  # the pronoun
        "Då får man vänta 3 timmar.",
        "Hon har varit kvinna 2 gånger i pjäsen.",
        "barn 2 st på avdelningen",
        "Han var man 30 år sedan.",
    ],
)
def test_counts_and_durations_after_a_person_word_are_no_age(text: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == []


# -- units --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Amb 3310 från Ambulansstationen Vansbro. Framme 10:02.", "Ambulansstationen Vansbro"),
        ("Resurs från Ambulansstationen i Malung kom snabbt.", "Ambulansstationen i Malung"),
        ("Hon kom till Förlossningen Falun vid midnatt.", "Förlossningen Falun"),
        ("Fall i rum 12, Geriatriska kliniken, Mälarsjukhuset Eskilstuna.", "Geriatriska kliniken, Mälarsjukhuset"),
        ("Avvikelse, Kirurgavdelning 14, Hudiksvalls sjukhus\nPat föll.", "Kirurgavdelning 14, Hudiksvalls sjukhus"),
    ],
)
def test_emergency_units_and_wards_before_their_hospital(text: str, value: str) -> None:
    assert any(value in v for v in values_labelled(text, "VARDENHET", KEY))


# -- staff and patients in reports ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("gav dosen 22.10 efter samtal med jourläkare. /kh", "kh"),
        ("Anmälan skickad till IVO.\n/TR", "TR"),
        ("Sign. ÖB 2026-02-03: pat fick fel dos", "ÖB"),
        ("Apotekare GS har rapporterat felet.", "GS"),
    ],
)
def test_staff_who_sign_with_initials(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Hälsningar från oss /mvh",
        "Gäller dagtid och/eller kväll /ST",
        "ssk AB 12 i tjänst",
        "Ny rutin inlagd i systemet /adm",  # an office, no person
    ],
)
def test_abbreviations_after_a_slash_are_no_signature(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Datum: 3 mars\nPat: Yasmin Karimi, kvinna 41 år\nEnhet: X", "Yasmin Karimi"),
        ("Pat leyla hosseini inlagd via akuten", "leyla hosseini"),
        ("pat lundqvist rum 7 fick sin medicin sent", "lundqvist"),
        ("Ersättning till anhörig Dalia Rostami: skickas i veckan", "Dalia Rostami"),
    ],
)
def test_a_patient_in_a_report_and_a_surname_before_a_colon(text: str, value: str) -> None:
    assert value in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize("text", ["Pat mår bättre idag.", "pat kräktes x2 under natten"])
def test_pat_before_a_verb_names_no_one(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []


def test_a_form_label_after_a_name_stays_outside_it() -> None:
    text = "Vera Lindholm Telefon: 070-228 19 04"
    assert ("PERSON", "Vera Lindholm") in finds(text, KEY)


def test_a_header_abbreviation_without_a_vowel_is_no_name() -> None:
    text = "Namn\tPnr\tKommentar\n(anonym)\t(tomt)\tLång väntan"
    assert values_labelled(text, "PERSON", KEY) == []


# -- dated lines about a person, services named by their area ----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Utdrag:\n2025-01-14 08:20 Ssk Petra Lund: Pat. sov dåligt", "2025-01-14"),
        ("Datum\tFrån\tText\n2025-01-14 21:05\t+46762281904\tkan ni ringa?", "2025-01-14"),
    ],
)
def test_a_journal_or_message_line_dated_about_a_person(text: str, value: str) -> None:
    assert values_labelled(text, "DATUM", KEY) == [value]


def test_a_system_log_line_keeps_its_timestamp() -> None:
    assert values_labelled("2025-01-14 08:20 Nattkörning klar, 12 rader", "DATUM", KEY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rapport från Räddningstjänsten Bergslagsregionen: rök i trapphus.", "Räddningstjänsten Bergslagsregionen"),
        ("Mvh Per, lärare SFI, Vuxenutbildningen Ludvika", "Vuxenutbildningen Ludvika"),
    ],
)
def test_a_service_named_by_its_area_is_an_organisation(text: str, value: str) -> None:
    assert values_labelled(text, "ORGANISATION", KEY) == [value]


def test_the_service_word_alone_or_before_a_person_stays() -> None:
    for text in ("Räddningstjänsten kom efter tio minuter.", "räddningstjänsten Eva sa att det var lugnt"):
        assert values_labelled(text, "ORGANISATION", KEY) == []


def test_an_address_in_a_web_forms_field() -> None:
    text = 'status=ok;remote_addr=10.40.7.19;svar="bra bemötande"'
    assert values_labelled(text, "IPADRESS", KEY) == ["10.40.7.19"]


@pytest.mark.parametrize("text", ["2025/03/09\nTill mottagningen", "Skickat 2025/03/09 kl 8"])
def test_a_date_written_with_slashes_year_first(text: str) -> None:
    assert values_labelled(text, "DATUM", KEY) == ["2025/03/09"]
