"""Taxonomies as data: the shipped files validate, broken files give Swedish errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp.errors import ConfigError
from nlp.taxonomy import (
    list_taxonomies,
    load_taxonomy,
    load_taxonomy_text,
    taxonomy_from_snapshot,
    taxonomy_snapshot,
)

pytestmark = pytest.mark.utan_databas

GOOD = """
id: egen
name: Egen taxonomi
source: {document: Eget dokument, section: sidan 3}
labels:
  - id: a
    title: Etikett A
    description: En beskrivning av etikett A.
    examples: [exempel ett]
  - id: b
    title: Etikett B
    description: En beskrivning av etikett B.
    examples: [exempel två]
    parent: a
"""


def test_shipped_taxonomies_validate() -> None:
    ids = list_taxonomies()
    for required in ("samsjuklighet", "varmland-kvalitetsomraden", "aldreomsorg-varden", "nordmaling-huset"):
        assert required in ids
    sizes = {t: len(load_taxonomy(t).labels) for t in ids}
    assert sizes["samsjuklighet"] == 10
    assert sizes["varmland-kvalitetsomraden"] == 5
    assert sizes["nordmaling-huset"] == 6
    assert sizes["aldreomsorg-varden"] == 7
    for t in ids:
        tax = load_taxonomy(t)
        assert tax.id == t  # file name and id agree
        assert tax.source.document and tax.source.section


def test_samsjuklighet_titles_verbatim_from_source(shared_dir: Path) -> None:
    """Ids and titles match the table of target pictures in the dev README."""
    readme = (shared_dir / "data" / "dev" / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| M\d+ \| `([a-z-]+)` \| (.+?) \|$", readme, flags=re.M))
    assert len(table) == 10
    tax = load_taxonomy("samsjuklighet")
    assert {lab.id: lab.title for lab in tax.labels} == table


def test_example_phrases_are_not_dev_texts(shared_dir: Path) -> None:
    dev = [
        json.loads(line)["text"].lower()
        for line in (shared_dir / "data" / "dev" / "malbilder_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for t in list_taxonomies():
        tax = load_taxonomy(t)
        phrases = [p for lab in tax.labels for p in lab.examples] + tax.off_topic_examples
        for p in phrases:
            if len(p) > 25:  # short stock phrases like "vet ej" are not copies
                assert not any(p.lower() in d for d in dev), f"{t}: exempelfras finns i dev-data"


def test_user_taxonomy_from_text_and_file(tmp_path: Path) -> None:
    tax = load_taxonomy_text(GOOD, "egen.yaml")
    assert tax.label_ids == ["a", "b"] and tax.label("b").parent == "a"
    f = tmp_path / "egen.yaml"
    f.write_text(GOOD, encoding="utf-8")
    assert load_taxonomy(f).id == "egen"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            GOOD.replace("    description: En beskrivning av etikett B.\n", ""),
            ["egen.yaml", "etikett nr 2", "'b'", "description", "saknas"],
        ),
        (GOOD.replace("id: b", "id: a"), ["egen.yaml", "flera gånger", "a"]),
        (GOOD.replace("parent: a", "parent: finns-inte"), ["egen.yaml", "'b'", "förälder"]),
        (GOOD.replace("id: b", "id: B C"), ["etikett nr 2", "ogiltigt id"]),
        (GOOD.replace("examples: [exempel ett]", "examples: []"), ["etikett nr 1", "'a'", "examples"]),
        (GOOD + "okant_falt: 1\n", ["okant_falt", "okänt fält"]),
        ("id: x\n  labels: [", ["egen.yaml", "inte giltig YAML", "rad"]),
        ("- bara en lista", ["egen.yaml", "mappning"]),
    ],
)
def test_broken_taxonomy_gives_swedish_error(broken: str, expected: list[str]) -> None:
    with pytest.raises(ConfigError) as exc:
        load_taxonomy_text(broken, "egen.yaml")
    for word in expected:
        assert word in exc.value.message


def test_error_does_not_quote_values() -> None:
    secret = "Anna Andersson 19121212-1212"
    broken = GOOD.replace("title: Etikett B", f"title: [{secret}]")
    with pytest.raises(ConfigError) as exc:
        load_taxonomy_text(broken, "egen.yaml")
    assert "Anna" not in exc.value.message and "1212" not in exc.value.message
    assert "title" in exc.value.message


def test_unknown_taxonomy_lists_available() -> None:
    with pytest.raises(ConfigError) as exc:
        load_taxonomy("finns-inte")
    assert "samsjuklighet" in exc.value.message


def test_snapshot_keeps_the_whole_taxonomy_and_its_hash() -> None:
    tax = load_taxonomy("samsjuklighet")
    snap = taxonomy_snapshot(tax)
    json.dumps(snap)  # stored as JSON in the run
    assert taxonomy_from_snapshot(snap) == tax
    assert len(snap["sha256"]) == 64 and snap == taxonomy_snapshot(load_taxonomy("samsjuklighet"))
    changed = tax.model_copy(update={"name": tax.name + " (ändrad)"})
    assert taxonomy_snapshot(changed)["sha256"] != snap["sha256"]
    with pytest.raises(ConfigError, match="sparade taxonomi"):
        taxonomy_from_snapshot({"format": 1, "taxonomy": {"id": "x"}})


def test_every_shipped_label_has_a_short_title_that_can_lead_a_theme_name() -> None:
    from nlp.taxonomy import SHORT_TITLE_MAX
    from nlp.themes.naming import phrase_name

    for t in list_taxonomies():
        tax = load_taxonomy(t)
        for lab in tax.labels:
            assert lab.short_title and len(lab.short_title) <= SHORT_TITLE_MAX, (t, lab.id)
            assert tax.name_titles()[lab.id] == lab.short_title
            # The short title is what a theme's name leads with, not hidden in its phrase.
            assert phrase_name(["telefontider"], lab.short_title)[0] == f"{lab.short_title} – telefontider", (t, lab.id)


def test_short_title_is_optional_and_the_title_names_without_it() -> None:
    tax = load_taxonomy_text(GOOD, "egen.yaml")
    assert tax.label("a").short_title is None
    assert tax.name_titles() == {"a": "Etikett A", "b": "Etikett B"}
    short = load_taxonomy_text(GOOD.replace("title: Etikett B\n", "title: Etikett B\n    short_title: Kort B\n"))
    assert short.label("b").short_title == "Kort B" and short.name_titles()["b"] == "Kort B"


def test_a_too_long_short_title_gives_a_swedish_error_with_the_limit() -> None:
    long = "Stöd och vård som är lätt att hitta"  # 35 characters
    broken = GOOD.replace("title: Etikett B\n", f"title: Etikett B\n    short_title: {long}\n")
    with pytest.raises(ConfigError) as exc:
        load_taxonomy_text(broken, "egen.yaml")
    msg = exc.value.message
    for word in ("egen.yaml", "etikett nr 2", "'b'", "short_title", "för långt", "högst 30 tecken"):
        assert word in msg, msg
    assert "lätt att hitta" not in msg  # never quotes the value
    with pytest.raises(ConfigError, match="short_title"):
        load_taxonomy_text(GOOD.replace("title: Etikett B\n", "title: Etikett B\n    short_title: ''\n"))


def test_a_snapshot_stored_before_short_titles_still_loads() -> None:
    snap = taxonomy_snapshot(load_taxonomy("samsjuklighet"))
    for lab in snap["taxonomy"]["labels"]:
        del lab["short_title"]  # as runs stored their taxonomy before the field existed
    old = taxonomy_from_snapshot(snap)
    assert all(lab.short_title is None for lab in old.labels)
    assert old.name_titles()["tidig-hjalp"] == "Tidig hjälp med psykisk ohälsa och missbruk"
