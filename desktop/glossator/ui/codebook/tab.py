"""What every tab of the codebook editor shares: a row of buttons under a list, commands
sent through the window's undo stack, and the questions asked before a merge or a delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout, QWidget

from glossator.services import Command
from glossator.ui.common import dialogs

Push = Callable[[Command], bool]  # runs a command through the undo stack; False if refused


class CodebookTab(QWidget):
    """A list (added by the subclass) above its buttons."""

    def __init__(self, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.push = push
        self.buttons: dict[str, QPushButton] = {}
        self._bar = QHBoxLayout()
        self._bar.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)

    def finish(self, view: QWidget) -> None:
        self.layout_.addWidget(view, 1)
        self._bar.addStretch(1)
        self.layout_.addLayout(self._bar)

    def button(self, key: str, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(f"{self.objectName()}_{key}")
        b.setAutoDefault(False)
        b.clicked.connect(lambda _checked=False: slot())
        self._bar.addWidget(b)
        self.buttons[key] = b
        return b

    def reload(self) -> None:
        raise NotImplementedError

    def confirm_delete(self, what: str, uses: int, consequence: str) -> bool:
        """Ask before deleting something in use; something unused goes without a question."""
        if uses <= 0:
            return True
        return dialogs.confirm(
            self, f"Delete {what}?",
            f"{what} is used {uses} time(s). {consequence}\n\n"
            "You can undo this with Edit \u25b8 Undo (Ctrl+Z).")

    def choose_other(self, title: str, question: str, names: Sequence[str]) -> str | None:
        """One of `names`, or None when there is none or the reviewer cancels."""
        if not names:
            return None
        name, ok = QInputDialog.getItem(self, title, question, list(names), 0, False)
        return str(name) if ok and name else None
