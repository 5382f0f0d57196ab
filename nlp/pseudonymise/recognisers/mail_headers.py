"""The sender in a forwarded message's header: "Från: Sokhom", "Från: Chea Bopha", "From: Pham
Van Long", "Från: Bakr, Layla" (family name first, then a comma), in a block with
"Ämne:", "Skickat:", "Till:" or their English forms.

A 1177 message or an e-mail pasted into a feedback form keeps its header, and the sender line
holds nothing but a name: the rules that read names from their lists or from the words around
them find a part of it or none ("Chea Bopha": neither part is listed, nothing around says
name). Here the field says it: the value of a sender line, up to an address in brackets, a
"via" (an interpreter writing for someone) or a bracket, is a name when every word of it is a
name's word: a listed name, a word no Swedish lexicon explains (and no compound of two Swedish
words, as "Patientnämnden" is), or a particle inside it ("Van", "bin", "al"). A sender that is an
office, a unit or a service ("Från: Vårdguiden 1177", "Från: Region Stockholm") has a Swedish
word or a digit in it and is left to the unit and organisation rules.
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.recognisers import lists
from nlp.pseudonymise.recognisers.words import NAME_PARTICLES, compound_word, plain_word, unknown_word

_SENDER = re.compile(r"(?im)^[ \t>]*(?:från|fran|from|avsändare|avsandare|sender)[ \t]*:[ \t]*(?P<value>[^\n]{1,80})$")
# another field of the same header, before or after the sender line
_OTHER_FIELD = re.compile(r"(?im)^[ \t>]*(?:ämne|amne|skickat|till|datum|kopia|subject|sent|to|date|cc)[ \t]*:")
# where the name ends: an address, an interpreter ("via X (tolk)"), a bracket, a separator
_NAME_END = re.compile(r"[ \t]*(?:<|\(|\[|;|\||[ \t]via[ \t]|[ \t]för[ \t]|[ \t]on[ \t]behalf|$)", re.IGNORECASE)
_WORD = r"[A-ZÅÄÖÉÜ][\w'’]*(?:-[A-ZÅÄÖÉÜ]?[\w'’]+)*"
_NAME = re.compile(_WORD + r"(?:[ \t]+" + _WORD + r"){0,3}")
_NEAR = 300
# a function's mailbox, no person: "Från: Noreply", "Från: Servicedesk", "From: Support-Team"
_MAILBOX = re.compile(
    r"(?i:no-?reply|do-?not-?reply|service|desk|support|info|admin|system|mail|post|kontakt|kansli|"
    r"registrator|reception|växel|team|center|centrum|funktion|kundtjänst|webmaster)"
)


def _name_word(word: str, inside: bool) -> bool:
    low = word.lower()
    if inside and low in NAME_PARTICLES:
        return True  # "Pham Van Long", "Mariam bint Saleh"
    if any(c.isdigit() for c in word):
        return False
    info = lists.names().get(low)
    if info is not None and (info.first_sv or info.first_other or info.last) and not plain_word(low):
        return True  # "Ismail", "Postma": listed, whatever they hold
    if _MAILBOX.search(word):
        return False
    parts = low.replace("’", "'").split("-")
    return all(p and unknown_word(p) and not compound_word(p) for p in parts if p not in NAME_PARTICLES)


def _all_name_words(value: str) -> bool:
    words = value.split()
    return bool(words) and all(_name_word(w, 0 < i < len(words) - 1) for i, w in enumerate(words))


def find_mail_senders(text: str) -> list[Span]:
    if ":" not in text:
        return []
    spans: list[Span] = []
    for m in _SENDER.finditer(text):
        near = text[max(0, m.start() - _NEAR) : m.end() + _NEAR]
        if not _OTHER_FIELD.search(near):
            continue
        start = m.start("value")
        end = _NAME_END.search(text, start, m.end("value")).start()
        value = text[start:end]
        # "Bakr, Layla": the family name, a comma, the given names; one find
        family, comma, given = value.partition(",")
        first = _NAME.fullmatch(family.strip())
        if first is None or not _all_name_words(first.group(0)):
            continue
        stop = start + len(family.rstrip())
        if comma and _NAME.fullmatch(given.strip()) and len(family.split()) <= 2 and _all_name_words(given.strip()):
            stop = start + len(family) + 1 + len(given.rstrip())
        spans.append(Span(start, stop, "PERSON"))
    return spans


# a header's label written without å/ä/ö ("Fran:", "Amne:"): a field, never a name
_LABEL = re.compile(r"(?im)^[ \t>]*(?P<label>fran|amne|avsandare)[ \t]*:")


def header_labels(text: str, spans: list[Span]) -> set[Span]:
    """The PERSON finds that are a mail header's label in a block with another field."""
    if ":" not in text or not _OTHER_FIELD.search(text):
        return set()
    labels = {(m.start("label"), m.end("label")) for m in _LABEL.finditer(text)}
    return {s for s in spans if s.label == "PERSON" and (s.start, s.end) in labels}


# Forwarded mail in other languages: header labels and greetings are no names, though their
# letters ("Wysłano", "Dzień") look like a foreign name's. Polish, English, German, Finnish,
# Vietnamese, Bosnian/Croatian/Serbian, Somali; and chat Swedish "halla" (hallå without its ring).
HEADER_AND_GREETING_WORDS = frozenset(
    "wysłano temat dzień dobry pozdrawiam pozdrav pozdravi srdačan lijep zdravo poštovani poštovana "
    "from sent subject date receipt fyi fwd regards cheers "
    "gesendet betreff grüße lähettäjä lähetetty vastaanottaja aihe terveisin hyvää päivää "
    "chào xin cảm ơn salaan mahadsanid привіт привет здравствуйте дякую спасибо halla".split()
)
