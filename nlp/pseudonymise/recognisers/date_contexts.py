"""Contexts of dates: logs whose timestamps are dates about a person, English dates of forwarded
mail headers and the weekday written before a date."""

from __future__ import annotations

import re

from nlp.pseudonymise.recognisers.patterns import WS

# a log of what one person did, by a user name made of letters ("user=anna.berg"), an address
# ("ip=83.…") or a login with their personnummer ("auth success pnr=…"): its timestamps are dates
# about that person. A log of what the system or staff did ("INFO export klar", "user_id=88213
# action=LOGIN", "handläggare=kw02 sök pnr=…") keeps them.
PERSON_IN_LOG = re.compile(
    r"(?i:\b(?:user|usr|username|användare)=[a-zåäö][a-zåäö.]*(?![\w-])|\b(?:ip|client_ip|src)=\d"
    r"|\b(?:auth|login|inloggning)\b[^\n]*\bpnr=\d|\bpnr=\d[^\n]*\b(?:auth|login|inloggning)\b)"
)
# a log of who opened someone's journal (an access log sent to the patient: "loggutdrag",
# "åtkomstlogg", its users' ids "anv-id …" or HSA-ids "SE2321000…-X1Y2"): each line's timestamp is
# when that person's journal was read, a date about them
ACCESS_LOG = re.compile(
    r"(?i:\b(?:logg-?utdrag\w*|åtkomstlogg\w*|utdrag[ \t]+ur[ \t]+(?:åtkomst|journal)?loggen?|anv-id|hsa-id)\b)"
    r"|\bSE\d{10}-[A-Z0-9]{4}\b"
)
# English, in forwarded mail headers: "February 16, 2026", "16 February 2026"
_EN_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
EN_DATES = (
    re.compile(
        r"(?<![\w])(?:" + _EN_MONTHS + r")" + WS + r"+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
        r"(?:," + WS + r"*(?:19|20)\d\d)?(?![\w])"
    ),
    re.compile(
        r"(?<![\w,.])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?" + WS + r"+(?:" + _EN_MONTHS + r")"
        r"(?:" + WS + r"+(?:19|20)\d\d)?(?![\w])"
    ),
    # a mail header's short month, with its year: "Date: Tue, 11 Mar 2025 07:58:12 +0100"
    re.compile(r"(?<![\w,.])(?:[1-9]|[12]\d|3[01])" + WS + r"+(?:Mar|May|Oct)" + WS + r"+(?:19|20)\d\d(?![\w])"),
)
# a weekday written with the date belongs to it, as mail headers write them: "Skickat: tisdag
# 11 mars 2025 07:31", "Sent: Monday, 7 April 2025", "Date: Fri, 21 Feb 2025", "ons 5 mars"
WEEKDAY_BEFORE = re.compile(
    r"(?<![\w])(?:(?:mån|tis|ons|tors|fre|lör|sön)(?:dag(?:en)?)?|tor|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|mon|tue|wed|thu|fri|sat|sun)\.?,?" + WS + r"+\Z",
    re.IGNORECASE,
)
