"""The Orphans view: the open report's highlights whose quote a re-import did not find.

An orphan is not painted in the report (its old place now holds other text); it is listed
here with the words it quoted. Enter or a double-click selects it: the inspector says how to
fix it (select the words it should cover and press Ctrl+E, or delete it). The tab shows
only while the report has orphans, with their count.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from glossator.services import Change
from glossator.services.values import AnnotationView
from glossator.ui.state import WindowState

IdRole = Qt.ItemDataRole.UserRole + 1
HINT = ("Not painted in the report: the text they quoted is no longer where they were. "
        "Select one, then the words it should cover, and press Ctrl+E (or delete it).")


def orphan_line(a: AnnotationView) -> str:
    quote = " ".join(a.quote.split())
    if len(quote) > 90:
        quote = quote[:89] + "\u2026"
    tags = f" [{', '.join(a.tags)}]" if a.tags else ""
    return f"\u201c{quote}\u201d{tags} \u2014 {a.author}, was at {a.start:,}"


class OrphansPanel(QWidget):
    """The list; `annotationChosen` carries the id of the one chosen."""

    annotationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphansPanel")
        self.hint = QLabel(HINT, self)
        self.hint.setObjectName("orphansHint")
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("orphansList")
        self.list.setAccessibleName("Orphaned highlights")
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemDoubleClicked.connect(self._chosen)

    def set_orphans(self, orphans: list[AnnotationView]) -> None:
        self.list.clear()
        for a in sorted(orphans, key=lambda o: (o.start, o.id)):
            item = QListWidgetItem(orphan_line(a), self.list)
            item.setData(IdRole, a.id)
            item.setToolTip(a.quote)

    def ids(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [str(item.data(IdRole)) for item in items if item is not None]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.annotationChosen.emit(str(item.data(IdRole)))


class Orphans:
    """Keeps the panel, and its tab, in step with the open report."""

    def __init__(self, state: WindowState, panel: OrphansPanel, tabs: QTabWidget) -> None:
        self.state, self.panel, self.tabs = state, panel, tabs
        state.reportShown.connect(self.refresh)
        state.reportOpened.connect(lambda _id: self.refresh())
        state.annotationsFilled.connect(self.refresh)  # the last page of a long report
        panel.annotationChosen.connect(self._choose)
        self._shown: frozenset[str] = frozenset()
        self.refresh()

    def on_change(self, change: Change) -> None:
        """Listed again only when an edit makes or mends an orphan: an edit's work must not
        grow with the report's annotations (a keypress on 50,000 of them)."""
        if change.texts:
            self.refresh()
            return
        touched = change.annotations | change.annotations_removed
        if not touched:
            return
        known = self.state.annotations_so_far()
        now = {i for i in touched if (a := known.get(i)) is not None and a.orphaned}
        if now != self._shown & touched:
            self.refresh()

    def refresh(self) -> None:
        orphans = [a for a in self.state.annotations_so_far().values() if a.orphaned]
        self._shown = frozenset(a.id for a in orphans)
        self.panel.set_orphans(orphans)
        index = self.tabs.indexOf(self.panel)
        if index >= 0:
            self.tabs.setTabText(index, f"Orphans ({len(orphans)})")
            self.tabs.setTabVisible(index, bool(orphans))

    def _choose(self, annotation_id: str) -> None:
        self.state.select(annotation_id)
