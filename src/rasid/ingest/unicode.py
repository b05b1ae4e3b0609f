"""Valid Unicode at the boundary: every text that enters rasid can be encoded as UTF-8.

JSON allows escapes of lone UTF-16 surrogates (``"\\ud800"``) and file names read with
``surrogateescape`` carry them too. Python keeps such strings, but nothing downstream can
write them (SQLite, PostgreSQL, JSON exports raise ``UnicodeEncodeError``). They are replaced
here by U+FFFD REPLACEMENT CHARACTER, and the document says how many were replaced, so that
one odd record is flagged instead of blocking its file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["REPLACEMENT", "repair", "valid_text"]

REPLACEMENT = "\ufffd"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    if text.isascii():
        return text, 0
    return _LONE_SURROGATE.subn(REPLACEMENT, text)


def repair(value: Any) -> tuple[Any, int]:
    """A JSON-like value (str, list, dict; keys too) with valid text everywhere, and the count of repairs."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        total = 0
        for key, item in value.items():
            if isinstance(key, str):
                key, n = valid_text(key)
                total += n
            out[key], n = repair(item)
            total += n
        return out, total
    if isinstance(value, (list, tuple)):
        items = []
        total = 0
        for item in value:
            fixed, n = repair(item)
            items.append(fixed)
            total += n
        return (tuple(items) if isinstance(value, tuple) else items), total
    return value, 0
