"""A report with its annotations, as a document to print or keep: what the HTML writer (and
a printed page) shows. Plain values; offsets are code points of `text`, end exclusive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from glossator.core.analysis import Memo, Passage


@dataclass(frozen=True, slots=True)
class DocumentNote:
    """One of the report's own notes: its label and its paragraph's span in the text."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DocumentMarker:
    """A footnote marker in the text; `note` indexes `ReportDocument.notes` (None: missing)."""

    label: str
    start: int
    end: int
    note: int | None


@dataclass(frozen=True, slots=True)
class LegendEntry:
    tag: str
    path: str
    color: str
    count: int  # passages of the report coded with it


@dataclass(frozen=True, slots=True)
class ReportDocument:
    title: str
    date: dt.date | None
    source_name: str
    text: str
    notes: tuple[DocumentNote, ...]
    markers: tuple[DocumentMarker, ...]
    passages: tuple[Passage, ...]  # in order of start
    legend: tuple[LegendEntry, ...]
    memos: tuple[Memo, ...] = ()
