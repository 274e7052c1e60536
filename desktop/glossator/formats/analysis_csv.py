"""Counts as CSV (UTF-8 with a BOM for Excel; text cells guarded against formulas): tag
frequencies overall and per report, a co-occurrence matrix, and stance over time."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from glossator.core.analysis import UNDATED, CooccurrenceMatrix, StanceTimeline, TagFrequencies
from glossator.formats.csv_export import guard
from glossator.safe_files import atomic_text

Row = Sequence[str | int | float]


def frequency_rows(f: TagFrequencies) -> list[Row]:
    rows: list[Row] = [["tag", "path", "annotations", "reports", "characters"]]
    rows += [[guard(t.tag), guard(t.path), t.annotations, t.reports, t.characters]
             for t in f.overall]
    return rows


def per_report_rows(f: TagFrequencies) -> list[Row]:
    rows: list[Row] = [["report_id", "report_title", "report_date", "report_length", "tag",
                        "annotations", "characters", "coverage"]]
    rows += [
        [c.report_id, guard(c.report_title), c.report_date.isoformat() if c.report_date else "",
         c.report_length, guard(c.tag), c.annotations, c.characters, round(c.coverage, 6)]
        for c in f.per_report
    ]
    return rows


def matrix_rows(m: CooccurrenceMatrix) -> list[Row]:
    """A header of the columns, then one row per row code with its counts."""
    corner = f"{m.rows_kind} \\ tag ({m.mode})"
    rows: list[Row] = [[corner, *(guard(c) for c in m.columns)]]
    rows += [[guard(r), *(m.cell(r, c) for c in m.columns)] for r in m.rows]
    return rows


def timeline_rows(t: StanceTimeline) -> list[Row]:
    rows: list[Row] = [["month", *(guard(label) for label in t.labels), "total"]]
    for month in t.months:
        counts = [t.count(month, label) for label in t.labels]
        rows.append([month, *counts, sum(counts)])
    if t.undated:
        counts = [t.undated.get(label, 0) for label in t.labels]
        rows.append([UNDATED, *counts, sum(counts)])
    return rows


def write_rows(rows: Iterable[Row], path: Path) -> None:
    with atomic_text(path, encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(rows)
