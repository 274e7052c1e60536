"""What the window shows, in one object the feature controllers share: the open report, its
annotations, the selected one, the codebook's tags and the review filter; a signal for each
change. Features read and change these here instead of reaching into the window or each
other; the application package wires the panes to the signals.

A report opened in a shown window is read in steps: the text and what is in view first,
then (once painted) its notes and markers, then its annotations a page at a time between
the user's keys. Reading `report` completes the first two steps; `annotation(id)` answers
for one annotation at once (reading it alone when its page has not come yet); only
`annotations`, every value, waits for the remaining pages (`set_completer`). So no caller
ever sees half a report, and a key or a click never waits for the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from glossator.services.values import AnnotationView, ReportDetail, TagView


class Reviewed(Protocol):
    """What a review filter looks at: a full annotation value, or a highlight's span value."""

    @property
    def author(self) -> str: ...

    @property
    def status(self) -> str: ...


#: True when an annotation (or, between the two steps of opening, its in-view span) is shown
Shown = Callable[[Reviewed], bool]


class WindowState(QObject):
    """The window's values; features are given this, and the panes they work on."""

    #: a report was opened (its id, or None when none is open); emitted before it is filled
    reportOpened = Signal(object)
    #: the open report's text, markers and notes were read (or emptied); its annotations
    #: may still be coming, a page at a time
    reportShown = Signal()
    #: every annotation of the open report has been read (the pages are done)
    annotationsFilled = Signal()
    #: an annotation was selected (its id or None), and whether the inspector waits for paint
    selectionChanged = Signal(object, bool)
    #: the codebook's tags changed
    tagsChanged = Signal()
    #: which annotations the table and the report show changed (a review filter)
    filterChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report_id: int | None = None  # the report in the view, read in full or not
        self._report: ReportDetail | None = None
        self._annotations: dict[str, AnnotationView] = {}
        self.selected: str | None = None
        self.filling = False  # the open report's annotations are still coming, page by page
        self.tags: list[TagView] = []
        self.shown: Shown | None = None
        self._complete: Callable[[], None] = lambda: None
        self._complete_report: Callable[[], None] = lambda: None
        self._fetch: Callable[[str], AnnotationView | None] = lambda _id: None
        self._open: Callable[[int, int | None], bool] = lambda _id, _top: False

    # -- the open report ------------------------------------------------------------------

    def set_completer(self, complete: Callable[[], None],
                      complete_report: Callable[[], None] | None = None,
                      fetch: Callable[[str], AnnotationView | None] | None = None) -> None:
        """What finishes reading a report opened in steps (nothing once read): `complete`
        everything, `complete_report` its text, markers and notes, `fetch` one annotation
        not read yet (added to the values so far; None when the report has none such)."""
        self._complete = complete
        self._complete_report = complete_report or complete
        if fetch is not None:
            self._fetch = fetch

    def set_opener(self, open_report: Callable[[int, int | None], bool]) -> None:
        self._open = open_report

    def open_report(self, report_id: int, top: int | None = None) -> bool:
        """Ask the window to show a report (`top`: the code point whose line goes to the
        top of the view); False when it could not be read."""
        return self._open(report_id, top)

    @property
    def report(self) -> ReportDetail | None:
        self._complete_report()
        return self._report

    def report_so_far(self) -> ReportDetail | None:
        """The open report if its text, markers and notes have been read (reads nothing)."""
        return self._report

    @property
    def annotations(self) -> dict[str, AnnotationView]:
        self._complete()
        return self._annotations

    def annotations_so_far(self) -> dict[str, AnnotationView]:
        """The annotation values read so far, without completing an opening (for code that
        runs while painting, which must not read the database)."""
        return self._annotations

    def annotation(self, annotation_id: str | None) -> AnnotationView | None:
        """One annotation of the open report (None: not one of it), read at once if its
        page has not come yet; never waits for the other pages."""
        if annotation_id is None:
            return None
        found = self._annotations.get(annotation_id)
        if found is None and self.report_id is not None:
            self._complete_report()  # the pages start coming once the report is read
            found = self._annotations.get(annotation_id) or self._fetch(annotation_id)
        return found

    def report_read(self, detail: ReportDetail) -> None:
        """The open report's text, markers and notes were read; its annotations follow."""
        self._report = detail
        self.filling = True

    def filled(self) -> None:
        """Every annotation of the open report has been read."""
        self.filling = False
        self.annotationsFilled.emit()

    def add_loaded(self, views: list[AnnotationView]) -> list[AnnotationView]:
        """Values read a page at a time: those not known yet are kept (a command's newer
        value wins) and returned."""
        known = self._annotations
        fresh = [a for a in views if a.id not in known]
        known.update((a.id, a) for a in fresh)
        return fresh

    def opening(self, report_id: int | None) -> None:
        """A report is being opened: nothing of it is read yet."""
        self.report_id, self._report, self.selected, self._annotations = (
            report_id, None, None, {})
        self.filling = False
        self.reportOpened.emit(report_id)

    def shown_in_full(self, detail: ReportDetail | None, views: list[AnnotationView]) -> None:
        """The open report (None: none) and every annotation of it were read (the views
        are filled next, then `announce_shown`)."""
        self.report_id = detail.id if detail is not None else None
        self._report, self.selected = detail, None
        self._annotations = {a.id: a for a in views}
        self.filling = False
        self.reportOpened.emit(self.report_id)

    def announce_shown(self) -> None:
        """Every view shows the report read in full."""
        self.reportShown.emit()

    # -- selection, tags, filter ----------------------------------------------------------

    def select(self, annotation_id: str | None, *, after_paint: bool = False) -> None:
        """Select one annotation everywhere (None, or one not in the report: none).
        `after_paint`: the outline now, the inspector once the report view has painted."""
        if annotation_id is not None and self.annotation(annotation_id) is None:
            annotation_id = None
        self.selected = annotation_id
        self.selectionChanged.emit(annotation_id, after_paint)

    def set_tags(self, tags: list[TagView]) -> None:
        self.tags = tags
        self.tagsChanged.emit()

    def set_shown(self, shown: Shown | None) -> None:
        """Which annotations the table and the report show (None: all)."""
        self.shown = shown
        self.filterChanged.emit()
