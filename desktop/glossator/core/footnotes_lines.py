"""Line helpers shared by the footnote detectors (plain offsets, no allocation per line)."""

from __future__ import annotations

import re

__all__ = [
    "BLANK_LINE",
    "indent_of",
    "is_blank",
    "line_end",
    "line_start",
    "looks_like_heading",
    "next_line",
    "paragraph_end",
    "skip_blank_lines",
    "skip_space",
    "starts_paragraph",
    "trim_end",
]

# A line holding only whitespace (its newline included, or the end of the text).
BLANK_LINE = re.compile(r"^[^\S\n]*(?:\n|\Z)", re.M)
_HEADING_MAX = 80
_SENTENCE_END = ".,;:!?…)]\"'”’»"


def line_end(text: str, pos: int) -> int:
    """Offset of the newline ending the line that contains ``pos`` (or ``len(text)``)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def line_start(text: str, pos: int) -> int:
    """Offset of the first character of the line that contains ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def next_line(text: str, pos: int) -> int:
    """Offset of the first character of the line after the one containing ``pos``."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end + 1


def is_blank(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds only whitespace."""
    return text[start:end].isspace() or start >= end


def trim_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over trailing whitespace, never before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def skip_space(text: str, pos: int, limit: int) -> int:
    """Move ``pos`` forward over whitespace, never past ``limit``."""
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def starts_paragraph(text: str, start: int) -> bool:
    """True when the line starting at ``start`` is the first of its paragraph."""
    if start == 0:
        return True
    previous = line_start(text, start - 1)
    return is_blank(text, previous, start - 1)


def paragraph_end(text: str, start: int, limit: int) -> int:
    """End of the last non-blank line of the paragraph whose first line starts at
    ``start``, never past ``limit`` (the paragraph stops at a blank line)."""
    last = line_end(text, start)
    pos = last + 1
    while pos < limit:
        end = line_end(text, pos)
        if is_blank(text, pos, end):
            break
        last = end
        pos = end + 1
    return min(last, limit)


def skip_blank_lines(text: str, pos: int, limit: int) -> int:
    """The start of the first non-blank line at or after ``pos`` (``limit`` if none)."""
    while pos < limit:
        end = line_end(text, pos)
        if not is_blank(text, pos, end):
            return pos
        pos = end + 1
    return limit


def indent_of(text: str, start: int) -> int:
    """Columns of leading whitespace on the line starting at ``start`` (a tab counts 4)."""
    width, pos = 0, start
    while pos < len(text) and text[pos] in " \t":
        width += 4 if text[pos] == "\t" else 1
        pos += 1
    return width


def looks_like_heading(text: str, start: int, end: int) -> bool:
    """A paragraph ``text[start:end]`` that reads as a heading: one short line that is in
    capitals or does not end as a sentence does (``CHAPTER II``, ``A STORY OF LEUX.``)."""
    line = text[start:end].strip()
    if not line or "\n" in line or len(line) > _HEADING_MAX:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    return line[-1] not in _SENTENCE_END
