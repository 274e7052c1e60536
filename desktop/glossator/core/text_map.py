"""Where the unchanged stretches of an old text sit in a new one.

A `TextMap` lists the blocks the two texts share (old start, new start, length), found in
three passes that stay fast on megabyte texts: the common head and tail of the whole
texts; a `difflib` pass over lines (a line with the blank lines after it is one item);
and, inside each pair of changed lines, their common head and tail and a pass over words.
A position inside a shared block maps exactly; any other position maps to an estimate,
proportionally through the change around it.

Offsets are code points, end exclusive, as everywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

__all__ = ["TextMap", "common_prefix", "common_suffix"]

_LINE = re.compile(r"[^\n]*\n*")
_WORD = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_CHUNK = 4096
WORD_PASS_LIMIT = 200_000  # characters a side: larger changed stretches skip the word pass

Block = tuple[int, int, int]  # old start, new start, length


def _equal_len(a: str, x: int, b: str, y: int, k: int) -> int:
    """How many of the k characters from a[x] and b[y] agree before the first difference
    (binary search over slices: comparisons run in C)."""
    lo, hi = 0, k
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[x : x + mid] == b[y : y + mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_prefix(a: str, b: str, a0: int, a1: int, b0: int, b1: int) -> int:
    """Length of the common head of a[a0:a1] and b[b0:b1]."""
    n, i = min(a1 - a0, b1 - b0), 0
    while i < n:
        k = min(_CHUNK, n - i)
        if a[a0 + i : a0 + i + k] == b[b0 + i : b0 + i + k]:
            i += k
        else:
            return i + _equal_len(a, a0 + i, b, b0 + i, k)
    return n


def common_suffix(a: str, b: str, a0: int, a1: int, b0: int, b1: int) -> int:
    """Length of the common tail of a[a0:a1] and b[b0:b1]."""
    n, i = min(a1 - a0, b1 - b0), 0
    while i < n:
        k = min(_CHUNK, n - i)
        if a[a1 - i - k : a1 - i] == b[b1 - i - k : b1 - i]:
            i += k
            continue
        lo, hi = 0, k  # the longest agreeing tail of the chunk
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if a[a1 - i - mid : a1 - i] == b[b1 - i - mid : b1 - i]:
                lo = mid
            else:
                hi = mid - 1
        return i + lo
    return n


def _items(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> tuple[list[str], list[int]]:
    """The items of text[lo:hi] and the offset of each (one more: the end)."""
    items = [t for t in pattern.findall(text, lo, hi) if t]
    return items, [lo, *accumulate((len(t) for t in items), initial=lo)][1:]


class _Differ:
    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.blocks: list[Block] = []

    def trimmed(self, a0: int, a1: int, b0: int, b1: int, then_words: bool) -> None:
        """Common head and tail of a changed stretch, then its middle. Before the pass
        over lines, head and tail end at line boundaries, so that the pass sees whole
        lines (else "Beta" and "Gamma" could share the tail "a said..." across a move)."""
        p = common_prefix(self.old, self.new, a0, a1, b0, b1)
        if not then_words and a0 + p < a1 and b0 + p < b1:
            p = self.old.rfind("\n", a0, a0 + p) + 1 - a0 if p else 0
        s = common_suffix(self.old, self.new, a0 + p, a1, b0 + p, b1)
        if not then_words and s and a1 - s > a0 + p and self.old[a1 - s - 1] != "\n":
            line = self.old.find("\n", a1 - s, a1)
            s = a1 - line - 1 if line >= 0 else 0
        if p:
            self.blocks.append((a0, b0, p))
        a0, b0, a1, b1 = a0 + p, b0 + p, a1 - s, b1 - s
        if a0 < a1 and b0 < b1:
            if not then_words:
                self.items(_LINE, a0, a1, b0, b1)
            elif a1 - a0 <= WORD_PASS_LIMIT and b1 - b0 <= WORD_PASS_LIMIT:
                self.items(_WORD, a0, a1, b0, b1)
        if s:
            self.blocks.append((a1, b1, s))

    def items(self, pattern: re.Pattern[str], a0: int, a1: int, b0: int, b1: int) -> None:
        """A difflib pass over the lines (or words) of a changed stretch."""
        xs, xo = _items(pattern, self.old, a0, a1)
        ys, yo = _items(pattern, self.new, b0, b1)
        matcher = SequenceMatcher(None, xs, ys)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                self.blocks.append((xo[i1], yo[j1], xo[i2] - xo[i1]))
            elif tag == "replace" and pattern is _LINE:
                self.trimmed(xo[i1], xo[i2], yo[j1], yo[j2], then_words=True)


@dataclass(frozen=True, slots=True)
class TextMap:
    """The shared blocks of an old and a new text, in order of both."""

    old_starts: tuple[int, ...]
    new_starts: tuple[int, ...]
    sizes: tuple[int, ...]
    old_len: int
    new_len: int

    @classmethod
    def between(cls, old: str, new: str) -> TextMap:
        differ = _Differ(old, new)
        differ.trimmed(0, len(old), 0, len(new), then_words=False)
        merged: list[Block] = []
        for a, b, n in sorted(differ.blocks):
            if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
                merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
            elif n:
                merged.append((a, b, n))
        return cls(
            tuple(a for a, _, _ in merged),
            tuple(b for _, b, _ in merged),
            tuple(n for _, _, n in merged),
            len(old),
            len(new),
        )

    def _inside(self, pos: int) -> int | None:
        """The new position of the old character at `pos` when it is unchanged."""
        k = bisect_right(self.old_starts, pos) - 1
        if k >= 0 and pos < self.old_starts[k] + self.sizes[k]:
            return self.new_starts[k] + pos - self.old_starts[k]
        return None

    def exact(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the span [start, end) is now when its first and last characters are
        unchanged (the text between may still differ: callers compare the quote)."""
        first = self._inside(start) if start < self.old_len else None
        if start == end:
            return None if first is None else (first, first)
        last = self._inside(end - 1)
        if first is None or last is None or last + 1 < first:
            return None
        return first, last + 1

    def origins(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The old spans of the unchanged characters in new [lo, hi), in order."""
        out: list[tuple[int, int]] = []
        k = max(0, bisect_right(self.new_starts, lo) - 1)
        while k < len(self.new_starts) and self.new_starts[k] < hi:
            b0, b1 = max(lo, self.new_starts[k]), min(hi, self.new_starts[k] + self.sizes[k])
            if b0 < b1:
                shift = self.old_starts[k] - self.new_starts[k]
                out.append((b0 + shift, b1 + shift))
            k += 1
        return out

    def changed(self, margin: int) -> list[tuple[int, int]]:
        """The stretches of the new text that are not unchanged old text, each widened by
        `margin` on both sides (overlaps merged), in order."""
        out: list[tuple[int, int]] = []
        at = 0
        for b, n in (*zip(self.new_starts, self.sizes, strict=True), (self.new_len, 0)):
            if b > at:
                lo, hi = max(0, at - margin), min(self.new_len, b + margin)
                if out and lo <= out[-1][1]:
                    out[-1] = (out[-1][0], hi)
                else:
                    out.append((lo, hi))
            at = b + n
        return out

    def estimate(self, pos: int) -> int:
        """The new position of old `pos`: exact in a shared block, else proportional
        through the change it falls in."""
        pos = max(0, min(pos, self.old_len))
        k = bisect_right(self.old_starts, pos) - 1
        if k >= 0 and pos < self.old_starts[k] + self.sizes[k]:
            return self.new_starts[k] + pos - self.old_starts[k]
        a0 = self.old_starts[k] + self.sizes[k] if k >= 0 else 0
        b0 = self.new_starts[k] + self.sizes[k] if k >= 0 else 0
        nxt = k + 1
        a1 = self.old_starts[nxt] if nxt < len(self.old_starts) else self.old_len
        b1 = self.new_starts[nxt] if nxt < len(self.new_starts) else self.new_len
        if a1 <= a0:
            return b0
        return b0 + round((pos - a0) * (b1 - b0) / (a1 - a0))
