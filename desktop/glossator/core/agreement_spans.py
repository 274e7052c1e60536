"""Spans of several coders: code-point coverage patterns, span matching, disagreements.

Offsets are code points into a report's text, end exclusive. Plain Python.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

MIN_JACCARD = 0.5


@dataclass(frozen=True, slots=True)
class CodedSpan:
    """One tag of one annotation: who coded which code points of which report."""

    id: str  # the annotation's UUID
    report_id: int
    coder: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Overlapping spans of one tag that found no partner: `a` by the first coder, `b` by
    the second. One side is empty when only one coder marked the passage."""

    report_id: int
    tag: str
    start: int
    end: int
    a: tuple[CodedSpan, ...]
    b: tuple[CodedSpan, ...]

    @property
    def kind(self) -> str:
        if self.a and self.b:
            return "both, differently"
        return "only A" if self.a else "only B"

    @property
    def annotation_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.id for s in (*self.a, *self.b)))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif start < end:
            out.append((start, end))
    return out


def coverage_patterns(
    lengths: Mapping[int, int], spans: Sequence[CodedSpan], coders: Sequence[str]
) -> Counter[tuple[int, ...]]:
    """How many code points got each pattern of values (1 coded, 0 not; one per coder),
    over every report of `lengths`. Computed over span boundaries, not per character."""
    patterns: Counter[tuple[int, ...]] = Counter()
    by_report: dict[int, list[CodedSpan]] = defaultdict(list)
    for s in spans:
        by_report[s.report_id].append(s)
    for report_id, length in lengths.items():
        if length <= 0:
            continue
        covered = [
            _merged(
                (max(0, s.start), min(length, s.end))
                for s in by_report.get(report_id, ())
                if s.coder == c
            )
            for c in coders
        ]
        cuts = sorted({0, length, *(p for runs in covered for run in runs for p in run)})
        where = [0] * len(coders)
        for left, right in pairwise(cuts):
            values = []
            for i, runs in enumerate(covered):
                while where[i] < len(runs) and runs[where[i]][1] <= left:
                    where[i] += 1
                inside = where[i] < len(runs) and runs[where[i]][0] <= left
                values.append(1 if inside else 0)
            patterns[tuple(values)] += right - left
    return patterns


def jaccard(a: CodedSpan, b: CodedSpan) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return 0.0
    return shared / ((a.end - a.start) + (b.end - b.start) - shared)


def match_spans(
    spans: Sequence[CodedSpan], coder_a: str, coder_b: str, min_jaccard: float = MIN_JACCARD
) -> list[tuple[CodedSpan, CodedSpan]]:
    """Pairs (A's, B's) of the same report and tag with Jaccard >= `min_jaccard` (0.5),
    one to one, the best overlaps first; in text order."""
    groups: dict[tuple[int, str], tuple[list[CodedSpan], list[CodedSpan]]] = defaultdict(
        lambda: ([], [])
    )
    for s in spans:
        if s.coder in (coder_a, coder_b) and s.end > s.start:
            groups[(s.report_id, s.tag)][0 if s.coder == coder_a else 1].append(s)
    pairs: list[tuple[CodedSpan, CodedSpan]] = []
    for side_a, side_b in groups.values():
        side_a.sort(key=lambda s: s.start)
        side_b.sort(key=lambda s: s.start)
        candidates: list[tuple[float, CodedSpan, CodedSpan]] = []
        active: list[CodedSpan] = []  # B's spans that began before this A's end
        j = 0
        for a in side_a:  # a sweep in text order: each pair of spans looked at once
            while j < len(side_b) and side_b[j].start < a.end:
                active.append(side_b[j])
                j += 1
            active = [b for b in active if b.end > a.start]  # ended before: never again
            for b in active:
                score = jaccard(a, b)
                if score >= min_jaccard and score > 0:
                    candidates.append((score, a, b))
        candidates.sort(key=lambda c: (-c[0], c[1].start, c[2].start, c[1].id, c[2].id))
        used: set[str] = set()
        for _score, a, b in candidates:
            if a.id not in used and b.id not in used:
                used.update((a.id, b.id))
                pairs.append((a, b))
    pairs.sort(key=lambda p: (p[0].report_id, p[0].start, p[0].end, p[0].tag))
    return pairs


def disagreements(
    spans: Sequence[CodedSpan],
    matches: Sequence[tuple[CodedSpan, CodedSpan]],
    coder_a: str,
    coder_b: str,
) -> list[Disagreement]:
    """Unpaired spans of A and B, overlapping ones of the same report and tag grouped."""
    paired = {(s.id, s.tag) for pair in matches for s in pair}
    loose = sorted(
        (s for s in spans if s.coder in (coder_a, coder_b) and (s.id, s.tag) not in paired),
        key=lambda s: (s.report_id, s.tag, s.start, s.end, s.coder, s.id),
    )
    out: list[Disagreement] = []
    group: list[CodedSpan] = []
    group_end = 0

    def close() -> None:
        if group:
            out.append(
                Disagreement(
                    group[0].report_id,
                    group[0].tag,
                    min(s.start for s in group),
                    max(s.end for s in group),
                    tuple(s for s in group if s.coder == coder_a),
                    tuple(s for s in group if s.coder == coder_b),
                )
            )

    for s in loose:
        if group and (
            (s.report_id, s.tag) != (group[0].report_id, group[0].tag) or s.start >= group_end
        ):
            close()
            group = []
        group_end = max(group_end, s.end) if group else s.end
        group.append(s)
    close()
    out.sort(key=lambda d: (d.report_id, d.start, d.end, d.tag))
    return out
