"""The item model of a report's annotations and its text and tag filter."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QWidget,
)

from glossator.services.values import AnnotationView
from glossator.ui.common.sorted_rows import FilterOnlyProxy, SortedRowsModel

Index = QModelIndex | QPersistentModelIndex
AnnotationIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

QUOTE, TAGS, AUTHOR, STATUS, NOTE, CITES, POSITION, MODIFIED = range(8)
HEADERS = ("Quote", "Tags", "Author", "Status", "Note", "Cites", "Position", "Modified")


@cache
def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _display(a: AnnotationView, col: int) -> str:
    if col == QUOTE:
        return _one_line(a.quote)
    if col == TAGS:
        return ", ".join(a.tags)
    if col == AUTHOR:
        return a.author
    if col == STATUS:
        return a.status + (" (orphaned)" if a.orphaned else "")
    if col == NOTE:
        return _one_line(a.note, 80)
    if col == CITES:
        return ", ".join(a.cites)
    if col == POSITION:
        return f"{a.start}\u2013{a.end}"
    return a.modified.strftime("%Y-%m-%d %H:%M")


def _sort_key(a: AnnotationView, col: int) -> Any:
    if col == POSITION:
        return a.start * 1_000_000_000 + a.end
    if col == MODIFIED:
        return a.modified.isoformat()
    return _display(a, col).casefold()


class AnnotationTableModel(SortedRowsModel[AnnotationView]):
    """One row per annotation of the open report, kept sorted by the chosen column."""

    columns = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, POSITION, descending=False)

    def row_id(self, row: AnnotationView) -> str:
        return row.id

    def sort_key(self, row: AnnotationView, column: int) -> Any:
        return _sort_key(row, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(a, col)
        if role == SortRole:
            return _sort_key(a, col)
        if role == AnnotationIdRole:
            return a.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == QUOTE:
                return a.quote
            return a.note if col == NOTE and a.note else None
        if role == Qt.ItemDataRole.DecorationRole and col == TAGS:
            return swatch(a.color)
        if role == Qt.ItemDataRole.FontRole and a.orphaned:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def annotation(self, row: int) -> AnnotationView:
        return self._rows[row]

    def annotations(self) -> list[AnnotationView]:
        return list(self._rows)

    def set_annotations(self, annotations: Iterable[AnnotationView]) -> None:
        self.set_rows(annotations)

    def upsert(self, annotations: Iterable[AnnotationView]) -> None:
        self.upsert_rows(annotations)

    def remove(self, annotation_ids: Iterable[str]) -> None:
        self.remove_rows(annotation_ids)


class AnnotationFilter(FilterOnlyProxy):
    """Every word of the filter text must occur in quote, tags, note or author; plus a tag."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._tag: str | None = None
        self._shown: Callable[[AnnotationView], bool] | None = None
        self.setSortRole(SortRole)


    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_tag(self, tag: str | None) -> None:
        self._refilter(lambda: setattr(self, "_tag", tag))

    def set_shown(self, shown: Callable[[AnnotationView], bool] | None) -> None:
        """A further test rows must pass (the review filters: author, status); None: none."""
        self._refilter(lambda: setattr(self, "_shown", shown))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._tag is None and self._shown is None and not self._words:
            return True  # no filter: every row, without looking (10,000 calls on a reset)
        model = self.sourceModel()
        if not isinstance(model, AnnotationTableModel) or source_row >= model.rowCount():
            return False
        a = model.annotation(source_row)
        if self._tag is not None and self._tag not in a.tags:
            return False
        if self._shown is not None and not self._shown(a):
            return False
        if not self._words:
            return True
        haystack = "\n".join((a.quote, *a.tags, a.note, a.author, a.status)).casefold()
        return all(w in haystack for w in self._words)
