"""Footnotes written as a list of note paragraphs: ``[3] note`` (bracket) and ``[^3]: note``
(Markdown), with markers ``[3]`` / ``[^3]`` in the body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .footnotes_lines import is_blank, line_end, next_line, skip_space, trim_end
from .footnotes_model import FootnoteLayout, Marker, Note

__all__ = [
    "BRACKET_MARKER",
    "BRACKET_NOTE",
    "MARKDOWN_MARKER",
    "MARKDOWN_NOTE",
    "detect_bracket",
    "detect_markdown",
    "find_markers",
]

# `[3]` with 1-4 digits. Bracketed words ([sic], [to see]) never match.
BRACKET_MARKER = re.compile(r"\[(\d{1,4})\]")
# A note paragraph starts a line with its label: `[3] X, December 8, 2024.`
BRACKET_NOTE = re.compile(r"^[ \t]*(?P<open>\[)(?P<label>\d{1,4})\][.:]?(?=[ \t]|$)[ \t]*", re.M)
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


def _note_end(text: str, line_start: int, limit: int, indented_blocks: bool) -> int:
    """End of the note paragraph that starts on the line at ``line_start``.

    The paragraph runs over the following non-blank lines, stopping at a blank line,
    at ``limit`` (the next note's line) or, with ``indented_blocks``, continuing after
    blank lines when the next text is indented (Markdown's multi-paragraph notes).
    """
    last = line_end(text, line_start)
    pos = next_line(text, line_start)
    while pos < limit:
        end = line_end(text, pos)
        if is_blank(text, pos, end):
            resume = _continues_indented(text, end + 1, limit) if indented_blocks else None
            if resume is None:
                break
            pos = resume
            continue
        last = end
        pos = end + 1
    return min(last, limit)


def _note_blocks(text: str, pattern: re.Pattern[str], indented_blocks: bool) -> list[list[Note]]:
    """All note paragraphs, grouped into blocks separated only by blank lines."""
    matches = list(pattern.finditer(text))
    blocks: list[list[Note]] = []
    previous_end = -1
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        start = match.start("open")
        end = trim_end(text, start, _note_end(text, match.start(), limit, indented_blocks))
        text_start = skip_space(text, min(match.end(), end), end)
        note = Note(match.group("label"), start, end, text_start, text[text_start:end])
        if blocks and is_blank(text, previous_end, match.start()):
            blocks[-1].append(note)
        else:
            blocks.append([note])
        previous_end = end
    return blocks


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _outside(notes: list[Note], length: int) -> Iterator[tuple[int, int]]:
    """The spans of the text not covered by ``notes`` (sorted, non-overlapping)."""
    pos = 0
    for note in notes:
        if note.start > pos:
            yield pos, note.start
        pos = max(pos, note.end)
    if pos < length:
        yield pos, length


def find_markers(text: str, pattern: re.Pattern[str], notes: list[Note]) -> list[Marker]:
    """Markers matching ``pattern`` (group 1 = label) outside the notes' spans."""
    markers: list[Marker] = []
    for start, end in _outside(notes, len(text)):
        for match in pattern.finditer(text, start, end):
            markers.append(Marker(match.group(1), match.start(), match.end()))
    return markers


def detect_bracket(text: str) -> FootnoteLayout:
    """``[n]`` markers; the notes are the last block of ``[n] note`` paragraphs."""
    blocks = _note_blocks(text, BRACKET_NOTE, indented_blocks=False)
    notes = blocks[-1] if blocks else []
    body_end = _line_start(text, notes[0].start) if notes else len(text)
    markers = find_markers(text, BRACKET_MARKER, notes)
    return FootnoteLayout("bracket", tuple(markers), tuple(notes), body_end)


def detect_markdown(text: str) -> FootnoteLayout:
    """``[^label]`` markers; every ``[^label]: note`` definition is a note.

    ``body_end`` is the start of the last block of definitions.
    """
    blocks = _note_blocks(text, MARKDOWN_NOTE, indented_blocks=True)
    notes = [note for block in blocks for note in block]
    body_end = _line_start(text, blocks[-1][0].start) if blocks else len(text)
    markers = find_markers(text, MARKDOWN_MARKER, notes)
    return FootnoteLayout("markdown", tuple(markers), tuple(notes), body_end)
