"""What the passages and counts dialogs are built of alike: their buttons by key, the query
form with its buttons beside it, and the status line under the results."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class KeyedButtons(dict[str, QPushButton]):
    """A dialog's buttons by key, each named `<prefix>_<key>`; Enter presses `default`."""

    def __init__(self, parent: QWidget, prefix: str, default: str) -> None:
        super().__init__()
        self._parent, self._prefix, self._default = parent, prefix, default

    def add(self, key: str, text: str) -> QPushButton:
        button = QPushButton(text, self._parent)
        button.setObjectName(f"{self._prefix}_{key}")
        button.setAutoDefault(key == self._default)
        self[key] = button
        return button


def form_row(form: QWidget, *buttons: QPushButton) -> QHBoxLayout:
    """The query form, widest, with its buttons in a column at its right."""
    top = QHBoxLayout()
    top.addWidget(form, 1)
    side = QVBoxLayout()
    for button in buttons:
        side.addWidget(button)
    side.addStretch(1)
    top.addLayout(side)
    return top


def status_line(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label
