"""Names for the panes' controls that have no label of their own to give one (a search box
with a placeholder, a list under a pane title): what a screen reader says when the keyboard
reaches them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from glossator.ui.app.layout import Panes


def name_controls(p: Panes) -> None:
    table = p.table
    named: list[tuple[QWidget | None, str]] = [
        (p.report_view, "Report"),
        (p.library.search, "Search the library"),
        (p.library.view, "Reports"),
        (p.library.filter, "Show reports"),
        (getattr(table, "search", None), "Filter the annotations"),
        (getattr(table, "view", None), "Annotations of this report"),
        (p.lower_tabs.tabBar(), "Annotations, suggestions and orphans"),
        (p.footnotes.focusProxy(), "Footnotes"),
        (p.inspector_area, "Inspector"),
        (p.tag_palette.tree, "Tags (press a tag's key in the report)"),
    ]
    for widget, name in named:
        if widget is not None and not widget.accessibleName():
            widget.setAccessibleName(name)
