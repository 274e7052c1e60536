"""Importing files into the workspace from the window, with a progress dialog.

Each file is imported in its own transaction, so cancelling keeps every report already
imported. The work runs in the GUI thread (the workspace's session is not shared across
threads); the dialog stays responsive because events are processed between files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from glossator.services import Workspace
from glossator.services.values import ImportOutcome

SHOW_AFTER_MS = 400
REPORT_FILTER = "Reports (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"


def choose_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Import reports", "", REPORT_FILTER)
    return list(files)


def choose_folder(parent: QWidget) -> list[str]:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of reports")
    return [folder] if folder else []


def dropped_paths(mime: QMimeData) -> list[str]:
    """Local files and folders among dropped URLs."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summarize(outcomes: Sequence[ImportOutcome], cancelled: bool = False) -> str:
    """One status-bar line: "Imported 3 reports, 1 refused: binary file"."""
    if not outcomes:
        return "Import cancelled" if cancelled else "No report files found"
    counts = Counter(o.status for o in outcomes)
    parts = [f"Imported {_plural(counts['imported'], 'report')}"]
    if counts["duplicate"]:
        parts.append(f"{counts['duplicate']} already in the workspace")
    warned = [o for o in outcomes if o.status == "imported" and o.footnote_warning]
    if warned:
        first = f"{warned[0].name}: {warned[0].footnote_warning}"
        more = f" (and {len(warned) - 1} more)" if len(warned) > 1 else ""
        parts.append(f"{_plural(len(warned), 'footnote warning')}: {first}{more}")
    if counts["refused"]:
        reasons = list(dict.fromkeys(o.reason or "unreadable" for o in outcomes
                                     if o.status == "refused"))
        shown = "; ".join(reasons[:3]) + ("; …" if len(reasons) > 3 else "")
        parts.append(f"{counts['refused']} refused: {shown}")
    line = ", ".join(parts)
    return line + (" (cancelled)" if cancelled else "")


class ImportRunner(QObject):
    """Runs one import at a time and reports how it went."""

    #: the outcomes of the files handled, and whether the user stopped the import
    finished = Signal(list, bool)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent
        self.busy = False
        self.dialog: QProgressDialog | None = None

    def run(self, items: Sequence[str | Path]) -> list[ImportOutcome]:
        """Import files and folders; returns what became of each file handled."""
        if self.busy:
            return []
        self.busy = True
        files = Workspace.expand_paths(items)
        dialog = QProgressDialog("Importing reports…", "Stop", 0, max(1, len(files)),
                                 self.parent_widget)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.dialog = dialog
        cancelled = False

        def progress(done: int, total: int, last: ImportOutcome) -> bool:
            nonlocal cancelled
            dialog.setMaximum(max(1, total))
            dialog.setValue(done)
            dialog.setLabelText(f"{done} of {total}: {last.name}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            cancelled = dialog.wasCanceled() and done < total
            return not cancelled

        try:
            outcomes = self.workspace.import_paths(files, progress=progress)
        finally:
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
            self.busy = False
        self.finished.emit(outcomes, cancelled)
        return outcomes

    def cancel(self) -> None:
        """Stop after the file being imported now (what was imported stays)."""
        if self.dialog is not None:
            self.dialog.cancel()
