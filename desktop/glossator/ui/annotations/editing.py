"""Turning the reviewer's gestures into commands: highlight the selection with a tag,
retag, delete, edit in the inspector, move a span, and the report's context menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from glossator.core.citations import cited_labels
from glossator.core.footnotes_model import FootnoteLayout, Marker, Note
from glossator.core.text import paragraphs
from glossator.services.annotations import (
    AddAnnotation,
    AnnotationFields,
    DeleteAnnotations,
    EditAnnotation,
)
from glossator.services.values import ReportDetail

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow


def footnote_layout(report: ReportDetail) -> FootnoteLayout:
    """The report's footnotes as the core citation rules expect them."""
    style = report.footnote_style if report.footnote_style in (
        "bracket", "markdown", "superscript", "inline", "none") else "none"
    return FootnoteLayout(
        style,
        tuple(Marker(m.label, m.start, m.end) for m in report.markers),
        tuple(Note(n.label, n.start, n.end, n.text_start, n.text) for n in report.notes),
        report.body_end,
    )


class Editing:
    """Each method sends at most one command through the window's undo controller."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self._layout: tuple[FootnoteLayout, list[tuple[int, int]]] | None = None

    def reset(self) -> None:
        """A new report is open."""
        self._layout = None

    def _say(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 5000)

    def cites_for(self, span: tuple[int, int]) -> tuple[str, ...]:
        """The notes a new highlight cites: markers inside it, else the next in its paragraph."""
        report = self.w.report
        if report is None or not report.markers:
            return ()
        if self._layout is None:
            self._layout = (footnote_layout(report), paragraphs(report.text))
        layout, paras = self._layout
        labels = cited_labels(span, layout, paras, text=report.text)
        noted = {n.label for n in report.notes}
        return tuple(label for label in labels if label in noted)

    def apply_tag(self, tag_id: int) -> None:
        """Highlight the report's selection with a tag; with no selection, toggle the tag
        on the selected highlight."""
        w = self.w
        if w.report is None:
            self._say("Open a report first")
            return
        span = w.report_view.selection_span()
        if span is None:
            selected = w.annotations.get(w.selected) if w.selected else None
            if selected is None:
                self._say("Select some text first, then press a tag key")
                return
            ids = list(selected.tag_ids)
            ids = [i for i in ids if i != tag_id] if tag_id in ids else [*ids, tag_id]
            self.edit(selected.id, AnnotationFields(tag_ids=tuple(ids)), "retag highlight")
            return
        command = AddAnnotation(w.report.id, span[0], span[1], tag_ids=[tag_id],
                                cites=self.cites_for(span))
        if w.undo.push(command) is not None:
            cursor = w.report_view.textCursor()
            cursor.clearSelection()
            w.report_view.setTextCursor(cursor)
            w.select_annotation(command.uuid, after_paint=True)

    def delete_selected(self) -> None:
        if self.w.selected is None or self.w.selected not in self.w.annotations:
            self._say("Select a highlight to delete it")
            return
        self.w.undo.push(DeleteAnnotations([self.w.selected]))

    def edit(self, uuid: str, fields: AnnotationFields, label: str) -> None:
        self.w.undo.push(EditAnnotation(uuid, fields, label))

    def span_to_selection(self) -> None:
        """Move the selected highlight onto the text selected in the report."""
        span = self.w.report_view.selection_span()
        if self.w.selected is None or span is None:
            self._say("Select a highlight, then select the text it should cover")
            return
        self.edit(self.w.selected, AnnotationFields(span=span), "adjust highlight")

    def context_menu(self, point: QPoint) -> None:
        menu = self.build_context_menu(point)
        menu.exec(self.w.report_view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """Copy and select as usual, then the tags, then what applies to a highlight."""
        w = self.w
        view = w.report_view
        cp = view.cp_at(point)
        keys = [k for k in view.highlight_at(cp) if k in w.annotations] if cp is not None else []
        if keys and view.selection_span() is None:
            w.select_annotation(keys[0])
        menu = view.createStandardContextMenu(point)
        menu.addSeparator()
        tags = menu.addMenu(w.menu_actions.tag_menu.title())
        tags.addActions(w.menu_actions.tag_actions)
        tags.setEnabled(view.selection_span() is not None or w.selected is not None)
        if w.selected is not None:
            menu.addAction(w.menu_actions.edit_note)
            menu.addAction(w.menu_actions.span_to_selection)
            menu.addAction(w.menu_actions.delete)
        return menu
