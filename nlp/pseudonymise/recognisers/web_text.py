"""Text pasted out of a web form or an HTML export, read as the writer typed it.

A survey tool's export keeps the page's HTML entities ("Storgatan&nbsp;12", "anna&#64;x.se",
"Kalle &amp; Lisa") and copy-paste from a web page leaves zero-width characters inside numbers
and addresses ("070\u200b-174 06 18"); a right-to-left text (Arabic, Persian) puts direction
marks and isolates around and inside the numbers and Latin names in it ("\u200f070-174 06 18\u200f").
The patterns expect a space, an "@" and no invisible characters, so the text is read with
entities decoded and invisible characters dropped; each character of the read text keeps the
span of the original it came from, so finds map back over the whole entity (it is part of the
identifier and is replaced with it).
"""

from __future__ import annotations

import html
import re

# zero-width space, non-joiner, joiner, word joiner, byte order mark, soft hyphen; the bidi
# controls: left-to-right and right-to-left marks, the Arabic letter mark, embeddings and
# overrides, isolates (they only steer the display direction, none is part of a word or number)
_INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE}]")  # one scan of the text, not one per character
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}


def unmangle(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with HTML entities decoded and invisible characters dropped, with each read
    character's start and end in `text`; None when there is nothing to change (most texts)."""
    if "&" not in text and not _ANY_INVISIBLE.search(text):
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    changed = False
    while i < n:
        c = text[i]
        if c in _INVISIBLE:
            i += 1
            changed = True
            continue
        if c == "&":
            m = _ENTITY.match(text, i)
            decoded = html.unescape(m.group(0)) if m else c
            if m and decoded != m.group(0):
                decoded = "".join(_SPACES.get(ch, ch) for ch in decoded)
                parts.append(decoded)
                starts.extend([i] * len(decoded))
                ends.extend([m.end()] * len(decoded))
                i = m.end()
                changed = True
                continue
        parts.append(c)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return ("".join(parts), starts, ends) if changed else None
