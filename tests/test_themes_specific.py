"""Names that set a theme apart in a corpus about one subject (nlp/themes/specific.py): a name
without a tone that none of its words sets apart ("Invandringen", "Blandade synpunkter om
landet") gives way to the theme's own keyphrases. Invented debate on immigration."""

from __future__ import annotations

import pytest

from nlp.themes import name_themes
from nlp.themes.specific import broad_name, listed
from nlp.themes.tone import NameRule

pytestmark = pytest.mark.utan_databas

YEARS = range(2001, 2100)


def _answers(template: str, n: int, start: int = 0) -> list[str]:
    return [template.format(year=YEARS[start + i]) for i in range(n)]


# Every theme speaks of immigration ("invandringen"), the corpus's subject.
OTHERS = {
    "arbete": _answers("Invandringen ger arbetskraft och arbetstillstånd till företagen år {year}.", 20),
    "kommun": _answers("Invandringen kräver bostäder i kommunerna och mottagandet där år {year}.", 20),
    "skola": _answers("Invandringen ger fler elever i skolan och lärarna där år {year}.", 20),
}
# A theme about Europe, borders and rights: each subject held by three answers of twenty, none by
# a fifth; the rest of its answers speak of the corpus's subject and a word of their own.
EUROPE = (
    _answers("Invandringen och Europa hänger ihop år {year}.", 3)
    + _answers("Invandringen och gränserna diskuterades år {year}.", 3, 3)
    + _answers("Invandringen och rättigheterna gäller alla år {year}.", 3, 6)
    + [
        f"Invandringen debatterades av {who} år {YEARS[i]}."
        for i, who in enumerate(
            ["grannen", "läraren", "prästen", "kocken", "bonden", "snickaren", "fiskaren", "bagaren", "smeden"]
            + ["skräddaren", "målaren"],
            9,
        )
    ]
)


def _names(themes: dict[str, list[str]], embed) -> dict[str, str]:  # type: ignore[no-untyped-def]
    texts = [t for answers in themes.values() for t in answers]
    main = [key for key, answers in themes.items() for _ in answers]
    return {k: v[0] for k, v in name_themes(texts, embed(texts), main, embed).items()}


def test_a_theme_of_no_common_subject_is_named_by_its_own_keyphrases(embed) -> None:  # type: ignore[no-untyped-def]
    names = _names({"europa": EUROPE, **OTHERS}, embed)
    name = names["europa"]
    # On main: "Blandade synpunkter om Europa" (a word three answers of twenty hold).
    assert "invandring" not in name.lower(), names
    for word in ("Europa", "gränserna", "rättigheterna"):
        assert word.lower() in name.lower(), names
    assert " och " in name and name[0].isupper(), name


def test_the_mixed_construction_gives_way_to_the_keyphrases() -> None:
    texts = (
        _answers("Europa och gränserna år {year}.", 3)
        + _answers("Rättigheterna år {year}.", 3, 3)
        + _answers("Landet år {year}.", 4, 6)
    )
    texts += [f"Något om {w} år {YEARS[i]}." for i, w in enumerate(["kocken", "bonden", "snickaren"] * 3, 10)]
    rule = NameRule(texts, None)
    ranked = [(("europa",), "Europa"), (("gräns",), "gränserna"), (("rättighet",), "rättigheterna")]
    free = lambda _name: False  # noqa: E731
    assert listed(ranked, rule, lambda _key: True, free) == ("Europa, gränserna och rättigheterna", "Europa")
    # Not specific to the theme: no list; a single keyphrase is no list either.
    assert listed(ranked, rule, lambda key: key == ("europa",), free) is None
    unspecific = frozenset({"land", "invandring"})
    assert broad_name("Blandade synpunkter om landet", unspecific)
    assert not broad_name("Gränserna", unspecific)


def test_a_name_with_a_part_of_the_whole_corpus_does_not_set_the_theme_apart() -> None:
    # Words not specific to the theme: its answers use them < 3 × as often as the rest, or more
    # answers outside the theme using them most hold them than an average theme has ("barn").
    unspecific = frozenset({"människa", "samhälle", "barn", "svensk", "invandring"})
    assert broad_name("Människor – samhälle", unspecific)  # abstract nouns
    assert broad_name("Europa och människor", unspecific)  # a pair with one
    assert broad_name("Uppehållstillstånd och barn", unspecific)  # a wide word beside the subject
    assert broad_name("Svenskar", unspecific)  # a group of the whole corpus
    assert not broad_name("Kommuner – mottagande", unspecific)
    assert not broad_name("Uppehållstillstånd och familjeåterförening", unspecific)
