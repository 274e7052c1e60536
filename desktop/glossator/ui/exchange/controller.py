"""Export and import of annotation sets from the window.

Export: the dialog's choices, then the file (the format's suffix settled, an existing file
replaced only when the reviewer says so), the export with its progress, and what was written
where. Import (the menu, or files dropped on the window): each file is read (a refusal is
named with its reason), its merge report shown before anything is written, imported as one
undo step on Import, and its report shown again as done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from glossator.core.exchange import ExchangeSet
from glossator.core.permissions import Action, refusal
from glossator.formats.registry import EXPORTERS
from glossator.services import CommandError, StoreError, Workspace
from glossator.services.exchange_files import read_annotation_set
from glossator.services.exchange_import import ImportAnnotations
from glossator.services.exchange_preview import ImportPreview, codebook_delta, preview_import
from glossator.services.export_progress import ExportCancelled
from glossator.services.export_scope import count_annotations
from glossator.ui.common import folders
from glossator.ui.common.refusals import RefusalsDialog, show_refusals
from glossator.ui.common.undo import UndoController
from glossator.ui.exchange.destination import file_filter, format_name_of, settle
from glossator.ui.exchange.export_dialog import ExportChoice, ExportDialog
from glossator.ui.exchange.export_run import ExportRun
from glossator.ui.exchange.merge_dialog import DONE, PREVIEW, MergeDialog
from glossator.ui.state import WindowState

log = logging.getLogger("glossator.exchange")

#: What a dropped file must end in to be read as an annotation set (else it is a report).
SET_SUFFIXES = frozenset({".jsonld", ".jsonl", ".qdpx", ".qdc"})
SET_FILTER = ("Annotation sets (*.jsonld *.json *.jsonl *.ndjson *.qdpx *.qdc);;"
              "All files (*)")


def is_annotation_set(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SET_SUFFIXES


@dataclass(frozen=True, slots=True)
class _Queued:
    path: Path
    set: ExchangeSet


class Exchange(QObject):
    """The window's File ▸ Export annotations… and Import annotations…, and dropped sets."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 say: Callable[[str, int], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.state, self.ws, self.undo, self._say, self.parent_widget = (
            state, ws, undo, say, parent)
        self.export_dialog: ExportDialog | None = None
        self.merge_dialog: MergeDialog | None = None  # the report shown now, before or after
        self.message: QMessageBox | None = None  # the last result or refusal shown
        self.refusals: RefusalsDialog | None = None
        self.running: ExportRun | None = None
        self._queue: list[_Queued] = []

    # -- export -----------------------------------------------------------------------------

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.ws.reports(), self.state.report_id, self._count,
                              self.parent_widget)
        dialog.exportRequested.connect(self.export)
        access = self.ws.access()
        dialog.allow_final(refusal(access.role, Action.SETTLE, access.who))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _count(self, report_ids: Sequence[int] | None, statuses: Sequence[str] | None) -> int:
        return count_annotations(self.ws, report_ids, statuses)

    def suggested_name(self, choice: ExportChoice) -> str:
        stem = "codebook" if choice.codebook_only else "annotations"
        report = self.state.report if choice.report_ids == (self.state.report_id,) else None
        if report is not None and not choice.codebook_only:
            words = "".join(c if c.isalnum() else " " for c in report.title).split()[:6]
            stem = "-".join(words).lower() or stem
        if choice.statuses == ("accepted",):
            stem += "-final"
        return stem + EXPORTERS[choice.format].suffix

    def export(self, choice: ExportChoice) -> Path | None:
        """Ask for the file and write it; the path written, or None (cancelled, refused)."""
        chosen, _filter = folders.save_file(
            self._front(), "Export annotations", self.suggested_name(choice),
            f"{file_filter(choice.format)};;All files (*)", confirm_overwrite=False)
        if chosen is None:
            return None
        dest = settle(chosen, choice.format)
        if dest.question is not None and not self._ask(
                "exportSuffixQuestion", "Export annotations", dest.question,
                f"Save as {dest.path.name}"):
            return None
        overwrite = False
        if dest.path.exists():
            if not self._ask("exportReplaceQuestion", "Export annotations",
                             f"\u201c{dest.path.name}\u201d already exists in "
                             f"{dest.path.parent}. Replace it?", "Replace"):
                return None
            overwrite = True
        expected = 0 if choice.codebook_only else self._count(choice.report_ids,
                                                                choice.statuses)
        self.running = ExportRun(self.ws, self._front())
        try:
            written = self.running.run(choice, dest.path, expected, overwrite=overwrite)
        except ExportCancelled as exc:
            self._show(QMessageBox.Icon.Information, "exportCancelled", "Export annotations",
                       str(exc))
            return None
        except (CommandError, StoreError) as exc:
            self._show(QMessageBox.Icon.Warning, "exportRefused", "Export annotations",
                       str(exc))
            return None
        finally:
            self.running = None
        if self.export_dialog is not None:
            self.export_dialog.accept()
        self._exported(choice, dest.path, written)
        return dest.path

    def _exported(self, choice: ExportChoice, path: Path, written: ExchangeSet) -> None:
        what = format_name_of(choice.format)
        if choice.codebook_only:
            cb = written.codebook
            line = (f"Wrote the codebook ({len(cb.tags)} tags, {len(cb.speakers)} speakers, "
                    f"{len(cb.targets)} targets) as {what} to {path}")
        else:
            n = len(written.annotations)
            reports = len({a.report_uuid for a in written.annotations})
            final = " (the final set)" if choice.statuses == ("accepted",) else ""
            line = (f"Wrote {n:,} annotation{'s' if n != 1 else ''}{final} of {reports} "
                    f"report{'s' if reports != 1 else ''} as {what} to {path}")
        self._say(line, 10000)
        box = self._show(QMessageBox.Icon.Information, "exportDone", "Export finished", line)
        folder = box.addButton("Open the &folder", QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))

    # -- import -----------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path = folders.open_file(self.parent_widget, "Import annotations", SET_FILTER)
        if path is not None:
            self.import_sets([path])

    def import_sets(self, paths: Sequence[str | Path]) -> None:
        """Read each file, then show the first one's merge report (the others follow in
        turn, each previewed when its turn comes); files that cannot be read are listed
        with their reasons."""
        refused: list[tuple[Path, str]] = []
        read: list[_Queued] = []
        for item in paths:
            path = Path(item)
            try:
                read.append(_Queued(path, read_annotation_set(path)))
            except CommandError as exc:
                refused.append((path, _reason(path, exc)))
        self._queue += read
        if refused:
            self.refusals = show_refusals(self.parent_widget, refused, len(read),
                                          what="read")
        if self.merge_dialog is None:
            self._next()

    def _next(self) -> None:
        self.merge_dialog = None
        while self._queue:
            item = self._queue.pop(0)
            try:
                preview = preview_import(self.ws, item.set, item.path.name)
            except (CommandError, StoreError) as exc:
                self._show(QMessageBox.Icon.Warning, "importFailed", "Import annotations",
                           f"{item.path.name} cannot be imported: {_reason(item.path, exc)}")
                continue
            self._preview(item, preview)
            return

    def _preview(self, item: _Queued, preview: ImportPreview) -> None:
        dialog = MergeDialog(item.path.name, preview, PREVIEW, _quotes(item.set),
                             self.parent_widget)
        dialog.accepted.connect(lambda: self._import(item))
        dialog.rejected.connect(self._next)
        self.merge_dialog = dialog
        dialog.open()

    def _import(self, item: _Queued) -> None:
        command = ImportAnnotations(item.set, item.path.name)
        failures: list[str] = []
        self.undo.failed.connect(failures.append)
        before = self.ws.codebook()
        try:
            change = self.undo.push(command)
        finally:
            self.undo.failed.disconnect(failures.append)
        if change is None or command.report is None:
            reason = failures[-1] if failures else "the workspace did not take it"
            self._show(QMessageBox.Icon.Warning, "importFailed", "Import annotations",
                       f"{item.path.name} was not imported: {reason}")
            self._next()
            return
        done = ImportPreview(command.report, codebook_delta(before, self.ws.codebook()))
        dialog = MergeDialog(item.path.name, done, DONE, _quotes(item.set),
                             self.parent_widget)
        dialog.finished.connect(lambda _result: self._next())
        self.merge_dialog = dialog
        dialog.open()

    # -- asking and telling -----------------------------------------------------------------

    def _front(self) -> QWidget:
        """What questions and progress go over: the export dialog while it is open."""
        dialog = self.export_dialog
        return dialog if dialog is not None and dialog.isVisible() else self.parent_widget

    def _ask(self, name: str, title: str, question: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self._front())
        box.setObjectName(name)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def _show(self, icon: QMessageBox.Icon, name: str, title: str, text: str) -> QMessageBox:
        """A message the reviewer reads and closes (window-modal, not blocking); warnings
        also go to the log."""
        if icon == QMessageBox.Icon.Warning:
            log.warning("%s: %s", title, text)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._front())
        box.setObjectName(name)
        self.message = box
        box.open()
        return box


def _reason(path: Path, exc: Exception) -> str:
    """The refusal's sentence without the file name it starts with (shown beside it)."""
    return str(exc).removeprefix(f"{path.name}: ") or type(exc).__name__


def _quotes(s: ExchangeSet) -> dict[str, str]:
    return {a.uuid: a.quote for a in s.annotations}
