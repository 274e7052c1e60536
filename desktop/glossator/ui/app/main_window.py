"""The main window: library, report, footnotes, inspector and annotation table, in sync.

The window builds the panes, the shared state (`WindowState`) and one controller per
feature, each given the state and the panes it works on, and wires them together. It holds
plain values only (`ReportDetail`, `AnnotationView`); every change goes through the undo
controller as a workspace command, and the views repaint from the `Change` each command
returns (also when it comes from undo or redo).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from glossator import paths
from glossator.ui.app.settings import AppSettings

if TYPE_CHECKING:  # imported when the window is assembled (`_import_parts`); even the
    # `Qt` namespace, whose hundred enums take a tenth of the first paint to make
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent

    from glossator.services import Workspace
    from glossator.services.library import FirstLine
    from glossator.services.values import AnnotationView, ImportOutcome, ReportDetail
    from glossator.ui.analysis.actions import AnalysisActions
    from glossator.ui.analysis.controller import AnalysisViews
    from glossator.ui.app.accessible_names import name_controls
    from glossator.ui.app.actions import KeyFallback, WindowActions
    from glossator.ui.app.imports import WindowImports
    from glossator.ui.app.layout import build_panes
    from glossator.ui.app.look import Look
    from glossator.ui.app.reviewer import ReviewerSwitch
    from glossator.ui.app.side_panes import SidePanes
    from glossator.ui.app.skeleton import Skeleton
    from glossator.ui.app.sync import ViewSync
    from glossator.ui.app.team_window import TeamWindow
    from glossator.ui.app.window_memory import restore_window, save_window
    from glossator.ui.attribution.actions import AttributionActions
    from glossator.ui.attribution.controller import Attribution
    from glossator.ui.attribution.suggestions import Suggestions
    from glossator.ui.codebook.dialog import CodebookDialog  # imported when first opened
    from glossator.ui.common import dialogs
    from glossator.ui.common.after_paint import AfterPaint
    from glossator.ui.common.undo import UndoController
    from glossator.ui.exchange.actions import ExchangeActions
    from glossator.ui.exchange.controller import Exchange, is_annotation_set
    from glossator.ui.inspector.controller import InspectorFields
    from glossator.ui.library.imports import (
        ImportRunner,
        choose_files,
        choose_folder,
        dropped_paths,
    )
    from glossator.ui.library.orphans import Orphans
    from glossator.ui.library.reimport import Reimport
    from glossator.ui.reader.editing import Editing
    from glossator.ui.reader.navigation import Navigation, is_citation_key
    from glossator.ui.review.actions import ReviewActions
    from glossator.ui.review.controller import ReviewWorkflow
    from glossator.ui.state import WindowState


def _import_parts() -> None:
    """The features the window is assembled from, imported now: the names above, used in
    the methods below, become this module's (at start-up, after the skeleton's paint)."""
    from glossator.ui.app import window_parts

    globals().update(window_parts.PARTS)


MINIMUM_SIZE = (900, 600)  # everything usable down to here; laid out for 1024 x 700


class MainWindow(QMainWindow):
    """The reviewer's workbench on one workspace."""

    def __init__(self, workspace: Workspace | None, settings: AppSettings | None = None,
                 parent: QWidget | None = None, *,
                 first_list: Sequence[FirstLine] = (),
                 after_first_paint: Callable[[], None] | None = None) -> None:
        """On a workspace, the whole window at once. Without one (start-up), a skeleton
        showing `first_list`; `after_first_paint` runs once it is painted, and is where
        `assemble` is called."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Glossator")
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "glossator.svg")))
        self.settings = settings or AppSettings()
        self.assembled = False
        if workspace is None:
            from glossator.ui.app.skeleton import show_skeleton

            self._skeleton = show_skeleton(self, self.settings, first_list,
                                           after_first_paint or (lambda: None))
            return
        self.assemble(workspace)

    def assemble(self, workspace: Workspace) -> None:
        """Build the panes and the features on the workspace, and show its report."""
        _import_parts()
        self.ws = workspace
        self.state = WindowState()  # outlives the widgets, as the values it holds
        self.undo = UndoController(workspace, self)
        self.importer = ImportRunner(workspace, self, self.undo)
        self._zoom = 0
        self.panes = p = build_panes(self)
        self.library, self.tag_palette, self.report_view = p.library, p.tag_palette, p.report_view
        self.table, self.suggestion_panel, self.lower_tabs = (
            p.table, p.suggestion_panel, p.lower_tabs)
        self.footnotes, self.inspector, self.inspector_area = (
            p.footnotes, p.inspector, p.inspector_area)
        self.storage_banner, self.splitters = p.storage_banner, p.splitters
        name_controls(p)
        say = self.statusBar().showMessage
        self.sync = ViewSync(self.state, workspace, self.undo, p, say, self.setWindowTitle,
                             self.isVisible, self)
        self.editing = Editing(self.state, self.report_view, self.undo, say)
        self.navigation = Navigation(self.state, self.report_view, self.footnotes.select_note,
                                     say)
        self.fields = InspectorFields(self.state, workspace, self.undo, self.inspector,
                                      self.inspector_area, say, self)
        self._inspector_later = AfterPaint(self.fields.show_selected, self)
        self.menu_actions = WindowActions(self, self.undo)
        self.menu_actions.build_menus()
        self.menu_actions.build_toolbar()
        self.side_panes = SidePanes(self.splitters["main"], self.menu_actions)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.look = Look(self.menu_actions, self.settings, lambda: self.state.tags,
                         lambda: self.state.set_tags(self.state.tags), self.report_view.restyle)
        self.editing.actions = self.menu_actions
        self.imports = WindowImports(self.state, self.importer, self.settings,
                                     self.menu_actions, self.sync.refresh_library, say)
        self.reviewer_button = QPushButton(self)
        self.reviewer_button.setObjectName("reviewerButton")
        self.reviewer_button.setFlat(True)
        self.reviewer_button.setToolTip("Switch reviewer (Ctrl+Shift+R)")
        self.statusBar().addPermanentWidget(self.reviewer_button)
        self.reviewer = ReviewerSwitch(workspace, self.settings, self.reviewer_button, say,
                                       self)
        self._connect()
        self.attribution = Attribution(self.state, workspace, self.show_passage, say, self)
        self.suggestions = Suggestions(self.state, workspace, self.undo, self.suggestion_panel,
                                       self.report_view, self.lower_tabs,
                                       self.navigation.caret, say, self)
        self._connect_attribution(AttributionActions(self.menu_actions))
        self.review = ReviewWorkflow(
            self.state, workspace, self.undo, ReviewActions(self.menu_actions),
            p.review_panel, self._table_ids, self.fields.reveal, self.show_passage, say, self)
        self._connect_review()
        self.analysis = AnalysisViews(self.state, workspace, self.undo, self.show_passage,
                                      say, self)
        self.analysis.connect(AnalysisActions(self.menu_actions))
        self.analysis.place_memo_hits = self.library.add_section
        self.library.searched.connect(self.analysis.search_memos)
        self.orphans = Orphans(self.state, p.orphans, p.lower_tabs)
        self.sync.followers += [self.fields.on_change, self.sync.reload_annotations,
                                self.attribution.on_change, self.suggestions.on_change,
                                self.analysis.on_change, self.orphans.on_change]
        self._filter_changed()  # orphans are never painted, filter or not
        self.setAcceptDrops(True)
        workspace.subscribe(self.sync.on_change)
        self.reimport = Reimport(self.state, workspace, self.undo, say, self)
        self.menu_actions.reimport.triggered.connect(self.reimport.run)
        self.exchange = Exchange(self.state, workspace, self.undo, say, self)
        self.exchange_actions = exchange_actions = ExchangeActions(self.menu_actions)
        exchange_actions.export.triggered.connect(self.exchange.open_export)
        exchange_actions.import_sets.triggered.connect(self.exchange.choose_and_import)
        self.load_tags()
        self.library.set_reports(workspace.reports())
        self.reviewer.show()
        from glossator.ui.app.team_window import TeamWindow

        self.team = TeamWindow(self)  # others' changes, conflicts, roles
        self.assembled = True
        restore_window(self)

    def _connect(self) -> None:
        a, view, nav, edit = self.menu_actions, self.report_view, self.navigation, self.editing
        for action, slot in (
            (a.import_files, lambda: self.import_paths(choose_files(self))),
            (a.import_folder, lambda: self.import_paths(choose_folder(self))),
            (a.clear_recent, self.imports.clear_recent), (a.quit, self.close),
            (a.delete, edit.delete_selected), (a.deselect, lambda: self.select_annotation(None)),
            (a.edit_note, self.fields.focus_note), (a.span_to_selection, edit.span_to_selection),
            (a.find, self.library.focus_search), (a.filter_annotations, self.table.search.setFocus),
            (a.next_annotation, lambda: nav.step_annotation(1)),
            (a.previous_annotation, lambda: nav.step_annotation(-1)),
            (a.marker_note, nav.jump_marker_note),
            (a.next_report, lambda: self.library.step_report(1)),
            (a.previous_report, lambda: self.library.step_report(-1)),
            (a.zoom_in, lambda: self.zoom(1)), (a.zoom_out, lambda: self.zoom(-1)),
            (a.reset_zoom, lambda: self.zoom(0)), (a.focus_library, self.library.view.setFocus),
            (a.focus_report, view.setFocus), (a.focus_notes, self.footnotes.setFocus),
            (a.focus_table, self.focus_table),
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
        self._connect_search()
        self.tag_palette.tagChosen.connect(edit.apply_tag)
        self.table.annotationSelected.connect(self.select_annotation)
        self.table.annotationActivated.connect(self._jump_to_annotation)
        self.inspector.edited.connect(  # based on the value the inspector showed
            lambda uuid, fields, label: edit.edit(uuid, fields, label, self.inspector.current))
        self.inspector.spanFromSelectionRequested.connect(lambda _id: edit.span_to_selection())
        view.painted.connect(self.sync.after_paint)
        view.highlightClicked.connect(self._highlight_clicked)
        view.markerClicked.connect(nav.marker_clicked)
        view.markerHovered.connect(lambda label, _start: self.footnotes.select_note(label))
        view.customContextMenuRequested.connect(edit.context_menu)
        self.footnotes.noteActivated.connect(nav.show_citations)
        self.footnotes.citationActivated.connect(lambda _label, start: nav.caret_to(start))
        self.state.selectionChanged.connect(self._selection_changed)
        self.state.tagsChanged.connect(self._tags_changed)
        self.state.filterChanged.connect(self._filter_changed)
        self._keys = KeyFallback(self.actions, self)
        view.installEventFilter(self._keys)

    def _connect_search(self) -> None:
        """Full-text search in the library opens reports with the matched word selected."""
        self.library.set_searcher(self.ws.search)

        def show_match(report_id: int, start: int, end: int, focus: bool) -> None:
            if not self.open_report(report_id):
                return
            if start >= 0:
                self.report_view.select_span(start, end)
            if focus:
                self.report_view.setFocus(Qt.FocusReason.OtherFocusReason)

        self.library.matchActivated.connect(show_match)

    def _connect_attribution(self, acts: AttributionActions) -> None:
        self.attribution.actions = acts
        s, fields = self.suggestions, self.fields
        for action, slot in (
            (acts.focus_speaker, fields.focus_speaker), (acts.add_stance, fields.add_stance),
            (acts.accept_suggestion, s.accept), (acts.reject_suggestion, s.reject),
            (acts.next_suggestion, lambda: s.step(1)),
            (acts.previous_suggestion, lambda: s.step(-1)),
            (acts.focus_suggestions, s.focus), (acts.codebook, self.open_codebook),
            (acts.speakers_in_report, self.attribution.open_summary),
            (acts.stance_matrix, self.attribution.open_matrix),
        ):
            action.triggered.connect(slot)

    def _connect_review(self) -> None:
        review = self.review
        self.table.add_filter(review.filters)
        self.inspector.annotationShown.connect(review.show_thread)
        review.panel.leaveRequested.connect(self.report_view.setFocus)
        # "only mine" follows a change of reviewer (connected after the window's own slot)
        self.menu_actions.switch_reviewer.triggered.connect(review.apply_filters)
        self.reviewer_button.clicked.connect(review.apply_filters)

    # -- the open report (values in the shared state) -------------------------------------

    @property
    def report(self) -> ReportDetail | None:
        return self.state.report

    @property
    def annotations(self) -> dict[str, AnnotationView]:
        return self.state.annotations

    @property
    def selected(self) -> str | None:
        return self.state.selected

    def annotations_so_far(self) -> dict[str, AnnotationView]:
        return self.state.annotations_so_far()

    def open_report(self, report_id: int, top: int | None = None) -> bool:
        """Show a report; `top`: the code point whose line goes to the top of the view."""
        return self.sync.open_report(report_id, top)

    def apply_scroll(self) -> None:
        self.sync.apply_scroll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.assembled:
            return
        self.side_panes.fit()  # a smaller screen than last time: the report first
        if self.sync.pending_top is not None:
            QTimer.singleShot(0, self.apply_scroll)

    def select_annotation(self, annotation_id: str | None, *, after_paint: bool = False) -> None:
        """Select one annotation everywhere (None: none). `after_paint`: the outline now,
        the inspector once the report view has painted (a new highlight shows at once)."""
        self.state.select(annotation_id, after_paint=after_paint)

    def _selection_changed(self, annotation_id: str | None, after_paint: bool) -> None:
        self.report_view.set_selected(annotation_id)
        self.table.select_annotation(annotation_id)
        if after_paint:
            self._inspector_later.schedule()
        else:
            self._inspector_later.cancel()
            self.fields.show_selected()

    def _filter_changed(self) -> None:
        """The table and the report show the same annotations; an orphan (its quote was
        not found after a re-import) is listed, never painted over the text now there."""
        shown = self.state.shown
        self.table.set_shown(shown)

        def key_shown(key: str) -> bool:  # runs while painting: reads nothing
            found = self.sync.loaded(key)
            if found is None:
                return True
            return not found.orphaned and (shown is None or shown(found))

        self.report_view.set_highlight_filter(key_shown)

    def _table_ids(self) -> list[str]:
        return self.table.shown_ids()

    def _highlight_clicked(self, key: str) -> None:
        if not is_citation_key(key):
            self.select_annotation(key)

    def _jump_to_annotation(self, annotation_id: str) -> None:
        self.select_annotation(annotation_id)
        found = self.state.annotation(annotation_id)
        if found is not None:
            self.report_view.scroll_to(found.start)
            self.report_view.setFocus()

    def show_passage(self, report_id: int, uuid: str) -> None:
        """Open the report of a passage and select it there."""
        if self.open_report(report_id):
            self.select_annotation(uuid)
            found = self.state.annotation(uuid)
            if found is not None:
                self.report_view.scroll_to(found.start)
            self.activateWindow()

    def focus_table(self) -> None:
        self.lower_tabs.setCurrentWidget(self.table)
        self.table.view.setFocus()

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
        self.state.set_tags(self.ws.tags())

    def _tags_changed(self) -> None:
        tags = self.state.tags
        self.look.follow_tags(tags)
        self.tag_palette.set_tags(tags)
        self.inspector.set_tags(tags)
        self.table.set_tags(tags)
        self.menu_actions.set_tags(tags, self.editing.apply_tag)

    def open_codebook(self) -> CodebookDialog:
        from glossator.ui.codebook.dialog import CodebookDialog

        if self.codebook_dialog is None:
            self.codebook_dialog = CodebookDialog(self.ws, self.undo, self)
        self.codebook_dialog.reload()
        self.codebook_dialog.show()
        self.codebook_dialog.raise_()
        return self.codebook_dialog

    codebook_dialog: CodebookDialog | None = None
    _skeleton: Skeleton
    team: TeamWindow
    exchange_actions: ExchangeActions

    # -- reviewer ---------------------------------------------------------------------------

    def switch_reviewer(self) -> None:
        self.reviewer.switch()

    def show_shortcuts(self) -> dialogs.ShortcutsDialog:
        """F1: the sheet of every key (window-modal, not blocking: it is read while typing
        into its search box)."""
        sheet = dialogs.ShortcutsDialog(self.menu_actions.shortcut_groups(), self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_sheet = sheet
        sheet.open()
        return sheet

    shortcuts_sheet: dialogs.ShortcutsDialog | None = None

    # -- import -----------------------------------------------------------------------------

    def import_paths(self, items: list[str]) -> list[ImportOutcome]:
        """Import files and folders (with a progress dialog); what became of each file."""
        return self.imports.import_paths(items)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.assembled and dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Annotation sets are merged (their report shown first), the rest imported as
        reports."""
        items = dropped_paths(event.mimeData()) if self.assembled else []
        if items:
            event.acceptProposedAction()
            sets = [i for i in items if is_annotation_set(i)]
            reports = [i for i in items if not is_annotation_set(i)]
            if reports:
                QTimer.singleShot(0, lambda: self.import_paths(reports))
            if sets:
                QTimer.singleShot(0, lambda: self.exchange.import_sets(sets))

    # -- remembering ------------------------------------------------------------------------

    @property
    def zoom_steps(self) -> int:
        return self._zoom

    def save_state(self) -> None:
        save_window(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.assembled:  # closed before it was built: nothing to keep, nothing to build
            self._skeleton.cancel()
            super().closeEvent(event)
            return
        self.inspector.commit_note()
        if self.undo.pending and not self.undo.retry_pending():
            if not dialogs.confirm_losing_pending(self, self.undo.pending,
                                                  self.undo.pending_reason):
                event.ignore()
                return
            self.undo.discard_pending()
        self.save_state()
        self.team.stop()
        self.ws.unsubscribe(self.sync.on_change)
        for timer in self.findChildren(QTimer):  # nothing reads a closed workspace later
            timer.stop()
        super().closeEvent(event)
