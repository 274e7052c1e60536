"""What the report readers' tests check of every report they read: the markers and notes
detected stand at the very characters they name."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes
from glossator.formats.reports import ParsedReport, read_report


def read_with_notes(data: bytes, name: str) -> tuple[ParsedReport, FootnoteLayout]:
    report = read_report(data, name)
    return report, detect_footnotes(report.text)


def assert_exact_spans(report: ParsedReport, layout: FootnoteLayout) -> None:
    """Each marker's span is its label in the report's marker form, each note's span its
    text."""
    form = "[^{}]" if layout.style == "markdown" else "[{}]"
    for marker in layout.markers:
        assert report.text[marker.start : marker.end] == form.format(marker.label)
    for note in layout.notes:
        assert report.text[note.text_start : note.end] == note.text
