"""The warning given when a text seems to have notes but no footnote style matched them."""

from __future__ import annotations

import re

from .footnotes_lines import next_line, skip_blank_lines
from .footnotes_model import FootnoteLayout
from .footnotes_sections import SUPERSCRIPT_DIGITS, notes_headings

__all__ = ["notes_warning"]

# The first line of a numbered entry: "1.", "1)", "(1)", "[1]", "1 text", "¹ text".
_ENTRY = re.compile(
    rf"[ \t]*(?:\(?\d{{1,4}}[.):]?|\[\d{{1,4}}\]|[{SUPERSCRIPT_DIGITS}]+)[ \t]+\S"
)


def notes_warning(text: str, layout: FootnoteLayout) -> str | None:
    """A one-line warning when ``text`` has a notes heading (``Notes``, ``References``...)
    followed by numbered entries, or by anything while markers were found, yet no note was
    found: the document's notes are in a form not read."""
    if layout.notes:
        return None
    for heading in notes_headings(text):
        first = skip_blank_lines(text, next_line(text, heading.end()), len(text))
        if first >= len(text):
            continue
        if layout.markers or _ENTRY.match(text, first):
            line = text.count("\n", 0, heading.start()) + 1
            name = " ".join(heading.group().split()).rstrip(":").strip()
            found = (
                "its notes are in no style read, so the markers have no notes"
                if layout.markers
                else "no footnote style matched it: no footnotes were linked"
            )
            return f"\u201c{name}\u201d (line {line}) looks like a notes section, but {found}"
    return None
