"""The one place that decides a file's text encoding, and whether its bytes are text at all.

Used by the readers of text formats and by the upload (through `sniff_format`).
"""

from __future__ import annotations

import codecs
import re

BAD_BYTES = re.compile(r"[\udc80-\udcff]")  # bytes the codec could not decode (surrogateescape)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def known_codec(name: str) -> bool:
    """True if Python knows the encoding `name`."""
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def detect_encoding(head: bytes, whole_file: bool) -> str | None:
    """The encoding of a text file from its first bytes; None if it holds NUL bytes without a
    UTF-16 BOM (binary, not text).

    Written by hand rather than with charset-normalizer: Swedish exports are in practice
    UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or Windows-1252,
    and a generic detector choosing among dozens of code pages on a short sample can pick
    e.g. cp1250 or mac_roman and give silent mojibake in å/ä/ö.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(head, final=whole_file)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly valid multi-byte UTF-8 with a few bad bytes: a mixed file. Read it as UTF-8 so
    # the bad cells are reported by row and column instead of turning into mojibake. In a
    # Windows-1252 file å/ä/ö (E5/E4/F6) before plain letters are almost never valid UTF-8.
    valid = len(_UTF8_SEQ.findall(head))
    high = sum(1 for b in head if b >= 0x80)
    invalid = high - sum(len(m) for m in _UTF8_SEQ.findall(head))
    if valid > invalid:
        return "utf-8"
    return "cp1252"


def looks_binary(text: str) -> bool:
    """True if decoded text has too many control characters or undecodable bytes to be text."""
    if not text:
        return False
    n_control = len(_CONTROL.findall(text))
    n_bad = len(BAD_BYTES.findall(text))
    return n_control > max(3, len(text) // 200) or n_bad > max(10, len(text) // 20)
