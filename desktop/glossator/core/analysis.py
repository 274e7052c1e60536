"""Values of analysis across the library: passages, counts, co-occurrence, stance over time
and memos. Plain frozen values that services build, formats write and windows show.

Offsets are Unicode code points into a report's normalized text, end exclusive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from glossator.core.exchange import EPOCH, ExchangeStance

#: What a memo is about: one report, one tag, one speaker, or the whole workspace.
MEMO_KINDS = ("report", "tag", "speaker", "workspace")
#: How two passages co-occur: their spans overlap (one passage coded twice counts too), or
#: they are coded in the same paragraph.
COOCCURRENCE_MODES = ("overlap", "paragraph")
NO_SPEAKER = "(no speaker)"
NO_TAG = "(no tag)"
UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class CitedNote:
    """A footnote a passage cites: its label and its text."""

    label: str
    text: str


class Passage(NamedTuple):
    """One annotation as retrieved across the library: the quote with the text around it,
    what it is coded with, and the notes it cites. (A named tuple: a whole library's worth
    is built at a fifth of a frozen dataclass's cost.)"""

    id: str  # the annotation's UUID
    report_id: int
    report_title: str
    report_date: dt.date | None
    start: int
    end: int
    quote: str
    before: str  # the text just before the quote (its context)
    after: str  # the text just after it
    tags: tuple[str, ...] = ()
    tag_paths: tuple[str, ...] = ()  # "Parent / Child", in the order of `tags`
    tag_colors: tuple[str, ...] = ()  # "#rrggbb", in the order of `tags`
    speaker: str | None = None
    affiliation: str = ""
    stances: tuple[ExchangeStance, ...] = ()
    author: str = ""
    status: str = "proposed"
    note: str = ""
    cited: tuple[CitedNote, ...] = ()
    orphaned: bool = False
    created: dt.datetime = EPOCH
    modified: dt.datetime = EPOCH

    @property
    def color(self) -> str:
        """The colour it is painted in: its first tag's."""
        return self.tag_colors[0] if self.tag_colors else "#ffd966"


@dataclass(frozen=True, slots=True)
class TagCount:
    """How much one tag is used: passages, reports holding one, and the code points its
    passages cover (overlapping passages of the tag count their shared text once)."""

    tag: str
    path: str
    color: str
    annotations: int
    reports: int
    characters: int


@dataclass(frozen=True, slots=True)
class ReportTagCount:
    report_id: int
    report_title: str
    report_date: dt.date | None
    report_length: int  # code points of the report's text
    tag: str
    annotations: int
    characters: int

    @property
    def coverage(self) -> float:
        """The share of the report's text the tag covers, 0..1."""
        return self.characters / self.report_length if self.report_length else 0.0


@dataclass(frozen=True, slots=True)
class TagFrequencies:
    """Every tag of the codebook (in codebook order, unused ones with zeros), and one line
    per report and tag used there; `annotations` and `reports` are the passages counted
    and the reports they sit in."""

    overall: tuple[TagCount, ...]
    per_report: tuple[ReportTagCount, ...]
    annotations: int
    reports: int

    def of(self, tag: str) -> TagCount | None:
        return next((t for t in self.overall if t.tag == tag), None)


@dataclass(frozen=True, slots=True)
class CooccurrenceMatrix:
    """Rows x columns of co-occurrence counts.

    `mode` "overlap": a cell counts the pairs of passages whose spans overlap (a passage
    with both codes is a pair with itself) and which carry the row's code and the column's,
    each pair once. `mode` "paragraph": a cell counts the paragraphs in which both codes are
    coded. Rows are tags (`rows_kind` "tag": the matrix is symmetric and its diagonal counts
    the passages, or paragraphs, coded with the tag) or speakers ("speaker").
    """

    mode: str
    rows_kind: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    colors: Mapping[str, str] = field(default_factory=dict)  # tag name -> colour

    def cell(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    @property
    def largest(self) -> int:
        """The largest count off the diagonal (the top of a colour scale); 0 when empty."""
        return max((n for (r, c), n in self.counts.items() if r != c), default=0)


@dataclass(frozen=True, slots=True)
class CooccurrenceCell:
    """What one cell counts: the pairs of passage ids (overlap; the same id twice for a
    passage with both codes) or the paragraphs `(report id, start, end)` (paragraph), and
    every passage taking part, in library order."""

    row: str
    column: str
    mode: str
    pairs: tuple[tuple[str, str], ...]
    paragraphs: tuple[tuple[int, int, int], ...]
    passages: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.pairs) if self.mode == "overlap" else len(self.paragraphs)


@dataclass(frozen=True, slots=True)
class StanceTimeline:
    """Stances toward one target per month of the report's date, per label of the scale.
    `months` runs without gaps from the first month with a stance to the last ("YYYY-MM");
    stances in reports without a date are counted in `undated`."""

    target: str
    labels: tuple[str, ...]
    months: tuple[str, ...]
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (month, label)
    undated: Mapping[str, int] = field(default_factory=dict)  # label -> count

    def count(self, month: str, label: str) -> int:
        return self.counts.get((month, label), 0)

    def series(self, label: str) -> tuple[int, ...]:
        """The label's count for each month, in month order (a line of the chart)."""
        return tuple(self.count(m, label) for m in self.months)

    @property
    def largest(self) -> int:
        return max(self.counts.values(), default=0)


@dataclass(frozen=True, slots=True)
class Memo:
    """A researcher's note on a report, a tag, a speaker or the workspace (Markdown text).

    `subject` is the UUID of the report, tag or speaker (None for the workspace) and
    `subject_name` its title or name now; it is None when the subject was deleted (the memo
    is kept, and is about its subject again when the deletion is undone)."""

    id: str
    kind: str
    subject: str | None
    subject_name: str | None
    title: str
    text: str
    author: str
    created: dt.datetime
    modified: dt.datetime

    @property
    def detached(self) -> bool:
        return self.kind != "workspace" and self.subject_name is None

    @property
    def heading(self) -> str:
        """The title, else the first line of the text (at most 80 characters)."""
        if self.title:
            return self.title
        first = next((line.strip() for line in self.text.splitlines() if line.strip()), "")
        return first if len(first) <= 80 else first[:79] + "\u2026"


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(first: str, last: str) -> tuple[str, ...]:
    """Every month from `first` to `last` ("YYYY-MM"), both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)
