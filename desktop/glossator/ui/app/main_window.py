"""The main window: library, report, footnotes, inspector and annotation table, in sync.

The window holds plain values only (`ReportDetail`, `AnnotationView`); every change goes
through the undo controller as a workspace command, and the window repaints from the
`Change` each command returns (also when it comes from undo or redo).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from glossator import paths
from glossator.services import CommandError, Workspace
from glossator.services.values import AnnotationView, ImportOutcome, ReportDetail
from glossator.ui.annotations.editing import Editing
from glossator.ui.annotations.table import AnnotationTable
from glossator.ui.app.actions import KeyFallback, WindowActions
from glossator.ui.app.actions_attribution import AttributionActions
from glossator.ui.app.layout import SPLITTER_SIZES, build_panes
from glossator.ui.app.settings import AppSettings
from glossator.ui.app.storage_banner import StorageBanner
from glossator.ui.app.sync import ViewSync
from glossator.ui.app.window_memory import restore_window, save_window
from glossator.ui.attribution.controller import Attribution
from glossator.ui.attribution.suggestion_panel import SuggestionPanel
from glossator.ui.attribution.suggestions import Suggestions
from glossator.ui.codebook.tag_palette import TagPalette
from glossator.ui.common import dialogs
from glossator.ui.common.after_paint import AfterPaint
from glossator.ui.common.undo import UndoController
from glossator.ui.inspector.inspector import Inspector
from glossator.ui.library.imports import (
    ImportRunner,
    WindowImports,
    choose_files,
    choose_folder,
    dropped_paths,
)
from glossator.ui.library.panel import LibraryPanel
from glossator.ui.library.reimport import Reimport
from glossator.ui.library.search import connect_search
from glossator.ui.notes.footnote_panel import FootnotePanel
from glossator.ui.notes.navigation import Navigation, is_citation_key
from glossator.ui.reader.report_view import ReportView
from glossator.ui.review.controller import ReviewWorkflow


class MainWindow(QMainWindow):
    """The reviewer's workbench on one workspace."""

    library: LibraryPanel
    palette: TagPalette
    report_view: ReportView
    table: AnnotationTable
    suggestion_panel: SuggestionPanel
    lower_tabs: QTabWidget
    footnotes: FootnotePanel
    inspector: Inspector
    inspector_area: QScrollArea | None
    storage_banner: StorageBanner
    splitters: dict[str, QSplitter]

    def __init__(self, workspace: Workspace, settings: AppSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Glossator")
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "glossator.svg")))
        self.ws = workspace
        self.settings = settings or AppSettings()
        self.undo = UndoController(workspace, self)
        self.importer = ImportRunner(workspace, self)
        self.imports = WindowImports(self, self.importer)
        self._report: ReportDetail | None = None
        self._annotations: dict[str, AnnotationView] = {}
        self.selected: str | None = None
        self.editing = Editing(self)
        self.navigation = Navigation(self)
        self.sync = ViewSync(self)
        self._pending_top: int | None = None
        self._inspector_later = AfterPaint(self._show_selected_in_inspector, self)
        self._zoom = 0
        build_panes(self)
        self.menu_actions = WindowActions(self, self.undo)
        self.menu_actions.build_menus()
        self.menu_actions.build_toolbar()
        self.reviewer_button = QPushButton(self)
        self.reviewer_button.setObjectName("reviewerButton")
        self.reviewer_button.setFlat(True)
        self.reviewer_button.setToolTip("Switch reviewer (Ctrl+Shift+R)")
        self.statusBar().addPermanentWidget(self.reviewer_button)
        self._connect()
        self.attribution = Attribution(self)
        self.suggestions = Suggestions(self)
        self.attribution.connect_actions(AttributionActions(self.menu_actions))
        self.review = ReviewWorkflow(self)
        self.setAcceptDrops(True)
        workspace.subscribe(self.sync.on_change)
        self.reimport = Reimport(self)  # File > Re-import from file…, after the sync above
        self.load_tags()
        self.library.set_reports(workspace.reports())
        self._show_reviewer()
        restore_window(self)

    def _connect(self) -> None:
        a, view, nav, edit = self.menu_actions, self.report_view, self.navigation, self.editing
        for action, slot in (
            (a.import_files, lambda: self.import_paths(choose_files(self))),
            (a.import_folder, lambda: self.import_paths(choose_folder(self))),
            (a.clear_recent, self.imports.clear_recent), (a.quit, self.close),
            (a.delete, edit.delete_selected), (a.deselect, lambda: self.select_annotation(None)),
            (a.edit_note, self._edit_note), (a.span_to_selection, edit.span_to_selection),
            (a.find, self.library.focus_search), (a.filter_annotations, self.table.search.setFocus),
            (a.next_annotation, lambda: nav.step_annotation(1)),
            (a.previous_annotation, lambda: nav.step_annotation(-1)),
            (a.marker_note, nav.jump_marker_note), (a.next_report, lambda: nav.step_report(1)),
            (a.previous_report, lambda: nav.step_report(-1)),
            (a.zoom_in, lambda: self.zoom(1)), (a.zoom_out, lambda: self.zoom(-1)),
            (a.reset_zoom, lambda: self.zoom(0)), (a.focus_library, self.library.view.setFocus),
            (a.focus_report, view.setFocus), (a.focus_notes, self.footnotes.setFocus),
            (a.focus_table, lambda: self.suggestions.focus_table()),
            (a.focus_inspector, self.inspector.setFocus),
            (a.switch_reviewer, self.switch_reviewer), (a.shortcuts, self.show_shortcuts),
            (a.about, lambda: dialogs.about(self, self.ws.db.display_name)),
        ):
            action.triggered.connect(slot)
        self.imports.update_recent()
        self.reviewer_button.clicked.connect(self.switch_reviewer)
        self.undo.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.undo.pendingChanged.connect(self.storage_banner.show_pending)
        self.undo.savedLater.connect(
            lambda _change: self.statusBar().showMessage("A kept edit was saved", 6000))
        self.storage_banner.retryRequested.connect(self.undo.retry_pending)
        if self.ws.read_only:
            self.storage_banner.show_read_only(
                f"{self.ws.db.display_name} cannot be written here (a read-only medium, or "
                "no permission to write it or its folder). You can read, search and export; "
                "copy it to a writable folder to annotate.")
        self.undo.stack.indexChanged.connect(lambda _index: self.sync.follow_undo())
        self.library.reportActivated.connect(self.open_report)
        connect_search(self)  # full-text search in the library opens reports at the match
        self.palette.tagChosen.connect(edit.apply_tag)
        self.table.annotationSelected.connect(self.select_annotation)
        self.table.annotationActivated.connect(self._jump_to_annotation)
        self.inspector.edited.connect(edit.edit)
        self.inspector.spanFromSelectionRequested.connect(lambda _id: edit.span_to_selection())
        view.painted.connect(self.sync.after_paint)
        view.highlightClicked.connect(self._highlight_clicked)
        view.markerClicked.connect(nav.marker_clicked)
        view.markerHovered.connect(lambda label, _start: self.footnotes.select_note(label))
        view.customContextMenuRequested.connect(edit.context_menu)
        self.footnotes.noteActivated.connect(nav.show_citations)
        self.footnotes.citationActivated.connect(lambda _label, start: nav.caret_to(start))
        self._keys = KeyFallback(self.actions, self)
        view.installEventFilter(self._keys)

    # -- the open report --------------------------------------------------------------------

    # The open report's values. A report opened in a shown window is read in two steps
    # (ViewSync.show_text, then ViewSync.complete once painted); asking for these values
    # in between completes the reading first, so no caller ever sees half a report.

    @property
    def report(self) -> ReportDetail | None:
        self.sync.complete()
        return self._report

    @report.setter
    def report(self, detail: ReportDetail | None) -> None:
        self._report = detail

    @property
    def annotations(self) -> dict[str, AnnotationView]:
        self.sync.complete()
        return self._annotations

    @annotations.setter
    def annotations(self, views: dict[str, AnnotationView]) -> None:
        self._annotations = views

    def annotations_so_far(self) -> dict[str, AnnotationView]:
        """The annotation values read so far, without completing an opening (for code that
        runs while painting, which must not read the database)."""
        return self._annotations

    def open_report(self, report_id: int, top: int | None = None) -> bool:
        """Show a report; `top`: the code point whose line goes to the top of the view."""
        if self.sync.shown_id == report_id and top is None:
            return True
        self.inspector.commit_note()
        try:
            if self.isVisible():  # the text and what is in view first, the rest once painted
                self._pending_top = top
                self.sync.show_text(self.ws.report_text(report_id))
                return True
            detail = self.ws.report(report_id)
        except CommandError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return False
        self.sync.show_report(detail, self.ws.annotations(report_id))
        self._pending_top = top
        return True

    def apply_scroll(self) -> None:
        if self._pending_top is not None:
            self.report_view.show_from(self._pending_top)
            self._pending_top = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        main = self.splitters["main"]
        sizes, total = main.sizes(), sum(main.sizes())
        if total and sizes[1] < 0.4 * total:  # a smaller screen than last time: report first
            defaults = SPLITTER_SIZES["main"]
            main.setSizes([round(x * total / sum(defaults)) for x in defaults])
        if self._pending_top is not None:
            QTimer.singleShot(0, self.apply_scroll)

    def select_annotation(self, annotation_id: str | None, *, after_paint: bool = False) -> None:
        """Select one annotation everywhere (None: none). `after_paint`: the outline now,
        the inspector once the report view has painted (a new highlight shows at once)."""
        if annotation_id is not None and annotation_id not in self.annotations:
            annotation_id = None
        self.selected = annotation_id
        self.report_view.set_selected(annotation_id)
        self.table.select_annotation(annotation_id)
        if after_paint:
            self._inspector_later.schedule()
        else:
            self._inspector_later.cancel()
            self._show_selected_in_inspector()

    def _show_selected_in_inspector(self) -> None:
        self.attribution.ensure_registry()
        self.inspector.show_annotation(self.annotations.get(self.selected or ""))

    def _highlight_clicked(self, key: str) -> None:
        if not is_citation_key(key):
            self.select_annotation(key)

    def _jump_to_annotation(self, annotation_id: str) -> None:
        self.select_annotation(annotation_id)
        found = self.annotations.get(annotation_id)
        if found is not None:
            self.report_view.scroll_to(found.start)
            self.report_view.setFocus()

    def _edit_note(self) -> None:
        if self.selected is not None:
            self.inspector.note.setFocus()

    def zoom(self, steps: int) -> None:
        """Zoom the report text by `steps` (0: back to normal size)."""
        if steps == 0:
            self.report_view.reset_zoom()
            self._zoom = 0
        for _ in range(abs(steps)):
            (self.report_view.zoom_in if steps > 0 else self.report_view.zoom_out)()
        self._zoom += steps

    # -- changes ----------------------------------------------------------------------------

    def load_tags(self) -> None:
        tags = self.ws.tags()
        self.palette.set_tags(tags)
        self.inspector.set_tags(tags)
        self.table.set_tags(tags)
        self.menu_actions.set_tags(tags, self.editing.apply_tag)

    # -- reviewer ---------------------------------------------------------------------------

    def _show_reviewer(self) -> None:
        self.reviewer_button.setText(f"Reviewer: {self.ws.reviewer or 'nobody'}")

    def switch_reviewer(self) -> None:
        name = dialogs.ask_reviewer(self, self.ws.reviewer or dialogs.system_user_name(),
                                    self.ws.reviewers())
        if name is None:
            return
        self.ws.set_reviewer(name)
        self.settings.reviewer = self.ws.reviewer
        self._show_reviewer()
        self.statusBar().showMessage(f"Reviewing as {self.ws.reviewer}", 6000)

    def show_shortcuts(self) -> None:
        dialogs.ShortcutsDialog(self.menu_actions.shortcut_groups(), self).exec()

    # -- import -----------------------------------------------------------------------------

    def import_paths(self, items: list[str]) -> list[ImportOutcome]:
        """Import files and folders (with a progress dialog); what became of each file."""
        return self.imports.import_paths(items)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        items = dropped_paths(event.mimeData())
        if items:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(items))

    # -- remembering ------------------------------------------------------------------------

    @property
    def zoom_steps(self) -> int:
        return self._zoom

    def save_state(self) -> None:
        save_window(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.inspector.commit_note()
        if self.undo.pending and not self.undo.retry_pending():
            if not dialogs.confirm_losing_pending(self, self.undo.pending,
                                                  self.undo.pending_reason):
                event.ignore()
                return
            self.undo.discard_pending()
        self.save_state()
        self.ws.unsubscribe(self.sync.on_change)
        for timer in self.findChildren(QTimer):  # nothing reads a closed workspace later
            timer.stop()
        super().closeEvent(event)
