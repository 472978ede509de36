"""Reading one line of a gold file, checking every field before it is scored."""

from __future__ import annotations

import json


class GoldError(ValueError):
    """A gold line that is not a gold document; the message names the field."""


def _need(value: object, kinds: type | tuple, field: str, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise GoldError(f"{field} must be {what}, not {json.dumps(value, ensure_ascii=False)[:40]}")


def parse_gold_line(line: str) -> dict:
    """A gold document (``doc``, ``timexes``, optional ``dct`` and ``text``) from one JSONL line."""
    try:
        doc = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise GoldError(f"not JSON ({error})") from None
    if not isinstance(doc, dict):
        raise GoldError("not a JSON object")
    for key in ("doc", "timexes"):
        if key not in doc:
            raise GoldError(f"no {key!r} field")
    _need(doc["doc"], str, "doc", "a file name")
    _need(doc["timexes"], list, "timexes", "a list")
    for key in ("dct", "text"):
        if doc.get(key) is not None:
            _need(doc[key], str, key, "a string")
    for i, timex in enumerate(doc["timexes"]):
        _need(timex, dict, f"timexes[{i}]", "an object")
        for key in ("start", "end"):
            _need(timex.get(key), int, f"timexes[{i}].{key}", "an offset (integer)")
        _need(timex.get("text"), str, f"timexes[{i}].text", "a string")
        for key in ("type", "value", "mod"):
            if timex.get(key) is not None:
                _need(timex[key], str, f"timexes[{i}].{key}", "a string")
    return doc
