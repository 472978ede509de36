"""Turning article bytes into text, refusing what is not text.

In order: a byte-order mark decides (UTF-32 before UTF-16, whose BOM is a
prefix of UTF-32-LE's); then strict UTF-8; a file that is UTF-8 except for
a few bytes is refused with the position of the first bad one, never decoded
wholesale in another code page. Otherwise charset-normalizer chooses between
the legacy Arabic code pages (Windows-1256, ISO-8859-6, which accept each
other's bytes, so trying one first picks wrong) and its confidence is kept.
Anything else is refused with a reason, never silently mangled.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_BOMS = (  # longest first
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = {"cp1256": "cp1256", "iso8859_6": "iso-8859-6"}  # charset-normalizer's names → ours


class NotText(ValueError):
    """The bytes are not an article we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding it came in, and how sure the choice is (1.0: BOM or valid UTF-8)."""

    text: str
    encoding: str
    confidence: float = 1.0


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def _mostly_utf8(body: bytes) -> bool:
    """More well-formed multi-byte UTF-8 characters than broken bytes: a damaged UTF-8 file."""
    text = body.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    return sum(1 for c in text if c > "\x7f" and c != "\ufffd") > broken


def decode(data: bytes) -> Decoded:
    """Decode article bytes; raise NotText with a reason when they are not text."""
    if len(data) > MAX_BYTES:
        raise NotText(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as error:
                raise NotText(f"invalid {codec.upper().replace('-SIG', '')} ({error.reason} at byte {error.start})") from None
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes), not a text file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start}"
    if _mostly_utf8(data):
        raise NotText(f"{utf8_error} (the rest is UTF-8: the file is damaged; repair or re-save it as UTF-8)")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is not None and best.encoding in _LEGACY:
        text = data.decode(best.encoding)
        if _arabic_share(text) >= 0.5:
            return Decoded(text, _LEGACY[best.encoding], round(1.0 - best.chaos, 3))
    raise NotText(f"{utf8_error}, and not Windows-1256 or ISO-8859-6 Arabic either")
