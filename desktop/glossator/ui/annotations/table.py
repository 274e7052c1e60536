"""The table of the open report's annotations: sortable, filterable, double-click to jump."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import AnnotationView, TagView
from glossator.ui.annotations.columns import (
    POSITION,
    QUOTE,
    SPEAKER,
    STANCES,
    TAGS,
    WIDTHS,
)
from glossator.ui.annotations.table_model import (
    AnnotationIdRole,
    AnnotationTableModel,
    swatch,
)

QUOTE_MIN_CHARS = 40  # below this the table scrolls sideways instead of squeezing the quote

__all__ = ["POSITION", "QUOTE", "SPEAKER", "STANCES", "TAGS", "AnnotationIdRole",
           "AnnotationTable", "AnnotationTableModel"]


class AnnotationTable(QWidget):
    """Filter bar over a sortable table; selecting a row selects the annotation. The model
    sorts and filters itself (see `table_model`)."""

    annotationSelected = Signal(str)
    annotationActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self._selected: str | None = None
        self._quiet = 0
        self.model = AnnotationTableModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("annotationFilter")
        self.search.setPlaceholderText(
            "Filter: words in any column, or speaker:, stance:, cites:, tag:, author:, "
            "status:, note:")
        self.search.setToolTip(
            "Every word must occur in some column. Put a column's name before a word to "
            "look in that column only: speaker:tamimi, stance:against, cites:2")
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setObjectName("annotationTagFilter")
        self.tag_filter.addItem("All tags", None)
        self.view = QTableView(self)
        self.view.setObjectName("annotationTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(POSITION, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("Cites") + 24)
        char = self.fontMetrics().averageCharWidth()
        for col, chars in WIDTHS.items():
            header.resizeSection(col, chars * char + 12)
        self._quote_min = QUOTE_MIN_CHARS * char
        self._quote_stretched: bool | None = None
        self.view.viewport().installEventFilter(self)
        self._fit_quote()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.tag_filter)
        self.filter_bar = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(lambda text: self._quietly(self.model.set_text, text))
        self.tag_filter.currentIndexChanged.connect(
            lambda _i: self._quietly(self.model.set_tag, self.tag_filter.currentData()))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)  # double-click or Enter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_quote()
        return False

    def _fit_quote(self) -> None:
        """The quote takes the width the other columns leave, but never less than about
        forty characters: narrower than that, the table scrolls sideways instead."""
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != QUOTE)
        stretch = self.view.viewport().width() - others >= self._quote_min
        if stretch == self._quote_stretched:
            return
        self._quote_stretched = stretch
        if stretch:
            header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(QUOTE, self._quote_min)

    def set_tags(self, tags: list[TagView]) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in tags:
            self.tag_filter.addItem(swatch(tag.color), tag.path, tag.name)
        found = self.tag_filter.findData(chosen)
        self.tag_filter.setCurrentIndex(max(found, 0))
        self.tag_filter.blockSignals(False)
        self._quietly(self.model.set_tag, self.tag_filter.currentData())

    def add_filter(self, widget: QWidget) -> None:
        """Another filter control at the end of the filter bar."""
        self.filter_bar.addWidget(widget)

    def set_shown(self, shown: Callable[[AnnotationView], bool] | None) -> None:
        """Show only the annotations that pass `shown` (None: every one)."""
        self._quietly(self.model.set_shown, shown)

    def _quietly(self, change: Callable[..., object], *args: object) -> None:
        """Row moves caused by reloading or filtering select nothing; the selected
        annotation's row is marked again afterwards."""
        self._quiet += 1
        try:
            change(*args)
        finally:
            self._quiet -= 1
        self.select_annotation(self._selected)

    def set_annotations(self, annotations: Iterable[AnnotationView]) -> None:
        self._selected = None
        self._quietly(self.model.set_annotations, annotations)

    def upsert(self, annotations: Iterable[AnnotationView]) -> None:
        self._quietly(self.model.upsert, annotations)

    def add(self, annotations: Iterable[AnnotationView]) -> None:
        """Rows read while the report fills, merged in at their places (sorted, filtered)."""
        self._quietly(self.model.add, annotations)

    def shown_ids(self) -> list[str]:
        """The ids of the annotations the table shows (filtered), top to bottom."""
        return self.model.shown_ids()

    def remove(self, annotation_ids: Iterable[str]) -> None:
        self._quietly(self.model.remove, annotation_ids)

    def _id_at(self, index: QModelIndex) -> str | None:
        value = index.data(AnnotationIdRole) if index.isValid() else None
        return str(value) if value is not None else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self._id_at(current)
        if found is not None and not self._quiet:
            self._selected = found
            self.annotationSelected.emit(found)

    def _activated(self, index: QModelIndex) -> None:
        found = self._id_at(index)
        if found is not None:
            self.annotationActivated.emit(found)

    def selected_id(self) -> str | None:
        return self._id_at(self.view.currentIndex())

    def select_annotation(self, annotation_id: str | None, *, notify: bool = False) -> None:
        """Make the annotation's row current (and visible); None clears the selection."""
        self._selected = annotation_id
        selection = self.view.selectionModel()
        row = self.model.row_of(annotation_id) if annotation_id else None
        index = self.model.index(row, QUOTE) if row is not None else QModelIndex()
        self.blockSignals(not notify)
        try:
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index)
            else:
                selection.clear()
        finally:
            self.blockSignals(False)
