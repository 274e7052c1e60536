"""The open report's suggestions, listed for review: kind, passage, who or what, cited notes.

Suggestions are proposals, not annotations: they live in this list and as dashed underlines
in the report until the reviewer accepts one (it becomes an annotation) or rejects it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import SuggestionView

KeyRole = Qt.ItemDataRole.UserRole + 1
HINT = ("Proposed from the codebook's names and the report's quotations. "
        "A accepts, R rejects, Shift+N / Shift+P move between them.")


def _one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def who(s: SuggestionView) -> str:
    if s.kind == "quote":
        return s.speaker or "(no speaker found)"
    return s.speaker or s.target or ""


def kind_text(s: SuggestionView) -> str:
    if s.kind == "quote":
        return "quote"
    return "speaker" if s.speaker else "target"


class SuggestionPanel(QWidget):
    """A list of suggestions in text order; the current one is the one A and R act on."""

    currentChanged = Signal(object)  # the key of the current suggestion, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self._items: dict[str, SuggestionView] = {}
        self.hint = QLabel(HINT, self)
        self.hint.setObjectName("suggestionHint")
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestionList")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Kind", "Passage", "Speaker or target", "Cites"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 70), (2, 170), (3, 50)):
            header.resizeSection(col, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        self.tree.currentItemChanged.connect(self._current_changed)

    def set_suggestions(self, suggestions: Sequence[SuggestionView]) -> None:
        """Show a new list; the current suggestion stays current, or its row's successor."""
        keep, row = self.current_key(), self.current_row()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self._items = {s.key: s for s in suggestions}
            for s in suggestions:
                item = QTreeWidgetItem(
                    [kind_text(s), _one_line(s.quote), who(s), ", ".join(s.cites)])
                item.setData(0, KeyRole, s.key)
                item.setToolTip(1, _one_line(s.quote, 600))
                self.tree.addTopLevelItem(item)
        finally:
            self.tree.blockSignals(False)
        if keep in self._items:
            self.tree.blockSignals(True)  # the same one stays current: nothing to tell
            self.select(keep)
            self.tree.blockSignals(False)
        elif row is not None and self.tree.topLevelItemCount():
            self.select_row(min(row, self.tree.topLevelItemCount() - 1))
        else:
            self.currentChanged.emit(None)

    def suggestions(self) -> list[SuggestionView]:
        return list(self._items.values())

    def count(self) -> int:
        return len(self._items)

    def current(self) -> SuggestionView | None:
        key = self.current_key()
        return self._items.get(key) if key is not None else None

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, KeyRole)) if item is not None else None

    def current_row(self) -> int | None:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else None

    def select(self, key: str | None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, KeyRole) == key:
                self.select_row(i)
                return
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # None: no current item

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def step(self, direction: int, after: int = 0) -> None:
        """The next (1) or previous (-1) suggestion; with none current, the first one after
        (or last one before) the code point `after`."""
        n = self.tree.topLevelItemCount()
        if n == 0:
            return
        row = self.current_row()
        if row is None:
            starts = [s.start for s in self._items.values()]
            ahead = [i for i, s in enumerate(starts) if s >= after]
            behind = [i for i, s in enumerate(starts) if s < after]
            row = (ahead or [0])[0] if direction > 0 else (behind or [n - 1])[-1]
        else:
            row = (row + direction) % n
        self.select_row(row)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self.currentChanged.emit(str(item.data(0, KeyRole)) if item is not None else None)
