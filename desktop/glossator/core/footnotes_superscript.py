"""Footnotes with superscript-digit markers (``word³``) and a ``Notes`` list at the end."""

from __future__ import annotations

import re

from .footnotes_bracket import find_markers
from .footnotes_lines import is_blank, line_end, next_line, skip_space, trim_end
from .footnotes_model import FootnoteLayout, Marker, Note

__all__ = [
    "SUPERSCRIPT_DIGITS",
    "detect_superscript",
    "find_superscript",
    "has_superscript_markers",
]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# A run of superscript digits attached to the preceding (non-space) character.
_MARKER = re.compile(rf"(?<=\S)([{SUPERSCRIPT_DIGITS}]+)")
# A line that is exactly "Notes", "Footnotes", "Endnotes" or "References" (optional colon).
_HEADING = re.compile(
    r"^[ \t]*(?:foot|end)?notes?[ \t]*:?[ \t]*$|^[ \t]*references[ \t]*:?[ \t]*$", re.M | re.I
)
# A note line: "1 text", "1. text", "1) text" or "¹ text".
_NOTE = re.compile(
    r"[ \t]*(?:(?P<ascii>\d{1,4})(?:[.)][ \t]*|[ \t]+)"
    rf"|(?P<sup>[{SUPERSCRIPT_DIGITS}]+)[ \t]*)(?=\S)"
)


def _notes_after(text: str, heading_end: int) -> tuple[list[Note], bool]:
    """The note lines following a heading, and whether any label is in superscript."""
    notes: list[Note] = []
    superscript_label = False
    pos = next_line(text, heading_end)
    after_blank = False
    while pos < len(text):
        end = line_end(text, pos)
        if is_blank(text, pos, end):
            after_blank = True
            pos = end + 1
            continue
        match = _NOTE.match(text, pos, end)
        if match is not None:
            raw = match.group("ascii") or match.group("sup")
            superscript_label = superscript_label or match.group("sup") is not None
            start = match.start("ascii") if match.group("ascii") else match.start("sup")
            text_start = skip_space(text, match.end(), end)
            notes.append(Note(raw.translate(_TO_ASCII), start, end, text_start, ""))
        elif notes and not after_blank:
            last = notes[-1]
            notes[-1] = Note(last.label, last.start, end, last.text_start, "")
        else:
            break
        after_blank = False
        pos = end + 1
    finished = []
    for note in notes:
        end = trim_end(text, note.text_start, note.end)
        finished.append(
            Note(note.label, note.start, end, note.text_start, text[note.text_start : end])
        )
    return finished, superscript_label


def find_superscript(text: str) -> tuple[int, list[Note], bool] | None:
    """The last notes heading followed by notes: (heading start, notes, superscript labels)."""
    for heading in reversed(list(_HEADING.finditer(text))):
        notes, superscript_label = _notes_after(text, heading.end())
        if notes:
            return heading.start(), notes, superscript_label
    return None


def has_superscript_markers(text: str, end: int) -> bool:
    """True when the body (``text[:end]``) holds an attached superscript-digit run."""
    return _MARKER.search(text, 0, end) is not None


def detect_superscript(text: str, found: tuple[int, list[Note], bool]) -> FootnoteLayout:
    """Layout from a notes section already located by ``find_superscript``."""
    body_end, notes, _ = found
    markers = [
        Marker(marker.label.translate(_TO_ASCII), marker.start, marker.end)
        for marker in find_markers(text, _MARKER, notes)
    ]
    return FootnoteLayout("superscript", tuple(markers), tuple(notes), body_end)
