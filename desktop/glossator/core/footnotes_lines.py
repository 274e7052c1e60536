"""Line helpers shared by the footnote detectors (plain offsets, no allocation per line)."""

from __future__ import annotations

__all__ = [
    "is_blank",
    "line_end",
    "next_line",
    "skip_space",
    "trim_end",
]


def line_end(text: str, pos: int) -> int:
    """Offset of the newline ending the line that contains ``pos`` (or ``len(text)``)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


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
