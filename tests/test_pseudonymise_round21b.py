"""Round 21b kinds of construction (young people writing in chat style to school counsellors,
youth clinics, BUP, social services and from HVB/SiS homes, read from blind set 43): homes and
clinics named in lower case after their kind ("hvb X", "sis ungdomshem X", "stödboendet X",
"X:s ungdomshem", "vårdcentralen X") and the town after them; schools in lower case; a
council's social services with its town; lowercase first names where the sentence says it is
someone (a role before it, a cleft, an age in brackets, a workplace or class after it, a
signature list, "samtal med", "namn e", "jag e" after a greeting). Own examples: new names,
homes, schools and places, none from the set; and the ordinary chat Swedish that must stay."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-21b-test-key-0123456789abcd"


# -- homes and clinics in lower case ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("asså jag bor på hvb ljusstaken sen i våras o de e okej", "hvb ljusstaken"),
        ("min kompis sitter på sis ungdomshem hällby o får inte ringa", "sis ungdomshem hällby"),
        ("jag flyttade till stödboendet ankaret förra veckan", "stödboendet ankaret"),
        ("sitter på björkforsens ungdomshem nu o ingen säger nåt", "björkforsens ungdomshem"),
        ("läkaren på vårdcentralen eken har inte svarat", "vårdcentralen eken"),
        ("va på ungdomsmottagningen kungsholmen igår", "ungdomsmottagningen kungsholmen"),
        ("jag va på hvb lindbrygga 2019 typ", "hvb lindbrygga"),
    ],
)
def test_a_home_or_clinic_named_in_lower_case_is_a_unit(text: str, unit: str) -> None:
    assert values_labelled(text, "VARDENHET", KEY) == [unit]


def test_the_town_after_a_lowercase_home_goes_with_it() -> None:
    # a town that is also a word ("kil") counts right after the found home
    assert values_labelled("har bott på hvb lönnen i kil sen i höstas", "VARDENHET", KEY) == ["hvb lönnen i kil"]


@pytest.mark.parametrize(
    "text",
    [
        "på hvb personalen e sura o hvb placeringen suger",
        "jag ringde vårdcentralen igen o vårdcentralen dagen efter",
        "bor på hvb sen mars o sis ungdomshem innan dess",
        "statens ungdomshem e ingen lek",
    ],
)
def test_what_follows_a_kind_word_without_naming_a_home_stays(text: str) -> None:
    assert values_labelled(text, "VARDENHET", KEY) == []


# -- schools and social services in lower case --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("jag går i 9a på lindbackaskolan o hatar det", "lindbackaskolan"),
        ("snälla säg inget till norrängsskolan", "norrängsskolan"),
        ("mentorn på östraskolan ringde hem", "östraskolan"),
    ],
)
def test_a_school_named_in_lower_case_is_an_organisation(text: str, school: str) -> None:
    assert values_labelled(text, "ORGANISATION", KEY) == [school]


def test_kinds_of_school_in_lower_case_stay() -> None:
    text = "jag går på gymnasieskolan, lillebror på grundskolan o på lovskolan o simskolan i sommar"
    assert values_labelled(text, "ORGANISATION", KEY) == []


def test_social_services_with_their_town_is_one_organisation() -> None:
    text = "min handläggare på socialtjänsten i sandviken har slutat"
    assert values_labelled(text, "ORGANISATION", KEY) == ["socialtjänsten i sandviken"]
    assert values_labelled("soc i stan e sämst", "ORGANISATION", KEY) == []


# -- lowercase first names where the sentence says it is someone ---------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("min handläggare e samira begić, hon e snäll", ["samira begić"]),
        ("min kontaktperson tove lind vet om allt", ["tove lind"]),
        ("min lillebror noah e 9 o rädd", ["noah"]),
        ("skolsköterskan liv på mottagningen va så fin", ["liv"]),
        ("min gode man stig säger att de löser sig", ["stig"]),
        ("det va typ yusuf som ringde 112", ["yusuf"]),
        ("alva (14) e min bästa kompis", ["alva"]),
        ("jag o nora på fritidsgården", ["nora"]),
        ("liam o adnan från 8c snackar skit", ["liam", "adnan"]),
        ("vi hade samtal med jonna varje vecka", ["jonna"]),
        ("jag vill ha en ny kurator istället för tove", ["tove"]),
        ("tja jag e zeki o vill fråga en sak", ["zeki"]),
        ("mitt riktiga namn e amir sulejmanović", ["amir sulejmanović"]),
        ("hos dr. hamidi på bup", ["hamidi"]),
    ],
)
def test_a_lowercase_name_in_a_person_context_is_a_person(text: str, names: list[str]) -> None:
    assert values_labelled(text, "PERSON", KEY) == names


def test_a_signature_list_of_lowercase_names() -> None:
    found = " ".join(values_labelled("vi vill ha chatten på fler språk. mvh hodan, ayaan o nimo", "PERSON", KEY))
    for name in ("hodan", "ayaan", "nimo"):
        assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "jag o min mamma va på soc igår o det var bra som fan",
        "det e bra som tur e. min kurator sa att jag e duktig",
        "jag behöver prata med ngn nu",
        "det var sol på fritidsgården hela dagen",
        "tja jag e trött o vill sova",
        "vi hade samtal med kuratorn o med soc",
        "mvh en ledsen elev",
        "istället för dig o mig",
    ],
)
def test_ordinary_chat_swedish_names_no_one(text: str) -> None:
    assert [v for v, label in finds(text, KEY) if label == "PERSON"] == []


def test_hvb_takes_a_home_name_that_is_an_everyday_word() -> None:
    assert values_labelled("jag va på hvb vindflöjel 2020 typ", "VARDENHET", KEY) == ["hvb vindflöjel"]
    assert values_labelled("jag ska till hvb hem igen o hvb placering suger", "VARDENHET", KEY) == []


# -- a chat answer read from the question above it, siblings' ages in chat Swedish ---------------


def test_an_age_and_a_town_answered_on_their_own_lines() -> None:
    text = "hur gammal är du om du vill säga?\n- 15\n- okej. bor du i mora?\n- nej eksjö men jag pluggar där"
    assert values_labelled(text, "ALDER", KEY) == ["15"]
    assert "eksjö" in values_labelled(text, "ORT", KEY)


def test_a_number_answering_another_question_is_no_age() -> None:
    assert values_labelled("hur många gånger har det hänt?\n- 15\n", "ALDER", KEY) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("jag e ensam hemma med mina syskon som e 5 o 9", ["5", "9"]),
        ("min lillebror e 11 o rädd", ["11"]),
    ],
)
def test_siblings_ages_in_chat_swedish(text: str, ages: list[str]) -> None:
    assert values_labelled(text, "ALDER", KEY) == ages


def test_a_count_after_a_kin_word_is_no_age() -> None:
    assert values_labelled("vi e många o barnen e 3 st", "ALDER", KEY) == []


# -- where someone lives, a town that is also a first name; a rating that is no date -------------


def test_a_town_that_is_a_first_name_where_someone_lives() -> None:
    assert values_labelled("bor typ långt bort i åsa o bussen går sällan", "ORT", KEY) == ["åsa"]
    assert values_labelled("jag va kär i adam förut", "PERSON", KEY) == ["adam"]


def test_a_rating_after_what_it_grades_is_no_date() -> None:
    assert values_labelled("mitt betyg på chatten: 3/5. okej ändå", "DATUM", KEY) == []
    assert values_labelled("vi ses 3/5 på mottagningen", "DATUM", KEY) == ["3/5"]


# -- addresses, municipalities, journal numbers and handles as chats write them ------------------


def test_a_lowercase_address_with_position_word_postcode_and_town() -> None:
    text = "skicka till västra kyrkogatan 12b, 731 30 kolbäck tack"
    assert values_labelled(text, "ADRESS", KEY) == ["västra kyrkogatan 12b"]
    assert values_labelled(text, "POSTNUMMER", KEY) == ["731 30"]
    assert values_labelled(text, "ORT", KEY) == ["kolbäck"]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("fick ett brev från hofors kommun igår", "hofors kommun"),
        ("en lapp med Hofors kommuns logga på", "Hofors kommun"),
    ],
)
def test_a_municipality_in_lower_case_or_in_the_genitive(text: str, organisation: str) -> None:
    assert values_labelled(text, "ORGANISATION", KEY) == [organisation]


def test_a_journal_number_with_a_letter_glued_on_is_no_bank_account() -> None:
    text = "mitt journalnummer på bup står som K2022-448120 på lappen"
    assert values_labelled(text, "JOURNALNUMMER", KEY) == ["K2022-448120"]
    assert values_labelled(text, "KONTONUMMER", KEY) == []


def test_an_account_handle_built_from_a_name() -> None:
    text = "han skriver från ett nytt konto m.lindqvist_02 fast jag blockat honom"
    assert values_labelled(text, "PERSON", KEY) == ["m.lindqvist_02"]
    assert values_labelled("kontot e_legitimation2 funkar inte", "PERSON", KEY) == []


def test_hallo_typed_without_its_ring_is_no_name() -> None:
    assert values_labelled("halla, vill bara säga att ni e bäst", "PERSON", KEY) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Min pappa är åttiofem och bor ensam", "PERSON"),  # an age in words, no name
        ("Midsommar firas på gården varje år", "PERSON"),  # a verb's form before a place
        ("vidarebefordrar svaret från vårdcentralen nedan", "VARDENHET"),  # an adverb, no home
        ("vill du prata om hvb grejen sen", "VARDENHET"),  # "the thing", no home
        ("(bara kommun, inga namn!)", "ORGANISATION"),  # a word that is also a small place
    ],
)
def test_words_that_only_look_like_the_new_kinds_stay(text: str, label: str) -> None:
    assert values_labelled(text, label, KEY) == []
