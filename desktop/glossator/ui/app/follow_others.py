"""Following others' changes: what other programs (another window, the command line,
colleagues on the team server) commit to the workspace appears in this window in place.

Every second, and whenever the window is activated, the workspace's change feed is asked
what others committed since (services/feed.py: one `PRAGMA data_version` on SQLite, no
query at all on PostgreSQL when nothing was notified), so an idle window costs next to
nothing and never waits on the database. Each change is applied exactly as the window's
own edits are (`ViewSync.on_change`: highlights, the table, the inspector, the review
thread, the analysis views), while the reader's place is kept: the scroll positions of the
report, the table and the library, and the selected annotation, are as they were. The
library's lines of the reports concerned are read again one by one (the list is not
rebuilt; in the next turn, so the report paints first), and a change of roles or of blind
coding is handed to `on_team`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from glossator.services import Change, Workspace
from glossator.services.feed import Changes, ChangeToken
from glossator.ui.app.layout import Panes
from glossator.ui.app.sync import ViewSync

log = logging.getLogger(__name__)

POLL_MS = 1000
WHOLE_LIBRARY = 50  # more reports changed than this: the library list is read again whole


class KeptPlace:
    """The scroll positions of the views a reader may have moved, put back after a change
    from others (rows and highlights added above move nothing)."""

    def __init__(self, areas: list[QAbstractScrollArea]) -> None:
        self._values = [(a, a.verticalScrollBar().value(), a.horizontalScrollBar().value())
                        for a in areas]

    def restore(self) -> None:
        for area, vertical, horizontal in self._values:
            area.verticalScrollBar().setValue(vertical)
            area.horizontalScrollBar().setValue(horizontal)


def described(found: Changes) -> Change | None:
    """All that others committed, as one Change whose message says who did it."""
    change = found.change
    if change is None:
        return None
    if len(found.entries) == 1:
        entry = found.entries[0]
        who = entry.reviewer or "someone else"
        return dataclasses.replace(change, message=f"{who}: {change.message}")
    names = sorted({e.reviewer or "someone else" for e in found.entries})
    return dataclasses.replace(change, message=f"{len(found.entries)} changes by "
                               f"{', '.join(names)}")


class FollowOthers(QObject):
    """Polls the change feed on a timer and on activation, and applies what it finds."""

    def __init__(self, ws: Workspace, sync: ViewSync, panes: Panes, window: QWidget,
                 on_team: Callable[[], None], say: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self.ws, self.sync, self.panes, self._on_team, self._say = ws, sync, panes, on_team, say
        self.token: ChangeToken | None = None
        self.applied = 0  # changes of others applied so far (for tests and the status bar)
        self._busy = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        #: the library's lines are read in the next turn, after the report has painted
        self._library_reports: set[int] = set()
        self._library_whole = False
        self.library_later = QTimer(self)
        self.library_later.setSingleShot(True)
        self.library_later.setInterval(0)
        self.library_later.timeout.connect(self.flush_library)
        window.installEventFilter(self)

    def start(self) -> None:
        """Follow from now on (what is committed before this is already shown)."""
        try:
            self.token = self.ws.change_token()
        except Exception as exc:  # a workspace that cannot be read: retried on the next poll
            log.warning("Cannot follow others' changes yet: %s", exc)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.timer.isActive():
            QTimer.singleShot(0, self.poll)
        return False

    def poll_now(self) -> None:
        self.poll()

    def poll(self) -> bool:
        """Ask the feed once and apply what others committed; True when something was."""
        if self._busy:
            return False
        self._busy = True
        try:
            if self.token is None:
                self.token = self.ws.change_token()
                return False
            found = self.ws.changes_since(self.token)
        except Exception as exc:  # busy, unreachable: asked again on the next turn
            if not self._failing:
                log.warning("Cannot read others' changes: %s", exc)
            self._failing = True
            return False
        finally:
            self._busy = False
        self._failing = False
        self.token = found.token
        change = described(found)
        if change is None:
            return False
        self.apply(change)
        return True

    def apply(self, change: Change) -> None:
        p = self.panes
        place = KeptPlace([p.report_view, p.table.view, p.library.view])
        selected = self.sync.state.selected
        self.sync.on_change(change)
        self.sync.library_timer.stop()  # not the whole list: the lines concerned
        self.sync.flush_table()  # the table now, so that its place can be kept
        self._update_library(change)  # read, over the counts the table's flush applied
        if change.team:
            self._on_team()
        state = self.sync.state
        if selected is not None and state.selected is None and \
                selected in state.annotations_so_far():
            state.select(selected)
        place.restore()
        self.applied += 1

    def _update_library(self, change: Change) -> None:
        library = self.panes.library
        if change.reports_removed:
            library.model.remove(change.reports_removed)
        self._library_reports |= change.reports - change.reports_removed
        self._library_reports -= change.reports_removed
        # blind coding changes every count; a burst, most of them
        self._library_whole |= change.team or len(self._library_reports) > WHOLE_LIBRARY
        self.library_later.start()

    def flush_library(self) -> None:
        """The library's lines of the reports others changed, read again (the whole list
        for a change of the team or a large burst), its scroll kept."""
        self.library_later.stop()
        reports, self._library_reports = self._library_reports, set()
        whole, self._library_whole = self._library_whole, False
        library = self.panes.library
        place = KeptPlace([library.view])
        if whole:
            self.sync.refresh_library()
        else:
            summaries = [s for r in sorted(reports)
                         if (s := self.ws.report_summary(r)) is not None]
            if summaries:
                library.model.upsert(summaries)
        place.restore()
