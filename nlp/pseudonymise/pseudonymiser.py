"""The replacement policy: resolve overlapping finds, then replace each with a pseudonym.

Pseudonyms are consistent within one Pseudonymiser (= one import): the same person is
[PERSON_1] everywhere. A pseudonym's identity is a keyed HMAC of the normalised value, so the
same input and key give the same digests across runs, and no table of real names is kept
(only digests, in memory). Numbering follows the first appearance of each digest.

Two halves: finding (SpanFinder: no key, no state, the same spans for a text whoever asks)
and replacing (Pseudonymiser.replace: the key and the numbering, in input order). Finding
is nearly all of the work, so it can run in helper processes (parallel.py) while the
numbering stays in one place and the result stays that of one process.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from nlp.core import Span
from nlp.errors import ConfigError
from nlp.pseudonymise.categories import CATEGORIES, NORMALISERS, PRIORITY, RECOGNISERS
from nlp.pseudonymise.categories.personnummer import PHONE_BEFORE
from nlp.pseudonymise.recognisers.ages_after_names import ages_after_names
from nlp.pseudonymise.recognisers.birth_numbers import birth_numbers_after_names
from nlp.pseudonymise.recognisers.compound_ages import extend_compound_ages
from nlp.pseudonymise.recognisers.dialogue import spelled_after
from nlp.pseudonymise.recognisers.digit_dashes import digit_dashes
from nlp.pseudonymise.recognisers.foreign_digits import ascii_digits
from nlp.pseudonymise.recognisers.foreign_sentences import drop_foreign_words
from nlp.pseudonymise.recognisers.line_breaks import NUMBER_KINDS, close_breaks, soft_wraps
from nlp.pseudonymise.recognisers.name_completion import (
    complete_names,
    extend_names_left,
    initials_with_surname,
)
from nlp.pseudonymise.recognisers.name_particles import join_particles
from nlp.pseudonymise.recognisers.named_with_place import attach_place
from nlp.pseudonymise.recognisers.not_persons import drop_non_persons
from nlp.pseudonymise.recognisers.occupational_health import scale_names
from nlp.pseudonymise.recognisers.ocr_digits import ocr_digits
from nlp.pseudonymise.recognisers.postcode_towns import towns_after_postcodes
from nlp.pseudonymise.recognisers.prefilter import forget
from nlp.pseudonymise.recognisers.said_again import said_again
from nlp.pseudonymise.recognisers.script_names import transliterated_pairs
from nlp.pseudonymise.recognisers.signature_towns import signature_towns
from nlp.pseudonymise.recognisers.span_set import SpanSet
from nlp.pseudonymise.recognisers.unit_headed_names import units_read_as_names
from nlp.pseudonymise.recognisers.unit_hierarchies import extend_unit_hierarchies
from nlp.pseudonymise.recognisers.unit_place_names import extend_unit_places
from nlp.pseudonymise.recognisers.wards import extend_wards
from nlp.pseudonymise.recognisers.web_text import unmangle
from nlp.pseudonymise.recognisers.word_names_again import word_names_again
from nlp.pseudonymise.recognisers.words import genitive_suffix
from nlp.pseudonymise.recognisers.work_organisations import union_branches


@dataclass(frozen=True)
class Pseudonymised:
    """A pseudonymised text (safe) and where the personal data was in the original."""

    text: str
    spans: tuple[Span, ...] = field(default=())


def resolve(spans: Iterable[Span], text: str | None = None) -> list[Span]:
    """Keep non-overlapping spans, preferring priority, then length; sorted by start.

    A PERSON find only partly covered by a winner keeps its part before the winner
    (given `text`, trimmed of spaces and punctuation): "Anna Svensson anna.svensson@x.se"
    is read as PERSON "Anna Svensson anna" and an e-mail, and the name must not be lost
    with the overlap.
    """
    ordered = sorted(spans, key=lambda s: (PRIORITY[s.label], -(s.end - s.start), s.start))
    taken: list[Span] = []
    occupied = SpanSet()
    for span in ordered:
        if span.end <= span.start:
            continue
        clash = occupied.overlapping_starts(span.start, span.end)
        if clash and span.label == "PERSON" and text is not None:
            end = min(clash)
            while end > span.start and not text[end - 1].isalnum():
                end -= 1
            span, clash = Span(span.start, end, span.label), []
        if span.end > span.start and not clash:
            taken.append(span)
            occupied.add(span.start, span.end)
    return sorted(taken, key=lambda s: s.start)


def _with_closed_digits(
    spans: list[Span], closed_spans: list[Span], offsets: list[int], joins: list[int]
) -> list[Span]:
    """Numbers made whole by closing a line break inside them ("070-44⏎1 83 92"), in place of
    what they overlap. Only number kinds: "Storgatan 12⏎734 32" stays a street and a postcode,
    and a log's timestamp opening a line stays one."""
    crossing = [
        Span(offsets[s.start], offsets[s.end - 1] + 1, s.label)
        for s in closed_spans
        if s.label in NUMBER_KINDS and any(s.start < j < s.end for j in joins)
    ]
    kept = [s for s in spans if not any(s.start < c.end and c.start < s.end for c in crossing)]
    return sorted(kept + crossing, key=lambda s: s.start)


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC text plus, for each of its characters (and the end), the offset in `text`.

    Exports from some systems write "å" as "a" + combining ring; the lists and patterns
    expect composed letters. Each base character with its combining marks is composed on
    its own, so offsets map back exactly.
    """
    parts: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        parts.append(composed)
        offsets.extend([i] * len(composed))
        i = j
    offsets.append(n)
    return "".join(parts), offsets


@dataclass(frozen=True)
class SpanFinder:
    """Finds personal data of the chosen kinds: no key and no state, so any process finds the
    same spans in a text (and it can be sent to one: two frozensets)."""

    categories: frozenset[str]
    keep: frozenset[str] = frozenset()

    def find(self, text: str) -> list[Span]:
        """Personal data in `text` (offsets in the original), only the chosen categories."""
        try:
            return self._find_all(text)
        finally:
            forget()  # the guards' folded copy of the text (recognisers/prefilter.py)

    def _find_all(self, text: str) -> list[Span]:
        if unicodedata.is_normalized("NFC", text):
            source, offsets = text, None
        else:
            source, offsets = _nfc_with_offsets(text)
        # HTML entities and zero-width characters from a web export read as typed; a find maps
        # back over the whole entity (recognisers/web_text.py)
        web = unmangle(source)
        if web is None:
            spans = self._find_read(source)
        else:
            read, starts, ends = web
            spans = [Span(starts[s.start], ends[s.end - 1], s.label) for s in self._find_read(read) if s.end > s.start]
        if offsets is not None:
            spans = [Span(offsets[s.start], offsets[s.end], s.label) for s in spans]
        return spans

    def _find_read(self, source: str) -> list[Span]:
        # Arabic-Indic, Persian and Thai digits (any script's) read as 0-9; same length, so the
        # offsets hold (see recognisers/foreign_digits.py)
        source = ascii_digits(source) or source
        # a scanner's O for 0 and l for 1 inside numbers read as digits; same length, so the
        # offsets hold (see recognisers/ocr_digits.py)
        source = ocr_digits(source) or source
        # a non-breaking hyphen or a minus sign inside a number read as "-" (digit_dashes.py)
        source = digit_dashes(source) or source
        # a scanned letter's lines end where the paper did, mid-sentence: read as spaces
        source = soft_wraps(source) or source
        closed = close_breaks(source, digits=False)
        if closed is None:
            spans = self._find(source)
        else:
            # hyphenated line breaks closed: read whole, "Ols-⏎son⏎Personnr" is a surname and
            # a label, not a kinship word ("son") before a name; the finds map back over the
            # hyphen and the break (see recognisers/line_breaks.py)
            words_closed, word_offsets = closed[0], closed[1]
            spans = [
                Span(word_offsets[s.start], word_offsets[s.end - 1] + 1, s.label) for s in self._find(words_closed)
            ]
        closed_digits = close_breaks(source, digits=True)
        if closed_digits is not None:
            text_d, offsets_d, _, digit_joins = closed_digits
            spans = _with_closed_digits(spans, self._find(text_d), offsets_d, digit_joins)
        return [s for s in spans if s.label in self.categories]

    def _find(self, source: str) -> list[Span]:
        found: list[Span] = []
        for recogniser in RECOGNISERS:
            found.extend(recogniser(source))
        if self.keep:
            found = [s for s in found if s.label not in self.keep]
        # Resolve over all kinds first, so switching a kind off never turns part of a unit
        # name into a person.
        spans = complete_names(source, extend_names_left(source, resolve(found, source)))
        # a name found again elsewhere ("Bibi Rahimi … Jag Shukria Rahimi") takes its first name too
        spans = extend_names_left(source, spans)
        spans = word_names_again(source, spans)  # "… heter Stig. Stig är bäst på …": the word-name again
        spans = join_particles(source, spans)  # "Mariam bint Saleh", "Um Tariq"
        spans = initials_with_surname(source, spans)
        spans = resolve(spans + spelled_after(source, spans), source)  # "leila haddad h a d d a d"
        spans = resolve(said_again(source, spans), source)  # "Hawa. Hawo säger vi", "HVB Lönnen … Lönnen"
        # a name beside its rendering in another script: "Olena (<the name in Cyrillic>)"
        spans = resolve(spans + transliterated_pairs(source, spans), source)
        spans = attach_place(source, signature_towns(source, ages_after_names(source, spans)))
        spans = towns_after_postcodes(source, spans)  # "00-950 <Stad>": the postal town, no name
        spans = extend_compound_ages(source, spans)  # "1 år 9 mån": a child's age to the month
        # "för <Namn> (0xxxxxxxxx)": the person's personnummer, not a landline
        spans = birth_numbers_after_names(source, spans, PHONE_BEFORE)
        # a unit's place in two words or after its abbreviation: "akuten Norra X", "MVC X"
        units = extend_unit_places(source, extend_wards(source, sorted(spans, key=lambda s: s.start)))
        # "<Team>, <Sjukhus>", "<Klinik> AB", "ME/CFS-mottagningen": the unit's other parts
        units = extend_unit_hierarchies(source, units)
        units = units_read_as_names(source, units)  # "på Nätpsykiatrin heter …": a unit, no name
        units = union_branches(source, units)  # "<Förbundet> avd. <Namn>": a union's branch, no ward
        units = scale_names(source, units)  # "<Sjukhus> Sleep Quality Scale": a rating scale
        # pets, kings, authors by their works: names, but no one to identify
        # and the everyday first word of a sentence in Polish, Turkish, Finnish … ("Dzięki za …")
        return drop_foreign_words(source, drop_non_persons(source, units))


class Pseudonymiser:
    """Finds personal data in Swedish text and replaces it with consistent pseudonyms."""

    def __init__(self, key: bytes, categories: Iterable[str] | None = None, keep: Iterable[str] = ()) -> None:
        """`keep`: kinds left as they are AND set aside before overlaps are resolved, so an
        identifier inside them is still replaced: with keep={"VARDENHET"} "Dr Anna Svenssons
        mottagning" becomes "Dr [PERSON_1]s mottagning" (metadata and form text, issue 12)."""
        if not key:
            raise ConfigError("Pseudonymiseringsnyckeln saknas.")
        chosen = CATEGORIES if categories is None else tuple(str(c).strip().upper() for c in categories)
        unknown = [c for c in chosen if c not in CATEGORIES]
        if unknown:
            raise ConfigError(
                f"Okänd kategori för pseudonymisering: {', '.join(unknown)}. "
                f"Giltiga kategorier: {', '.join(CATEGORIES)}."
            )
        self._key = key
        keep_set = frozenset(str(c).strip().upper() for c in keep)
        self.finder = SpanFinder(frozenset(chosen) - keep_set, keep_set)
        self._numbers: dict[str, dict[bytes, int]] = {}

    @property
    def categories(self) -> frozenset[str]:
        return self.finder.categories

    @property
    def keep(self) -> frozenset[str]:
        return self.finder.keep

    def __repr__(self) -> str:  # never show the key or the digests
        return f"Pseudonymiser(categories={sorted(self.categories)})"

    def find(self, text: str) -> list[Span]:
        """Personal data in `text` (offsets in the original), only the chosen categories."""
        return self.finder.find(text)

    def _pseudonym(self, label: str, value: str) -> str:
        digest = hmac.new(self._key, f"{label}\x00{NORMALISERS[label](value)}".encode(), hashlib.sha256).digest()
        numbers = self._numbers.setdefault(label, {})
        number = numbers.setdefault(digest, len(numbers) + 1)
        return f"[{label}_{number}]"

    def pseudonymise(self, text: str) -> Pseudonymised:
        return self.replace(text, self.find(text))

    def replace(self, text: str, spans: Sequence[Span]) -> Pseudonymised:
        """`text` with `spans` (this finder's finds in it, sorted and apart) replaced; the
        numbering is this instance's, so calls must come in input order."""
        out: list[str] = []
        pos = 0
        for span in spans:
            out.append(text[pos : span.start])
            value = text[span.start : span.end]
            suffix = genitive_suffix(value) if span.label == "PERSON" else ""
            out.append(self._pseudonym(span.label, value[: len(value) - len(suffix)]) + suffix)
            pos = span.end
        out.append(text[pos:])
        return Pseudonymised(text="".join(out), spans=tuple(spans))

    def respondent_key(self, respondent_id: str) -> str:
        """A stable keyed pseudonym for a respondent id (hex), for linking rows without the id."""
        return hmac.new(self._key, f"respondent\x00{respondent_id}".encode(), hashlib.sha256).hexdigest()
