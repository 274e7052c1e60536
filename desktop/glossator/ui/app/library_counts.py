"""The open report's line in the library (annotation, proposed and disputed counts) kept
up to date from the edits the window applies, instead of read again after each one: on a
report with thousands of markers that read cost more than the edit itself."""

from __future__ import annotations

import dataclasses

from glossator.services.values import AnnotationView, ReportSummary


def _tally(a: AnnotationView | None) -> tuple[int, int, int]:
    if a is None:
        return (0, 0, 0)
    return (1, int(a.status == "proposed"), int(a.status == "disputed"))


class ReportCounts:
    """What the edits since the last update added to the open report's counts."""

    def __init__(self) -> None:
        self.annotations = self.proposed = self.disputed = 0
        self.unsure = False  # an edit that could not be counted: read the line again

    def reset(self) -> None:
        self.annotations = self.proposed = self.disputed = 0
        self.unsure = False

    def changed(self, old: AnnotationView | None, new: AnnotationView | None, *,
                sure: bool = True) -> None:
        """An annotation went from `old` to `new` (None: absent). `sure`: every annotation
        of the report has been read, so an unknown `old` means a new annotation."""
        if old is None and not sure:
            self.unsure = True
            return
        (n0, p0, d0), (n1, p1, d1) = _tally(old), _tally(new)
        self.annotations += n1 - n0
        self.proposed += p1 - p0
        self.disputed += d1 - d0

    def applied_to(self, summary: ReportSummary) -> ReportSummary | None:
        """The summary with these changes (None: nothing changed)."""
        if not (self.annotations or self.proposed or self.disputed):
            return None
        return dataclasses.replace(
            summary,
            annotation_count=summary.annotation_count + self.annotations,
            proposed_count=summary.proposed_count + self.proposed,
            disputed_count=summary.disputed_count + self.disputed,
        )
