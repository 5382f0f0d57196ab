"""PERSON told by what the person is to the writer, in brackets, in a role phrase or in a form's
field with a qualifier: "Kontakt: Tawanda (bror) 073-…", "med Bamse som ledsagare",
"Handläggare soc: Rut, tel …".

- A capitalised word right before a bracketed kinship or role word ("Tawanda (bror)", "Dino
  (min granne)") is that person's name, even one no name list has: a form or a letter names
  the contact and says in brackets who they are; an age beside the word is theirs (ALDER).
- A capitalised word before "som" and a person's role ("med Bamse som ledsagare", "Ali som
  kontaktperson") is the person holding the role.
- A form's field of a role with a qualifier before its colon ("Kontaktperson soc:", "Handläggare
  LSS:") holds a name, also a first name that is a word ("Rut", "Stig"), when a comma, a bracket,
  a number or the line's end follows it.

Words of the lexicon in their definite form ("Boendet (personal)"), places and stop words stay.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.lexicon import SWEDISH_STOP_WORDS
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.patterns import CAP_NAME, WS
from nlp.pseudonymise.recognisers.words import COUNTRIES, DEFINITE_ENDING, plain_word, sentence_start, unknown_word

_KIN = (
    r"bror|brorsan|syster|systern|mamma|pappa|mor|far|son|dotter|make|maka|fru|man|sambo|pojkvän|"
    r"flickvän|morbror|farbror|moster|faster|mormor|morfar|farmor|farfar|kusin|svåger|svägerska|"
    r"granne|grannen|vän|kompis|kamrat|barnbarn|fosterhem|bonuspappa|bonusmamma|styvpappa|styvmamma|"
    # a former partner: "Tor (mitt ex)", "(min exman)"
    r"ex|exet|exman|exmake|exfru|exsambo|expojkvän|exflickvän"
)
_ROLE = (
    r"kontaktperson|handledare|assistent|personlig assistent|ledsagare|boendestödjare|stödpedagog|"
    r"god man|förvaltare|chaufför|förare|kurator|lärare|mentor|handläggare|socialsekreterare|"
    r"enhetschef|samordnare|sjuksköterska|läkare|tolk|stödperson|kontaktfamilj|avlösare"
)
# what follows the name, searched first and the name read back from it (speed: a scan that
# tries every capitalised word as the name costs more than all the rest of this module)
# (the person's age may stand with it: "Niko (17, kusin)", "Tawanda (bror, 34)")
_AGE = r"(?P<age>\d{1,3})"
_BRACKETED = re.compile(
    WS
    + r"*\((?:"
    + _AGE
    + r","
    + WS
    + r"*)?(?:(?:min|mitt|mina|hans|hennes|vår|deras)"
    + WS
    + r"+)?(?:"
    + _KIN
    + r"|"
    + _ROLE
    + r")(?:,"
    + WS
    + r"*(?P<age2>\d{1,3}))?\)"
)
_AS_ROLE = re.compile(
    WS + r"+som" + WS + r"+(?:(?:min|mitt|vår|hans|hennes|ny|nya)" + WS + r"+)?(?:" + _ROLE + r")(?![\w-])"
)
# the name right before what follows it
_NAME_BEFORE = re.compile(r"(?<![\w-])(" + CAP_NAME + r")$")
_QUALIFIED_FIELD = re.compile(
    r"(?i:(?<![\w-])(?:kontaktperson|handläggare|socialsekreterare|kontakt|ansvarig|samordnare)"
    + WS
    + r"+[\w.]{2,8}"
    + WS
    + r"*:"
    + WS
    + r"*)(?P<name>"
    + CAP_NAME
    + r")(?="
    + WS
    + r"*(?:[,(\n]|\d|$))"
)


def _name_like(text: str, start: int, word: str) -> bool:
    """Not a stop word, a place or a noun in its definite form; a listed first name, a word no
    lexicon has, or (inside a sentence, where the capital says it) a word of the lexicon used as
    a nickname ("Bamse")."""
    low = word.lower()
    if low in SWEDISH_STOP_WORDS or word in lists.places() or word in COUNTRIES:
        return False
    info = lists.names().get(low)
    if info is not None and (info.first_sv or info.first_other):
        return True
    if DEFINITE_ENDING.search(low):
        return False
    return (not plain_word(low) and unknown_word(word)) or not sentence_start(text, start)


def find_bracketed_relations(text: str) -> list[Span]:
    spans = []
    after = list(_BRACKETED.finditer(text)) if "(" in text else []
    after += list(_AS_ROLE.finditer(text)) if " som " in text else []
    for m in after:
        name = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if name is not None and _name_like(text, name.start(), name.group(1)):
            spans.append(Span(name.start(), name.end(), "PERSON"))
            age = "age" if m.re is _BRACKETED and m.group("age") else "age2"
            if m.re is _BRACKETED and m.group(age) and 0 < int(m.group(age)) <= 110:
                spans.append(Span(m.start(age), m.end(age), "ALDER"))
    for m in _QUALIFIED_FIELD.finditer(text) if ":" in text else ():
        # the field opens a line or a sentence ("… klart. Handläggare soc: Rut, tel …")
        if sentence_start(text, m.start()) and _name_like(text, m.start("name"), m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PERSON"))
    return spans
