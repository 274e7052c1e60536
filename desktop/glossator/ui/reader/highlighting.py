"""What the report view paints: highlight and marker spans, an interval index over them,
and the split of one paragraph into uniformly styled segments.

Plain Python (no Qt) and in code points, so it is cheap to build and easy to test.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter, sub
from typing import Generic, Protocol, TypeVar

__all__ = [
    "LONG_SPAN",
    "HighlightSpan",
    "MarkerSpan",
    "Segment",
    "SpanIndex",
    "segments",
]


@dataclass(frozen=True, slots=True)
class HighlightSpan:
    """A highlighted passage; `key` is the annotation id, offsets in code points."""

    key: str
    start: int
    end: int
    color: str


@dataclass(frozen=True, slots=True)
class MarkerSpan:
    """A footnote marker in the text; `missing` when no note carries its label."""

    label: str
    start: int
    end: int
    missing: bool


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)

# Spans up to this many code points are found by a window search over start positions;
# longer ones (rare: whole sections) live in a second list searched through running maxima.
LONG_SPAN = 2048

_start = attrgetter("start")
_end = attrgetter("end")


class SpanIndex(Generic[S]):
    """Spans sorted by start, answering "which spans overlap [start, end)" in O(log n + k)."""

    __slots__ = ("_long", "_long_max_end", "_long_starts", "_short", "_short_starts")

    def __init__(self, spans: Iterable[S] = ()) -> None:
        ordered = sorted(spans, key=_start)
        starts = list(map(_start, ordered))
        if max(map(sub, map(_end, ordered), starts), default=0) > LONG_SPAN:
            self._short = [sp for sp in ordered if sp.end - sp.start <= LONG_SPAN]
            self._long = [sp for sp in ordered if sp.end - sp.start > LONG_SPAN]
            self._short_starts = list(map(_start, self._short))
        else:
            self._short, self._long, self._short_starts = ordered, [], starts
        self._long_starts: list[int] = []
        self._long_max_end: list[int] = []
        self._reindex_long()

    def _reindex_long(self) -> None:
        self._long_starts = list(map(_start, self._long))
        self._long_max_end = list(accumulate(map(_end, self._long), max))

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def __iter__(self) -> Iterator[S]:
        yield from self._short
        yield from self._long

    def add(self, span: S) -> None:
        if span.end - span.start > LONG_SPAN:
            i = bisect_right(self._long_starts, span.start)
            self._long.insert(i, span)
            self._reindex_long()
        else:
            i = bisect_right(self._short_starts, span.start)
            self._short.insert(i, span)
            self._short_starts.insert(i, span.start)

    def extend(self, spans: Iterable[S]) -> None:
        """Add many spans in one pass (a batch read while a report fills): appended when
        they all start after the spans held, else merged in (no per-span list insert)."""
        short: list[S] = []
        long: list[S] = []
        for sp in sorted(spans, key=_start):
            (long if sp.end - sp.start > LONG_SPAN else short).append(sp)
        if long:
            self._long = sorted([*self._long, *long], key=_start)
            self._reindex_long()
        if not short:
            return
        starts = list(map(_start, short))
        if not self._short_starts or starts[0] >= self._short_starts[-1]:
            self._short += short
            self._short_starts += starts
            return
        merged = sorted([*self._short, *short], key=_start)  # two sorted runs: one pass
        self._short = merged
        self._short_starts = list(map(_start, merged))

    def remove(self, span: S) -> bool:
        """Remove one span equal to `span`; False when there is none."""
        is_long = span.end - span.start > LONG_SPAN
        items, starts = self._long, self._long_starts
        if not is_long:
            items, starts = self._short, self._short_starts
        i = bisect_left(starts, span.start)
        while i < len(items) and starts[i] == span.start:
            if items[i] == span:
                del items[i]
                if is_long:
                    self._reindex_long()
                else:
                    del starts[i]
                return True
            i += 1
        return False

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans with span.start < end and span.end > start."""
        starts = self._short_starts
        lo = bisect_right(starts, start - LONG_SPAN)
        hi = bisect_left(starts, end)
        found = [sp for sp in self._short[lo:hi] if sp.end > start]
        if self._long:
            max_end = self._long_max_end
            i = bisect_left(self._long_starts, end) - 1
            while i >= 0 and max_end[i] > start:
                sp = self._long[i]
                if sp.end > start:
                    found.append(sp)
                i -= 1
        return found

    def covering(self, pos: int) -> list[S]:
        """Spans that contain the character at `pos`."""
        return self.overlapping(pos, pos + 1)


# A styled run of one paragraph: [start, end) in code points, the colours of the highlights
# over it (sorted, so equal runs compare equal) and the marker state (0 none, 1 marker,
# 2 marker whose note is missing).
Segment = tuple[int, int, tuple[str, ...], int]


def segments(
    start: int,
    end: int,
    highlights: Iterable[HighlightSpan],
    markers: Iterable[MarkerSpan],
) -> list[Segment]:
    """Split [start, end) into maximal runs of equal style; unstyled runs are left out."""
    # (position, +1 opens / -1 closes, highlight colour or None for a marker, marker state)
    events: list[tuple[int, int, str | None, int]] = []
    for h in highlights:
        s, e = max(h.start, start), min(h.end, end)
        if s < e:
            events.append((s, 1, h.color, 0))
            events.append((e, -1, h.color, 0))
    for m in markers:
        s, e = max(m.start, start), min(m.end, end)
        if s < e:
            state = 2 if m.missing else 1
            events.append((s, 1, None, state))
            events.append((e, -1, None, state))
    if not events:
        return []
    events.sort(key=_position)
    colors: Counter[str] = Counter()
    marker_states: Counter[int] = Counter()
    out: list[Segment] = []
    pos = events[0][0]
    for at, delta, color, state in events:
        if at > pos:
            if colors or marker_states:
                style = (tuple(sorted(colors.elements())), max(marker_states, default=0))
                _append(out, pos, at, style)
            pos = at
        if color is not None:
            _bump(colors, color, delta)
        else:
            _bump(marker_states, state, delta)
    return out


def _position(event: tuple[int, int, str | None, int]) -> int:
    return event[0]


K = TypeVar("K")


def _bump(counter: Counter[K], key: K, delta: int) -> None:
    counter[key] += delta
    if counter[key] <= 0:
        del counter[key]


def _append(out: list[Segment], start: int, end: int, style: tuple[tuple[str, ...], int]) -> None:
    if out and out[-1][1] == start and (out[-1][2], out[-1][3]) == style:
        out[-1] = (out[-1][0], end, *style)
    else:
        out.append((start, end, *style))
