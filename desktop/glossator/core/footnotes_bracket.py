"""Footnotes written as a list of note paragraphs: ``[3] note`` (bracket) and ``[^3]: note``
(Markdown), with markers ``[3]`` / ``[^3]`` in the body.

Bracket notes are every block of ``[n] note`` paragraphs (after each chapter, letter or at
the end: every block counts), plus the numbered lists (``1.``, ``1)``) under a notes
heading (see ``footnotes_sections``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from .footnotes_lines import is_blank, line_end, line_start, next_line, skip_space, trim_end
from .footnotes_markers import BRACKET_MARKER, bracket_markers
from .footnotes_model import FootnoteLayout, Marker, Note
from .footnotes_notes import NotesFound, NoteStart, collect_notes, merge_found
from .footnotes_sections import find_sections

__all__ = [
    "BRACKET_MARKER",
    "BRACKET_NOTE",
    "MARKDOWN_MARKER",
    "MARKDOWN_NOTE",
    "bracket_notes",
    "cites_bracket",
    "detect_bracket",
    "detect_markdown",
    "find_markers",
    "outside",
]

# A note paragraph starts a line with its label: `[3] X, December 8, 2024.`
BRACKET_NOTE = re.compile(
    r"^[ \t]*(?P<open>\[)(?P<label>\d{1,4}[a-z]?)\][.:]?(?=[ \t]|$)[ \t]*", re.M
)
# `[^label]`; labels are letters (any script), digits, `-` and `_`.
MARKDOWN_MARKER = re.compile(r"\[\^([\w-]+)\]")
MARKDOWN_NOTE = re.compile(r"^[ ]{0,3}(?P<open>\[\^)(?P<label>[\w-]+)\]:[ \t]*", re.M)


def _continues_indented(text: str, pos: int, limit: int) -> int | None:
    """After a blank line at ``pos``: the start of an indented continuation line, if any."""
    while pos < limit:
        end = line_end(text, pos)
        if not is_blank(text, pos, end):
            if text.startswith(("    ", "\t"), pos):
                return pos
            return None
        pos = end + 1
    return None


def _markdown_note_end(text: str, line: int, limit: int) -> int:
    """End of a Markdown definition: its lines, and later paragraphs indented four spaces."""
    last = line_end(text, line)
    pos = next_line(text, line)
    while pos < limit:
        end = line_end(text, pos)
        if is_blank(text, pos, end):
            resume = _continues_indented(text, end + 1, limit)
            if resume is None:
                break
            pos = resume
            continue
        last = end
        pos = end + 1
    return min(last, limit)


def _markdown_blocks(text: str) -> list[list[Note]]:
    """All definitions, grouped into blocks separated only by blank lines."""
    matches = list(MARKDOWN_NOTE.finditer(text))
    blocks: list[list[Note]] = []
    previous_end = -1
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        start = match.start("open")
        end = trim_end(text, start, _markdown_note_end(text, match.start(), limit))
        text_start = skip_space(text, min(match.end(), end), end)
        note = Note(match.group("label"), start, end, text_start, text[text_start:end])
        if blocks and is_blank(text, previous_end, match.start()):
            blocks[-1].append(note)
        else:
            blocks.append([note])
        previous_end = end
    return blocks


def outside(notes: Sequence[Note | Marker], length: int) -> Iterator[tuple[int, int]]:
    """The spans of the text not covered by ``notes`` (sorted by start; may overlap)."""
    pos = 0
    for note in notes:
        if note.start > pos:
            yield pos, note.start
        pos = max(pos, note.end)
    if pos < length:
        yield pos, length


def find_markers(text: str, pattern: re.Pattern[str], notes: Sequence[Note]) -> list[Marker]:
    """Markers matching ``pattern`` (group 1 = label) outside the notes' spans."""
    markers: list[Marker] = []
    for start, end in outside(notes, len(text)):
        for match in pattern.finditer(text, start, end):
            markers.append(Marker(match.group(1), match.start(), match.end()))
    return markers


def cites_bracket(text: str) -> Callable[[int, int], bool]:
    """Whether a stretch of ``text`` holds a ``[n]`` marker."""

    def cites(start: int, end: int) -> bool:
        return BRACKET_MARKER.search(text, start, end) is not None

    return cites


def bracket_notes(text: str, *, sections: bool = True) -> NotesFound:
    """Every block of ``[n] note`` paragraphs and (with ``sections``) every numbered list
    under a notes heading, in text order, with their block numbers."""
    cites = cites_bracket(text)
    starts = [
        NoteStart(m.group("label"), m.start("open"), m.end(), m.start())
        for m in BRACKET_NOTE.finditer(text)
    ]
    found = collect_notes(text, starts, cites)
    if not sections:
        return found
    return merge_found([found, *(section.found for section in find_sections(text, cites))])


def _markers(text: str, found: NotesFound, verbatim: Sequence[tuple[int, int]]) -> list[Marker]:
    labels = {note.label for note in found.notes}
    return [
        marker
        for marker, doubtful in bracket_markers(text, outside(found.notes, len(text)), verbatim)
        if not doubtful or marker.label in labels
    ]


def detect_bracket(text: str, verbatim: Sequence[tuple[int, int]] = ()) -> FootnoteLayout:
    """``[n]`` markers linked to the notes of ``bracket_notes``. A numbered list under a
    notes heading counts only when the body has ``[n]`` markers (else it is a list, such
    as a bibliography). ``body_end`` is the start of the last notes block (its heading,
    if it has one)."""
    found = bracket_notes(text)
    markers = _markers(text, found, verbatim)
    if not markers:
        found = bracket_notes(text, sections=False)
        markers = _markers(text, found, verbatim)
    body_end = line_start(text, found.block_starts[-1]) if found.notes else len(text)
    return FootnoteLayout(
        "bracket", tuple(markers), tuple(found.notes), body_end, tuple(found.blocks)
    )


def detect_markdown(text: str) -> FootnoteLayout:
    """``[^label]`` markers; every ``[^label]: note`` definition is a note, and a marker
    links to the first definition of its label, as Markdown does.

    ``body_end`` is the start of the last block of definitions.
    """
    blocks = _markdown_blocks(text)
    notes = [note for block in blocks for note in block]
    body_end = line_start(text, blocks[-1][0].start) if blocks else len(text)
    markers = find_markers(text, MARKDOWN_MARKER, notes)
    return FootnoteLayout("markdown", tuple(markers), tuple(notes), body_end)
