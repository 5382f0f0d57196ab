"""A name after an English family word: "my grandfather Kofi Boateng", "her daughter Ama",
"our uncle Kwame Mensah".

English answers in a Swedish survey name family members the lists may not know (names of other
traditions); "my/his/her/our" and the family word say a person's name follows, as "min morfar"
does in Swedish. The capitalised words after it (up to three) are the name, up to the first
everyday English word ("my son Ali And I …": "And" is far more frequent than any name).
"""

from __future__ import annotations

from nlp.core import Span
from nlp.pseudonymise.recognisers.prefilter import guarded

_KIN = (
    r"(?:grand|great-grand|step-?)?(?:father|mother|son|daughter|dad|mum|mom|parent|child)|grandma|grandpa|"
    r"granny|husband|wife|partner|brother|sister|aunt|uncle|cousin|nephew|niece|fiancée?|boyfriend|girlfriend"
)
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
_KIN_NAME = guarded(
    r"(?<![\w])(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)[ \t]+(?:late[ \t]+|little[ \t]+|elder[ \t]+|older[ \t]+)?"
    r"(?:" + _KIN + r")[ \t]*,?[ \t]+(?P<name>" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2})"
)
_EVERYDAY_EN = 5.6  # Zipf in English: "The", "And", "Is" (7+) are above, "John" (5.4) below


def find_english_kin(text: str) -> list[Span]:
    """Names after "my/his/her/our" and an English family word."""
    if "y " not in text and "s " not in text and "r " not in text:
        return []
    spans: list[Span] = []
    for m in _KIN_NAME.finditer(text):
        from wordfreq import zipf_frequency

        words = m.group("name").split()
        # the name ends before an everyday word ("my son Ali Is …", "my wife Grace And I")
        keep = 0
        for w in words:
            if zipf_frequency(w.lower(), "en") >= _EVERYDAY_EN:
                break
            keep += 1
        if keep:
            end = m.start("name") + len(" ".join(words[:keep]))
            spans.append(Span(m.start("name"), end, "PERSON"))
    return spans
