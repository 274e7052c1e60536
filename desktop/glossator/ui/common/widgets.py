"""Parts Qt's signatures call optional that are always there where we ask for them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit


def line_edit(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (it has one as long as it is editable)."""
    line = combo.lineEdit()
    if line is None:
        raise ValueError(f"{combo.objectName() or 'the combo box'} is not editable")
    return line


def popup(completer: QCompleter) -> QAbstractItemView:
    """The completer's list (Qt makes one when first asked)."""
    view = completer.popup()
    if view is None:
        raise ValueError("the completer has no popup")
    return view
