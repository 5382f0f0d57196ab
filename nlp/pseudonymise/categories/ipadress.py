"""IPADRESS: IPv4 and IPv6 addresses ("loggade in från 83.251.14.7", "2001:db8::8a2e:370:7334").

An IP address can single out a person's connection, and the CJEU holds it personal data
(C-582/14, Breyer); it turns up in feedback on e-services and in pasted error messages.
Python's `ipaddress` is the validator (RFC 791 and RFC 4291; octets with leading zeros are
refused, so "070.174.06.38" stays a phone number). Four small numbers with dots are also
how sections and versions are numbered ("avsnitt 3.2.1.4", "version 1.2.0.5"): without an
IP word before it, an IPv4 address needs an octet of three digits and no such word.
"""

from __future__ import annotations

import ipaddress
import re

from nlp.core import Span
from nlp.pseudonymise.category import Category

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:]|\.\d)")
_HEX_GROUP = re.compile(r"[0-9A-Fa-f]+")
_IP_WORDS = re.compile(
    r"(?i:\bip\b|ip-?adress|ip-?nummer|ipv[46]|adress|server|router|modem|nätverk|wifi|"
    r"uppkoppling|inloggad|loggade in|ansluten|anslöt|dator|"
    # a web form's or a server's own field: "remote_addr=…", "client_ip=…", "host: …"
    r"addr\b|remote|client|klient|host)"
)
_NUMBERING = re.compile(r"(?i:version|\bver\b|\bv\.?\s*$|avsnitt|kapitel|punkt|paragraf|§|bilaga|build|release)")


def _valid(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def find_ip_address(text: str) -> list[Span]:
    spans = []
    if "." in text:
        for m in _IPV4.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if not _valid(m.group(0)) or _NUMBERING.search(before[-20:]):
                continue
            if _IP_WORDS.search(before) or any(len(octet) == 3 for octet in m.group(0).split(".")):
                spans.append(Span(m.start(), m.end(), "IPADRESS"))
    if "::" in text or text.count(":") >= 7:
        # "kl 10:30:45" has too few groups for the validator; "::" and "::1" name no one
        spans += [
            Span(m.start(), m.end(), "IPADRESS")
            for m in _IPV6.finditer(text)
            if len(_HEX_GROUP.findall(m.group(0))) >= 2 and _valid(m.group(0))
        ]
    return spans


def normalise(value: str) -> str:
    """The canonical writing: "2001:DB8:0::1" and "2001:db8::1" are one address."""
    return ipaddress.ip_address(value).compressed


CATEGORY = Category(
    label="IPADRESS", priority=15, recognisers=(find_ip_address,), description="ip-adresser", normalise=normalise
)
