"""Checking a user's data file (under ``$WAQAI_DATA_DIR``) against the shape of the bundled one.

A malformed override should stop a run with one line naming the file and
the field, not with a KeyError deep inside the tagger. The bundled file is
the schema: the same keys must be present, holding the same kinds of value.
"""

from __future__ import annotations

from typing import Any


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file and the field."""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}[type(value)]


def check_shape(data: Any, reference: Any, where: str = "") -> None:
    """Raise DataFileError (field path in the message) where ``data`` differs in shape from ``reference``."""
    if reference is None:
        return
    if _kind(data) != _kind(reference):
        raise DataFileError(f"{where or 'the top level'} must be {_kind(reference)}, not {_kind(data)}")
    if isinstance(reference, dict):
        values = [v for k, v in reference.items() if not k.startswith("_")]
        for key in reference:
            if not key.startswith("_") and key not in data:
                raise DataFileError(f"{where or 'the top level'} lacks {key!r}")
        for key, value in data.items():
            if key.startswith("_"):
                continue
            model = reference.get(key, _common(values))
            check_shape(value, model, f"{where}.{key}" if where else key)
    elif isinstance(reference, list) and reference:
        model = _common(reference)
        for index, item in enumerate(data):
            check_shape(item, model, f"{where}[{index}]")


def _common(values: list) -> Any:
    """What every one of ``values`` has in common: for objects, the keys they all carry."""
    kinds = {_kind(v) for v in values if v is not None}
    if len(kinds) != 1:
        return None
    if isinstance(values[0], dict) or kinds == {"an object"}:
        dicts = [v for v in values if isinstance(v, dict)]
        shared = set.intersection(*(set(d) for d in dicts))
        return {key: _common([d[key] for d in dicts]) for key in dicts[0] if key in shared}
    if kinds == {"a list"}:
        return [_common([x for v in values for x in v])] if any(values) else []
    return next(v for v in values if v is not None)
