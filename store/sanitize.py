"""Making untrusted article text safe to show in a terminal or a Markdown file.

``sanitize`` removes whole escape sequences (CSI such as ``ESC[2J``, OSC
such as the clipboard-writing ``ESC]52;…BEL``, and their 8-bit C1 forms),
then any remaining C0 control except newline and tab (tabs are expanded),
DEL, C1 controls (U+0080-U+009F) and the bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069) that can make shown text differ
from stored text (Trojan Source, CVE-2021-42574). The stored text is never
changed: this is a view.

``safe_json`` keeps every value exact but writes those characters as
``\\uXXXX`` escapes, so JSON printed to a terminal is inert too.
"""

from __future__ import annotations

import json
import re

from waqai.extract.normalize import BIDI_CONTROLS, C0_C1_CONTROLS, CONTROL_SEQUENCE

_UNSAFE = re.compile(f"[{C0_C1_CONTROLS}{BIDI_CONTROLS}]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")  # json.dumps escapes C0 itself


def sanitize(text: str, expand_tabs: bool = True) -> str:
    """Return ``text`` without escape sequences, terminal controls or bidi overrides.

    ``expand_tabs=False`` keeps tabs, for tab-separated output.
    """
    if expand_tabs and "\t" in text:
        text = text.expandtabs(4)
    return _UNSAFE.sub("", CONTROL_SEQUENCE.sub("", text))


def safe_json(value: object, **options) -> str:
    """``json.dumps`` with Arabic kept readable and every control escaped."""
    return inert_json(json.dumps(value, ensure_ascii=False, **options))


def inert_json(text: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as ``\\uXXXX`` escapes."""
    # These can only occur inside strings, where \uXXXX is exact.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# inert_json for UTF-8 bytes is answer.inert_json_utf8 (a lookup imports it without this module's regexes).
