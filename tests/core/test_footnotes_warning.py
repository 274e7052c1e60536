"""A text that looks like it has a notes section but matched no footnote style says so."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import detect_footnotes


@pytest.mark.parametrize(
    "text",
    [
        "Body with markers written (1) as numbers.\n\nNotes\n\n(1) A note.",
        "Body.\n\nReferences\n\n1. Smith, J. (2001). A book.",
        "Cited here.[1]\n\nFootnotes\n\n- a bulleted note",
    ],
)
def test_a_notes_heading_with_nothing_matched_gives_a_warning(text: str):
    layout = detect_footnotes(text)
    assert layout.notes == ()
    assert layout.warning is not None
    assert "looks like a notes section" in layout.warning
    assert "line 3" in layout.warning and "\n" not in layout.warning


@pytest.mark.parametrize(
    "text",
    [
        "Claim.[1]\n\nNotes\n\n1. A note that matched.",
        "Plain text with no notes at all.",
        "The notes were taken.\n\nNotes\n\nWe took many notes that day.",
    ],
)
def test_no_warning_when_notes_matched_or_nothing_looks_like_notes(text: str):
    assert detect_footnotes(text).warning is None
