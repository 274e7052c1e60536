"""Which notes a new highlight cites, found in time independent of the report's size.

The core rule (`core.citations.cited_labels`) looks at the markers inside the passage and
the next one in its paragraph. On a report with ten thousand markers, handing it every
marker and paragraph made each keypress scan them all; here the paragraph is found by
bisection and only the markers from the passage's start to its paragraph's end are given.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from glossator.core.citations import cited_labels
from glossator.core.footnotes_model import FootnoteLayout, Marker
from glossator.core.text import paragraphs
from glossator.services.values import ReportDetail

_STYLES = ("bracket", "markdown", "superscript", "inline", "none")


class CitationFinder:
    """One report's markers and paragraphs, sorted once, for many highlights."""

    def __init__(self, report: ReportDetail) -> None:
        self.text = report.text
        self.style = report.footnote_style if report.footnote_style in _STYLES else "none"
        self.body_end = report.body_end
        self.markers = sorted((Marker(m.label, m.start, m.end) for m in report.markers),
                              key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.markers]
        self.paragraphs = paragraphs(report.text)
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.noted = frozenset(n.label for n in report.notes)

    def paragraph_of(self, position: int) -> tuple[int, int] | None:
        i = bisect_right(self.paragraph_starts, position) - 1
        if i >= 0 and self.paragraphs[i][0] <= position < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None

    def cites(self, span: tuple[int, int]) -> tuple[str, ...]:
        """The labels of the notes `span` cites that the report has, in text order."""
        start, end = span
        paragraph = self.paragraph_of(max(start, end - 1))
        last = max(end, paragraph[1]) if paragraph is not None else end
        near = self.markers[bisect_left(self.starts, start) : bisect_right(self.starts, last)]
        layout = FootnoteLayout(self.style, tuple(near), (), self.body_end)
        labels = cited_labels(span, layout, [paragraph] if paragraph else [], text=self.text)
        return tuple(label for label in labels if label in self.noted)
