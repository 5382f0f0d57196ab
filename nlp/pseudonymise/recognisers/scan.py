"""The state of one pass over a text's tokens, shared by the PERSON and ORT rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import TOKEN, sentence_start


@dataclass
class Scan:
    """The tokens of a text and what the rules found in it so far."""

    text: str
    toks: list[tuple[int, int, str]]  # start, end, word
    spans: list[Span] = field(default_factory=list)
    person_at: set[int] = field(default_factory=set)  # tokens inside a found name
    first_name_at: set[int] = field(default_factory=set)  # plain (not genitive) first names: a surname may follow
    places: dict[str, bool] = field(default_factory=lists.places)
    first_words: dict[str, list[str]] = field(default_factory=lists.place_first_words)

    @classmethod
    def of(cls, text: str) -> Scan:
        return cls(text, [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)])

    def add(self, start: int, end: int, label: str) -> None:
        self.spans.append(Span(start, end, label))

    def add_person(self, t: Token) -> None:
        """Token t is a name: it lengthens the name right before it ("Lena Frid"), else starts one."""
        spans = self.spans
        if (t.i - 1) in self.person_at and t.adjacent_prev and spans and spans[-1].label == "PERSON" \
                and spans[-1].end == self.toks[t.i - 1][1]:
            spans[-1] = Span(spans[-1].start, t.end, "PERSON")
        else:
            spans.append(Span(t.start, t.end, "PERSON"))
        self.person_at.add(t.i)


class Token:
    """Token i of a scan with the context the rules read: its neighbours and the gaps between."""

    def __init__(self, scan: Scan, i: int) -> None:
        text, toks, n = scan.text, scan.toks, len(scan.toks)
        self.i = i
        self.start, self.end, self.word = toks[i]
        self.prev = toks[i - 1][2].lower() if i > 0 else ""
        self.prev2 = toks[i - 2][2].lower() if i > 1 else ""
        gap = text[toks[i - 1][1]:self.start] if i > 0 else "."
        self.adjacent_prev = i > 0 and gap.strip() == ""
        self.after_dot = i > 0 and gap.strip() == "."
        self.nxt = toks[i + 1][2] if i + 1 < n else ""
        self.tight_next = i + 1 < n and text[self.end:toks[i + 1][0]].strip() == ""
        self.after_next = toks[i + 2][2] if i + 2 < n else ""
        self.nxt2 = self.after_next.lower()
        self.gap2 = text[toks[i + 1][1]:toks[i + 2][0]] if i + 2 < n else ""
        self.cap = self.word[:1].isupper()
        self.at_start = sentence_start(text, self.start)
