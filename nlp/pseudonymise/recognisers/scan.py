"""The state of one pass over a text's tokens, shared by the PERSON and ORT rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import Tokens, sentence_start, tokens


@dataclass
class Scan:
    """The tokens of a text and what the rules found in it so far."""

    text: str
    toks: Tokens
    spans: list[Span] = field(default_factory=list)
    person_at: set[int] = field(default_factory=set)  # tokens inside a found name
    first_name_at: set[int] = field(default_factory=set)  # plain (not genitive) first names: a surname may follow
    places: dict[str, bool] = field(default_factory=lists.places)
    first_words: dict[str, list[str]] = field(default_factory=lists.place_first_words)

    @classmethod
    def of(cls, text: str) -> Scan:
        return cls(text, tokens(text))

    def add(self, start: int, end: int, label: str) -> None:
        self.spans.append(Span(start, end, label))

    def add_person(self, t: Token) -> None:
        """Token t is a name: it lengthens the name right before it ("Lena Frid"), else starts one."""
        spans = self.spans
        if (
            (t.i - 1) in self.person_at
            and t.adjacent_prev
            and spans
            and spans[-1].label == "PERSON"
            and spans[-1].end == self.toks[t.i - 1][1]
        ):
            spans[-1] = Span(spans[-1].start, t.end, "PERSON")
        else:
            spans.append(Span(t.start, t.end, "PERSON"))
        self.person_at.add(t.i)


class Token:
    """Token i of a scan with the context the rules read: its neighbours and the gaps between.
    What most tokens need is read at once; the rest (two tokens away) when a rule asks."""

    __slots__ = (
        "adjacent_prev",
        "after_dot",
        "at_start",
        "cap",
        "end",
        "i",
        "nxt",
        "prev",
        "scan",
        "start",
        "tight_next",
        "word",
    )

    def __init__(self, scan: Scan, i: int) -> None:
        text, toks = scan.text, scan.toks
        self.scan, self.i = scan, i
        self.start, self.end, self.word = toks[i]
        self.cap = self.word[:1].isupper()
        self.at_start = sentence_start(text, self.start)
        if i > 0:
            self.prev = toks[i - 1][2].lower()
            raw = text[toks[i - 1][1] : self.start]
            gap = raw.strip()
            # a line break ends a name: "Från: Pirjo Heikkinen⏎Till: …" is no three-part name
            self.adjacent_prev, self.after_dot = gap == "" and "\n" not in raw, gap == "."
        else:
            self.prev, self.adjacent_prev, self.after_dot = "", False, False
        if i + 1 < len(toks):
            self.nxt = toks[i + 1][2]
            raw_next = text[self.end : toks[i + 1][0]]
            self.tight_next = raw_next.strip() == "" and "\n" not in raw_next
        else:
            self.nxt, self.tight_next = "", False

    @property
    def prev2(self) -> str:
        return self.scan.toks[self.i - 2][2].lower() if self.i > 1 else ""

    @property
    def after_next(self) -> str:
        toks = self.scan.toks
        return toks[self.i + 2][2] if self.i + 2 < len(toks) else ""

    @property
    def nxt2(self) -> str:
        return self.after_next.lower()

    @property
    def gap2(self) -> str:
        toks = self.scan.toks
        return self.scan.text[toks[self.i + 1][1] : toks[self.i + 2][0]] if self.i + 2 < len(toks) else ""
