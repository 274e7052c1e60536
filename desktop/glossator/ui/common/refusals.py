"""Files an import refused, each with its reason: in a dialog the reviewer can read at their
pace (not a status line that fades), and in the log (glossator.log in the data folder).
Reports and annotation sets alike."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("glossator.import")


def log_refusals(refused: Sequence[tuple[Path, str]]) -> None:
    for path, reason in refused:
        log.warning("Import refused: %s: %s", path, reason)


class RefusalsDialog(QDialog):
    """"3 files were not imported": a list of file and reason, Copy and Close."""

    def __init__(self, refused: Sequence[tuple[Path, str]], imported: int,
                 parent: QWidget | None = None, *, what: str = "imported") -> None:
        super().__init__(parent)
        self.setObjectName("importRefusals")
        count = len(refused)
        noun = "file was" if count == 1 else "files were"
        self.setWindowTitle("Files not imported")
        done = f"{imported} {what}; " if imported else ""
        self.summary = QLabel(f"{done}{count} {noun} not {what}, nothing of "
                              f"{'it' if count == 1 else 'them'} was stored:", self)
        self.summary.setObjectName("importRefusalsSummary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("importRefusalsList")
        self.list.setAccessibleName("Files not imported and why")
        self.list.setHeaderLabels(["File", "Reason"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for path, reason in refused:
            item = QTreeWidgetItem(self.list, [path.name, reason])
            item.setToolTip(0, str(path))
            item.setToolTip(1, reason)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        where = QLabel("The same list is in glossator.log in the data folder.", self)
        where.setObjectName("importRefusalsLog")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("&Copy list", self)
        copy.setObjectName("importRefusalsCopy")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self._text = "\n".join(f"{path}: {reason}" for path, reason in refused)

    def rows(self) -> list[tuple[str, str]]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self._text)


def show_refusals(parent: QWidget | None, refused: Sequence[tuple[Path, str]],
                  imported: int, *, what: str = "imported") -> RefusalsDialog | None:
    """Log the refusals and show them (window-modal, not blocking); None when there are none."""
    if not refused:
        return None
    log_refusals(refused)
    dialog = RefusalsDialog(refused, imported, parent, what=what)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
