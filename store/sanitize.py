"""Making untrusted article text safe to show in a terminal or a Markdown file.

Drops C0 controls except newline and tab (tabs are expanded), DEL, ESC, C1
controls (U+0080-U+009F) and the bidi embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069) that can make shown text differ from stored
text (Trojan Source, CVE-2021-42574). The stored text is never changed:
this is a view.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Return ``text`` without terminal controls or bidi overrides."""
    if "\t" in text:
        text = text.expandtabs(4)
    return _UNSAFE.sub("", text)
