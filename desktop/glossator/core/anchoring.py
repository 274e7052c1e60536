"""Anchors that survive a changed text (DESIGN §3).

For each annotation of an old text, `reanchor` finds where it sits in the new one, in
this order:

1. **Unchanged text.** The old and new texts are compared (`TextMap`); an annotation in
   a stretch that did not change follows it exactly, even when its quote occurs elsewhere.
2. **The exact quote,** nearest the old position (mapped into the new text), preferring
   copies that hold some of its own unchanged characters, then those whose prefix and
   suffix still agree. A copy made only of text that was elsewhere before is another
   passage and never chosen; a short quote must bring context with it (quote and agreeing
   context together at least `MIN_EVIDENCE` characters), so a deleted "Iran" never jumps
   to another "Iran" with other words around it.
3. **A fuzzy match** of prefix + quote + suffix near the old position (rapidfuzz), scored
   0-100 as the lower of the whole window's and the quote's own similarity (again never
   on text that was wholly elsewhere before, and never for an annotation whose quote and
   context together are shorter than `MIN_EVIDENCE`: in "of of of" less one "of", a 3-letter
   quote could be any of them).
4. Otherwise the annotation is **orphaned**: its old span is kept (clamped to the new
   text), never moved silently, for a person to fix.

Results: `kept` (same span, same quote), `moved` (same quote, new span), `fuzzy` (the
quote changed a little: new span and quote), `orphaned`. Pure Python, no I/O.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Literal

from glossator.core.text_map import TextMap

__all__ = ["MIN_EVIDENCE", "THRESHOLD", "Anchor", "Anchored", "reanchor"]

THRESHOLD = 80.0  # a fuzzy match scoring below this leaves the annotation orphaned
MIN_EVIDENCE = 24  # characters of quote plus agreeing context needed to follow a copy
NEAR = 4096  # characters each side searched first for an exact copy
CHANGED_MARGIN = 512  # characters of unchanged text searched beside each changed stretch
CONTEXT_BUCKET = 8  # agreeing context counts in steps of this many characters

Status = Literal["kept", "moved", "fuzzy", "orphaned"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sat: span in the old text, quote and its context."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where it sits now. `score` is 100 for exact results, the fuzzy score otherwise
    (for an orphan: the best score found, 0 when nothing came near)."""

    status: Status
    start: int
    end: int
    score: float = 100.0

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _agree_back(a: str, b: str) -> int:
    """Length of the common tail of a and b."""
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _agree_front(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class _ChangedText:
    """The changed stretches of a text joined into one string, to find needles in them
    all with one search (a needle longer than the margin is sought in the whole text)."""

    def __init__(self, text: str, stretches: list[tuple[int, int]]) -> None:
        self.text = text
        self.stretches = stretches
        self.joined = "\x00".join(text[lo:hi] for lo, hi in stretches)
        self.offsets = list(accumulate((hi - lo + 1 for lo, hi in stretches), initial=0))

    def starts(self, needles: list[tuple[str, int]]) -> Iterator[int]:
        for needle, offset in needles:
            if len(needle) > CHANGED_MARGIN:
                at = self.text.find(needle)
                while at >= 0:
                    yield at + offset
                    at = self.text.find(needle, at + 1)
                continue
            at = self.joined.find(needle)
            while at >= 0:
                k = bisect_right(self.offsets, at) - 1
                pos = self.stretches[k][0] + at - self.offsets[k]
                if self.text.startswith(needle, pos):
                    yield pos + offset
                at = self.joined.find(needle, at + 1)


class _Finder:
    def __init__(self, old: str, new: str, threshold: float) -> None:
        self.new = new
        self.threshold = threshold
        self.map = TextMap.between(old, new)
        self._changed: _ChangedText | None = None

    def locate(self, a: Anchor) -> Anchored:
        mapped = self.map.exact(a.start, a.end)
        if mapped is not None and self.new[mapped[0] : mapped[1]] == a.quote:
            return self._exact(a, *mapped)
        lo, hi = self.map.estimate(a.start), self.map.estimate(a.end)
        if a.quote:
            found = self._copy(a, lo)
            if found is not None:
                return self._exact(a, found, found + len(a.quote))
        fuzzy = self._fuzzy(a, lo, max(lo, hi))
        if fuzzy.status == "fuzzy":
            return fuzzy
        start = max(0, min(a.start, len(self.new)))
        end = max(start, min(a.end, len(self.new)))
        return Anchored("orphaned", start, end, fuzzy.score)

    @staticmethod
    def _exact(a: Anchor, start: int, end: int) -> Anchored:
        return Anchored("kept" if (start, end) == (a.start, a.end) else "moved", start, end)

    # -- exact copies ------------------------------------------------------------------------

    def _context_agreement(self, a: Anchor, at: int) -> int:
        end = at + len(a.quote)
        before = self.new[max(0, at - len(a.prefix)) : at]
        after = self.new[end : end + len(a.suffix)]
        return _agree_back(a.prefix, before) + _agree_front(a.suffix, after)

    def _copy(self, a: Anchor, near: int) -> int | None:
        """The best exact copy of the quote with enough evidence, or None."""
        q = len(a.quote)
        need = min(MIN_EVIDENCE, q + len(a.prefix) + len(a.suffix))
        if q >= need:
            needles = [(a.quote, 0)]
        else:  # a qualifying copy has half the missing context on one side at least
            half = -(-(need - q) // 2)
            needles = [(a.prefix[-half:] + a.quote, len(a.prefix[-half:])),
                       (a.quote + a.suffix[:half], 0)]
        lo, hi = max(0, near - NEAR), min(len(self.new), near + NEAR + q)
        best = self._best(a, self._starts(needles, lo, hi), near, need)
        if best is not None and best[:2] == (0, 0):
            return best[3]  # own text with its context, near the old place: the best there is
        # Farther away, a copy holds none of the annotation's own unchanged characters
        # (those map near the old place), and text wholly from elsewhere is refused: so
        # only the changed stretches of the new text need searching.
        farther = self._best(a, self.changed.starts(needles), near, need)
        found = [k for k in (best, farther) if k is not None]
        return min(found)[3] if found else None

    def _starts(self, needles: list[tuple[str, int]], lo: int, hi: int) -> Iterator[int]:
        for needle, offset in needles:
            at = self.new.find(needle, lo, hi)
            while at >= 0:
                yield at + offset
                at = self.new.find(needle, at + 1, hi)

    @property
    def changed(self) -> _ChangedText:
        if self._changed is None:
            self._changed = _ChangedText(self.new, self.map.changed(CHANGED_MARGIN))
        return self._changed

    def _best(
        self, a: Anchor, starts: Iterable[int], near: int, need: int
    ) -> tuple[int, int, int, int] | None:
        """(not own text, context shortfall bucket, distance, start) of the best copy."""
        best: tuple[int, int, int, int] | None = None
        full = len(a.prefix) + len(a.suffix)
        for start in set(starts):
            own = self._provenance(a, start, start + len(a.quote))
            agree = self._context_agreement(a, start)
            if own is not None and (own or len(a.quote) + agree >= need):
                key = (0 if own else 1, (full - agree + CONTEXT_BUCKET - 1) // CONTEXT_BUCKET,
                       abs(start - near), start)
                if best is None or key < best:
                    best = key
        return best

    def _provenance(self, a: Anchor, start: int, end: int) -> int | None:
        """How many characters of new [start, end) are the annotation's own unchanged text;
        None when every one of them is unchanged text from elsewhere (another passage that
        was there before: never a place to move to)."""
        own = foreign = 0
        for o0, o1 in self.map.origins(start, end):
            mine = max(0, min(o1, a.end) - max(o0, a.start))
            own += mine
            foreign += o1 - o0 - mine
        return None if end > start and foreign == end - start else own

    # -- fuzzy ---------------------------------------------------------------------------

    def _fuzzy(self, a: Anchor, lo: int, hi: int) -> Anchored:
        from rapidfuzz import fuzz  # imported on first use, as elsewhere
        from rapidfuzz.distance import Indel

        needle = a.prefix + a.quote + a.suffix
        if not a.quote or not self.new or len(needle) < MIN_EVIDENCE:
            # too little text to tell a changed passage from another like it
            return Anchored("orphaned", a.start, a.end, 0.0)
        margin = len(needle) // 2 + 64
        w0 = max(0, lo - len(a.prefix) - margin)
        w1 = min(len(self.new), hi + len(a.suffix) + margin)
        if self._provenance(a, w0, w1) is None:  # only other passages' text around
            return Anchored("orphaned", a.start, a.end, 0.0)
        window = self.new[w0:w1]
        if len(window) < len(needle):  # the whole new text is shorter than the needle
            d0, d1 = 0, len(window)
        else:
            found = fuzz.partial_ratio_alignment(needle, window)
            if found is None:
                return Anchored("orphaned", a.start, a.end, 0.0)
            d0, d1 = found.dest_start, found.dest_end
        grow = len(needle) // 4 + 8  # room for text inserted inside the passage
        r0, r1 = max(0, d0 - grow), min(len(window), d1 + grow)
        region = window[r0:r1]
        start, end = _quote_in(Indel.opcodes, needle, region, len(a.prefix), len(a.quote))
        start, end = _trimmed(a.quote, region, start, end)
        start, end = w0 + r0 + start, w0 + r0 + end
        if end <= start or self._provenance(a, start, end) is None:
            return Anchored("orphaned", a.start, a.end, 0.0)
        quote = self.new[start:end]
        context = self.new[max(0, start - len(a.prefix)) : start] + quote + self.new[
            end : end + len(a.suffix)]
        score = min(fuzz.ratio(needle, context), fuzz.ratio(a.quote, quote))
        status: Status = "fuzzy" if score >= self.threshold else "orphaned"
        return Anchored(status, start, end, round(score, 1))


def _quote_in(
    opcodes: Callable[[str, str], Any], needle: str, region: str, before: int, length: int
) -> tuple[int, int]:
    """Where the quote (`length` characters after `before` in the needle) lies in the region.

    An alignment has ties: with "factions,[1] " deleted before "senior", the "s" of
    "senior" aligns as well with the "s" of the deleted "factions" as with its own, and one
    alignment begins the quote at "enior". Both directions are aligned (the second on the
    reversed strings, which breaks ties the other way) and a character either gives to the
    quote is the quote's: on both ends, a tie goes to the passage.
    """
    forward = opcodes(needle, region)
    backward = opcodes(needle[::-1], region[::-1])
    after = len(needle) - before - length  # the suffix's length
    start = min(_first_char(forward, before),
                len(region) - _after_last_char(backward, len(needle) - before))
    end = max(_after_last_char(forward, before + length),
              len(region) - _first_char(backward, after))
    return start, end


def _trimmed(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the whitespace at its ends that the quote does not have there."""
    if quote and not quote[0].isspace():
        while start < end and text[start].isspace():
            start += 1
    if quote and not quote[-1].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _first_char(ops: Any, pos: int) -> int:
    """Where the source character at `pos` lands in an alignment's destination (a deleted
    one: where it was); the source's end maps to the destination's end."""
    for op in ops:
        if op.src_start <= pos < op.src_end:
            return int(op.dest_start + (pos - op.src_start if op.tag == "equal" else 0))
    return int(ops.dest_len)


def _after_last_char(ops: Any, pos: int) -> int:
    """Where the source span ending at `pos` ends in the destination (text inserted right
    after it stays out; text that replaced its last characters stays in)."""
    if pos == 0:
        return 0
    for op in ops:
        if op.src_start <= pos - 1 < op.src_end:
            if op.tag == "equal":
                return int(op.dest_start + pos - op.src_start)
            return int(op.dest_end)
    return int(ops.dest_len)


def reanchor(
    old_text: str, new_text: str, annotations: Sequence[Anchor], threshold: float = THRESHOLD
) -> list[Anchored]:
    """Where each annotation of `old_text` sits in `new_text`, in the same order."""
    finder = _Finder(old_text, new_text, threshold)
    return [finder.locate(a) for a in annotations]
