"""File ▸ Export annotations… and Import annotations…, made with the window's actions and
put in its File menu above Quit (and in the shortcuts sheet's File group)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from glossator.ui.common.menus import MenuHost


class ExchangeActions:
    def __init__(self, host: MenuHost) -> None:
        make = host.make
        self.export = make("&Export annotations\u2026", "Ctrl+Shift+E",
                           "Write annotations for other tools: W3C JSON-LD, JSON Lines, CSV, "
                           "REFI-QDA, brat")
        self.import_sets = make("Import &annotations\u2026", "Ctrl+Shift+A",
                                "Merge a colleague's annotation set (.jsonld, .jsonl, .qdpx, "
                                ".qdc); you see what it adds before it is imported")
        self._add(host)

    def _add(self, host: MenuHost) -> None:
        bar = host.window.menuBar()
        menu = next((m for m in bar.findChildren(QMenu) if m.objectName() == "fileMenu"), None)
        actions = [self.export, self.import_sets]
        if menu is not None:
            present = menu.actions()  # ... Re-import, a separator, Quit
            if len(present) >= 2:
                for action in actions:
                    menu.insertAction(present[-2], action)
                menu.insertSeparator(self.export)
            else:
                menu.addActions(actions)
        group = next((items for title, items in host.menus if title == "&File"), None)
        if group is not None:
            at = len(group) - 1 if group else 0  # before Quit
            group[at:at] = actions
        else:
            host.menus.insert(0, ("&File", list(actions)))
