"""The item model of a report's annotations: sorted and filtered by itself.

A QSortFilterProxyModel calls Python once per row whenever its mapping is rebuilt (a new
sort order, a batch of rows landing in many places), which at 50,000 annotations froze the
window for a tenth of a second or more. Here the model keeps every row and the rows that
pass the filter in key order (`OrderedRows`): a batch read while a report fills is merged in
one pass, one row found or placed by a bisection in C, and the view is told of one block of
new rows, or of one layout change when they land in many places.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QWidget

from glossator.services.values import AnnotationView
from glossator.ui.annotations.columns import (
    AUTHOR,
    CITES,
    HEADERS,
    MODIFIED,
    NOTE,
    POSITION,
    QUOTE,
    SEARCHED,
    SPEAKER,
    STANCES,
    STATUS,
    TAGS,
    TIPS,
    display,
    filter_words,
    searched_text,
    sort_key,
)
from glossator.ui.annotations.ordered import Key, OrderedRows
from glossator.ui.common.headers import column_header

__all__ = ["AUTHOR", "CITES", "MODIFIED", "NOTE", "POSITION", "QUOTE", "SPEAKER", "STANCES",
           "STATUS", "TAGS", "AnnotationIdRole", "AnnotationTableModel", "swatch"]

Index = QModelIndex | QPersistentModelIndex
AnnotationIdRole = Qt.ItemDataRole.UserRole + 1
Shown = Callable[[AnnotationView], bool]


@cache
def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


@cache
def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


class _Searched:
    """What the text filter looks at in one annotation, case-folded once."""

    __slots__ = ("cites", "texts")

    def __init__(self, a: AnnotationView) -> None:
        self.texts = {col: searched_text(a, col) for col in SEARCHED}
        self.cites = frozenset(label.casefold() for label in a.cites)

    def has(self, col: int | None, word: str) -> bool:
        if col is None:
            return any(word in text for text in self.texts.values())
        if col == CITES:
            return word in self.cites  # `cites:2` is note 2, not 12
        return word in self.texts[col]


class AnnotationTableModel(QAbstractTableModel):
    """One row per annotation of the open report that passes the filter, in the order of
    the chosen column (ties in order of ids). `rowCount` counts the rows shown; `total`
    every annotation held."""

    columns = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, AnnotationView] = {}
        self._col, self._descending = POSITION, False
        self._all: OrderedRows[AnnotationView] = OrderedRows()
        self._shown = self._all  # the same object while nothing is filtered out
        self._words: list[tuple[int | None, str]] = []
        self._tag: str | None = None
        self._test: Shown | None = None
        self._searched: dict[str, _Searched] = {}

    # -- reading --------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def _at(self, row: int) -> int:
        return len(self._shown) - 1 - row if self._descending else row

    def annotation(self, row: int) -> AnnotationView:
        """The annotation shown in `row`."""
        return self._shown.rows[self._at(row)]

    def annotations(self) -> list[AnnotationView]:
        """The annotations shown, top to bottom."""
        rows = self._shown.rows
        return list(reversed(rows)) if self._descending else list(rows)

    def shown_ids(self) -> list[str]:
        return [a.id for a in self.annotations()]

    def total(self) -> int:
        """Every annotation the model holds, shown or filtered out."""
        return len(self._by_id)

    def get(self, annotation_id: str) -> AnnotationView | None:
        return self._by_id.get(annotation_id)

    def _key(self, a: AnnotationView) -> Key:
        return (sort_key(a, self._col), a.id)

    def row_of(self, annotation_id: Hashable) -> int | None:
        """The row showing this annotation, or None (unknown, or filtered out)."""
        a = self._by_id.get(str(annotation_id))
        if a is None:
            return None
        i = self._shown.find(self._key(a))
        return None if i is None else self._at(i)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(HEADERS, TIPS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        a, col = self.annotation(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display(a, col)
        if role == AnnotationIdRole:
            return a.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == QUOTE:
                return a.quote
            return a.note if col == NOTE and a.note else None
        if role == Qt.ItemDataRole.DecorationRole and col == TAGS:
            return swatch(a.color)
        if role == Qt.ItemDataRole.FontRole and a.orphaned:
            return _italic()
        return None

    # -- filter ---------------------------------------------------------------------------

    def _filtering(self) -> bool:
        return bool(self._words) or self._tag is not None or self._test is not None

    def accepts(self, a: AnnotationView) -> bool:
        """Whether the filter lets `a` through."""
        if self._tag is not None and self._tag not in a.tags:
            return False
        if self._test is not None and not self._test(a):
            return False
        if not self._words:
            return True
        found = self._searched.get(a.id)
        if found is None:
            found = self._searched[a.id] = _Searched(a)
        return all(found.has(col, word) for col, word in self._words)

    def set_text(self, text: str) -> None:
        """Every word must occur in some column; `speaker:tamimi`, `stance:against`,
        `cites:2`, `tag:threat` ... look in that column only."""
        self._refilter(lambda: setattr(self, "_words", filter_words(text)))

    def set_tag(self, tag: str | None) -> None:
        self._refilter(lambda: setattr(self, "_tag", tag))

    def set_shown(self, shown: Shown | None) -> None:
        """A further test rows must pass (the review filters: author, status); None: none."""
        self._refilter(lambda: setattr(self, "_test", shown))

    def _filtered(self) -> OrderedRows[AnnotationView]:
        if not self._filtering():
            return self._all
        accepts = self.accepts
        return OrderedRows(((k, a) for k, a in self._all.pairs() if accepts(a)), ordered=True)

    def _refilter(self, change: Callable[[], object]) -> None:
        self.beginResetModel()
        change()
        self._shown = self._filtered()
        self.endResetModel()

    # -- changing -------------------------------------------------------------------------

    def set_annotations(self, annotations: Iterable[AnnotationView]) -> None:
        self.beginResetModel()
        self._by_id = {a.id: a for a in annotations}
        self._searched = {}
        self._all = OrderedRows((self._key(a), a) for a in self._by_id.values())
        self._shown = self._filtered()
        self.endResetModel()

    def add(self, annotations: Iterable[AnnotationView]) -> None:
        """Rows read while a report fills: new ones merged in at their places in one pass
        (known ones are replaced, as by `upsert`)."""
        listed = list(annotations)
        known = [a for a in listed if a.id in self._by_id]
        if known:
            self.upsert(known)
        new = {a.id: a for a in listed if a.id not in self._by_id}
        if not new:
            return
        pairs = sorted(((self._key(a), a) for a in new.values()), key=lambda pair: pair[0])
        self._by_id.update(new)
        if self._shown is self._all:
            self._merge_shown(pairs)
            return
        self._all.merge(pairs, self._all.places(pairs))
        accepts = self.accepts
        self._merge_shown([pair for pair in pairs if accepts(pair[1])])

    def _merge_shown(self, pairs: list[tuple[Key, AnnotationView]]) -> None:
        if not pairs:
            return
        shown = self._shown
        places = shown.places(pairs)
        if places[0] == places[-1]:  # one block of rows
            n, k = len(shown), len(pairs)
            first = n - places[0] if self._descending else places[0]
            self.beginInsertRows(QModelIndex(), first, first + k - 1)
            shown.merge(pairs, places)
            self.endInsertRows()
            return
        self._relayout(lambda: shown.merge(pairs, places))

    def _relayout(self, change: Callable[[], object]) -> None:
        """Rows move: the view keeps its current and selected rows on the same annotations."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.annotation(i.row()).id if 0 <= i.row() < len(self._shown) else None
               for i in before]
        change()
        after = []
        for index, annotation_id in zip(before, ids, strict=True):
            row = self.row_of(annotation_id) if annotation_id is not None else None
            after.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def upsert(self, annotations: Iterable[AnnotationView]) -> None:
        """Replace known rows (in place when they keep their place); insert new ones where
        the order puts them."""
        for a in annotations:
            old = self._by_id.get(a.id)
            self._searched.pop(a.id, None)
            if old is not None:
                key = self._key(a)
                row = self.row_of(a.id)
                if self._key(old) == key and row is not None and self.accepts(a):
                    self._by_id[a.id] = a
                    self._shown.rows[self._at(row)] = a
                    if self._shown is not self._all:
                        j = self._all.find(key)
                        if j is not None:
                            self._all.rows[j] = a
                    self.dataChanged.emit(self.index(row, 0),
                                          self.index(row, len(HEADERS) - 1))
                    continue
                self._drop(old)
            self._by_id[a.id] = a
            key = self._key(a)
            if self._shown is not self._all:
                self._all.insert(key, a)
                if not self.accepts(a):
                    continue
            place = self._shown.place(key)
            row = len(self._shown) - place if self._descending else place
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(key, a)
            self.endInsertRows()

    def _drop(self, a: AnnotationView) -> None:
        """Take `a` (the value held now) out of every row list."""
        key = self._key(a)
        row = self.row_of(a.id)
        if self._shown is not self._all:
            i = self._all.find(key)
            if i is not None:
                self._all.remove_at(i)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._shown.remove_at(self._at(row))
            self.endRemoveRows()
        del self._by_id[a.id]

    def remove(self, annotation_ids: Iterable[str]) -> None:
        for annotation_id in set(annotation_ids):
            a = self._by_id.get(annotation_id)
            if a is not None:
                self._drop(a)
                self._searched.pop(annotation_id, None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._col, self._descending):
            return

        def resort() -> None:
            changed = column != self._col
            self._col, self._descending = column, descending
            if not changed:  # the other way round: the same lists, read from the end
                return
            shown = None if self._shown is self._all else {a.id for a in self._shown.rows}
            self._all = OrderedRows((self._key(a), a) for a in self._by_id.values())
            self._shown = self._all if shown is None else OrderedRows(
                ((k, a) for k, a in self._all.pairs() if a.id in shown), ordered=True)

        self._relayout(resort)
