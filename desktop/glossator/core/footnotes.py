"""Footnote detection in normalized report text.

One style is chosen per text, by what the text contains, in this order of preference:

1. ``markdown``: ``[^label]: note`` definitions exist;
2. ``inline``: ``[Footnote 3: note]`` / ``[Note 3: note]`` blocks exist;
3. ``superscript``: a ``Notes`` / ``Footnotes`` / ``References`` heading followed by numbered
   note lines, with superscript-digit markers in the body (or superscript note labels);
4. ``bracket``: ``[3]`` markers or ``[3] note`` paragraphs exist;
5. ``markdown`` again when only ``[^label]`` markers exist (all their notes are missing);
6. ``none``.

Markers without a note and notes without a marker are always kept.
"""

from __future__ import annotations

from .footnotes_bracket import (
    BRACKET_MARKER,
    BRACKET_NOTE,
    MARKDOWN_MARKER,
    MARKDOWN_NOTE,
    detect_bracket,
    detect_markdown,
)
from .footnotes_inline import detect_inline, find_inline
from .footnotes_model import STYLES, FootnoteLayout, Marker, Note
from .footnotes_superscript import detect_superscript, find_superscript, has_superscript_markers

__all__ = ["STYLES", "FootnoteLayout", "Marker", "Note", "detect_footnotes"]


def detect_footnotes(text: str) -> FootnoteLayout:
    """Find the footnote markers and notes of ``text`` (already normalized)."""
    if MARKDOWN_NOTE.search(text):
        return detect_markdown(text)
    inline = find_inline(text)
    if inline:
        return detect_inline(text, inline)
    superscript = find_superscript(text)
    if superscript is not None:
        heading_start, _, superscript_labels = superscript
        if superscript_labels or has_superscript_markers(text, heading_start):
            return detect_superscript(text, superscript)
    if BRACKET_MARKER.search(text) or BRACKET_NOTE.search(text):
        return detect_bracket(text)
    if MARKDOWN_MARKER.search(text):
        return detect_markdown(text)
    return FootnoteLayout("none", (), (), len(text))
