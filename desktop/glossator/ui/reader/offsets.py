"""Conversion between stored offsets (Unicode code points) and Qt positions (UTF-16 units).

This module is the only place in the UI that translates between the two. A code point
above U+FFFF (emoji, some CJK, historic scripts) takes two UTF-16 units in Qt and one
code point in Python; every other character takes one of each. So the two counts differ
by the number of such "astral" characters before a position, and `OffsetMap` answers
that with a binary search over their positions. Texts without any astral character (most
reports) take an identity fast path with no precomputation at all.

A UTF-16 position inside a surrogate pair (between the two halves of one character) maps
to the code point of that character, i.e. it rounds down (`from_qt_end` rounds up, for
the end of a range).
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

_FIRST_CHUNK = 1 << 16


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

    Conversions cost O(1) for a text without astral characters, else O(log k) for k of
    them. Their positions are found lazily, by scanning the text only as far as the
    positions asked for (in growing chunks): opening a 10 MB report and painting its
    first page scans only its first page.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "_cp_length", "_scanned", "_text")

    def __init__(self, text: str) -> None:
        self._cp_length = len(text)
        self._astral_cp: list[int] = []
        # UTF-16 start of the i-th astral character: its code point plus the i before it.
        self._astral_u16: list[int] = []
        if _may_contain_astral(text):
            self._text: str | None = text
            self._scanned = 0
        else:
            self._text = None
            self._scanned = len(text)

    def _scan_to(self, cp: int) -> None:
        """Find the astral characters before `cp` (at least), if not done yet."""
        text = self._text
        if text is None or cp <= self._scanned:
            return
        end = min(self._cp_length, max(cp, 2 * self._scanned, _FIRST_CHUNK))
        cps, u16s = self._astral_cp, self._astral_u16
        for match in _ASTRAL.finditer(text, self._scanned, end):
            position = match.start()
            u16s.append(position + len(cps))
            cps.append(position)
        self._scanned = end
        if end >= self._cp_length:
            self._text = None

    @property
    def is_identity(self) -> bool:
        """True when both counts agree everywhere (no astral character)."""
        self._scan_to(self._cp_length)
        return not self._astral_cp

    @property
    def cp_length(self) -> int:
        return self._cp_length

    @property
    def utf16_length(self) -> int:
        self._scan_to(self._cp_length)
        return self._cp_length + len(self._astral_cp)

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point position `cp`."""
        if cp > self._scanned:
            self._scan_to(cp)
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def from_qt(self, u16: int) -> int:
        """Code-point position of UTF-16 position `u16` (rounded down inside a pair)."""
        # An astral character starting before u16 in UTF-16 starts before u16 in code points.
        if u16 > self._scanned:
            self._scan_to(u16)
        if not self._astral_u16:
            return u16
        return u16 - bisect_left(self._astral_u16, u16)

    def from_qt_end(self, u16: int) -> int:
        """Like `from_qt`, but rounds up inside a pair: for the end of a range."""
        cp = self.from_qt(u16)
        return cp + 1 if self.to_qt(cp) < u16 else cp


def cp_to_utf16(text: str, cp: int) -> int:
    """UTF-16 position of code point `cp` in `text` (one-off; use OffsetMap for many)."""
    if not _may_contain_astral(text):
        return cp
    return cp + sum(1 for _ in _ASTRAL.finditer(text, 0, max(cp, 0)))


def utf16_to_cp(text: str, u16: int) -> int:
    """Code-point position of UTF-16 position `u16` in `text` (one-off; use OffsetMap for many)."""
    return OffsetMap(text).from_qt(u16)
