"""JOURNALNUMMER: a patient's number in a care provider's records, after the word naming it.

"journalnummer J-2023-4471", "patient-ID: RS-0098812", "reservnummer 19880000-K512",
"journal hos BUP Mora med nr BUP-MO-33410". Such a number points at one patient as surely as a
personnummer does, but it has no shape of its own (every region and system writes its own), so
only the label word makes it one: a word for a journal, patient or reserve number, at most a
few words between ("Hans patientnummer står på armbandet: …"), then a value holding digits.
A personnummer given as the patient number stays a PERSONNUMMER (it wins the overlap).
A social service's client number ("Klientnr: K-0048817"), an addiction programme's ("LARO-nr",
the needle exchange's card) and a member of staff's HSA-id
("HSA-id SE2321000016-7K3P") are read the same way. A transport-service card or permit number and a record number named by its
service ("tandvårdsnummer") are one person's too; a customer number is a billing code and stays. An asylum seeker's LMA number ("LMA-nummer 123 456 789-0", "LMA-kortet nr …", "LMA-kortnummer …") is read the
same way: the card that stands in for a personnummer, one number per person; so is a passport
number after its word ("passnummer", "passport number") and an identity card's ("ID-kort nr …").
"""

from __future__ import annotations

import re

from nlp.core import Span
from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.prefilter import guarded
from nlp.pseudonymise.recognisers.said_digits import said_in_words
from nlp.pseudonymise.recognisers.written_out import words_as_digits

_LABEL = guarded(
    r"(?i:\b(?:journal|patient|reserv|klient)(?:[- ]?(?:nummer|numret|nr\.?|id|identitet|kod)\b)"
    # a member of staff's HSA-id ("SE2321000016-7K3P"): one person in the catalogue of care staff
    r"|\bHSA[- ]?id\b"
    r"|\bLMA(?:-kort(?:et|nummer|numret|nr)?\b|[- ]?(?:nummer|numret|nr\.?)\b)"
    # a form's field named by the card alone ("LMA: …"), a residence permit card ("UT-kort nr …"),
    # a patient number abbreviated as staff and exports write it ("Pat-nr: …", "pat_id: …")
    r"|\bLMA(?=[ \t]*:)|\bUT-kort(?:et|s?nummer|s?numret|s?nr)?\b|\buppehållstillståndskort(?:et|s?nr)?\b"
    r"|\bpat(?:ient)?[-_ ]?(?:nr|nummer|id)\b"
    # a passport's number: like the LMA card, one document that names one person
    r"|\bpass(?:nummer|numret|[- ]?nr\b\.?)|\bpassport[- ]?(?:number|no\b\.?|nr\b\.?)"
    # so is an identity card's, a home country's included ("ID-kort från X nr …", "id-kortsnummer")
    r"|\bid[- ]?kort(?:et|s?nummer|s?numret|snr|s-?nr)?\b|\bidentitetskort(?:et|s?nummer|snr)?\b"
    r"|\bjournal\b(?=(?:[^\n.!?]{0,40}?)\b(?:nr\.?|nummer)\b)"
    # the record's word right before a long number, as a note writes it ("(journal 00412377)"),
    # and a patient's own code in brackets after the word for them ("Patienten (SPV-2019-0331)")
    r"|\bjournal(?=[ \t:]+(?:[A-ZÅÄÖ]{1,5}-)?\d{5})|\b(?:patient|patienten|pat)(?=[ \t]*\([A-ZÅÄÖ]{2,5}-\d)"
    # a transport-service card or permit, a record number named by its service: "färdtjänstkort
    # nr FT …", "tandvårdsnummer …" (not a customer number: a billing code, as the sets label it)
    r"|\bfärdtjänst(?:kort|tillstånd)(?:et|ets)?(?:s?nummer|s?numret|s?nr\b\.?)?"
    r"|\b(?:tand|hörsel|syn)vårds(?:nummer|numret|nr\b\.?)"
    # a personal alarm's number is one person's too: "trygghetslarm nr TL-…", "larmnumret …"
    r"|\btrygghetslarm(?:et|ets)?[ ]?(?:s?nummer|s?numret|s?nr\b\.?)"
    # an addiction programme's own number for its patient: "LARO-nr GBG-…", "sprutbyteskortet (SB-…)"
    r"|\bLARO[- ]?(?:nummer|numret|nr\b\.?|id\b)|\bsprutbyteskort(?:et|ets)?(?:s?nummer|s?numret|s?nr\b\.?)?"
    # a care user's own number in the municipality's system: "brukar-ID DV-…", "deltagarnummer …"
    r"|\b(?:brukar|omsorgstagar|deltagar)(?:[- ]?(?:id|nummer|numret|nr\b\.?)))"
)
# a value: letter groups (a system's prefix) and digit groups joined by dashes, slashes or
# single spaces before digits: "J-2023-118804", "NLL-559 812", "19770000-R331", "JN 447-220-91"
_VALUE = re.compile(
    r"(?<![\w-])(?:[A-ZÅÄÖ]{1,5}(?:-|[ ](?=[A-ZÅÄÖ]{0,5}\d)))*[A-ZÅÄÖ]{0,5}\d[\dA-ZÅÄÖ]*"
    r"(?:(?:[-/]|[ ](?=\d))[\dA-ZÅÄÖ]+)*(?![\w-])"
)
# at most this much text between the label and its value, on the same line and in the sentence
_GAP = re.compile(r"[^\n.!?]{0,45}")
_MIN_DIGITS = 4
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d(?:-[01]\d-[0-3]\d)?")


def find_journal_number(text: str) -> list[Span]:
    if not any(
        w in text
        for w in (
            "ournal",
            "atient",
            "eserv",
            "LMA",
            "lient",
            "HSA",
            "ass",
            "kort",
            "tillstånd",
            "vårds",
            "LARO",
            "at-",
            "at_",
            "at ",
            "atnr",
            "atid",
            "larm",
            "rukar",
            "tagar",
        )
    ):
        return []
    spans: list[Span] = []
    for label in _LABEL.finditer(text):
        if text[label.start() - 1 : label.start()] == "-" and label.group(0)[:2].lower() == "id":
            continue  # "Stent-ID-kort": an implant's card named by its device, its numbers the device's
        gap = _GAP.match(text, label.end())
        for m in _VALUE.finditer(text, label.end(), min(len(text), gap.end() + 40)):
            if m.start() > gap.end():
                break
            value = m.group(0)
            if sum(c.isdigit() for c in value) < _MIN_DIGITS or _YEAR_OR_DATE.fullmatch(value):
                continue  # "journalen från 2023", "patient-id från 2024-03-11: …"
            if not any(s.start == m.start() for s in spans):
                spans.append(Span(m.start(), m.end(), "JOURNALNUMMER"))
            break
    return spans


def normalise(value: str) -> str:
    return re.sub(r"[^0-9A-ZÅÄÖ]", "", words_as_digits(value).upper())


CATEGORY = Category(
    label="JOURNALNUMMER",
    priority=27,
    recognisers=(find_journal_number, said_in_words(find_journal_number)),
    description="journal- och patientnummer",
    normalise=normalise,
)
