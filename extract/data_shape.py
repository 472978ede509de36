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
    """Raise DataFileError (field path in the message) where ``data`` differs in shape from ``reference``.

    Keys the reference lists in ``_optional`` may be absent; inside a list of
    objects, a key is required when every reference object carries it, and a
    key only some carry keeps the kind those give it.
    """
    if reference is None:
        return
    if _kind(data) != _kind(reference):
        raise DataFileError(f"{where or 'the top level'} must be {_kind(reference)}, not {_kind(data)}")
    if isinstance(reference, dict):
        optional = set(reference.get("_optional", ()))
        keys = [k for k in reference if not k.startswith("_")]
        required = reference.get("_required", keys)
        for key in required:
            if key not in optional and key not in data:
                raise DataFileError(f"{where or 'the top level'} lacks {key!r}")
        values = [reference[k] for k in keys]
        for key, value in data.items():
            if key.startswith("_"):
                continue
            model = reference[key] if key in reference else _common(values)
            check_shape(value, model, f"{where}.{key}" if where else key)
    elif isinstance(reference, list) and reference:
        model = _common(reference)
        for index, item in enumerate(data):
            check_shape(item, model, f"{where}[{index}]")


def _common(values: list) -> Any:
    """What every one of ``values`` has in common: for objects, each key's kind and the keys they all carry."""
    kinds = {_kind(v) for v in values if v is not None}
    if len(kinds) != 1:
        return None
    if kinds == {"an object"}:
        dicts = [v for v in values if isinstance(v, dict)]
        keys = list(dict.fromkeys(k for d in dicts for k in d))
        model = {key: _common([d[key] for d in dicts if key in d]) for key in keys}
        model["_required"] = [key for key in keys if all(key in d for d in dicts) and not key.startswith("_")]
        return model
    if kinds == {"a list"}:
        return [_common([x for v in values for x in v])] if any(values) else []
    return next(v for v in values if v is not None)
