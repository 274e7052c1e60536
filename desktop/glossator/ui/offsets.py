"""Conversion between stored offsets (Unicode code points) and Qt positions (UTF-16 units).

This module is the only place in the UI that translates between the two. A code point
above U+FFFF (emoji, some CJK, historic scripts) takes two UTF-16 units in Qt and one
code point in Python; every other character takes one of each. So the two counts differ
by the number of such "astral" characters before a position, and `OffsetMap` answers
that with a binary search over their positions. Texts without any astral character (most
reports) take an identity fast path with no precomputation at all.

A UTF-16 position inside a surrogate pair (between the two halves of one character) maps
to the code point of that character, i.e. it rounds down.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left

__all__ = ["OffsetMap", "cp_to_utf16", "utf16_to_cp"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# CPython stores a str with one, two or four bytes per character, the smallest that fits
# its widest character; only the four-byte kind can hold astral characters. Its size tells
# the kind without a scan: a four-byte string is never smaller than this base plus four
# bytes per character (a cached UTF-8 copy can only make a narrower string look bigger,
# which merely costs a scan, never a wrong answer).
_IS_CPYTHON = sys.implementation.name == "cpython"
_UCS4_BASE = sys.getsizeof("\U0001f600\U0001f600") - 3 * 4


def _may_contain_astral(text: str) -> bool:
    if text.isascii():
        return False
    if _IS_CPYTHON:
        return sys.getsizeof(text) >= _UCS4_BASE + 4 * (len(text) + 1)
    return True


def astral_positions(text: str) -> list[int]:
    """Code-point positions of the characters above U+FFFF, ascending."""
    if not _may_contain_astral(text):
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units.

    Built once per text (a scan only when the text may hold astral characters);
    each conversion is then O(log k) for k astral characters, O(1) when there are none.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "_cp_length", "_u16_length")

    def __init__(self, text: str) -> None:
        cps = astral_positions(text)
        self._astral_cp: list[int] = cps
        # UTF-16 start of the i-th astral character: its code point plus the i before it.
        self._astral_u16: list[int] = [cp + i for i, cp in enumerate(cps)]
        self._cp_length = len(text)
        self._u16_length = len(text) + len(cps)

    @property
    def is_identity(self) -> bool:
        """True when both counts agree everywhere (no astral character)."""
        return not self._astral_cp

    @property
    def cp_length(self) -> int:
        return self._cp_length

    @property
    def utf16_length(self) -> int:
        return self._u16_length

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point position `cp`."""
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def from_qt(self, u16: int) -> int:
        """Code-point position of UTF-16 position `u16` (rounded down inside a pair)."""
        if not self._astral_u16:
            return u16
        return u16 - bisect_left(self._astral_u16, u16)


def cp_to_utf16(text: str, cp: int) -> int:
    """UTF-16 position of code point `cp` in `text` (one-off; use OffsetMap for many)."""
    if not _may_contain_astral(text):
        return cp
    return cp + sum(1 for _ in _ASTRAL.finditer(text, 0, max(cp, 0)))


def utf16_to_cp(text: str, u16: int) -> int:
    """Code-point position of UTF-16 position `u16` in `text` (one-off; use OffsetMap for many)."""
    return OffsetMap(text).from_qt(u16)
