"""What the HTML footnote tests read back: a page's text and footnote layout, and each
marker paired with the text of the note it links to (None when it links to none)."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes
from glossator.core.text import normalize_text
from glossator.formats.html_reader import read_html


def read_notes(source: str) -> tuple[str, FootnoteLayout]:
    text = normalize_text(read_html(source).text)
    return text, detect_footnotes(text)


def linked(layout: FootnoteLayout) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for marker in layout.markers:
        note = layout.note_for(marker)
        pairs.append((marker.label, None if note is None else note.text))
    return pairs
