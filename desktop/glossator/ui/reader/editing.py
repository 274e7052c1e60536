"""Turning the reviewer's gestures into commands: highlight the selection with a tag,
retag, delete, edit in the inspector, move a span, and the report's context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from glossator.services.annotations import (
    AddAnnotation,
    AnnotationFields,
    DeleteAnnotations,
    EditAnnotation,
)
from glossator.services.values import AnnotationView
from glossator.ui.common.undo import UndoController
from glossator.ui.reader.citing import CitationFinder
from glossator.ui.reader.report_view import ReportView
from glossator.ui.state import WindowState


class ContextActions(Protocol):
    """The menu actions the report's context menu offers (the window's menus own them)."""

    @property
    def tag_menu(self) -> QMenu: ...
    @property
    def tag_actions(self) -> list[QAction]: ...
    @property
    def edit_note(self) -> QAction: ...
    @property
    def span_to_selection(self) -> QAction: ...
    @property
    def delete(self) -> QAction: ...


class Editing:
    """Each method sends at most one command through the window's undo controller."""

    def __init__(self, state: WindowState, view: ReportView, undo: UndoController,
                 say: Callable[[str, int], None]) -> None:
        self.state, self.view, self.undo, self._status = state, view, undo, say
        self.actions: ContextActions | None = None  # given once the menus are built
        self._citations: CitationFinder | None = None  # the open report's
        state.reportOpened.connect(lambda _id: self.reset())
        # made on a turn of its own once the report's notes are read, not in the first key
        state.reportShown.connect(lambda: QTimer.singleShot(0, self._prepare))

    def reset(self) -> None:
        """A new report is open."""
        self._citations = None

    def _say(self, message: str) -> None:
        self._status(message, 5000)

    def _prepare(self) -> None:
        report = self.state.report_so_far()
        if self._citations is None and report is not None and report.markers:
            self._citations = CitationFinder(report)

    def cites_for(self, span: tuple[int, int]) -> tuple[str, ...]:
        """The notes a new highlight cites: markers inside it, else the next in its paragraph."""
        report = self.state.report
        if report is None or not report.markers:
            return ()
        if self._citations is None:
            self._citations = CitationFinder(report)
        return self._citations.cites(span)

    def apply_tag(self, tag_id: int) -> None:
        """Highlight the report's selection with a tag; with no selection, toggle the tag
        on the selected highlight."""
        state, view = self.state, self.view
        report = state.report
        if report is None:
            self._say("Open a report first")
            return
        span = view.selection_span()
        if span is None:
            selected = state.annotation(state.selected)
            if selected is None:
                self._say("Select some text first, then press a tag key")
                return
            ids = list(selected.tag_ids)
            ids = [i for i in ids if i != tag_id] if tag_id in ids else [*ids, tag_id]
            self.edit(selected.id, AnnotationFields(tag_ids=tuple(ids)), "retag highlight",
                      selected)
            return
        command = AddAnnotation(report.id, span[0], span[1], tag_ids=[tag_id],
                                cites=self.cites_for(span))
        if self.undo.push(command) is not None:
            cursor = view.textCursor()
            cursor.clearSelection()
            view.setTextCursor(cursor)
            state.select(command.uuid, after_paint=True)

    def delete_selected(self) -> None:
        selected = self.state.selected
        if selected is None or self.state.annotation(selected) is None:
            self._say("Select a highlight to delete it")
            return
        seen = self.state.annotation(selected)
        command = DeleteAnnotations([selected])
        if seen is not None:  # a change someone made since it was shown is a conflict
            command.based_on(seen)
        self.undo.push(command, seen)

    def edit(self, uuid: str, fields: AnnotationFields, label: str,
             seen: AnnotationView | None = None) -> None:
        """Edit an annotation as the user saw it (`seen`, else the window's value): if
        someone else has changed it since, the edit is refused with a conflict to settle,
        never written over their change."""
        if seen is None or seen.id != uuid:
            seen = self.state.annotation(uuid)
        command = EditAnnotation(uuid, fields, label)
        if seen is not None:
            command.based_on(seen)
        self.undo.push(command, seen)

    def span_to_selection(self) -> None:
        """Move the selected highlight onto the text selected in the report."""
        span = self.view.selection_span()
        selected = self.state.selected
        if selected is None or span is None:
            self._say("Select a highlight, then select the text it should cover")
            return
        self.edit(selected, AnnotationFields(span=span), "adjust highlight")

    def context_menu(self, point: QPoint) -> None:
        menu = self.build_context_menu(point)
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """Copy and select as usual, then the tags, then what applies to a highlight."""
        state, view, actions = self.state, self.view, self.actions
        assert actions is not None, "the menus are built before the first context menu"
        cp = view.cp_at(point)
        keys = ([k for k in view.highlight_at(cp) if state.annotation(k) is not None]
                if cp is not None else [])
        if keys and view.selection_span() is None:
            state.select(keys[0])
        menu = view.createStandardContextMenu(point)
        menu.addSeparator()
        tags = menu.addMenu(actions.tag_menu.title())
        tags.addActions(actions.tag_actions)
        tags.setEnabled(view.selection_span() is not None or state.selected is not None)
        if state.selected is not None:
            menu.addAction(actions.edit_note)
            menu.addAction(actions.span_to_selection)
            menu.addAction(actions.delete)
        return menu
