"""Stance over time: the stances toward one target (chosen by name; aliases count) per
month of the report's date and per label, as a chart; exported as PNG, SVG or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from glossator.core.analysis import StanceTimeline
from glossator.formats.analysis_csv import timeline_rows
from glossator.services import CommandError
from glossator.services.analysis import Analysis
from glossator.services.analysis_files import save_rows
from glossator.services.analysis_slices import Sliced
from glossator.services.destinations import save_bytes
from glossator.services.passage_filters import PassageQuery
from glossator.services.values import TargetView
from glossator.ui.analysis.files import FileKind
from glossator.ui.analysis.timeline_chart import TimelineChart, png_bytes, svg_bytes


class TimelineTab(QWidget):
    optionsChanged = Signal()
    title = "Stance over time"
    kinds: tuple[FileKind, ...] = (
        FileKind("png", "PNG image", ".png"), FileKind("svg", "SVG picture", ".svg"),
        FileKind("csv", "CSV", ".csv"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self.target = QComboBox(self)
        self.target.setObjectName("timelineTarget")
        self.target.setMinimumContentsLength(20)
        self.chart = TimelineChart(self)
        self.result: StanceTimeline | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel("Stances toward", self))
        row.addWidget(self.target)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        self.target.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())

    def set_targets(self, targets: list[TargetView]) -> None:
        """The targets to choose from, the most used first chosen."""
        current = self.target.currentText()
        self.target.blockSignals(True)
        self.target.clear()
        for t in targets:
            self.target.addItem(t.name)
        if current and self.target.findText(current) >= 0:
            self.target.setCurrentText(current)
        elif targets:
            self.target.setCurrentText(max(targets, key=lambda t: t.uses).name)
        self.target.blockSignals(False)

    def sliced(self, analysis: Analysis, query: PassageQuery) -> Sliced[StanceTimeline]:
        name = self.target.currentText()
        if not name:
            raise CommandError("No stance target is registered yet")
        return analysis.timeline_sliced(query, name)

    def show_result(self, result: StanceTimeline | None) -> None:
        self.result = result
        self.chart.set_timeline(result)

    def summary(self, result: StanceTimeline) -> str:
        counted = sum(result.counts.values())
        undated = sum(result.undated.values())
        span = f" from {result.months[0]} to {result.months[-1]}" if result.months else ""
        extra = f", and {undated} in undated reports" if undated else ""
        return f"{counted} stance(s) toward {result.target}{span}{extra}."

    def export(self, kind: FileKind, path: Path) -> None:
        if kind.key == "csv":
            if self.result is not None:
                save_rows(timeline_rows(self.result), path, overwrite=True)
            return
        data = png_bytes(self.result) if kind.key == "png" else svg_bytes(self.result)
        save_bytes(path, data, overwrite=True)  # the save dialog asked before replacing
