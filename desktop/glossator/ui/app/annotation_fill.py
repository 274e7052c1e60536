"""Reading the open report's annotations a page at a time, between the user's keys.

A report with 50,000 annotations took over two seconds to read and show at once, and every
key pressed meanwhile waited. Here each turn of the event loop reads one page in text
order (`Workspace.annotation_page`) and hands it to the views, sized so that a turn takes
a few milliseconds: a key or a click is never more than one page away from being handled.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from glossator.services import StoreError, Workspace
from glossator.services.annotation_pages import Cursor
from glossator.services.values import AnnotationView
from glossator.ui.common.memory import settle_page

BUDGET = 0.006  # seconds of reading and showing per turn of the event loop
FIRST_PAGE = 100
MIN_PAGE, MAX_PAGE = 50, 4000
FINISH_PAGE = 5000  # when someone needs every value now, pages this long


class AnnotationFill(QObject):
    """Feeds `deliver` the open report's annotations page by page; `done` once all came."""

    def __init__(self, ws: Workspace, deliver: Callable[[list[AnnotationView]], None],
                 done: Callable[[], None], say: Callable[[str, int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws, self._deliver, self._done, self._say = ws, deliver, done, say
        self.report_id: int | None = None
        self._after: Cursor | None = None
        self._limit = FIRST_PAGE
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)

    @property
    def filling(self) -> bool:
        """Pages are still to come."""
        return self.report_id is not None

    def start(self, report_id: int) -> None:
        self.report_id, self._after, self._limit = report_id, None, FIRST_PAGE
        self._timer.start()

    def stop(self) -> None:
        self.report_id = None
        self._timer.stop()

    def step(self) -> None:
        """Read and show one page, sized to take about `BUDGET`."""
        if self.report_id is None:
            return
        started = time.perf_counter()
        self._read(self._limit)
        if self.report_id is None:
            return
        spent = max(time.perf_counter() - started, 1e-4)
        wanted = int(self._limit * BUDGET / spent)
        self._limit = max(MIN_PAGE, min(MAX_PAGE, (self._limit + wanted) // 2))
        self._timer.start()

    def finish(self) -> None:
        """Read every page left now (for code that needs every value)."""
        self._timer.stop()
        while self.report_id is not None:
            self._read(FINISH_PAGE)

    def fetch(self, annotation_id: str) -> AnnotationView | None:
        """One annotation of the report being filled, read alone (its page not come yet)."""
        if self.report_id is None:
            return None
        try:
            found = self.ws.annotation(annotation_id)
        except StoreError as exc:
            self._say(str(exc), 8000)
            return None
        if found is None or found.report_id != self.report_id:
            return None
        self._deliver([found])
        return found

    def _read(self, limit: int) -> None:
        report_id = self.report_id
        assert report_id is not None
        try:
            page = self.ws.annotation_page(report_id, self._after, limit)
        except StoreError as exc:  # the storage went away: what was read stays shown
            self._say(f"Not every annotation could be read: {exc}", 8000)
            self.stop()
            return
        self._deliver(list(page.annotations))
        settle_page()
        if self.report_id != report_id:  # another report was opened meanwhile
            return
        if page.next is None:
            self.stop()
            self._done()
        else:
            self._after = page.next
