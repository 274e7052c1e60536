"""Running an export from the window: a progress dialog with Stop for a large set (shown at
once past `SHOW_AT` annotations, after a moment otherwise), the work in the GUI thread with
events handled between steps (the workspace's connection stays in its thread). Stop cancels
the export where it stands; nothing is written (see services/export_progress.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from glossator.core.exchange import ExchangeSet
from glossator.services import Workspace
from glossator.services.exchange import export_annotations
from glossator.services.export_progress import READING
from glossator.ui.exchange.export_dialog import ExportChoice

SHOW_AT = 5000  # annotations from which the progress dialog shows at once
SHOW_AFTER_MS = 500  # smaller sets: shown only when they take this long


class ExportRun:
    """One export with its progress dialog; `dialog` is there while it runs."""

    def __init__(self, ws: Workspace, parent: QWidget) -> None:
        self.ws, self.parent = ws, parent
        self.dialog: QProgressDialog | None = None

    def run(self, choice: ExportChoice, dest: Path, expected: int, *,
            overwrite: bool = False) -> ExchangeSet:
        """Write the chosen annotations to `dest` (an existing file only with `overwrite`,
        once the reviewer said so). Raises CommandError (ExportCancelled included) with the
        sentence to show; nothing is written then."""
        dialog = QProgressDialog(f"Exporting to {dest.name}\u2026", "&Stop", 0, 100,
                                 self.parent)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0 if expected >= SHOW_AT else SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.dialog = dialog
        shown = 0

        def progress(phase: str, done: int, total: int) -> bool:
            nonlocal shown
            share = done / total if total else 0.0
            value = round(50 * share) + (0 if phase == READING else 50)
            shown = max(shown, value)  # a writer may walk the annotations twice
            dialog.setValue(shown)
            verb = "Reading" if phase == READING else "Writing"
            dialog.setLabelText(f"{verb} annotations: {done:,} of {total:,}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            return not dialog.wasCanceled()

        try:
            return export_annotations(self.ws, choice.format, dest,
                                      list(choice.report_ids) if choice.report_ids is not None
                                      else None,
                                      list(choice.statuses) if choice.statuses is not None
                                      else None,
                                      overwrite=overwrite, progress=progress)
        finally:
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
