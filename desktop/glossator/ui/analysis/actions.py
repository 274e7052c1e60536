"""The window's analysis actions: the passages, counts, stance over time and memos under
View, the open report exported or printed with its highlights under File."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from glossator.ui.common.menus import MenuHost


class AnalysisActions:
    """Built on the window's actions: same construction, same menus, same shortcut sheet."""

    def __init__(self, actions: MenuHost) -> None:
        make = actions.make
        # View
        self.passages = make("&Passages…", "Ctrl+Shift+P",
                             "Every passage across the library that matches a query")
        self.counts = make("Cou&nts and co-occurrence…", "Ctrl+Shift+K",
                           "Tag frequencies, and which tags (or speakers) go together")
        self.timeline = make("Stance over &time…", None,
                             "Stances toward a target month by month")
        self.memos = make("M&emos…", None,
                          "Memos on the open report, a tag, a speaker or the workspace")
        # File
        self.export_report = make("E&xport report with highlights…", None,
                                  "The open report with its annotations as an HTML page "
                                  "or a PDF")
        self.print_report = make("&Print report…", QKeySequence.StandardKey.Print,
                                 "Print the open report with its highlights and annotations")
        self._add_to_menus(actions)

    def _add_to_menus(self, actions: MenuHost) -> None:
        bar = actions.window.menuBar()
        menus = {m.title(): m for m in bar.findChildren(QMenu)}
        view = menus.get("&View")
        if view is not None:
            view.addSeparator()
            for action in (self.passages, self.counts, self.timeline, self.memos):
                view.addAction(action)
        file = menus.get("&File")
        if file is not None:  # before Quit, the File menu's last entry
            last = file.actions()[-1] if file.actions() else None
            items: list[QAction | None] = [self.export_report, self.print_report, None]
            for item in items:
                if item is None:
                    file.insertSeparator(last) if last is not None else file.addSeparator()
                elif last is not None:
                    file.insertAction(last, item)
                else:
                    file.addAction(item)
        for title, group in actions.menus:
            if title == "&View":
                group.extend([self.passages, self.counts, self.timeline, self.memos])
            elif title == "&File":
                group.extend([self.export_report, self.print_report])
