"""A theme's angle (nlp/themes/subjects.py theme_angles, angled): in a corpus about one subject a
bare one-word name says the corpus's subject, not the theme's; a distinctive phrase many of the
theme's answers hold says its angle. A minority's word never names the theme. Invented debate."""

from __future__ import annotations

from collections import Counter

import pytest

from nlp.themes import name_themes
from nlp.themes.subjects import ANGLE_SHARE, angled, as_written, theme_angles
from nlp.themes.tone import COVER_SHARE, NameRule

pytestmark = pytest.mark.utan_databas

# A debate on housing policy: every theme speaks of the municipality ("kommunen").
PARTY = (
    [f"Partiet lovade mer till kommunen år {2000 + i}." for i in range(7)]
    + [f"Många röstade på Kustpartiet och partiet växte år {2000 + i}." for i in range(3)]
    + [f"Men Kustpartiets ledare ville att partiet skulle styra år {2000 + i}." for i in range(2)]
    + [f"Partiet ville spara i kommunen dag {i}." for i in range(8)]
)
OTHERS = {
    "skola": [f"Skolan i kommunen fick nya lärare år {2000 + i}." for i in range(16)]
    + [f"Partiet ville ha fler lärare i skolan år {2000 + i}." for i in range(4)],
    "vård": [f"Vårdcentralen i kommunen stängde på kvällen år {2000 + i}." for i in range(20)],
    "bostad": [f"Bostäderna i kommunen blev dyrare år {2000 + i}." for i in range(20)],
}


def test_a_bare_word_of_its_own_takes_the_detail_many_answers_hold_in_any_form(embed) -> None:  # type: ignore[no-untyped-def]
    themes = {"parti": PARTY, **OTHERS}
    texts = [t for answers in themes.values() for t in answers]
    main = [key for key, answers in themes.items() for _ in answers]
    name = name_themes(texts, embed(texts), main, embed)["parti"][0]
    # 5 of 20 answers name the party, 3 as "Kustpartiet", 2 as "Kustpartiets": one subject, held
    # by 25 % (neither form by a fifth), more distinctive than "parti" (which other themes use);
    # in its commonest form, with the capital the answers give it.
    assert name.lower().startswith("parti") and name.endswith("– Kustpartiet"), name


def _angle(share: float, lift: float = 20.0) -> list:  # type: ignore[type-arg]
    return [(("bygglov",), "bygglov", share, lift)]


def test_a_word_every_theme_uses_gives_way_to_the_angle_a_third_of_the_answers_hold() -> None:
    texts = [f"Kommunen gav bygglov år {i}." for i in range(4)] + [f"Kommunen svarade år {i}." for i in range(6)]
    rule = NameRule(texts, None)
    generic = frozenset({("kommun",)})
    free = lambda _name: False  # noqa: E731
    assert angled(("Kommunen", "kommunen"), _angle(0.4), rule, free, generic) == ("bygglov", "bygglov")
    # Held by a fifth to under ANGLE_SHARE: a detail of the name, not the name.
    assert angled(("Kommunen", "kommunen"), _angle(0.25), rule, free, generic) == ("kommunen – bygglov", "kommunen")
    # A word of its own (not generic) keeps its place and takes the detail.
    assert angled(("Kommunen", "kommunen"), _angle(0.4), rule, free, frozenset()) == ("kommunen – bygglov", "kommunen")
    # Less distinctive than the name's own word, or under GENERIC_LIFT: nothing added.
    mine = [(("kommun",), "kommunen", 1.0, 30.0)]
    assert angled(("Kommunen", "kommunen"), mine + _angle(0.4), rule, free, frozenset()) == ("Kommunen", "kommunen")
    assert angled(("Kommunen", "kommunen"), _angle(0.4, lift=2.0), rule, free, generic) == ("Kommunen", "kommunen")
    # Names of two parts or of a mixed theme are left as they are.
    for named in ("Kommunen – skolan", "Kommunen och skolan", "Blandade synpunkter om kommunen"):
        assert angled((named, "kommunen"), _angle(0.4), rule, free, generic)[0] == named


def test_a_phrase_of_a_minority_of_the_answers_is_no_angle() -> None:
    found = {
        ("kommun",): Counter({"kommunen": 20}),
        ("bygglov",): Counter({"bygglov": 8}),
        ("detaljplan",): Counter({"detaljplanen": 2}),  # a tenth: the minority that misnamed themes
        ("ny", "detaljplan"): Counter({"nya detaljplanen": 1}),
    }
    answers = [frozenset({"kommun", "bygglov"})] * 8 + [frozenset({"kommun", "detaljplan"})] * 2
    answers += [frozenset({"kommun"})] * 10
    corpus_df = {("kommun",): 100, ("bygglov",): 10, ("detaljplan",): 2, ("ny", "detaljplan"): 1}
    angles = theme_angles(found, answers, corpus_df, 100)
    assert [a[0] for a in angles] == [("bygglov",), ("kommun",)], angles
    assert all(a[2] >= COVER_SHARE for a in angles) and angles[0][2] >= ANGLE_SHARE
    # "kommun" is in every answer of the corpus: lift 1, no angle however common.
    assert angles[1][3] == pytest.approx(1.0)


def test_a_proper_name_keeps_the_capital_its_answers_give_it_inside_sentences() -> None:
    texts = ["Vi röstade på Kustpartiet i år.", "Kustpartiet vann.", "Sedan kom Kustpartiet och KP tillbaka."]
    assert as_written("Partiet – kustpartiet", texts) == "Partiet – Kustpartiet"
    assert as_written("Blandade synpunkter om kp", texts) == "Blandade synpunkter om KP"
    # A common noun capitalised only at the start of a sentence: as it is.
    assert as_written("Missnöje med kommunen", ["Kommunen svarade.", "Det sa kommunen. Kommunen ljög."]) == (
        "Missnöje med kommunen"
    )
