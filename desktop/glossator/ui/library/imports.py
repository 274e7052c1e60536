"""Importing files into the workspace from the window, with a progress dialog.

Each file is imported in its own transaction, so cancelling keeps every report already
imported. Reading and parsing a file (a 300-page PDF takes most of a minute) runs on another
thread while the window's event loop goes on, so the window paints, the dialog's Stop
answers at once and nothing freezes; storing it runs on the window's thread, the one that
holds the workspace's connection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from glossator.formats.errors import ImportRefused
from glossator.services import Workspace
from glossator.services.commands import Batch, Command
from glossator.services.reports import PreparedReport, reader_fault
from glossator.services.values import ImportOutcome
from glossator.services.workspace import ImportStopped
from glossator.ui.common import folders
from glossator.ui.common.background import Background
from glossator.ui.common.refusals import RefusalsDialog, show_refusals
from glossator.ui.common.undo import UndoController

SHOW_AFTER_MS = 400
REPORT_FILTER = "Reports (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"


def choose_files(parent: QWidget) -> list[str]:
    return folders.open_files(parent, "Import reports", REPORT_FILTER)


def choose_folder(parent: QWidget) -> list[str]:
    folder = folders.open_folder(parent, "Import a folder of reports")
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
    """Runs one import at a time and reports how it went. With an undo controller, the
    reports imported go on its stack as one step (Edit ▸ Undo import of 3 reports)."""

    #: the outcomes of the files handled, and whether the user stopped the import
    finished = Signal(list, bool)

    def __init__(self, workspace: Workspace, parent: QWidget,
                 undo: UndoController | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent
        self.undo = undo
        self.busy = False
        self.dialog: QProgressDialog | None = None
        self.refusals: RefusalsDialog | None = None  # the last import's refused files
        self._reader = Background(self)  # reads and parses the file being imported
        #: how a file is read and parsed, on the reader's thread (a test slows it down)
        self.read: Callable[[Path], PreparedReport] = PreparedReport.from_file

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
        applied: list[Command] = []

        def progress(done: int, total: int, last: ImportOutcome) -> bool:
            nonlocal cancelled
            dialog.setMaximum(max(1, total))
            dialog.setValue(done)
            dialog.setLabelText(f"{done} of {total}: {last.name}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            cancelled = dialog.wasCanceled() and done < total
            return not cancelled

        def prepare(path: Path) -> PreparedReport:
            nonlocal cancelled
            done = dialog.value()
            dialog.setLabelText(f"{done + 1} of {len(files)}: reading {path.name}…")
            prepared = self._read_beside(path, dialog)
            if prepared is None:
                cancelled = True
                raise ImportStopped(path.name)
            return prepared

        try:
            outcomes = self.workspace.import_paths(files, progress=progress, applied=applied,
                                                   prepare=prepare)
        finally:
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
            self.busy = False
            self._adopt(applied)
        handled = zip(files[: len(outcomes)], outcomes, strict=True)  # one outcome a file
        refused = [(path, o.reason or "cannot be read") for path, o in handled
                   if o.status == "refused"]
        imported = sum(o.status == "imported" for o in outcomes)
        self.refusals = show_refusals(self.parent_widget, refused, imported)
        self.finished.emit(outcomes, cancelled)
        return outcomes

    def _read_beside(self, path: Path, dialog: QProgressDialog) -> PreparedReport | None:
        """The file read and parsed on the reader's thread while this thread's events go
        on; None when Stop was pressed meanwhile (the reading is left to finish unseen).
        A refusal (unreadable, too large, a reader fault) is raised here as it was there."""
        if dialog.wasCanceled():
            return None
        read = self.read
        loop = QEventLoop()
        result: list[PreparedReport | ImportRefused] = []

        def work() -> PreparedReport | ImportRefused:
            try:
                return read(path)
            except ImportRefused as refused:
                return refused
            except Exception as exc:  # a reader fault refuses the file
                return reader_fault(path.name, exc)

        def done(value: object) -> None:
            if isinstance(value, PreparedReport | ImportRefused):
                result.append(value)
            loop.quit()

        dialog.canceled.connect(loop.quit)
        try:
            self._reader.run(work, done)
            loop.exec()
        finally:
            dialog.canceled.disconnect(loop.quit)
        if not result:  # stopped before the file was read
            self._reader.cancel()
            return None
        if isinstance(result[0], ImportRefused):
            raise result[0]
        return result[0]

    def _adopt(self, applied: list[Command]) -> None:
        """The reports stored, each in its own transaction, as one step on the undo stack."""
        if self.undo is None or not applied:
            return
        label = ("import report" if len(applied) == 1
                 else f"import of {len(applied)} reports")
        self.undo.adopt(Batch(label, applied))

    def cancel(self) -> None:
        """Stop after the file being imported now (what was imported stays)."""
        if self.dialog is not None:
            self.dialog.canceled.emit()  # as its Stop button does: it cancels itself
