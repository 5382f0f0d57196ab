"""Round 27 kinds of construction (multilingual survey answers, read from blind set 51): numbers
written with the digits of another script (Arabic-Indic ٠–٩, Persian ۰–۹, Thai ๐–๙) and with
right-to-left marks or isolates around and inside them are the same direct identifiers; names in
Arabic, Persian, Cyrillic, Ethiopic and Thai script after the language's own "my name is", title
or family word, beside their transliteration in brackets, or as a Slavic first name and surname;
ages said with the language's word for years where the language marks an age; dates with the
month named in another language. Doses, counts, room numbers and durations in those digits and
languages, and a word beside its translation, must stay untouched. Own examples: invented names,
numbers and places, none from the set."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import finds, values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-27-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Hans mobil: ٠٧٠-١٧٤ ٠٦ ٣٠. Ring efter lunch.", "TELEFON", "٠٧٠-١٧٤ ٠٦ ٣٠"),
        ("پیامک بزنید به ۰۷۳۱۷۴۰۶۴۸ لطفا", "TELEFON", "۰۷۳۱۷۴۰۶۴۸"),
        ("โทร ๐๗๒-๑๗๔ ๐๖ ๔๓ ได้ค่ะ", "TELEFON", "๐๗๒-๑๗๔ ๐๖ ๔๓"),
        ("رقمي الشخصي ١٩٨٤١١٢٣-٤٥٦٧ من فضلكم", "PERSONNUMMER", "١٩٨٤١١٢٣-٤٥٦٧"),
        # right-to-left marks around the number stay outside it, marks inside are part of it
        ("شماره شخصی: \u200f۷۶۰۳۰۹-۲۲۴۱\u200f است", "PERSONNUMMER", "۷۶۰۳۰۹-۲۲۴۱"),
        ("تليفوني \u200f٠٧٠\u200f-\u200f١٧٤٠٦٣٧\u200f شكرا", "TELEFON", "٠٧٠\u200f-\u200f١٧٤٠٦٣٧"),
        ("Ring \u2066070\u200e-174 06 19\u2069 eller skriv.", "TELEFON", "070\u200e-174 06 19"),
        ("Personnummer \u061c٢٠٠١٠٥٠٩٢٣٨٤\u061c tack", "PERSONNUMMER", "٢٠٠١٠٥٠٩٢٣٨٤"),
        ("Mejla omar.k\u200e@\u200eexample.se eller ring.", "EPOST", "omar.k\u200e@\u200eexample.se"),
    ],
)
def test_direct_identifiers_in_any_digits_and_direction(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "خذ ٥٠٠ ملغ مرتين يوميا لمدة ١٤ يوما",
        "الغرفة رقم ٢١٢ في الطابق ٣ كانت نظيفة",
        "روزی ۳ بار ۲۵۰ میلی\u200cگرم",
        "กิน ๒ เม็ด หลังอาหาร ๓ ครั้ง",
        "انتظرنا ١٤ أسبوعا و ٣ أشهر",
        "Vi stod i kö \u200f٤٥\u200f minuter och fick nummer ١٢٣.",
        "منذ ٨ أشهر ننتظر",
        "Мы ждали 2 года, а 3 года назад переехали.",
        "Odotin 3 vuotta jonossa.",
        "The wait is 40 minutes and there is 1 bed.",
        "Ordet hopp (أمل) är vackert.",
        "Tack (شكرا) till alla på avdelningen.",
        "Mart ayında kar vardı.",
    ],
)
def test_counts_doses_durations_and_words_stay(text: str) -> None:
    assert finds(text, KEY) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ابنتي ريم، عمرها ٩ سنوات.", "ريم"),
        ("خواهرم نسرین خیلی کمک کرد", "نسرین"),
        ("Меня зовут Полина Орлова, пишу из Умео.", "Полина Орлова"),
        ("Мой сын Тимур ходит в школу.", "Тимур"),
        ("ስመይ ኣልማዝ እዩ።", "ኣልማዝ"),
        ("ลูกชายชื่อวันชัย ไปโรงเรียน", "วันชัย"),
        ("Min svärmor Rukiya Hersi (رقية حرسي) bor i Tensta.", "رقية حرسي"),
        ("زوجي طارق (Tariq) يعمل في المطعم", "طارق"),
        ("زوجي طارق (Tariq) يعمل في المطعم", "Tariq"),
        ("Vi träffade Taras Moroz (Тарас Мороз) på mottagningen.", "Тарас Мороз"),
        ("Ирина Соколова, Storgatan 1, Umeå", "Ирина Соколова"),
        ("أنا خالد العمري، أسكن في المدينة", "خالد العمري"),
    ],
)
def test_names_in_other_scripts(text: str, name: str) -> None:
    assert name in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("عمره ٦٧ عاما ويعاني من السكري", "٦٧ عاما"),
        ("پدرم ۸۱ ساله است", "۸۱ ساله"),
        ("ยายอายุ ๘๘ ปี", "๘๘ ปี"),
        ("Моему отцу 80 лет, он болеет уже 15 лет.", "80 лет"),
        ("Мой дед Пётр (Pjotr), 91 год.", "91 год"),
        ("Wiilkeyga wuxuu jiraa 7 sano.", "7 sano"),
        ("Isäni on 88 vuotta nyt.", "88 vuotta"),
        ("My aunt Grace is 93 and lives alone.", "93"),
    ],
)
def test_ages_in_other_languages(text: str, age: str) -> None:
    assert values_labelled(text, "ALDER", KEY) == [age]


def test_a_duration_in_russian_is_no_age() -> None:
    assert values_labelled("Моему отцу 80 лет, он болеет уже 15 лет.", "ALDER", KEY) == ["80 лет"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("ولدت في ٣ مارس ١٩٨٠", "٣ مارس ١٩٨٠"),
        ("در ۲۰ فروردین رفتم", "۲۰ فروردین"),
        ("Приём был 14 января, а потом 2 травня.", "14 января"),
        ("Приём был 14 января, а потом 2 травня.", "2 травня"),
        ("Byłam tam 9 sierpnia 2024.", "9 sierpnia 2024"),
        ("3 Mayıs'ta geldik.", "3 Mayıs"),
        ("Waxaan tagay 22 Luulyo.", "22 Luulyo"),
        ("Kävin siellä 5. helmikuuta.", "5. helmikuuta"),
        ("นัด ๑๒ เมษายน ๒๕๖๗", "๑๒ เมษายน ๒๕๖๗"),
    ],
)
def test_dates_with_foreign_month_names(text: str, date: str) -> None:
    assert date in values_labelled(text, "DATUM", KEY)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Мы живём в Гётеборге уже давно.", "Гётеборге"),
        ("Мы живём в Лунде, рядом с больницей.", "Лунде"),
        ("نسكن في كيرونا منذ سنتين", "كيرونا"),
        ("در استکهلم زندگی می\u200cکنیم", "استکهلم"),
        ("Asun Luulajassa ja kävin Kirunassa.", "Kirunassa"),
        ("Gällivare'de oturuyorum.", "Gällivare"),
    ],
)
def test_towns_in_other_scripts_and_case_endings(text: str, place: str) -> None:
    assert place in values_labelled(text, "ORT", KEY)


@pytest.mark.parametrize(
    "text",
    [
        # countries, a hospital, a room, someone's home: no town
        "Мы из Сирии, а муж из Ирака.",
        "Я была в больнице и у Анны.",
        "في الغرفة رقم ٣ كان الجو باردا",
        # the everyday first word of a sentence in another language
        "Deniz kenarında oturduk.",
        "Umut ettim ki daha iyi olur.",
        "Dziękuję bardzo!",
        "Toivo on, että kaikki menee hyvin.",
        "Teşekkürler.",
        # an order number in personnummer shape, said in Arabic and Russian
        "رقم الطلب ٥٥٠٣١٢-٤٤٧١ للكرسي",
        "Номер заказа 19881104-2231, доставка через неделю.",
    ],
)
def test_countries_foreign_words_and_order_numbers_stay(text: str) -> None:
    assert finds(text, KEY) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name opening a Swedish sentence stays a name, and a Swedish first name anywhere
        ("Deniz ringde mig igår.", "Deniz"),
        ("Anna oli ystävällinen.", "Anna"),
    ],
)
def test_names_opening_sentences_stay(text: str, name: str) -> None:
    assert name in values_labelled(text, "PERSON", KEY)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Я лежала в больнице Умео два дня.", "больнице Умео"),
        ("رفتم به بیمارستان سالگرنسka", "بیمارستان سالگرنس"),
        ("Мы ходили в детской поликлинике Лулео.", "детской поликлинике Лулео"),
    ],
)
def test_hospitals_named_in_other_scripts(text: str, unit: str) -> None:
    assert unit in values_labelled(text, "VARDENHET", KEY)


@pytest.mark.parametrize(
    "text",
    ["كان في مستشفى كبير", "مستشفى الأطفال جيد", "Я лежала в больнице Москвы.", "بیمارستان خوبی بود"],
)
def test_described_hospitals_stay(text: str) -> None:
    assert finds(text, KEY) == []


def test_a_town_before_an_ethiopic_full_stop() -> None:
    # the town after the address ends at the Ethiopic full stop, as at "." (it is read as one)
    text = "ኣድራሻ Ängsgatan 3, Sala። ኢመይል"
    assert ("ADRESS", "Ängsgatan 3") in finds(text, KEY) and "Sala" in values_labelled(text, "ORT", KEY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My grandfather Kofi Boateng is 101.", "Kofi Boateng"),
        ("Her daughter Ama And I came.", "Ama"),
        ("Our uncle, Kwame Mensah, lives in Kalix.", "Kwame Mensah"),
    ],
)
def test_names_after_english_family_words(text: str, name: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == [name]


@pytest.mark.parametrize("text", ["My mother is ill.", "My son The doctor said no."])
def test_english_family_words_without_a_name(text: str) -> None:
    assert values_labelled(text, "PERSON", KEY) == []
