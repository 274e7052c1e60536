"""Co-occurrence of codes over coded passages, and the text a code covers. Pure functions.

A coded passage carries row codes and column codes (both its tags for tag x tag; its
speaker and its tags for speaker x tag). Two modes:

- **overlap**: passages `a` and `b` of one report co-occur when their spans share a code
  point (`a.start < b.end and b.start < a.end`); a passage also co-occurs with itself. A
  cell (r, c) counts the unordered pairs {a, b} (a may be b) with r among the row codes of
  one and c among the column codes of the other, each pair once. For a symmetric matrix
  (rows and columns are the same codes) off-diagonal cells count distinct codes only and
  the diagonal counts the passages carrying the code.
- **paragraph**: a cell counts the paragraphs in which some passage carries r and some
  passage (the same or another) carries c; a passage counts in every paragraph its span
  touches. The diagonal of a symmetric matrix counts the paragraphs where the code occurs.

Passages are swept in order of their start, so only overlapping pairs are ever visited.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

Span = tuple[int, int]
Cell = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Coded:
    key: int  # the caller's id of the passage
    report: int
    start: int
    end: int
    rows: tuple[str, ...]
    columns: tuple[str, ...]


def by_report(items: Iterable[Coded]) -> dict[int, list[Coded]]:
    """Items grouped by report (reports in first-seen order), each group by start."""
    groups: dict[int, list[Coded]] = {}
    for item in items:
        groups.setdefault(item.report, []).append(item)
    for group in groups.values():
        group.sort(key=lambda c: (c.start, c.end))
    return groups


def overlapping_pairs(group: Sequence[Coded]) -> Iterator[tuple[Coded, Coded]]:
    """Pairs of distinct passages of one report (sorted by start) whose spans overlap,
    the earlier-starting one first."""
    active: list[Coded] = []
    for item in group:
        if active:
            active = [a for a in active if a.end > item.start]
        for a in active:
            yield a, item
        if item.end > item.start:
            active.append(item)


def _pair_cells(a: Coded, b: Coded, symmetric: bool) -> set[Cell]:
    if symmetric:
        out = {(x, y) if x < y else (y, x) for x in a.rows for y in b.rows if x != y}
        return out
    cells = {(r, c) for r in a.rows for c in b.columns}
    if a is not b:
        cells.update((r, c) for r in b.rows for c in a.columns)
    return cells


def _mirror(counts: dict[Cell, int]) -> dict[Cell, int]:
    out = dict(counts)
    for (x, y), n in counts.items():
        if x != y:
            out[(y, x)] = n
    return out


def overlap_counts(items: Iterable[Coded], symmetric: bool) -> dict[Cell, int]:
    counts: dict[Cell, int] = defaultdict(int)
    for group in by_report(items).values():
        for item in group:
            for cell in _pair_cells(item, item, symmetric):
                counts[cell] += 1
            if symmetric:
                for code in set(item.rows):
                    counts[(code, code)] += 1
        for a, b in overlapping_pairs(group):
            for cell in _pair_cells(a, b, symmetric):
                counts[cell] += 1
    return _mirror(counts) if symmetric else dict(counts)


def _wanted(cell: Cell, symmetric: bool) -> Cell:
    row, column = cell
    return (min(row, column), max(row, column)) if symmetric else cell


def overlap_cell(
    items: Iterable[Coded], row: str, column: str, symmetric: bool
) -> list[tuple[int, int]]:
    """The pairs (keys) one cell counts, in report order then by start."""
    wanted = _wanted((row, column), symmetric)
    diagonal = symmetric and row == column
    out: list[tuple[int, int]] = []
    for group in by_report(items).values():
        pairs: list[tuple[Coded, Coded]] = [(i, i) for i in group]
        if not diagonal:
            pairs += list(overlapping_pairs(group))
        pairs.sort(key=lambda p: (p[0].start, p[1].start, p[0].end, p[1].end))
        for a, b in pairs:
            hit = row in a.rows if diagonal else wanted in _pair_cells(a, b, symmetric)
            if hit:
                out.append((a.key, b.key))
    return out


def _paragraph_codes(
    items: Iterable[Coded], paragraphs: Mapping[int, Sequence[Span]]
) -> Iterator[tuple[int, Span, set[str], set[str], list[int]]]:
    """Per report and paragraph touched by a passage: its span, the row and column codes
    coded in it, and the keys of the passages touching it."""
    for report, group in by_report(items).items():
        spans = list(paragraphs.get(report, ()))
        starts = [s for s, _ in spans]
        rows: dict[int, set[str]] = defaultdict(set)
        columns: dict[int, set[str]] = defaultdict(set)
        keys: dict[int, list[int]] = defaultdict(list)
        for item in group:
            at = max(0, bisect.bisect_right(starts, item.start) - 1)
            while at < len(spans) and spans[at][0] < item.end:
                if spans[at][1] > item.start:
                    rows[at].update(item.rows)
                    columns[at].update(item.columns)
                    keys[at].append(item.key)
                at += 1
        for at in sorted(keys):
            yield report, spans[at], rows[at], columns[at], keys[at]


def paragraph_counts(
    items: Iterable[Coded], paragraphs: Mapping[int, Sequence[Span]], symmetric: bool
) -> dict[Cell, int]:
    counts: dict[Cell, int] = defaultdict(int)
    for _report, _span, rows, columns, _keys in _paragraph_codes(items, paragraphs):
        if symmetric:
            codes = sorted(rows)
            for i, x in enumerate(codes):
                counts[(x, x)] += 1
                for y in codes[i + 1 :]:
                    counts[(x, y)] += 1
        else:
            for r in rows:
                for c in columns:
                    counts[(r, c)] += 1
    return _mirror(counts) if symmetric else dict(counts)


def paragraph_cell(
    items: Sequence[Coded], paragraphs: Mapping[int, Sequence[Span]], row: str, column: str,
    symmetric: bool,
) -> list[tuple[int, int, int, list[int]]]:
    """The paragraphs one cell counts: (report, start, end, keys of the passages in the
    paragraph that carry the row or the column code)."""
    out: list[tuple[int, int, int, list[int]]] = []
    by_key = {item.key: item for item in items}
    for report, (start, end), rows, columns, keys in _paragraph_codes(items, paragraphs):
        have = columns if not symmetric else rows
        if row in rows and column in have:
            taking_part = [
                k for k in keys if row in by_key[k].rows or column in (
                    by_key[k].rows if symmetric else by_key[k].columns
                )
            ]
            out.append((report, start, end, taking_part))
    return out


def union_length(spans: Iterable[Span]) -> int:
    """Code points covered by the spans together (overlaps counted once)."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total
