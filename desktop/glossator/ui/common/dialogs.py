"""Small dialogs: who is reviewing, the keyboard shortcuts sheet, the about box."""

from __future__ import annotations

import getpass
import html
import os
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator import APP_NAME, __version__


def system_user_name() -> str:
    """The person logged in: the full name from the account when there is one."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    try:
        import pwd

        gecos = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError):
        pass
    return login


def ask_reviewer(parent: QWidget | None, suggestion: str, known: Sequence[str] = (),
                 *, first_start: bool = False) -> str | None:
    """Ask who is reviewing; the name, or None when the dialog was cancelled or left empty."""
    names = list(dict.fromkeys([suggestion, *known] if suggestion else known))
    intro = ("Welcome to Glossator. Every annotation records who made it.\n"
             if first_start else "")
    name, ok = QInputDialog.getItem(
        parent, "Reviewer", intro + "Your name as a reviewer:", names or [""],
        0, True)
    name = " ".join(str(name).split())
    return name if ok and name else None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class ShortcutsDialog(QDialog):
    """Every action of the window with its key, grouped by menu."""

    def __init__(self, groups: Sequence[tuple[str, Sequence[QAction]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for title, actions in groups:
            group = QTreeWidgetItem(self.tree, [title.replace("&", "")])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for action in actions:
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts() if not k.isEmpty())
                if not keys:
                    continue
                name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                QTreeWidgetItem(group, [name.rstrip("."), keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(460, 560)


def confirm_losing_pending(parent: QWidget | None, count: int, reason: str) -> bool:
    """Asked when the window closes while edits still wait to be saved: True to close and
    lose them, False to keep the window open (and keep retrying)."""
    edits = "1 edit has" if count == 1 else f"{count} edits have"
    box = QMessageBox(QMessageBox.Icon.Warning, "Edits not saved",
                      f"{edits} not been saved yet. {reason}", parent=parent)
    box.setObjectName("pendingEditsQuestion")
    box.setInformativeText("Keep the window open and Glossator keeps trying to save them, "
                           "or close and lose them.")
    keep = box.addButton("Keep open", QMessageBox.ButtonRole.RejectRole)
    box.addButton("Close and lose them", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is not keep


def about(parent: QWidget | None, database: str) -> None:
    QMessageBox.about(
        parent, f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Read reports beside their footnotes, annotate who says what, "
        "and review annotations as a team.</p>"
        f"<p>Workspace: <code>{html.escape(database)}</code></p>",
    )
