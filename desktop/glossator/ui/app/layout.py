"""The window's panes: library and tags on the left, the report above the annotations and
suggestions in the centre, footnotes and the inspector on the right, in splitters."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QMainWindow,
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
from glossator.ui.library.orphans import OrphansPanel
from glossator.ui.library.panel import LibraryPanel
from glossator.ui.notes.footnote_panel import FootnotePanel
from glossator.ui.reader.report_view import ReportView
from glossator.ui.review.panel import ReviewPanel


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


@dataclass(frozen=True, slots=True)
class Panes:
    """The window's widgets, given to the controllers that work on them."""

    library: LibraryPanel
    tag_palette: TagPalette
    report_view: ReportView
    table: AnnotationTable
    suggestion_panel: SuggestionPanel
    lower_tabs: QTabWidget
    footnotes: FootnotePanel
    review_panel: ReviewPanel
    inspector: Inspector
    inspector_area: QScrollArea | None
    storage_banner: StorageBanner
    splitters: dict[str, QSplitter]
    orphans: OrphansPanel


def build_panes(w: QMainWindow) -> Panes:
    """Create the window's widgets and lay them out as its central widget."""
    library = LibraryPanel(w)
    palette = TagPalette(w)
    report_view = ReportView(w)
    report_view.setObjectName("reportView")
    report_view.setPlaceholderText(
        "No report open. Import reports with File \u25b8 Import files (Ctrl+O), "
        "or drop files and folders on this window.")
    report_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    report_view.setMinimumSize(200, 120)
    table = AnnotationTable(w)
    suggestion_panel = SuggestionPanel(w)
    lower_tabs = QTabWidget(w)
    lower_tabs.setObjectName("lowerTabs")
    lower_tabs.setDocumentMode(True)
    lower_tabs.addTab(table, "Annotations")
    lower_tabs.addTab(suggestion_panel, "Suggestions")
    orphans = OrphansPanel(w)
    lower_tabs.addTab(orphans, "Orphans")
    lower_tabs.setTabVisible(lower_tabs.indexOf(orphans), False)  # shown while there are
    lower_tabs.setMinimumSize(140, 90)
    footnotes = FootnotePanel(w)
    footnotes.setObjectName("footnotePanel")
    notes_list = footnotes.findChild(QAbstractItemView, "footnoteList")
    if notes_list is not None:
        footnotes.setFocusProxy(notes_list)
    review_panel = ReviewPanel()
    inspector = Inspector(w, review=review_panel)
    splitters: dict[str, QSplitter] = {}
    panes: dict[str, list[tuple[str | None, QWidget]]] = {
        "left": [("Library", library), ("Tags", palette)],
        "centre": [(None, report_view), (None, lower_tabs)],
        "right": [("Footnotes", footnotes), ("Inspector", inspector)]}
    scrolled = {inspector}
    main = QSplitter(Qt.Orientation.Horizontal, w)
    for name, widgets in panes.items():
        split = QSplitter(Qt.Orientation.Vertical, main)
        for title, widget in widgets:
            split.addWidget(titled(title, widget, widget in scrolled) if title else widget)
        split.setChildrenCollapsible(False)
        splitters[name] = split
    main.setStretchFactor(1, 1)
    splitters["main"] = main
    for name, split in splitters.items():
        split.setObjectName(f"{name}Splitter")
    storage_banner = StorageBanner(w)
    central = QWidget(w)
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(storage_banner)
    column.addWidget(main, 1)
    w.setCentralWidget(central)
    return Panes(library, palette, report_view, table, suggestion_panel, lower_tabs, footnotes,
                 review_panel, inspector, main.findChild(QScrollArea, "inspectorScroll"),
                 storage_banner, splitters, orphans)
