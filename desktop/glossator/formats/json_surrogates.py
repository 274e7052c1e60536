"""Lone UTF-16 surrogates in JSON: `"\\ud800"` parses into a Python string that is not
text (it cannot be stored or written as UTF-8), so every JSON reader refuses it up front,
naming the line, instead of failing later with an encoding error."""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def holds_surrogate(value: Any) -> bool:
    """Whether any key or string in a parsed JSON value holds a surrogate code point."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def surrogate_line(text: str) -> int | None:
    """The line of the first surrogate escape that decodes to a lone surrogate."""
    for found in _SURROGATE_ESCAPE.finditer(text):
        end = text.find('"', found.end())
        start = text.rfind('"', 0, found.start())
        if start < 0 or end < 0:
            continue
        try:
            piece = json.loads(text[start : end + 1])
        except ValueError:
            continue
        if isinstance(piece, str) and _SURROGATE.search(piece):
            return text.count("\n", 0, found.start()) + 1
    return None


def surrogate_refusal(text: str, value: Any, line: int | None = None) -> str | None:
    """Why parsed JSON `value` (from `text`) is refused for a lone surrogate, naming the
    line (`line` when the caller knows it); None when it holds none."""
    if not _SURROGATE_ESCAPE.search(text) or not holds_surrogate(value):
        return None
    at = line if line is not None else surrogate_line(text)
    place = f"line {at}: " if at is not None else ""
    return (
        f"{place}a string holds a lone UTF-16 surrogate escape (such as \\ud800), "
        "which is not a character; the file was not read"
    )
