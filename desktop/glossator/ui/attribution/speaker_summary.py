"""Who says what in one report: each speaker with their passages and stances, as a tree.

Built from the open report's annotations (plain values); rejected annotations are left out,
as in the stance matrix. Double-click a passage to select it in the report.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import AnnotationView, ReportDetail, StanceView

PassageRole = Qt.ItemDataRole.UserRole + 1  # (report id, annotation uuid)
NO_SPEAKER = "(no speaker)"


def stance_text(stances: Sequence[StanceView]) -> str:
    return ", ".join(
        f"{s.target}: {s.label}" + (f" ({s.intensity})" if s.intensity else "") for s in stances)


def stance_tally(annotations: Sequence[AnnotationView]) -> str:
    """"Iran: against 2 · ISIS: favor 1", most frequent first."""
    tally = Counter((s.target, s.label) for a in annotations for s in a.stances)
    return " \u00b7 ".join(f"{t}: {lbl} {n}" for (t, lbl), n in tally.most_common())


def by_speaker(annotations: Sequence[AnnotationView]) -> dict[str, list[AnnotationView]]:
    """Speakers in order of their first passage; passages in text order; no speaker last."""
    groups: dict[str, list[AnnotationView]] = defaultdict(list)
    for a in sorted(annotations, key=lambda a: (a.start, a.end)):
        if a.status != "rejected":
            groups[a.speaker or NO_SPEAKER].append(a)
    if NO_SPEAKER in groups:
        groups[NO_SPEAKER] = groups.pop(NO_SPEAKER)
    return dict(groups)


class SpeakerSummaryDialog(QDialog):
    """A tree: speaker → passages, with the stances of each and of each speaker."""

    passageActivated = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerSummary")
        self.setWindowTitle("Speakers in this report")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("speakerSummaryTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Speaker / passage", "Stances", "Cites"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 260)
        header.resizeSection(2, 60)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.tree.itemActivated.connect(self._activated)

    def show_report(self, report: ReportDetail, annotations: Sequence[AnnotationView]) -> None:
        groups = by_speaker(annotations)
        speakers = [name for name in groups if name != NO_SPEAKER]
        self.heading.setText(
            f"<b>{html.escape(report.title)}</b><br>{len(speakers)} speaker(s), "
            f"{sum(len(v) for k, v in groups.items() if k != NO_SPEAKER)} attributed passage(s)")
        self.tree.clear()
        for name, passages in groups.items():
            top = QTreeWidgetItem([f"{name}  ({len(passages)})", stance_tally(passages), ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for a in passages:
                quote = " ".join(a.quote.split())
                child = QTreeWidgetItem(top, [f"\u201c{quote[:220]}\u201d",
                                              stance_text(a.stances), ", ".join(a.cites)])
                child.setToolTip(0, quote[:800])
                child.setData(0, PassageRole, (a.report_id, a.id))
            top.setExpanded(name != NO_SPEAKER)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        found = item.data(0, PassageRole)
        if found:
            self.passageActivated.emit(int(found[0]), str(found[1]))
