"""Table models that keep their own rows sorted, one key per row.

A QSortFilterProxyModel sorts by comparing `data()` pairs: about fifteen Python calls per
row, 150,000 for a 10,000-annotation report, which made opening such a report take a second.
Here the source model sorts with a key function, inserts new rows at their place, and the
proxy only filters.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class SortedRowsModel(QAbstractTableModel, Generic[T]):
    """Rows of plain values with an identity (`row_id`) and a sort key per column."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None, sort_column: int, descending: bool) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._row_of: dict[Hashable, int] = {}
        self._sort_col, self._descending = sort_column, descending

    def row_id(self, row: T) -> Hashable:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def _key(self, row: T) -> Any:
        return self.sort_key(row, self._sort_col)

    def _reindex(self) -> None:
        self._row_of = {self.row_id(r): i for i, r in enumerate(self._rows)}

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key, reverse=self._descending)
        self._reindex()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [self.row_id(r) for r in self._rows]
        self._sort_col, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=self._key, reverse=self._descending)
        self._reindex()
        before, after = [], []
        for index in self.persistentIndexList():
            if 0 <= index.row() < len(old_ids):
                before.append(index)
                after.append(self.index(self._row_of[old_ids[index.row()]], index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _insert_position(self, row: T) -> int:
        key, lo, hi = self._key(row), 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            k = self._key(self._rows[mid])
            if (k > key) if self._descending else (k < key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def upsert_rows(self, rows: Iterable[T]) -> None:
        """Replace known rows in place; insert new ones where the order puts them."""
        for item in rows:
            at = self._row_of.get(self.row_id(item))
            if at is not None:
                self._rows[at] = item
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.columns) - 1))
                continue
            at = self._insert_position(item)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, item)
            self._reindex()
            self.endInsertRows()

    def remove_rows(self, ids: Iterable[Hashable]) -> None:
        rows = sorted((self._row_of[i] for i in set(ids) if i in self._row_of), reverse=True)
        for at in rows:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()
        if rows:
            self._reindex()


class FilterOnlyProxy(QSortFilterProxyModel):
    """Filters rows; sorting is handed to a SortedRowsModel source."""

    def _refilter(self, apply: Callable[[], object]) -> None:
        """Change the filter's criteria (`apply`) and re-filter the rows once."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            apply()
            self.endFilterChange()
        else:
            apply()
            self.invalidateRowsFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, SortedRowsModel):
            model.sort(column, order)
