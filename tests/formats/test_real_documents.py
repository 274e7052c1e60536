"""Real Word documents written by others (see tests/formats/real/README.md), read as Word
shows them: labels, notes and links."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.core.footnotes import detect_footnotes
from glossator.formats.reports import read_report

REAL = Path(__file__).parent / "real"

# file -> (marker labels as Word shows them, the note each links to)
TRUTH = {
    "mammoth-footnotes.docx": [("1", "A tachyon walks into a bar."), ("2", "Fin.")],
    "mammoth-endnotes.docx": [("i", "A tachyon walks into a bar."), ("ii", "Fin.")],
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_real_word_notes_are_labelled_and_linked_as_word_shows_them(name: str):
    report = read_report((REAL / name).read_bytes(), name)
    layout = detect_footnotes(report.text, report.verbatim)
    linked = [(m.label, n.text if (n := layout.note_for(m)) else None) for m in layout.markers]
    assert linked == TRUTH[name]
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert report.title == "Ouch."
