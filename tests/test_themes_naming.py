"""Theme names (nlp/themes/naming.py, nlp/themes/wordclass.py): Swedish noun phrases from
the theme's own answers, never a bare evaluation, a greeting or a sign-off, never shared.

The small corpora are written like real service reviews: the topic words are outnumbered by
praise, thanks and sign-offs, which is what made word-frequency names fail."""

from __future__ import annotations

import re

import pytest

from nlp.themes import name_themes
from nlp.themes.naming import COURTESY_WORDS, EVALUATIVE_WORDS, is_evaluative
from nlp.themes.representation import swedish_tokens
from nlp.themes.wordclass import ADJ, NOUN, VERB, is_modifier, is_noun, word_classes

pytestmark = pytest.mark.utan_databas

PHONE_QUEUE = [
    "Bra men telefonkön var lång, tack ändå!",
    "Trevligt bemötande när jag väl kom fram men telefonkön tog 40 minuter. Tack!",
    "Bra, men det tar evigheter i telefonkön. Vänliga hälsningar",
    "Telefonkön är alldeles för lång, annars bra.",
    "Tack för hjälpen, men telefonkön var hemsk.",
    "Bra service men lång telefonkö, tack",
    "Satt i telefonkön i en timme. Trevligt när jag kom fram, tack.",
    "Smidigt på nätet men telefonkön är ett skämt. Mvh",
    "Bra! Men kortare telefonkö vore bra, tack",
    "Telefonkön var lång igen, bra annars. Tack så mycket",
    "Tack, bra hjälp, men telefonkön måste bli kortare.",
    "Långa telefonköer varje gång jag ringer, annars bra. Hälsningar",
]
STAFF = [
    "Trevlig personal som tog sig tid, tack!",
    "Personalen var trevlig och hjälpsam. Tack för allt.",
    "Bra bemötande från personalen, tack så mycket!",
    "Tack till personalen, så trevliga och bra.",
    "Personalen i kassan var trevlig och glad. Vänliga hälsningar",
    "Bra personal, smidigt och trevligt. Tack",
    "Mycket trevlig personal, tack för hjälpen!",
    "Personalen var bra och trevlig. Mvh",
    "Tack! Personalen är alltid trevlig och bra.",
    "Trevligt och bra, personalen visste vad de gjorde. Tack",
    "Personalen svarade på alla frågor, trevligt. Tack",
    "Bra och smidigt, trevlig personal. Hälsningar",
]
VALUATION = [
    "Mäklaren gjorde en bra värdering av huset.",
    "Värderingen från mäklaren låg helt rätt, bra jobbat.",
    "Mäklaren kom med en trevlig och snabb värdering.",
    "Bra mäklare, värderingen stämde med slutpriset.",
    "Mäklaren satte en rimlig värdering på lägenheten, tack.",
    "Vi fick en bra värdering av mäklaren direkt.",
    "Mäklaren förklarade värderingen tydligt, trevligt.",
    "Tack till mäklaren för en ärlig värdering.",
    "Värderingen från mäklaren var för låg tyckte vi.",
    "Mäklaren gav en bra värdering och goda råd.",
]
SHOWING = [
    "Mäklaren skötte visningen bra, många kom.",
    "Trevlig mäklare på visningen, svarade på allt.",
    "Visningen var välplanerad av mäklaren, tack.",
    "Mäklaren höll två visningar och var trevlig.",
    "Bra mäklare, visningen gick smidigt.",
    "Mäklaren var sen till visningen, inte bra.",
    "Visningen med mäklaren var trevlig, tack.",
    "Mäklaren ordnade en extra visning åt oss.",
    "Tack till mäklaren för en fin visning.",
    "Mäklaren ledde visningen lugnt och bra.",
]


COMPLAINTS = [
    "Inte trevlig personal alls i kassan, kassapersonalen var sur.",
    "Ingen trevlig personal, kassapersonalen ignorerade oss.",
    "Inte trevligt bemötande från kassapersonalen.",
    "Kassapersonalen var otrevlig och stressad.",
    "Ingen trevlig personal i kassorna denna gång, kassapersonalen pratade i telefon.",
    "Kassapersonalen brydde sig inte om kunderna.",
    "Inte trevlig personal, kassapersonalen himlade med ögonen.",
    "Kassapersonalen var oförskämd mot min mamma.",
    "Kassapersonalen svarade inte på frågor.",
    "Inte trevlig personal, kassapersonalen bara suckade.",
]


def _names(themes: dict[str, list[str]], embed) -> dict[str, tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    texts = [t for answers in themes.values() for t in answers]
    main = [key for key, answers in themes.items() for _ in answers]
    return name_themes(texts, embed(texts), main, embed)


def _lemmas(name: str) -> set[str]:
    return set(swedish_tokens(name.lower()))


def test_word_classes_come_from_the_lexicon() -> None:
    for noun in ("telefonkön", "parkeringsavgiften", "mäklaren", "städning", "bemötandet", "väntetider"):
        assert is_noun(noun), (noun, word_classes(noun))
    for adjective in ("trevligt", "smidigt", "hjälpsamma", "långa"):
        assert ADJ in word_classes(adjective) and not is_noun(adjective), adjective
        assert is_modifier(adjective)
    for verb in ("ringde", "fungerar", "rekommenderar"):
        assert VERB in word_classes(verb) and not is_noun(verb) and not is_modifier(verb), verb
    assert NOUN in word_classes("hårklippningen")  # a compound unknown to the lexicon: by its last part
    assert word_classes("xqzvw") == frozenset()


def test_a_phone_queue_theme_full_of_praise_and_thanks_is_named_for_the_queue(embed) -> None:  # type: ignore[no-untyped-def]
    names = _names({"kö": PHONE_QUEUE, "personal": STAFF}, embed)
    queue, staff = names["kö"][0], names["personal"][0]
    assert "telefonkö" in _lemmas(queue), queue
    assert "personal" in _lemmas(staff), staff
    for name, _phrase, phrases in names.values():
        words = re.findall(r"[^\W\d_]+", name.lower())
        # No bare adjective or evaluation, no thanks: the name ends in a noun of the answers,
        # an evaluative word ("trevlig personal") at most before it, never "bra".
        assert is_noun(words[-1]) and not is_evaluative(words[-1]), name
        assert not [w for w in words if w in COURTESY_WORDS or w == "bra"], name
        assert all(p.lower() in " ".join(PHONE_QUEUE + STAFF).lower() for p in phrases)


def test_greetings_sign_offs_and_thanks_are_never_names(embed) -> None:  # type: ignore[no-untyped-def]
    # Every answer ends with a sign-off: the most frequent "phrase" of all is a greeting.
    signed = {
        key: [f"Hej! {a} Med vänliga hälsningar" for a in answers]
        for key, answers in {"kö": PHONE_QUEUE, "personal": STAFF}.items()
    }
    names = _names(signed, embed)
    for name, _phrase, phrases in names.values():
        lemmas = _lemmas(name) | {w for p in phrases for w in swedish_tokens(p.lower())}
        assert not lemmas & (COURTESY_WORDS | {"hälsning", "vänlig"}), (name, phrases)


def test_two_themes_about_one_noun_get_different_names(embed) -> None:  # type: ignore[no-untyped-def]
    names = _names({"värdering": VALUATION, "visning": SHOWING}, embed)
    first, second = names["värdering"][0], names["visning"][0]
    assert first.lower() != second.lower()
    assert _lemmas(first) != _lemmas(second)
    # Each is told apart by what it is about, not by a number.
    assert not re.search(r"\d", first + second), (first, second)
    assert "värdering" in _lemmas(first) or "värdering" in _lemmas(second), (first, second)
    assert "visning" in _lemmas(first) or "visning" in _lemmas(second), (first, second)


def test_names_stay_unique_when_themes_have_the_same_answers(embed) -> None:  # type: ignore[no-untyped-def]
    # The worst case: three themes with nothing of their own still get three names.
    names = _names({"a": STAFF, "b": list(STAFF), "c": list(STAFF)}, embed)
    assert len({n.lower() for n, _, _ in names.values()}) == 3


def test_a_theme_of_bare_praise_gets_no_adjective_for_a_name(embed) -> None:  # type: ignore[no-untyped-def]
    assert {"bra", "trevlig", "smidig", "dålig"} <= EVALUATIVE_WORDS
    assert is_evaluative("Trevligt") and is_evaluative("smidigt") and not is_evaluative("telefonkön")
    # Only praise, no noun phrase: never "Trevligt" or "Smidigt" as if that were the topic.
    # Short answers are named as such; the phrase quotes the commonest of them.
    texts = ["Trevligt och smidigt!", "Smidigt, trevligt.", "Bra och trevligt", "Trevligt!"] * 3
    out = _names({"x": texts}, embed)
    assert out["x"][0] == "Korta svar" and out["x"][2] == [], out["x"]
    assert re.fullmatch(r"Korta svar som ”[^”]+” och ”[^”]+”", out["x"][1]), out["x"][1]
    assert set(re.findall(r"”([^”]+)”", out["x"][1])) <= set(texts)
    longer = [f"{t} Det var allt jag ville säga om det här." for t in texts]
    out = _names({"x": longer}, embed)
    assert out["x"][0] == "Blandade svar" and out["x"][2] == [], out["x"]


def test_praise_under_a_negation_is_not_put_on_a_theme_of_complaints(embed) -> None:  # type: ignore[no-untyped-def]
    # "trevlig personal" is frequent here, but always after "inte"/"ingen".
    names = _names({"klagomål": COMPLAINTS, "kö": PHONE_QUEUE}, embed)
    name, _phrase, phrases = names["klagomål"]
    assert "kassapersonal" in name.lower(), name
    assert not any("trevlig" in p.lower() for p in [name, *phrases]), (name, phrases)


def test_a_shared_taxonomy_label_leads_two_names_that_still_differ(embed) -> None:  # type: ignore[no-untyped-def]
    texts = VALUATION + SHOWING
    main = ["värdering"] * len(VALUATION) + ["visning"] * len(SHOWING)
    labels = {"värdering": "Bostadsförsäljning", "visning": "Bostadsförsäljning"}
    names = name_themes(texts, embed(texts), main, embed, label_titles=labels)
    first, second = names["värdering"][0], names["visning"][0]
    assert first.startswith("Bostadsförsäljning – ") and second.startswith("Bostadsförsäljning – ")
    assert first != second and not re.search(r"\d", first + second), (first, second)


def test_a_smaller_theme_is_not_named_by_a_part_of_a_larger_themes_name() -> None:
    from collections import Counter

    from nlp.themes.naming import _name_key, _unique_head

    # A smaller theme whose best phrase is "bemötande" (in all its 10 answers) beside a larger
    # theme named "Trevligt bemötande": "Bemötande" alone could not be told from it.
    found = {("bemötande",): Counter({"bemötandet": 7, "bemötande": 3}), ("reception",): Counter({"receptionen": 4})}
    df = {key: sum(c.values()) for key, c in found.items()}
    ranked = [(("bemötande",), "bemötandet"), (("reception",), "receptionen")]
    # Never the bare noun while the theme has another phrase: two grounded phrases.
    assert _unique_head(ranked, found, df, set(), None) == ("bemötandet – receptionen",) * 2
    name = _unique_head(ranked, found, df, {_name_key("Trevligt bemötande")}, None)
    assert name == ("bemötandet – receptionen",) * 2, name
    # A more specific name beside a general one is told apart: "Byta mäklare" beside "Mäklare".
    found = {("byta", "mäklare"): Counter({"byta mäklare": 5}), ("mäklare",): Counter({"mäklaren": 9})}
    df = {key: sum(c.values()) for key, c in found.items()}
    assert _unique_head([(("byta", "mäklare"), "byta mäklare")], found, df, {_name_key("Mäklare")}, None) == (
        "byta mäklare",
        "byta mäklare",
    )


def test_a_bare_noun_is_named_by_the_construction_its_answers_write() -> None:
    from collections import Counter

    from nlp.themes.naming import _unique_head

    found = {
        ("bemötande",): Counter({"bemötandet": 10}),
        ("bemötande", "i", "reception"): Counter({"bemötandet i receptionen": 3}),
        ("trevlig", "bemötande"): Counter({"trevligt bemötande": 2}),
        ("kaffe",): Counter({"kaffet": 4}),
    }
    df = {key: sum(c.values()) for key, c in found.items()}
    ranked = [(("bemötande",), "bemötandet"), (("kaffe",), "kaffet")]
    # The construction most of its mentions carry: the prepositional phrase (3) over the modifier (2).
    assert _unique_head(ranked, found, df, set(), None) == ("bemötandet i receptionen",) * 2
    # A construction used by one answer only is no name of the theme: "head – next phrase" instead.
    rare = {**found, ("bemötande", "i", "reception"): Counter({"bemötandet i receptionen": 1})}
    rare.pop(("trevlig", "bemötande"))
    df = {key: sum(c.values()) for key, c in rare.items()}
    assert _unique_head(ranked, rare, df, set(), None) == ("bemötandet – kaffet",) * 2


def test_candidates_are_noun_phrases_and_prepositional_phrases_of_a_clause() -> None:
    from nlp.themes.naming import name_stop_words
    from nlp.themes.phrases import Words, answer_phrases

    words = Words(name_stop_words())
    found = answer_phrases("Långa väntetider på telefon, men bra bemötande i receptionen.", words)
    forms = set(found.values())
    assert {"väntetider på telefon", "långa väntetider på telefon", "bemötande i receptionen"} <= forms, forms
    assert "långa väntetider" in forms and "väntetider" in forms
    # No phrase across a clause border, none after a verb, and no praise under a negation.
    assert not any("telefon" in f and "bemötande" in f for f in forms), forms
    assert not {f for f in answer_phrases("Vi väntade på telefon.", words).values() if " på " in f}
    negated = set(answer_phrases("Inte trevligt bemötande i kassan.", words).values())
    assert "bemötande i kassan" in negated and not any("trevlig" in f for f in negated), negated


def test_a_fits_themes_are_named_like_a_projects_and_a_human_name_is_kept(embed) -> None:  # type: ignore[no-untyped-def]
    from nlp.themes import ThemeInfo, ThemeResult, name_result

    texts = PHONE_QUEUE + STAFF
    ids = [f"r{i}" for i in range(len(texts))]
    tid = [0] * len(PHONE_QUEUE) + [1] * len(STAFF)

    def fit() -> ThemeResult:
        themes = [
            ThemeInfo(id=t, label="ord · från · ctfidf", phrase="", words=[], size=0, share=0, ci=(0, 0))
            for t in (0, 1)
        ]
        return ThemeResult(themes, {r: [(t, 1.0)] for r, t in zip(ids, tid)}, {}, [], len(texts))

    # Most of the queue's answers carry the label "tillganglighet"; the staff's carry none.
    labels = [["tillganglighet"] if t == 0 and i % 3 else [] for i, t in enumerate(tid)]
    titles = {"tillganglighet": "Tillgänglighet"}
    expected = name_themes(
        texts, embed(texts), ["kö" if t == 0 else "personal" for t in tid], embed, label_titles={"kö": "Tillgänglighet"}
    )
    named = name_result(fit(), texts, embed(texts), embed, record_ids=ids, labels=labels, titles=titles)
    queue, staff = named.theme(0), named.theme(1)
    assert queue.label == expected["kö"][0] and queue.label.startswith("Tillgänglighet – "), queue.label
    assert staff.label == expected["personal"][0] and "·" not in staff.label
    assert queue.phrase == expected["kö"][1]

    renamed = fit()
    renamed.themes[1].label, renamed.themes[1].edited = "Personalen", ["namn"]
    kept = name_result(renamed, texts, embed(texts), embed, record_ids=ids).theme(1)
    assert kept.label == "Personalen" and kept.auto_label == expected["personal"][0]


def test_a_theme_whose_answers_mostly_carry_a_label_is_named_by_its_short_title(embed) -> None:  # type: ignore[no-untyped-def]
    from nlp.taxonomy import load_taxonomy
    from nlp.themes import ThemeInfo, ThemeResult, name_result

    texts = PHONE_QUEUE + STAFF
    ids = [f"r{i}" for i in range(len(texts))]
    tid = [0] * len(PHONE_QUEUE) + [1] * len(STAFF)
    fit = ThemeResult(
        [ThemeInfo(id=t, label="", phrase="", words=[], size=0, share=0, ci=(0, 0)) for t in (0, 1)],
        {r: [(t, 1.0)] for r, t in zip(ids, tid)},
        {},
        [],
        len(texts),
    )
    tax = load_taxonomy("samsjuklighet")  # its titles are whole goal statements, too long for a name
    labels = [["tillganglighet"] if t == 0 and i % 3 else [] for i, t in enumerate(tid)]
    named = name_result(fit, texts, embed(texts), embed, record_ids=ids, labels=labels, titles=tax.name_titles())
    queue = named.theme(0).label
    short = tax.label("tillganglighet").short_title
    assert short and queue.startswith(f"{short} – ") and "telefonkö" in _lemmas(queue.split(" – ", 1)[1]), queue
    assert not named.theme(1).label.startswith(short)  # the staff's answers carry no label
    # The title alone (a taxonomy without short titles) is a sentence: it goes in the phrase.
    titles = {lab.id: lab.title for lab in tax.labels}
    fit.themes[0].label = ""
    long = name_result(fit, texts, embed(texts), embed, record_ids=ids, labels=labels, titles=titles).theme(0)
    assert not long.label.startswith(short) and tax.label("tillganglighet").title in long.phrase, long


def test_a_verb_after_a_modal_or_the_infinitive_marker_is_never_a_name_word() -> None:
    from nlp.themes.naming import name_stop_words
    from nlp.themes.phrases import Words, answer_phrases

    words = Words(name_stop_words())
    # The lexicon has "välja" with noun inflection only; after "kunde" and "att" it is a verb.
    for text in ("Jag visste inte att jag kunde välja.", "Mer information, jag vill välja själv.", "Att välja."):
        assert ("välja",) not in answer_phrases(text, words), text
    assert ("information",) in answer_phrases("Mer information, jag vill välja själv.", words)


def test_a_short_taxonomy_title_joined_by_och_leads_the_name() -> None:
    from nlp.themes.naming import phrase_name

    assert phrase_name(["tidsbokning"], "Personal och kompetens")[0] == "Personal och kompetens – tidsbokning"
    # A title with a function word besides that "och" is a sentence: named in the phrase.
    name, phrase = phrase_name(["tidsbokning"], "Att bli sedd och hörd")
    assert name == "Tidsbokning" and phrase.endswith("etiketten ”Att bli sedd och hörd”"), (name, phrase)
    # A heading of two words leads as written, though "tidig" is in the stop-word lists.
    assert phrase_name(["tidsbokning"], "Tidig hjälp")[0] == "Tidig hjälp – tidsbokning"
    # A name in the theme's tone follows the label in lower case.
    assert phrase_name(["Missnöje med väntetiden"], "Tillgänglighet")[0] == "Tillgänglighet – missnöje med väntetiden"
    assert phrase_name(["Missnöje med väntetiden"])[0] == "Missnöje med väntetiden"


def test_fillers_are_not_measured_on_themes_too_small_to_tell() -> None:
    from nlp.themes.naming import measured_fillers

    texts = ["Kaffet var gott och varmt."] * 6 + ["Parkeringen var full och dyr."] * 6
    # No theme has ten answers: nothing to compare a word's spread against, and no error.
    assert measured_fillers(texts, ["a"] * 6 + ["b"] * 6) == frozenset()
    assert "och" in measured_fillers(texts * 2, ["a"] * 6 + ["b"] * 6 + ["a"] * 6 + ["b"] * 6)
