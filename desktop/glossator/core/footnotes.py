"""Footnote detection in normalized report text.

One style is chosen per text, by what the text contains, in this order of preference:

1. ``markdown``: ``[^label]: note`` definitions exist;
2. ``inline``: ``[Footnote 3: note]`` / ``[Note 3: note]`` blocks exist (cited by ``[3]``
   markers in the body when there are such, else each block is its own marker);
3. ``superscript``: a notes heading (``Notes``, ``Footnotes``, ``References``...) with a
   list of numbered notes, and superscript-digit markers in the body (or superscript note
   labels), unless ``[n]`` markers are more numerous;
4. ``bracket``: ``[3]`` markers, ``[3] note`` paragraphs (or lettered ``[A]`` ones), or a
   ``1.`` / ``1)`` list under a notes heading;
5. ``markdown`` again when only ``[^label]`` markers exist (all their notes are missing);
6. ``none``.

Every notes block counts (after each chapter or letter, mid-document or at the end), and
a marker links to the note with its label in the nearest following block (see
``footnotes_model``). Markers without a note and notes without a marker are always kept.
A text with a notes heading but no notes found gets a ``warning``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .footnotes_bracket import (
    BRACKET_MARKER,
    BRACKET_NOTE,
    MARKDOWN_MARKER,
    MARKDOWN_NOTE,
    detect_bracket,
    detect_markdown,
    has_markdown_notes,
)
from .footnotes_inline import detect_inline, find_inline
from .footnotes_markers import LETTER_MARKER
from .footnotes_model import STYLES, FootnoteLayout, Marker, Note
from .footnotes_sections import NOTES_HEADING
from .footnotes_superscript import detect_superscript, find_superscript
from .footnotes_warning import notes_warning

__all__ = ["STYLES", "FootnoteLayout", "Marker", "Note", "detect_footnotes"]


def _choose(text: str, verbatim: Sequence[tuple[int, int]]) -> FootnoteLayout:
    if MARKDOWN_NOTE.search(text) and has_markdown_notes(text, verbatim):
        return detect_markdown(text, verbatim)
    inline = find_inline(text)
    if inline:
        return detect_inline(text, inline, verbatim)
    bracket: FootnoteLayout | None = None
    if (
        BRACKET_MARKER.search(text)
        or BRACKET_NOTE.search(text)
        or NOTES_HEADING.search(text)
        or LETTER_MARKER.search(text)
    ):
        bracket = detect_bracket(text, verbatim)
    sections = find_superscript(text) if NOTES_HEADING.search(text) else []
    if sections:
        superscript = detect_superscript(text, sections)
        labels = any(section.superscript_labels for section in sections)
        if (labels or superscript.markers) and (
            bracket is None or len(superscript.markers) >= len(bracket.markers)
        ):
            return superscript
    if bracket is not None and (bracket.markers or bracket.notes):
        return bracket
    if MARKDOWN_MARKER.search(text):
        markdown = detect_markdown(text, verbatim)
        if markdown.markers:
            return markdown
    return FootnoteLayout("none", (), (), len(text))


def detect_footnotes(text: str, verbatim: Sequence[tuple[int, int]] = ()) -> FootnoteLayout:
    """Find the footnote markers and notes of ``text`` (already normalized).

    ``verbatim``: sorted spans the format knows to be code, where brackets are never
    markers (``a[0]``)."""
    layout = _choose(text, verbatim)
    warning = notes_warning(text, layout)
    return layout if warning is None else replace(layout, warning=warning)
