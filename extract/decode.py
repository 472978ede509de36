"""Turning article bytes into text, refusing what is not text.

UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such;
legacy Arabic encodings (Windows-1256, ISO-8859-6) are detected by how much
Arabic they yield and reported; anything else is refused with a reason,
never silently mangled.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")


class NotText(ValueError):
    """The bytes are not an article we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the encoding it came in."""

    text: str
    encoding: str


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def decode(data: bytes) -> Decoded:
    """Decode article bytes; raise NotText with a reason when they are not text."""
    if len(data) > MAX_BYTES:
        raise NotText(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise NotText(f"invalid UTF-16 ({error.reason} at byte {error.start})") from None
    else:
        encoding, body = "utf-8", data
    if b"\x00" in body:
        raise NotText("binary data (NUL bytes), not a text file")
    try:
        return Decoded(body.decode("utf-8"), encoding)
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start}"
    for legacy in ("cp1256", "iso-8859-6"):
        try:
            text = body.decode(legacy)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) >= 0.5:
            return Decoded(text, legacy)
    raise NotText(f"{utf8_error}, and not Windows-1256 or ISO-8859-6 Arabic either")
