"""Footnote values: markers in the body, notes, and the layout that links them.

All offsets are code points into the normalized report text, end exclusive.

How a marker finds its note: notes come in blocks (a notes list after a chapter, a letter,
or at the end). A marker links to the note with its label in the nearest notes block after
it that has that label, else in the nearest block before it; inside a block, the first note
with the label. So labels that restart per chapter link to their own chapter's notes.
"""

from __future__ import annotations

from bisect import bisect_right
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


def _link(
    markers: tuple[Marker, ...], notes: tuple[Note, ...], blocks: tuple[int, ...] | None
) -> tuple[list[int | None], list[int]]:
    """Per marker the index of its note (None: missing); per note the index of the note
    that stands for its label in its block (itself, or an earlier note with its label)."""
    owner: list[int] = []
    first_in_block: dict[tuple[int, str], int] = {}
    # per label: the starts of the blocks that have it, and the owning note in each
    block_starts: dict[str, list[int]] = {}
    block_notes: dict[str, list[int]] = {}
    block_start: dict[int, int] = {}
    for index, note in enumerate(notes):
        block = blocks[index] if blocks is not None else 0
        start = block_start.setdefault(block, note.start)
        key = (block, note.label)
        if key not in first_in_block:
            first_in_block[key] = index
            block_starts.setdefault(note.label, []).append(start)
            block_notes.setdefault(note.label, []).append(index)
        owner.append(first_in_block[key])
    links: list[int | None] = []
    for marker in markers:
        starts = block_starts.get(marker.label)
        if starts is None:
            links.append(None)
            continue
        after = bisect_right(starts, marker.start)
        candidates = block_notes[marker.label]
        links.append(candidates[after] if after < len(starts) else candidates[-1])
    return links, owner


@dataclass(frozen=True, slots=True)
class FootnoteLayout:
    """The footnotes found in one text, in text order.

    ``blocks`` gives, per note, the number of its notes block (non-decreasing); without
    it, every note is in one block and a marker links to the first note of its label.
    ``warning`` says why a text that seems to have notes got none (or None).
    Markers without a note and notes without a marker are kept: see ``missing_notes``
    and ``uncited_notes``.
    """

    style: str
    markers: tuple[Marker, ...]
    notes: tuple[Note, ...]
    body_end: int
    blocks: tuple[int, ...] | None = None
    warning: str | None = None
    _links: tuple[int | None, ...] = field(init=False, repr=False, compare=False)
    _owner: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _marker_index: dict[Marker, int] = field(init=False, repr=False, compare=False)
    _note_index: dict[Note, int] = field(init=False, repr=False, compare=False)
    _citing: dict[int, tuple[Marker, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown footnote style: {self.style!r}")
        if self.blocks is not None and len(self.blocks) != len(self.notes):
            raise ValueError("blocks must give one block number per note")
        links, owner = _link(self.markers, self.notes, self.blocks)
        citing: dict[int, list[Marker]] = {}
        for marker, link in zip(self.markers, links, strict=True):
            if link is not None:
                citing.setdefault(link, []).append(marker)
        object.__setattr__(self, "_links", tuple(links))
        object.__setattr__(self, "_owner", tuple(owner))
        object.__setattr__(self, "_marker_index", {m: i for i, m in enumerate(self.markers)})
        object.__setattr__(self, "_note_index", {n: i for i, n in enumerate(self.notes)})
        object.__setattr__(self, "_citing", {k: tuple(v) for k, v in citing.items()})

    @property
    def links(self) -> tuple[int | None, ...]:
        """Per marker, the index in ``notes`` of its note (None when the note is missing)."""
        return self._links

    def note_for(self, marker: Marker) -> Note | None:
        """The note the marker links to, or None when the note is missing."""
        index = self._marker_index.get(marker)
        link = self._links[index] if index is not None else None
        return None if link is None else self.notes[link]

    def citations(self, note: Note) -> tuple[Marker, ...]:
        """The markers that cite ``note`` (or the note with its label in its block)."""
        index = self._note_index.get(note)
        return () if index is None else self._citing.get(self._owner[index], ())

    @property
    def missing_notes(self) -> tuple[str, ...]:
        """Labels cited by a marker but without a note, unique, in text order."""
        pairs = zip(self.markers, self._links, strict=True)
        return _unique([marker.label for marker, link in pairs if link is None])

    @property
    def uncited_notes(self) -> tuple[str, ...]:
        """Labels of notes that no marker cites, unique, in text order."""
        return _unique(
            [n.label for i, n in enumerate(self.notes) if self._owner[i] not in self._citing]
        )
