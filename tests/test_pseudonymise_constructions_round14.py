"""Round 14 kinds of construction (northern Sweden, the national minorities and care across the
borders; read from blind set 28): Sami, Meänkieli and Finnish place names and the neighbours'
towns, bilingual names with a slash, northern place-name endings and Finnish cases, a place in
a contact line, kinship words and sentences in Finnish, Norwegian and Sami, Finnish ages,
usernames, samebyar and unions, hospitals across the border, codes in a personnummer's or a
plate's shape. Own examples, new names and places throughout."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds

pytestmark = pytest.mark.utan_databas

KEY = b"round-fourteen-test-key-0123456789"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Sami and Meänkieli names of Swedish places, towns across the borders (orter.txt)
        ("Min farmor bor i Jiellevárre och vill ha samisktalande personal.", "Jiellevárre"),
        ("Det är tolv mil till Váhtjer från oss.", "Váhtjer"),
        ("Han fick åka ambulans till Rovaniemi mitt i natten.", "Rovaniemi"),
        ("Hon föddes i Kárášjohka men flyttade söderut.", "Kárášjohka"),
        ("Tolken satt i Ivalo och ljudet var dåligt.", "Ivalo"),
        ("Min bror har bott i Sorsele i tjugo år.", "Sorsele"),
    ],
)
def test_northern_and_cross_border_places(text: str, place: str) -> None:
    assert ("ORT", place) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Vi bor i Jiellevárre/Gällivare sedan länge.", ["Jiellevárre", "Gällivare"]),
        ("Adress: Storgatan 3, Luulaja / Luleå", ["Luulaja", "Luleå"]),
        # a town that is also a first name is the town beside its other name
        ("Familjen flyttade till Kalix/Kainuu förra året.", ["Kalix"]),
    ],
)
def test_bilingual_place_names_with_a_slash(text: str, places: list[str]) -> None:
    found = finds(text, KEY)
    assert all(("ORT", p) in found for p in places), found


@pytest.mark.parametrize("text", ["Vi bor i Åsele/Dorotea nu.", "Vi bor i Dearna/Dorotea nu."])
def test_a_first_name_that_is_a_town_beside_its_other_name(text: str) -> None:
    # "Dorotea" is a town and a first name; beside a place after a slash it is the town
    found = finds(text, KEY)
    assert ("ORT", "Dorotea") in found and not any(label == "PERSON" for label, _ in found), found


def test_a_first_name_beside_a_name_with_a_slash_stays_a_name() -> None:
    assert ("PERSON", "Dorotea") in finds("Anna/Dorotea ringde i går.", KEY)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vi hade åkt nio mil från Rautasluokta när snön kom.", "Rautasluokta"),
        ("Hon har bott i Saittarova hela livet.", "Saittarova"),
        ("Han bor nu hos sin dotter i Lovikkavaara.", "Lovikkavaara"),
        ("Kom förbi i Koskiniemi på vägen hem.", "Koskiniemi"),
        # Finnish and Meänkieli: the place in its case after "asua" (live)
        ("Asun Jällivaarassa ja olen yksin.", "Jällivaarassa"),
        ("Isä asuu Ylitorniolla nykyään.", "Ylitorniolla"),
    ],
)
def test_northern_endings_and_finnish_cases(text: str, place: str) -> None:
    assert ("ORT", place) in finds(text, KEY), finds(text, KEY)


def test_a_surname_said_again_where_someone_lives_is_the_village() -> None:
    found = finds("Aune Kuttainen, 88 år, bor ensam i Kuttainen och har långt till affären.", KEY)
    assert ("PERSON", "Aune Kuttainen") in found and ("ORT", "Kuttainen") in found, found


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Hör av er. Tuomas Rantatalo, Svanstein", "Tuomas Rantatalo", "Svanstein"),
        ("Kontakt: Ellen-Ánne Sarri, Soppero, tel 0981-300 12.", "Ellen-Ánne Sarri", "Soppero"),
    ],
)
def test_a_place_after_a_full_name_in_a_contact_line(text: str, name: str, place: str) -> None:
    found = finds(text, KEY)
    assert ("PERSON", name) in found and ("ORT", place) in found, found


def test_names_in_a_list_stay_names() -> None:
    found = finds("Närvarande: Gunnel Axelsson, Yonas Gebremedhin, Pham Thi Hoa", KEY)
    assert [label for label, _ in found] == ["PERSON"] * 3, found


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        ("Isä Erkki kaatui eilen kotona.", "Erkki", "Isä"),
        ("Vaari Heikki on sairaalassa.", "Heikki", "Vaari"),
        ("Áhkku Sárá ringde i morse.", "Sárá", "Áhkku"),
    ],
)
def test_kinship_words_of_the_minority_languages_are_no_names(text: str, name: str, word: str) -> None:
    found = finds(text, KEY)
    assert ("PERSON", name) in found and not any(word in value for _, value in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Hemtjänsten kom sent. Sie et ossaa puhua ruotsia, mie tiiän.",
        "Rollatorn är trasig. Ei se ole kunnossa.",
        "Jeg ringer fra Bodø. Hun har ikke fått noe svar.",
        "Ođđajagemánnu är den mörka tiden. Renarna är långt borta.",  # a Sami month
        "Vi har en vaja som heter Riebanj, hon är snäll.",  # a tame reindeer
        "Mie olen 87.",
    ],
)
def test_words_of_neighbour_languages_and_animals_are_no_names(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mie olen Aatu ja asun yksin.", "Aatu"),
        ("Nok Srisuk ringde. Nok lyfte frågan om tolk.", "Nok"),  # a name said twice, no Norwegian
        ("Hun ringde igår.", "Hun"),  # a name (Korean "Hun") in a Swedish text
    ],
)
def test_names_beside_neighbour_words_stay(text: str, name: str) -> None:
    assert ("PERSON", name) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mie olen Aatu ja mie olen 91. Hoitaja käy aamulla.", "91"),
        # the Finnish word for "years old" is part of the age, as "år" is ("88 år"): round 24
        ("Olen 58-vuotias ja väsynyt.", "58-vuotias"),
        ("Isäni on 84 ja asuu yksin.", "84"),
        ("Det är orimligt att en granne på 79 ska sköta det.", "79"),
        ("Hän oli 90 vuotta vanha.", "90"),
    ],
)
def test_finnish_ages_and_a_person_of_an_age(text: str, age: str) -> None:
    assert ("ALDER", age) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Jag har jobbat i hemtjänsten i snart femton år och vet hur det är.",
        "Han har kört färdtjänst i över 30 år nu.",
        "Det tog en man på 40 minuter att komma.",
        "It cannot be more than 1 so we will end on 2. Sorry.",  # English "on", not Finnish
    ],
)
def test_durations_are_no_ages(text: str) -> None:
    assert not any(label == "ALDER" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "users"),
    [
        ("Anv: ánne.kitti\nJag håller med.", ["ánne.kitti"]),
        ("Svar till Piera_M: samma här.", ["Piera_M"]),
        ("Inlägg av Henrik_J dolt av moderator.", ["Henrik_J"]),
        ("tack till nilsaslak_kuhmunen för tipset", ["nilsaslak_kuhmunen"]),
    ],
)
def test_usernames_built_on_names(text: str, users: list[str]) -> None:
    found = finds(text, KEY)
    assert all(("PERSON", u) in found for u in users), found


@pytest.mark.parametrize(
    "text",
    [
        "Jag heter Ros_i_rabatten på forumet.",  # an alias of words
        "Skrivet av fjällräv_77 i går.",
        "Anv: kaffe.termos\nHej.",
    ],
)
def test_aliases_of_words_stay(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Han är renskötare i Ruonala sameby sedan ungdomen.", "Ruonala sameby"),
        ("Ordförande i Čearru sameby skrev under.", "Čearru sameby"),
        ("Vi jobbar allihop på Norrskog och kan inte ta ledigt.", "Norrskog"),
        ("Jeg jobber i Narvik for Statkraft nå.", "Statkraft"),
        ("Jag är med i Vårdförbundet sedan 1998.", "Vårdförbundet"),
    ],
)
def test_samebyar_employers_and_unions(text: str, org: str) -> None:
    assert ("ORGANISATION", org) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Jeg jobber i Narvik.",  # Norwegian words before a town name no organisation
        "Hon är medlem i Facebookgruppen för anhöriga.",
    ],
)
def test_no_organisation_in_norwegian_words_or_an_online_group(text: str) -> None:
    assert not any(label == "ORGANISATION" for label, _ in finds(text, KEY)), finds(text, KEY)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Jag tar blodtrycket i hälsorummet i Ammarnäs varje månad.", "hälsorummet i Ammarnäs"),
        ("stort tack till personalen på hc arjeplog", "hc arjeplog"),
        ("Till hemtjänsten i Pålkem: tack för i natt.", "hemtjänsten i Pålkem"),
        ("Vi fick åka till Haukeland universitetssykehus.", "Haukeland universitetssykehus"),
        ("De körde honom till St. Görans hospital i natt.", "St. Görans hospital"),
        ("Hän oli Oulun yliopistollinen sairaala -osastolla.", "Oulun yliopistollinen sairaala"),
        ("Han låg på Nordlandssykehuset en vecka.", "Nordlandssykehuset"),
    ],
)
def test_northern_and_cross_border_care_units(text: str, unit: str) -> None:
    assert ("VARDENHET", unit) in finds(text, KEY), finds(text, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Beställningen hade nummer 520914-3378 men ingen hittade den.",
        "Taxiresan hade bokningsnummer GKW 312 men bilen kom inte.",
    ],
)
def test_codes_in_a_personnummer_or_plate_shape_stay(text: str) -> None:
    assert finds(text, KEY) == [], finds(text, KEY)


def test_a_plate_with_a_vehicle_word_is_still_a_plate() -> None:
    assert ("REGNR", "GKW 312") in finds("Bilen har regnr GKW 312.", KEY)
