"""Analysis in slices of reports, for a window that must answer between two paints.

Every count of the analysis is a sum over reports: a passage, an overlapping pair and a
paragraph each belong to one report, and so do the reports a tag is used in. A query can
therefore run over a few reports at a time (`report_order` gives them in library order, so
passages found slice by slice come in the order one query gives), and the slices' results
merged are the whole query's result. `Sliced` holds such a run: `step(n)` runs the next `n`
reports, each step a short read of its own; what the caller does between steps (paint,
take input) is its own business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Generic, TypeVar

from sqlalchemy import Connection, select

from glossator.core.analysis import (
    CooccurrenceCell,
    CooccurrenceMatrix,
    StanceTimeline,
    TagCount,
    TagFrequencies,
    months_between,
)
from glossator.services.passage_filters import PassageQuery
from glossator.services.passages import PassageSelection
from glossator.store.models import ReportRow
from glossator.store.search import reports_with_words

T = TypeVar("T")


def report_order(conn: Connection, query: PassageQuery) -> tuple[int, ...]:
    """The reports a query can find passages in, in library order (date, undated last,
    then id): all of them, or those it names, dated in its range, holding its words."""
    r = ReportRow
    stmt = select(r.id).order_by(r.date.asc().nulls_last(), r.id)
    if query.report_ids:
        stmt = stmt.where(r.id.in_(sorted(set(query.report_ids))))
    if query.date_from is not None:
        stmt = stmt.where(r.date >= query.date_from)
    if query.date_to is not None:
        stmt = stmt.where(r.date <= query.date_to)
    ids = [int(i) for i in conn.execute(stmt).scalars()]
    if query.words.strip():
        holding = reports_with_words(conn, query.words)
        if holding is not None:
            ids = [i for i in ids if i in holding]
    return tuple(ids)


def in_reports(query: PassageQuery, report_ids: Sequence[int]) -> PassageQuery:
    """The query limited to some of the reports `report_order` gave for it."""
    return replace(query, report_ids=tuple(report_ids))


# -- merging two slices' results (the earlier slice first) -------------------------------------


def merge_selection(a: PassageSelection, b: PassageSelection) -> PassageSelection:
    return PassageSelection(a.query, a.ids + b.ids)


def merge_frequencies(a: TagFrequencies, b: TagFrequencies) -> TagFrequencies:
    counts: dict[str, TagCount] = {t.tag: t for t in a.overall}
    for t in b.overall:
        was = counts.get(t.tag)
        counts[t.tag] = t if was is None else TagCount(
            t.tag, t.path, t.color, was.annotations + t.annotations, was.reports + t.reports,
            was.characters + t.characters)
    return TagFrequencies(tuple(counts.values()), a.per_report + b.per_report,
                          a.annotations + b.annotations, a.reports + b.reports)


def merge_matrix(a: CooccurrenceMatrix, b: CooccurrenceMatrix) -> CooccurrenceMatrix:
    counts = dict(a.counts)
    for key, n in b.counts.items():
        counts[key] = counts.get(key, 0) + n
    colors = {**a.colors, **b.colors}  # every tag, in codebook order
    used = set(a.columns) | set(b.columns)
    columns = tuple(t for t in colors if t in used)
    columns += tuple(sorted(used - set(columns)))  # a tag gone from the codebook meanwhile
    if a.rows_kind == "tag":
        rows = columns
    else:
        rows = tuple(sorted(set(a.rows) | set(b.rows), key=str.casefold))
    return CooccurrenceMatrix(a.mode, a.rows_kind, rows, columns, counts, colors)


def merge_cell(a: CooccurrenceCell, b: CooccurrenceCell) -> CooccurrenceCell:
    return CooccurrenceCell(a.row, a.column, a.mode, a.pairs + b.pairs,
                            a.paragraphs + b.paragraphs,
                            tuple(dict.fromkeys(a.passages + b.passages)))


def merge_timeline(a: StanceTimeline, b: StanceTimeline) -> StanceTimeline:
    counts = dict(a.counts)
    for key, n in b.counts.items():
        counts[key] = counts.get(key, 0) + n
    undated = dict(a.undated)
    for label, n in b.undated.items():
        undated[label] = undated.get(label, 0) + n
    seen = sorted({m for m, _ in counts})
    months = months_between(seen[0], seen[-1]) if seen else ()
    return StanceTimeline(a.target, a.labels, months, counts, undated)


class Sliced(Generic[T]):
    """One query run over its reports a few at a time.

    `run(query)` computes the result for a query limited to some reports; `merge` adds a
    later slice's result to the earlier ones'. With no report to look in, one step runs the
    query as it is (so a name the codebook does not know is still an error)."""

    def __init__(self, query: PassageQuery, reports: Sequence[int],
                 run: Callable[[PassageQuery], T], merge: Callable[[T, T], T]) -> None:
        self.query, self.reports = query, tuple(reports)
        self._run, self._merge = run, merge
        self.done_reports = 0
        self.result: T | None = None
        self._whole = not self.reports

    @property
    def done(self) -> bool:
        return not self._whole and self.done_reports >= len(self.reports)

    @property
    def total(self) -> int:
        return len(self.reports)

    def step(self, count: int) -> T:
        """Run the next `count` reports (at least one); the result so far."""
        if self._whole:
            self._whole = False
            self.result = self._run(self.query)
            return self.result
        if self.done:
            assert self.result is not None
            return self.result
        chunk = self.reports[self.done_reports : self.done_reports + max(1, count)]
        part = self._run(in_reports(self.query, chunk))
        self.done_reports += len(chunk)
        self.result = part if self.result is None else self._merge(self.result, part)
        return self.result
