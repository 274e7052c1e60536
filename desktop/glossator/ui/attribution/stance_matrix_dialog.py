"""The stance matrix across the workspace: click a cell to list the passages behind it,
double-click a passage to open it in its report; export as CSV, PNG or SVG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services import CommandError, Workspace
from glossator.services.stance_matrix_csv import write_matrix_csv
from glossator.ui.attribution.matrix_picture import save_png, save_svg
from glossator.ui.attribution.stance_matrix_model import LEGEND, StanceMatrixModel
from glossator.ui.attribution.stance_matrix_view import StanceMatrixView

PassageRole = Qt.ItemDataRole.UserRole + 1  # (report id, annotation uuid)


class StanceMatrixDialog(QDialog):
    """Speakers x targets with the passages of the chosen cell below."""

    passageActivated = Signal(int, str)  # report id, annotation uuid

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceMatrix")
        self.setWindowTitle("Stance matrix")
        self.ws = workspace
        self._titles: dict[int, str] = {}
        self.model = StanceMatrixModel(self)
        self.view = StanceMatrixView(self)
        self.view.setModel(self.model)
        self.summary = QLabel(self)
        self.summary.setObjectName("stanceMatrixSummary")
        self.legend = QLabel(LEGEND, self)
        self.legend.setWordWrap(True)
        self.label_filter = QComboBox(self)
        self.label_filter.setObjectName("stanceLabelFilter")
        self.passages = QTreeWidget(self)
        self.passages.setObjectName("stancePassages")
        self.passages.setColumnCount(4)
        self.passages.setHeaderLabels(["Report", "Passage", "Stance", "Status"])
        self.passages.setRootIsDecorated(False)
        self.passages.setAlternatingRowColors(True)
        self.passages.setUniformRowHeights(True)
        header = self.passages.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        self.passages_title = QLabel("Click a cell to list the passages behind it.", self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text in (("refresh", "&Refresh"), ("csv", "Export &CSV…"),
                          ("png", "Export &PNG…"), ("svg", "Export &SVG…"), ("close", "Close")):
            button = QPushButton(text, self)
            button.setObjectName(f"stanceMatrix_{key}")
            button.setAutoDefault(False)
            self.buttons[key] = button
            if key == "close":
                bar.addStretch(1)
            bar.addWidget(button)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.passages_title, 1)
        row.addWidget(QLabel("Label:", self))
        row.addWidget(self.label_filter)
        below.addLayout(row)
        below.addWidget(self.passages, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        layout.addLayout(bar)
        self.resize(980, 720)
        self.view.clicked.connect(self.show_cell)
        self.label_filter.currentIndexChanged.connect(lambda _i: self.show_cell())
        self.passages.itemActivated.connect(self._activated)
        self.buttons["refresh"].clicked.connect(self.reload)
        self.buttons["close"].clicked.connect(self.close)
        self.buttons["csv"].clicked.connect(lambda: self._export("CSV (*.csv)", ".csv"))
        self.buttons["png"].clicked.connect(lambda: self._export("PNG image (*.png)", ".png"))
        self.buttons["svg"].clicked.connect(lambda: self._export("SVG picture (*.svg)", ".svg"))

    def reload(self) -> None:
        """Read the matrix again (one aggregate query)."""
        matrix = self.ws.stance_matrix()
        self.model.set_matrix(matrix)
        total = sum(matrix.counts.values())
        self.summary.setText(f"{total} stance(s) by {len(matrix.speakers)} speaker(s) toward "
                             f"{len(matrix.targets)} target(s), rejected annotations excluded.")
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem("all labels", None)
        for label in matrix.labels:
            self.label_filter.addItem(label, label)
        self.label_filter.blockSignals(False)
        self._titles = {}
        self.passages.clear()
        self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) to show every target, within the screen."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        wanted = self.view.wanted_width() + 40
        limit = screen.width() - 40 if screen is not None else wanted
        width = min(max(self.width(), wanted), limit)
        if width > self.width():
            self.resize(width, self.height())

    def show_cell(self, index: QModelIndex | None = None) -> None:
        """List the passages behind a cell (the current one when none is given)."""
        index = index if index is not None and index.isValid() else self.view.currentIndex()
        self.passages.clear()
        if not index.isValid():
            return
        speaker, target = self.model.speaker(index.row()), self.model.target(index.column())
        label = self.label_filter.currentData()
        found = self.ws.stance_passages(speaker, target, label)
        if found and not self._titles:
            self._titles = {r.id: r.title for r in self.ws.reports()}
        which = f" ({label})" if label else ""
        self.passages_title.setText(
            f"{len(found)} passage(s): {speaker} \u2192 {target}{which}. "
            "Double-click one to open it.")
        for a in found:
            stance = next((s for s in a.stances if s.target == target), None)
            item = QTreeWidgetItem([
                self._titles.get(a.report_id, f"report {a.report_id}"),
                " ".join(a.quote.split())[:200],
                stance.label if stance else "",
                a.status,
            ])
            item.setData(0, PassageRole, (a.report_id, a.id))
            item.setToolTip(1, a.quote[:800])
            self.passages.addTopLevelItem(item)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        report_id, uuid = item.data(0, PassageRole)
        self.passageActivated.emit(int(report_id), str(uuid))

    # -- export ---------------------------------------------------------------------------

    def export(self, path: Path) -> None:
        """Write the matrix to `path`: CSV, PNG or SVG by its suffix."""
        writers: dict[str, Callable[[Path], None]] = {
            ".csv": lambda p: write_matrix_csv(self.model.matrix, p, overwrite=True),
            ".png": lambda p: save_png(self.model, p),
            ".svg": lambda p: save_svg(self.model, p),
        }
        writer = writers.get(path.suffix.lower())
        if writer is None:
            raise CommandError(f"{path.name}: choose a .csv, .png or .svg file")
        writer(path)

    def _export(self, file_filter: str, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the stance matrix",
                                              f"stance-matrix{suffix}", file_filter)
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        try:
            self.export(path)
        except CommandError as exc:
            self.summary.setText(str(exc))
            return
        self.summary.setText(f"Written: {path}")
