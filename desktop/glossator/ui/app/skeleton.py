"""What the window shows the moment it opens, before its panes and features are built.

The library's list (read in one statement), an empty report area and empty side panes,
laid out as the real panes will be, at the window's remembered size. Building the real
window imports the services, the ORM and every feature (about as long as the rest of the
start-up); the skeleton imports none of them, so the first paint comes in about the time a
bare window with SQLAlchemy takes. `MainWindow.assemble` replaces it after that paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.library import FirstLine
from glossator.ui.app.pane_sizes import DEFAULT_SIZE, SPLITTER_SIZES
from glossator.ui.app.settings import AppSettings, restore_layout

HEADERS = ("Title", "Date", "#")
FALLBACK_MS = 500  # build the window even if no paint comes (a minimised window)


class Skeleton(QWidget):
    """The panes' places, filled with what is at hand; `after_paint` runs once painted.
    Items, not a Python model: nothing here touches Qt's enums or calls back into Python
    per row, so the first paint costs what Qt's own widgets cost."""

    def __init__(self, reports: Sequence[FirstLine], after_paint: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowSkeleton")
        self._after_paint: Callable[[], None] | None = after_paint
        # Horizontal, as the window's main splitter. No parent given: QSplitter(parent)
        # must be told apart from QSplitter(orientation), and that makes Qt's enums (50 ms).
        self.main = QSplitter()
        self.main.setObjectName("mainSplitter")
        library = QWidget(self.main)
        search = QLineEdit(library)
        search.setPlaceholderText("Search the library")
        search.setEnabled(False)
        self.list = QTreeWidget(library)
        self.list.setColumnCount(len(HEADERS))
        self.list.setHeaderLabels(list(HEADERS))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.addTopLevelItems([
            QTreeWidgetItem([r.title, r.date.isoformat() if r.date else "",
                             "" if r.annotation_count is None else str(r.annotation_count)])
            for r in reports])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column = QVBoxLayout(library)
        column.setContentsMargins(6, 6, 6, 2)
        column.addWidget(QLabel("Library", library))
        column.addWidget(search)
        column.addWidget(self.list, 1)
        centre = QWidget(self.main)
        report = QPlainTextEdit(centre)
        report.setReadOnly(True)
        report.setPlaceholderText("Opening\u2026")
        stacked = QVBoxLayout(centre)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(report, 5)
        stacked.addWidget(QTableView(centre), 2)
        QListView(self.main)
        self.main.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.main)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self._painted)
        self._fallback.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self._painted)  # once this frame is on the screen

    def cancel(self) -> None:
        """The window closed before it was built: build nothing."""
        self._after_paint = None
        self._fallback.stop()

    def _painted(self) -> None:
        run, self._after_paint = self._after_paint, None
        self._fallback.stop()
        if run is not None:
            run()


def show_skeleton(window: QMainWindow, settings: AppSettings,
                  reports: Sequence[FirstLine], after_paint: Callable[[], None]) -> Skeleton:
    """Put the skeleton in the window, at its remembered size and pane sizes."""
    skeleton = Skeleton(reports, after_paint, window)
    window.setCentralWidget(skeleton)
    restore_layout(settings, window, {"main": skeleton.main}, DEFAULT_SIZE,
                   {"main": SPLITTER_SIZES["main"]})
    return skeleton
