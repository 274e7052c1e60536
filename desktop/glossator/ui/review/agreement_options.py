"""The agreement dialog's choices: the ticked reviewers and reports, and what counts and
how (rejected and orphaned annotations, tags over coded text only, the Jaccard threshold,
the bootstrap)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from glossator.core.agreement import AgreementOptions
from glossator.core.agreement_bootstrap import DEFAULT_RESAMPLES, DEFAULT_SEED
from glossator.core.agreement_spans import MIN_JACCARD

IdRole = Qt.ItemDataRole.UserRole + 1


def add_checkable(widget: QListWidget, text: str, value: object, on: bool) -> None:
    item = QListWidgetItem(text, widget)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    item.setData(IdRole, value)


def checked_values(widget: QListWidget) -> list[object]:
    return [widget.item(i).data(IdRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def tick_values(widget: QListWidget, values: list[object] | list[str] | list[int]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(IdRole) in values
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class AgreementOptionsRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.include_rejected = QCheckBox("Count &rejected", self)
        self.include_rejected.setToolTip("Rejected annotations are left out unless ticked")
        self.include_orphaned = QCheckBox("Count or&phaned", self)
        self.include_orphaned.setToolTip("Orphaned annotations are left out unless ticked")
        self.coded_only = QCheckBox("Tags over &coded text only", self)
        self.coded_only.setToolTip("Tag units: only code points at least one reviewer coded")
        self.jaccard = QDoubleSpinBox(self)
        self.jaccard.setRange(0.05, 1.0)
        self.jaccard.setSingleStep(0.05)
        self.jaccard.setValue(MIN_JACCARD)
        self.jaccard.setToolTip("Two spans pair when their Jaccard index is at least this")
        self.resamples = QSpinBox(self)
        self.resamples.setRange(0, 100_000)
        self.resamples.setValue(DEFAULT_RESAMPLES)
        self.resamples.setToolTip("Bootstrap resamples for alpha's 95% interval (0: none)")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(DEFAULT_SEED)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.include_rejected, self.include_orphaned, self.coded_only):
            row.addWidget(widget)
        for label, box in (("Jaccard \u2265", self.jaccard), ("Bootstrap", self.resamples),
                           ("seed", self.seed)):
            row.addWidget(QLabel(label, self))
            row.addWidget(box)
        row.addStretch(1)

    def options(self) -> AgreementOptions:
        return AgreementOptions(min_jaccard=self.jaccard.value(),
                                coded_only=self.coded_only.isChecked(),
                                resamples=self.resamples.value(), seed=self.seed.value())

    def counting_text(self) -> str:
        rejected = "included" if self.include_rejected.isChecked() else "left out"
        orphaned = "included" if self.include_orphaned.isChecked() else "left out"
        return f"rejected {rejected}, orphaned {orphaned}"
