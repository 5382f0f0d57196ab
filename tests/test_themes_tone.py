"""The tone and breadth of theme names (nlp/themes/tone.py): a theme of complaints is named as
one and never by praise, a phrase that carries its tone is not doubled, and a side detail of a
few answers does not name a theme of many."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nlp.themes import name_themes
from nlp.themes.naming import _unique_head
from nlp.themes.representation import swedish_tokens
from nlp.themes.tone import (
    COVER_SHARE,
    EVALUATIVE_SHARE,
    NAME_SHARES,
    TONE_LEADS,
    Coverage,
    NameRule,
    is_feedback,
    judges,
    phrase_polarity,
    stands_out,
    theme_tone,
    toned,
)

pytestmark = pytest.mark.utan_databas

# Complaints about the waiting room in which "trevlig personal" is the commonest phrase.
WAITING_ROOM = [
    "Trevlig personal, men kaffet i väntrummet var kallt och äckligt.",
    "Trevlig personal visst, men väntrummet var smutsigt och kaffet slut.",
    "Väntrummet var fullt och kaffet kallt, trots trevlig personal.",
    "Kaffet i väntrummet smakade illa. Trevlig personal hjälper inte.",
    "Trevlig personal men ett trångt väntrum och inget kaffe.",
    "Väntrummet luktade illa och kaffet var slut, trevlig personal dock.",
    "Kallt kaffe i väntrummet igen. Trevlig personal men ändå.",
    "Trevlig personal, men väntrummet är för litet och kaffet dåligt.",
    "Kaffet i väntrummet är undermåligt trots trevlig personal.",
    "Väntrummet var stökigt och kaffet gammalt. Trevlig personal.",
]
QUEUE = [
    "Långa väntetider i telefon varje gång.",
    "Det var långa väntetider igen, två timmar.",
    "Långa väntetider för att få en tid.",
    "Jag ringde och fick långa väntetider.",
    "Alldeles för långa väntetider på mottagningen.",
    "Långa väntetider, ingen ringde tillbaka.",
    "Väldigt långa väntetider hela hösten.",
    "Långa väntetider och inget svar.",
    "Långa väntetider till läkaren.",
    "Orimligt långa väntetider för ett recept.",
]


def test_the_tone_of_a_theme_is_its_clear_majority() -> None:
    assert theme_tone(["utmaning"] * 8 + ["styrka"] * 2) == -1
    assert theme_tone(["styrka"] * 8 + ["neutral"] * 2) == 1
    assert theme_tone(["utmaning"] * 5 + ["styrka"] * 5) == 0
    # 70 % is no clear majority: at the valence head's precision (about 0.8 on the demo
    # export) such a theme was as often praise as complaints.
    assert theme_tone(["utmaning"] * 7 + ["styrka"] * 3) == 0
    assert theme_tone(["styrka"] * 7 + ["neutral"] * 3) == 0
    assert theme_tone([None, None]) == 0 and theme_tone([]) == 0


def test_a_phrase_carrying_its_tone_is_not_doubled_and_one_against_it_never_names() -> None:
    assert phrase_polarity("Långa väntetider") == -1 and phrase_polarity("lång kö") == -1
    assert phrase_polarity("långa öppettider") == 0  # a long opening time is no complaint
    assert phrase_polarity("Trevlig personal") == 1 and phrase_polarity("Missade samtalet") == -1
    assert toned("Långa väntetider", -1) == "Långa väntetider"
    assert toned("Trevlig personal", -1) is None and toned("Långa väntetider", 1) is None
    assert toned("Personalen", -1) == "Missnöje med personalen"
    assert toned("Sköterskorna", 1) == "Beröm för sköterskorna"
    assert toned("BVC", -1) == "Missnöje med BVC" and toned("Personalen", 0) == "Personalen"


def test_a_theme_of_complaints_is_not_named_by_its_praise(embed) -> None:  # type: ignore[no-untyped-def]
    texts = WAITING_ROOM + QUEUE
    main = ["väntrum"] * len(WAITING_ROOM) + ["kö"] * len(QUEUE)
    plain = name_themes(texts, embed(texts), main, embed)
    assert plain["väntrum"][0] == "Trevlig personal", plain  # what the answers' words alone give
    named = name_themes(texts, embed(texts), main, embed, valence=["utmaning"] * len(texts))
    room, queue = named["väntrum"][0], named["kö"][0]
    assert "trevlig" not in room.lower() and room.startswith("Missnöje med "), room
    assert {"kaffe", "väntrum"} & set(swedish_tokens(room.lower())), room
    assert queue == "Långa väntetider", queue  # negative by itself: no "Missnöje med"


def test_a_side_detail_of_a_few_answers_does_not_name_a_broad_theme() -> None:
    texts = [f"Behandlingen hos optikern nummer {i} var ok." for i in range(12)]
    texts += ["Köpte ett par glasögon."] * 3 + [f"Synundersökningen tog tid {i}." for i in range(3)]
    found = {
        ("par", "glasögon"): Counter({"par glasögon": 3}),
        ("glasögon",): Counter({"glasögon": 3}),
        ("behandling",): Counter({"behandlingen": 12}),
        ("synundersökning",): Counter({"synundersökningen": 3}),
    }
    df = {key: sum(c.values()) for key, c in found.items()}
    ranked = [(("par", "glasögon"), "par glasögon"), (("synundersökning",), "synundersökningen")]
    assert Coverage(texts).share("par glasögon") == 3 / 18 < COVER_SHARE
    # Without the rule the side detail names the theme; with it, the noun most answers use.
    assert _unique_head(ranked, found, df, set(), None)[0] == "par glasögon"
    # Not even as the second part of a pair: 3 of 18 answers.
    assert _unique_head(ranked, found, df, set(), None, rule=NameRule(texts, None)) == ("behandlingen",) * 2
    complaints = NameRule(texts, ["utmaning"] * len(texts))
    assert _unique_head(ranked, found, df, set(), None, rule=complaints) == (
        "Missnöje med behandlingen",
        "behandlingen",
    )


def test_a_theme_without_a_common_noun_is_said_to_be_mixed() -> None:
    nouns = ["kaffet", "parkeringen", "hissen", "skylten", "mattan", "lampan", "dörren"]
    texts = [f"Synpunkt om {n} och mer {i}." for i, n in enumerate(nouns * 2)] + [
        "Kaffet igen.",
        "Inget mer.",
        "Inget mer.",
    ]
    # The commonest noun, "kaffet", is in 3 of 17 answers: fewer than one in five.
    found = {(swedish_tokens(n)[0],): Counter({n: 2}) for n in nouns}
    found[("kaffe",)] = Counter({"kaffet": 3})
    df = {key: sum(c.values()) for key, c in found.items()}
    ranked = [(("hiss",), "hissen"), (("skylt",), "skylten")]
    name = _unique_head(ranked, found, df, set(), None, rule=NameRule(texts, None))
    assert name == ("Blandade synpunkter om kaffet", "kaffet"), name


def test_a_fits_themes_are_named_in_the_tone_of_their_answers(embed) -> None:  # type: ignore[no-untyped-def]
    from nlp.themes import ThemeInfo, ThemeResult, name_result

    texts = WAITING_ROOM + QUEUE
    ids = [f"r{i}" for i in range(len(texts))]
    tid = [0] * len(WAITING_ROOM) + [1] * len(QUEUE)
    themes = [ThemeInfo(id=t, label="", phrase="", words=[], size=0, share=0, ci=(0, 0)) for t in (0, 1)]
    fit = ThemeResult(themes, {r: [(t, 1.0)] for r, t in zip(ids, tid)}, {}, [], len(texts))
    valence = ["utmaning"] * len(texts)
    named = name_result(fit, texts, embed(texts), embed, record_ids=ids, valence=valence)
    expected = name_themes(texts, embed(texts), tid, embed, valence=valence)
    assert named.theme(0).label == expected[0][0] and named.theme(0).label.startswith("Missnöje med ")


def test_a_phrase_half_the_answers_hold_names_before_a_more_distinctive_rare_one() -> None:
    texts = [f"Behandlingen nummer {i} gick bra." for i in range(10)]
    texts += [f"Synundersökningen tog tid, gång {i}." for i in range(4)] + ["Inget mer.", "Allt ok."]
    found = {
        ("synundersökning",): Counter({"synundersökningen": 4}),
        ("behandling",): Counter({"behandlingen": 10}),
    }
    df = {key: sum(c.values()) for key, c in found.items()}
    # Ranked first (most distinctive), the rare phrase is held by 4 of 16 answers: above
    # COVER_SHARE, so it named the theme before the name had to be held by half of them.
    ranked = [(("synundersökning",), "synundersökningen"), (("behandling",), "behandlingen")]
    assert COVER_SHARE <= Coverage(texts).share("synundersökningen") < NAME_SHARES[0]
    name, plain = _unique_head(ranked, found, df, set(), None, rule=NameRule(texts, None))
    # It leads; the rare one joins it as a pair, since it holds a quarter of the answers more.
    assert plain == "behandlingen" and name == "behandlingen och synundersökningen", name


def test_a_theme_of_two_subjects_is_named_by_both() -> None:
    texts = [f"Fler telefontider, ring {i} gånger." for i in range(6)]
    texts += [f"Fler aktiviteter på avdelningen, dag {i}." for i in range(5)] + ["Tolk borde bokas."]
    rule = NameRule(texts, None)
    assert Coverage(texts).holders("telefontider") == set(range(6))
    # Each subject alone is held by fewer than half the answers, the two by 11 of 12.
    assert rule.pair("telefontider", ["tolk", "aktiviteter"]) == "telefontider och aktiviteter"
    # Said as complaints only where the answers judge in their own words (tone.is_feedback).
    judged = [t.replace("Fler", "För få, dåliga") for t in texts]
    assert NameRule(judged, ["utmaning"] * len(texts)).pair("Telefontider", ["aktiviteter"]) == (
        "Missnöje med telefontider och aktiviteter"
    )
    # A second phrase that adds few answers makes no pair.
    assert rule.pair("telefontider", ["tolk"]) is None


def test_a_pair_names_a_theme_of_two_subjects(embed) -> None:  # type: ignore[no-untyped-def]
    phone = [f"Telefontiderna är för korta, jag ringde {i} gånger." for i in range(7)]
    activities = [f"Aktiviteterna är för få, bara {i} i veckan." for i in range(3)]
    activities += [f"Aktiviteterna på avdelningen räcker inte, {i} i veckan." for i in range(3)]
    other = [f"Parkeringen vid entrén är full, {i} platser kvar." for i in range(10)]
    texts = phone + activities + other
    main = ["förslag"] * (len(phone) + len(activities)) + ["parkering"] * len(other)
    name = name_themes(texts, embed(texts), main, embed)["förslag"][0]
    assert " och " in name and "telefontid" in name.lower() and "aktivitet" in name.lower(), name


def test_a_pair_takes_a_partner_specific_to_the_theme_before_a_generic_word() -> None:
    texts = ["Min mamma fick vara med."] * 4 + ["Mamma och jag på mötet med psykiatrin."] * 3
    texts += ["Gemensamma möten med psykiatrin hjälper."] * 4 + ["Psykiatrin ringde."] * 2
    found = {
        ("mamma",): Counter({"mamma": 7}),
        ("psykiatri",): Counter({"psykiatrin": 9}),
        ("möte",): Counter({"mötet": 7}),
    }
    df = {key: sum(c.values()) for key, c in found.items()}
    ranked = [(("mamma",), "mamma"), (("psykiatri",), "psykiatrin"), (("möte",), "mötet")]
    rule = NameRule(texts, None)
    # "psykiatrin" covers every answer "mamma" does not, but many themes use it.
    assert _unique_head(ranked, found, df, set(), None, frozenset({("psykiatri",)}), rule)[0] == "mamma och mötet"
    assert _unique_head(ranked, found, df, set(), None, frozenset(), rule)[0] == "mamma och psykiatrin"


# Argument about a subject, not feedback on a service: written for this test. A head fitted on
# reviews reads the problems argued about as complaints.
DEBATE = [
    "Kommunen tar emot fler nyanlända i år än förra året enligt Migrationsverket.",
    "Frågan är hur många nyanlända kommunen ska ta emot när bostäderna saknas.",
    "Regeringen menar att nyanlända ska fördelas jämnare mellan kommunerna.",
    "Nyanlända som får uppehållstillstånd anvisas en kommun av Migrationsverket.",
    "Det handlar om hur kommunerna ska ordna bostäder åt nyanlända.",
    "Flera kommuner säger nej till fler nyanlända med hänvisning till bostadsbristen.",
    "Lagen om bosättning gäller alla kommuner och nyanlända med uppehållstillstånd.",
    "Enligt statistiken tog kommunen emot tvåhundra nyanlända förra året.",
    "Kommunernas ansvar för nyanlända regleras i bosättningslagen.",
    "Nyanlända som ordnar eget boende flyttar ofta till storstäderna.",
]


def test_an_answer_judges_when_it_says_how_something_was() -> None:
    assert judges("Trevligt bemötande i kassan.") and judges("Maten var dålig.")
    assert judges("Alldeles för långa väntetider.")  # a long wait is a complaint by itself
    assert not judges("Kommunen tar emot fler nyanlända i år.")
    assert is_feedback(WAITING_ROOM) and is_feedback(QUEUE) and not is_feedback(DEBATE)
    half = DEBATE[:5] + WAITING_ROOM[:5]
    assert sum(map(judges, half)) >= EVALUATIVE_SHARE * len(half) and is_feedback(half)


def test_argument_read_as_negative_is_named_by_its_subject_not_as_complaints() -> None:
    complaints = NameRule(WAITING_ROOM, ["utmaning"] * len(WAITING_ROOM))
    debate = NameRule(DEBATE, ["utmaning"] * len(DEBATE))
    assert complaints.tone == -1 and debate.tone == 0
    assert complaints.name("Kaffet") == "Missnöje med kaffet"
    assert debate.name("Nyanlända") == "Nyanlända"
    # Not "Blandade klagomål på …" either: a theme without a tone is said to be mixed as such.
    assert debate.broad("Storstäderna") == "Blandade synpunkter om storstäderna"


def test_a_debate_theme_is_named_without_a_tone_even_when_every_answer_reads_negative(embed) -> None:  # type: ignore[no-untyped-def]
    texts = DEBATE + QUEUE
    main = ["bosättning"] * len(DEBATE) + ["kö"] * len(QUEUE)
    named = name_themes(texts, embed(texts), main, embed, valence=["utmaning"] * len(texts))
    debate = named["bosättning"][0]
    assert not debate.startswith(TONE_LEADS), debate
    # Named by what the answers are about, as written in them.
    written = " ".join(DEBATE).lower()
    assert all(part in written for part in re.split(r" – | och ", debate.lower())), debate


# Answers to "Vad kan bli bättre?": complaints by the question, not by their words.
SUGGESTIONS = [f"Fler telefontider på eftermiddagen, vecka {i}." for i in range(10)]


def test_a_tone_that_stands_out_from_the_corpus_is_said_without_evaluative_words() -> None:
    assert not is_feedback(SUGGESTIONS)
    negative = ["utmaning"] * len(SUGGESTIONS)
    # Beside as many answers of praise the theme's tone stands out: complaints.
    mixed = Counter({"utmaning": 12, "styrka": 10, "neutral": 3})
    assert stands_out(negative, mixed, -1) and NameRule(SUGGESTIONS, negative, mixed).tone == -1
    assert NameRule(SUGGESTIONS, negative, mixed).name("Telefontider") == "Missnöje med telefontider"
    # In a corpus most of which reads negative (debate), it tells the theme apart from nothing.
    debate = Counter({"utmaning": 85, "styrka": 5, "neutral": 10})
    assert not stands_out(negative, debate, -1) and NameRule(SUGGESTIONS, negative, debate).tone == 0
    assert NameRule(SUGGESTIONS, negative).tone == 0  # no corpus told: by the answers' words alone
