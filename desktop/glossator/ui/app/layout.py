"""The window's panes: library and tags on the left, the report above the annotations and
suggestions in the centre, footnotes and the inspector on the right, in splitters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from glossator.ui.annotations.table import AnnotationTable
from glossator.ui.app.storage_banner import StorageBanner
from glossator.ui.attribution.suggestion_panel import SuggestionPanel
from glossator.ui.codebook.tag_palette import TagPalette
from glossator.ui.inspector.inspector import Inspector
from glossator.ui.library.panel import LibraryPanel
from glossator.ui.notes.footnote_panel import FootnotePanel
from glossator.ui.reader.report_view import ReportView

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow

SPLITTER_SIZES = {"main": [310, 900, 390], "left": [470, 400], "centre": [620, 250],
                  "right": [300, 600]}


def titled(title: str, widget: QWidget, scroll: bool = False) -> QWidget:
    """A pane: a small title above the widget. Panes may be squeezed on small screens."""
    box = QWidget()
    box.setMinimumSize(140, 90)
    if scroll:
        area = QScrollArea(box)
        area.setObjectName(f"{widget.objectName()}Scroll")
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        widget = area
    label = QLabel(title, box)
    label.setObjectName("paneTitle")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 2)
    layout.setSpacing(4)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def build_panes(w: MainWindow) -> None:
    """Create the window's widgets and lay them out as the central widget."""
    w.library = LibraryPanel(w)
    w.palette = TagPalette(w)
    w.report_view = ReportView(w)
    w.report_view.setObjectName("reportView")
    w.report_view.setPlaceholderText(
        "No report open. Import reports with File \u25b8 Import files (Ctrl+O), "
        "or drop files and folders on this window.")
    w.report_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    w.report_view.setMinimumSize(200, 120)
    w.table = AnnotationTable(w)
    w.suggestion_panel = SuggestionPanel(w)
    w.lower_tabs = QTabWidget(w)
    w.lower_tabs.setObjectName("lowerTabs")
    w.lower_tabs.setDocumentMode(True)
    w.lower_tabs.addTab(w.table, "Annotations")
    w.lower_tabs.addTab(w.suggestion_panel, "Suggestions")
    w.lower_tabs.setMinimumSize(140, 90)
    w.footnotes = FootnotePanel(w)
    w.footnotes.setObjectName("footnotePanel")
    notes_list = w.footnotes.findChild(QAbstractItemView, "footnoteList")
    if notes_list is not None:
        w.footnotes.setFocusProxy(notes_list)
    w.inspector = Inspector(w)
    w.splitters = {}
    panes: dict[str, list[tuple[str | None, QWidget]]] = {
        "left": [("Library", w.library), ("Tags", w.palette)],
        "centre": [(None, w.report_view), (None, w.lower_tabs)],
        "right": [("Footnotes", w.footnotes), ("Inspector", w.inspector)]}
    scrolled = {w.inspector}
    main = QSplitter(Qt.Orientation.Horizontal, w)
    for name, widgets in panes.items():
        split = QSplitter(Qt.Orientation.Vertical, main)
        for title, widget in widgets:
            split.addWidget(titled(title, widget, widget in scrolled) if title else widget)
        split.setChildrenCollapsible(False)
        w.splitters[name] = split
    main.setStretchFactor(1, 1)
    w.splitters["main"] = main
    for name, split in w.splitters.items():
        split.setObjectName(f"{name}Splitter")
    w.inspector_area = main.findChild(QScrollArea, "inspectorScroll")
    w.storage_banner = StorageBanner(w)
    central = QWidget(w)
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(w.storage_banner)
    column.addWidget(main, 1)
    w.setCentralWidget(central)
