"""Who is reviewing: the first-run dialog (and the reviewer switch) asks for a name, initials
and a colour. Nothing is filled in unasked: the account's name is offered on a button, the
reviewers the workspace knows are in the name's list, the initials follow the name until
they are typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from glossator.ui.common.widgets import line_edit

#: Reviewer colours: distinct in hue and readable with white initials on them.
REVIEWER_COLORS = (
    ("#1f6feb", "blue"), ("#b3261e", "red"), ("#1e7b34", "green"), ("#8250df", "purple"),
    ("#b35900", "orange"), ("#0f7b8a", "teal"), ("#a4326e", "magenta"), ("#5f6368", "grey"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReviewerChoice:
    name: str
    initials: str
    color: str


def initials_of(name: str) -> str:
    """"Amira Haddad" -> "AH", "Muhammad Al-Tamimi" -> "MT" (an Arabic article aside)."""
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in ("al", "el")]
    if not words:
        return ""
    picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    return "".join(w[0] for w in picked).upper()


def swatch(color: str, size: int = 18) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ReviewerDialog(QDialog):
    def __init__(self, parent: QWidget | None, known: Sequence[str], *, current: str = "",
                 account_name: str = "", first_start: bool = False,
                 initials: str = "", color: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("reviewerDialog")
        self.setWindowTitle("Welcome to Glossator" if first_start else "Switch reviewer")
        intro = QLabel(
            ("Every annotation, decision and comment records who made it. "
             "Give your name as your colleagues know it; it cannot be left empty.")
            if first_start else "Who is reviewing from now on?", self)
        intro.setWordWrap(True)
        self.name = QComboBox(self)
        self.name.setObjectName("reviewerName")
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.addItems(list(known))
        self.name.setCurrentIndex(-1)
        self.name.setEditText(current)  # the reviewer now (a switch), never the login name
        self.name.setAccessibleName("Your name as a reviewer")
        line_edit(self.name).setPlaceholderText("your name, e.g. Amira Haddad")
        self.account = QPushButton(self)
        self.account.setObjectName("reviewerUseAccount")
        self.account.setText(f"Use \u201c{account_name}\u201d (this computer's account)")
        self.account.setVisible(bool(account_name) and account_name not in known)
        self.account.clicked.connect(lambda: self.name.setEditText(account_name))
        self.initials = QLineEdit(initials, self)
        self.initials.setObjectName("reviewerInitials")
        self.initials.setMaxLength(4)
        self.initials.setAccessibleName("Initials")
        self.initials.setPlaceholderText("e.g. AH")
        self._initials_typed = bool(initials)
        self.initials.textEdited.connect(self._initials_edited)
        self.colors = QButtonGroup(self)
        swatches = QHBoxLayout()
        for value, word in REVIEWER_COLORS:
            button = QToolButton(self)
            button.setObjectName(f"reviewerColor_{word}")
            button.setCheckable(True)
            button.setIcon(swatch(value))
            button.setToolTip(word)
            button.setAccessibleName(f"Colour {word}")
            button.setProperty("color", value)
            self.colors.addButton(button)
            swatches.addWidget(button)
        swatches.addStretch(1)
        chosen = next((b for b in self.colors.buttons() if b.property("color") == color),
                      self.colors.buttons()[0])
        chosen.setChecked(True)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("Start reviewing" if first_start else "Switch",
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reviewerOk")
        cancel = self.buttons.addButton("Quit" if first_start else "Cancel",
                                        QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("reviewerCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.account)
        form.addRow("&Initials", self.initials)
        form.addRow("Colour", swatches)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.editTextChanged.connect(self._name_changed)
        self._name_changed(self.name.currentText())
        self.setMinimumWidth(460)

    def _initials_edited(self, _text: str) -> None:
        self._initials_typed = True

    def _name_changed(self, text: str) -> None:
        name = " ".join(text.split())
        self.ok.setEnabled(bool(name))
        if not self._initials_typed:
            self.initials.setText(initials_of(name))

    def choice(self) -> ReviewerChoice | None:
        name = " ".join(self.name.currentText().split())
        if not name:
            return None
        button = self.colors.checkedButton()
        color = str(button.property("color")) if button is not None else REVIEWER_COLORS[0][0]
        initials = self.initials.text().strip().upper() or initials_of(name)
        return ReviewerChoice(name, initials, color)


def ask_reviewer(parent: QWidget | None, known: Sequence[str], *, current: str = "",
                 account_name: str = "", first_start: bool = False, initials: str = "",
                 color: str = "") -> ReviewerChoice | None:
    """The dialog, modal; the choice, or None when it was cancelled."""
    dialog = ReviewerDialog(parent, known, current=current, account_name=account_name,
                            first_start=first_start, initials=initials, color=color)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
