"""Co-occurrence: tags x tags (or speakers x tags), counted as overlapping passages or as
paragraphs coded with both, on a colour scale; a click on a cell lists its passages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.analysis import CooccurrenceCell, CooccurrenceMatrix
from glossator.formats.analysis_csv import matrix_rows
from glossator.services.analysis import Analysis
from glossator.services.analysis_files import save_rows
from glossator.services.analysis_slices import Sliced
from glossator.services.passage_filters import PassageQuery
from glossator.ui.analysis.cooccurrence_model import HIGH, LOW, WHAT, CooccurrenceModel
from glossator.ui.analysis.files import FileKind
from glossator.ui.analysis.passage_list import PassageList
from glossator.ui.analysis.slices import SliceRunner
from glossator.ui.common.colors import to_hex

LISTED = 500  # passages of a cell listed at most
LISTED_AT_ONCE = 50  # read and listed per turn of the event loop


class CooccurrenceTab(QWidget):
    optionsChanged = Signal()
    passageActivated = Signal(int, str)
    title = "Co-occurrence"
    kinds: tuple[FileKind, ...] = (FileKind("csv", "CSV", ".csv"),)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cooccurrenceTab")
        self.by = QComboBox(self)
        self.by.setObjectName("cooccurrenceBy")
        self.by.addItem("Tags \u00d7 tags", "tag")
        self.by.addItem("Speakers \u00d7 tags", "speaker")
        self.mode = QComboBox(self)
        self.mode.setObjectName("cooccurrenceMode")
        self.mode.addItem("overlapping passages", "overlap")
        self.mode.addItem("the same paragraph", "paragraph")
        self.roll_up = QCheckBox("roll up child tags", self)
        self.model = CooccurrenceModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("cooccurrenceMatrix")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setDefaultSectionSize(78)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        self.scale = QLabel(self)
        self.scale.setObjectName("cooccurrenceScale")
        self.cell_title = QLabel("Click a cell to list its passages.", self)
        self.cell_title.setObjectName("cellTitle")
        self.cell_title.setWordWrap(True)
        self.passages = PassageList("cellPassages", self)
        self.cell: CooccurrenceCell | None = None
        self.result: CooccurrenceMatrix | None = None
        self.analysis: Analysis | None = None
        self.query: PassageQuery | None = None
        self.cell_runner = SliceRunner(self)
        self._layout()
        for combo in (self.by, self.mode):
            combo.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.roll_up.toggled.connect(lambda _on: self.optionsChanged.emit())
        self.view.clicked.connect(self.show_cell)
        self.view.activated.connect(self.show_cell)
        self.passages.passageActivated.connect(self.passageActivated)
        self.cell_runner.finished.connect(self._cell_counted)
        self.cell_runner.failed.connect(self.cell_title.setText)

    def _layout(self) -> None:
        row = QHBoxLayout()
        for w in (QLabel("Rows", self), self.by, QLabel("counted by", self), self.mode,
                  self.roll_up):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.scale)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.cell_title)
        below.addWidget(self.passages, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setSizes([400, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)

    def _options(self) -> tuple[str, str, bool]:
        return str(self.mode.currentData()), str(self.by.currentData()), self.roll_up.isChecked()

    def sliced(self, analysis: Analysis, query: PassageQuery) -> Sliced[CooccurrenceMatrix]:
        self.analysis, self.query = analysis, query
        mode, by, roll_up = self._options()
        return analysis.cooccurrence_sliced(query, mode, by, roll_up)

    def show_result(self, result: CooccurrenceMatrix | None) -> None:
        self.result = result
        self.cell_runner.cancel()
        self.passages.clear()
        self.cell = None
        self.model.set_matrix(result or CooccurrenceModel().matrix)
        header = self.view.horizontalHeader()  # sized by the names (no cell is measured)
        metrics = header.fontMetrics()
        for column, name in enumerate(self.model.matrix.columns):
            header.resizeSection(column, min(180, max(56, metrics.horizontalAdvance(name) + 34)))
        top = result.largest if result else 0
        self.scale.setText(
            f"<span style='background:{to_hex(LOW)}; border:1px solid #999'>&nbsp;0&nbsp;</span>"
            f" \u2192 <span style='background:{to_hex(HIGH)}; color:white'>&nbsp;{top}&nbsp;"
            "</span> (grey: the tag's own)")
        self.cell_title.setText("Click a cell to list its passages." if result and result.rows
                                else "Nothing to count.")

    def summary(self, result: CooccurrenceMatrix) -> str:
        what = WHAT.get(result.mode, "")
        return (f"{len(result.rows)} \u00d7 {len(result.columns)}; the largest cell off the "
                f"diagonal holds {result.largest} {what}.")

    def show_cell(self, index: QModelIndex | None = None) -> None:
        """List the pairs (or paragraphs) and the passages behind a cell."""
        index = index if index is not None and index.isValid() else self.view.currentIndex()
        if not index.isValid() or self.analysis is None or self.query is None:
            return
        row, column = self.model.row_name(index.row()), self.model.column_name(index.column())
        mode, by, roll_up = self._options()
        self.passages.clear()
        self.cell_title.setText(f"{row} \u00d7 {column}: reading\u2026")
        self.cell_runner.start(
            self.analysis.cell_sliced(self.query, row, column, mode, by, roll_up))

    def _cell_counted(self, cell: CooccurrenceCell) -> None:
        self.cell = cell
        self.passages.clear()
        self._list_more(cell, 0)
        what = WHAT.get(cell.mode, "")
        more = f", the first {LISTED} listed" if len(cell.passages) > LISTED else ""
        self.cell_title.setText(
            f"{cell.row} \u00d7 {cell.column}: {cell.count} {what}, "
            f"{len(cell.passages)} passage(s){more}. Double-click one to open it.")

    def _list_more(self, cell: CooccurrenceCell, start: int) -> None:
        """List a cell's passages a few at a time (a cell of a library has thousands)."""
        if cell is not self.cell or self.analysis is None:
            return
        stop = min(len(cell.passages), LISTED, start + LISTED_AT_ONCE)
        self.passages.add_passages(self.analysis.passages_by_id(cell.passages[start:stop]))
        if stop < min(len(cell.passages), LISTED):
            QTimer.singleShot(0, self, lambda: self._list_more(cell, stop))

    def export(self, _kind: FileKind, path: Path) -> None:
        if self.result is not None:
            save_rows(matrix_rows(self.result), path, overwrite=True)
