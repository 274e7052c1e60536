"""Plain values the services hand to the UI and the CLI: frozen, no ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FOOTNOTE_WARNING = "footnote_warning"  # key of a report's meta: why no footnotes were linked


@dataclass(frozen=True, slots=True)
class ReportSummary:
    id: int
    uuid: str
    title: str
    date: dt.date | None
    source_name: str
    source_format: str
    marker_count: int
    note_count: int
    missing_notes: tuple[str, ...]
    uncited_notes: tuple[str, ...]
    annotation_count: int
    imported_at: dt.datetime
    proposed_count: int = 0  # annotations nobody has decided on yet
    disputed_count: int = 0
    footnote_warning: str | None = None  # why no footnotes were linked, when it seems odd
    version: int = field(default=0, compare=False)  # the row's version when read (Command.based_on)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("reports", str(self.id))

    @property
    def broken_links(self) -> int:
        return len(self.missing_notes) + len(self.uncited_notes)


@dataclass(frozen=True, slots=True)
class MarkerView:
    label: str
    start: int
    end: int
    note: str | None  # label of the linked note, None when the note is missing


@dataclass(frozen=True, slots=True)
class NoteView:
    label: str
    text: str
    start: int
    end: int
    text_start: int
    cited_by: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class ReportDetail:
    summary: ReportSummary
    text: str
    body_end: int
    footnote_style: str
    encoding: str
    encoding_guessed: bool
    markers: tuple[MarkerView, ...]
    notes: tuple[NoteView, ...]
    # (offset where a page's text starts, page number), for reports read from a PDF
    pages: tuple[tuple[int, int], ...] = ()

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title

    @property
    def missing_notes(self) -> tuple[str, ...]:
        return self.summary.missing_notes

    @property
    def uncited_notes(self) -> tuple[str, ...]:
        return self.summary.uncited_notes


@dataclass(frozen=True, slots=True)
class ReportText:
    """A report's text alone: what a window needs to show it before anything else."""

    id: int
    title: str
    text: str
    sha256: str  # the hash of `text` stored with it


@dataclass(frozen=True, slots=True)
class HighlightValue:
    """An annotation as painted: its span, its colour (the first tag's), and what the
    review filters look at (author, status)."""

    id: str  # the stable UUID
    start: int
    end: int
    color: str
    author: str
    status: str
    orphaned: bool = False  # its quote was not found after a re-import: not painted


@dataclass(frozen=True, slots=True)
class SpansInRange:
    markers: tuple[MarkerView, ...]
    highlights: tuple[HighlightValue, ...]


@dataclass(frozen=True, slots=True)
class TagView:
    id: int
    uuid: str
    name: str
    parent_id: int | None
    color: str
    shortcut: str | None
    description: str
    path: str  # "Parent / Child"
    version: int = field(default=0, compare=False)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("tags", str(self.id))


@dataclass(frozen=True, slots=True)
class StanceView:
    target: str
    label: str
    intensity: int | None = None


@dataclass(frozen=True, slots=True)
class AnnotationView:
    id: str  # the stable UUID
    report_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tags: tuple[str, ...]
    tag_ids: tuple[int, ...]
    color: str
    author: str
    status: str
    speaker: str | None
    stances: tuple[StanceView, ...]
    cites: tuple[str, ...]
    note: str
    orphaned: bool
    created: dt.datetime
    modified: dt.datetime
    #: the row's version when read: build an edit with `Command.based_on(view)` so that a
    #: change someone else made since is a conflict, not overwritten
    version: int = field(default=0, compare=False)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("annotations", self.id)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What became of one file: imported, duplicate, or refused with a reason."""

    name: str
    status: str  # "imported" | "duplicate" | "refused"
    report_id: int | None = None
    title: str | None = None
    reason: str | None = None
    encoding_guessed: bool = False
    encoding: str | None = None
    footnote_warning: str | None = None  # the report seems to have notes but none was linked

    def line(self) -> str:
        if self.status == "imported":
            guess = f" (encoding guessed: {self.encoding})" if self.encoding_guessed else ""
            warning = f"; warning: {self.footnote_warning}" if self.footnote_warning else ""
            return (
                f"{self.name}: imported as report {self.report_id} \u201c{self.title}\u201d"
                f"{guess}{warning}"
            )
        if self.status == "duplicate":
            return f"{self.name}: duplicate of report {self.report_id} \u201c{self.title}\u201d"
        return f"{self.name}: refused: {self.reason}"


@dataclass(frozen=True, slots=True)
class SpeakerView:
    id: int
    uuid: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    affiliation: str
    role: str
    description: str
    uses: int  # annotations attributed to this speaker
    version: int = field(default=0, compare=False)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("speakers", str(self.id))


@dataclass(frozen=True, slots=True)
class TargetView:
    id: int
    uuid: str
    name: str
    aliases: tuple[str, ...]
    description: str
    uses: int  # stances toward this target
    version: int = field(default=0, compare=False)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("targets", str(self.id))


@dataclass(frozen=True, slots=True)
class StanceLabelView:
    id: int
    name: str
    description: str
    has_intensity: bool
    version: int = field(default=0, compare=False)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("stance_labels", str(self.id))


@dataclass(frozen=True, slots=True)
class SuggestionView:
    kind: str  # "mention" | "quote"
    start: int
    end: int
    quote: str
    speaker: str | None
    target: str | None
    cites: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.start}:{self.end}"


@dataclass(frozen=True, slots=True)
class StanceMatrix:
    """Counts of stances per speaker, target and label, over accepted and proposed work."""

    speakers: tuple[str, ...]
    targets: tuple[str, ...]
    labels: tuple[str, ...]
    counts: dict[tuple[str, str, str], int]

    def cell(self, speaker: str, target: str) -> dict[str, int]:
        return {lbl: self.counts.get((speaker, target, lbl), 0) for lbl in self.labels}

    def total(self, speaker: str, target: str) -> int:
        return sum(self.cell(speaker, target).values())
