"""Someone else changed what your step would change: their version beside yours, and the
choice of which to keep.

The dialog opens window-modal without blocking (`open`), so the window keeps painting and
following others' changes behind it; `chosen` says what the user picked. Closing it (Esc)
keeps theirs, and what you typed stays in the dialog's Copy until then: nothing is lost
without being shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.ui.common.conflict_rows import FieldRow, independent

MINE, THEIRS = "mine", "theirs"


class ConflictDialog(QDialog):
    """"Ana changed this highlight at 14:02": field by field, theirs and yours."""

    chosen = Signal(str)  # MINE or THEIRS

    def __init__(self, sentence: str, rows: Sequence[FieldRow], *, undoing: bool,
                 deleted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Changed by someone else")
        self.rows = list(rows)
        self.merges = not deleted and independent(self.rows)
        lead = QLabel(sentence, self)
        lead.setObjectName("conflictSentence")
        lead.setWordWrap(True)
        bold = QFont(lead.font())
        bold.setBold(True)
        lead.setFont(bold)
        self.table = QTableWidget(len(self.rows), 4, self)
        self.table.setObjectName("conflictFields")
        self.table.setAccessibleName("Their version beside yours")
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels(["Field", "As you saw it", "Yours", "Theirs now"])
        for r, row in enumerate(self.rows):
            texts = (row.name, row.seen if row.seen is not None else "?", row.mine, row.theirs)
            marked = row.both_changed or (row.seen is None and row.mine != row.theirs)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if marked:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.advice = QLabel(self._advice(undoing, deleted), self)
        self.advice.setObjectName("conflictAdvice")
        self.advice.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self._mine_text(undoing, deleted), self)
        self.mine_button.setObjectName("conflictKeepMine")
        self.theirs_button = QPushButton(
            "Keep &theirs (don't undo)" if undoing else "Keep &theirs", self)
        self.theirs_button.setObjectName("conflictKeepTheirs")
        copy = QPushButton("&Copy yours", self)
        copy.setObjectName("conflictCopy")
        copy.setToolTip("Copy your version of every field, to keep it elsewhere")
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.HelpRole)
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(THEIRS))
        copy.clicked.connect(self.copy)
        self.theirs_button.setDefault(True)  # Enter never overwrites someone's work
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)
        self.resize(860, 420)
        self._answered = False

    def _mine_text(self, undoing: bool, deleted: bool) -> str:
        if undoing:
            return "Undo &anyway"
        if self.merges:
            return "Keep &both (merge)"
        return "Keep &mine" if not deleted else "Keep &mine (delete anyway)"

    def _advice(self, undoing: bool, deleted: bool) -> str:
        clash = [r.name.lower() for r in self.rows if r.both_changed]
        if undoing:
            return ("Undo anyway puts back what your step replaced, over their change; keep "
                    "theirs leaves it as they made it and drops this undo step.")
        if deleted:
            return ("It no longer exists: keep theirs leaves it deleted (copy yours first to "
                    "keep what you wrote).")
        if self.merges:
            return ("You changed different fields: keeping both applies your change on top "
                    "of theirs.")
        if clash:
            return (f"You both changed the {', '.join(clash)}: keep mine puts yours over "
                    "theirs (their other changes stay); keep theirs drops your change.")
        return "Keep mine applies your change on top of their version; keep theirs drops it."

    def _choose(self, choice: str) -> None:
        if self._answered:
            return
        self._answered = True
        self.chosen.emit(choice)
        if choice == MINE:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:  # Esc and the window's close button keep theirs
        if not self._answered:
            self._answered = True
            self.chosen.emit(THEIRS)
        super().reject()

    def copy_text(self) -> str:
        return "\n".join(f"{r.name}: {r.mine}" for r in self.rows if r.mine)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.copy_text())


def open_conflict(parent: QWidget, sentence: str, rows: Sequence[FieldRow], *,
                  undoing: bool, deleted: bool) -> ConflictDialog:
    dialog = ConflictDialog(sentence, rows, undoing=undoing, deleted=deleted, parent=parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
