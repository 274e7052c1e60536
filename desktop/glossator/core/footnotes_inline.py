"""Inline footnote blocks: ``[Footnote 3: note text]`` or ``[Note 3: note text]``.

A block usually ends in its own paragraph; it may run over several paragraphs (Project
Gutenberg's long notes) when its closing ``]`` ends a paragraph line, and never past the
next block's opening. Nested brackets (``[sic]``) are balanced.

When the body cites the blocks with bracket markers (``word[3]`` ... ``[Footnote 3: ...]``,
or ``[A]`` ... ``[Footnote A: ...]``), those are the markers and the blocks are the notes,
linked by the nearest following group of blocks. Otherwise each block is at once the
marker (the whole ``[...]``) and the note (its text inside).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .footnotes_bracket import highest_number, outside
from .footnotes_lines import is_blank, skip_space, trim_end
from .footnotes_markers import bracket_markers
from .footnotes_model import FootnoteLayout, Marker, Note

__all__ = ["INLINE_OPEN", "detect_inline", "find_inline"]

INLINE_OPEN = re.compile(r"\[(?:foot)?note[ \t]+([\w-]+)[ \t]*[:.][ \t]*", re.I)
_TOKEN = re.compile(r"[\[\]]|\n[^\S\n]*\n")
_LETTER_MARKER = re.compile(r"\[([A-Za-z])\]")


def _ends_line(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] == "\n"


def _closing_bracket(text: str, pos: int) -> int | None:
    """Offset of the ``]`` closing a block whose text starts at ``pos``, or None."""
    depth = 0
    stop: int | None = None  # the next block's opening, once a paragraph break is passed
    for token in _TOKEN.finditer(text, pos):
        if stop is not None and token.start() >= stop:
            return None
        char = token.group()
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                close = token.start()
                return close if stop is None or _ends_line(text, close + 1) else None
            depth -= 1
        elif stop is None:
            following = INLINE_OPEN.search(text, token.end())
            stop = following.start() if following else len(text)
    return None


def find_inline(text: str) -> list[tuple[Marker, Note]]:
    """Every well-formed inline block, in text order; a block is never nested in another."""
    found: list[tuple[Marker, Note]] = []
    pos = 0
    while True:
        match = INLINE_OPEN.search(text, pos)
        if match is None:
            return found
        close = _closing_bracket(text, match.end())
        if close is None:
            pos = match.end()
            continue
        start, label = match.start(), match.group(1)
        end = trim_end(text, match.end(), close)
        text_start = skip_space(text, match.end(), end)
        found.append(
            (
                Marker(label, start, close + 1),
                Note(label, start, end, text_start, text[text_start:end]),
            )
        )
        pos = close + 1


def _groups(found: list[tuple[Marker, Note]], text: str) -> list[int]:
    """Per block, its group: blocks separated only by blank space are one group."""
    groups: list[int] = []
    previous_end = -1
    for marker, _ in found:
        if groups and not is_blank(text, previous_end, marker.start):
            groups.append(groups[-1] + 1)
        else:
            groups.append(groups[-1] if groups else 0)
        previous_end = marker.end
    return groups


def _body_markers(
    text: str,
    notes: Sequence[Note],
    spans: Sequence[tuple[int, int]],
    verbatim: Sequence[tuple[int, int]],
) -> list[Marker]:
    """Bracket markers in the body: numbers (as for bracket notes) and the letters that
    name a block; a doubtful number only when it names one."""
    labels = {note.label for note in notes}
    markers = [
        marker
        for marker, doubtful in bracket_markers(text, spans, verbatim, highest_number(notes))
        if not doubtful or marker.label in labels
    ]
    for start, end in spans:
        for match in _LETTER_MARKER.finditer(text, start, end):
            if match.group(1) in labels:
                markers.append(Marker(match.group(1), match.start(), match.end()))
    return sorted(markers, key=lambda marker: marker.start)


def detect_inline(
    text: str, found: list[tuple[Marker, Note]], verbatim: Sequence[tuple[int, int]] = ()
) -> FootnoteLayout:
    """Layout from blocks found by ``find_inline``; ``verbatim`` spans (code) hold no
    markers. The notes stand where they are: there is no notes section."""
    notes = tuple(note for _, note in found)
    blocks = [marker for marker, _ in found]
    body = _body_markers(text, notes, list(outside(blocks, len(text))), verbatim)
    labels = {note.label for note in notes}
    if any(marker.label in labels for marker in body):
        return FootnoteLayout("inline", tuple(body), notes, len(text), tuple(_groups(found, text)))
    return FootnoteLayout("inline", tuple(blocks), notes, len(text))
