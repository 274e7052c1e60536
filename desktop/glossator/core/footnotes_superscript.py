"""Footnotes with superscript-digit markers (``word³``) and notes lists under a notes
heading (``Notes``, ``Footnotes``...): every such list counts, wherever it stands."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .footnotes_bracket import find_markers, outside
from .footnotes_lines import line_start
from .footnotes_model import FootnoteLayout, Marker, Note
from .footnotes_notes import merge_found
from .footnotes_sections import (
    ALL_FORMS,
    SUPERSCRIPT_DIGITS,
    TO_ASCII,
    NotesSection,
    find_sections,
)

__all__ = [
    "SUPERSCRIPT_DIGITS",
    "cites_superscript",
    "detect_superscript",
    "find_superscript",
    "superscript_markers",
]

# A run of superscript digits attached to the preceding (non-space) character.
_MARKER = re.compile(rf"(?<=\S)([{SUPERSCRIPT_DIGITS}]+)")


def cites_superscript(text: str) -> Callable[[int, int], bool]:
    """Whether a stretch of ``text`` holds an attached superscript-digit run."""

    def cites(start: int, end: int) -> bool:
        return _MARKER.search(text, start, end) is not None

    return cites


def find_superscript(text: str) -> list[NotesSection]:
    """Every notes heading with its list (any label form: ``1.``, ``1)``, ``[1]``, ``1``,
    ``¹``)."""
    return find_sections(text, cites_superscript(text), ALL_FORMS)


def superscript_markers(text: str, notes: Sequence[Note]) -> list[Marker]:
    """Attached superscript-digit runs outside the notes, labels in ASCII digits."""
    return [
        Marker(marker.label.translate(TO_ASCII), marker.start, marker.end)
        for marker in find_markers(text, _MARKER, notes)
    ]


def has_superscript_markers(text: str, notes: Sequence[Note]) -> bool:
    """True when the text outside ``notes`` holds an attached superscript-digit run."""
    return any(_MARKER.search(text, s, e) for s, e in outside(notes, len(text)))


def detect_superscript(text: str, sections: Sequence[NotesSection]) -> FootnoteLayout:
    """Layout from the notes sections found by ``find_superscript``; ``body_end`` is the
    last section's heading."""
    found = merge_found([section.found for section in sections])
    markers = superscript_markers(text, found.notes)
    body_end = line_start(text, sections[-1].heading_start)
    return FootnoteLayout(
        "superscript", tuple(markers), tuple(found.notes), body_end, tuple(found.blocks)
    )
