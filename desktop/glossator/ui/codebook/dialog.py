"""The codebook editor (Edit ▸ Codebook…): tabs for tags, speakers, targets and the stance
scale, and the codebook imported from or exported to a JSON or REFI-QDA `.qdc` file.

Every change is a workspace command pushed on the window's undo stack, so Ctrl+Z in the
window undoes it; the tabs read the workspace again after each change, wherever it came from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from glossator.services import Change, Command, CommandError, Workspace
from glossator.services.codebook import ImportCodebook
from glossator.services.codebook_files import FILTER, read_codebook_path, write_codebook_path
from glossator.services.registry import SPEAKERS, TARGETS
from glossator.ui.codebook.entries_tab import EntriesTab
from glossator.ui.codebook.scale_tab import ScaleTab
from glossator.ui.codebook.tab import CodebookTab
from glossator.ui.codebook.tags_tab import TagsTab
from glossator.ui.common.undo import UndoController


class CodebookDialog(QDialog):
    """Non-modal: the reviewer may keep it open beside the report."""

    def __init__(self, workspace: Workspace, undo: UndoController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookDialog")
        self.setWindowTitle("Codebook")
        self.ws, self.undo = workspace, undo
        self.tags = TagsTab(workspace, self.push)
        self.speakers = EntriesTab(workspace, SPEAKERS, self.push)
        self.targets = EntriesTab(workspace, TARGETS, self.push)
        self.scale = ScaleTab(workspace, self.push)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("codebookTabs")
        for tab, title in ((self.tags, "&Tags"), (self.speakers, "&Speakers"),
                           (self.targets, "Tar&gets"), (self.scale, "Stance s&cale")):
            self.tabs.addTab(tab, title)
        self.status = QLabel(self)
        self.status.setObjectName("codebookStatus")
        self.status.setWordWrap(True)
        self.import_button = QPushButton("&Import…", self)
        self.export_button = QPushButton("E&xport…", self)
        close = QPushButton("Close", self)
        for b in (self.import_button, self.export_button, close):
            b.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.resize(860, 560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.reload)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        close.clicked.connect(self.close)
        workspace.subscribe(self._changed)
        self.destroyed.connect(lambda *_: workspace.unsubscribe(self._changed))

    def all_tabs(self) -> list[CodebookTab]:
        return [self.tags, self.speakers, self.targets, self.scale]

    def reload(self) -> None:
        self._timer.stop()
        for tab in self.all_tabs():
            tab.reload()

    def _changed(self, change: Change) -> None:
        if self.isVisible():
            self._timer.start()  # one read per burst, after the command has finished

    def push(self, command: Command) -> bool:
        """Run a command on the window's undo stack; its message (or refusal) shows here."""
        failures: list[str] = []
        self.undo.failed.connect(failures.append)
        try:
            change = self.undo.push(command)
        finally:
            self.undo.failed.disconnect(failures.append)
        self.reload()
        if change is None:
            self.status.setText(failures[-1] if failures else f"Could not {command.label}")
            return False
        self.status.setText(change.message + "  (Ctrl+Z in the window undoes it)")
        return True

    # -- files ----------------------------------------------------------------------------

    def import_file(self, path: Path) -> bool:
        try:
            codebook = read_codebook_path(path)
        except CommandError as exc:
            self.status.setText(str(exc))
            return False
        return self.push(ImportCodebook(codebook, path.name))

    def export_file(self, path: Path) -> bool:
        try:
            write_codebook_path(self.ws.codebook(), path)
        except CommandError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(f"Codebook written: {path}")
        return True

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a codebook", "", FILTER)
        if name:
            self.import_file(Path(name))

    def _export(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(self, "Export the codebook",
                                                   "codebook.json", FILTER)
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".qdc" if "qdc" in chosen and "json" not in chosen
                                    else ".json")
        self.export_file(path)
