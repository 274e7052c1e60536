"""Work that may wait until a change is painted, but never past the user's next input.

A new highlight is painted first; the inspector and the table follow a moment later (a
zero timer). Should a key or a click already be queued, it must not act on a pane that
still shows the previous state: while work is pending, an application-wide event filter
runs it before any input event is delivered, then removes itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)


class AfterPaint(QObject):
    """Runs `work` on the next turn of the event loop, or before the next input event."""

    def __init__(self, work: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run)
        self._armed = False
        self._pending = False

    def schedule(self) -> None:
        self._pending = True
        self._timer.start()
        app = QApplication.instance()
        if not self._armed and app is not None:
            app.installEventFilter(self)
            self._armed = True

    def pending(self) -> bool:
        return self._pending

    def run(self) -> None:
        """Do the work now if it is pending (nothing otherwise)."""
        was_pending = self._pending
        self.cancel()
        if was_pending:
            self._work()

    def cancel(self) -> None:
        self._pending = False
        self._timer.stop()
        app = QApplication.instance()
        if self._armed and app is not None:
            app.removeEventFilter(self)
        self._armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.run()
        return False
