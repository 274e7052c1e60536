"""Inline footnote blocks: ``[Footnote 3: note text]`` or ``[Note 3: note text]``.

The block is at once the marker (the whole ``[...]``) and the note (its text inside).
"""

from __future__ import annotations

import re

from .footnotes_lines import skip_space, trim_end
from .footnotes_model import FootnoteLayout, Marker, Note

__all__ = ["INLINE_OPEN", "detect_inline", "find_inline"]

INLINE_OPEN = re.compile(r"\[(?:foot)?note[ \t]+([\w-]+)[ \t]*[:.][ \t]*", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _closing_bracket(text: str, pos: int) -> int | None:
    """Offset of the ``]`` closing a block whose text starts at ``pos``.

    Nested brackets (``[sic]``) are balanced; a block never spans a blank line.
    """
    depth = 0
    limit_match = _PARAGRAPH_BREAK.search(text, pos)
    limit = limit_match.start() if limit_match else len(text)
    while pos < limit:
        char = text[pos]
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return pos
            depth -= 1
        pos += 1
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


def detect_inline(text: str, found: list[tuple[Marker, Note]]) -> FootnoteLayout:
    """Layout from blocks found by ``find_inline``; notes are inline, so no notes section."""
    markers = tuple(marker for marker, _ in found)
    notes = tuple(note for _, note in found)
    return FootnoteLayout("inline", markers, notes, len(text))
