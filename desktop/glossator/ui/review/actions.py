"""The window's review actions, in a Review menu: decide on the selected highlight, decide
on everything the table shows, the author and status filters, and the agreement dialog.

Keys: Shift+A / Shift+R / Shift+D accept, reject and dispute the selected highlight (A and R
alone answer suggestions), Shift+C writes a comment; Ctrl+Alt+M shows only one's own work,
Ctrl+Alt+0 everyone's and every status, Ctrl+Alt+1..4 one status; Ctrl+Shift+G agreement.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from glossator.ui.common.menus import MenuHost

STATUS_KEYS = (("proposed", "Ctrl+Alt+1"), ("accepted", "Ctrl+Alt+2"),
               ("rejected", "Ctrl+Alt+3"), ("disputed", "Ctrl+Alt+4"))


class ReviewActions:
    """Built on the window's actions: same construction, a menu before Help, the sheet."""

    def __init__(self, actions: MenuHost) -> None:
        make = actions.make
        self.accept = make("&Accept highlight", "Shift+A",
                           "Accept the selected highlight (not your own)")
        self.reject = make("&Reject highlight", "Shift+R", "Reject the selected highlight")
        self.dispute = make("&Dispute highlight", "Shift+D",
                            "Mark the selected highlight as disputed, to discuss it")
        self.comment = make("&Comment…", "Shift+C", "Write a comment on the selected highlight")
        self.accept_shown = make("Accept all &shown", None,
                                 "Accept every highlight the table shows (not your own)")
        self.reject_shown = make("Reject all s&hown", None,
                                 "Reject every highlight the table shows")
        self.show_all = make("Show &everyone's work", "Ctrl+Alt+0",
                             "Show every reviewer's highlights, whatever their status")
        self.only_mine = make("Show only &mine", "Ctrl+Alt+M", "Show only your own highlights")
        self.status_actions = {
            status: make(f"Only {status}", key, f"Show only {status} highlights")
            for status, key in STATUS_KEYS
        }
        self.agreement = make("A&greement…", "Ctrl+Shift+G",
                              "Agreement between reviewers; settle their disagreements")
        self._add_menu(actions)

    def _add_menu(self, actions: MenuHost) -> None:
        items: list[QAction | None] = [
            self.accept, self.reject, self.dispute, self.comment, None, self.accept_shown,
            self.reject_shown, None, self.show_all, self.only_mine,
            *self.status_actions.values(), None, self.agreement]
        bar = actions.window.menuBar()
        menu = QMenu("Re&view", actions.window)
        menu.setObjectName("reviewMenu")
        for item in items:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
        help_menu = next((m for m in bar.findChildren(QMenu) if m.title() == "&Help"), None)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self.menu = menu
        group = ("Re&view", [i for i in items if i is not None])
        at = next((n for n, (title, _a) in enumerate(actions.menus) if title == "&Help"),
                  len(actions.menus))
        actions.menus.insert(at, group)
