"""The agreement dialog's confusion matrix: one field at a time, A's value by B's value,
and the passages of the selected cell (double-click one to see it in the report)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.agreement import AgreementResult
from glossator.ui.review.agreement_field_models import ConfusionModel

PassageRole = Qt.ItemDataRole.UserRole + 2


class ConfusionPanel(QWidget):
    #: (report id, annotation id)
    passageActivated = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: AgreementResult | None = None
        self.titles: dict[int, str] = {}
        self.field = QComboBox(self)
        self.field.setObjectName("confusionField")
        self.model = ConfusionModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("confusionTable")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passages = QListWidget(self)
        self.passages.setObjectName("confusionPassages")
        self.caption = QLabel("Select a cell to list its passages", self)
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Field:", self))
        top.addWidget(self.field, 1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.caption)
        column.addWidget(self.passages, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.field.currentIndexChanged.connect(self._show_field)
        self.view.clicked.connect(self.show_cell)
        self.passages.itemDoubleClicked.connect(self._activated)

    def set_result(self, result: AgreementResult | None, titles: dict[int, str]) -> None:
        self.result, self.titles = result, titles
        current = self.field.currentText()
        self.field.blockSignals(True)
        self.field.clear()
        for f in result.fields if result is not None else ():
            if f.confusion is not None:
                self.field.addItem(f.field)
        self.field.blockSignals(False)
        found = self.field.findText(current)
        self.field.setCurrentIndex(max(0, found))
        self._show_field()

    def select_field(self, name: str) -> None:
        self.field.setCurrentIndex(self.field.findText(name))

    def _show_field(self) -> None:
        matrix = None
        if self.result is not None:
            for f in self.result.fields:
                if f.field == self.field.currentText():
                    matrix = f.confusion
        self.model.set_matrix(matrix)
        self.view.resizeColumnsToContents()
        self.passages.clear()
        self.caption.setText("Select a cell to list its passages")

    def show_cell(self, index: QModelIndex) -> None:
        """List the passages of a cell: report, position, and each reviewer's quote."""
        self.passages.clear()
        matrix, result = self.model.matrix, self.result
        if matrix is None or result is None or not index.isValid():
            return
        a, b = self.model.pair(index.row(), index.column())
        units = matrix.units_of(a, b)
        self.caption.setText(f"A: {a}, B: {b}: {len(units)} passage(s)")
        for i in units:
            u = result.units[i]
            member = next(m for m in u.members if m is not None)
            quote = " ".join(member.quote.split())[:100]
            title = self.titles.get(u.report_id, str(u.report_id))
            item = QListWidgetItem(f"{u.start}\u2013{u.end}: \u201c{quote}\u201d \u2014 {title}",
                                   self.passages)
            item.setToolTip(f"{title}\n{member.quote}")
            item.setData(PassageRole, (u.report_id, member.id))

    def _activated(self, item: QListWidgetItem) -> None:
        report_id, annotation_id = item.data(PassageRole)
        self.passageActivated.emit(int(report_id), str(annotation_id))
