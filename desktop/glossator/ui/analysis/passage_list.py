"""A short list of passages (a matrix cell's): report, date, quote, tags, speaker;
double-click or Enter opens one in its report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from glossator.core.analysis import Passage
from glossator.ui.analysis.passage_model import one_line, speaker_text
from glossator.ui.common.tag_icon import tag_icon

WhereRole = Qt.ItemDataRole.UserRole + 1  # (report id, annotation uuid)


class PassageList(QTreeWidget):
    passageActivated = Signal(int, str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setColumnCount(5)
        self.setHeaderLabels(["Report", "Date", "Passage", "Tags", "Speaker"])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 200)
        header.resizeSection(1, 90)
        header.resizeSection(3, 160)
        header.resizeSection(4, 150)
        self.itemActivated.connect(self._activated)

    def set_passages(self, passages: Sequence[Passage]) -> None:
        self.clear()
        self.add_passages(passages)

    def add_passages(self, passages: Sequence[Passage]) -> None:
        for p in passages:
            item = QTreeWidgetItem([
                p.report_title, p.report_date.isoformat() if p.report_date else "",
                one_line(p.quote, 300), ", ".join(p.tag_paths), speaker_text(p)])
            item.setData(0, WhereRole, (p.report_id, p.id))
            item.setToolTip(2, one_line(f"{p.before}[{p.quote}]{p.after}", 1200))
            if p.tag_colors:
                item.setIcon(3, tag_icon(p.color))
            self.addTopLevelItem(item)

    def where(self, row: int) -> tuple[int, str]:
        found = self.topLevelItem(row)
        assert found is not None
        report_id, uuid = found.data(0, WhereRole)
        return int(report_id), str(uuid)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        report_id, uuid = item.data(0, WhereRole)
        self.passageActivated.emit(int(report_id), str(uuid))
