"""Table models that keep their own rows sorted, one key per row.

A QSortFilterProxyModel sorts by comparing `data()` pairs: about fifteen Python calls per
row, 150,000 for a 10,000-annotation report, which made opening such a report take a second.
Here the source model sorts with a key function, inserts new rows at their place, and the
proxy only filters.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class SortedRowsModel(QAbstractTableModel, Generic[T]):
    """Rows of plain values with an identity (`row_id`) and a sort key per column.

    The row id breaks ties in the order, so every row has exactly one place: a row is found
    by bisection on its key (no position index to rebuild when a row is inserted, which
    cost a millisecond per thousand rows on every new annotation). Row ids must be
    mutually comparable (all str or all int)."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None, sort_column: int, descending: bool) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._by_id: dict[Hashable, T] = {}
        self._sort_col, self._descending = sort_column, descending

    def row_id(self, row: T) -> Hashable:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def _key(self, row: T) -> Any:
        return (self.sort_key(row, self._sort_col), self.row_id(row))

    def row_of(self, row_id: Hashable) -> int | None:
        """The row now holding the value with this id, or None."""
        row = self._by_id.get(row_id)
        if row is None:
            return None
        at = self._insert_position(row)
        return at if at < len(self._rows) and self._rows[at] is row else None

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._by_id = {self.row_id(r): r for r in rows}
        self._rows = sorted(self._by_id.values(), key=self._key, reverse=self._descending)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [self.row_id(r) for r in self._rows]
        self._sort_col, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=self._key, reverse=self._descending)
        row_of = {self.row_id(r): i for i, r in enumerate(self._rows)}
        before, after = [], []
        for index in self.persistentIndexList():
            if 0 <= index.row() < len(old_ids):
                before.append(index)
                after.append(self.index(row_of[old_ids[index.row()]], index.column()))
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
            key = self.row_id(item)
            at = self.row_of(key)
            if at is not None and self._key(item) == self._key(self._rows[at]):
                self._rows[at] = self._by_id[key] = item  # same place: changed in place
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.columns) - 1))
                continue
            if at is not None:  # its sort key changed: it moves
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                self.endRemoveRows()
            at = self._insert_position(item)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, item)
            self._by_id[key] = item
            self.endInsertRows()

    def remove_rows(self, ids: Iterable[Hashable]) -> None:
        found = (self.row_of(i) for i in set(ids))
        for at in sorted((r for r in found if r is not None), reverse=True):
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._by_id[self.row_id(self._rows[at])]
            del self._rows[at]
            self.endRemoveRows()


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
