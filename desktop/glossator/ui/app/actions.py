"""The window's actions: menus, toolbar and keyboard shortcuts, in one place.

Only construction lives here; the main window connects each action to what it does.
Single-key shortcuts (tag keys, J/K, F, Delete) never fire while a text field has the
focus: editable fields claim printable keys before shortcuts see them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QWidget

from glossator.services.values import TagView
from glossator.ui.app.undo_actions import undo_redo_actions
from glossator.ui.common.menus import Keys
from glossator.ui.common.tag_icon import tag_icon
from glossator.ui.common.undo import UndoController


def _icon(window: QWidget, theme: str, fallback: QStyle.StandardPixmap | None) -> QIcon:
    backup = window.style().standardIcon(fallback) if fallback is not None else QIcon()
    return QIcon.fromTheme(theme, backup)


class WindowActions:
    """Every QAction of the main window, grouped as the menus show them."""

    def __init__(self, window: QMainWindow, undo: UndoController) -> None:
        self.window = window
        sp = QStyle.StandardPixmap
        make = self.make
        # File
        self.import_files = make("&Import files…", QKeySequence.StandardKey.Open,
                                 "Import report files (text, Markdown, HTML)",
                                 _icon(window, "document-open", sp.SP_DialogOpenButton))
        self.import_folder = make("Import &folder…", "Ctrl+Shift+O",
                                  "Import every report file in a folder",
                                  _icon(window, "folder-open", sp.SP_DirOpenIcon))
        self.reimport = make("&Re-import from file…", "Ctrl+Shift+I",
                             "Replace the open report's text by a changed file, keeping "
                             "its highlights")
        self.recent_menu = QMenu("&Recent imports", window)
        self.recent_menu.setObjectName("recentMenu")
        self.clear_recent = make("&Clear recent imports", None, "Forget the recent imports")
        self.quit = make("&Quit", QKeySequence.StandardKey.Quit, "Close Glossator")
        # Edit
        self.undo, self.redo = undo_redo_actions(window, undo)
        for action in (self.undo, self.redo):
            window.addAction(action)
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(_icon(window, "edit-undo", sp.SP_ArrowBack))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(_icon(window, "edit-redo", sp.SP_ArrowForward))
        self.delete = make("&Delete highlight", ["Del", "Backspace"],
                           "Delete the selected highlight",
                           _icon(window, "edit-delete", sp.SP_TrashIcon))
        self.deselect = make("Clear selectio&n", "Esc", "Deselect the highlight")
        self.edit_note = make("Edit &note", "N", "Write a note on the selected highlight")
        self.span_to_selection = make("Set span to &selection", "Ctrl+E",
                                      "Move the selected highlight to the selected text")
        self.find = make("&Find report…", QKeySequence.StandardKey.Find,
                         "Search the library")
        self.filter_annotations = make("Filter &annotations…", "Ctrl+Shift+F",
                                       "Filter the table of annotations")
        # Navigate
        self.next_annotation = make("&Next annotation", "J", "Select the next highlight",
                                    _icon(window, "go-down", sp.SP_ArrowDown))
        self.previous_annotation = make("&Previous annotation", "K",
                                        "Select the previous highlight",
                                        _icon(window, "go-up", sp.SP_ArrowUp))
        self.marker_note = make("&Footnote ↔ marker", "F",
                                "Jump between a footnote marker and its note")
        self.next_report = make("Next &report", "Ctrl+PgDown", "Open the next report")
        self.previous_report = make("Previous r&eport", "Ctrl+PgUp",
                                    "Open the previous report")
        # View
        self.zoom_in = make("Zoom &in", QKeySequence.StandardKey.ZoomIn, "Larger text",
                            _icon(window, "zoom-in", None))
        self.zoom_out = make("Zoom &out", QKeySequence.StandardKey.ZoomOut, "Smaller text",
                             _icon(window, "zoom-out", None))
        self.reset_zoom = make("&Actual size", "Ctrl+0", "Text at its normal size")
        self.focus_library = make("Go to &library", "Ctrl+1", "Move the focus to the library")
        self.focus_report = make("Go to &report", "Ctrl+2", "Move the focus to the report")
        self.focus_notes = make("Go to &footnotes", "Ctrl+3", "Move the focus to the notes")
        self.focus_table = make("Go to &annotations", "Ctrl+4",
                                "Move the focus to the table of annotations")
        self.focus_inspector = make("Go to &inspector", "Ctrl+5",
                                    "Move the focus to the inspector")
        # Reviewer and help
        self.switch_reviewer = make("&Switch reviewer…", "Ctrl+Shift+R",
                                    "Change who is reviewing",
                                    _icon(window, "system-users", None))
        self.shortcuts = make("&Keyboard shortcuts", ["F1", "Ctrl+/"],
                              "Show every keyboard shortcut")
        self.about = make("&About Glossator", None, "Version and workspace")
        self.tag_menu = QMenu("&Tag selection", window)
        self.tag_menu.setObjectName("tagMenu")
        self.tag_actions: list[QAction] = []
        self.menus: list[tuple[str, list[QAction]]] = []

    def make(self, text: str, keys: Keys | None, tip: str, icon: QIcon | None = None) -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif isinstance(keys, str):
            action.setShortcut(QKeySequence(keys))
        elif keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        self.window.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    # -- tags -------------------------------------------------------------------------------

    def set_tags(self, tags: list[TagView], chosen: Callable[[int], None]) -> None:
        """One action per tag under Annotate > Tag selection, with its key when it has one."""
        for action in self.tag_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.tag_menu.clear()
        self.tag_actions = []
        for tag in tags:
            indent = "    " if tag.parent_id is not None else ""
            action = QAction(tag_icon(tag.color), indent + tag.name.replace("&", "&&"),
                             self.window)
            if tag.shortcut:
                action.setShortcut(QKeySequence(tag.shortcut))
            action.setStatusTip(f"Highlight the selected text as {tag.path}")
            action.triggered.connect(lambda _checked=False, tid=tag.id: chosen(tid))
            self.window.addAction(action)
            self.tag_menu.addAction(action)
            self.tag_actions.append(action)

    # -- menus and toolbar ------------------------------------------------------------------

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        groups: list[tuple[str, list[QAction | QMenu | None]]] = [
            ("&File", [self.import_files, self.import_folder, self.recent_menu, None,
                       self.reimport, None, self.quit]),
            ("&Edit", [self.undo, self.redo, None, self.delete, self.deselect, None,
                       self.find, self.filter_annotations]),
            ("&Annotate", [self.tag_menu, None, self.edit_note, self.span_to_selection]),
            ("&Navigate", [self.next_annotation, self.previous_annotation, self.marker_note,
                           None, self.next_report, self.previous_report]),
            ("&View", [self.zoom_in, self.zoom_out, self.reset_zoom, None, self.focus_library,
                       self.focus_report, self.focus_notes, self.focus_table,
                       self.focus_inspector]),
            ("&Reviewer", [self.switch_reviewer]),
            ("&Help", [self.shortcuts, None, self.about]),
        ]
        for title, items in groups:
            menu = bar.addMenu(title)
            menu.setObjectName(title.replace("&", "").lower() + "Menu")
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif isinstance(item, QMenu):
                    menu.addMenu(item)
                else:
                    menu.addAction(item)
            self.menus.append((title, [i for i in items if isinstance(i, QAction)]))

    def shortcut_groups(self) -> list[tuple[str, list[QAction]]]:
        groups = [(title, list(actions)) for title, actions in self.menus]
        for title, actions in groups:
            if title == "&Annotate":
                actions[:0] = self.tag_actions
        return groups

    def build_toolbar(self) -> QToolBar:
        bar = QToolBar("Main", self.window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (self.import_files, None, self.undo, self.redo, self.delete, None,
                     self.previous_annotation, self.next_annotation, None, self.zoom_out,
                     self.zoom_in, None, self.switch_reviewer):
            if item is None:
                bar.addSeparator()
            else:
                bar.addAction(item)
        self.window.addToolBar(bar)
        return bar

    def update_recent(self, paths: list[str], open_recent: Callable[[str], object]) -> None:
        self.recent_menu.clear()
        for i, path in enumerate(paths):
            escaped = path.replace("&", "&&")
            action = self.recent_menu.addAction(f"&{i + 1}  {escaped}" if i < 9 else escaped)
            action.triggered.connect(lambda _checked=False, p=path: open_recent(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.clear_recent)
        self.recent_menu.setEnabled(bool(paths))


class KeyFallback(QObject):
    """Delivers a window action's plain-key shortcut typed into the report view.

    Shortcuts normally reach the window's actions first; when the window is not the
    active one (some window managers, tests) the key lands in the view instead.
    """

    def __init__(self, actions: Callable[[], Sequence[QAction]], parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            typed = QKeySequence(event.keyCombination())
            for action in self._actions():
                if action.isEnabled() and any(
                        k.matches(typed) == QKeySequence.SequenceMatch.ExactMatch
                        for k in action.shortcuts()):
                    action.trigger()
                    return True
        return super().eventFilter(watched, event)
