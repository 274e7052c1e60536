"""Footnote values: markers in the body, notes, and the layout that links them.

All offsets are code points into the normalized report text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["STYLES", "FootnoteLayout", "Marker", "Note"]

STYLES = ("bracket", "markdown", "superscript", "inline", "none")


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote reference in the text, e.g. ``[3]``, ``[^note-a]`` or ``³``."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its whole span (label included) and where its own text begins."""

    label: str
    start: int
    end: int
    text_start: int
    text: str


def _unique(labels: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


@dataclass(frozen=True, slots=True)
class FootnoteLayout:
    """The footnotes found in one text, in text order.

    Markers without a note and notes without a marker are kept: see ``missing_notes``
    and ``uncited_notes``.
    """

    style: str
    markers: tuple[Marker, ...]
    notes: tuple[Note, ...]
    body_end: int
    _note_by_label: dict[str, Note] = field(init=False, repr=False, compare=False)
    _markers_by_label: dict[str, tuple[Marker, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown footnote style: {self.style!r}")
        by_label: dict[str, Note] = {}
        for note in self.notes:
            by_label.setdefault(note.label, note)
        citing: dict[str, list[Marker]] = {}
        for marker in self.markers:
            citing.setdefault(marker.label, []).append(marker)
        object.__setattr__(self, "_note_by_label", by_label)
        object.__setattr__(self, "_markers_by_label", {k: tuple(v) for k, v in citing.items()})

    def note_for(self, marker: Marker) -> Note | None:
        """The first note with the marker's label, or None when the note is missing."""
        return self._note_by_label.get(marker.label)

    def citations(self, note: Note) -> tuple[Marker, ...]:
        """The markers that cite ``note`` (same label), in text order."""
        return self._markers_by_label.get(note.label, ())

    @property
    def missing_notes(self) -> tuple[str, ...]:
        """Labels cited by a marker but without a note, unique, in text order."""
        return _unique([m.label for m in self.markers if m.label not in self._note_by_label])

    @property
    def uncited_notes(self) -> tuple[str, ...]:
        """Labels of notes that no marker cites, unique, in text order."""
        return _unique([n.label for n in self.notes if n.label not in self._markers_by_label])
