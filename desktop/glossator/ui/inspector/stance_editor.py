"""The inspector's stances: one row per target ([target][label][intensity][remove]) and a
button to add one. A row is sent once it has both a target and a label; the list then
sends every complete row at once (the services keep one stance per target).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import StanceLabelView, StanceView, TargetView
from glossator.ui.common.widgets import line_edit
from glossator.ui.inspector.name_completer import NameCompleter, NameEntry

Spec = tuple[str, str, int | None]  # target name, label name, intensity
MAX_INTENSITY = 5


class StanceRow(QWidget):
    """One stance being shown or edited."""

    changed = Signal()
    removeRequested = Signal()

    def __init__(self, targets: Sequence[TargetView], labels: Sequence[StanceLabelView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceRow")
        self.new_target = False
        self._quiet = False
        self.target = QComboBox(self)
        self.target.setObjectName("stanceTarget")
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target.setCompleter(None)  # type: ignore[arg-type]  # Qt's own completer off
        self.target.setMinimumContentsLength(8)
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line_edit(self.target).setPlaceholderText("toward whom?")
        self.names = NameCompleter(line_edit(self.target), "target", self)
        self.names.set_entries([NameEntry(t.name, t.aliases, ", ".join(t.aliases))
                                for t in targets])
        self.target.addItems([t.name for t in targets])
        self.target.setCurrentIndex(-1)
        self.label = QComboBox(self)
        self.label.setObjectName("stanceLabel")
        self.label.setPlaceholderText("stance")
        for lbl in labels:
            self.label.addItem(lbl.name, lbl.has_intensity)
            self.label.setItemData(self.label.count() - 1, lbl.description or lbl.name,
                                   Qt.ItemDataRole.ToolTipRole)
        self.label.setCurrentIndex(-1)
        self.intensity = QSpinBox(self)
        self.intensity.setObjectName("stanceIntensity")
        self.intensity.setRange(0, MAX_INTENSITY)
        self.intensity.setSpecialValueText("\u2013")
        self.intensity.setToolTip(f"Intensity, 1 to {MAX_INTENSITY} (\u2013: not given)")
        self.intensity.hide()
        self.remove = QToolButton(self)
        self.remove.setObjectName("removeStanceButton")
        self.remove.setText("\u2715")
        self.remove.setToolTip("Remove this stance")
        self.remove.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.target, 3)
        layout.addWidget(self.label, 2)
        layout.addWidget(self.intensity)
        layout.addWidget(self.remove)
        self.names.chosen.connect(lambda name: self._set_target(name, new=False))
        self.names.createRequested.connect(lambda name: self._set_target(name, new=True))
        self.target.activated.connect(
            lambda i: self._set_target(self.target.itemText(i), new=False))
        line_edit(self.target).returnPressed.connect(self._entered)
        self.label.currentIndexChanged.connect(self._label_changed)
        self.intensity.valueChanged.connect(self._changed)
        self.remove.clicked.connect(self.removeRequested)

    def show_stance(self, stance: StanceView) -> None:
        self._quiet = True
        try:
            self.target.setEditText(stance.target)
            self.new_target = False
            self.label.setCurrentIndex(self.label.findText(stance.label))
            self._show_intensity()
            self.intensity.setValue(stance.intensity or 0)
        finally:
            self._quiet = False

    def spec(self) -> Spec | None:
        """(target, label, intensity) when the row is complete, else None."""
        target = " ".join(self.target.currentText().split())
        if not target or self.label.currentIndex() < 0:
            return None
        if not self.new_target and self.names.exact(target) is None:
            return None
        value = self.intensity.value() if not self.intensity.isHidden() else 0
        return (target, self.label.currentText(), value or None)

    def _set_target(self, name: str, new: bool) -> None:
        self.target.setEditText(name)
        self.new_target = new
        if self.label.currentIndex() < 0:
            self.label.setFocus()  # next: the label, chosen with the arrow keys or its letter
        self._changed()

    def _entered(self) -> None:
        text = " ".join(self.target.currentText().split())
        if not text:
            return
        name = self.names.exact(text)
        self._set_target(name or text, new=name is None)

    def _show_intensity(self) -> None:
        self.intensity.setVisible(bool(self.label.currentData()))

    def _label_changed(self, _index: int) -> None:
        self._show_intensity()
        self._changed()

    def _changed(self) -> None:
        if not self._quiet and self.spec() is not None:
            self.changed.emit()


class StanceList(QWidget):
    """The stances of one annotation; edits come out as the whole list of complete rows."""

    #: (every complete stance as (target, label, intensity), names of targets to register)
    stancesEdited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceList")
        self._targets: list[TargetView] = []
        self._labels: list[StanceLabelView] = []
        self._annotation: str | None = None
        self.rows: list[StanceRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(3)
        self.add_button = QPushButton("Add stance", self)
        self.add_button.setObjectName("addStanceButton")
        self.add_button.setToolTip("Add a stance toward a target (T)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(self.add_row)

    def set_codebook(self, targets: Sequence[TargetView],
                     labels: Sequence[StanceLabelView]) -> None:
        self._targets, self._labels = list(targets), list(labels)
        stored = [s for s in (r.spec() for r in self.rows) if s is not None]
        self._rebuild([StanceView(t, lbl, i) for t, lbl, i in stored])

    def show_stances(self, annotation_id: str | None, stances: Sequence[StanceView]) -> None:
        """Show an annotation's stances; rows being filled in stay while it is the same one."""
        same = annotation_id == self._annotation
        self._annotation = annotation_id
        wanted = [(s.target, s.label, s.intensity) for s in stances]
        if same and [r.spec() for r in self.rows if r.spec() is not None] == wanted:
            for row in self.rows:
                row.new_target = False
            return
        self._rebuild(stances, keep_pending=same)

    def _rebuild(self, stances: Sequence[StanceView], keep_pending: bool = False) -> None:
        pending = [r for r in self.rows if r.spec() is None] if keep_pending else []
        for row in self.rows:
            if row not in pending:
                self._drop(row)
        self.rows = []
        for stance in stances:
            self._append().show_stance(stance)
        for row in pending:
            self.rows.append(row)
            self._rows_box.addWidget(row)

    def _append(self) -> StanceRow:
        row = StanceRow(self._targets, self._labels, self)
        row.changed.connect(self._send)
        row.removeRequested.connect(lambda r=row: self._remove(r))
        self.rows.append(row)
        self._rows_box.addWidget(row)
        return row

    def add_row(self) -> StanceRow:
        """A new empty row with the focus in its target field."""
        row = self._append()
        row.target.setFocus()
        return row

    def specs(self) -> tuple[Spec, ...]:
        return tuple(s for s in (r.spec() for r in self.rows) if s is not None)

    def _drop(self, row: StanceRow) -> None:
        """Out of sight and out of the layout now; deleted once back in the event loop."""
        row.hide()
        self._rows_box.removeWidget(row)
        row.deleteLater()

    def _remove(self, row: StanceRow) -> None:
        complete = row.spec() is not None
        self.rows.remove(row)
        self._drop(row)
        if complete:
            self._send()

    def _send(self) -> None:
        new = [spec[0] for r in self.rows if r.new_target and (spec := r.spec()) is not None]
        self.stancesEdited.emit(self.specs(), tuple(dict.fromkeys(new)))
